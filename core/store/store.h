// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "authsession.h"
#include "error.h"
#include "syncschedule.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

namespace Notechondria {

class Clock;

/// Which notes Store::notes(), Store::noteSummaries() and Store::noteCount() return (outside Store so it can be a
/// default argument). Every filter runs in SQL, over the indexes of schema version 3.
struct StoreNoteQuery
{
    bool includeDeleted = false; ///< live and soft-deleted notes
    bool onlyDeleted = false; ///< only the recycle bin
    std::optional<qint64> courseId; ///< only this course's notes
    bool uncategorized = false; ///< only notes without a course
    std::optional<bool> isPublic; ///< only public (true) or only private (false) notes
    /**
     * Only notes containing this text, case-insensitively. From 3 characters on it is a substring of the title,
     * description or body, found through the notes_fts index (FTS5, trigram tokenizer; the text is matched as one
     * quoted phrase, so quotes, `AND`, `*` and the like are plain characters). Shorter texts are looked for in the
     * title and description only (LIKE, case-insensitive for ASCII): a trigram index cannot find them and a scan of
     * every body would grow with the account.
     */
    QString text;
    int limit = -1; ///< -1: all
    int offset = 0;
};

/// What a notes list shows of a note's body, derived from it when the note is saved so a list never reads the body.
struct NotePreview
{
    QString excerpt; ///< the body with whitespace runs collapsed, its first 200 characters
    QStringList lines; ///< the first three non-empty lines, heading marks removed, 200 characters each

    /// The preview of @p content.
    [[nodiscard]] static NotePreview of(const QString &content);
};

/// A note as a list shows it: no body (content, metadata_json, custom_meta stay empty), no files, plus its preview.
struct NoteSummary
{
    Note note;
    NotePreview preview;
};

/// A stored file as the local server's /media/ serves it (MediaRecords).
struct MediaFile
{
    QString fileName;
    QString contentType; ///< as stored, may be empty
    QByteArray bytes;
};

/// An attachment as its list shows it: no bytes, its file's size and media token (MediaRecords).
struct AttachmentEntry
{
    qint64 id = 0;
    qint64 noteId = 0;
    QUuid uuid;
    QString originalFilename;
    QString fileName; ///< the stored file's name
    QString contentType;
    qint64 size = 0;
    std::optional<QDateTime> dateCreated; ///< null for attachments stored before schema 6
    QString mediaToken; ///< the random part of its /media/ URL
};

/// A note session the planner records (SessionRecords): a stretch of work on one note.
struct NoteSession
{
    qint64 id = 0;
    qint64 noteId = 0;
    std::optional<qint64> courseId; ///< read: the note's course
    QString title;
    QString summary;
    QDateTime startedAt;
    std::optional<QDateTime> endedAt;
};

/// Which sessions Store::noteSessions() returns: newest start first.
struct NoteSessionQuery
{
    std::optional<qint64> noteId;
    std::optional<QDateTime> startedFrom; ///< inclusive
    std::optional<QDateTime> startedBefore; ///< exclusive
    int limit = -1; ///< -1: all
};

/**
 * The local SQLite store of one account: profile, courses, notes (with soft delete), files as BLOBs, planner events,
 * calendar feeds, the GitHub integration row, the sync base and the push history.
 *
 * Not a QObject; used from one thread. The file is opened in WAL mode with foreign keys on and synchronous=FULL, so a
 * crash mid-write loses nothing committed. Every statement is prepared with bound values. Every error carries the
 * three message parts, e.g. `Cannot save note: Core.Store/save_note — <sqlite error>`.
 *
 * A thin façade: Store owns the connection (opening, migrating), transactions and the whole-account operations;
 * everything else is forwarded to one small part per area (ProfileRecords, CourseRecords, NoteRecords,
 * PlannerRecords, GitHubRecords, RunRecords), which share a StoreContext.
 */
class Store
{
public:
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// The current schema version this build writes.
    static constexpr int schemaVersion = 7;

    /**
     * Opens (creating and migrating) the SQLite file at @p path. A file written by a newer version of the app is
     * refused with a clear error and left untouched. @p clock must outlive the store.
     */
    [[nodiscard]] static Result<std::unique_ptr<Store>> open(const QString &path, const Clock *clock);

    [[nodiscard]] QString path() const;

    /// Everything a backup holds, in export order (see AccountSnapshot).
    [[nodiscard]] Result<AccountSnapshot> snapshot(bool withFileBytes = true) const;
    /// snapshot() in parts, in one read transaction: @p begin gets the account without its notes, then @p notes every
    /// note in export order (by uuid), the recycle bin's too, @p batchSize at a time — an export never holds them all.
    [[nodiscard]] Result<void> readAccount(bool withFileBytes, qsizetype batchSize,
        const std::function<void(const AccountSnapshot &)> &begin,
        const std::function<void(const QList<Note> &)> &notes) const;

    // The methods below forward to the store's parts; each part's header documents them in full.

    /// Profile and avatar (ProfileRecords).
    [[nodiscard]] Result<Profile> profile() const;
    [[nodiscard]] Result<void> saveProfile(const Profile &profile);
    [[nodiscard]] Result<void> setAvatar(const StoredFile &file);

    /// Courses (CourseRecords): listed by sort_order, then slug; id 0 inserts; a deleted course's rows keep living.
    [[nodiscard]] Result<QList<Course>> courses() const;
    [[nodiscard]] Result<std::optional<Course>> course(qint64 id) const;
    [[nodiscard]] Result<std::optional<Course>> courseBySlug(const QString &slug) const;
    [[nodiscard]] Result<std::optional<Course>> courseByClientId(const QString &clientCourseId) const;
    [[nodiscard]] Result<Course> saveCourse(Course course);
    [[nodiscard]] Result<void> deleteCourse(qint64 id);
    /// sort_order 1, 2, ... for the courses of @p ids, in that order (CourseRecords::reorderCourses).
    [[nodiscard]] Result<void> reorderCourses(const QList<qint64> &ids);
    /// The local user's course subscriptions, by course id; a course without a row was never subscribed to.
    [[nodiscard]] Result<QHash<qint64, CourseSubscription>> courseSubscriptions() const;
    [[nodiscard]] Result<void> saveCourseSubscription(const CourseSubscription &subscription);

    /// Notes with covers and attachments (NoteRecords): listed newest first without file bytes, read one by one with
    /// them; id 0 inserts; soft delete moves a note to the recycle bin. noteSummaries() is the list a page shows: the
    /// same order and filters, read from the listing indexes without bodies or files.
    using NoteQuery = StoreNoteQuery;
    [[nodiscard]] Result<QList<Note>> notes(const NoteQuery &query = {}) const;
    [[nodiscard]] Result<QList<NoteSummary>> noteSummaries(const NoteQuery &query = {}) const;
    [[nodiscard]] Result<int> noteCount(const NoteQuery &query = {}) const;
    [[nodiscard]] Result<std::optional<Note>> note(qint64 id) const;
    [[nodiscard]] Result<std::optional<Note>> noteByUuid(const QUuid &uuid) const;
    [[nodiscard]] Result<std::optional<Note>> noteByClientDraftId(const QString &clientDraftId) const;
    [[nodiscard]] Result<Note> saveNote(Note note);
    [[nodiscard]] Result<void> softDeleteNote(qint64 id);
    [[nodiscard]] Result<void> restoreNote(qint64 id);
    /// Deletes the recycle bin's notes for good (the user's explicit choice; every other deletion is soft).
    [[nodiscard]] Result<int> emptyRecycleBin();
    [[nodiscard]] Result<void> setNoteCover(qint64 noteId, const StoredFile &file);
    [[nodiscard]] Result<Attachment> addAttachment(qint64 noteId, Attachment attachment);

    /// A note's version history (NoteVersionRecords): newest first, at most 12 kept per note, gone with the note.
    [[nodiscard]] Result<QList<NoteVersion>> noteVersions(qint64 noteId) const;
    [[nodiscard]] Result<std::optional<NoteVersion>> noteVersion(qint64 noteId, qint64 versionId) const;
    /// Records the note as it is now (nullopt when there is no note @p noteId).
    [[nodiscard]] Result<std::optional<NoteVersion>> snapshotNote(qint64 noteId, const QString &reason);
    /**
     * Makes note @p noteId what version @p versionId recorded (title, description, body, metadata, editor mode; last
     * edit now), after a "before_restore" snapshot of its current state, in one transaction; the note change log
     * records the write. nullopt when the note or the version does not exist (then nothing is written).
     */
    [[nodiscard]] Result<std::optional<Note>> restoreNoteVersion(qint64 noteId, qint64 versionId);

    /// Planner events and calendar feeds (PlannerRecords): listed by id; id 0 inserts.
    [[nodiscard]] Result<QList<PlannerEvent>> events() const;
    [[nodiscard]] Result<PlannerEvent> saveEvent(PlannerEvent event);
    [[nodiscard]] Result<void> deleteEvent(qint64 id);
    [[nodiscard]] Result<QList<CalendarFeed>> feeds() const;
    [[nodiscard]] Result<CalendarFeed> saveFeed(CalendarFeed feed);
    [[nodiscard]] Result<void> deleteFeed(qint64 id);

    /// What connectIntegration merges into the stored row: nullopt fields were omitted by the caller.
    struct IntegrationUpdate
    {
        QString installationId;
        std::optional<QString> accountLogin;
        std::optional<QString> repoFullName;
        std::optional<QString> repoDefaultBranch;
        std::optional<bool> includeAssets;
    };
    /// The GitHub integration row and the sync base of DECISIONS §2 and §8 (GitHubRecords).
    [[nodiscard]] Result<std::optional<GitHubIntegration>> integration() const;
    [[nodiscard]] Result<void> saveIntegration(const GitHubIntegration &integration);
    [[nodiscard]] Result<GitHubIntegration> connectIntegration(const IntegrationUpdate &update);
    [[nodiscard]] Result<void> deleteIntegration();
    [[nodiscard]] Result<void> setIntegrationError(const QString &message);
    [[nodiscard]] Result<QHash<QString, SyncBaseEntry>> syncBase() const;
    /// Saves the integration row, the sync base and the export index in one transaction; without @p index the export
    /// index is emptied (it would not describe what the sync left).
    [[nodiscard]] Result<void> recordSync(const GitHubIntegration &integration,
        const QHash<QString, SyncBaseEntry> &base, const std::optional<ExportIndexUpdate> &index = std::nullopt);
    /// recordSync() by difference: the base rows of @p changed written, those of @p removed deleted.
    [[nodiscard]] Result<void> recordSyncChanges(const GitHubIntegration &integration,
        const QHash<QString, SyncBaseEntry> &changed, const QStringList &removed, const ExportIndexUpdate &index);
    /// The sync base rows of @p paths that exist.
    [[nodiscard]] Result<QHash<QString, SyncBaseEntry>> syncBaseEntries(const QStringList &paths) const;

    /// The note change log and the export index of the last complete sync (SyncIndexRecords).
    [[nodiscard]] Result<qint64> noteChangeSequence() const;
    /// What changed since note change @p after, in one read transaction; nullopt when more than @p limit notes did.
    /// The account holds only what an incremental sync renders: the courses (all of them when one changed, else the
    /// ones the changed items name), events and feeds only when one changed, the bin's notes without their content.
    [[nodiscard]] Result<std::optional<ChangedNotes>> changedNotes(qint64 after, qsizetype limit) const;
    [[nodiscard]] Result<QList<ExportIndexEntry>> exportIndexEntries(const QStringList &paths) const;
    [[nodiscard]] Result<QList<ExportIndexEntry>> exportIndexLines(quint64 first, quint64 last) const;
    [[nodiscard]] Result<qsizetype> exportIndexLineCount(quint64 first, quint64 last, qsizetype cap) const;
    [[nodiscard]] Result<QList<ExportIndexEntry>> exportIndexAccountFiles(bool withCourses, bool withPlanner) const;
    [[nodiscard]] Result<QList<ExportIndexEntry>> exportIndexChecksumFiles() const;

    [[nodiscard]] Result<void> recordUnchangedSync(const QDateTime &at);
    /// A counter every write of account data moves, from any process (GitHubRecords::dataRevision).
    [[nodiscard]] Result<qint64> dataRevision() const;

    /// The backup schedule (ScheduleRecords; the default, off, until one is saved) and how many local changes the last
    /// backup does not hold (ScheduleRecords::changedItemCount).
    [[nodiscard]] Result<SyncSchedule> syncSchedule() const;
    [[nodiscard]] Result<void> saveSyncSchedule(const SyncSchedule &schedule);
    [[nodiscard]] Result<qint64> changedItemCount() const;

    /// The push history, newest first (RunRecords).
    [[nodiscard]] Result<qint64> recordRun(const PushRun &run);
    [[nodiscard]] Result<QList<PushRun>> runs(int limit = 20) const;

    /// The local sign-in (AuthRecords): the password's Argon2id hash (setting or removing it revokes every session)
    /// and the sessions, known by the SHA-256 of their tokens.
    [[nodiscard]] Result<std::optional<LocalPasswordHash>> localPassword() const;
    [[nodiscard]] Result<void> setLocalPassword(const QString &hash);
    [[nodiscard]] Result<AuthSession> createAuthSession(
        const QString &tokenSha256, const QString &deviceLabel, const QString &userAgent);
    [[nodiscard]] Result<std::optional<AuthSession>> useAuthSession(const QString &tokenSha256);
    [[nodiscard]] Result<std::optional<AuthSession>> authSessionByToken(const QString &tokenSha256) const;
    [[nodiscard]] Result<QList<AuthSession>> authSessions() const;
    [[nodiscard]] Result<bool> revokeAuthSession(qint64 id);

    /// The files the local server serves under /media/<token>/ (MediaRecords): a token is made the first time a
    /// file's URL is asked for and goes with the file. The *Token calls answer "" when there is no such file.
    [[nodiscard]] Result<std::optional<MediaFile>> mediaFile(const QString &token) const;
    [[nodiscard]] Result<QString> noteCoverToken(qint64 noteId);
    [[nodiscard]] Result<QString> avatarToken();
    /// The attachments of a note, oldest first (only @p attachmentId when given), tokens made where missing.
    [[nodiscard]] Result<QList<AttachmentEntry>> attachmentEntries(
        qint64 noteId, std::optional<qint64> attachmentId = std::nullopt);
    /// Deletes an attachment of the note, and its file unless something else uses it; false when there is none.
    [[nodiscard]] Result<bool> deleteAttachment(qint64 noteId, qint64 attachmentId);

    /// Note sessions (SessionRecords): id 0 inserts; an update writes title, summary, started_at and ended_at.
    [[nodiscard]] Result<NoteSession> saveNoteSession(NoteSession session);
    [[nodiscard]] Result<std::optional<NoteSession>> noteSession(qint64 id) const;
    [[nodiscard]] Result<QList<NoteSession>> noteSessions(const NoteSessionQuery &query = {}) const;

    /// Runs @p work in a transaction: committed when it succeeds, rolled back when it fails. Nests (inner calls join
    /// the outer transaction).
    [[nodiscard]] Result<void> transaction(const std::function<Result<void>()> &work);

    /// Wipes the account data (profile, courses, notes, files, events, feeds); keeps the integration and runs.
    [[nodiscard]] Result<void> clearAccount();

    /**
     * Replaces the account with @p account in one transaction, keeping its ids, uuids and timestamps (a restore:
     * exporting afterwards gives the same files). Keeps the integration and the runs. Nothing changes on failure.
     */
    [[nodiscard]] Result<void> importAccount(const AccountSnapshot &account);
    /**
     * Writes @p notes as they are (ids, uuids, timestamps kept) in one transaction and leaves every other row alone: a
     * note whose id is stored with its uuid is updated (its cover and attachments stay), a note whose id is free is
     * inserted with it. An id held by another note is refused, and then nothing changes.
     */
    [[nodiscard]] Result<void> importNotes(const QList<Note> &notes);

    /// Whether a course slug is path-safe (CourseRecords::isSafeSlug).
    [[nodiscard]] static bool isSafeSlug(const QString &slug);

private:
    Store(QString path, const Clock *clock);
    /// changedNotes()'s reads after the change log (inside its transaction).
    [[nodiscard]] Result<void> readChangedParts(ChangedNotes &changed) const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Notechondria
