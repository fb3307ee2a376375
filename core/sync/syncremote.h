// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "error.h"
#include "gitdataclient.h"

#include <QByteArray>
#include <QCoroTask>
#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace Notechondria {

class LocalState;
struct PublishPlan;

/// The branch head a sync builds on.
struct SyncHead
{
    QString sha;
    QString treeSha;
    QHash<QString, QByteArray> remote; ///< every blob of the head's tree: path → blob id
};

/// A commit on the branch: the commit and its tree.
struct SyncCommit
{
    QString sha;
    QString treeSha;
};

/**
 * The GitHub side of one sync, over the Git Data API: reading the branch head (starting the branch from the default
 * branch, or the first commit of an empty repository, when there is none), reading the blobs the merge needs, and
 * publishing this device's changes as one commit with a fast-forward ref update.
 */
class SyncRemote
{
public:
    explicit SyncRemote(GitDataClient &git);

    /// The branch a sync of @p integration works on ("main" when the repository's default branch is unknown).
    [[nodiscard]] static QString branchOf(const GitHubIntegration &integration);

    /// The head of the integration's branch and its tree; the recorded remote state when the branch has not moved
    /// since the last sync (no tree read). @p known: the branch's ref when the caller has just read it.
    [[nodiscard]] QCoro::Task<Result<SyncHead>> resolveHead(
        const LocalState &local, std::optional<GitDataClient::Ref> known = std::nullopt);
    /// The contents of the blobs @p needed: blob id → bytes. From kTarballMinBlobs on (a device joining an account, a
    /// restore-sized pull) they come from @p commit's tarball in one request, matched by their git blob id; the rest,
    /// or all when the tarball cannot be had, one request each.
    [[nodiscard]] QCoro::Task<Result<QHash<QByteArray, QByteArray>>> fetchBlobs(
        QSet<QByteArray> needed, QString commit = {});
    static constexpr qsizetype kTarballMinBlobs = 100;
    /// One commit of @p publish on top of @p head and the branch fast-forwarded to it; nullopt when the branch moved
    /// meanwhile (GitHub answered 422: not a fast forward).
    [[nodiscard]] QCoro::Task<Result<std::optional<SyncCommit>>> commit(
        const LocalState &local, const PublishPlan &publish, const SyncHead &head, QString message);

private:
    /// The needed blobs found in @p commit's tarball (empty when it cannot be downloaded).
    [[nodiscard]] QCoro::Task<QHash<QByteArray, QByteArray>> blobsFromTarball(
        QString commit, const QSet<QByteArray> &needed);
    [[nodiscard]] QCoro::Task<Result<SyncHead>> startMissingBranch(const LocalState &local);
    [[nodiscard]] QCoro::Task<Result<SyncHead>> seedEmptyRepository(const LocalState &local, QString branch);
    [[nodiscard]] QCoro::Task<Result<QString>> uploadTree(
        const LocalState &local, const PublishPlan &publish, QString baseTree);
    /// The files of @p publish pushed as one git pack to the upload branch, laid over the head's tree (issue #13).
    [[nodiscard]] QCoro::Task<Result<QString>> packTree(
        const LocalState &local, const PublishPlan &publish, const SyncHead &head);
    [[nodiscard]] QCoro::Task<Result<std::optional<SyncCommit>>> commitTree(
        QString branch, QString tree, const SyncHead &head, QString message);
    /// Deletes the upload branch a pack was pushed to (a failure is only logged: the next pack overwrites it).
    [[nodiscard]] QCoro::Task<void> dropUploadBranch(QString branch);

    GitDataClient &m_git;
};

} // namespace Notechondria
