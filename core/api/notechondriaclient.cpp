// SPDX-License-Identifier: GPL-3.0-or-later
#include "notechondriaclient.h"

#include "httpclient.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr auto clientModule = "Frontend.Api/request"_L1;
constexpr auto syncBase = "integrations/github/"_L1;

// An interactive client: a few quick retries, and no long Retry-After waits (the user can try again).
constexpr int kMaxAttempts = 3;
constexpr std::chrono::milliseconds kBaseBackoff{250};
constexpr std::chrono::seconds kMaxWait{10};

bool isLongRunning(const QString &path)
{
    return path.startsWith(syncBase)
        && (path.endsWith("push/"_L1) || path.endsWith("sync/"_L1) || path.endsWith("restore/"_L1)
            || path.endsWith("verify/"_L1));
}

/// DRF field errors flattened into one line: `installation_id: This field is required.`
QString flattenFieldErrors(const QJsonObject &object)
{
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        QStringList messages;
        if (it.value().isArray()) {
            for (const auto &message : it.value().toArray()) {
                messages.append(message.toString());
            }
        } else {
            messages.append(it.value().toString());
        }
        parts.append(it.key() % u": "_s % messages.join(u' '));
    }
    return parts.join(u"; "_s);
}

Result<QJsonObject> asObject(Result<QJsonValue> value)
{
    if (!value) {
        return std::unexpected(value.error());
    }
    return value->toObject();
}

} // namespace

NotechondriaClient::NotechondriaClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_http(std::make_unique<HttpClient>(nam, &m_clock))
{
    m_http->setRetryPolicy(kMaxAttempts, kBaseBackoff);
    m_http->setMaxWait(kMaxWait);
}

void NotechondriaClient::setRetryPolicy(int maxAttempts, std::chrono::milliseconds baseBackoff)
{
    m_http->setRetryPolicy(maxAttempts, baseBackoff);
}

NotechondriaClient::~NotechondriaClient() = default;

QUrl NotechondriaClient::normalizedBaseUrl(const QUrl &url)
{
    if (url.isEmpty()) {
        return {};
    }
    QUrl normalized = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString path = normalized.path();
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    const qsizetype apiAt = path.indexOf(u"/api/v1"_s);
    path = (apiAt >= 0 ? path.left(apiAt) : path) + u"/api/v1"_s;
    normalized.setPath(path);
    return normalized;
}

QByteArray NotechondriaClient::authorizationHeader(const QString &key)
{
    if (key.isEmpty()) {
        return {};
    }
    return (key.startsWith("ntc_"_L1) ? "Bearer "_ba : "Token "_ba) + key.toUtf8();
}

void NotechondriaClient::setBaseUrl(const QUrl &url)
{
    const QUrl normalized = normalizedBaseUrl(url);
    if (normalized == m_baseUrl) {
        return;
    }
    m_baseUrl = normalized;
    Q_EMIT baseUrlChanged();
}

void NotechondriaClient::setApiKey(const QString &key)
{
    m_apiKey = key.trimmed();
}

QCoro::Task<Result<NotechondriaClient::Reply>> NotechondriaClient::send(
    QByteArray method, QString path, QUrlQuery query, QJsonDocument body)
{
    const QString module = u"Frontend.Api/"_s % QString::fromLatin1(method) % u' ' % path;
    if (!isConfigured() || !m_nam) {
        co_return fail(u"Request not sent"_s, module, u"no server URL is configured"_s);
    }
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() % u'/' % path);
    if (!query.isEmpty()) {
        url.setQuery(query);
    }
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.timeout = isLongRunning(path) ? m_pushTimeout : m_timeout;
    request.idempotent = method == "GET" || method == "HEAD";
    request.maxResponseBytes = m_maxResponseBytes;
    request.headers.append({"Accept"_ba, "application/json"_ba});
    if (!m_apiKey.isEmpty()) {
        request.headers.append({"Authorization"_ba, authorizationHeader(m_apiKey)});
    }
    if (!body.isNull()) {
        request.body = body.toJson(QJsonDocument::Compact);
        request.headers.append({"Content-Type"_ba, "application/json"_ba});
    }
    const Result<HttpResponse> response = co_await m_http->send(std::move(request));
    if (!response) {
        // No answer (network error, timeout) is worth another try later; an answer over the size cap is not.
        const Error &error = response.error();
        const QString cause = redactSecrets(error.cause);
        qCWarning(lcNet).noquote() << u"Request failed: %1 — %2"_s.arg(module, cause);
        co_return fail(
            error.retryable ? u"Server not reachable"_s : u"Request failed"_s, module, cause, 0, error.retryable);
    }

    Reply answer;
    answer.status = response->status;
    const QByteArray &bytes = response->body;
    QJsonParseError parseError;
    answer.json = QJsonDocument::fromJson(bytes, &parseError);
    if (answer.json.isNull() && !bytes.trimmed().isEmpty() && answer.status >= 200 && answer.status < 300) {
        co_return fail(u"Answer not understood"_s, module,
            u"HTTP %1 with a body that is not JSON: %2"_s.arg(answer.status).arg(excerpt(bytes)), answer.status);
    }
    if (answer.json.isNull() && !bytes.trimmed().isEmpty()) {
        // Keep a text cause for error bodies that are not JSON (a proxy's HTML page).
        answer.json = QJsonDocument(QJsonObject{{u"detail"_s, excerpt(bytes)}});
    }
    co_return answer;
}

bool NotechondriaClient::isServerOrigin(const QUrl &url) const
{
    const auto port = [](const QUrl &u) {
        return u.port(u.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0 ? 443 : 80);
    };
    return url.scheme().compare(m_baseUrl.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) == 0 && port(url) == port(m_baseUrl);
}

QCoro::Task<Result<NotechondriaClient::Download>> NotechondriaClient::download(QUrl url, qint64 maxBytes)
{
    const QString module = u"Frontend.Api/download"_s;
    if (!isConfigured() || !m_nam) {
        co_return fail(u"File not downloaded"_s, module, u"no server URL is configured"_s);
    }
    const QUrl target = m_baseUrl.resolved(url);
    if (!target.isValid() || (target.scheme() != "http"_L1 && target.scheme() != "https"_L1)
        || target.host().isEmpty()) {
        co_return fail(u"File not downloaded"_s, module, u"its URL is not an http(s) URL"_s);
    }
    HttpRequest request;
    request.url = target;
    request.timeout = m_timeout;
    request.maxResponseBytes = maxBytes;
    if (!m_apiKey.isEmpty() && isServerOrigin(target)) {
        request.headers.append({"Authorization"_ba, authorizationHeader(m_apiKey)});
    }
    const Result<HttpResponse> response = co_await m_http->send(std::move(request));
    if (!response) {
        QString cause = redactSecrets(response.error().cause);
        cause.replace(target.path(), u"/…/"_s + target.fileName());
        co_return fail(u"File not downloaded"_s, module, cause, 0, response.error().retryable);
    }
    const QByteArray type = response->header("content-type");
    co_return Download{response->status, response->body,
        QString::fromLatin1(type.left(type.indexOf(';') < 0 ? type.size() : type.indexOf(';'))).trimmed()};
}

Error NotechondriaClient::shapeError(const QByteArray &method, const QString &path, const Reply &reply) const
{
    const QJsonObject object = reply.json.object();
    QString detail = object.value("detail"_L1).toString();
    if (detail.isEmpty() && !object.isEmpty()) {
        detail = flattenFieldErrors(object);
    }
    if (detail.isEmpty()) {
        detail = u"HTTP %1 with no detail"_s.arg(reply.status);
    }
    detail = redactSecrets(detail);
    const QString where = QString::fromLatin1(method) % u" /api/v1/"_s % path;
    Error error;
    if (reply.status == 401) {
        error = Error{u"Session rejected"_s, u"Backend.Auth/"_s % where, detail};
    } else if (reply.status == 403) {
        error = Error{u"Request forbidden"_s, u"Backend.Auth/"_s % where, detail};
    } else if (detail.contains(QChar(0x2014))) {
        error = Error::fromMessage(detail, u"Request failed"_s, clientModule);
    } else {
        error = Error{u"Request failed"_s, u"Frontend.Api/"_s % where, detail};
    }
    error.httpStatus = reply.status;
    error.retryable = reply.status >= 500 || reply.status == 429;
    return error;
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::call(
    QByteArray method, QString path, QUrlQuery query, QJsonDocument body)
{
    const Result<Reply> reply = co_await send(method, path, query, body);
    if (!reply) {
        co_return std::unexpected(reply.error());
    }
    if (reply->status < 200 || reply->status >= 300) {
        co_return std::unexpected(shapeError(method, path, *reply));
    }
    co_return reply->json.isArray() ? QJsonValue(reply->json.array()) : QJsonValue(reply->json.object());
}

QCoro::Task<Result<SyncStatus>> NotechondriaClient::status()
{
    const Result<QJsonObject> object = asObject(co_await call("GET", syncBase % u"status/"_s));
    if (!object) {
        co_return std::unexpected(object.error());
    }
    co_return SyncStatus::fromJson(*object);
}

QCoro::Task<Result<QList<RepoInfo>>> NotechondriaClient::repos()
{
    const Result<QJsonObject> object = asObject(co_await call("GET", syncBase % u"repos/"_s));
    if (!object) {
        co_return std::unexpected(object.error());
    }
    co_return SyncWire::reposFromJson(*object);
}

QCoro::Task<Result<SyncStatus>> NotechondriaClient::callback(CallbackRequest request)
{
    const Result<QJsonObject> object
        = asObject(co_await call("POST", syncBase % u"callback/"_s, {}, QJsonDocument(request.toJson())));
    if (!object) {
        co_return std::unexpected(object.error());
    }
    SyncStatus answer = SyncStatus::fromJson(*object);
    answer.connected = true;
    co_return answer;
}

QCoro::Task<Result<PushResult>> NotechondriaClient::push(PushRequest request)
{
    co_return co_await postPush(syncBase % u"push/"_s, request.toJson());
}

QCoro::Task<Result<PushResult>> NotechondriaClient::sync(SyncRequest request)
{
    co_return co_await postPush(syncBase % u"sync/"_s, request.toJson());
}

QCoro::Task<Result<PushResult>> NotechondriaClient::postPush(QString path, QJsonObject body)
{
    const Result<Reply> reply = co_await send("POST", path, {}, QJsonDocument(body));
    if (!reply) {
        co_return std::unexpected(reply.error());
    }
    const QJsonObject object = reply->json.object();
    if (reply->status == 409 && SyncWire::flag(object.value("conflict"_L1))) {
        co_return SyncWire::pushResultFromJson(object, true);
    }
    if (reply->status == 409 && SyncWire::flag(object.value("mass_deletion"_L1))) {
        PushResult result;
        result.massDeletion = true;
        result.detail = object.value("detail"_L1).toString();
        result.wouldDelete = object.value("would_delete"_L1).toInt();
        co_return result;
    }
    if (reply->status < 200 || reply->status >= 300) {
        co_return std::unexpected(shapeError("POST", path, *reply));
    }
    co_return SyncWire::pushResultFromJson(object, false);
}

QCoro::Task<Result<void>> NotechondriaClient::disconnect()
{
    const Result<QJsonValue> answer = co_await call("DELETE", syncBase % u"status/"_s);
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    co_return {};
}

QCoro::Task<Result<QList<InstallationInfo>>> NotechondriaClient::installations()
{
    const Result<QJsonValue> answer = co_await call("GET", syncBase % u"installations/"_s);
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    co_return SyncWire::installationsFromJson(*answer);
}

QCoro::Task<Result<QList<PreviewEntry>>> NotechondriaClient::preview(bool includeAssets)
{
    QUrlQuery query;
    query.addQueryItem(u"include_assets"_s, includeAssets ? u"true"_s : u"false"_s);
    const Result<QJsonValue> answer = co_await call("GET", syncBase % u"preview/"_s, query);
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    co_return SyncWire::previewFromJson(*answer);
}

QCoro::Task<Result<PreviewEntry>> NotechondriaClient::previewFile(QString path)
{
    QUrlQuery query;
    query.addQueryItem(u"path"_s, path);
    const Result<QJsonValue> answer = co_await call("GET", syncBase % u"preview/"_s, query);
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    const QList<PreviewEntry> entries = SyncWire::previewFromJson(*answer);
    for (const PreviewEntry &entry : entries) {
        if (entry.path == path) {
            co_return entry;
        }
    }
    co_return fail(
        u"Cannot show the file"_s, u"Frontend.GithubSync/preview"_s, u"the server did not return '%1'"_s.arg(path));
}

QCoro::Task<Result<QList<PushRun>>> NotechondriaClient::runs()
{
    const Result<QJsonValue> answer = co_await call("GET", syncBase % u"runs/"_s);
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    co_return SyncWire::runsFromJson(*answer);
}

namespace {

QJsonDocument restoreBody(const RestoreSource &source, bool dryRun)
{
    QJsonObject body{{u"source"_s, source.fromGitHub ? u"github"_s : u"folder"_s}, {u"dry_run"_s, dryRun}};
    if (!source.fromGitHub) {
        body.insert(u"path"_s, source.folder);
    }
    return QJsonDocument(body);
}

QStringList restoreProblems(const QJsonObject &object)
{
    QStringList problems;
    for (const auto &problem : object.value("problems"_L1).toArray()) {
        problems.append(problem.toObject().value("message"_L1).toString());
    }
    return problems;
}

} // namespace

QCoro::Task<Result<RestorePlan>> NotechondriaClient::restorePlan(RestoreSource source)
{
    const Result<QJsonObject> object
        = asObject(co_await call("POST", syncBase % u"restore/"_s, {}, restoreBody(source, true)));
    if (!object) {
        co_return std::unexpected(object.error());
    }
    RestorePlan plan;
    for (const auto &change : object->value("changes"_L1).toArray()) {
        plan.changes.append(
            {change.toObject().value("path"_L1).toString(), change.toObject().value("status"_L1).toString()});
    }
    plan.problems = restoreProblems(*object);
    plan.schemaVersion = object->value("schema_version"_L1).toInt();
    co_return plan;
}

QCoro::Task<Result<RestoreResult>> NotechondriaClient::restoreApply(RestoreSource source)
{
    const Result<QJsonObject> object
        = asObject(co_await call("POST", syncBase % u"restore/"_s, {}, restoreBody(source, false)));
    if (!object) {
        co_return std::unexpected(object.error());
    }
    co_return RestoreResult{
        object->value("notes"_L1).toInt(), object->value("courses"_L1).toInt(), restoreProblems(*object)};
}

QCoro::Task<Result<RestoreResult>> NotechondriaClient::restoreUndo()
{
    const Result<QJsonObject> object
        = asObject(co_await call("POST", syncBase % u"restore/undo/"_s, {}, QJsonDocument(QJsonObject())));
    if (!object) {
        co_return std::unexpected(object.error());
    }
    co_return RestoreResult{object->value("notes"_L1).toInt(), object->value("courses"_L1).toInt(), {}};
}

QCoro::Task<Result<void>> NotechondriaClient::startImport(QUrl apiBase, QString token, bool dryRun, bool includeAssets)
{
    auto started = co_await call("POST", u"import/"_s, {},
        QJsonDocument(QJsonObject{{u"api_base"_s, apiBase.toString()}, {u"token"_s, token}, {u"dry_run"_s, dryRun},
            {u"include_assets"_s, includeAssets}}));
    if (!started) {
        co_return std::unexpected(started.error());
    }
    co_return {};
}

QCoro::Task<Result<QJsonObject>> NotechondriaClient::importStatus()
{
    auto status = co_await call("GET", u"import/"_s);
    if (!status) {
        co_return std::unexpected(status.error());
    }
    co_return status->toObject();
}

QCoro::Task<Result<QJsonObject>> NotechondriaClient::localPasswordState()
{
    auto state = co_await call("GET", u"auth/local-password/"_s);
    if (!state) {
        co_return std::unexpected(state.error());
    }
    co_return state->toObject();
}

QCoro::Task<Result<QJsonObject>> NotechondriaClient::setLocalPassword(QString password)
{
    auto state
        = co_await call("POST", u"auth/local-password/"_s, {}, QJsonDocument(QJsonObject{{u"password"_s, password}}));
    if (!state) {
        co_return std::unexpected(state.error());
    }
    co_return state->toObject();
}

QCoro::Task<Result<QJsonObject>> NotechondriaClient::clearLocalPassword()
{
    auto state = co_await call("DELETE", u"auth/local-password/"_s);
    if (!state) {
        co_return std::unexpected(state.error());
    }
    co_return state->toObject();
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::settings()
{
    co_return co_await call("GET", u"settings/"_s);
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::updateSettings(QJsonObject changes)
{
    co_return co_await call("PATCH", u"settings/"_s, {}, QJsonDocument(changes));
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::courses()
{
    co_return co_await call("GET", u"courses/"_s);
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::createCourse(QJsonObject course)
{
    co_return co_await call("POST", u"courses/"_s, {}, QJsonDocument(course));
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::notes(QUrlQuery query)
{
    co_return co_await call("GET", u"notes/"_s, query);
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::createNote(QJsonObject note)
{
    co_return co_await call("POST", u"notes/"_s, {}, QJsonDocument(note));
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::events()
{
    co_return co_await call("GET", u"planner-events/"_s);
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::createEvent(QJsonObject event)
{
    co_return co_await call("POST", u"planner-events/"_s, {}, QJsonDocument(event));
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::feeds()
{
    co_return co_await call("GET", u"calendar-feeds/"_s);
}

QCoro::Task<Result<QJsonValue>> NotechondriaClient::createFeed(QJsonObject feed)
{
    co_return co_await call("POST", u"calendar-feeds/"_s, {}, QJsonDocument(feed));
}

} // namespace Notechondria
