// SPDX-License-Identifier: GPL-3.0-or-later
// The Git Data API of GitHubTestServer: refs, commits, trees and blobs on a real bare repository.
#include "githubtestserver_p.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Notechondria::Test {

namespace {

const QSet<QString> &validModes()
{
    static const QSet<QString> modes{u"100644"_s, u"100755"_s, u"040000"_s, u"160000"_s, u"120000"_s};
    return modes;
}

bool isSha(const QString &value)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{40}$"_s);
    return pattern.match(value).hasMatch();
}

QByteArray wrappedBase64(const QByteArray &bytes)
{
    // GitHub wraps base64 blob content at 60 characters per line.
    const QByteArray flat = bytes.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < flat.size(); i += 60) {
        out += flat.mid(i, 60) + '\n';
    }
    return out;
}

} // namespace

void GitHubTestServer::Private::addGitDataRoutes()
{
    using P = Private;
    const QString base = u"/repos/([^/]+)/([^/]+)/git/"_s;
    const auto add = [&](const char *method, const QString &rest, Handler P::*handler) {
        routes.append(Route{method, QRegularExpression(u'^' + base + rest + u'$'), Auth::GitData, handler});
    };
    add("GET", u"ref/(heads/.+)"_s, &P::getRef);
    add("GET", u"refs/(heads/.+)"_s, &P::getRef);
    add("GET", u"commits/([^/]+)"_s, &P::getCommit);
    add("GET", u"trees/(.+)"_s, &P::getTree);
    add("GET", u"blobs/([^/]+)"_s, &P::getBlob);
    add("POST", u"blobs"_s, &P::postBlob);
    add("POST", u"trees"_s, &P::postTree);
    add("POST", u"commits"_s, &P::postCommit);
    add("POST", u"refs"_s, &P::postRef);
    add("PATCH", u"refs/(heads/.+)"_s, &P::patchRef);
    add("DELETE", u"refs/(heads/.+)"_s, &P::deleteRef);
}

QJsonObject GitHubTestServer::Private::refJson(const Repo &repo, const QString &ref, const QString &sha) const
{
    return QJsonObject{
        {u"ref"_s, ref},
        {u"node_id"_s, u"REF_test"_s},
        {u"url"_s, url(u"/repos/%1/git/%2"_s.arg(repo.fullName, ref))},
        {u"object"_s,
            QJsonObject{{u"sha"_s, sha}, {u"type"_s, u"commit"_s},
                {u"url"_s, url(u"/repos/%1/git/commits/%2"_s.arg(repo.fullName, sha))}}},
    };
}

QJsonObject GitHubTestServer::Private::commitJson(const Repo &repo, const GitCommitInfo &commit) const
{
    QJsonArray parents;
    for (const QString &parent : commit.parents) {
        parents.append(
            QJsonObject{{u"sha"_s, parent}, {u"url"_s, url(u"/repos/%1/git/commits/%2"_s.arg(repo.fullName, parent))}});
    }
    const auto person = [this](const QString &name, const QString &email, qint64 time) {
        return QJsonObject{{u"name"_s, name}, {u"email"_s, email}, {u"date"_s, isoTime(time)}};
    };
    return QJsonObject{
        {u"sha"_s, commit.sha},
        {u"url"_s, url(u"/repos/%1/git/commits/%2"_s.arg(repo.fullName, commit.sha))},
        {u"html_url"_s, u"https://github.com/%1/commit/%2"_s.arg(repo.fullName, commit.sha)},
        {u"message"_s, commit.message},
        {u"tree"_s,
            QJsonObject{
                {u"sha"_s, commit.tree}, {u"url"_s, url(u"/repos/%1/git/trees/%2"_s.arg(repo.fullName, commit.tree))}}},
        {u"parents"_s, parents},
        {u"author"_s, person(commit.authorName, commit.authorEmail, commit.authorTime)},
        {u"committer"_s, person(commit.committerName, commit.committerEmail, commit.committerTime)},
    };
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::getRef(Call &call)
{
    const QString ref = call.match.captured(3);
    const QString sha = call.repo->git->branchHead(ref.mid(6));
    if (sha.isEmpty()) {
        return error(404, u"Not Found"_s);
    }
    return json(200, refJson(*call.repo, u"refs/"_s + ref, sha));
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::getCommit(Call &call)
{
    const QString sha = call.match.captured(3);
    const auto commit = isSha(sha) ? call.repo->git->readCommit(sha) : std::nullopt;
    if (!commit) {
        return error(404, u"Not Found"_s);
    }
    return json(200, commitJson(*call.repo, *commit));
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::getTree(Call &call)
{
    Repo &repo = *call.repo;
    QString sha = call.match.captured(3);
    if (!isSha(sha)) {
        sha = repo.git->branchHead(sha.startsWith("heads/"_L1) ? sha.mid(6) : sha);
    }
    if (isSha(sha) && repo.git->objectType(sha) == "commit"_L1) {
        sha = repo.git->readCommit(sha)->tree;
    }
    const QString recursive = call.request.query.queryItemValue(u"recursive"_s);
    const auto entries = isSha(sha)
        ? repo.git->listTree(sha, !recursive.isEmpty() && recursive != "0"_L1 && recursive != "false"_L1)
        : std::nullopt;
    if (!entries) {
        return error(404, u"Not Found"_s);
    }
    QJsonArray tree;
    const bool truncated = treeListingLimit > 0 && entries->size() > treeListingLimit;
    for (const GitTreeEntry &entry : truncated ? entries->mid(0, treeListingLimit) : *entries) {
        QJsonObject item{{u"path"_s, entry.name}, {u"mode"_s, entry.mode}, {u"type"_s, entry.type},
            {u"sha"_s, entry.sha},
            {u"url"_s, url(u"/repos/%1/git/%2s/%3"_s.arg(repo.fullName, entry.type, entry.sha))}};
        if (entry.size >= 0) {
            item.insert(u"size"_s, entry.size);
        }
        tree.append(item);
    }
    return json(200,
        QJsonObject{{u"sha"_s, sha}, {u"url"_s, url(u"/repos/%1/git/trees/%2"_s.arg(repo.fullName, sha))},
            {u"tree"_s, tree}, {u"truncated"_s, truncated}});
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::getBlob(Call &call)
{
    const QString sha = call.match.captured(3);
    const auto bytes = isSha(sha) ? call.repo->git->readBlob(sha) : std::nullopt;
    if (!bytes) {
        return error(404, u"Not Found"_s);
    }
    return json(200,
        QJsonObject{{u"sha"_s, sha}, {u"node_id"_s, u"B_test"_s}, {u"size"_s, qint64(bytes->size())},
            {u"url"_s, url(u"/repos/%1/git/blobs/%2"_s.arg(call.repo->fullName, sha))},
            {u"content"_s, QString::fromLatin1(wrappedBase64(*bytes))}, {u"encoding"_s, u"base64"_s}});
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::postBlob(Call &call)
{
    const auto body = jsonBody(call.request);
    if (!body) {
        return body.error();
    }
    if (!body->value("content"_L1).isString()) {
        return error(422, u"Invalid request.\n\n\"content\" wasn't supplied."_s);
    }
    const QString encoding = body->value("encoding"_L1).toString(u"utf-8"_s);
    const QString content = body->value("content"_L1).toString();
    QByteArray bytes;
    if (encoding == "base64"_L1) {
        const auto decoded = decodeBase64(content);
        if (!decoded) {
            return error(422, u"content is not valid Base64"_s);
        }
        bytes = *decoded;
    } else if (encoding == "utf-8"_L1 || encoding == "utf8"_L1) {
        bytes = content.toUtf8();
    } else {
        return error(422, u"encoding must be one of utf-8, base64"_s);
    }
    const QString sha = call.repo->git->writeBlob(bytes);
    if (sha.isEmpty()) {
        return error(500, u"Server Error"_s);
    }
    return json(
        201, QJsonObject{{u"sha"_s, sha}, {u"url"_s, url(u"/repos/%1/git/blobs/%2"_s.arg(call.repo->fullName, sha))}});
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::postTree(Call &call)
{
    Repo &repo = *call.repo;
    const auto body = jsonBody(call.request);
    if (!body) {
        return body.error();
    }
    if (!body->value("tree"_L1).isArray()) {
        return error(422, u"Invalid request.\n\n\"tree\" wasn't supplied."_s);
    }
    QList<GitTreeEdit> edits;
    for (const QJsonValue &value : body->value("tree"_L1).toArray()) {
        const QJsonObject item = value.toObject();
        GitTreeEdit edit;
        edit.path = item.value("path"_L1).toString();
        edit.mode = item.value("mode"_L1).toString();
        edit.type = item.value("type"_L1).toString(u"blob"_s);
        if (edit.path.isEmpty() || !validModes().contains(edit.mode)) {
            return error(422, u"Invalid tree info: tree.path and a valid tree.mode are required"_s);
        }
        const bool hasSha = item.contains("sha"_L1);
        const bool hasContent = item.contains("content"_L1);
        if (hasSha && hasContent) {
            return error(422,
                u"Must supply either tree.sha or tree.content. Request can not be processed because "
                "both were supplied."_s);
        }
        if (hasContent) {
            edit.content = item.value("content"_L1).toString().toUtf8();
        } else if (hasSha && item.value("sha"_L1).isString()) {
            edit.sha = item.value("sha"_L1).toString();
            if (!isSha(*edit.sha)) {
                return error(422, u"tree.sha %1 is not a valid %2"_s.arg(*edit.sha, edit.type));
            }
        } else if (!hasSha) {
            return error(422, u"Must supply either tree.sha or tree.content"_s);
        } // "sha": null deletes the path
        edits.append(edit);
    }
    const QString baseTree = body->value("base_tree"_L1).toString();
    QString why;
    const auto sha = repo.git->editTree(baseTree, edits, &why);
    if (!sha) {
        return error(422, why);
    }
    QJsonArray tree;
    for (const GitTreeEntry &entry : repo.git->readTree(*sha).value_or(QList<GitTreeEntry>())) {
        tree.append(QJsonObject{
            {u"path"_s, entry.name}, {u"mode"_s, entry.mode}, {u"type"_s, entry.type}, {u"sha"_s, entry.sha}});
    }
    return json(201,
        QJsonObject{{u"sha"_s, *sha}, {u"url"_s, url(u"/repos/%1/git/trees/%2"_s.arg(repo.fullName, *sha))},
            {u"tree"_s, tree}, {u"truncated"_s, false}});
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::postCommit(Call &call)
{
    Repo &repo = *call.repo;
    const auto body = jsonBody(call.request);
    if (!body) {
        return body.error();
    }
    for (const char *field : {"message", "tree"}) {
        if (!body->value(QLatin1StringView(field)).isString()) {
            return error(422, u"Invalid request.\n\n\"%1\" wasn't supplied."_s.arg(QLatin1StringView(field)));
        }
    }
    const QString tree = body->value("tree"_L1).toString();
    QStringList parents;
    for (const QJsonValue &parent : body->value("parents"_L1).toArray()) {
        parents.append(parent.toString());
    }
    const QHash<QString, QString> types = repo.git->objectTypes(QStringList(parents) << tree);
    if (!isSha(tree) || types.value(tree) != "tree"_L1) {
        return error(422, u"Tree SHA does not exist"_s);
    }
    for (const QString &parent : std::as_const(parents)) {
        if (!isSha(parent) || types.value(parent) != "commit"_L1) {
            return error(422, u"Parent SHA does not exist or is not a commit object"_s);
        }
    }
    const QJsonObject author = body->value("author"_L1).toObject();
    const QString sha = repo.git->commitTree(tree, parents, body->value("message"_L1).toString(),
        author.value("name"_L1).toString(u"notechondria-test[bot]"_s),
        author.value("email"_L1).toString(u"bot@example.invalid"_s), now());
    if (sha.isEmpty()) {
        return error(500, u"Server Error"_s);
    }
    return json(201, commitJson(repo, *repo.git->readCommit(sha)));
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::postRef(Call &call)
{
    Repo &repo = *call.repo;
    const auto body = jsonBody(call.request);
    if (!body) {
        return body.error();
    }
    const QString ref = body->value("ref"_L1).toString();
    const QString sha = body->value("sha"_L1).toString();
    if (!ref.startsWith("refs/"_L1) || ref.count(u'/') < 2) {
        return error(422, u"Reference name must start with 'refs/' and have at least two slashes."_s);
    }
    if (!isSha(sha) || repo.git->objectType(sha) != "commit"_L1) {
        return error(422, u"Object does not exist"_s);
    }
    if (!repo.git->updateRef(ref, sha, QString(BareRepository::zeroSha))) {
        return error(422, u"Reference already exists"_s);
    }
    return json(201, refJson(repo, ref, sha));
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::patchRef(Call &call)
{
    Repo &repo = *call.repo;
    const QString branch = call.match.captured(3).mid(6);
    if (races.remove(repo.fullName.toLower() + u'\n' + branch)) {
        q->commitFromAnotherDevice(repo.fullName, branch,
            {{u"other-device/race-%1.txt"_s.arg(QDateTime::currentMSecsSinceEpoch()), QByteArray("raced\n")}},
            u"Commit from another device"_s);
    }
    const auto body = jsonBody(call.request);
    if (!body) {
        return body.error();
    }
    const QString sha = body->value("sha"_L1).toString();
    const bool force = body->value("force"_L1).toBool(false);
    const QString current = repo.git->branchHead(branch);
    if (current.isEmpty()) {
        return error(422, u"Reference does not exist"_s);
    }
    if (!isSha(sha) || repo.git->objectType(sha) != "commit"_L1) {
        return error(422, u"Object does not exist"_s);
    }
    if (!force && current != sha && !repo.git->isAncestor(current, sha)) {
        return error(422, u"Update is not a fast forward"_s);
    }
    if (!repo.git->updateRef(u"refs/heads/"_s + branch, sha, current)) {
        return error(422, u"Reference cannot be updated"_s);
    }
    return json(200, refJson(repo, u"refs/heads/"_s + branch, sha));
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::deleteRef(Call &call)
{
    Repo &repo = *call.repo;
    const QString ref = u"refs/"_s + call.match.captured(3);
    const QString current = repo.git->branchHead(ref.mid(11));
    if (current.isEmpty()) {
        return error(422, u"Reference does not exist"_s);
    }
    if (!repo.git->git({u"update-ref"_s, u"-d"_s, ref, current}).ok()) {
        return error(422, u"Reference cannot be deleted"_s);
    }
    Reply reply;
    reply.status = 204;
    return reply;
}

} // namespace Notechondria::Test
