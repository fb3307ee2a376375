// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace Notechondria {

/// A stored file (avatar, note cover, attachment): its name as uploaded and its bytes.
struct StoredFile
{
    QString fileName; ///< the original file name, e.g. "photo.JPG" (the export takes the extension from it)
    QString contentType; ///< MIME type, may be empty
    QByteArray bytes;

    [[nodiscard]] bool isEmpty() const { return bytes.isEmpty() && fileName.isEmpty(); }
};

/// The account owner: upstream's User + Creator fields.
struct Profile
{
    QString username;
    QString firstName;
    QString lastName;
    QString email;
    bool isActive = true;
    QString displayName;
    QString motto;
    QString socialLink;
    QString editorMode = QStringLiteral("G"); ///< 'G' gfm, 'B' blocks, 'P' plain text
    QString themePreset;
    QString themeMode = QStringLiteral("S"); ///< 'S' system, 'L' light, 'D' dark
    QString apiBaseUrl;
    QString imageUrl; ///< the avatar URL on the server, "" when none
    QString uncategorizedFolderName;
    QString lastSeenVersionsJson = QStringLiteral("{}"); ///< JSON object text
    std::optional<QDateTime> dateJoined;
    std::optional<QDateTime> lastLogin;
    QString appSettingsJson; ///< raw JSON text of the app settings ("" when none)
    std::optional<QDateTime> appSettingsUpdatedAt;
    QString mcpSkillMd;
    StoredFile avatar; ///< empty when none
};

struct Course
{
    qint64 id = 0;
    QString clientCourseId; ///< "" when none
    QString slug; ///< globally unique, path-safe
    QString title;
    QString description;
    std::optional<int> icon; ///< a code point
    int sortOrder = 0;
    QString coverImageUrl;
    std::optional<QDateTime> dateCreated;
    std::optional<QDateTime> lastEdit;
};

struct Attachment
{
    qint64 id = 0;
    QUuid uuid;
    QString originalFilename;
    StoredFile file;
};

struct Note
{
    qint64 id = 0;
    QUuid uuid;
    QUuid sharingId;
    QString title; ///< at most 100 characters
    QString description;
    QString content; ///< markdown
    QString editorMode = QStringLiteral("G");
    QString noteType = QStringLiteral("N"); ///< 'N' normal, 'C' comment
    std::optional<QUuid> sourceNoteUuid;
    QString metadataJson; ///< raw text
    QString customMeta; ///< raw JSON-object text
    std::optional<QString> clientDraftId;
    std::optional<qint64> courseId;
    bool isPublic = false;
    QDateTime lastEdit;
    QDateTime dateCreated;
    std::optional<QDateTime> deletedAt; ///< soft delete: set means in the recycle bin
    QString coverImageUrl;
    StoredFile cover; ///< empty when none
    QList<Attachment> attachments;
};

/// A snapshot in a note's version history (what restoring it brings back).
struct NoteVersion
{
    qint64 id = 0;
    qint64 noteId = 0;
    QString title;
    QString description;
    QString content;
    QString metadataJson;
    QString editorMode;
    QString reason; ///< e.g. "manual", "before_restore", "autosave_1m"
    QDateTime dateCreated;
};

/// The local user's subscription to a course (a course without a row has never been subscribed to).
struct CourseSubscription
{
    qint64 courseId = 0;
    bool isActive = false;
    bool isPrivate = false;
    std::optional<QDateTime> subscribedAt;
    std::optional<QDateTime> lastOpenedAt;
};

struct PlannerEvent
{
    qint64 id = 0;
    QString title; ///< at most 120 characters
    QDate eventDate;
    std::optional<QDateTime> startsAt;
    std::optional<QDateTime> endsAt;
    int difficultyWeight = 1; ///< 1–4
    QString description;
    std::optional<qint64> courseId;
    bool isCompleted = false;
    std::optional<QDateTime> completedAt;
    QString recurrenceFreq = QStringLiteral("N"); ///< 'N' none, 'W', 'M', 'Y'
    int recurrenceInterval = 1;
    std::optional<QDate> recurrenceEndDate;
    std::optional<int> recurrenceCount;
};

struct CalendarFeed
{
    qint64 id = 0;
    QString title;
    QString sourceKind = QStringLiteral("I"); ///< 'I' import, 'S' subscribe
    QString sourceUrl;
    QString rawIcal;
    bool isEnabled = true;
    std::optional<qint64> courseId;
    std::optional<QDateTime> lastSync;
    std::optional<QDateTime> dateCreated;
    std::optional<QDateTime> lastEdit;
};

/// The whole account as the export sees it: everything a backup holds.
struct AccountSnapshot
{
    Profile profile;
    QList<Course> courses; ///< ordered by sort_order, then slug
    QList<Note> notes; ///< live and soft-deleted notes, ordered by uuid
    QList<PlannerEvent> events; ///< ordered by id
    QList<CalendarFeed> feeds; ///< ordered by id
};

/// The GitHub integration of the account (one row). Never holds a token: tokens live in the secret store.
struct GitHubIntegration
{
    QString installationId;
    QString accountLogin;
    QString repoFullName; ///< "owner/repo", "" when none chosen
    QString repoDefaultBranch = QStringLiteral("main");
    std::optional<QDateTime> lastPushAt;
    QString lastPushSha; ///< the commit we last published ("" when none)
    QString lastPushTree; ///< that commit's tree sha
    QString lastError;
    bool includeAssets = false; ///< the remembered "Include assets" choice
    /// What the last complete sync left in step (SyncState in core/sync): the data revision and the export choices;
    /// "" when unknown, so the next sync compares everything.
    QString syncedState;
    std::optional<QDateTime> createdAt;
    std::optional<QDateTime> updatedAt;
};

/// One path of the sync base; an empty sha means "absent" on that side.
struct SyncBaseEntry
{
    QString base; ///< the blob in the tree of the commit this device last synced with
    QString local; ///< the blob this device's copy derives from (the merge ancestor)

    friend bool operator==(const SyncBaseEntry &, const SyncBaseEntry &) = default;
};

/// One row of the export index: a file of the export the last complete sync left on both sides (issue #13).
struct ExportIndexEntry
{
    QString path;
    std::optional<quint64> key; ///< the checksum key of a file checksums/ covers; nullopt for a checksum file itself
    QByteArray sha256; ///< lowercase hex

    friend bool operator==(const ExportIndexEntry &, const ExportIndexEntry &) = default;
};

/// How a sync changes the export index.
struct ExportIndexUpdate
{
    bool replace = false; ///< `entries` is the whole index: rows it does not name are deleted
    QList<ExportIndexEntry> entries; ///< rows written (inserted or replaced)
    QStringList removed; ///< paths deleted (when not `replace`)
};

/// What changed in the account since a note change sequence number: read in one transaction.
struct ChangedNotes
{
    qint64 sequence = 0; ///< the change sequence number read first (everything up to it is in `notes`/`uuids`)
    QStringList uuids; ///< every note changed since (with dashes), deleted ones and emptied-bin ones included
    bool coursesChanged = false; ///< a course was written or deleted since (the change log's "#courses")
    bool plannerChanged = false; ///< an event or a feed was ("#planner")
    /// profile, the courses the notes name (all when coursesChanged), events and feeds (only when plannerChanged);
    /// notes = the changed ones that exist + the bin (uuid, title, deleted_at)
    AccountSnapshot account;
};

/// One recorded push.
struct PushRun
{
    qint64 id = 0;
    QDateTime startedAt;
    qint64 durationMs = 0;
    int added = 0;
    int changed = 0;
    int deleted = 0;
    qint64 bytes = 0; ///< bytes uploaded
    int requests = 0; ///< GitHub API requests made
    QString commitSha; ///< "" when none was made
    QString outcome; ///< "committed", "unchanged", "conflict", "failed"
    QString message; ///< the error message when failed
};

} // namespace Notechondria
