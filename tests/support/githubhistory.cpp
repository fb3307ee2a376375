// SPDX-License-Identifier: GPL-3.0-or-later
// The history side of GitHubTestServer's REST API on the real bare repository: the commit listing (paged, filtered by
// path, as GitHub's "List commits") and one file's contents at a commit.
#include "githubtestserver_p.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Notechondria::Test {

namespace {

/// GitHub answers the Contents API's content for files up to 1 MB; larger ones come with an empty content.
constexpr qsizetype kContentsLimit = 1024 * 1024;

int queryNumber(const QUrlQuery &query, const QString &key, int fallback)
{
    bool ok = false;
    const int value = query.queryItemValue(key).toInt(&ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

void GitHubTestServer::Private::addHistoryRoutes()
{
    using P = Private;
    routes.append(Route{"GET", QRegularExpression(u"^/repos/([^/]+)/([^/]+)/commits$"_s), Auth::Repo, &P::listCommits});
    routes.append(
        Route{"GET", QRegularExpression(u"^/repos/([^/]+)/([^/]+)/contents/(.+)$"_s), Auth::Repo, &P::getContents});
}

QString GitHubTestServer::Private::resolveCommitish(const Repo &repo, const QString &ref) const
{
    QString name = ref.isEmpty() ? repo.defaultBranch : ref;
    name.remove(QRegularExpression(u"^refs/heads/"_s));
    if (const QString head = repo.git->branchHead(name); !head.isEmpty()) {
        return head;
    }
    static const QRegularExpression hex(u"^[0-9a-f]{4,40}$"_s);
    if (!hex.match(name).hasMatch()) {
        return {};
    }
    const auto run = repo.git->git({u"rev-parse"_s, u"--verify"_s, u"--quiet"_s, name + u"^{commit}"_s});
    return run.ok() ? QString::fromLatin1(run.out.trimmed()) : QString();
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::listCommits(Call &call)
{
    const Repo &repo = *call.repo;
    if (!repo.git->hasCommits()) {
        return error(409, u"Git Repository is empty."_s);
    }
    const QUrlQuery &query = call.request.query;
    const QString start = resolveCommitish(repo, query.queryItemValue(u"sha"_s, QUrl::FullyDecoded));
    if (start.isEmpty()) {
        return error(404, u"No commit found for SHA: %1"_s.arg(query.queryItemValue(u"sha"_s)));
    }
    const int perPage = std::min(queryNumber(query, u"per_page"_s, 30), 100);
    const int page = queryNumber(query, u"page"_s, 1);
    QStringList args{
        u"rev-list"_s, u"--skip=%1"_s.arg(qint64(page - 1) * perPage), u"--max-count=%1"_s.arg(perPage + 1), start};
    if (const QString path = query.queryItemValue(u"path"_s, QUrl::FullyDecoded); !path.isEmpty()) {
        args << u"--"_s << path;
    }
    const auto run = repo.git->git(args);
    if (!run.ok()) {
        return error(500, u"git rev-list failed"_s);
    }
    QStringList shas = QString::fromLatin1(run.out).split(u'\n', Qt::SkipEmptyParts);
    const bool more = shas.size() > perPage;
    shas = shas.mid(0, perPage);
    QJsonArray list;
    for (const QString &sha : std::as_const(shas)) {
        const auto commit = repo.git->readCommit(sha);
        if (!commit) {
            return error(500, u"unreadable commit"_s);
        }
        QJsonObject git = commitJson(repo, *commit);
        QJsonObject entry{{u"sha"_s, sha}, {u"node_id"_s, u"C_test"_s},
            {u"url"_s, url(u"/repos/%1/commits/%2"_s.arg(repo.fullName, sha))},
            {u"html_url"_s, git.value(u"html_url"_s)}, {u"parents"_s, git.value(u"parents"_s)}};
        git.remove(u"sha"_s);
        git.remove(u"html_url"_s);
        git.remove(u"parents"_s);
        entry.insert(u"commit"_s, git);
        list.append(entry);
    }
    Reply reply = json(200, list);
    if (more) {
        QUrlQuery next(query);
        next.removeAllQueryItems(u"page"_s);
        next.addQueryItem(u"page"_s, QString::number(page + 1));
        const QString link = url(u"/repos/%1/commits?%2"_s.arg(repo.fullName, next.toString(QUrl::FullyEncoded)));
        reply.headers.append({"Link", u"<%1>; rel=\"next\""_s.arg(link).toUtf8()});
    }
    return reply;
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::getContents(Call &call)
{
    const Repo &repo = *call.repo;
    if (!repo.git->hasCommits()) {
        return error(404, u"This repository is empty."_s);
    }
    const QString commit = resolveCommitish(repo, call.request.query.queryItemValue(u"ref"_s, QUrl::FullyDecoded));
    const QString path = QUrl::fromPercentEncoding(call.match.captured(3).toUtf8());
    if (commit.isEmpty()) {
        return error(404, u"No commit found for the ref %1"_s.arg(call.request.query.queryItemValue(u"ref"_s)));
    }
    const auto run = repo.git->git({u"rev-parse"_s, u"--verify"_s, u"--quiet"_s, commit + u':' + path});
    const QString sha = QString::fromLatin1(run.out.trimmed());
    if (!run.ok() || repo.git->objectType(sha) != u"blob"_s) {
        return error(404, u"Not Found"_s);
    }
    const auto bytes = repo.git->readBlob(sha);
    if (!bytes) {
        return error(500, u"unreadable blob"_s);
    }
    const bool inline_ = bytes->size() <= kContentsLimit;
    return json(200,
        QJsonObject{{u"type"_s, u"file"_s}, {u"encoding"_s, inline_ ? u"base64"_s : u"none"_s},
            {u"size"_s, bytes->size()}, {u"name"_s, path.section(u'/', -1)}, {u"path"_s, path}, {u"sha"_s, sha},
            {u"content"_s, inline_ ? QString::fromLatin1(bytes->toBase64()) : QString()},
            {u"url"_s, url(u"/repos/%1/contents/%2?ref=%3"_s.arg(repo.fullName, path, commit))},
            {u"git_url"_s, url(u"/repos/%1/git/blobs/%2"_s.arg(repo.fullName, sha))}});
}

} // namespace Notechondria::Test
