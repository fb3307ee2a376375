// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "routesupport.h"
#include "store.h"

namespace Notechondria {

/**
 * The activity endpoints of the local server (upstream's NoteSession*, Activity and ActivityWeek API views):
 * `note-sessions/` (GET lists, newest first, `note_id` and `limit` filters; POST starts one for `note_id`),
 * `note-sessions/<id>/` (PATCH title, summary, started_at, ended_at), `activity/` (the ten notes edited last) and
 * `activity/week/?start_date=YYYY-MM-DD[&days=3|7|30]`: per day the open planner events (recurring ones expanded),
 * note sessions and events of enabled calendar feeds with inline iCal text, and the deadlines list (open events
 * from today on by urgency, each recurring series' next occurrence, completed events of the window last). Times
 * are UTC, as the web backend's TIME_ZONE. Feeds that only have a URL are not fetched here.
 */
class ActivityRoutes : public StoreRoutes
{
public:
    using StoreRoutes::StoreRoutes;

    void registerOn(ApiRouter &router) override;

private:
    [[nodiscard]] ApiResponse listSessions(const ApiRequest &request);
    [[nodiscard]] ApiResponse postSession(const ApiRequest &request);
    [[nodiscard]] ApiResponse patchSession(const ApiRequest &request);
    [[nodiscard]] ApiResponse recentNotes(const ApiRequest &request);
    [[nodiscard]] ApiResponse week(const ApiRequest &request);
};

} // namespace Notechondria
