// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"

#include <QCoroTask>
#include <QObject>

#include <functional>

namespace Notechondria {

class ApiRouter;
class Clock;
class GitHubApi;
class Store;

/**
 * Test restore on the local server (issue #16), for the app's Test restore button and any client:
 *
 * - `POST integrations/github/verify/ {"commit": optional full sha}` → BackupVerifier on that commit (default: the
 *   branch head) in a scratch folder under the data folder, recorded as the last verification; answers its
 *   BackupVerification::toJson() (`complete`, `files`, `notes`, `problems` …). Damaged or missing files are a 200
 *   answer with `"complete": false`; 400 when no repository or no App is there or the commit is not a full id, 502
 *   when GitHub cannot be read.
 * - `GET integrations/github/verify/` → `{"last": <the last verification, or null>}`.
 *
 * Not while a push, a restore or another verification runs (409); @p busy tells about the others. While it runs,
 * isVerifyRunning() is true (a push waits for it).
 */
class VerifyRoutes : public QObject
{
    Q_OBJECT

public:
    VerifyRoutes(
        Store *store, GitHubApi *github, const Clock *clock, std::function<bool()> busy, QObject *parent = nullptr);

    void registerOn(ApiRouter &router);
    [[nodiscard]] bool isVerifyRunning() const { return m_running; }

private:
    [[nodiscard]] QCoro::Task<ApiResponse> verify(ApiRequest request);
    [[nodiscard]] ApiResponse last() const;

    Store *m_store;
    GitHubApi *m_github;
    const Clock *m_clock;
    std::function<bool()> m_busy;
    bool m_running = false;
};

} // namespace Notechondria
