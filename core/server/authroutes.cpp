// SPDX-License-Identifier: GPL-3.0-or-later
#include "authroutes.h"

#include "apikey.h"
#include "apirouter.h"
#include "clock.h"
#include "entityjson.h"
#include "localpassword.h"
#include "logging.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

const QString loginModule = u"Core.Server.Auth/login"_s;
constexpr int maxConcurrentChecks = 2; ///< Argon2id checks at once (64 MiB each)
constexpr int failuresBeforeLock = 5;

/// DRF's answer to a serializer's validate() error: 400 `{"non_field_errors": ["Sign-in rejected: … — <cause>"]}`.
ApiResponse signInRejected(const QString &cause)
{
    return ApiResponse::fieldErrors(
        {{u"non_field_errors"_s, {u"Sign-in rejected: "_s + loginModule + u" \u2014 "_s + cause}}});
}

/// "Firefox on Linux", "Chrome on Android", "Notechondria app", … from a User-Agent; "Unknown device" when empty.
QString deviceLabel(const QString &agent)
{
    if (agent.trimmed().isEmpty()) {
        return u"Unknown device"_s;
    }
    static const QList<std::pair<QString, QString>> clients{{u"Edg/"_s, u"Edge"_s}, {u"Firefox/"_s, u"Firefox"_s},
        {u"Chrome/"_s, u"Chrome"_s}, {u"Safari/"_s, u"Safari"_s}, {u"Dart/"_s, u"Notechondria app"_s},
        {u"curl/"_s, u"curl"_s}, {u"Mozilla/"_s, u"Browser"_s}};
    static const QList<std::pair<QString, QString>> systems{{u"Android"_s, u"Android"_s}, {u"iPhone"_s, u"iOS"_s},
        {u"iPad"_s, u"iOS"_s}, {u"Windows"_s, u"Windows"_s}, {u"Mac OS X"_s, u"macOS"_s}, {u"Macintosh"_s, u"macOS"_s},
        {u"Linux"_s, u"Linux"_s}};
    QString client = agent.section(u'/', 0, 0).section(u' ', 0, 0).left(40);
    for (const auto &[needle, name] : clients) {
        if (agent.contains(needle)) {
            client = name;
            break;
        }
    }
    for (const auto &[needle, name] : systems) {
        if (agent.contains(needle)) {
            return client + u" on "_s + name;
        }
    }
    return client;
}

/// The name to sign in with: the account's username, or "local" while it has none (a new store, before any import).
QString signInName(const Profile &profile)
{
    return profile.username.isEmpty() ? u"local"_s : profile.username;
}

/// The `user` object of the web backend's auth_payload, for the one local account (id 1, not staff).
QJsonObject userJson(const Profile &profile)
{
    const QJsonObject settings = EntityJson::settings(profile, QString());
    QJsonObject user{{u"id"_s, 1}};
    for (const QString &key : {u"email"_s, u"username"_s, u"first_name"_s, u"last_name"_s, u"is_staff"_s,
             u"is_superuser"_s, u"motto"_s, u"social_link"_s, u"image_url"_s, u"editor_mode"_s, u"theme_preset"_s,
             u"theme_mode"_s, u"api_base_url"_s, u"app_settings"_s, u"app_settings_updated_at"_s}) {
        user.insert(key, settings.value(key));
    }
    user.insert(u"username"_s, signInName(profile));
    const QString names = QString(profile.firstName + u' ' + profile.lastName).trimmed();
    user.insert(u"display_name"_s,
        !profile.displayName.isEmpty() ? profile.displayName : (names.isEmpty() ? signInName(profile) : names));
    return user;
}

QJsonObject sessionJson(const AuthSession &session)
{
    return {{u"id"_s, session.id}, {u"device_label"_s, session.deviceLabel},
        {u"created_at"_s, isoDateTime(session.createdAt)}, {u"last_seen_at"_s, isoDateTime(session.lastUsedAt)}};
}

/// What login/ and session/ answer: the token, the session (null for the API key), the other sessions and the user.
Result<QJsonObject> authPayload(Store &store, const QString &token, const std::optional<AuthSession> &session)
{
    const auto profile = store.profile();
    if (!profile) {
        return std::unexpected(profile.error());
    }
    const auto all = store.authSessions();
    if (!all) {
        return std::unexpected(all.error());
    }
    const auto others
        = std::ranges::count_if(*all, [&](const AuthSession &s) { return !session || s.id != session->id; });
    return QJsonObject{{u"token"_s, token}, {u"session"_s, session ? QJsonValue(sessionJson(*session)) : QJsonValue()},
        {u"multi_device"_s, others > 0}, {u"other_sessions_count"_s, static_cast<qint64>(others)},
        {u"user"_s, userJson(*profile)}};
}

/// The casdoor routes that need Casdoor: a clear 400 saying this server has none.
ApiResponse casdoorUnavailable(const QString &process)
{
    return ApiResponse::detail(400, u"Casdoor sign-in unavailable"_s, u"Core.Server.Auth/casdoor."_s + process,
        u"Casdoor is not configured on this local server; sign in with the local account's password "
        u"(POST auth/login/)."_s);
}

} // namespace

AuthRoutes::AuthRoutes(Store *store, const Clock *clock, Hooks hooks)
    : StoreRoutes(store, clock)
    , m_hooks(std::move(hooks))
{
}

void AuthRoutes::registerOn(ApiRouter &router)
{
    using Access = ApiRouter::Access;
    router.addAsyncRoute(
        u"auth/login"_s, Method::Post, [this](ApiRequest r) { return login(std::move(r)); }, Access::Public);
    router.addRoute(u"auth/session"_s, Method::Get, std::bind_front(&AuthRoutes::session, this), Access::Public);
    router.addRoute(u"auth/sessions"_s, Method::Get, std::bind_front(&AuthRoutes::sessions, this));
    router.addRoute(u"auth/sessions/<id>"_s, Method::Delete, std::bind_front(&AuthRoutes::revoke, this));
    router.addRoute(u"auth/logout"_s, Method::Post, std::bind_front(&AuthRoutes::logout, this));
    router.addAsyncRoute(
        u"auth/rotate-api-key"_s, Method::Post, [this](ApiRequest r) { return rotateApiKey(std::move(r)); });
    router.addRoute(u"auth/local-password"_s, Method::Get, std::bind_front(&AuthRoutes::passwordState, this));
    router.addAsyncRoute(
        u"auth/local-password"_s, Method::Post, [this](ApiRequest r) { return setPassword(std::move(r)); });
    router.addRoute(u"auth/local-password"_s, Method::Delete, std::bind_front(&AuthRoutes::clearPassword, this));
    router.addRoute(
        u"auth/casdoor/config"_s, Method::Get,
        [](const ApiRequest &) { return ApiResponse::json(QJsonObject{{u"configured"_s, false}}); }, Access::Public);
    for (const auto &[path, method, access] : {std::tuple{u"exchange"_s, Method::Post, Access::Public},
             std::tuple{u"link/bind"_s, Method::Post, Access::Public},
             std::tuple{u"link/create"_s, Method::Post, Access::Public},
             std::tuple{u"bind"_s, Method::Post, Access::ApiKey},
             std::tuple{u"unlink"_s, Method::Delete, Access::ApiKey}}) {
        const QString process = QString(path).replace(u'/', u'.');
        router.addRoute(
            u"auth/casdoor/"_s + path, method, [process](const ApiRequest &) { return casdoorUnavailable(process); },
            access);
    }
}

bool AuthRoutes::acceptsSession(const QByteArray &token)
{
    if (!SessionToken::isWellFormed(token)) {
        return false;
    }
    const auto session = m_store->useAuthSession(SessionToken::digest(token));
    if (!session) {
        qCWarning(lcServer).noquote() << session.error().message();
        return false;
    }
    return session->has_value();
}

AuthRoutes::Caller AuthRoutes::callerOf(const ApiRequest &request) const
{
    Caller caller;
    caller.token = ApiKey::fromAuthorizationHeader(request.authorization);
    if (caller.token.isEmpty()) {
        return caller;
    }
    const QByteArray key = m_hooks.apiKey().toLatin1();
    if (!key.isEmpty() && ApiKey::constantTimeEquals(caller.token, key)) {
        caller.apiKey = true;
    } else if (SessionToken::isWellFormed(caller.token)) {
        caller.session = m_store->authSessionByToken(SessionToken::digest(caller.token)).value_or(std::nullopt);
    }
    return caller;
}

std::expected<AuthRoutes::LoginAttempt, ApiResponse> AuthRoutes::readLogin(const ApiRequest &request) const
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return std::unexpected(ApiResponse::fromError(form.error()));
    }
    FieldReader in(*form);
    in.require(u"password"_s);
    LoginAttempt attempt{{}, in.string(u"password"_s).value_or(QString())};
    QString identifier;
    for (const QString &key : {u"email"_s, u"identifier"_s, u"username"_s}) {
        if (identifier.isEmpty()) {
            identifier = in.string(key).value_or(QString()).trimmed();
        }
    }
    if (!in.ok()) {
        return std::unexpected(in.errorResponse());
    }
    if (identifier.isEmpty()) {
        return std::unexpected(signInRejected(u"either email or username is required in the login payload."_s));
    }
    const auto profile = m_store->profile();
    const auto stored = m_store->localPassword();
    if (!profile || !stored) {
        return std::unexpected(storeFailure(!profile ? profile.error() : stored.error()));
    }
    const bool known = identifier.compare(signInName(*profile), Qt::CaseInsensitive) == 0
        || (!profile->email.isEmpty() && identifier.compare(profile->email, Qt::CaseInsensitive) == 0);
    if (!known) {
        return std::unexpected(signInRejected(u"no account found for the supplied email/username."_s));
    }
    if (!*stored) {
        return std::unexpected(
            signInRejected(u"the local account has no password yet; set one with `notechondria-sync set-password "
                           u"--stdin` or in the app under Settings \u2192 Local server."_s));
    }
    attempt.hash = (*stored)->hash;
    return attempt;
}

std::optional<ApiResponse> AuthRoutes::throttled() const
{
    const QDateTime now = m_clock->now();
    if (m_throttle.lockedUntil.isValid() && now < m_throttle.lockedUntil) {
        return ApiResponse::detail(429, u"Sign-in rejected"_s, loginModule,
            u"too many wrong passwords in a row; try again in %1 seconds."_s.arg(
                std::max<qint64>(1, now.secsTo(m_throttle.lockedUntil))));
    }
    if (m_throttle.running >= maxConcurrentChecks) {
        return ApiResponse::detail(
            429, u"Sign-in rejected"_s, loginModule, u"other sign-ins are being checked; try again in a moment."_s);
    }
    return std::nullopt;
}

void AuthRoutes::recordAttempt(bool matched)
{
    if (matched) {
        m_throttle.failures = 0;
        m_throttle.lockedUntil = QDateTime();
        return;
    }
    ++m_throttle.failures;
    if (m_throttle.failures >= failuresBeforeLock) {
        // 30 s after the fifth wrong password in a row, doubling with each further one up to 16 minutes.
        const int extra = std::min(m_throttle.failures - failuresBeforeLock, 5);
        m_throttle.lockedUntil = m_clock->now().addSecs(qint64(30) << extra);
    }
}

QCoro::Task<ApiResponse> AuthRoutes::login(ApiRequest request)
{
    const auto attempt = readLogin(request);
    if (!attempt) {
        co_return attempt.error();
    }
    if (auto refused = throttled()) {
        co_return *refused;
    }
    // Argon2id takes a while and 64 MiB: it runs on a worker thread while the event loop (the app's UI) goes on.
    const std::weak_ptr<int> alive = m_alive;
    ++m_throttle.running;
    const bool matches = co_await LocalPassword::verifyLater(attempt->hash, attempt->password);
    if (alive.expired()) {
        co_return ApiResponse::detail(503, u"Sign-in rejected"_s, loginModule, u"the local server is stopping."_s);
    }
    --m_throttle.running;
    recordAttempt(matches);
    if (!matches) {
        qCInfo(lcServer).noquote() << u"Sign-in rejected: "_s + loginModule + u" \u2014 wrong password."_s;
        co_return signInRejected(u"email/username and password do not match any active account."_s);
    }
    const QString token = SessionToken::generate();
    const QString agent = QString::fromUtf8(request.userAgent).left(512);
    const auto session = m_store->createAuthSession(SessionToken::digest(token.toLatin1()), deviceLabel(agent), agent);
    if (!session) {
        co_return storeFailure(session.error());
    }
    const auto payload = authPayload(*m_store, token, *session);
    co_return payload ? ApiResponse::json(*payload) : storeFailure(payload.error());
}

ApiResponse AuthRoutes::session(const ApiRequest &request) const
{
    const Caller caller = callerOf(request);
    if (!caller.apiKey && !caller.session) {
        return ApiResponse::json(QJsonObject{{u"authenticated"_s, false}});
    }
    auto payload = authPayload(*m_store, QString::fromLatin1(caller.token), caller.session);
    if (!payload) {
        return storeFailure(payload.error());
    }
    payload->insert(u"authenticated"_s, true);
    return ApiResponse::json(*payload);
}

ApiResponse AuthRoutes::sessions(const ApiRequest &request) const
{
    const Caller caller = callerOf(request);
    const auto all = m_store->authSessions();
    if (!all) {
        return storeFailure(all.error());
    }
    const std::optional<qint64> current = caller.session ? std::optional(caller.session->id) : std::nullopt;
    QJsonArray list;
    for (const AuthSession &session : *all) {
        QJsonObject row = sessionJson(session);
        row.insert(u"user_agent"_s, session.userAgent);
        row.insert(u"ip_hash_prefix"_s, QString());
        row.insert(u"is_current"_s, current == session.id);
        list.append(row);
    }
    return ApiResponse::json(
        QJsonObject{{u"sessions"_s, list}, {u"current_session_id"_s, current ? QJsonValue(*current) : QJsonValue()}});
}

ApiResponse AuthRoutes::revoke(const ApiRequest &request)
{
    const qint64 id = request.segments.at(2).toLongLong();
    const auto revoked = m_store->revokeAuthSession(id);
    if (!revoked) {
        return storeFailure(revoked.error());
    }
    if (!*revoked) {
        return ApiResponse::detail(404, u"Session not revoked"_s, u"Core.Server.Auth/sessions.revoke"_s,
            u"no active session with id %1."_s.arg(id));
    }
    qCInfo(lcServer).noquote() << u"Session revoked: Core.Server.Auth/sessions.revoke \u2014 session %1."_s.arg(id);
    return ApiResponse{204, {}, "application/json"};
}

ApiResponse AuthRoutes::logout(const ApiRequest &request)
{
    // Only the session behind this request ends (signing out on one device keeps the others); the API key stays.
    const Caller caller = callerOf(request);
    if (caller.session) {
        if (const auto revoked = m_store->revokeAuthSession(caller.session->id); !revoked) {
            return storeFailure(revoked.error());
        }
    }
    return ApiResponse{204, {}, "application/json"};
}

QCoro::Task<ApiResponse> AuthRoutes::rotateApiKey(ApiRequest)
{
    const auto key = co_await m_hooks.rotateApiKey();
    if (!key) {
        co_return ApiResponse::fromError(key.error(), 500);
    }
    co_return ApiResponse::json(QJsonObject{{u"api_key"_s, *key}, {u"api_key_prefix"_s, key->left(8)}});
}

std::optional<ApiResponse> AuthRoutes::requireApiKey(const ApiRequest &request) const
{
    if (callerOf(request).apiKey) {
        return std::nullopt;
    }
    return ApiResponse::detail(403, u"Local password not changed"_s, u"Core.Server.Auth/local_password"_s,
        u"only the local API key may change the password (Settings \u2192 Local server or notechondria-sync "
        u"set-password), not a sign-in session."_s);
}

ApiResponse AuthRoutes::passwordState(const ApiRequest &) const
{
    const auto stored = m_store->localPassword();
    if (!stored) {
        return storeFailure(stored.error());
    }
    const auto profile = m_store->profile();
    return ApiResponse::json(QJsonObject{{u"password_set"_s, stored->has_value()},
        {u"updated_at"_s, *stored ? QJsonValue(isoDateTime((*stored)->updatedAt)) : QJsonValue()},
        {u"username"_s, profile ? signInName(*profile) : QString()},
        {u"email"_s, profile ? profile->email : QString()}});
}

QCoro::Task<ApiResponse> AuthRoutes::setPassword(ApiRequest request)
{
    if (auto refused = requireApiKey(request)) {
        co_return *refused;
    }
    const auto form = RequestForm::read(request);
    if (!form) {
        co_return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    in.require(u"password"_s);
    const QString password = in.string(u"password"_s).value_or(QString());
    if (!in.ok()) {
        co_return in.errorResponse();
    }
    if (const QString weak = LocalPassword::weakness(password); !weak.isEmpty()) {
        co_return ApiResponse::fieldErrors(
            {{u"password"_s, {u"Local password not set: Core.Server.Auth/local_password \u2014 "_s + weak}}});
    }
    const std::weak_ptr<int> alive = m_alive;
    const auto hashed = co_await LocalPassword::hashLater(password);
    if (alive.expired()) {
        co_return ApiResponse::detail(
            503, u"Local password not set"_s, u"Core.Server.Auth/local_password"_s, u"the local server is stopping."_s);
    }
    if (!hashed) {
        co_return storeFailure(hashed.error());
    }
    if (const auto saved = LocalPassword::save(*m_store, *hashed); !saved) {
        co_return storeFailure(saved.error());
    }
    co_return passwordState(request);
}

ApiResponse AuthRoutes::clearPassword(const ApiRequest &request)
{
    if (auto refused = requireApiKey(request)) {
        return *refused;
    }
    if (const auto saved = LocalPassword::clear(*m_store); !saved) {
        return storeFailure(saved.error());
    }
    return passwordState(request);
}

} // namespace Notechondria
