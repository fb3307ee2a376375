// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "authsession.h"
#include "routesupport.h"

#include <QCoroTask>

#include <expected>
#include <functional>
#include <memory>

namespace Notechondria {

/**
 * Sign-in on the local server (issue #14, apps-contract "Sign-in"), in the web backend's shapes:
 *
 * - `POST auth/login/` (public) `{"email" | "identifier" | "username", "password"}` matched against the local
 *   account's email or username ("local" while the account has none) and its password (LocalPassword) → `{token,
 * session, user, …}`; a mismatch is 400
 *   `{"non_field_errors": [...]}` as DRF answers; with no password set, 400 saying how to set one.
 * - `GET auth/session/` (public) → `{"authenticated": false}` or who is signed in with which session;
 *   `GET auth/sessions/`, `DELETE auth/sessions/<id>/`, `POST auth/logout/` (204).
 * - `POST auth/rotate-api-key/` → `{api_key, api_key_prefix}`; the old key stops working at once.
 * - `GET/POST/DELETE auth/local-password/` (local only, the API key only): whether a password is set, set one,
 *   remove it — what Settings → Local server uses, as the UI may not reach the store.
 * - Casdoor: `GET auth/casdoor/config/` → `{"configured": false}`; exchange, bind, link and unlink answer 400.
 *
 * Wrong passwords lock sign-in for a while (429, see Throttle). Session tokens (SessionToken) are stored as their
 * SHA-256 only and are accepted on every route like the API key (acceptsSession() is the router's token validator).
 */
class AuthRoutes : public StoreRoutes
{
public:
    struct Hooks
    {
        std::function<QString()> apiKey; ///< the current API key
        std::function<QCoro::Task<Result<QString>>()> rotateApiKey; ///< stores and applies a fresh key
    };

    AuthRoutes(Store *store, const Clock *clock, Hooks hooks);

    void registerOn(ApiRouter &router) override;

    /// Whether @p token is a live session's (and records its use): the router's token validator.
    [[nodiscard]] bool acceptsSession(const QByteArray &token);

private:
    /// Who sent a request: the API key, a live session (with its row) or nobody known.
    struct Caller
    {
        bool apiKey = false;
        std::optional<AuthSession> session;
        QByteArray token;
    };
    [[nodiscard]] Caller callerOf(const ApiRequest &request) const;

    /// What a login request asks to check: the stored hash and the password sent.
    struct LoginAttempt
    {
        QString hash;
        QString password;
    };
    /// The attempt, or the answer when the request, the account or the stored password already decide it.
    [[nodiscard]] std::expected<LoginAttempt, ApiResponse> readLogin(const ApiRequest &request) const;
    [[nodiscard]] QCoro::Task<ApiResponse> login(ApiRequest request);
    /// 429 while sign-in is locked after wrong passwords or enough checks are running; nullopt otherwise.
    [[nodiscard]] std::optional<ApiResponse> throttled() const;
    void recordAttempt(bool matched);
    [[nodiscard]] ApiResponse session(const ApiRequest &request) const;
    [[nodiscard]] ApiResponse sessions(const ApiRequest &request) const;
    [[nodiscard]] ApiResponse revoke(const ApiRequest &request);
    [[nodiscard]] ApiResponse logout(const ApiRequest &request);
    [[nodiscard]] QCoro::Task<ApiResponse> rotateApiKey(ApiRequest request);
    [[nodiscard]] ApiResponse passwordState(const ApiRequest &request) const;
    [[nodiscard]] QCoro::Task<ApiResponse> setPassword(ApiRequest request);
    [[nodiscard]] ApiResponse clearPassword(const ApiRequest &request);
    /// The answer for a caller that is not the API key on a key-only route; nullopt for the key.
    [[nodiscard]] std::optional<ApiResponse> requireApiKey(const ApiRequest &request) const;

    Hooks m_hooks;
    /// Guessing a password: after 5 wrong ones in a row sign-in is locked for 30 s, doubling up to 16 min; at most 2
    /// checks run at once. Kept in memory (a restart of the server starts over).
    struct Throttle
    {
        int failures = 0;
        QDateTime lockedUntil;
        int running = 0;
    };
    Throttle m_throttle;
    /// Expires with the routes: a login or password hash finishing on its worker thread afterwards answers 503.
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace Notechondria
