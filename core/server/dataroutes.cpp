// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataroutes.h"

namespace Notechondria {

DataRoutes::DataRoutes(Store *store, const Clock *clock, std::function<QString()> apiKeyPrefix)
    : m_settings(store, clock, std::move(apiKeyPrefix))
    , m_courses(store, clock)
    , m_notes(store, clock)
    , m_planner(store, clock)
    , m_bin(store, clock)
    , m_frontPage(store, clock)
    , m_files(store, clock)
    , m_activity(store, clock)
    , m_courseDetail(store, clock)
    , m_noteByUuid(store, clock, &m_notes)
    , m_history(store, clock)
{
}

void DataRoutes::registerOn(ApiRouter &router)
{
    m_settings.registerOn(router);
    m_courses.registerOn(router);
    m_notes.registerOn(router);
    m_planner.registerOn(router);
    m_bin.registerOn(router);
    m_frontPage.registerOn(router);
    m_files.registerOn(router);
    m_activity.registerOn(router);
    m_courseDetail.registerOn(router);
    m_noteByUuid.registerOn(router);
    m_history.registerOn(router);
}

} // namespace Notechondria
