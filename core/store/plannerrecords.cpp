// SPDX-License-Identifier: GPL-3.0-or-later
#include "plannerrecords.h"

#include "storecontext.h"
#include "storesql.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

PlannerEvent readEvent(const QSqlQuery &q)
{
    PlannerEvent e;
    e.id = q.value(0).toLongLong();
    e.title = q.value(1).toString();
    e.eventDate = toDate(q.value(2)).value_or(QDate());
    e.startsAt = toDateTime(q.value(3));
    e.endsAt = toDateTime(q.value(4));
    e.difficultyWeight = q.value(5).toInt();
    e.description = q.value(6).toString();
    e.courseId = toId(q.value(7));
    e.isCompleted = q.value(8).toBool();
    e.completedAt = toDateTime(q.value(9));
    e.recurrenceFreq = q.value(10).toString();
    e.recurrenceInterval = q.value(11).toInt();
    e.recurrenceEndDate = toDate(q.value(12));
    e.recurrenceCount = toInt(q.value(13));
    return e;
}

CalendarFeed readFeed(const QSqlQuery &q)
{
    CalendarFeed f;
    f.id = q.value(0).toLongLong();
    f.title = q.value(1).toString();
    f.sourceKind = q.value(2).toString();
    f.sourceUrl = q.value(3).toString();
    f.rawIcal = q.value(4).toString();
    f.isEnabled = q.value(5).toBool();
    f.courseId = toId(q.value(6));
    f.lastSync = toDateTime(q.value(7));
    f.dateCreated = toDateTime(q.value(8));
    f.lastEdit = toDateTime(q.value(9));
    return f;
}

} // namespace

PlannerRecords::PlannerRecords(StoreContext &context)
    : m_context(context)
{
}

// ---- events --------------------------------------------------------------------------------------------------------

Result<QList<PlannerEvent>> PlannerRecords::events() const
{
    return StoreContext::readAll(
        m_context.exec(u"SELECT id, title, event_date, starts_at, ends_at, difficulty_weight, description, "
                       "course_id, is_completed, completed_at, recurrence_freq, recurrence_interval, "
                       "recurrence_end_date, recurrence_count FROM planner_events ORDER BY id"_s,
            {}, u"Cannot list planner events"_s, u"Core.Store/events"_s),
        readEvent);
}

Result<PlannerEvent> PlannerRecords::saveEvent(PlannerEvent e)
{
    const QString consequence = u"Cannot save planner event"_s;
    const QString process = u"Core.Store/save_event"_s;
    if (!e.eventDate.isValid()) {
        return fail(consequence, process, u"the event has no valid date"_s);
    }
    const auto id = m_context.saveRow(u"planner_events"_s,
        {u"title"_s, u"event_date"_s, u"starts_at"_s, u"ends_at"_s, u"difficulty_weight"_s, u"description"_s,
            u"course_id"_s, u"is_completed"_s, u"completed_at"_s, u"recurrence_freq"_s, u"recurrence_interval"_s,
            u"recurrence_end_date"_s, u"recurrence_count"_s},
        {text(e.title), fromDate(e.eventDate), fromDateTime(e.startsAt), fromDateTime(e.endsAt), e.difficultyWeight,
            text(e.description), fromId(e.courseId), e.isCompleted ? 1 : 0, fromDateTime(e.completedAt),
            text(e.recurrenceFreq), e.recurrenceInterval, fromDate(e.recurrenceEndDate), fromInt(e.recurrenceCount)},
        e.id, u"planner event"_s, consequence, process);
    return StoreContext::withId(id, std::move(e));
}

Result<void> PlannerRecords::deleteEvent(qint64 id)
{
    return m_context.run(u"DELETE FROM planner_events WHERE id = ?"_s, {id}, u"Cannot delete planner event"_s,
        u"Core.Store/delete_event"_s);
}

// ---- feeds ---------------------------------------------------------------------------------------------------------

Result<QList<CalendarFeed>> PlannerRecords::feeds() const
{
    return StoreContext::readAll(
        m_context.exec(u"SELECT id, title, source_kind, source_url, raw_ical, is_enabled, course_id, "
                       "last_sync, date_created, last_edit FROM calendar_feeds ORDER BY id"_s,
            {}, u"Cannot list calendar feeds"_s, u"Core.Store/feeds"_s),
        readFeed);
}

Result<CalendarFeed> PlannerRecords::saveFeed(CalendarFeed f)
{
    const QDateTime now = m_context.now();
    if (!f.dateCreated) {
        f.dateCreated = now;
    }
    if (!f.lastEdit) {
        f.lastEdit = now;
    }
    const auto id = m_context.saveRow(u"calendar_feeds"_s,
        {u"title"_s, u"source_kind"_s, u"source_url"_s, u"raw_ical"_s, u"is_enabled"_s, u"course_id"_s, u"last_sync"_s,
            u"date_created"_s, u"last_edit"_s},
        {text(f.title), text(f.sourceKind), text(f.sourceUrl), text(f.rawIcal), f.isEnabled ? 1 : 0, fromId(f.courseId),
            fromDateTime(f.lastSync), fromDateTime(f.dateCreated), fromDateTime(f.lastEdit)},
        f.id, u"calendar feed"_s, u"Cannot save calendar feed"_s, u"Core.Store/save_feed"_s);
    return StoreContext::withId(id, std::move(f));
}

Result<void> PlannerRecords::deleteFeed(qint64 id)
{
    return m_context.run(u"DELETE FROM calendar_feeds WHERE id = ?"_s, {id}, u"Cannot delete calendar feed"_s,
        u"Core.Store/delete_feed"_s);
}

} // namespace Notechondria
