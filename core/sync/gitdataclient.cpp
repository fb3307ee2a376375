// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitdataclient.h"

#include "githubapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/push"_s;
const QString kRejected = u"GitHub sync rejected"_s;
const QString kAborted = u"GitHub sync aborted"_s;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::unexpected<Error> missingField(const QString &what)
{
    return fail(kRejected, kModule, u"GitHub's answer %1 lacks the expected sha."_s.arg(what));
}

QString encodedBranch(const QString &branch)
{
    // Branch names may hold '/', which stays a path separator in refs/heads/<branch>.
    return QString::fromUtf8(QUrl::toPercentEncoding(branch, "/"));
}

} // namespace

GitDataClient::GitDataClient(GitHubApi *api, QString installationId, QString repoFullName)
    : m_api(api)
    , m_installationId(std::move(installationId))
    , m_repoFullName(std::move(repoFullName))
{
}

Error GitDataClient::rejected(const HttpResponse &response, const QString &what)
{
    return GitHubApi::httpError(response, kRejected, kModule, what);
}

QString GitDataClient::repoPath(const QString &rest) const
{
    return u"/repos/"_s % m_repoFullName % rest;
}

QCoro::Task<Result<HttpResponse>> GitDataClient::send(QByteArray method, QString path, QByteArray body, bool idempotent)
{
    m_bytesSent += body.size();
    const QString repoName = m_repoFullName.section(u'/', 1);
    auto response = co_await m_api->call(method, path, m_installationId, body, idempotent, repoName);
    if (!response) {
        Error error = response.error();
        if (error.consequence.isEmpty() || error.httpStatus == 0) {
            error = error.withConsequence(kAborted);
        }
        co_return std::unexpected(error);
    }
    co_return std::move(*response);
}

QCoro::Task<Result<GitDataClient::Ref>> GitDataClient::ref(QString branch)
{
    const QString what = u"reading ref/heads/"_s % branch;
    auto response = co_await send("GET", repoPath(u"/git/ref/heads/"_s % encodedBranch(branch)), {}, true);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (response->status == 404) {
        co_return Ref{RefState::Missing, {}};
    }
    if (response->status == 409) {
        co_return Ref{RefState::EmptyRepository, {}};
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(rejected(*response, what));
    }
    const QString sha = response->json().object().value(u"object"_s).toObject().value(u"sha"_s).toString();
    if (sha.isEmpty()) {
        co_return fail(kRejected, kModule, u"branch '%1' has no commit to build on."_s.arg(branch));
    }
    co_return Ref{RefState::Found, sha};
}

QCoro::Task<Result<QString>> GitDataClient::commitTree(QString commitSha)
{
    auto response = co_await send("GET", repoPath(u"/git/commits/"_s % commitSha), {}, true);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(rejected(*response, u"reading commits/"_s % commitSha.left(8)));
    }
    const QString tree = response->json().object().value(u"tree"_s).toObject().value(u"sha"_s).toString();
    if (tree.isEmpty()) {
        co_return fail(kRejected, kModule, u"could not resolve the branch's base tree."_s);
    }
    co_return tree;
}

QCoro::Task<Result<GitDataClient::RemoteTree>> GitDataClient::tree(QString treeSha, bool recursive)
{
    auto response = co_await send(
        "GET", repoPath(u"/git/trees/"_s % treeSha % (recursive ? u"?recursive=1"_s : QString())), {}, true);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(rejected(*response, u"reading trees/"_s % treeSha.left(8)));
    }
    const QJsonObject object = response->json().object();
    RemoteTree tree;
    tree.truncated = object.value(u"truncated"_s).toBool();
    const QJsonArray entries = object.value(u"tree"_s).toArray();
    tree.blobs.reserve(entries.size());
    for (const auto &value : entries) {
        const QJsonObject entry = value.toObject();
        const QString type = entry.value(u"type"_s).toString();
        if (type == u"blob"_s) {
            tree.blobs.insert(entry.value(u"path"_s).toString(), entry.value(u"sha"_s).toString().toLatin1());
        } else if (type == u"tree"_s && !recursive) {
            tree.subtrees.insert(entry.value(u"path"_s).toString(), entry.value(u"sha"_s).toString());
        }
    }
    co_return tree;
}

QCoro::Task<Result<GitDataClient::RemoteTree>> GitDataClient::completeTree(QString treeSha, QString where)
{
    auto listed = co_await tree(treeSha, true);
    if (!listed || !listed->truncated) {
        co_return listed;
    }
    // GitHub cut the recursive listing short: read this folder alone, then each subfolder the same way, so no path
    // is ever taken as unchanged for lack of a listing.
    auto level = co_await tree(treeSha, false);
    if (!level) {
        co_return std::unexpected(level.error());
    }
    if (level->truncated) {
        co_return fail(u"GitHub sync stopped"_s, kModule,
            u"GitHub cut short the listing of %1 in '%2' even without subfolders, so its state cannot be known; "
            u"nothing was changed."_s.arg(
                where.isEmpty() ? u"the repository's top folder"_s : u"'"_s + where + u"'"_s, m_repoFullName));
    }
    RemoteTree complete;
    complete.blobs = level->blobs;
    for (auto it = level->subtrees.cbegin(); it != level->subtrees.cend(); ++it) {
        const QString folder = where.isEmpty() ? it.key() : where + u'/' + it.key();
        auto sub = co_await completeTree(it.value(), folder);
        if (!sub) {
            co_return std::unexpected(sub.error());
        }
        for (auto blob = sub->blobs.cbegin(); blob != sub->blobs.cend(); ++blob) {
            complete.blobs.insert(it.key() + u'/' + blob.key(), blob.value());
        }
    }
    co_return complete;
}

QCoro::Task<Result<QByteArray>> GitDataClient::blob(QString blobSha)
{
    auto response = co_await send("GET", repoPath(u"/git/blobs/"_s % blobSha), {}, true);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(rejected(*response, u"reading blobs/"_s % blobSha.left(8)));
    }
    const QJsonObject object = response->json().object();
    const QByteArray content = object.value(u"content"_s).toString().toLatin1();
    if (object.value(u"encoding"_s).toString() == u"base64"_s) {
        QByteArray cleaned = content;
        cleaned.replace('\n', QByteArray());
        co_return QByteArray::fromBase64(cleaned);
    }
    co_return object.value(u"content"_s).toString().toUtf8();
}

QCoro::Task<Result<QString>> GitDataClient::createBlob(QByteArray bytes)
{
    const QByteArray body
        = compact(QJsonObject{{u"content"_s, QString::fromLatin1(bytes.toBase64())}, {u"encoding"_s, u"base64"_s}});
    // Content-addressed: sending the same blob twice is harmless, so it may be retried.
    auto response = co_await send("POST", repoPath(u"/git/blobs"_s), body, true);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(rejected(*response, u"on blobs"_s));
    }
    const QString sha = response->json().object().value(u"sha"_s).toString();
    if (sha.isEmpty()) {
        co_return missingField(u"on blobs"_s);
    }
    co_return sha;
}

QCoro::Task<Result<QString>> GitDataClient::createTree(QByteArray body)
{
    auto response = co_await send("POST", repoPath(u"/git/trees"_s), body, true);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(rejected(*response, u"on trees"_s));
    }
    const QString sha = response->json().object().value(u"sha"_s).toString();
    if (sha.isEmpty()) {
        co_return missingField(u"on trees"_s);
    }
    co_return sha;
}

QCoro::Task<Result<QString>> GitDataClient::createCommit(QString message, QString treeSha, QStringList parents)
{
    const QByteArray body = compact(QJsonObject{
        {u"message"_s, message}, {u"tree"_s, treeSha}, {u"parents"_s, QJsonArray::fromStringList(parents)}});
    // A commit object is content-addressed too; a retried POST only makes an unreferenced duplicate at worst.
    auto response = co_await send("POST", repoPath(u"/git/commits"_s), body, true);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(rejected(*response, u"on commits"_s));
    }
    const QString sha = response->json().object().value(u"sha"_s).toString();
    if (sha.isEmpty()) {
        co_return fail(kRejected, kModule, u"GitHub did not return a commit sha."_s);
    }
    co_return sha;
}

QCoro::Task<Result<HttpResponse>> GitDataClient::updateRef(QString branch, QString sha)
{
    const QByteArray body = compact(QJsonObject{{u"sha"_s, sha}, {u"force"_s, false}});
    co_return co_await send("PATCH", repoPath(u"/git/refs/heads/"_s % encodedBranch(branch)), body, false);
}

QCoro::Task<Result<GitDataClient::Seed>> GitDataClient::seed(
    QString path, QByteArray bytes, QString branch, QString message)
{
    const QByteArray body = compact(QJsonObject{
        {u"message"_s, message}, {u"content"_s, QString::fromLatin1(bytes.toBase64())}, {u"branch"_s, branch}});
    auto response = co_await send("PUT", repoPath(u"/contents/"_s % path), body, false);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(rejected(*response, u"creating the first commit on '%1'"_s.arg(branch)));
    }
    const QJsonObject object = response->json().object();
    const QJsonObject commit = object.value(u"commit"_s).toObject();
    Seed seed{commit.value(u"sha"_s).toString(), commit.value(u"tree"_s).toObject().value(u"sha"_s).toString(),
        object.value(u"content"_s).toObject().value(u"sha"_s).toString().toLatin1()};
    if (seed.commitSha.isEmpty()) {
        co_return fail(kRejected, kModule, u"GitHub did not return the first commit's sha."_s);
    }
    co_return seed;
}

QCoro::Task<Result<QJsonObject>> GitDataClient::repository()
{
    if (m_repository) {
        co_return *m_repository;
    }
    auto response = co_await send("GET", repoPath({}), {}, true);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(rejected(*response, u"reading repository '%1'"_s.arg(m_repoFullName)));
    }
    m_repository = response->json().object();
    co_return *m_repository;
}

QCoro::Task<Result<QString>> GitDataClient::defaultBranch()
{
    auto repo = co_await repository();
    if (!repo) {
        co_return std::unexpected(repo.error());
    }
    co_return repo->value(u"default_branch"_s).toString();
}

QCoro::Task<Result<void>> GitDataClient::createRef(QString branch, QString sha)
{
    const QByteArray body = compact(QJsonObject{{u"ref"_s, QString(u"refs/heads/"_s % branch)}, {u"sha"_s, sha}});
    auto response = co_await send("POST", repoPath(u"/git/refs"_s), body, false);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(rejected(*response, u"creating branch '%1'"_s.arg(branch)));
    }
    co_return {};
}

QCoro::Task<Result<QString>> GitDataClient::cloneUrl()
{
    auto repo = co_await repository();
    if (!repo) {
        co_return std::unexpected(repo.error());
    }
    const QString url = repo->value(u"clone_url"_s).toString();
    if (url.isEmpty()) {
        co_return fail(
            kRejected, kModule, u"GitHub's answer on repository '%1' lacks its clone_url."_s.arg(m_repoFullName));
    }
    co_return url;
}

QCoro::Task<Result<void>> GitDataClient::deleteRef(QString branch)
{
    auto response = co_await send("DELETE", repoPath(u"/git/refs/heads/"_s % encodedBranch(branch)), {}, true);
    if (!response) {
        co_return std::unexpected(response.error());
    }
    if (!response->isSuccess() && response->status != 404 && response->status != 422) {
        co_return std::unexpected(rejected(*response, u"deleting branch '%1'"_s.arg(branch)));
    }
    co_return {};
}

QCoro::Task<Result<QString>> GitDataClient::pushToken(QUrl gitUrl)
{
    co_await m_api->paceWrite("POST", gitUrl);
    auto token = co_await m_api->installationToken(m_installationId, m_repoFullName.section(u'/', 1));
    if (!token) {
        co_return std::unexpected(token.error().withConsequence(kAborted));
    }
    co_return std::move(*token);
}

} // namespace Notechondria
