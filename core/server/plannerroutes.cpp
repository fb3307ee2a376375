// SPDX-License-Identifier: GPL-3.0-or-later
#include "plannerroutes.h"

#include "apirouter.h"
#include "clock.h"
#include "entityjson.h"
#include "routesupport.h"
#include "store.h"

#include <QJsonArray>
#include <QTimeZone>

#include <expected>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

/// Reads the event fields of a POST into a new event (errors are recorded in `in`).
PlannerEvent readEvent(FieldReader &in)
{
    in.require(u"title"_s);
    in.require(u"event_date"_s);
    PlannerEvent event;
    event.title = in.string(u"title"_s, 120, false).value_or(QString());
    event.eventDate = in.date(u"event_date"_s).value_or(QDate());
    event.startsAt = in.dateTime(u"starts_at"_s);
    event.endsAt = in.dateTime(u"ends_at"_s);
    event.difficultyWeight = static_cast<int>(in.integer(u"difficulty_weight"_s, 1, 4).value_or(1));
    event.description = in.isNull(u"description"_s) ? QString() : in.string(u"description"_s).value_or(QString());
    event.courseId = in.integer(u"course_id"_s, 1);
    event.isCompleted = in.boolean(u"is_completed"_s).value_or(false);
    event.completedAt = in.dateTime(u"completed_at"_s);
    event.recurrenceFreq = in.choice(u"recurrence_freq"_s, {u"N"_s, u"W"_s, u"M"_s, u"Y"_s}).value_or(u"N"_s);
    event.recurrenceInterval = static_cast<int>(in.integer(u"recurrence_interval"_s, 1, 1000).value_or(1));
    event.recurrenceEndDate = in.date(u"recurrence_end_date"_s);
    if (const auto count = in.integer(u"recurrence_count"_s, 1, 10000)) {
        event.recurrenceCount = static_cast<int>(*count);
    }
    if (event.startsAt && event.endsAt && *event.endsAt < *event.startsAt) {
        in.addError(u"ends_at"_s, u"The end must not be before the start."_s);
    }
    return event;
}

/// Reads the feed fields of a POST into a new feed (errors are recorded in `in`).
CalendarFeed readFeed(FieldReader &in)
{
    in.require(u"title"_s);
    CalendarFeed feed;
    feed.title = in.string(u"title"_s, 120, false).value_or(QString());
    feed.sourceKind = in.choice(u"source_kind"_s, {u"I"_s, u"S"_s}).value_or(u"I"_s);
    feed.sourceUrl = in.string(u"source_url"_s, 500).value_or(QString());
    if (!feed.sourceUrl.isEmpty() && !RouteSupport::isHttpUrl(feed.sourceUrl)
        && !feed.sourceUrl.startsWith(u"webcal://"_s, Qt::CaseInsensitive)) {
        in.addError(u"source_url"_s, u"Enter a valid URL."_s);
    }
    feed.rawIcal = in.string(u"raw_ical"_s, BodyLimits::Json).value_or(QString());
    feed.courseId = in.integer(u"course_id"_s, 1);
    feed.isEnabled = in.boolean(u"is_enabled"_s).value_or(true);
    return feed;
}

/// The entity `read` makes of the request's form; an answer when the form is rejected or names a missing course.
template<typename Entity>
std::expected<Entity, ApiResponse> readChecked(
    Store &store, const ApiRequest &request, Entity (*read)(FieldReader &), const QString &consequence)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return std::unexpected(ApiResponse::fromError(form.error()));
    }
    FieldReader in(*form);
    Entity entity = read(in);
    if (!in.ok()) {
        return std::unexpected(in.errorResponse());
    }
    if (auto missing = RouteSupport::checkCourse(store, entity.courseId, consequence)) {
        return std::unexpected(*missing);
    }
    return entity;
}

/// The entities as a JSON array.
template<typename Entity>
ApiResponse listed(const QList<Entity> &entities, QJsonObject (*toJson)(const Entity &))
{
    QJsonArray array;
    for (const Entity &entity : entities) {
        array.append(toJson(entity));
    }
    return ApiResponse::json(array);
}

/// 201 with the saved entity, or 500 when the store did not save it.
template<typename Entity>
ApiResponse created(const Result<Entity> &saved, QJsonObject (*toJson)(const Entity &))
{
    if (!saved) {
        return storeFailure(saved.error());
    }
    return ApiResponse::json(toJson(*saved), 201);
}

} // namespace

void PlannerRoutes::registerOn(ApiRouter &router)
{
    router.addRoute(u"planner-events"_s, Method::Get, std::bind_front(&PlannerRoutes::listEvents, this));
    router.addRoute(u"planner-events"_s, Method::Post, std::bind_front(&PlannerRoutes::postEvent, this));
    router.addRoute(u"calendar-feeds"_s, Method::Get, std::bind_front(&PlannerRoutes::listFeeds, this));
    router.addRoute(u"calendar-feeds"_s, Method::Post, std::bind_front(&PlannerRoutes::postFeed, this));
}

ApiResponse PlannerRoutes::listEvents(const ApiRequest &request)
{
    const auto events = m_store->events();
    if (!events) {
        return storeFailure(events.error());
    }
    const bool includeCompleted = isTruthy(request.queryValue(u"include_completed"_s));
    QList<PlannerEvent> shown;
    for (const PlannerEvent &event : *events) {
        if (includeCompleted || !event.isCompleted) {
            shown.append(event);
        }
    }
    std::ranges::stable_sort(shown, [](const PlannerEvent &a, const PlannerEvent &b) {
        return a.eventDate != b.eventDate ? a.eventDate < b.eventDate : a.title < b.title;
    });
    return listed(shown, EntityJson::event);
}

ApiResponse PlannerRoutes::postEvent(const ApiRequest &request)
{
    auto read = readChecked(*m_store, request, readEvent, u"Event not saved"_s);
    if (!read) {
        return read.error();
    }
    PlannerEvent &event = *read;
    if (!event.startsAt) { // a bare date gets a noon one-hour window
        event.startsAt = QDateTime(event.eventDate, QTime(12, 0), QTimeZone::UTC);
        event.endsAt = event.startsAt->addSecs(3600);
    } else if (!event.endsAt) {
        event.endsAt = event.startsAt->addSecs(3600);
    }
    if (event.isCompleted && !event.completedAt) {
        event.completedAt = m_clock->now();
    }
    return created(m_store->saveEvent(event), EntityJson::event);
}

ApiResponse PlannerRoutes::listFeeds(const ApiRequest &)
{
    const auto feeds = m_store->feeds();
    if (!feeds) {
        return storeFailure(feeds.error());
    }
    return listed(*feeds, EntityJson::feed);
}

ApiResponse PlannerRoutes::postFeed(const ApiRequest &request)
{
    auto read = readChecked(*m_store, request, readFeed, u"Feed not saved"_s);
    if (!read) {
        return read.error();
    }
    CalendarFeed &feed = *read;
    feed.dateCreated = m_clock->now();
    feed.lastEdit = feed.dateCreated;
    return created(m_store->saveFeed(feed), EntityJson::feed);
}

} // namespace Notechondria
