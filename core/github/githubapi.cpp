// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubapi.h"

#include "clock.h"
#include "jwtsigner.h"
#include "logging.h"

#include <QCoroTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr qint64 refreshMarginSeconds = 60;
constexpr qint64 assumedTokenLifetime = 3600;
constexpr int maxPages = 50;

const QString unavailable = u"GitHub sync unavailable"_s;
const QString rejected = u"GitHub sync rejected"_s;
const QString tokenModule = u"Core.GitHub/installation_token"_s;

QString cacheKey(const QString &installationId, const QString &repoName)
{
    return installationId % u'/' % repoName;
}

/// "owner/name" or "name" → "name" (the access_tokens body takes bare names).
QString bareRepoName(const QString &repoName)
{
    const qsizetype slash = repoName.lastIndexOf(u'/');
    return slash < 0 ? repoName : repoName.mid(slash + 1);
}

/// Whether a 401 blames the JWT's time claims (the local clock is off).
bool blamesClockSkew(const HttpResponse &response)
{
    if (response.status != 401) {
        return false;
    }
    const QString message = response.json().object().value(u"message"_s).toString(QString::fromUtf8(response.body));
    static const QRegularExpression claims(
        u"'iat'|'exp'|\\biat\\b|\\bexp\\b|Issued at|Expiration time"_s, QRegularExpression::CaseInsensitiveOption);
    return claims.match(message).hasMatch();
}

/// The URL of a Link header's rel="next", empty when there is none.
QUrl nextLink(const HttpResponse &response)
{
    const QByteArray link = response.header("link");
    static const QRegularExpression next(u"<([^>]+)>\\s*;[^,]*rel=\"?next\"?"_s);
    const QRegularExpressionMatch match = next.match(QString::fromLatin1(link));
    return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
}

/// An HTTP Date header ("Tue, 24 Nov 2026 05:00:00 GMT"), invalid when it does not parse.
QDateTime parseHttpDate(const QByteArray &value)
{
    QString text = QString::fromLatin1(value).trimmed();
    if (text.endsWith(u" GMT"_s) || text.endsWith(u" UTC"_s)) {
        text = text.left(text.size() - 4) + u" +0000"_s;
    }
    return QDateTime::fromString(text, Qt::RFC2822Date);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto port = [](const QUrl &url) {
        return url.port(url.scheme() == u"https"_s ? 443 : 80);
    };
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

} // namespace

GitHubApi::GitHubApi(HttpClient *http, AppConfig config, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_pacer(clock)
{
}

GitHubApi::~GitHubApi() = default;

const AppConfig &GitHubApi::config() const
{
    return m_config;
}

void GitHubApi::setConfig(AppConfig config)
{
    const bool identityChanged = config.privateKeyPem != m_config.privateKeyPem || config.issuer() != m_config.issuer()
        || config.apiUrl != m_config.apiUrl;
    m_config = std::move(config);
    if (identityChanged) {
        m_signer.reset();
        m_signerError.reset();
        m_clockOffset = 0;
        forgetTokens();
    }
}

void GitHubApi::forgetTokens()
{
    m_tokens.clear();
}

int GitHubApi::requestCount() const
{
    return m_http->requestCount();
}

QUrl GitHubApi::apiUrl(const QString &path) const
{
    QUrl url = m_config.apiUrl;
    QString relative = path;
    QString query;
    if (const qsizetype mark = relative.indexOf(u'?'); mark >= 0) {
        query = relative.mid(mark + 1);
        relative.truncate(mark);
    }
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(u'/')) {
        base.chop(1);
    }
    if (!relative.startsWith(u'/')) {
        relative.prepend(u'/');
    }
    url.setPath(base + relative, QUrl::TolerantMode);
    url.setQuery(query.isEmpty() ? QString() : query, QUrl::TolerantMode);
    return url;
}

Error GitHubApi::httpError(
    const HttpResponse &response, const QString &consequence, const QString &module, const QString &what)
{
    const QString body = excerpt(response.body);
    QString cause = u"GitHub returned %1 %2"_s.arg(response.status).arg(what);
    cause += body.isEmpty() ? u"."_s : u": "_s % body;
    const bool retryable = response.status >= 500 || response.status == 429;
    return Error{consequence, module, cause, response.status, retryable};
}

Result<const JwtSigner *> GitHubApi::signer()
{
    if (m_signer) {
        return m_signer.get();
    }
    if (m_signerError) {
        return std::unexpected(*m_signerError);
    }
    if (auto valid = m_config.validateForSigning(); !valid) {
        m_signerError = valid.error();
        return std::unexpected(valid.error());
    }
    auto signer = JwtSigner::fromPem(m_config.privateKeyPem.toUtf8());
    if (!signer) {
        m_signerError = signer.error();
        return std::unexpected(signer.error());
    }
    m_signer = std::make_unique<JwtSigner>(std::move(*signer));
    return m_signer.get();
}

Result<QByteArray> GitHubApi::appJwt()
{
    const auto signing = signer();
    if (!signing) {
        return std::unexpected(signing.error());
    }
    return (*signing)->sign(m_config.issuer(), m_clock->now().addSecs(m_clockOffset));
}

HttpRequest GitHubApi::makeRequest(const QByteArray &method, const QUrl &url, const QByteArray &authorization,
    const QByteArray &jsonBody, bool idempotent) const
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.idempotent = idempotent;
    request.body = jsonBody;
    const QByteArray agent = "Notechondria-Desktop/" NOTECHONDRIA_VERSION
        + (m_config.appName.isEmpty() ? QByteArray() : " (" + m_config.appName.toUtf8() + ')');
    request.headers = {
        {"Accept", "application/vnd.github+json"},
        {"X-GitHub-Api-Version", "2022-11-28"},
        {"User-Agent", agent},
    };
    if (!authorization.isEmpty()) {
        request.headers.append(std::pair<QByteArray, QByteArray>("Authorization", authorization));
    }
    if (!jsonBody.isEmpty()) {
        request.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
    }
    return request;
}

QCoro::Task<Result<HttpResponse>> GitHubApi::appCall(
    QByteArray method, QUrl url, QByteArray jsonBody, bool idempotent, QString module)
{
    for (int round = 0; round < 2; ++round) {
        const Result<QByteArray> jwt = appJwt();
        if (!jwt) {
            co_return std::unexpected(jwt.error().withConsequence(unavailable));
        }
        Result<HttpResponse> response
            = co_await m_http->send(makeRequest(method, url, "Bearer " + *jwt, jsonBody, idempotent));
        if (!response) {
            co_return response;
        }
        if (round == 0 && blamesClockSkew(*response)) {
            const QDateTime serverNow = parseHttpDate(response->header("date"));
            if (serverNow.isValid()) {
                m_clockOffset = m_clock->now().secsTo(serverNow);
                qCWarning(lcGitHub).noquote()
                    << u"App JWT re-signed: %1 — GitHub rejected its time claims; the local clock is %2 s off GitHub's Date header"_s
                           .arg(module)
                           .arg(-m_clockOffset);
                continue;
            }
        }
        co_return response;
    }
    co_return fail(unavailable, module, u"the JWT was re-signed more than once."_s);
}

QCoro::Task<Result<QString>> GitHubApi::installationToken(QString installationId, QString repoName)
{
    const QString key = cacheKey(installationId, repoName);
    const QDateTime now = m_clock->now().addSecs(m_clockOffset);
    if (const auto cached = m_tokens.constFind(key); cached != m_tokens.cend()) {
        if (now.secsTo(cached->expiresAt) >= refreshMarginSeconds) {
            co_return cached->token;
        }
        qCInfo(lcGitHub).noquote()
            << u"Installation token refreshed: %1 — the cached one for installation %2 expires in under %3 s"_s
                   .arg(tokenModule, installationId)
                   .arg(refreshMarginSeconds);
    }
    co_return co_await fetchToken(installationId, repoName);
}

QCoro::Task<Result<QString>> GitHubApi::fetchToken(QString installationId, QString repoName)
{
    if (installationId.isEmpty()) {
        co_return fail(unavailable, tokenModule, u"no GitHub App installation id is set."_s);
    }
    QByteArray body;
    if (!repoName.isEmpty()) {
        body = QJsonDocument(QJsonObject{{u"repositories"_s, QJsonArray{bareRepoName(repoName)}}})
                   .toJson(QJsonDocument::Compact);
    }
    const QUrl url = apiUrl(
        u"/app/installations/"_s % QString::fromLatin1(QUrl::toPercentEncoding(installationId)) % u"/access_tokens"_s);
    Result<HttpResponse> response = co_await appCall("POST", url, body, true, tokenModule);
    if (!response) {
        co_return std::unexpected(response.error().withConsequence(u"GitHub sync aborted"_s));
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(httpError(*response, rejected, tokenModule, u"on installation "_s % installationId));
    }
    const QJsonObject object = response->json().object();
    const QString token = object.value(u"token"_s).toString();
    if (token.isEmpty()) {
        co_return fail(
            rejected, tokenModule, u"GitHub response did not include an installation token."_s, response->status);
    }
    QDateTime expiresAt = QDateTime::fromString(object.value(u"expires_at"_s).toString(), Qt::ISODate);
    if (!expiresAt.isValid()) {
        expiresAt = m_clock->now().addSecs(m_clockOffset + assumedTokenLifetime);
    }
    m_tokens.insert(cacheKey(installationId, repoName), CachedToken{token, expiresAt.toUTC()});
    qCInfo(lcGitHub).noquote() << u"Installation token issued: %1 — installation %2%3, valid until %4"_s.arg(
        tokenModule, installationId, repoName.isEmpty() ? QString() : u" (repository "_s % repoName % u')',
        expiresAt.toUTC().toString(Qt::ISODate));
    co_return token;
}

QCoro::Task<Result<HttpResponse>> GitHubApi::call(
    QByteArray method, QString path, QString installationId, QByteArray jsonBody, bool idempotent, QString repoName)
{
    co_return co_await callUrl(method, apiUrl(path), installationId, jsonBody, idempotent, repoName);
}

QCoro::Task<void> GitHubApi::paceWrite(QByteArray method, QUrl url)
{
    if (method == "GET" || method == "HEAD") {
        co_return;
    }
    const std::chrono::milliseconds wait = m_pacer.delay();
    if (wait.count() > 0) {
        m_pausedUntil = m_clock->now().addMSecs(wait.count());
        qCInfo(lcGitHub).noquote() << u"Waiting for GitHub's write limits: Core.GitHub/pace — %1 s before %2 %3 "
                                      u"(about 80 content-creating requests a minute and 500 an hour)."_s
                                          .arg((wait.count() + 999) / 1000)
                                          .arg(QString::fromLatin1(method), url.path());
        Q_EMIT writesPaused(m_pausedUntil);
        co_await QCoro::sleepFor(wait);
        m_pausedUntil = QDateTime();
    }
    m_pacer.record();
}

QCoro::Task<Result<HttpResponse>> GitHubApi::callUrl(
    QByteArray method, QUrl url, QString installationId, QByteArray jsonBody, bool idempotent, QString repoName)
{
    co_await paceWrite(method, url);
    for (int round = 0; round < 2; ++round) {
        const Result<QString> token = co_await installationToken(installationId, repoName);
        if (!token) {
            co_return std::unexpected(token.error());
        }
        Result<HttpResponse> response
            = co_await m_http->send(makeRequest(method, url, "Bearer " + token->toUtf8(), jsonBody, idempotent));
        if (response && response->status == 401 && round == 0) {
            qCInfo(lcGitHub).noquote()
                << u"Installation token refreshed: %1 — GitHub answered 401 to %2 %3; retrying once with a new token"_s
                       .arg(tokenModule, QString::fromLatin1(method), url.path());
            m_tokens.remove(cacheKey(installationId, repoName));
            continue;
        }
        co_return response;
    }
    co_return fail(rejected, tokenModule, u"the installation token was refreshed more than once."_s);
}

QCoro::Task<Result<QList<Installation>>> GitHubApi::listInstallations()
{
    const QString module = u"Core.GitHub/installations"_s;
    const QString consequence = u"Cannot list installations"_s;
    QList<Installation> installations;
    QUrl url = apiUrl(u"/app/installations?per_page=100"_s);
    for (int page = 1; page <= maxPages && url.isValid(); ++page) {
        Result<HttpResponse> response = co_await appCall("GET", url, {}, true, module);
        if (!response) {
            co_return std::unexpected(response.error().withConsequence(consequence));
        }
        if (!response->isSuccess()) {
            co_return std::unexpected(httpError(*response, consequence, module, u"listing App installations"_s));
        }
        const QJsonArray items = response->json().array();
        for (const auto &item : items) {
            const QJsonObject object = item.toObject();
            const QJsonValue id = object.value(u"id"_s);
            installations.append({id.isString() ? id.toString() : QString::number(id.toInteger()),
                object.value(u"account"_s).toObject().value(u"login"_s).toString()});
        }
        const QUrl next = nextLink(*response);
        url = next.isValid() && sameOrigin(next, m_config.apiUrl) ? next : QUrl();
    }
    co_return installations;
}

QCoro::Task<Result<QList<Repository>>> GitHubApi::listRepositories(QString installationId)
{
    const QString module = u"Core.GitHub/list_repos"_s;
    const QString consequence = u"Cannot list repositories"_s;
    QList<Repository> repositories;
    QUrl url = apiUrl(u"/installation/repositories?per_page=100"_s);
    int page = 1;
    for (; page <= maxPages && url.isValid(); ++page) {
        Result<HttpResponse> response = co_await callUrl("GET", url, installationId, {}, true, {});
        if (!response) {
            co_return std::unexpected(response.error().withConsequence(consequence));
        }
        if (!response->isSuccess()) {
            co_return std::unexpected(httpError(*response, consequence, module, u"listing repositories"_s));
        }
        const QJsonArray items = response->json().object().value(u"repositories"_s).toArray();
        for (const auto &item : items) {
            const QJsonObject object = item.toObject();
            repositories.append({object.value(u"full_name"_s).toString(),
                object.value(u"default_branch"_s).toString(u"main"_s), object.value(u"private"_s).toBool()});
        }
        const QUrl next = nextLink(*response);
        if (next.isValid() && !sameOrigin(next, m_config.apiUrl)) {
            co_return fail(consequence, module, u"GitHub's next-page link points to another host; not following it."_s);
        }
        url = next;
    }
    if (url.isValid()) {
        qCWarning(lcGitHub).noquote()
            << u"Repository list cut: %1 — more than %2 pages; showing the first %3"_s.arg(module).arg(maxPages).arg(
                   repositories.size());
    }
    co_return repositories;
}

QCoro::Task<Result<void>> GitHubApi::revokeToken(QString installationId)
{
    const QString module = u"Core.GitHub/revoke_token"_s;
    const QString prefix = installationId % u'/';
    QList<std::pair<QString, QString>> toRevoke;
    for (auto it = m_tokens.cbegin(); it != m_tokens.cend(); ++it) {
        if (it.key().startsWith(prefix)) {
            toRevoke.append({it.key(), it->token});
        }
    }
    std::optional<Error> firstError;
    for (const auto &[key, token] : toRevoke) {
        m_tokens.remove(key);
        Result<HttpResponse> response = co_await m_http->send(
            makeRequest("DELETE", apiUrl(u"/installation/token"_s), "Bearer " + token.toUtf8(), {}, true));
        if (!response) {
            firstError = firstError.value_or(response.error().withConsequence(u"Token not revoked"_s));
        } else if (!response->isSuccess() && response->status != 401) {
            // 401: already expired or revoked, which is what we wanted.
            firstError = firstError.value_or(
                httpError(*response, u"Token not revoked"_s, module, u"revoking the installation token"_s));
        }
    }
    if (firstError) {
        co_return std::unexpected(*firstError);
    }
    co_return Result<void>{};
}

} // namespace Notechondria
