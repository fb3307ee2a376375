// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "error.h"
#include "installstate.h"

#include <QCoroTask>
#include <QObject>

#include <functional>
#include <optional>

namespace Notechondria {

class ApiRouter;
class GitHubApi;
class PushService;
class Store;

/**
 * The GitHub sync endpoints of the local server (upstream §1 with the DECISIONS §2 fixes): status (GET, DELETE),
 * callback (POST; and GET for the browser install flow), repos, push, plus sync (a push that pulls first,
 * DECISIONS §8), installations, preview and runs for the desktop app. `github` and `push` may be null (no App
 * configured): the endpoints then answer 400 with why.
 *
 * A push or sync runs as a coroutine off the request path; a second one while one runs gets 409.
 */
class GitHubRoutes : public QObject
{
    Q_OBJECT

public:
    GitHubRoutes(Store *store, GitHubApi *github, PushService *push, QObject *parent = nullptr);

    void registerOn(ApiRouter &router);
    [[nodiscard]] bool isPushRunning() const { return m_pushRunning; }
    /// Other work that a push must wait for (a restore, a test restore): while it returns true, a push gets 409.
    void setOtherWorkRunning(std::function<bool()> running) { m_otherWorkRunning = std::move(running); }

Q_SIGNALS:
    void installationLinked(const QString &installationId);
    void pushFinished();

private:
    [[nodiscard]] ApiResponse status(const ApiRequest &request);
    [[nodiscard]] QCoro::Task<ApiResponse> disconnect(ApiRequest request);
    [[nodiscard]] QCoro::Task<ApiResponse> callback(ApiRequest request);
    [[nodiscard]] QCoro::Task<ApiResponse> browserCallback(ApiRequest request);
    [[nodiscard]] QCoro::Task<ApiResponse> repos(ApiRequest request);
    [[nodiscard]] QCoro::Task<ApiResponse> push(ApiRequest request);
    [[nodiscard]] QCoro::Task<ApiResponse> sync(ApiRequest request);
    /// push/ and sync/ (pull = true) share their body, their guards and their answers (githubpushroutes.cpp).
    [[nodiscard]] QCoro::Task<ApiResponse> runPush(ApiRequest request, bool pull);
    [[nodiscard]] QCoro::Task<ApiResponse> installations(ApiRequest request);
    [[nodiscard]] QCoro::Task<ApiResponse> preview(ApiRequest request);
    /// `preview/?path=P`: the file's status with its local (current export) and remote (pushed branch) text.
    [[nodiscard]] QCoro::Task<ApiResponse> previewFile(QString path, bool includeAssets);
    /// The file's bytes on the integration's branch on GitHub; nullopt when the branch or the path is missing.
    [[nodiscard]] QCoro::Task<Result<std::optional<QByteArray>>> remoteFile(QString path);
    [[nodiscard]] ApiResponse runs(const ApiRequest &request);

    /// The repository's default branch from GitHub, "main" when it cannot be found.
    [[nodiscard]] QCoro::Task<QString> defaultBranchOf(QString installationId, QString repoFullName);

    Store *m_store;
    GitHubApi *m_github;
    PushService *m_push;
    bool m_pushRunning = false;
    std::function<bool()> m_otherWorkRunning;
    InstallState m_installState; ///< the browser callback's `state` nonce
};

} // namespace Notechondria
