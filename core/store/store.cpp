// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.h"

#include "logging.h"
#include "privatefiles.h"
#include "storeprivate.h"
#include "storeschema.h"

#include <QFileInfo>
#include <QSqlDatabase>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

/// Moves a read value into @p target, or gives its error.
template<typename T>
Result<void> take(Result<T> value, T &target)
{
    if (!value) {
        return std::unexpected(value.error());
    }
    target = std::move(*value);
    return {};
}

/// The account without its notes: profile (the avatar's bytes only @p withFileBytes), courses, events and feeds.
Result<void> readParts(const ProfileRecords &profile, const CourseRecords &courses, const PlannerRecords &planner,
    bool withFileBytes, AccountSnapshot &parts)
{
    if (auto p = take(profile.profile(), parts.profile); !p) {
        return p;
    }
    if (!withFileBytes) {
        parts.profile.avatar.bytes.clear();
    }
    Result<void> rest = take(courses.courses(), parts.courses);
    rest = rest.and_then([&] { return take(planner.events(), parts.events); });
    return rest.and_then([&] { return take(planner.feeds(), parts.feeds); });
}

const QString openConsequence = u"Cannot open the local store"_s;
const QString openProcess = u"Core.Store/open"_s;

/// The data folder 0700; the database and its -wal, -shm and -journal files 0600.
Result<void> makePrivate(const QFileInfo &info)
{
    if (auto folder = PrivateFiles::ensureFolder(info.absolutePath(), openConsequence, openProcess); !folder) {
        return folder;
    }
    if (auto file = PrivateFiles::ensureFile(info.absoluteFilePath(), openConsequence, openProcess); !file) {
        return file;
    }
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        if (auto side = PrivateFiles::tightenFile(info.absoluteFilePath() + suffix, openConsequence, openProcess);
            !side) {
            return side;
        }
    }
    return {};
}

/// The file's schema version, read before anything is written: a file from a newer version stays untouched.
Result<int> readableVersion(const StoreContext &context)
{
    const Result<int> version = StoreSchema::storedVersion(context);
    if (version && *version > Store::schemaVersion) {
        return fail(openConsequence, openProcess,
            u"%1 was written by a newer version of the app (schema version %2, this build reads up to %3)"_s
                .arg(context.path())
                .arg(*version)
                .arg(Store::schemaVersion));
    }
    return version;
}

} // namespace

Store::Store(QString path, const Clock *clock)
    : d(std::make_unique<Private>(std::move(path), clock))
{
}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const QString &path, const Clock *clock)
{
    Q_ASSERT(clock);
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        return fail(openConsequence, openProcess, u"the Qt SQLite driver (QSQLITE) is not available"_s);
    }
    const QFileInfo info(path);
    // Owner-only from the start: the folder 0700, the database 0600 (SQLite gives its -wal and -shm the same mode).
    if (auto isPrivate = makePrivate(info); !isPrivate) {
        return std::unexpected(isPrivate.error());
    }
    std::unique_ptr<Store> store(new Store(info.absoluteFilePath(), clock));
    StoreContext &context = store->d->context;
    if (auto connected = context.connect(openConsequence, openProcess); !connected) {
        return std::unexpected(connected.error());
    }
    const Result<int> version = readableVersion(context);
    if (!version) {
        return std::unexpected(version.error());
    }
    if (auto configured = context.configure(openConsequence, openProcess); !configured) {
        return std::unexpected(configured.error());
    }
    if (auto migrated = StoreSchema::migrate(context, *version); !migrated) {
        return std::unexpected(migrated.error());
    }
    qCInfo(lcStore).noquote()
        << u"Local store opened: Core.Store/open — %1 (schema version %2)"_s.arg(context.path()).arg(schemaVersion);
    return store;
}

QString Store::path() const
{
    return d->context.path();
}

bool Store::isSafeSlug(const QString &slug)
{
    return CourseRecords::isSafeSlug(slug);
}

Result<void> Store::transaction(const std::function<Result<void>()> &work)
{
    return d->context.transaction(work);
}

// ---- forwards to the parts -----------------------------------------------------------------------------------------

Result<Profile> Store::profile() const
{
    return d->profile.profile();
}

Result<void> Store::saveProfile(const Profile &profile)
{
    return d->profile.saveProfile(profile);
}

Result<void> Store::setAvatar(const StoredFile &file)
{
    return d->profile.setAvatar(file);
}

Result<QList<Course>> Store::courses() const
{
    return d->courses.courses();
}

Result<std::optional<Course>> Store::course(qint64 id) const
{
    return d->courses.course(id);
}

Result<std::optional<Course>> Store::courseBySlug(const QString &slug) const
{
    return d->courses.courseBySlug(slug);
}

Result<std::optional<Course>> Store::courseByClientId(const QString &clientCourseId) const
{
    return d->courses.courseByClientId(clientCourseId);
}

Result<Course> Store::saveCourse(Course course)
{
    return d->courses.saveCourse(std::move(course));
}

Result<void> Store::deleteCourse(qint64 id)
{
    return d->courses.deleteCourse(id);
}

Result<QList<Note>> Store::notes(const NoteQuery &query) const
{
    return d->notes.notes(query);
}

Result<QList<NoteSummary>> Store::noteSummaries(const NoteQuery &query) const
{
    return d->notes.noteSummaries(query);
}

Result<int> Store::noteCount(const NoteQuery &query) const
{
    return d->notes.noteCount(query);
}

Result<std::optional<Note>> Store::note(qint64 id) const
{
    return d->notes.note(id);
}

Result<std::optional<Note>> Store::noteByUuid(const QUuid &uuid) const
{
    return d->notes.noteByUuid(uuid);
}

Result<std::optional<Note>> Store::noteByClientDraftId(const QString &clientDraftId) const
{
    return d->notes.noteByClientDraftId(clientDraftId);
}

Result<Note> Store::saveNote(Note note)
{
    return d->notes.saveNote(std::move(note));
}

Result<void> Store::softDeleteNote(qint64 id)
{
    return d->notes.softDeleteNote(id);
}

Result<int> Store::emptyRecycleBin()
{
    return d->notes.emptyRecycleBin();
}

Result<void> Store::restoreNote(qint64 id)
{
    return d->notes.restoreNote(id);
}

Result<void> Store::setNoteCover(qint64 noteId, const StoredFile &file)
{
    return d->notes.setNoteCover(noteId, file);
}

Result<Attachment> Store::addAttachment(qint64 noteId, Attachment attachment)
{
    return d->notes.addAttachment(noteId, std::move(attachment));
}

Result<std::optional<MediaFile>> Store::mediaFile(const QString &token) const
{
    return d->media.mediaFile(token);
}

Result<QString> Store::noteCoverToken(qint64 noteId)
{
    return d->media.noteCoverToken(noteId);
}

Result<QString> Store::avatarToken()
{
    return d->media.avatarToken();
}

Result<QList<AttachmentEntry>> Store::attachmentEntries(qint64 noteId, std::optional<qint64> attachmentId)
{
    return d->media.attachments(noteId, attachmentId);
}

Result<bool> Store::deleteAttachment(qint64 noteId, qint64 attachmentId)
{
    return d->media.deleteAttachment(noteId, attachmentId);
}

Result<NoteSession> Store::saveNoteSession(NoteSession session)
{
    return d->sessions.save(std::move(session));
}

Result<std::optional<NoteSession>> Store::noteSession(qint64 id) const
{
    return d->sessions.session(id);
}

Result<QList<NoteSession>> Store::noteSessions(const NoteSessionQuery &query) const
{
    return d->sessions.sessions(query);
}

Result<QList<PlannerEvent>> Store::events() const
{
    return d->planner.events();
}

Result<PlannerEvent> Store::saveEvent(PlannerEvent event)
{
    return d->planner.saveEvent(std::move(event));
}

Result<void> Store::deleteEvent(qint64 id)
{
    return d->planner.deleteEvent(id);
}

Result<QList<CalendarFeed>> Store::feeds() const
{
    return d->planner.feeds();
}

Result<CalendarFeed> Store::saveFeed(CalendarFeed feed)
{
    return d->planner.saveFeed(std::move(feed));
}

Result<void> Store::deleteFeed(qint64 id)
{
    return d->planner.deleteFeed(id);
}

Result<std::optional<GitHubIntegration>> Store::integration() const
{
    return d->github.integration();
}

Result<void> Store::saveIntegration(const GitHubIntegration &integration)
{
    return d->github.saveIntegration(integration);
}

Result<GitHubIntegration> Store::connectIntegration(const IntegrationUpdate &update)
{
    return d->github.connectIntegration(update);
}

Result<void> Store::deleteIntegration()
{
    return d->github.deleteIntegration();
}

Result<void> Store::setIntegrationError(const QString &message)
{
    return d->github.setIntegrationError(message);
}

Result<QHash<QString, SyncBaseEntry>> Store::syncBase() const
{
    return d->github.syncBase();
}

Result<void> Store::recordSync(const GitHubIntegration &integration, const QHash<QString, SyncBaseEntry> &base,
    const std::optional<ExportIndexUpdate> &index)
{
    return transaction([&]() -> Result<void> {
        if (auto saved = d->github.recordSync(integration, base); !saved) {
            return saved;
        }
        return index ? d->syncIndex.write(*index) : d->syncIndex.clear();
    });
}

Result<void> Store::recordSyncChanges(const GitHubIntegration &integration,
    const QHash<QString, SyncBaseEntry> &changed, const QStringList &removed, const ExportIndexUpdate &index)
{
    return transaction([&]() -> Result<void> {
        if (auto saved = d->github.recordSyncChanges(integration, changed, removed); !saved) {
            return saved;
        }
        return d->syncIndex.write(index);
    });
}

Result<QHash<QString, SyncBaseEntry>> Store::syncBaseEntries(const QStringList &paths) const
{
    return d->github.syncBaseEntries(paths);
}

Result<qint64> Store::noteChangeSequence() const
{
    return d->syncIndex.noteChangeSequence();
}

Result<void> Store::readChangedParts(ChangedNotes &changed) const
{
    AccountSnapshot &account = changed.account;
    Result<void> read = take(d->profile.profile(), account.profile);
    read = read.and_then([&] { return take(d->notes.changedNotes(changed.uuids), account.notes); });
    if (changed.plannerChanged) {
        read = read.and_then([&] { return take(d->planner.events(), account.events); });
        read = read.and_then([&] { return take(d->planner.feeds(), account.feeds); });
    }
    if (!read || changed.coursesChanged) {
        return read.and_then([&] { return take(d->courses.courses(), account.courses); });
    }
    // No course changed: only the slugs of the courses the changed notes, events and feeds name are rendered.
    QList<qint64> ids;
    for (const Note &note : std::as_const(account.notes)) {
        if (note.courseId) {
            ids.append(*note.courseId);
        }
    }
    for (const PlannerEvent &event : std::as_const(account.events)) {
        if (event.courseId) {
            ids.append(*event.courseId);
        }
    }
    for (const CalendarFeed &feed : std::as_const(account.feeds)) {
        if (feed.courseId) {
            ids.append(*feed.courseId);
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return take(d->courses.coursesWithIds(ids), account.courses);
}

Result<std::optional<ChangedNotes>> Store::changedNotes(qint64 after, qsizetype limit) const
{
    std::optional<ChangedNotes> changed;
    // One read transaction, the sequence number first: a write after it is read again by the next sync.
    Result<void> read = d->context.transaction([&]() -> Result<void> {
        auto sequence = d->syncIndex.noteChangeSequence();
        if (!sequence) {
            return std::unexpected(sequence.error());
        }
        auto uuids = d->syncIndex.changedUuids(after, limit);
        if (!uuids) {
            return std::unexpected(uuids.error());
        }
        if (!*uuids) {
            return {};
        }
        ChangedNotes result;
        result.sequence = *sequence;
        result.uuids = std::move(**uuids);
        auto parts = d->syncIndex.changedParts(after);
        if (!parts) {
            return std::unexpected(parts.error());
        }
        result.coursesChanged = parts->contains(u"#courses"_s);
        result.plannerChanged = parts->contains(u"#planner"_s);
        Result<void> rest = readChangedParts(result);
        if (rest) {
            changed = std::move(result);
        }
        return rest;
    });
    if (!read) {
        return std::unexpected(read.error());
    }
    return changed;
}

Result<QList<ExportIndexEntry>> Store::exportIndexEntries(const QStringList &paths) const
{
    return d->syncIndex.entries(paths);
}

Result<QList<ExportIndexEntry>> Store::exportIndexLines(quint64 first, quint64 last) const
{
    return d->syncIndex.lines(first, last);
}

Result<qsizetype> Store::exportIndexLineCount(quint64 first, quint64 last, qsizetype cap) const
{
    return d->syncIndex.lineCount(first, last, cap);
}

Result<QList<ExportIndexEntry>> Store::exportIndexAccountFiles(bool withCourses, bool withPlanner) const
{
    return d->syncIndex.accountFiles(withCourses, withPlanner);
}

Result<QList<ExportIndexEntry>> Store::exportIndexChecksumFiles() const
{
    return d->syncIndex.checksumFiles();
}

Result<void> Store::recordUnchangedSync(const QDateTime &at)
{
    return d->github.recordUnchangedSync(at);
}

Result<qint64> Store::dataRevision() const
{
    return d->github.dataRevision();
}

Result<SyncSchedule> Store::syncSchedule() const
{
    return d->schedule.schedule();
}

Result<void> Store::saveSyncSchedule(const SyncSchedule &schedule)
{
    return d->schedule.save(schedule);
}

Result<qint64> Store::changedItemCount() const
{
    return d->schedule.changedItemCount();
}

Result<qint64> Store::recordRun(const PushRun &run)
{
    return d->runs.recordRun(run);
}

Result<QList<PushRun>> Store::runs(int limit) const
{
    return d->runs.runs(limit);
}

Result<std::optional<LocalPasswordHash>> Store::localPassword() const
{
    return d->auth.localPassword();
}

Result<void> Store::setLocalPassword(const QString &hash)
{
    return d->auth.setLocalPassword(hash);
}

Result<AuthSession> Store::createAuthSession(
    const QString &tokenSha256, const QString &deviceLabel, const QString &userAgent)
{
    return d->auth.createSession(tokenSha256, deviceLabel, userAgent);
}

Result<std::optional<AuthSession>> Store::useAuthSession(const QString &tokenSha256)
{
    return d->auth.useSession(tokenSha256);
}

Result<std::optional<AuthSession>> Store::authSessionByToken(const QString &tokenSha256) const
{
    return d->auth.sessionByToken(tokenSha256);
}

Result<QList<AuthSession>> Store::authSessions() const
{
    return d->auth.sessions();
}

Result<bool> Store::revokeAuthSession(qint64 id)
{
    return d->auth.revokeSession(id);
}

// ---- whole account -------------------------------------------------------------------------------------------------

Result<AccountSnapshot> Store::snapshot(bool withFileBytes) const
{
    AccountSnapshot snap;
    // One read transaction: the export sees one consistent state.
    Result<void> read = d->context.transaction([&]() -> Result<void> {
        Result<void> parts = readParts(d->profile, d->courses, d->planner, withFileBytes, snap);
        return parts.and_then([&] { return take(d->notes.snapshotNotes(withFileBytes), snap.notes); });
    });
    if (!read) {
        return std::unexpected(read.error());
    }
    return snap;
}

Result<void> Store::readAccount(bool withFileBytes, qsizetype batchSize,
    const std::function<void(const AccountSnapshot &)> &begin,
    const std::function<void(const QList<Note> &)> &notes) const
{
    return d->context.transaction([&]() -> Result<void> {
        AccountSnapshot parts;
        if (auto read = readParts(d->profile, d->courses, d->planner, withFileBytes, parts); !read) {
            return read;
        }
        begin(parts);
        QString after; // "" sorts before every uuid
        for (;;) {
            QString last;
            auto page = d->notes.notesAfter(after, batchSize, withFileBytes, last);
            if (!page) {
                return std::unexpected(page.error());
            }
            if (page->isEmpty()) {
                return {};
            }
            after = last;
            notes(*page);
            if (page->size() < batchSize) {
                return {};
            }
        }
    });
}

Result<void> Store::clearAccount()
{
    return transaction([&]() -> Result<void> {
        return d->context.runAll({u"DELETE FROM attachments"_s, u"DELETE FROM notes"_s, u"DELETE FROM planner_events"_s,
                                     u"DELETE FROM calendar_feeds"_s, u"DELETE FROM courses"_s,
                                     u"DELETE FROM profile"_s, u"DELETE FROM files"_s},
            u"Cannot clear the account"_s, u"Core.Store/clear_account"_s);
    });
}

} // namespace Notechondria
