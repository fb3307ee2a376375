// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "error.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

namespace Notechondria {

class Clock;

/// Which notes Store::notes() and Store::noteCount() return (outside Store so it can be a default argument).
struct StoreNoteQuery
{
    bool includeDeleted = false; ///< live and soft-deleted notes
    bool onlyDeleted = false; ///< only the recycle bin
    std::optional<qint64> courseId; ///< only this course's notes
    int limit = -1; ///< -1: all
    int offset = 0;
};

/**
 * The local SQLite store of one account: profile, courses, notes (with soft delete), files as BLOBs, planner events,
 * calendar feeds, the GitHub integration row, the sync base and the push history.
 *
 * Not a QObject; used from one thread. The file is opened in WAL mode with foreign keys on and synchronous=FULL, so a
 * crash mid-write loses nothing committed. Every statement is prepared with bound values. Every error carries the
 * three message parts, e.g. `Cannot save note: Core.Store/save_note — <sqlite error>`.
 */
class Store
{
public:
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// The current schema version this build writes.
    static constexpr int schemaVersion = 2;

    /**
     * Opens (creating and migrating) the SQLite file at @p path. A file written by a newer version of the app is
     * refused with a clear error and left untouched. @p clock must outlive the store.
     */
    [[nodiscard]] static Result<std::unique_ptr<Store>> open(const QString &path, const Clock *clock);

    [[nodiscard]] QString path() const;

    /// Everything a backup holds, in export order (see AccountSnapshot).
    [[nodiscard]] Result<AccountSnapshot> snapshot(bool withFileBytes = true) const;

    [[nodiscard]] Result<Profile> profile() const;
    /// Writes every profile field except the avatar (see setAvatar), creating the row when needed.
    [[nodiscard]] Result<void> saveProfile(const Profile &profile);

    /// Courses ordered by sort_order, then slug.
    [[nodiscard]] Result<QList<Course>> courses() const;
    [[nodiscard]] Result<std::optional<Course>> course(qint64 id) const;
    [[nodiscard]] Result<std::optional<Course>> courseBySlug(const QString &slug) const;
    [[nodiscard]] Result<std::optional<Course>> courseByClientId(const QString &clientCourseId) const;
    /// id 0 inserts (a unique slug is made from the title when the slug is empty); returns the saved row.
    [[nodiscard]] Result<Course> saveCourse(Course course);
    /// Deletes the course; its notes, events and feeds keep living with course_id = null.
    [[nodiscard]] Result<void> deleteCourse(qint64 id);

    using NoteQuery = StoreNoteQuery;
    /// Notes ordered by last_edit descending, then id; attachments listed without their bytes, cover without bytes.
    [[nodiscard]] Result<QList<Note>> notes(const NoteQuery &query = {}) const;
    /// How many notes match the query's filters; limit and offset are ignored (the total for paging).
    [[nodiscard]] Result<int> noteCount(const NoteQuery &query = {}) const;
    /// One note with its cover and attachments (bytes included).
    [[nodiscard]] Result<std::optional<Note>> note(qint64 id) const;
    [[nodiscard]] Result<std::optional<Note>> noteByUuid(const QUuid &uuid) const;
    [[nodiscard]] Result<std::optional<Note>> noteByClientDraftId(const QString &clientDraftId) const;
    /**
     * id 0 inserts (uuid and sharing id minted when null; date_created/last_edit default to now); otherwise updates
     * the row's fields. The cover and attachments are not written here (setNoteCover, addAttachment).
     */
    [[nodiscard]] Result<Note> saveNote(Note note);
    /// Puts the note in the recycle bin: deleted_at = now.
    [[nodiscard]] Result<void> softDeleteNote(qint64 id);
    /// Takes the note out of the recycle bin.
    [[nodiscard]] Result<void> restoreNote(qint64 id);
    /// Sets (or with an empty file, removes) the note's cover.
    [[nodiscard]] Result<void> setNoteCover(qint64 noteId, const StoredFile &file);
    /// Adds an attachment (uuid minted when null); returns it with its id.
    [[nodiscard]] Result<Attachment> addAttachment(qint64 noteId, Attachment attachment);
    /// Sets (or with an empty file, removes) the profile's avatar.
    [[nodiscard]] Result<void> setAvatar(const StoredFile &file);

    /// Events ordered by id.
    [[nodiscard]] Result<QList<PlannerEvent>> events() const;
    /// id 0 inserts; returns the saved row.
    [[nodiscard]] Result<PlannerEvent> saveEvent(PlannerEvent event);
    [[nodiscard]] Result<void> deleteEvent(qint64 id);
    /// Feeds ordered by id.
    [[nodiscard]] Result<QList<CalendarFeed>> feeds() const;
    /// id 0 inserts; returns the saved row.
    [[nodiscard]] Result<CalendarFeed> saveFeed(CalendarFeed feed);
    [[nodiscard]] Result<void> deleteFeed(qint64 id);

    /// The integration row, nullopt when not connected.
    [[nodiscard]] Result<std::optional<GitHubIntegration>> integration() const;
    /// Writes the row as given (insert or replace); updated_at = now, created_at kept or set.
    [[nodiscard]] Result<void> saveIntegration(const GitHubIntegration &integration);

    /// The callback's input: nullopt fields were omitted by the caller.
    struct IntegrationUpdate
    {
        QString installationId;
        std::optional<QString> accountLogin;
        std::optional<QString> repoFullName;
        std::optional<QString> repoDefaultBranch;
        std::optional<bool> includeAssets;
    };
    /**
     * The callback's merge (DECISIONS §2): omitted (nullopt) fields keep their stored value; a changed repo or
     * installation resets last_push_sha/last_push_tree and the sync base; last_error is cleared.
     * A blank default branch becomes "main". Returns the new row.
     */
    [[nodiscard]] Result<GitHubIntegration> connectIntegration(const IntegrationUpdate &update);
    /// Deletes the integration row and the sync base.
    [[nodiscard]] Result<void> deleteIntegration();
    /// Sets last_error on the integration row (no-op when not connected).
    [[nodiscard]] Result<void> setIntegrationError(const QString &message);

    /// The sync base (DECISIONS §8): per path, the blob in the tree of the commit this device last synced with and
    /// the blob its own copy derives from. Empty when there is no last sync.
    [[nodiscard]] Result<QHash<QString, SyncBaseEntry>> syncBase() const;
    /// Saves the integration row and the sync base, in one transaction; only rows that differ are written.
    [[nodiscard]] Result<void> recordSync(
        const GitHubIntegration &integration, const QHash<QString, SyncBaseEntry> &base);

    /// Appends a push run; returns its id.
    [[nodiscard]] Result<qint64> recordRun(const PushRun &run);
    /// The last runs, newest first.
    [[nodiscard]] Result<QList<PushRun>> runs(int limit = 20) const;

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

    /// Whether a course slug is path-safe: `^[a-z0-9][a-z0-9._-]{0,99}$` without "..".
    [[nodiscard]] static bool isSafeSlug(const QString &slug);

private:
    Store(QString path, QString connectionName, const Clock *clock);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Notechondria
