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

/// A PATCH of an event: only the fields the request names change (errors are recorded in `in`).
void patchEvent(FieldReader &in, PlannerEvent &event)
{
    if (const auto title = in.string(u"title"_s, 120, false))
        event.title = *title;
    if (const auto date = in.date(u"event_date"_s))
        event.eventDate = *date;
    if (in.has(u"starts_at"_s))
        event.startsAt = in.dateTime(u"starts_at"_s);
    if (in.has(u"ends_at"_s))
        event.endsAt = in.dateTime(u"ends_at"_s);
    if (const auto weight = in.integer(u"difficulty_weight"_s, 1, 4))
        event.difficultyWeight = static_cast<int>(*weight);
    if (in.has(u"description"_s))
        event.description = in.isNull(u"description"_s) ? QString() : in.string(u"description"_s).value_or(QString());
    if (in.has(u"course_id"_s))
        event.courseId = in.isNull(u"course_id"_s) ? std::nullopt : in.integer(u"course_id"_s, 1);
    if (const auto completed = in.boolean(u"is_completed"_s))
        event.isCompleted = *completed;
    if (in.has(u"completed_at"_s))
        event.completedAt = in.dateTime(u"completed_at"_s);
    if (const auto freq = in.choice(u"recurrence_freq"_s, {u"N"_s, u"W"_s, u"M"_s, u"Y"_s}))
        event.recurrenceFreq = *freq;
    if (const auto interval = in.integer(u"recurrence_interval"_s, 1, 1000))
        event.recurrenceInterval = static_cast<int>(*interval);
    if (in.has(u"recurrence_end_date"_s))
        event.recurrenceEndDate = in.date(u"recurrence_end_date"_s);
    if (in.has(u"recurrence_count"_s)) {
        const auto count = in.integer(u"recurrence_count"_s, 1, 10000);
        event.recurrenceCount = count ? std::optional<int>(static_cast<int>(*count)) : std::nullopt;
    }
    if (event.startsAt && event.endsAt && *event.endsAt < *event.startsAt)
        in.addError(u"ends_at"_s, u"The end must not be before the start."_s);
}

/// A PATCH of a feed: only the fields the request names change (errors are recorded in `in`).
void patchFeed(FieldReader &in, CalendarFeed &feed)
{
    if (const auto title = in.string(u"title"_s, 120, false))
        feed.title = *title;
    if (const auto kind = in.choice(u"source_kind"_s, {u"I"_s, u"S"_s}))
        feed.sourceKind = *kind;
    if (const auto url = in.string(u"source_url"_s, 500)) {
        if (!url->isEmpty() && !RouteSupport::isHttpUrl(*url) && !url->startsWith(u"webcal://"_s, Qt::CaseInsensitive))
            in.addError(u"source_url"_s, u"Enter a valid URL."_s);
        feed.sourceUrl = *url;
    }
    if (const auto ical = in.string(u"raw_ical"_s, BodyLimits::Json))
        feed.rawIcal = *ical;
    if (in.has(u"course_id"_s))
        feed.courseId = in.isNull(u"course_id"_s) ? std::nullopt : in.integer(u"course_id"_s, 1);
    if (const auto enabled = in.boolean(u"is_enabled"_s))
        feed.isEnabled = *enabled;
}

/// The entity with @p id among @p all, or a 404 answer.
template<typename Entity>
std::expected<Entity, ApiResponse> findById(const Result<QList<Entity>> &all, qint64 id, const QString &consequence)
{
    if (!all) {
        return std::unexpected(storeFailure(all.error()));
    }
    const auto found = std::ranges::find_if(*all, [id](const Entity &entity) { return entity.id == id; });
    if (found == all->end()) {
        return std::unexpected(
            ApiResponse::detail(404, consequence, u"Core.Server.Planner/find"_s, u"there is no item %1."_s.arg(id)));
    }
    return *found;
}

/// A PATCH: @p patch applied to the stored entity, checked, saved; the saved entity as JSON.
template<typename Entity>
ApiResponse patched(Store &store, const ApiRequest &request, std::expected<Entity, ApiResponse> entity,
    void (*patch)(FieldReader &, Entity &), Result<Entity> (Store::*save)(Entity),
    QJsonObject (*toJson)(const Entity &), const QString &consequence)
{
    if (!entity) {
        return entity.error();
    }
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    patch(in, *entity);
    if (!in.ok()) {
        return in.errorResponse();
    }
    if (auto missing = RouteSupport::checkCourse(store, entity->courseId, consequence)) {
        return *missing;
    }
    const Result<Entity> saved = (store.*save)(*entity);
    if (!saved) {
        return storeFailure(saved.error());
    }
    return ApiResponse::json(toJson(*saved));
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
    router.addRoute(u"planner-events/<id>"_s, Method::Patch, std::bind_front(&PlannerRoutes::patchEvent, this));
    router.addRoute(u"planner-events/<id>"_s, Method::Delete, std::bind_front(&PlannerRoutes::deleteEvent, this));
    router.addRoute(u"calendar-feeds/<id>"_s, Method::Patch, std::bind_front(&PlannerRoutes::patchFeed, this));
    router.addRoute(u"calendar-feeds/<id>"_s, Method::Delete, std::bind_front(&PlannerRoutes::deleteFeed, this));
}

ApiResponse PlannerRoutes::patchEvent(const ApiRequest &request)
{
    const QString consequence = u"Event not saved"_s;
    auto event = findById(m_store->events(), request.segments.value(1).toLongLong(), consequence);
    // Completing without a time takes now, as a POST does.
    const auto form = RequestForm::read(request);
    const bool completesNow = event && form && !event->isCompleted && form->fields.value(u"is_completed"_s).toBool()
        && !form->fields.contains(u"completed_at"_s);
    if (completesNow) {
        event->completedAt = m_clock->now();
    }
    return patched<PlannerEvent>(
        *m_store, request, event, ::Notechondria::patchEvent, &Store::saveEvent, EntityJson::event, consequence);
}

ApiResponse PlannerRoutes::deleteEvent(const ApiRequest &request)
{
    const qint64 id = request.segments.value(1).toLongLong();
    if (auto event = findById(m_store->events(), id, u"Event not deleted"_s); !event) {
        return event.error();
    }
    if (auto deleted = m_store->deleteEvent(id); !deleted) {
        return storeFailure(deleted.error());
    }
    return ApiResponse{204, {}, "application/json"};
}

ApiResponse PlannerRoutes::patchFeed(const ApiRequest &request)
{
    const QString consequence = u"Feed not saved"_s;
    auto feed = findById(m_store->feeds(), request.segments.value(1).toLongLong(), consequence);
    if (feed) {
        feed->lastEdit = m_clock->now();
    }
    return patched<CalendarFeed>(
        *m_store, request, feed, ::Notechondria::patchFeed, &Store::saveFeed, EntityJson::feed, consequence);
}

ApiResponse PlannerRoutes::deleteFeed(const ApiRequest &request)
{
    const qint64 id = request.segments.value(1).toLongLong();
    if (auto feed = findById(m_store->feeds(), id, u"Feed not deleted"_s); !feed) {
        return feed.error();
    }
    if (auto deleted = m_store->deleteFeed(id); !deleted) {
        return storeFailure(deleted.error());
    }
    return ApiResponse{204, {}, "application/json"};
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
