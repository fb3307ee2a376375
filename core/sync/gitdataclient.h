// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QCoroTask>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Notechondria {

class GitHubApi;
struct HttpResponse;

/// The Git Data and Contents API calls of a push, on one repository, framed as three-part errors.
class GitDataClient
{
public:
    GitDataClient(GitHubApi *api, QString installationId, QString repoFullName);

    enum class RefState { Found, Missing, EmptyRepository };
    struct Ref
    {
        RefState state = RefState::Missing;
        QString sha;
    };
    struct RemoteTree
    {
        QHash<QString, QByteArray> blobs; ///< path → blob id (tree entries and submodules left out)
        QHash<QString, QString> subtrees; ///< non-recursive listings: folder name → tree sha
        bool truncated = false;
    };
    struct Seed
    {
        QString commitSha;
        QString treeSha;
        QByteArray blobSha;
    };

    /// GET git/ref/heads/<branch>: 404 → Missing, 409 "Git Repository is empty." → EmptyRepository.
    [[nodiscard]] QCoro::Task<Result<Ref>> ref(QString branch);
    /// GET git/commits/<sha> → the commit's tree sha.
    [[nodiscard]] QCoro::Task<Result<QString>> commitTree(QString commitSha);
    /// GET git/trees/<sha>?recursive=1 (or one level without @p recursive).
    [[nodiscard]] QCoro::Task<Result<RemoteTree>> tree(QString treeSha, bool recursive = true);
    /// Every blob below the tree: the recursive listing, and where GitHub truncates it, each folder read on its own.
    /// Fails with a three-part error when even a single folder's listing is truncated. @p where names the folder.
    [[nodiscard]] QCoro::Task<Result<RemoteTree>> completeTree(QString treeSha, QString where = {});
    /// GET git/blobs/<sha> → the decoded bytes.
    [[nodiscard]] QCoro::Task<Result<QByteArray>> blob(QString blobSha);
    /// POST git/blobs (base64) → the blob sha.
    [[nodiscard]] QCoro::Task<Result<QString>> createBlob(QByteArray bytes);
    /// POST git/trees with a ready body → the tree sha.
    [[nodiscard]] QCoro::Task<Result<QString>> createTree(QByteArray body);
    /// POST git/commits → the commit sha.
    [[nodiscard]] QCoro::Task<Result<QString>> createCommit(QString message, QString treeSha, QStringList parents);
    /// PATCH git/refs/heads/<branch> {sha, force: false}, not retried; the raw answer (the caller handles 422).
    [[nodiscard]] QCoro::Task<Result<HttpResponse>> updateRef(QString branch, QString sha);
    /// PUT contents/<path> on an empty repository: the first commit.
    [[nodiscard]] QCoro::Task<Result<Seed>> seed(QString path, QByteArray bytes, QString branch, QString message);
    /// GET /repos/<repo> → default_branch.
    [[nodiscard]] QCoro::Task<Result<QString>> defaultBranch();
    /// POST git/refs: creates refs/heads/<branch> at sha.
    [[nodiscard]] QCoro::Task<Result<void>> createRef(QString branch, QString sha);

    /// GET /repos/<repo> → clone_url, the HTTPS git URL a pack is pushed to.
    [[nodiscard]] QCoro::Task<Result<QString>> cloneUrl();
    /// DELETE git/refs/heads/<branch>; a branch already gone counts as deleted.
    [[nodiscard]] QCoro::Task<Result<void>> deleteRef(QString branch);
    /// The installation token for a git push (never logged), once the push has waited its turn as one paced write.
    [[nodiscard]] QCoro::Task<Result<QString>> pushToken(QUrl gitUrl);
    /// One page of GitHub's commit listing.
    struct CommitPage
    {
        QJsonArray commits; ///< GitHub's commit objects, newest first
        bool more = false; ///< GitHub's Link header names a next page
    };
    /**
     * GET /repos/{o}/{r}/commits?sha=@p from&path=@p path&per_page=@p perPage&page=@p page: the commits reachable
     * from a branch or commit, newest first; with @p path only those that changed that file (its creation included).
     * An empty repository answers an empty page. (gitdatahistory.cpp)
     */
    [[nodiscard]] QCoro::Task<Result<CommitPage>> commits(QString from, QString path, int perPage, int page);
    /**
     * One file at a commit: GET /repos/{o}/{r}/contents/{path}?ref=@p commit, and for a file over GitHub's 1 MB
     * contents limit its blob (a second request). nullopt when the commit has no such file.
     */
    [[nodiscard]] QCoro::Task<Result<std::optional<QByteArray>>> fileAt(QString commit, QString path);
    [[nodiscard]] const QString &repoFullName() const { return m_repoFullName; }
    [[nodiscard]] const QString &installationId() const { return m_installationId; }
    [[nodiscard]] GitHubApi *api() const { return m_api; }

    /// Request body bytes sent so far.
    [[nodiscard]] qint64 bytesSent() const { return m_bytesSent; }

    /// The failure of a non-2xx answer: "GitHub sync rejected: Core.Sync/push — GitHub returned <code> <what>: …".
    [[nodiscard]] static Error rejected(const HttpResponse &response, const QString &what);

private:
    [[nodiscard]] QCoro::Task<Result<HttpResponse>> send(
        QByteArray method, QString path, QByteArray body, bool idempotent);
    [[nodiscard]] QString repoPath(const QString &rest) const;
    /// GET /repos/<repo>, read once per client: defaultBranch() and cloneUrl() share the answer.
    [[nodiscard]] QCoro::Task<Result<QJsonObject>> repository();

    GitHubApi *m_api;
    QString m_installationId;
    QString m_repoFullName;
    qint64 m_bytesSent = 0;
    std::optional<QJsonObject> m_repository;
};

} // namespace Notechondria
