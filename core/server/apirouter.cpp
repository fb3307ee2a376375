// SPDX-License-Identifier: GPL-3.0-or-later
#include "apirouter.h"

#include "apikey.h"
#include "logging.h"

#include <QHttpHeaders>
#include <QHttpServerResponder>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr QLatin1StringView apiPrefix("/api/v1/");

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Post:
        return u"POST"_s;
    case QHttpServerRequest::Method::Put:
        return u"PUT"_s;
    case QHttpServerRequest::Method::Patch:
        return u"PATCH"_s;
    case QHttpServerRequest::Method::Delete:
        return u"DELETE"_s;
    case QHttpServerRequest::Method::Head:
        return u"HEAD"_s;
    case QHttpServerRequest::Method::Options:
        return u"OPTIONS"_s;
    default:
        return u"OTHER"_s;
    }
}

/// The path segments after /api/v1/, or std::nullopt when the path is outside the API.
std::optional<QStringList> apiSegments(const QString &path)
{
    if (path == u"/api/v1"_s) {
        return QStringList{};
    }
    if (!path.startsWith(apiPrefix)) {
        return std::nullopt;
    }
    QStringView rest = QStringView(path).sliced(apiPrefix.size());
    if (rest.endsWith(u'/')) {
        rest.chop(1);
    }
    if (rest.isEmpty()) {
        return QStringList{};
    }
    QStringList segments;
    for (QStringView segment : rest.tokenize(u'/')) {
        if (segment.isEmpty()) {
            return std::nullopt; // "//" never names a route
        }
        segments.append(segment.toString());
    }
    return segments;
}

bool segmentMatches(const QString &pattern, const QString &segment)
{
    if (pattern == u"<id>"_s) {
        bool ok = false;
        const qint64 id = segment.toLongLong(&ok);
        return ok && id > 0 && segment.front().isDigit();
    }
    return pattern == segment;
}

ApiResponse notFound(const QString &path)
{
    return ApiResponse::detail(
        404, u"Not found"_s, u"Core.Server/route"_s, u"no endpoint at %1."_s.arg(redactSecrets(path.left(200))));
}

} // namespace

ApiRouter::ApiRouter(QObject *parent)
    : QAbstractHttpServer(parent)
{
}

ApiRouter::~ApiRouter() = default;

void ApiRouter::addRoute(const QString &pattern, QHttpServerRequest::Method method, SyncHandler handler, Access access)
{
    m_routes.append(Route{pattern.split(u'/'), method, access, std::move(handler), {}});
}

void ApiRouter::addAsyncRoute(
    const QString &pattern, QHttpServerRequest::Method method, AsyncHandler handler, Access access)
{
    m_routes.append(Route{pattern.split(u'/'), method, access, {}, std::move(handler)});
}

bool ApiRouter::hostAllowed(const QHttpServerRequest &request) const
{
    const QByteArray host = request.headers().value(QHttpHeaders::WellKnownHeader::Host).toByteArray().toLower();
    if (!m_allowedHosts.contains(host)) {
        return false;
    }
    // A browser page from another origin must not drive the API, even with the right Host.
    const auto origin = request.headers().value(QHttpHeaders::WellKnownHeader::Origin);
    if (!origin.isEmpty()) {
        const QByteArray value = origin.toByteArray().toLower();
        return value == "http://" + host;
    }
    return true;
}

bool ApiRouter::authorized(const QHttpServerRequest &request) const
{
    const QByteArray key
        = ApiKey::fromAuthorizationHeader(request.headers().value(QHttpHeaders::WellKnownHeader::Authorization));
    return !m_apiKey.isEmpty() && !key.isEmpty() && ApiKey::constantTimeEquals(key, m_apiKey);
}

bool ApiRouter::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QString path = request.url().path();
    if (!hostAllowed(request)) {
        qCInfo(lcServer).noquote() << "Request refused: Core.Server/host_check —" << methodName(request.method())
                                   << path.left(200) << "with a Host or Origin that is not this loopback server.";
        send(responder,
            ApiResponse::detail(403, u"Request forbidden"_s, u"Core.Server/host_check"_s,
                u"the Host or Origin header does not name this loopback server."_s));
        return true;
    }
    const auto segments = apiSegments(path);
    if (!segments) {
        send(responder, notFound(path));
        return true;
    }
    const Route *sameMethod = nullptr;
    bool pathKnown = false;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.segments.size() != segments->size()) {
            continue;
        }
        bool match = true;
        for (qsizetype i = 0; match && i < segments->size(); ++i) {
            match = segmentMatches(route.segments[i], segments->at(i));
        }
        if (match) {
            pathKnown = true;
            if (route.method == request.method()) {
                sameMethod = &route;
                break;
            }
        }
    }
    if (!pathKnown) {
        send(responder, notFound(path));
        return true;
    }
    if ((!sameMethod || sameMethod->access == Access::ApiKey) && !authorized(request)) {
        const bool sent = request.headers().contains(QHttpHeaders::WellKnownHeader::Authorization);
        qCInfo(lcServer).noquote() << "Request rejected: Core.Server/auth — 401 on" << methodName(request.method())
                                   << path.left(200) << (sent ? "(the API key is not valid)." : "(no API key sent).");
        send(responder,
            ApiResponse::detail(401, u"Request rejected"_s, u"Core.Server/auth"_s,
                sent ? u"the API key is not valid (send Authorization: Bearer ntc_…)."_s
                     : u"no API key sent (send Authorization: Bearer ntc_…)."_s));
        return true;
    }
    if (!sameMethod) {
        send(responder,
            ApiResponse::detail(405, u"Request not allowed"_s, u"Core.Server/route"_s,
                u"method %1 is not allowed on %2."_s.arg(methodName(request.method()), path.left(200))));
        return true;
    }
    ApiRequest apiRequest{request.method(), *segments, request.query(),
        request.headers().value(QHttpHeaders::WellKnownHeader::ContentType).toByteArray(), request.body()};
    if (sameMethod->sync) {
        send(responder, sameMethod->sync(apiRequest));
    } else {
        answerLater(sameMethod->async, std::move(apiRequest), std::move(responder));
    }
    return true;
}

QCoro::Task<> ApiRouter::answerLater(AsyncHandler handler, ApiRequest request, QHttpServerResponder responder)
{
    ++m_pending;
    QPointer<ApiRouter> self(this);
    const ApiResponse response = co_await handler(std::move(request));
    if (self) {
        --m_pending;
    }
    // The responder tracks its connection: writing after the client went away is a no-op.
    send(responder, response);
}

void ApiRouter::missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    send(responder, notFound(request.url().path()));
}

void ApiRouter::send(QHttpServerResponder &responder, const ApiResponse &response)
{
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::ContentType, response.contentType);
    headers.append(QHttpHeaders::WellKnownHeader::CacheControl, "no-store");
    headers.append("X-Content-Type-Options", "nosniff");
    responder.write(response.body, headers, static_cast<QHttpServerResponder::StatusCode>(response.status));
}

} // namespace Notechondria
