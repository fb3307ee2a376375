// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "corspolicy.h"
#include "httpserver.h"

#include <QCoroTask>
#include <QHttpServerRequest>

#include <functional>

namespace Notechondria {

/**
 * The routes of the local server: exact routes under /api/v1/ (with or without the trailing slash), the
 * `Host` check against DNS rebinding, API-key authentication and JSON errors (404 unknown path, 405 wrong method,
 * 401 no or wrong key, 403 foreign Host or Origin, 413 body over the limit). CORS only for the origins of the
 * CorsPolicy (none by default): their preflight (`OPTIONS` with Access-Control-Request-Method) gets a 204 on a
 * known path without a key, and every answer to them (errors included) carries Access-Control-Allow-Origin.
 *
 * All of these are decided on the request head (admit()), before the transport reads any body byte; the body
 * limit is the one RequestForm::read applies: 60 MB for multipart uploads, 2 MB for everything else.
 *
 * Synchronous handlers answer at once; asynchronous ones (GitHub calls, pushes) are coroutines that keep the
 * responder and answer when they finish, while the event loop keeps serving other requests.
 */
class ApiRouter final
    : public QObject
    , public Http::Handler
{
    Q_OBJECT

public:
    using SyncHandler = std::function<ApiResponse(const ApiRequest &)>;
    using AsyncHandler = std::function<QCoro::Task<ApiResponse>(ApiRequest)>;
    /// Answers a GET or HEAD of a path under /media/ (decoded, e.g. "/media/<token>/a.png"); no API key needed.
    using MediaHandler = std::function<ApiResponse(const QString &path)>;
    enum class Access { ApiKey, Public };

    explicit ApiRouter(QObject *parent = nullptr);
    ~ApiRouter() override;

    /// `pattern` is relative to /api/v1/, without slashes at either end; `<id>` matches a positive integer,
    /// `<uuid>` a uuid with or without dashes (ApiRequest::uuidSegment gives it dashed and lowercase).
    void addRoute(
        const QString &pattern, QHttpServerRequest::Method method, SyncHandler handler, Access access = Access::ApiKey);
    void addAsyncRoute(const QString &pattern, QHttpServerRequest::Method method, AsyncHandler handler,
        Access access = Access::ApiKey);

    /// Serves /media/ with @p handler (the Host check still applies; other methods get 405).
    void setMediaHandler(MediaHandler handler) { m_media = std::move(handler); }

    /// The API key (as `Bearer` or `Token`), compared in constant time.
    void setApiKey(const QByteArray &key) { m_apiKey = key; }
    /// Decides on any other token sent as `Bearer` or `Token` (the sign-in sessions): true lets it in as the key would.
    using TokenValidator = std::function<bool(const QByteArray &token)>;
    void setTokenValidator(TokenValidator validator) { m_tokenValidator = std::move(validator); }
    /// The accepted `Host` values, lowercase, e.g. "127.0.0.1:8765", "localhost:8765".
    void setAllowedHosts(const QList<QByteArray> &hosts) { m_allowedHosts = hosts; }
    /// The browser origins besides this server's own that may call it (CORS).
    void setCorsPolicy(const CorsPolicy &policy) { m_cors = policy; }
    /// Requests whose answer is still pending (async handlers).
    [[nodiscard]] int pendingResponses() const { return m_pending; }

    [[nodiscard]] Http::Admission admit(const Http::Head &head) const override;
    void handle(int route, const Http::Head &head, QByteArray body, Http::Reply reply) override;

private:
    struct Route
    {
        QStringList segments;
        QHttpServerRequest::Method method;
        Access access;
        SyncHandler sync;
        AsyncHandler async;
    };

    [[nodiscard]] Http::Admission decide(const Http::Head &head) const;
    [[nodiscard]] bool hostAllowed(const Http::Head &head) const;
    /// The Origin header when it is an allowed foreign origin (CORS applies), else empty.
    [[nodiscard]] QByteArray corsOrigin(const Http::Head &head) const;
    [[nodiscard]] Http::Admission preflight(const Http::Head &head, const QByteArray &origin) const;
    [[nodiscard]] ApiResponse unauthorized(const Http::Head &head) const;
    [[nodiscard]] bool authorized(const Http::Head &head) const;
    /// The index of the route for these segments and method, -1 when none; `pathKnown` when any method has one.
    [[nodiscard]] int match(const QStringList &segments, QHttpServerRequest::Method method, bool &pathKnown) const;
    QCoro::Task<> answerLater(
        AsyncHandler handler, ApiRequest request, Http::Reply reply, QList<std::pair<QByteArray, QByteArray>> headers);

    /// admit()'s answer when the media handler takes the request.
    [[nodiscard]] std::optional<Http::Admission> admitMedia(const Http::Head &head) const;

    QList<Route> m_routes;
    MediaHandler m_media;
    QByteArray m_apiKey;
    TokenValidator m_tokenValidator;
    QList<QByteArray> m_allowedHosts;
    CorsPolicy m_cors;
    int m_pending = 0;
};

} // namespace Notechondria
