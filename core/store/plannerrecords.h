// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the planner's events and calendar feeds.
#pragma once

#include "account.h"
#include "error.h"

#include <QList>

namespace Notechondria {

class StoreContext;

/// The planner: rows of the planner_events and calendar_feeds tables, each optionally tied to a course.
class PlannerRecords
{
public:
    /// @p context must outlive the records.
    explicit PlannerRecords(StoreContext &context);

    /// Events ordered by id.
    [[nodiscard]] Result<QList<PlannerEvent>> events() const;
    /// Feeds ordered by id.
    [[nodiscard]] Result<QList<CalendarFeed>> feeds() const;

    /// id 0 inserts, any other id updates that row (failing when there is none); returns the saved row. An event
    /// without a valid date is refused.
    [[nodiscard]] Result<PlannerEvent> saveEvent(PlannerEvent event);
    /// id 0 inserts, any other id updates that row (failing when there is none); returns the saved row. A missing
    /// date_created or last_edit becomes now.
    [[nodiscard]] Result<CalendarFeed> saveFeed(CalendarFeed feed);

    [[nodiscard]] Result<void> deleteEvent(qint64 id);
    [[nodiscard]] Result<void> deleteFeed(qint64 id);

private:
    StoreContext &m_context;
};

} // namespace Notechondria
