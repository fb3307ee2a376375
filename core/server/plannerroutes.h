// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "routesupport.h"

namespace Notechondria {

/**
 * The planner endpoints of the local server (upstream §10.4): `planner-events/` (GET lists by date, completed ones
 * only with include_completed; POST creates one, a bare date getting a noon one-hour window) and `calendar-feeds/`
 * (GET lists, POST creates an iCal subscription or snapshot); `planner-events/<id>/` and `calendar-feeds/<id>/` take
 * PATCH (only the named fields change; completing an event without a time takes now) and DELETE (204). A rejected
 * request leaves the store unchanged.
 */
class PlannerRoutes : public StoreRoutes
{
public:
    using StoreRoutes::StoreRoutes;

    void registerOn(ApiRouter &router) override;

private:
    [[nodiscard]] ApiResponse listEvents(const ApiRequest &request);
    [[nodiscard]] ApiResponse postEvent(const ApiRequest &request);
    [[nodiscard]] ApiResponse listFeeds(const ApiRequest &request);
    [[nodiscard]] ApiResponse postFeed(const ApiRequest &request);
    [[nodiscard]] ApiResponse patchEvent(const ApiRequest &request);
    [[nodiscard]] ApiResponse deleteEvent(const ApiRequest &request);
    [[nodiscard]] ApiResponse patchFeed(const ApiRequest &request);
    [[nodiscard]] ApiResponse deleteFeed(const ApiRequest &request);
};

} // namespace Notechondria
