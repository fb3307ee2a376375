// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubtestserver.h"

#include "githubtestserver_p.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpHeaders>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTestServer, "notechondria.testserver")

namespace Notechondria::Test {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

QByteArray randomAlnum(int length)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray out;
    for (int i = 0; i < length; ++i) {
        out += alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))];
    }
    return out;
}

QJsonObject permissionsJson()
{
    return QJsonObject{{u"contents"_s, u"write"_s}, {u"metadata"_s, u"read"_s}};
}

} // namespace

GitHubTestServer::Private::Private(GitHubTestServer *owner)
    : q(owner)
{
    using P = Private;
    const auto add = [this](const char *method, const QString &pattern, Auth auth, Handler P::*handler) {
        routes.append(Route{method, QRegularExpression(u'^' + pattern + u'$'), auth, handler});
    };
    add("POST", u"/app/installations/(\\d+)/access_tokens"_s, Auth::Jwt, &P::createAccessToken);
    add("GET", u"/app/installations"_s, Auth::Jwt, &P::listInstallations);
    add("DELETE", u"/installation/token"_s, Auth::Token, &P::revokeToken);
    add("GET", u"/installation/repositories"_s, Auth::Token, &P::listInstallationRepos);
    add("GET", u"/repos/([^/]+)/([^/]+)"_s, Auth::Repo, &P::getRepo);
    add("PUT", u"/repos/([^/]+)/([^/]+)/contents/(.+)"_s, Auth::Repo, &P::putContents);
    add("GET", u"/repos/([^/]+)/([^/]+)/tarball(?:/(.+))?"_s, Auth::Repo, &P::getTarball);
    add("GET", u"/_codeload/([A-Za-z0-9]+)/[^/]+"_s, Auth::None, &P::download);
    addGitDataRoutes();
    addHistoryRoutes();
    addGitHttpRoutes();
    addAppRoutes();
}

qint64 GitHubTestServer::Private::now() const
{
    return QDateTime::currentSecsSinceEpoch() + clockSkew;
}

QString GitHubTestServer::Private::isoTime(qint64 epoch) const
{
    return QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::UTC).toString(Qt::ISODate);
}

QString GitHubTestServer::Private::url(const QString &path) const
{
    return u"http://127.0.0.1:%1%2"_s.arg(port).arg(path);
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::json(int status, const QJsonValue &value)
{
    Reply reply;
    reply.status = status;
    reply.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return reply;
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::error(int status, const QString &message)
{
    return json(status,
        QJsonObject{{u"message"_s, message}, {u"documentation_url"_s, u"https://docs.github.com/rest"_s},
            {u"status"_s, QString::number(status)}});
}

QByteArray GitHubTestServer::Private::defaultMessage(int status)
{
    switch (status) {
    case 401:
        return "Bad credentials";
    case 403:
        return "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
    case 404:
        return "Not Found";
    case 409:
        return "Git Repository is empty.";
    case 422:
        return "Update is not a fast forward";
    case 429:
        return "Too Many Requests";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Server Error";
    }
}

std::optional<QByteArray> GitHubTestServer::Private::decodeBase64(const QString &text)
{
    QByteArray compact = text.toLatin1();
    compact.removeIf([](char c) { return c == '\n' || c == '\r' || c == ' ' || c == '\t'; });
    auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? std::optional(*decoded) : std::nullopt;
}

std::expected<QJsonObject, GitHubTestServer::Private::Reply> GitHubTestServer::Private::jsonBody(const Request &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return std::unexpected(error(400, u"Problems parsing JSON"_s));
    }
    return document.object();
}

void GitHubTestServer::Private::handle(const QHttpServerRequest &httpRequest, QHttpServerResponder &responder)
{
    Request request;
    request.method = methodName(httpRequest.method());
    request.path = httpRequest.url().path(QUrl::FullyDecoded);
    request.query = httpRequest.query();
    request.body = httpRequest.body();
    const QHttpHeaders headers = httpRequest.headers();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        request.headers.insert(
            QByteArray(headers.nameAt(i).data(), headers.nameAt(i).size()).toLower(), headers.valueAt(i).toByteArray());
    }
    requestLog.append(request);

    for (qsizetype i = 0; i < faults.size(); ++i) {
        Fault &fault = faults[i];
        if ((!fault.method.isEmpty() && fault.method != request.method) || !fault.path.match(request.path).hasMatch()) {
            continue;
        }
        const Fault hit = fault;
        if (--fault.times <= 0) {
            faults.removeAt(i);
        }
        Reply reply;
        if (hit.status != 0) {
            reply = hit.body.isEmpty() ? error(hit.status, QString::fromUtf8(defaultMessage(hit.status)))
                                       : Reply{hit.status, hit.body, "application/json; charset=utf-8", {}};
            reply.headers = hit.headers;
        }
        if (!hit.hang) {
            respond(responder, reply);
            return;
        }
        // Keep the responder alive and answer later; the event loop keeps serving other connections.
        auto responderHeld = std::make_shared<QHttpServerResponder>(std::move(responder));
        held.append(responderHeld);
        QTimer::singleShot(hangDuration, q, [this, weak = std::weak_ptr(responderHeld), reply, request, hit] {
            const auto responderLater = weak.lock();
            if (!responderLater) {
                return;
            }
            Reply late = reply;
            if (hit.status == 0) {
                late = dispatch(request);
                late.headers += hit.headers;
            }
            respond(*responderLater, late);
            held.removeOne(responderLater);
        });
        return;
    }

    if (rateLimited && !request.path.startsWith("/_codeload/"_L1)) {
        if (now() >= rateReset) {
            rateLimited = false;
        } else if (rateRemaining <= 0) {
            respond(responder, error(403, u"API rate limit exceeded for installation."_s));
            return;
        } else {
            --rateRemaining;
        }
    }
    QElapsedTimer busy;
    busy.start();
    const Reply reply = dispatch(request);
    busyNs += busy.nsecsElapsed();
    respond(responder, reply);
}

void GitHubTestServer::Private::respond(QHttpServerResponder &responder, const Reply &reply) const
{
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::ContentType, reply.contentType);
    headers.append(QHttpHeaders::WellKnownHeader::Date,
        QLocale::c().toString(
            QDateTime::fromSecsSinceEpoch(now(), QTimeZone::UTC), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s));
    headers.append("x-github-api-version-selected", "2022-11-28");
    headers.append("x-ratelimit-limit", "5000");
    headers.append("x-ratelimit-remaining", QByteArray::number(rateLimited ? rateRemaining : 5000));
    headers.append("x-ratelimit-reset", QByteArray::number(rateLimited ? rateReset : now() + 3600));
    headers.append("x-ratelimit-resource", "core");
    for (const auto &[name, value] : reply.headers) {
        headers.replaceOrAppend(QAnyStringView(name), value);
    }
    responder.write(reply.body, headers, static_cast<QHttpServerResponder::StatusCode>(reply.status));
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::dispatch(const Request &request)
{
    for (const Route &route : std::as_const(routes)) {
        if (route.method != request.method) {
            continue;
        }
        Call call{request, route.pattern.match(request.path), nullptr, {}, nullptr};
        if (!call.match.hasMatch()) {
            continue;
        }
        if (route.auth == Auth::Jwt) {
            if (auto rejected = checkJwt(request)) {
                return *rejected;
            }
        } else if (route.auth != Auth::None) {
            if (auto rejected = checkToken(call)) {
                if (route.auth == Auth::Git) {
                    rejected->headers.append(
                        std::pair<QByteArray, QByteArray>("WWW-Authenticate", R"(Basic realm="GitHub")"));
                }
                return *rejected;
            }
        }
        if (route.auth == Auth::Repo || route.auth == Auth::GitData || route.auth == Auth::Git) {
            call.repo = findRepo(call.match.captured(1) + u'/' + call.match.captured(2));
            const bool reachable = call.repo && call.repo->installationId == call.token->installationId
                && (call.token->repos.isEmpty() || call.token->repos.contains(call.repo->name.toLower()));
            if (!reachable) {
                return error(404, u"Not Found"_s);
            }
            if (route.auth == Auth::GitData && call.repo->empty) {
                return error(409, u"Git Repository is empty."_s);
            }
        }
        return (this->*route.handler)(call);
    }
    return error(404, u"Not Found"_s);
}

std::optional<GitHubTestServer::Private::Reply> GitHubTestServer::Private::checkJwt(const Request &request) const
{
    const QByteArray authorization = request.headers.value("authorization");
    if (!authorization.startsWith("Bearer ")) {
        return error(401, u"A JSON web token could not be decoded"_s);
    }
    const QList<QByteArray> parts = authorization.mid(7).trimmed().split('.');
    const auto decode = [](const QByteArray &part) {
        return QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    if (parts.size() != 3) {
        return error(401, u"A JSON web token could not be decoded"_s);
    }
    const QJsonObject header = QJsonDocument::fromJson(decode(parts[0])).object();
    const QJsonObject claims = QJsonDocument::fromJson(decode(parts[1])).object();
    if (header.value("alg"_L1).toString() != "RS256"_L1 || claims.isEmpty()) {
        return error(401, u"A JSON web token could not be decoded"_s);
    }
    const QJsonValue issuerClaim = claims.value("iss"_L1);
    const App *app
        = appByIssuer(issuerClaim.isDouble() ? QString::number(issuerClaim.toInteger()) : issuerClaim.toString());
    jwtApp = app ? app->id : 0;
    if (app || appKey) {
        QCA::PublicKey key = app ? app->key : *appKey;
        const QByteArray signingInput = parts[0] + '.' + parts[1];
        if (!key.verifyMessage(QCA::MemoryRegion(signingInput), decode(parts[2]), QCA::EMSA3_SHA256)) {
            return error(401, u"A JSON web token could not be decoded"_s);
        }
    }
    const QJsonValue iat = claims.value("iat"_L1);
    const QJsonValue exp = claims.value("exp"_L1);
    if (!iat.isDouble() || iat.toInteger() > now()) {
        return error(401, u"'Issued at' claim ('iat') must be an Integer representing a time in the past"_s);
    }
    if (!exp.isDouble() || exp.toInteger() <= now()) {
        return error(401,
            u"'Expiration time' claim ('exp') must be a numeric value representing the future time at "
            "which the assertion expires"_s);
    }
    if (exp.toInteger() - iat.toInteger() > 600) {
        return error(401, u"'Expiration time' claim ('exp') is too far in the future"_s);
    }
    const QJsonValue iss = claims.value("iss"_L1);
    const QString issuer = iss.isDouble() ? QString::number(iss.toInteger()) : iss.toString();
    if (!app && !appIssuer.isEmpty() && issuer != appIssuer) {
        return error(401, u"Integration not found"_s);
    }
    return std::nullopt;
}

std::optional<GitHubTestServer::Private::Reply> GitHubTestServer::Private::checkToken(Call &call)
{
    const QByteArray authorization = call.request.headers.value("authorization");
    QByteArray value;
    if (authorization.startsWith("Bearer ") || authorization.startsWith("token ")) {
        value = authorization.mid(authorization.indexOf(' ') + 1).trimmed();
    } else if (authorization.startsWith("Basic ")) { // git over HTTPS: x-access-token:<token>
        const QByteArray pair = QByteArray::fromBase64(authorization.mid(6).trimmed());
        if (pair.startsWith("x-access-token:")) {
            value = pair.mid(15);
        }
    }
    const auto it = tokens.find(value);
    if (value.isEmpty() || it == tokens.end() || it->expired || it->revoked || it->expiresAt <= now()) {
        return error(401, u"Bad credentials"_s);
    }
    call.token = &*it;
    call.tokenValue = value;
    return std::nullopt;
}

GitHubTestServer::Private::Repo *GitHubTestServer::Private::findRepo(const QString &fullName) const
{
    const auto it = repos.find(fullName.toLower());
    return it == repos.end() ? nullptr : it->second.get();
}

QJsonObject GitHubTestServer::Private::repoJson(const Repo &repo) const
{
    const Installation &installation = installations.at(repo.installationId);
    return QJsonObject{
        {u"id"_s, repo.id},
        {u"node_id"_s, u"R_test%1"_s.arg(repo.id)},
        {u"name"_s, repo.name},
        {u"full_name"_s, repo.fullName},
        {u"private"_s, repo.isPrivate},
        {u"visibility"_s, repo.isPrivate ? u"private"_s : u"public"_s},
        {u"default_branch"_s, repo.defaultBranch},
        {u"owner"_s, QJsonObject{{u"login"_s, repo.owner}, {u"id"_s, installation.accountId}, {u"type"_s, u"User"_s}}},
        {u"html_url"_s, QString(u"https://github.com/"_s + repo.fullName)},
        {u"url"_s, url(u"/repos/"_s + repo.fullName)},
        {u"clone_url"_s, url(u'/' + repo.fullName + u".git"_s)},
        {u"permissions"_s, QJsonObject{{u"admin"_s, false}, {u"push"_s, true}, {u"pull"_s, true}}},
    };
}

void GitHubTestServer::Private::addPageLinks(
    Reply &reply, const Request &request, int page, int perPage, qsizetype total) const
{
    const int last = std::max<int>(1, int((total + perPage - 1) / perPage));
    const auto link = [&](int target, const char *rel) {
        QUrlQuery query;
        query.addQueryItem(u"per_page"_s, QString::number(perPage));
        query.addQueryItem(u"page"_s, QString::number(target));
        return u"<%1?%2>; rel=\"%3\""_s.arg(url(request.path), query.toString(), QLatin1StringView(rel));
    };
    QStringList links;
    if (page > 1) {
        links << link(page - 1, "prev");
    }
    if (page < last) {
        links << link(page + 1, "next") << link(last, "last");
    }
    if (page > 1) {
        links << link(1, "first");
    }
    if (!links.isEmpty()) {
        reply.headers.append({"Link", links.join(u", "_s).toUtf8()});
    }
}

namespace {
std::pair<int, int> pageOf(const QUrlQuery &query)
{
    const int perPage = std::clamp(query.queryItemValue(u"per_page"_s).toInt(), 0, 100);
    const int page = std::max(1, query.queryItemValue(u"page"_s).toInt());
    return {page, perPage == 0 ? 30 : perPage};
}
} // namespace

GitHubTestServer::Private::Reply GitHubTestServer::Private::createAccessToken(Call &call)
{
    const qint64 id = call.match.captured(1).toLongLong();
    if (!installations.contains(id)) {
        return error(404, u"Not Found"_s);
    }
    Token token{id, now() + 3600, false, false, {}};
    QJsonArray narrowed;
    if (!call.request.body.trimmed().isEmpty()) {
        const auto body = jsonBody(call.request);
        if (!body) {
            return body.error();
        }
        for (const QJsonValue &name : body->value("repositories"_L1).toArray()) {
            Repo *repo = findRepo(installations.at(id).login + u'/' + name.toString());
            if (!repo || repo->installationId != id) {
                return error(422,
                    u"There is at least one repository that does not exist or is not accessible to the "
                    "parent installation."_s);
            }
            token.repos.insert(repo->name.toLower());
            narrowed.append(repoJson(*repo));
        }
    }
    const QByteArray value = "ghs_" + randomAlnum(36);
    tokens.insert(value, token);
    QJsonObject answer{{u"token"_s, QString::fromLatin1(value)}, {u"expires_at"_s, isoTime(token.expiresAt)},
        {u"permissions"_s, permissionsJson()},
        {u"repository_selection"_s, token.repos.isEmpty() ? u"all"_s : u"selected"_s}};
    if (!token.repos.isEmpty()) {
        answer.insert(u"repositories"_s, narrowed);
    }
    return json(201, answer);
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::listInstallations(Call &call)
{
    const auto [page, perPage] = pageOf(call.request.query);
    QJsonArray list;
    qsizetype index = 0;
    for (const auto &[id, installation] : installations) {
        if (installation.app != jwtApp) { // each App sees its own installations
            continue;
        }
        if (index++ / perPage + 1 != page) {
            continue;
        }
        list.append(installationJson(installation));
    }
    Reply reply = json(200, list);
    addPageLinks(reply, call.request, page, perPage, index);
    return reply;
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::revokeToken(Call &call)
{
    call.token->revoked = true;
    ++revokedTokens;
    Reply reply;
    reply.status = 204;
    return reply;
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::listInstallationRepos(Call &call)
{
    const auto [page, perPage] = pageOf(call.request.query);
    QList<const Repo *> visible;
    for (const auto &[key, repo] : repos) {
        if (repo->installationId == call.token->installationId
            && (call.token->repos.isEmpty() || call.token->repos.contains(repo->name.toLower()))) {
            visible.append(repo.get());
        }
    }
    QJsonArray list;
    for (qsizetype i = qsizetype(page - 1) * perPage; i < visible.size() && i < qsizetype(page) * perPage; ++i) {
        list.append(repoJson(*visible[i]));
    }
    Reply reply = json(200,
        QJsonObject{{u"total_count"_s, qint64(visible.size())},
            {u"repository_selection"_s, call.token->repos.isEmpty() ? u"all"_s : u"selected"_s},
            {u"repositories"_s, list}});
    addPageLinks(reply, call.request, page, perPage, visible.size());
    return reply;
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::getRepo(Call &call)
{
    return json(200, repoJson(*call.repo));
}

QString GitHubTestServer::Private::commitOnBranch(Repo &repo, const QString &branch, const QList<GitTreeEdit> &edits,
    const QString &message, const QString &authorName, const QString &authorEmail, QString *error)
{
    BareRepository &git = *repo.git;
    const QString head = git.branchHead(branch);
    QString baseTree;
    if (!head.isEmpty()) {
        baseTree = git.readCommit(head)->tree;
    }
    const auto tree = git.editTree(baseTree, edits, error);
    if (!tree) {
        return {};
    }
    const QString commit = git.commitTree(
        *tree, head.isEmpty() ? QStringList() : QStringList{head}, message, authorName, authorEmail, now());
    const QString expected = head.isEmpty() ? QString(BareRepository::zeroSha) : head;
    if (commit.isEmpty() || !git.updateRef(u"refs/heads/"_s + branch, commit, expected)) {
        *error = u"the commit could not be written"_s;
        return {};
    }
    repo.empty = false;
    return commit;
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::putContents(Call &call)
{
    const auto body = jsonBody(call.request);
    if (!body) {
        return body.error();
    }
    for (const char *field : {"message", "content"}) {
        if (!body->value(QLatin1StringView(field)).isString()) {
            return error(422, u"Invalid request.\n\n\"%1\" wasn't supplied."_s.arg(QLatin1StringView(field)));
        }
    }
    const auto content = decodeBase64(body->value("content"_L1).toString());
    if (!content) {
        return error(422, u"content is not valid Base64"_s);
    }
    Repo &repo = *call.repo;
    const QString path = call.match.captured(3);
    const QString branch = body->value("branch"_L1).toString(repo.defaultBranch);
    const QString head = repo.git->branchHead(branch);
    if (head.isEmpty() && !repo.empty) {
        return error(404, u"Branch %1 not found"_s.arg(branch));
    }
    QString existing;
    if (!head.isEmpty()) {
        if (const auto listing = repo.git->listTree(repo.git->readCommit(head)->tree, true)) {
            for (const GitTreeEntry &entry : *listing) {
                if (entry.name == path && entry.type == "blob"_L1) {
                    existing = entry.sha;
                }
            }
        }
    }
    const QString given = body->value("sha"_L1).toString();
    if (!existing.isEmpty() && given.isEmpty()) {
        return error(422, u"Invalid request.\n\n\"sha\" wasn't supplied."_s);
    }
    if (!existing.isEmpty() && given != existing) {
        return error(409, u"%1 does not match %2"_s.arg(path, given));
    }
    const QJsonObject author = body->value("committer"_L1).toObject();
    QString why;
    const QString commit = commitOnBranch(repo, branch, {GitTreeEdit{path, u"100644"_s, u"blob"_s, {}, *content}},
        body->value("message"_L1).toString(), author.value("name"_L1).toString(u"notechondria-test[bot]"_s),
        author.value("email"_L1).toString(u"bot@example.invalid"_s), &why);
    if (commit.isEmpty()) {
        return error(422, why);
    }
    const GitCommitInfo info = *repo.git->readCommit(commit);
    const QString blobSha = BareRepository::blobSha(*content);
    return json(existing.isEmpty() ? 201 : 200,
        QJsonObject{{u"content"_s,
                        QJsonObject{{u"name"_s, path.section(u'/', -1)}, {u"path"_s, path}, {u"sha"_s, blobSha},
                            {u"size"_s, qint64(content->size())}, {u"type"_s, u"file"_s}}},
            {u"commit"_s, commitJson(repo, info)}});
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::getTarball(Call &call)
{
    Repo &repo = *call.repo;
    QString ref = call.match.captured(3);
    if (ref.isEmpty()) {
        ref = repo.defaultBranch;
    }
    ref.remove(QRegularExpression(u"^refs/heads/"_s));
    QString sha = repo.git->branchHead(ref);
    if (sha.isEmpty() && repo.git->objectType(ref) == "commit"_L1) {
        sha = ref;
    }
    if (sha.isEmpty()) {
        return error(404, u"Not Found"_s);
    }
    const QString folder = u"%1-%2-%3"_s.arg(repo.owner, repo.name, sha.left(7));
    const QByteArray archive = repo.git->archiveTarGz(sha, folder);
    if (archive.isEmpty()) {
        return error(500, u"Server Error"_s);
    }
    const QByteArray id = randomAlnum(24);
    downloads.insert(id, {folder + u".tar.gz"_s, archive});
    Reply reply;
    reply.status = 302;
    reply.contentType = "text/html; charset=utf-8";
    reply.headers.append({"Location", url(u"/_codeload/%1/%2.tar.gz"_s.arg(QLatin1StringView(id), folder)).toUtf8()});
    return reply;
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::download(Call &call)
{
    const auto it = downloads.constFind(call.match.captured(1).toLatin1());
    if (it == downloads.cend()) {
        return error(404, u"Not Found"_s);
    }
    Reply reply{200, it->second, "application/x-gzip", {}};
    reply.headers.append({"Content-Disposition", "attachment; filename=" + it->first.toUtf8()});
    return reply;
}

// ---- Public API ----

GitHubTestServer::GitHubTestServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
}

GitHubTestServer::~GitHubTestServer()
{
    // Held answers go before the connections they belong to.
    d->held.clear();
    delete d->front;
}

bool GitHubTestServer::start(quint16 port)
{
    if (!d->storage.isValid()) {
        return false;
    }
    d->front = new HttpFront(
        [this](const QHttpServerRequest &request, QHttpServerResponder &responder) { d->handle(request, responder); },
        this);
    auto *tcp = new QTcpServer(d->front);
    if (!tcp->listen(QHostAddress::LocalHost, port) || !d->front->bind(tcp)) {
        qCWarning(lcTestServer) << "Cannot serve the GitHub API: GitHubTestServer — cannot listen on port" << port;
        return false;
    }
    d->port = tcp->serverPort();
    return true;
}

QUrl GitHubTestServer::apiUrl() const
{
    return QUrl(d->url(QString()));
}

void GitHubTestServer::setAppCredentials(const QString &issuer, const QByteArray &publicKeyPem)
{
    d->appIssuer = issuer;
    QCA::ConvertResult result = QCA::ErrorDecode;
    QCA::PublicKey key = QCA::PublicKey::fromPEM(QString::fromLatin1(publicKeyPem), &result);
    if (result != QCA::ConvertGood || !key.canVerify()) {
        qCWarning(lcTestServer) << "App JWTs are all rejected: GitHubTestServer — the public key cannot be read";
        d->appKey = QCA::PublicKey(); // a null key verifies nothing
        return;
    }
    d->appKey = key;
}

qint64 GitHubTestServer::addInstallation(const QString &accountLogin)
{
    const qint64 id = d->nextInstallationId++;
    d->installations.emplace(id, Private::Installation{id, accountLogin, 5000000 + id % 1000000, 0});
    return id;
}

void GitHubTestServer::addRepository(
    qint64 installationId, const QString &fullName, const QString &defaultBranch, bool isPrivate, bool empty)
{
    auto repo = std::make_unique<Private::Repo>();
    repo->id = d->nextRepoId++;
    repo->installationId = installationId;
    repo->owner = fullName.section(u'/', 0, 0);
    repo->name = fullName.section(u'/', 1);
    repo->fullName = fullName;
    repo->defaultBranch = defaultBranch;
    repo->isPrivate = isPrivate;
    repo->git = std::make_unique<BareRepository>(d->storage.filePath(u"%1.git"_s.arg(repo->id)));
    if (!repo->git->init(defaultBranch)) {
        qCWarning(lcTestServer) << "Repository unusable: GitHubTestServer — git init failed for" << fullName;
    }
    Private::Repo &ref = *repo;
    d->repos[fullName.toLower()] = std::move(repo);
    if (!empty) {
        QString why;
        d->commitOnBranch(ref, defaultBranch,
            {GitTreeEdit{u"README.md"_s, u"100644"_s, u"blob"_s, {}, "# " + ref.name.toUtf8() + '\n'}},
            u"Initial commit"_s, u"GitHub"_s, u"noreply@github.com"_s, &why);
    }
}

QString GitHubTestServer::bareRepositoryPath(const QString &fullName) const
{
    const Private::Repo *repo = d->findRepo(fullName);
    return repo ? repo->git->path() : QString();
}

QString GitHubTestServer::headSha(const QString &fullName, const QString &branch) const
{
    const Private::Repo *repo = d->findRepo(fullName);
    return repo ? repo->git->branchHead(branch) : QString();
}

QString GitHubTestServer::commitFromAnotherDevice(const QString &fullName, const QString &branch,
    const QMap<QString, std::optional<QByteArray>> &changes, const QString &message)
{
    Private::Repo *repo = d->findRepo(fullName);
    if (!repo) {
        return {};
    }
    QList<GitTreeEdit> edits;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        edits.append(GitTreeEdit{it.key(), u"100644"_s, u"blob"_s, {}, it.value()});
    }
    QString why;
    const QString commit = d->commitOnBranch(
        *repo, branch, edits, message, u"Another Device"_s, u"other-device@example.invalid"_s, &why);
    if (commit.isEmpty()) {
        qCWarning(lcTestServer) << "Second-device commit not made: GitHubTestServer —" << why;
    }
    return commit;
}

void GitHubTestServer::injectFault(const Fault &fault)
{
    d->faults.append(fault);
}

void GitHubTestServer::clearFaults()
{
    d->faults.clear();
}

void GitHubTestServer::setHangDuration(std::chrono::milliseconds duration)
{
    d->hangDuration = duration;
}

void GitHubTestServer::setClockSkew(qint64 seconds)
{
    d->clockSkew = seconds;
}

void GitHubTestServer::expireAllTokens()
{
    for (Private::Token &token : d->tokens) {
        token.expired = true;
    }
}

void GitHubTestServer::raceNextRefUpdate(const QString &fullName, const QString &branch)
{
    d->races.insert(fullName.toLower() + u'\n' + branch);
}

void GitHubTestServer::setTreeListingLimit(int entries)
{
    d->treeListingLimit = entries;
}

void GitHubTestServer::setRateLimit(int remaining, qint64 resetEpoch)
{
    d->rateLimited = true;
    d->rateRemaining = remaining;
    d->rateReset = resetEpoch;
}

QList<GitHubTestServer::Request> GitHubTestServer::requests() const
{
    return d->requestLog;
}

int GitHubTestServer::requestCount() const
{
    return int(d->requestLog.size());
}

qint64 GitHubTestServer::busyNanoseconds() const
{
    return d->busyNs;
}

void GitHubTestServer::clearRequests()
{
    d->requestLog.clear();
}

int GitHubTestServer::revokedTokenCount() const
{
    return d->revokedTokens;
}

int GitHubTestServer::issuedTokenCount() const
{
    return int(d->tokens.size());
}

} // namespace Notechondria::Test
