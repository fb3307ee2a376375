// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "activityroutes.h"
#include "coursedetailroutes.h"
#include "courseroutes.h"
#include "fileroutes.h"
#include "frontpageroutes.h"
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
 * (PlannerRoutes), the recycle bin (RecycleBinRoutes), attachments, covers and /media/ (FileRoutes), note sessions and
 * activity (ActivityRoutes), course detail, reorder and subscriptions (CourseDetailRoutes), notes by uuid
 * (NoteUuidRoutes), version history (NoteHistoryRoutes) and front-page/ (FrontPageRoutes). Every write validates the
 * whole request first and then writes in one transaction, so a rejected request leaves the store unchanged.
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
    FrontPageRoutes m_frontPage;
    FileRoutes m_files;
    ActivityRoutes m_activity;
    CourseDetailRoutes m_courseDetail;
    NoteUuidRoutes m_noteByUuid;
    NoteHistoryRoutes m_history;
};

} // namespace Notechondria
