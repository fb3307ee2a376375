// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "error.h"

#include <QCoroTask>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Notechondria {

class Clock;
class GitDataClient;
class GitHubApi;

/// One file of a backup that does not check out.
struct VerifyProblem
{
    enum class Kind {
        Missing, ///< listed (by git's tree, the checksums or the manifest) but not in the backup
        Damaged, ///< its bytes differ from its git blob id or from its SHA-256 in checksums/
        Unlisted, ///< an account file no checksum file covers
        Unreadable, ///< cannot be read as what it should be (a note, a course, the manifest …)
        RestoresDifferently, ///< restored into a scratch profile, it does not come back with the same bytes
    };
    Kind kind = Kind::Damaged;
    QString path;
    QString title; ///< the note's or course's title when the backup names it, else ""
    QString message; ///< three-part: "Backup incomplete: Core.Sync/verify — notes/….md (“Title”) …"

    [[nodiscard]] static QString kindName(Kind kind);
};

/// What a verification found: the commit it read, how much it checked, what the backup restores, what is wrong.
struct BackupVerification
{
    QString repoFullName;
    QString branch;
    QString commitSha;
    QDateTime verifiedAt;
    int schemaVersion = 0; ///< of the backup's manifest.json, 0 when missing
    int files = 0; ///< blobs in the commit's tree
    int blobIdsChecked = 0; ///< files whose git blob id was computed and compared
    int sha256Checked = 0; ///< files compared with their SHA-256 in checksums/ (schema 3)
    int restoredFilesCompared = 0; ///< account files re-exported from the scratch profile and compared
    int notes = 0, courses = 0, events = 0, feeds = 0; ///< what the backup restores (live notes)
    int requests = 0; ///< GitHub requests the verification made
    QList<VerifyProblem> problems;

    [[nodiscard]] bool complete() const { return problems.isEmpty() && files > 0; }
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<BackupVerification> fromJson(const QJsonObject &object);
};

/**
 * Test restore (issue #16): proves that a commit of the backup repository restores completely.
 *
 * It reads the commit's whole tree listing (truncated listings are read folder by folder), downloads the commit's
 * tarball in one request into a scratch folder, and then, without touching the account:
 * - computes every file's git blob id and compares it with the tree (a file changed or lost in transit or in the
 *   repository's object store shows here);
 * - compares every file with its SHA-256 in checksums/ and the checksum files with manifest.json's
 *   `checksums_sha256` (schema 3; schema 1 and 2 manifests: every listed file must exist, schema 2's hashes match);
 * - checks that it is a backup at all (checkIsBackup) and that every note, course and planner file can be read;
 * - restores the account into a scratch profile (a new SQLite store in the scratch folder), exports that profile
 *   again and compares the account files byte for byte with the backup (ours, schema 3).
 * Requests: one ref or commit lookup, one tree (more only for a truncated listing), the tarball (one request and
 * its redirect).
 */
class BackupVerifier
{
public:
    BackupVerifier(GitHubApi *github, const Clock *clock);

    /**
     * Verifies @p commit (a sha, or "" for the head of the integration's branch) of @p integration's repository,
     * working in @p scratchDir (created, and removed afterwards). Fails (three-part Error) only when GitHub or the
     * scratch folder cannot be used; what is wrong with the backup is in the result's problems.
     */
    [[nodiscard]] QCoro::Task<Result<BackupVerification>> verify(
        GitHubIntegration integration, QString commit, QString scratchDir);

    /// Where the last verification's result is kept for the database at @p databasePath (next to it).
    [[nodiscard]] static QString lastPathFor(const QString &databasePath);
    /// Keeps @p verification as the last one (atomically, owner-only).
    [[nodiscard]] static Result<void> record(const QString &databasePath, const BackupVerification &verification);
    /// The last verification kept for @p databasePath, nullopt when there is none (or it cannot be read).
    [[nodiscard]] static std::optional<BackupVerification> last(const QString &databasePath);

private:
    /// @p commit, or the head of @p branch when it is "".
    [[nodiscard]] static QCoro::Task<Result<QString>> resolveCommit(GitDataClient &git, QString branch, QString commit);

    GitHubApi *m_github;
    const Clock *m_clock;
};

} // namespace Notechondria
