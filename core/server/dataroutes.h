// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "coursedetailroutes.h"
#include "courseroutes.h"
#include "notehistoryroutes.h"
#include "noteroutes.h"
#include "noteuuidroutes.h"
#include "plannerroutes.h"
#include "recyclebinroutes.h"
#include "settingsroutes.h"

#include <functional>

namespace Notechondria {

class ApiRouter;
class Clock;
class Store;

/**
 * The account-data endpoints of the local server, backed by the Store (upstream §10): settings/ (SettingsRoutes),
 * courses/ (CourseRoutes), notes/ and its uploads (NoteRoutes), planner-events/ and calendar-feeds/
 * (PlannerRoutes), the recycle bin (RecycleBinRoutes), course detail, reorder and subscriptions (CourseDetailRoutes),
 * notes by uuid (NoteUuidRoutes) and version history (NoteHistoryRoutes). Every write validates the whole request first
 * and then writes in one transaction, so a rejected request leaves the store unchanged.
 */
class DataRoutes
{
public:
    DataRoutes(Store *store, const Clock *clock, std::function<QString()> apiKeyPrefix);

    void registerOn(ApiRouter &router);

private:
    SettingsRoutes m_settings;
    CourseRoutes m_courses;
    NoteRoutes m_notes;
    PlannerRoutes m_planner;
    RecycleBinRoutes m_bin;
    CourseDetailRoutes m_courseDetail;
    NoteUuidRoutes m_noteByUuid;
    NoteHistoryRoutes m_history;
};

} // namespace Notechondria
