// SPDX-License-Identifier: GPL-3.0-or-later
#include "apirouter.h"

#include "apikey.h"
#include "logging.h"

#include <QPointer>
#include <QUuid>

#include <limits>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr QLatin1StringView apiPrefix("/api/v1/");
constexpr QLatin1StringView mediaPrefix("/media/");
/// The route number of a /media/ request.
constexpr int mediaRoute = std::numeric_limits<int>::max();

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

/// "0123…" (32 hex digits) or the dashed form → the dashed lowercase form QUuid reads.
QString normalizedUuid(const QString &segment)
{
    if (segment.size() != 32) {
        return segment.toLower();
    }
    const QString s = segment.toLower();
    return u"%1-%2-%3-%4-%5"_s.arg(s.left(8), s.mid(8, 4), s.mid(12, 4), s.mid(16, 4), s.mid(20));
}

bool segmentMatches(const QString &pattern, const QString &segment)
{
    if (pattern == u"<id>"_s) {
        bool ok = false;
        const qint64 id = segment.toLongLong(&ok);
        return ok && id > 0 && segment.front().isDigit();
    }
    if (pattern == u"<uuid>"_s) {
        // With or without dashes, any case (the apps send what the server gave them; scripts may strip dashes).
        return (segment.size() == 36 || segment.size() == 32) && !QUuid::fromString(normalizedUuid(segment)).isNull();
    }
    return pattern == segment;
}

/// Secrets are redacted before the text is cut: a cut could leave part of a key the pattern no longer sees. A /media/
/// path holds its file's token, the URL's credential: it is never shown.
QString cutRedacted(const QString &text)
{
    if (text.startsWith(mediaPrefix)) {
        return u"/media/\u2026"_s;
    }
    return redactSecrets(text).left(200);
}

/// Every line this router logs goes through the redactor (paths and headers are the client's words).
QString logLine(const QString &text)
{
    return redactSecrets(text);
}

QByteArray mediaTypeOf(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return contentType.left(semicolon < 0 ? contentType.size() : semicolon).trimmed().toLower();
}

ApiResponse notFound(const QString &path)
{
    return ApiResponse::detail(
        404, u"Not found"_s, u"Core.Server/route"_s, u"no endpoint at %1."_s.arg(cutRedacted(path)));
}

} // namespace

ApiRouter::ApiRouter(QObject *parent)
    : QObject(parent)
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

bool ApiRouter::hostAllowed(const Http::Head &head) const
{
    const QByteArray host = head.header("host").toLower();
    if (!m_allowedHosts.contains(host)) {
        return false;
    }
    // A browser page from another origin must not drive the API, even with the right Host, unless the user
    // allowed that origin.
    if (head.hasHeader("origin")) {
        const QByteArray origin = head.header("origin");
        return origin.toLower() == "http://" + host || m_cors.allows(origin);
    }
    return true;
}

QByteArray ApiRouter::corsOrigin(const Http::Head &head) const
{
    const QByteArray origin = head.header("origin");
    return m_cors.allows(origin) ? origin : QByteArray();
}

Http::Admission ApiRouter::preflight(const Http::Head &head, const QByteArray &origin) const
{
    const auto segments = apiSegments(head.path);
    bool pathKnown = false;
    if (segments) {
        std::ignore = match(*segments, head.method, pathKnown); // any method: the preflight names the real one
    }
    ApiResponse answer = pathKnown ? ApiResponse{204, {}, "text/plain", {}} : notFound(head.path);
    answer.headers = pathKnown ? CorsPolicy::preflightHeaders(origin, head.header("access-control-request-headers"))
                               : CorsPolicy::answerHeaders(origin);
    return {answer};
}

ApiResponse ApiRouter::unauthorized(const Http::Head &head) const
{
    const QString method = QString::fromLatin1(head.methodText.left(16));
    const bool sent = head.hasHeader("authorization");
    qCInfo(lcServer).noquote() << logLine(u"Request rejected: Core.Server/auth — 401 on %1 %2 %3"_s.arg(
        method, cutRedacted(head.path), sent ? u"(the API key is not valid)."_s : u"(no API key sent)."_s));
    return ApiResponse::detail(401, u"Request rejected"_s, u"Core.Server/auth"_s,
        sent ? u"the API key is not valid (send Authorization: Bearer ntc_…)."_s
             : u"no API key sent (send Authorization: Bearer ntc_…)."_s);
}

bool ApiRouter::authorized(const Http::Head &head) const
{
    const QByteArray key = ApiKey::fromAuthorizationHeader(head.header("authorization"));
    if (key.isEmpty()) {
        return false;
    }
    if (!m_apiKey.isEmpty() && ApiKey::constantTimeEquals(key, m_apiKey)) {
        return true;
    }
    return m_tokenValidator && m_tokenValidator(key);
}

int ApiRouter::match(const QStringList &segments, QHttpServerRequest::Method method, bool &pathKnown) const
{
    pathKnown = false;
    for (qsizetype index = 0; index < m_routes.size(); ++index) {
        const Route &route = m_routes[index];
        if (route.segments.size() != segments.size()) {
            continue;
        }
        bool matches = true;
        for (qsizetype i = 0; matches && i < segments.size(); ++i) {
            matches = segmentMatches(route.segments[i], segments[i]);
        }
        if (matches) {
            pathKnown = true;
            if (route.method == method) {
                return static_cast<int>(index);
            }
        }
    }
    return -1;
}

Http::Admission ApiRouter::admit(const Http::Head &head) const
{
    Http::Admission admission = decide(head);
    if (admission.refusal) {
        if (const QByteArray origin = corsOrigin(head); !origin.isEmpty() && admission.refusal->headers.isEmpty()) {
            admission.refusal->headers = CorsPolicy::answerHeaders(origin); // the page can read why
        }
    }
    return admission;
}

Http::Admission ApiRouter::decide(const Http::Head &head) const
{
    const QString method = QString::fromLatin1(head.methodText.left(16));
    if (!hostAllowed(head)) {
        qCInfo(lcServer).noquote() << logLine(
            u"Request refused: Core.Server/host_check — %1 %2 with a Host or "
            u"Origin that is not this loopback server."_s.arg(method, cutRedacted(head.path)));
        return {ApiResponse::detail(403, u"Request forbidden"_s, u"Core.Server/host_check"_s,
            u"the Host or Origin header does not name this loopback server."_s)};
    }
    if (head.method == QHttpServerRequest::Method::Options && head.hasHeader("access-control-request-method")) {
        if (const QByteArray origin = corsOrigin(head); !origin.isEmpty()) {
            return preflight(head, origin);
        }
    }
    if (auto media = admitMedia(head)) {
        return *media;
    }
    const auto segments = apiSegments(head.path);
    bool pathKnown = false;
    const int route = segments ? match(*segments, head.method, pathKnown) : -1;
    if (!pathKnown) {
        return {notFound(head.path)};
    }
    if ((route < 0 || m_routes[route].access == Access::ApiKey) && !authorized(head)) {
        return {unauthorized(head)};
    }
    if (route < 0) {
        return {ApiResponse::detail(405, u"Request not allowed"_s, u"Core.Server/route"_s,
            u"method %1 is not allowed on %2."_s.arg(method, cutRedacted(head.path)))};
    }
    const bool multipart = mediaTypeOf(head.header("content-type")) == "multipart/form-data";
    return {std::nullopt, multipart ? BodyLimits::Multipart : BodyLimits::Json, route};
}

std::optional<Http::Admission> ApiRouter::admitMedia(const Http::Head &head) const
{
    if (!m_media || !head.path.startsWith(mediaPrefix)) {
        return std::nullopt;
    }
    if (head.method != QHttpServerRequest::Method::Get && head.method != QHttpServerRequest::Method::Head) {
        return Http::Admission{ApiResponse::detail(
            405, u"Request not allowed"_s, u"Core.Server/media"_s, u"files under /media/ are only read (GET)."_s)};
    }
    return Http::Admission{std::nullopt, 0, mediaRoute}; // the token in the path is the credential
}

void ApiRouter::handle(int route, const Http::Head &head, QByteArray body, Http::Reply reply)
{
    if (route == mediaRoute) {
        ApiResponse file = m_media(head.path);
        if (const QByteArray origin = corsOrigin(head); !origin.isEmpty()) {
            file.headers += CorsPolicy::answerHeaders(origin); // a web app's fetch() of an image needs it
        }
        reply.send(file);
        return;
    }
    const Route &target = m_routes.at(route);
    ApiRequest request{head.method, apiSegments(head.path).value_or(QStringList()), head.query,
        head.header("content-type"), std::move(body), head.header("authorization"), head.header("user-agent"),
        // admit() checked the credential of a key route; a second check would touch the session again
        target.access == Access::ApiKey || authorized(head), head.header("host")};
    const QByteArray origin = corsOrigin(head);
    auto headers = origin.isEmpty() ? QList<std::pair<QByteArray, QByteArray>>() : CorsPolicy::answerHeaders(origin);
    if (target.sync) {
        ApiResponse response = target.sync(request);
        response.headers += headers;
        reply.send(response);
    } else {
        answerLater(target.async, std::move(request), std::move(reply), std::move(headers));
    }
}

QCoro::Task<> ApiRouter::answerLater(
    AsyncHandler handler, ApiRequest request, Http::Reply reply, QList<std::pair<QByteArray, QByteArray>> headers)
{
    ++m_pending;
    QPointer<ApiRouter> self(this);
    ApiResponse response = co_await handler(std::move(request));
    response.headers += headers;
    if (self) {
        --m_pending;
    }
    // The reply tracks its connection: answering after the client went away does nothing.
    reply.send(response);
}

} // namespace Notechondria
