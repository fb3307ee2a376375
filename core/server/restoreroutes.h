// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "backupreader.h"

#include <QCoroTask>
#include <QObject>

#include <functional>
#include <variant>

namespace Notechondria {

class ApiRouter;
class GitHubApi;
class Store;

/**
 * `POST /api/v1/integrations/github/restore/` of the local server (DECISIONS §5): restores the account from the
 * connected repository (source "github": its tarball at the branch, or at "commit" — the time machine's whole-account
 * restore — downloaded in one request) or from a backup
 * folder (source "folder", with "path"). Anything that is not a backup is refused with 400 (checkIsBackup) and changes
 * nothing. With "dry_run" it answers the planned file changes; otherwise it keeps the current account as a snapshot
 * (RestoreSnapshots) and replaces it with Store::importAccount (ids kept, so the next push of the same data makes no
 * commit); attachments, covers and the avatar come along.
 *
 * `GET integrations/github/restore/undo/` answers `{"available", "taken_at"}`; `POST` brings the account from before
 * the last restore back (`{"undone": true, "notes", "courses", "taken_at"}`, 404 when there is nothing to undo).
 *
 * One restore at a time, and none while a push runs (409); @p pushRunning tells whether a push runs.
 */
class RestoreRoutes : public QObject
{
    Q_OBJECT

public:
    RestoreRoutes(Store *store, GitHubApi *github, std::function<bool()> pushRunning, QObject *parent = nullptr);

    void registerOn(ApiRouter &router);
    [[nodiscard]] bool isRestoreRunning() const { return m_running; }

private:
    [[nodiscard]] QCoro::Task<ApiResponse> restore(ApiRequest request);
    /// Downloads the connected repository (at @p commit, else its branch) into @p directory and reads it; an answer
    /// when it cannot.
    [[nodiscard]] QCoro::Task<std::variant<Backup, ApiResponse>> fromGitHub(QString directory, QString commit);
    [[nodiscard]] ApiResponse plan(const Backup &backup);
    [[nodiscard]] ApiResponse apply(Backup backup);
    [[nodiscard]] ApiResponse undoStatus();
    [[nodiscard]] ApiResponse undo();

    Store *m_store;
    GitHubApi *m_github;
    std::function<bool()> m_pushRunning;
    bool m_running = false;
};

} // namespace Notechondria
