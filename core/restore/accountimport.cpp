// SPDX-License-Identifier: GPL-3.0-or-later
// AccountImport: a web account read through the public API into the local store.
#include "accountimport.h"

#include "notechondriaclient.h"
#include "store.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Import"_s;
constexpr int kNotesPerPage = 100;

std::optional<QDateTime> timeOf(const QJsonValue &value)
{
    if (!value.isString() || value.toString().isEmpty())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

std::optional<QDate> dateOf(const QJsonValue &value)
{
    const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

/// Two times the same to the millisecond (what the store keeps).
bool sameTime(const std::optional<QDateTime> &a, const std::optional<QDateTime> &b)
{
    if (!a || !b)
        return a.has_value() == b.has_value();
    return a->toMSecsSinceEpoch() == b->toMSecsSinceEpoch();
}

/// A JSON object kept as text: the server's object, compact; "" for an absent or empty one.
QString objectText(const QJsonValue &value)
{
    // The web backend sends custom_meta as JSON text (a CharField), our local server as an object: both are read.
    const QJsonObject object
        = value.isString() ? QJsonDocument::fromJson(value.toString().toUtf8()).object() : value.toObject();
    if (object.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/// Whether two JSON texts hold the same value ("" and "{}" alike).
bool sameJsonText(const QString &a, const QString &b)
{
    const auto parsed = [](const QString &text) {
        return QJsonDocument::fromJson(text.toUtf8()).object();
    };
    return a == b || parsed(a) == parsed(b);
}

/// A list answer: a bare array, or a page's `results`.
QJsonArray itemsOf(const QJsonValue &answer)
{
    if (answer.isArray())
        return answer.toArray();
    return answer.toObject().value(u"results"_s).toArray();
}

std::optional<qint64> idOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

void applyProfile(const QJsonObject &s, Profile &p)
{
    p.username = s.value(u"username"_s).toString(p.username);
    p.firstName = s.value(u"first_name"_s).toString();
    p.lastName = s.value(u"last_name"_s).toString();
    p.email = s.value(u"email"_s).toString();
    p.displayName = s.value(u"display_name"_s).toString();
    p.motto = s.value(u"motto"_s).toString();
    p.socialLink = s.value(u"social_link"_s).toString();
    p.editorMode = s.value(u"editor_mode"_s).toString(p.editorMode);
    p.themePreset = s.value(u"theme_preset"_s).toString();
    p.themeMode = s.value(u"theme_mode"_s).toString(p.themeMode);
    p.apiBaseUrl = s.value(u"api_base_url"_s).toString();
    p.imageUrl = s.value(u"image_url"_s).toString();
    p.mcpSkillMd = s.value(u"mcp_skill_md"_s).toString();
    const QString folder = s.value(u"uncategorized_folder_name"_s).toString();
    // The API names an unnamed folder "Inbox"; the account itself keeps "".
    if (!(folder == u"Inbox"_s && p.uncategorizedFolderName.isEmpty()))
        p.uncategorizedFolderName = folder;
    if (!sameJsonText(p.appSettingsJson, objectText(s.value(u"app_settings"_s))))
        p.appSettingsJson = objectText(s.value(u"app_settings"_s));
    p.appSettingsUpdatedAt = timeOf(s.value(u"app_settings_updated_at"_s));
    if (!sameJsonText(p.lastSeenVersionsJson, objectText(s.value(u"last_seen_versions"_s))))
        p.lastSeenVersionsJson = objectText(s.value(u"last_seen_versions"_s));
}

bool sameProfile(const Profile &a, const Profile &b)
{
    return a.username == b.username && a.firstName == b.firstName && a.lastName == b.lastName && a.email == b.email
        && a.displayName == b.displayName && a.motto == b.motto && a.socialLink == b.socialLink
        && a.editorMode == b.editorMode && a.themePreset == b.themePreset && a.themeMode == b.themeMode
        && a.apiBaseUrl == b.apiBaseUrl && a.imageUrl == b.imageUrl && a.mcpSkillMd == b.mcpSkillMd
        && a.uncategorizedFolderName == b.uncategorizedFolderName && a.appSettingsJson == b.appSettingsJson
        && sameTime(a.appSettingsUpdatedAt, b.appSettingsUpdatedAt) && a.lastSeenVersionsJson == b.lastSeenVersionsJson;
}

Course courseFrom(const QJsonObject &c, Course course)
{
    course.clientCourseId = c.value(u"client_course_id"_s).toString();
    course.slug = c.value(u"slug"_s).toString();
    course.title = c.value(u"title"_s).toString();
    course.description = c.value(u"description"_s).toString();
    course.icon = c.value(u"icon"_s).isDouble() ? std::optional<int>(c.value(u"icon"_s).toInt()) : std::nullopt;
    course.sortOrder = c.value(u"sort_order"_s).toInt();
    course.coverImageUrl = c.value(u"cover_image_url"_s).toString();
    return course;
}

bool sameCourse(const Course &a, const Course &b)
{
    return a.clientCourseId == b.clientCourseId && a.slug == b.slug && a.title == b.title
        && a.description == b.description && a.icon == b.icon && a.sortOrder == b.sortOrder
        && a.coverImageUrl == b.coverImageUrl;
}

/// The fields a note's list entry carries (all but content, metadata and custom meta).
void applyNoteSummary(const QJsonObject &n, const std::optional<qint64> &courseId, Note &note)
{
    note.uuid = QUuid::fromString(n.value(u"uuid"_s).toString());
    note.title = n.value(u"title"_s).toString();
    note.description = n.value(u"description"_s).toString();
    note.editorMode = n.value(u"editor_mode"_s).toString(note.editorMode);
    note.noteType = n.value(u"note_type"_s).toString(note.noteType);
    note.isPublic = n.value(u"is_public"_s).toBool();
    note.courseId = courseId;
    note.clientDraftId = n.value(u"client_draft_id"_s).isString()
        ? std::optional<QString>(n.value(u"client_draft_id"_s).toString())
        : std::nullopt;
    note.sourceNoteUuid = n.value(u"source_note_uuid"_s).isString()
        ? std::optional<QUuid>(QUuid::fromString(n.value(u"source_note_uuid"_s).toString()))
        : std::nullopt;
    note.coverImageUrl = n.value(u"cover_image_url"_s).toString();
    note.lastEdit = timeOf(n.value(u"last_edit"_s)).value_or(QDateTime());
    note.dateCreated = timeOf(n.value(u"date_created"_s)).value_or(note.lastEdit);
}

bool sameNoteSummary(const Note &a, const Note &b)
{
    return a.uuid == b.uuid && a.title == b.title && a.description == b.description && a.editorMode == b.editorMode
        && a.noteType == b.noteType && a.isPublic == b.isPublic && a.courseId == b.courseId
        && a.clientDraftId == b.clientDraftId && a.sourceNoteUuid == b.sourceNoteUuid
        && a.coverImageUrl == b.coverImageUrl && a.lastEdit.toMSecsSinceEpoch() == b.lastEdit.toMSecsSinceEpoch()
        && a.dateCreated.toMSecsSinceEpoch() == b.dateCreated.toMSecsSinceEpoch() && !a.deletedAt;
}

PlannerEvent eventFrom(const QJsonObject &e, const std::optional<qint64> &courseId, PlannerEvent event)
{
    event.title = e.value(u"title"_s).toString();
    event.eventDate = dateOf(e.value(u"event_date"_s)).value_or(QDate());
    event.startsAt = timeOf(e.value(u"starts_at"_s));
    event.endsAt = timeOf(e.value(u"ends_at"_s));
    event.difficultyWeight = e.value(u"difficulty_weight"_s).toInt(1);
    event.description = e.value(u"description"_s).toString();
    event.courseId = courseId;
    event.isCompleted = e.value(u"is_completed"_s).toBool();
    event.completedAt = timeOf(e.value(u"completed_at"_s));
    event.recurrenceFreq = e.value(u"recurrence_freq"_s).toString(u"N"_s);
    event.recurrenceInterval = e.value(u"recurrence_interval"_s).toInt(1);
    event.recurrenceEndDate = dateOf(e.value(u"recurrence_end_date"_s));
    event.recurrenceCount = e.value(u"recurrence_count"_s).isDouble()
        ? std::optional<int>(e.value(u"recurrence_count"_s).toInt())
        : std::nullopt;
    return event;
}

bool sameEvent(const PlannerEvent &a, const PlannerEvent &b)
{
    return a.title == b.title && a.eventDate == b.eventDate && sameTime(a.startsAt, b.startsAt)
        && sameTime(a.endsAt, b.endsAt) && a.difficultyWeight == b.difficultyWeight && a.description == b.description
        && a.courseId == b.courseId && a.isCompleted == b.isCompleted && sameTime(a.completedAt, b.completedAt)
        && a.recurrenceFreq == b.recurrenceFreq && a.recurrenceInterval == b.recurrenceInterval
        && a.recurrenceEndDate == b.recurrenceEndDate && a.recurrenceCount == b.recurrenceCount;
}

CalendarFeed feedFrom(const QJsonObject &f, const std::optional<qint64> &courseId, CalendarFeed feed)
{
    feed.title = f.value(u"title"_s).toString();
    feed.sourceKind = f.value(u"source_kind"_s).toString(u"I"_s);
    feed.sourceUrl = f.value(u"source_url"_s).toString();
    if (f.contains(u"raw_ical"_s))
        feed.rawIcal = f.value(u"raw_ical"_s).toString();
    feed.isEnabled = f.value(u"is_enabled"_s).toBool(true);
    feed.courseId = courseId;
    feed.lastSync = timeOf(f.value(u"last_sync"_s));
    feed.dateCreated = timeOf(f.value(u"date_created"_s));
    feed.lastEdit = timeOf(f.value(u"last_edit"_s));
    return feed;
}

/// A file URL's last path segment, decoded ("file" when there is none).
QString fileNameOf(const QString &url)
{
    const QString name = QUrl(url).fileName(QUrl::FullyDecoded);
    return name.isEmpty() ? u"file"_s : name;
}

/// Whether two files hold the same bytes: size and SHA-256.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size()
        && QCryptographicHash::hash(a, QCryptographicHash::Sha256)
        == QCryptographicHash::hash(b, QCryptographicHash::Sha256);
}

/// A note as the assets part needs it: its server id, and the cover URL the store held before this import.
struct RemoteNote
{
    qint64 id = 0;
    QUuid uuid;
    QString title;
    QString coverUrl;
    QString previousCoverUrl;
};

/// A held file (cover, avatar) and where it came from.
struct HeldFile
{
    StoredFile file;
    QString previousUrl; ///< the URL the store held before this import
};

bool sameFeed(const CalendarFeed &a, const CalendarFeed &b)
{
    return a.title == b.title && a.sourceKind == b.sourceKind && a.sourceUrl == b.sourceUrl && a.rawIcal == b.rawIcal
        && a.isEnabled == b.isEnabled && a.courseId == b.courseId && sameTime(a.lastSync, b.lastSync)
        && sameTime(a.dateCreated, b.dateCreated) && sameTime(a.lastEdit, b.lastEdit);
}

} // namespace

QJsonObject ImportCounts::toJson() const
{
    return {{u"created"_s, created}, {u"updated"_s, updated}, {u"unchanged"_s, unchanged}, {u"failed"_s, failed}};
}

int ImportSummary::failed() const
{
    int total = 0;
    for (const ImportCounts &counts : parts)
        total += counts.failed;
    return total;
}

bool ImportSummary::nothingChanged() const
{
    return std::all_of(parts.cbegin(), parts.cend(), [](const ImportCounts &c) { return c.created + c.updated == 0; });
}

QJsonObject ImportSummary::toJson() const
{
    QJsonObject object{
        {u"dry_run"_s, dryRun}, {u"failed"_s, failed()}, {u"changed"_s, !nothingChanged()}, {u"requests"_s, requests}};
    for (auto it = parts.cbegin(); it != parts.cend(); ++it)
        object.insert(it.key(), it->toJson());
    if (!recycleBinOffered)
        object.insert(u"recycle_bin"_s, u"not offered by the server"_s);
    object.insert(u"problems"_s, QJsonArray::fromStringList(problems));
    return object;
}

class AccountImport::Private
{
public:
    Private(AccountImport *q, Store &store, NotechondriaClient &client, ImportOptions options)
        : q(q)
        , store(store)
        , client(client)
        , options(options)
    {
        summary.dryRun = options.dryRun;
    }

    /// The client, for one more request (counted in the summary).
    NotechondriaClient &api()
    {
        ++summary.requests;
        return client;
    }

    /// A failed item: counted, reported, and the import goes on.
    void itemFailed(const QString &part, const QString &consequence, const QString &cause)
    {
        ++summary.parts[part].failed;
        const QString message = Error{consequence, kModule + u'/' + part, cause}.message();
        summary.problems.append(message);
        Q_EMIT q->problem(message);
    }

    /// Writes through @p save unless this is a dry run; counts @p created or updated.
    template<typename Save>
    void write(const QString &part, bool created, const QString &what, Save save)
    {
        if (!options.dryRun) {
            if (auto saved = save(); !saved) {
                itemFailed(part, u"Not imported: "_s + what, saved.error().message());
                return;
            }
        }
        ++(created ? summary.parts[part].created : summary.parts[part].updated);
    }

    QCoro::Task<Result<void>> importProfile();
    QCoro::Task<Result<void>> importCourses();
    QCoro::Task<Result<void>> importNotes();
    QCoro::Task<void> importNote(const QJsonObject &entry);
    QCoro::Task<Result<void>> importBin();
    QCoro::Task<Result<void>> importEvents();
    QCoro::Task<Result<void>> importFeeds();
    QCoro::Task<Result<void>> importAssets();
    QCoro::Task<std::optional<StoredFile>> fetch(QString what, QString url);
    QCoro::Task<void> importFile(
        QString what, QString url, HeldFile held, std::function<Result<void>(StoredFile)> save);
    QCoro::Task<void> importAttachments(RemoteNote remote);
    QCoro::Task<void> importAttachment(const QJsonObject &listed, const RemoteNote &remote, const Note *local);

    [[nodiscard]] std::optional<qint64> localCourse(const QJsonValue &remoteId) const
    {
        const auto id = idOf(remoteId);
        if (!id || !courseIds.contains(*id))
            return std::nullopt;
        return courseIds.value(*id);
    }

    AccountImport *q;
    Store &store;
    NotechondriaClient &client;
    ImportOptions options;
    ImportSummary summary;
    QHash<qint64, qint64> courseIds; ///< the server's course id → the local one
    QList<RemoteNote> remoteNotes; ///< with includeAssets: every listed note
    QString avatarUrl; ///< the settings' avatar URL
    HeldFile avatar; ///< the avatar held before this import
};

QCoro::Task<Result<void>> AccountImport::Private::importProfile()
{
    auto settings = co_await api().settings();
    if (!settings)
        co_return std::unexpected(settings.error());
    auto local = store.profile();
    if (!local)
        co_return std::unexpected(local.error());
    Profile profile = *local;
    applyProfile(settings->toObject(), profile);
    avatarUrl = settings->toObject().value(u"image_url"_s).toString();
    if (avatarUrl.isEmpty())
        avatarUrl = settings->toObject().value(u"avatar_url"_s).toString();
    avatar = {local->avatar, local->imageUrl};
    if (sameProfile(profile, *local)) {
        ++summary.parts[u"profile"_s].unchanged;
        co_return {};
    }
    write(u"profile"_s, false, u"the profile"_s, [&] { return store.saveProfile(profile); });
    co_return {};
}

QCoro::Task<Result<void>> AccountImport::Private::importCourses()
{
    auto remote = co_await api().courses();
    if (!remote)
        co_return std::unexpected(remote.error());
    const QJsonArray courses = itemsOf(*remote);
    int done = 0;
    for (const QJsonValue value : courses) {
        const QJsonObject c = value.toObject();
        const QString clientId = c.value(u"client_course_id"_s).toString();
        auto found
            = clientId.isEmpty() ? store.courseBySlug(c.value(u"slug"_s).toString()) : store.courseByClientId(clientId);
        if (found && !*found && !clientId.isEmpty())
            found = store.courseBySlug(c.value(u"slug"_s).toString());
        if (!found)
            co_return std::unexpected(found.error());
        const Course course = courseFrom(c, found->value_or(Course{}));
        const QString what = u"course \"%1\""_s.arg(course.title);
        if (*found && sameCourse(course, **found)) {
            ++summary.parts[u"courses"_s].unchanged;
            courseIds.insert(c.value(u"id"_s).toInteger(), (*found)->id);
        } else {
            write(u"courses"_s, !*found, what, [&]() -> Result<void> {
                auto saved = store.saveCourse(course);
                if (!saved)
                    return std::unexpected(saved.error());
                courseIds.insert(c.value(u"id"_s).toInteger(), saved->id);
                return {};
            });
        }
        Q_EMIT q->progress(u"courses"_s, ++done, int(courses.size()));
    }
    co_return {};
}

QCoro::Task<void> AccountImport::Private::importNote(const QJsonObject &entry)
{
    const QUuid uuid = QUuid::fromString(entry.value(u"uuid"_s).toString());
    const QString what = u"note \"%1\""_s.arg(entry.value(u"title"_s).toString());
    if (uuid.isNull()) {
        itemFailed(u"notes"_s, u"Not imported: "_s + what, u"the server gave it no uuid."_s);
        co_return;
    }
    auto found = store.noteByUuid(uuid);
    if (!found) {
        itemFailed(u"notes"_s, u"Not imported: "_s + what, found.error().message());
        co_return;
    }
    if (options.includeAssets) {
        remoteNotes.append({entry.value(u"id"_s).toInteger(), uuid, entry.value(u"title"_s).toString(),
            entry.value(u"cover_image_url"_s).toString(), *found ? (*found)->coverImageUrl : QString()});
    }
    Note note = found->value_or(Note{});
    applyNoteSummary(entry, localCourse(entry.value(u"course_id"_s)), note);
    if (*found && sameNoteSummary(note, **found)) {
        // The list says nothing changed since the last import: the note is not fetched.
        ++summary.parts[u"notes"_s].unchanged;
        co_return;
    }
    auto detail = co_await api().send("GET", u"notes/%1/"_s.arg(entry.value(u"id"_s).toInteger()));
    if (!detail || detail->status != 200) {
        itemFailed(u"notes"_s, u"Not imported: "_s + what,
            detail ? u"GET notes/%1/ answered %2."_s.arg(entry.value(u"id"_s).toInteger()).arg(detail->status)
                   : detail.error().message());
        co_return;
    }
    const QJsonObject full = detail->json.object();
    note.content = full.value(u"content"_s).toString();
    note.metadataJson = full.value(u"metadata_json"_s).toString();
    if (!sameJsonText(note.customMeta, objectText(full.value(u"custom_meta"_s))))
        note.customMeta = objectText(full.value(u"custom_meta"_s));
    note.deletedAt.reset();
    if (*found && note.content == (*found)->content && note.metadataJson == (*found)->metadataJson
        && note.customMeta == (*found)->customMeta && sameNoteSummary(note, **found)) {
        ++summary.parts[u"notes"_s].unchanged;
        co_return;
    }
    write(u"notes"_s, !*found, what, [&]() -> Result<void> {
        auto saved = store.saveNote(note);
        if (!saved)
            return std::unexpected(saved.error());
        if (*found && (*found)->deletedAt)
            return store.restoreNote(saved->id);
        return {};
    });
}

QCoro::Task<Result<void>> AccountImport::Private::importNotes()
{
    int done = 0;
    for (int offset = 0;; offset += kNotesPerPage) {
        QUrlQuery query;
        query.addQueryItem(u"scope"_s, u"personal"_s);
        query.addQueryItem(u"limit"_s, QString::number(kNotesPerPage));
        query.addQueryItem(u"offset"_s, QString::number(offset));
        auto page = co_await api().notes(query);
        if (!page)
            co_return std::unexpected(page.error());
        const QJsonObject object = page->toObject();
        const QJsonArray entries = itemsOf(*page);
        const int total = object.value(u"count"_s).toInt(object.value(u"total"_s).toInt());
        for (const QJsonValue entry : entries) {
            co_await importNote(entry.toObject());
            Q_EMIT q->progress(u"notes"_s, ++done, total);
        }
        if (entries.isEmpty() || !object.value(u"has_more"_s).toBool())
            break;
    }
    co_return {};
}

QCoro::Task<Result<void>> AccountImport::Private::importBin()
{
    auto bin = co_await api().send("GET", u"notes/deleted/"_s);
    if (!bin)
        co_return std::unexpected(bin.error());
    if (bin->status == 404 || bin->status == 405) {
        summary.recycleBinOffered = false;
        co_return {};
    }
    if (bin->status != 200)
        co_return fail(
            u"Import stopped"_s, kModule + u"/recycle_bin"_s, u"GET notes/deleted/ answered %1."_s.arg(bin->status));
    const QJsonArray entries = bin->json.isArray() ? bin->json.array() : itemsOf(bin->json.object());
    for (const QJsonValue value : entries) {
        const QJsonObject entry = value.toObject();
        auto found = store.noteByUuid(QUuid::fromString(entry.value(u"uuid"_s).toString()));
        if (!found || !*found || (*found)->deletedAt) {
            // Not here (a note binned before it was imported keeps only its title upstream) or binned already.
            ++summary.parts[u"recycle_bin"_s].unchanged;
            continue;
        }
        write(u"recycle_bin"_s, false, u"note \"%1\""_s.arg((*found)->title),
            [&] { return store.softDeleteNote((*found)->id); });
    }
    co_return {};
}

QCoro::Task<Result<void>> AccountImport::Private::importEvents()
{
    auto remote = co_await api().events();
    if (!remote)
        co_return std::unexpected(remote.error());
    auto local = store.events();
    if (!local)
        co_return std::unexpected(local.error());
    for (const QJsonValue value : itemsOf(*remote)) {
        const QJsonObject e = value.toObject();
        const auto match = std::find_if(local->cbegin(), local->cend(), [&](const PlannerEvent &event) {
            return event.title == e.value(u"title"_s).toString()
                && event.eventDate == dateOf(e.value(u"event_date"_s)).value_or(QDate());
        });
        const bool exists = match != local->cend();
        const PlannerEvent event = eventFrom(e, localCourse(e.value(u"course_id"_s)), exists ? *match : PlannerEvent{});
        if (exists && sameEvent(event, *match)) {
            ++summary.parts[u"events"_s].unchanged;
            continue;
        }
        write(u"events"_s, !exists, u"event \"%1\""_s.arg(event.title),
            [&]() -> Result<void> { return store.saveEvent(event).transform([](const PlannerEvent &) { }); });
    }
    co_return {};
}

QCoro::Task<Result<void>> AccountImport::Private::importFeeds()
{
    auto remote = co_await api().feeds();
    if (!remote)
        co_return std::unexpected(remote.error());
    auto local = store.feeds();
    if (!local)
        co_return std::unexpected(local.error());
    for (const QJsonValue value : itemsOf(*remote)) {
        const QJsonObject f = value.toObject();
        const auto match = std::find_if(local->cbegin(), local->cend(), [&](const CalendarFeed &feed) {
            return feed.title == f.value(u"title"_s).toString()
                && feed.sourceUrl == f.value(u"source_url"_s).toString();
        });
        const bool exists = match != local->cend();
        const CalendarFeed feed = feedFrom(f, localCourse(f.value(u"course_id"_s)), exists ? *match : CalendarFeed{});
        if (exists && sameFeed(feed, *match)) {
            ++summary.parts[u"feeds"_s].unchanged;
            continue;
        }
        write(u"feeds"_s, !exists, u"feed \"%1\""_s.arg(feed.title),
            [&]() -> Result<void> { return store.saveFeed(feed).transform([](const CalendarFeed &) { }); });
    }
    co_return {};
}

QCoro::Task<std::optional<StoredFile>> AccountImport::Private::fetch(QString what, QString url)
{
    ++summary.requests;
    auto download = co_await client.download(QUrl(url), options.maxAssetBytes);
    if (!download || download->status != 200) {
        itemFailed(u"assets"_s, u"Not imported: "_s + what,
            download ? u"its URL answered HTTP %1."_s.arg(download->status) : download.error().message());
        co_return std::nullopt;
    }
    co_return StoredFile{fileNameOf(url), download->contentType, download->bytes};
}

QCoro::Task<void> AccountImport::Private::importFile(
    QString what, QString url, HeldFile held, std::function<Result<void>(StoredFile)> save)
{
    if (url.isEmpty())
        co_return;
    ImportCounts &counts = summary.parts[u"assets"_s];
    // The URL imported before, and its file held: not downloaded again (a new file upstream gets a new URL).
    if (!held.file.isEmpty() && held.previousUrl == url && held.file.fileName == fileNameOf(url)) {
        ++counts.unchanged;
        co_return;
    }
    if (options.dryRun) {
        // Nothing is downloaded: a held file of the same name counts as unchanged.
        ++(held.file.isEmpty()                          ? counts.created
                : held.file.fileName == fileNameOf(url) ? counts.unchanged
                                                        : counts.updated);
        co_return;
    }
    const auto file = co_await fetch(what, url);
    if (!file)
        co_return;
    if (!held.file.isEmpty() && sameBytes(held.file.bytes, file->bytes)) {
        ++summary.parts[u"assets"_s].unchanged;
        co_return;
    }
    write(u"assets"_s, held.file.isEmpty(), what, [&] { return save(*file); });
}

QCoro::Task<void> AccountImport::Private::importAttachment(
    const QJsonObject &listed, const RemoteNote &remote, const Note *local)
{
    const QString url = listed.value(u"url"_s).toString();
    const QUuid uuid = QUuid::fromString(listed.value(u"uuid"_s).toString());
    QString name = listed.value(u"original_filename"_s).toString();
    if (name.isEmpty())
        name = fileNameOf(url);
    const qint64 size = listed.value(u"file_size"_s).toInteger(listed.value(u"size"_s).toInteger(-1));
    const QString what = u"attachment \"%1\" of note \"%2\""_s.arg(name, remote.title);
    const Attachment *held = nullptr;
    if (local) {
        const auto match = std::find_if(local->attachments.cbegin(), local->attachments.cend(),
            [&](const Attachment &a) { return uuid.isNull() ? a.originalFilename == name : a.uuid == uuid; });
        held = match == local->attachments.cend() ? nullptr : &*match;
    }
    ImportCounts &counts = summary.parts[u"assets"_s];
    if (held && (size < 0 || held->file.bytes.size() == size)) {
        ++counts.unchanged;
        co_return;
    }
    if (size > options.maxAssetBytes) {
        itemFailed(u"assets"_s, u"Not imported: "_s + what,
            u"it is %1 MB, over the %2 MB limit."_s.arg(size / 1'000'000.0, 0, 'f', 1)
                .arg(options.maxAssetBytes >> 20));
        co_return;
    }
    if (options.dryRun || !local) {
        ++(held ? counts.updated : counts.created);
        co_return;
    }
    auto file = co_await fetch(what, url);
    if (!file)
        co_return;
    if (const QString type = listed.value(u"content_type"_s).toString(); !type.isEmpty())
        file->contentType = type;
    file->fileName = name;
    const Attachment attachment{0, uuid, name, *file};
    const qint64 heldId = held ? held->id : 0;
    write(u"assets"_s, !held, what, [&] {
        return store.transaction([&]() -> Result<void> {
            if (heldId != 0) {
                if (auto deleted = store.deleteAttachment(local->id, heldId); !deleted)
                    return std::unexpected(deleted.error());
            }
            return store.addAttachment(local->id, attachment).transform([](const Attachment &) { });
        });
    });
}

QCoro::Task<void> AccountImport::Private::importAttachments(RemoteNote remote)
{
    const QString what = u"the attachments of note \"%1\""_s.arg(remote.title);
    auto found = store.noteByUuid(remote.uuid);
    if (!found) {
        itemFailed(u"assets"_s, u"Not imported: "_s + what, found.error().message());
        co_return;
    }
    if (!*found && !options.dryRun)
        co_return; // the note itself failed, and is reported
    const Note *local = *found ? &**found : nullptr;
    co_await importFile(u"the cover of note \"%1\""_s.arg(remote.title), remote.coverUrl,
        {local ? local->cover : StoredFile{}, remote.previousCoverUrl},
        [&](const StoredFile &file) { return store.setNoteCover(local->id, file); });
    auto listed = co_await api().send("GET", u"notes/%1/attachments/"_s.arg(remote.id));
    if (!listed || listed->status != 200) {
        itemFailed(u"assets"_s, u"Not imported: "_s + what,
            listed ? u"GET notes/%1/attachments/ answered %2."_s.arg(remote.id).arg(listed->status)
                   : listed.error().message());
        co_return;
    }
    const QJsonArray entries = listed->json.isArray() ? listed->json.array() : itemsOf(listed->json.object());
    for (const QJsonValue entry : entries)
        co_await importAttachment(entry.toObject(), remote, local);
}

QCoro::Task<Result<void>> AccountImport::Private::importAssets()
{
    co_await importFile(
        u"the avatar"_s, avatarUrl, avatar, [&](const StoredFile &file) { return store.setAvatar(file); });
    int done = 0;
    for (const RemoteNote &remote : std::as_const(remoteNotes)) {
        co_await importAttachments(remote);
        Q_EMIT q->progress(u"assets"_s, ++done, int(remoteNotes.size()));
    }
    co_return {};
}

AccountImport::AccountImport(Store &store, NotechondriaClient &client, ImportOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, store, client, options))
{
}

AccountImport::~AccountImport() = default;

QCoro::Task<Result<ImportSummary>> AccountImport::run()
{
    for (const QString &part : {u"profile"_s, u"courses"_s, u"notes"_s, u"recycle_bin"_s, u"events"_s, u"feeds"_s})
        d->summary.parts.insert(part, {});
    if (d->options.includeAssets)
        d->summary.parts.insert(u"assets"_s, {});
    // Courses before notes, events and feeds: they name the courses by the server's ids.
    Result<void> step = co_await d->importProfile();
    if (step)
        step = co_await d->importCourses();
    if (step)
        step = co_await d->importNotes();
    if (step)
        step = co_await d->importBin();
    if (step)
        step = co_await d->importEvents();
    if (step)
        step = co_await d->importFeeds();
    if (step && d->options.includeAssets)
        step = co_await d->importAssets();
    if (!step)
        co_return std::unexpected(step.error().withConsequence(u"Import stopped (what was imported is kept)"_s));
    co_return d->summary;
}

} // namespace Notechondria
