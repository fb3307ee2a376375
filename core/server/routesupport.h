// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "apiresponse.h"

#include <optional>
#include <variant>

namespace Notechondria {

class ApiRouter;
class Clock;
class GitHubApi;
class Store;

/// A group of account-data routes of the local server, answered from the Store.
class StoreRoutes
{
public:
    StoreRoutes(Store *store, const Clock *clock)
        : m_store(store)
        , m_clock(clock)
    {
    }
    virtual ~StoreRoutes() = default;

    virtual void registerOn(ApiRouter &router) = 0;

protected:
    Store *m_store;
    const Clock *m_clock;
};

/// What the account-data routes (settings, courses, notes, planner) share.
namespace RouteSupport {

/// The store could not answer: 500 with its three-part message.
[[nodiscard]] ApiResponse storeFailure(const Error &error);

/// An absolute http:// or https:// URL with a host.
[[nodiscard]] bool isHttpUrl(const QString &text);

/// The course of `id` (null/absent is fine); an answer (404) when it does not exist, 500 when the store fails.
[[nodiscard]] std::optional<ApiResponse> checkCourse(
    Store &store, const std::optional<qint64> &id, const QString &consequence);

/// A full 40-character lower-case hex commit id.
[[nodiscard]] bool isFullCommitId(const QString &text);

/**
 * What the GitHub routes that work on the backup repository need: the account's integration with a repository, and a
 * GitHub App to act as. Otherwise the 400 answer that says which is missing ("<consequence>: <module> — no GitHub App
 * installation linked …", "… no repository is connected …", "… no GitHub App is configured …"), 500 when the store
 * cannot be read.
 */
[[nodiscard]] std::variant<GitHubIntegration, ApiResponse> connectedRepository(
    Store &store, const GitHubApi *github, const QString &consequence, const QString &module);

} // namespace RouteSupport

} // namespace Notechondria
