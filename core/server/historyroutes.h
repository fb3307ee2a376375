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
 * The time machine on the local server (DECISIONS §9), for the app's History view and any client:
 *
 * - `GET integrations/github/history/?note=UUID&limit=N` → `{"commits": [{"sha", "date", "device", "added",
 *   "changed", "deleted", "titles", "lines", "url"}]}`, newest first (BackupHistory: one request per 100 commits);
 * - `GET integrations/github/history/note/?commit=SHA&note=UUID` → the note at that commit (`{"commit", "uuid",
 *   "title", "content", "course_slug", "last_edit"}`) and, as `"current"`, the note as the local store has it (null
 *   when gone) — the look back and its diff, in two requests;
 * - `POST integrations/github/restore/item/ {"commit", "note", "as_copy"}` → `{"restored", "uuid", "title",
 *   "as_copy", "created", "undo_available"}` (ItemRestore, with an undo snapshot).
 *
 * Not while a push or a restore runs (409); @p busy tells.
 */
class HistoryRoutes : public QObject
{
    Q_OBJECT

public:
    HistoryRoutes(
        Store *store, GitHubApi *github, const Clock *clock, std::function<bool()> busy, QObject *parent = nullptr);

    void registerOn(ApiRouter &router);

private:
    [[nodiscard]] QCoro::Task<ApiResponse> history(ApiRequest request);
    [[nodiscard]] QCoro::Task<ApiResponse> noteAt(ApiRequest request);
    [[nodiscard]] QCoro::Task<ApiResponse> restoreItem(ApiRequest request);

    Store *m_store;
    GitHubApi *m_github;
    const Clock *m_clock;
    std::function<bool()> m_busy;
    bool m_running = false;
};

} // namespace Notechondria
