// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursedetailroutes.h"

#include "apirouter.h"
#include "clock.h"
#include "entityjson.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

const QString updateConsequence = u"Cannot update category"_s;
const QString updateModule = u"Core.Server.Courses/update"_s;

/// A template course of upstream's sample catalog (bootstrap_platform): slug and title as upstream has them.
struct Template
{
    QString slug;
    QString title;
    QString description;
};

QList<Template> templates()
{
    return {
        {u"vibe-coding-101"_s, u"Vibe Coding 101"_s, u"A starter course: building software with an AI assistant."_s},
        {u"meaning-of-work-in-age-of-ai"_s, u"Meaning of Work in Age of AI"_s,
            u"A seminar course on work, dignity and meaning as AI changes how value is made."_s},
        {u"self-identity-and-expression-in-modern-arts"_s, u"Self-identity and Expression in Modern Arts"_s,
            u"A humanities course on identity, performance and expression in modern art."_s},
    };
}

/// upstream's course_sort_key: (group, value) with the lowercase title after them.
struct SortKey
{
    int group = 3;
    qint64 value = 0;
    QString title;

    auto operator<=>(const SortKey &) const = default;
};

SortKey sortKey(const Course &course, const std::optional<CourseSubscription> &subscription)
{
    if (course.sortOrder != 0) {
        return {1, course.sortOrder, course.title.toLower()};
    }
    if (subscription && subscription->isActive) {
        const QDateTime opened = subscription->lastOpenedAt.value_or(subscription->subscribedAt.value_or(QDateTime()));
        return {2, -opened.toMSecsSinceEpoch(), course.title.toLower()};
    }
    return {3, 0, course.title.toLower()};
}

/// The ids of a `course_ids` list: integers or integer texts, each once; nullopt when it is not a list.
std::optional<QList<qint64>> readCourseIds(const QJsonValue &value)
{
    if (!value.isArray()) {
        return std::nullopt;
    }
    QList<qint64> ids;
    for (const QJsonValue item : value.toArray()) {
        bool ok = false;
        qint64 id = 0;
        if (item.isDouble() && item.toDouble() == std::floor(item.toDouble())) {
            id = static_cast<qint64>(item.toDouble());
            ok = true;
        } else if (item.isString()) {
            id = item.toString().trimmed().toLongLong(&ok);
        }
        if (ok && !ids.contains(id)) { // garbage entries are skipped, as upstream does
            ids.append(id);
        }
    }
    return ids;
}

/// The validated fields of a PATCH (all optional).
struct Patch
{
    std::optional<QString> title;
    std::optional<QString> description;
    bool hasIcon = false;
    std::optional<qint64> icon;
};

std::expected<Patch, ApiResponse> readPatch(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return std::unexpected(ApiResponse::fromError(form.error()));
    }
    FieldReader in(*form);
    Patch patch;
    patch.title = in.string(u"title"_s, 120, false);
    patch.description = in.isNull(u"description"_s) ? std::optional<QString>(QString()) : in.string(u"description"_s);
    (void)in.string(u"client_course_id"_s, 64); // validated as upstream does; a PATCH does not change it
    patch.icon = in.integer(u"icon"_s, 0, 0x10FFFF);
    patch.hasIcon = in.has(u"icon"_s);
    if (!in.ok()) {
        return std::unexpected(in.errorResponse());
    }
    if (patch.title) {
        patch.title = patch.title->trimmed();
    }
    return patch;
}

} // namespace

Result<QJsonArray> CourseListing::recentNotes(const Store &store, const Course &course, const Profile &owner)
{
    Store::NoteQuery query;
    query.courseId = course.id;
    query.limit = 5;
    const auto notes = store.noteSummaries(query);
    if (!notes) {
        return std::unexpected(notes.error());
    }
    QJsonArray array;
    for (const NoteSummary &summary : *notes) {
        array.append(EntityJson::noteSummary(summary, course, owner));
    }
    return array;
}

Result<QJsonObject> CourseListing::course(const Store &store, const Course &course, const Profile &owner,
    const std::optional<CourseSubscription> &subscription)
{
    const auto recent = recentNotes(store, course, owner);
    if (!recent) {
        return std::unexpected(recent.error());
    }
    QJsonObject object = EntityJson::course(course, owner);
    object.insert(u"recent_notes"_s, *recent);
    const bool active = subscription && subscription->isActive;
    object.insert(u"is_subscribed"_s, active);
    object.insert(u"is_private_subscription"_s, active && subscription->isPrivate);
    object.insert(u"subscriber_count"_s, active ? 1 : 0);
    object.insert(
        u"last_opened_at"_s, active ? EntityJson::dateTime(subscription->lastOpenedAt) : QJsonValue(QJsonValue::Null));
    return object;
}

Result<QJsonArray> CourseListing::all(const Store &store)
{
    auto courses = store.courses();
    const auto profile = store.profile();
    const auto subscriptions = store.courseSubscriptions();
    if (!courses || !profile || !subscriptions) {
        return std::unexpected(!courses ? courses.error() : !profile ? profile.error() : subscriptions.error());
    }
    QList<std::pair<SortKey, qsizetype>> order;
    for (qsizetype i = 0; i < courses->size(); ++i) {
        const Course &course = courses->at(i);
        order.append({sortKey(course, subscriptions->value(course.id)), i});
    }
    std::ranges::stable_sort(order, {}, &std::pair<SortKey, qsizetype>::first);
    QJsonArray array;
    for (const auto &[key, index] : std::as_const(order)) {
        const Course &entry = courses->at(index);
        const auto subscription = subscriptions->constFind(entry.id);
        const auto object = CourseListing::course(store, entry, *profile,
            subscription != subscriptions->constEnd() ? std::optional(*subscription) : std::nullopt);
        if (!object) {
            return std::unexpected(object.error());
        }
        array.append(*object);
    }
    return array;
}

void CourseDetailRoutes::registerOn(ApiRouter &router)
{
    const auto bind = [this](auto method) {
        return std::bind_front(method, this);
    };
    router.addRoute(u"courses/reorder"_s, Method::Post, bind(&CourseDetailRoutes::reorder));
    router.addRoute(u"courses/<id>"_s, Method::Get, bind(&CourseDetailRoutes::getCourse));
    router.addRoute(u"courses/<id>"_s, Method::Patch, bind(&CourseDetailRoutes::patchCourse));
    router.addRoute(u"courses/<id>"_s, Method::Delete, bind(&CourseDetailRoutes::deleteCourse));
    router.addRoute(u"courses/<id>/notes"_s, Method::Get, bind(&CourseDetailRoutes::courseNotes));
    router.addRoute(
        u"courses/<id>/subscribe"_s, Method::Post, std::bind_front(&CourseDetailRoutes::subscribe, this, false));
    router.addRoute(
        u"courses/<id>/subscribe-private"_s, Method::Post, std::bind_front(&CourseDetailRoutes::subscribe, this, true));
    router.addRoute(u"courses/<id>/subscribe"_s, Method::Delete, bind(&CourseDetailRoutes::unsubscribe));
    router.addRoute(u"courses/<id>/open"_s, Method::Post, bind(&CourseDetailRoutes::open));
    router.addRoute(u"admin/template-courses/restore"_s, Method::Post, bind(&CourseDetailRoutes::restoreTemplates));
}

std::expected<Course, ApiResponse> CourseDetailRoutes::pathCourse(const ApiRequest &request, const QString &consequence)
{
    const qint64 id = request.segments.value(1).toLongLong();
    auto course = m_store->course(id);
    if (!course) {
        return std::unexpected(storeFailure(course.error()));
    }
    if (!*course) {
        return std::unexpected(ApiResponse::detail(
            404, consequence, u"Core.Server.Courses/lookup"_s, u"category %1 does not exist."_s.arg(id)));
    }
    return std::move(**course);
}

std::expected<std::optional<CourseSubscription>, ApiResponse> CourseDetailRoutes::subscriptionOf(qint64 courseId)
{
    const auto subscriptions = m_store->courseSubscriptions();
    if (!subscriptions) {
        return std::unexpected(storeFailure(subscriptions.error()));
    }
    const auto found = subscriptions->constFind(courseId);
    return found != subscriptions->constEnd() ? std::optional(*found) : std::nullopt;
}

ApiResponse CourseDetailRoutes::courseAnswer(qint64 courseId, int status)
{
    const auto course = m_store->course(courseId);
    const auto profile = m_store->profile();
    if (!course || !profile) {
        return storeFailure(!course ? course.error() : profile.error());
    }
    if (!*course) {
        return ApiResponse::detail(500, u"Category not shown"_s, u"Core.Server.Courses/detail"_s,
            u"category %1 vanished after it was saved."_s.arg(courseId));
    }
    const auto subscription = subscriptionOf(courseId);
    if (!subscription) {
        return subscription.error();
    }
    const auto object = CourseListing::course(*m_store, **course, *profile, *subscription);
    return object ? ApiResponse::json(*object, status) : storeFailure(object.error());
}

ApiResponse CourseDetailRoutes::getCourse(const ApiRequest &request)
{
    const auto course = pathCourse(request, u"Category not shown"_s);
    return course ? courseAnswer(course->id) : course.error();
}

ApiResponse CourseDetailRoutes::patchCourse(const ApiRequest &request)
{
    const auto patch = readPatch(request);
    if (!patch) {
        return patch.error();
    }
    auto course = pathCourse(request, updateConsequence);
    if (!course) {
        return course.error();
    }
    if (patch->title && *patch->title != course->title) {
        const auto all = m_store->courses();
        if (!all) {
            return storeFailure(all.error());
        }
        const bool taken = std::ranges::any_of(*all, [&](const Course &other) {
            return other.id != course->id && other.title.compare(*patch->title, Qt::CaseInsensitive) == 0;
        });
        if (taken) {
            return ApiResponse::detail(
                400, updateConsequence, updateModule, u"a category named '%1' already exists."_s.arg(*patch->title));
        }
        course->title = *patch->title;
    }
    if (patch->description) {
        course->description = *patch->description;
    }
    if (patch->hasIcon) {
        course->icon = patch->icon ? std::optional<int>(static_cast<int>(*patch->icon)) : std::nullopt;
    }
    course->lastEdit = m_clock->now();
    const auto saved = m_store->saveCourse(*course);
    if (!saved) {
        return ApiResponse::fromError(saved.error().withConsequence(updateConsequence), 400);
    }
    return courseAnswer(saved->id);
}

ApiResponse CourseDetailRoutes::deleteCourse(const ApiRequest &request)
{
    const auto course = pathCourse(request, u"Cannot delete category"_s);
    if (!course) {
        return course.error();
    }
    // The foreign keys keep the course's notes, events and feeds, uncategorized (course_id = null), as upstream's
    // on_delete=SET_NULL does; nothing goes to the recycle bin.
    if (const auto deleted = m_store->deleteCourse(course->id); !deleted) {
        return storeFailure(deleted.error());
    }
    return ApiResponse{204, {}, "application/json"};
}

ApiResponse CourseDetailRoutes::courseNotes(const ApiRequest &request)
{
    const auto course = pathCourse(request, u"Category notes not shown"_s);
    if (!course) {
        return course.error();
    }
    Store::NoteQuery query;
    query.courseId = course->id;
    const auto notes = m_store->noteSummaries(query);
    const auto profile = m_store->profile();
    if (!notes || !profile) {
        return storeFailure(!notes ? notes.error() : profile.error());
    }
    QJsonArray array;
    for (const NoteSummary &summary : *notes) {
        array.append(EntityJson::noteSummary(summary, *course, *profile));
    }
    return ApiResponse::json(array);
}

ApiResponse CourseDetailRoutes::reorder(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    const auto ids = readCourseIds(form->fields.value(u"course_ids"_s));
    if (!ids) {
        return ApiResponse::detail(400, u"Courses not reordered"_s, u"Core.Server.Courses/reorder"_s,
            u"`course_ids` must be a list of integers."_s);
    }
    const auto known = m_store->courses();
    if (!known) {
        return storeFailure(known.error());
    }
    QList<qint64> order;
    for (const qint64 id : *ids) {
        if (std::ranges::any_of(*known, [id](const Course &course) { return course.id == id; })) {
            order.append(id);
        }
    }
    if (const auto done = m_store->reorderCourses(order); !done) {
        return storeFailure(done.error());
    }
    const auto all = CourseListing::all(*m_store);
    return all ? ApiResponse::json(*all) : storeFailure(all.error());
}

ApiResponse CourseDetailRoutes::subscribe(bool isPrivate, const ApiRequest &request)
{
    const auto course = pathCourse(request, u"Cannot subscribe to category"_s);
    if (!course) {
        return course.error();
    }
    const auto existing = subscriptionOf(course->id);
    if (!existing) {
        return existing.error();
    }
    CourseSubscription subscription;
    subscription.courseId = course->id;
    if (*existing) {
        subscription = **existing;
    }
    subscription.isActive = true;
    subscription.isPrivate = isPrivate;
    subscription.subscribedAt = m_clock->now();
    if (const auto saved = m_store->saveCourseSubscription(subscription); !saved) {
        return storeFailure(saved.error());
    }
    return courseAnswer(course->id);
}

std::expected<CourseSubscription, ApiResponse> CourseDetailRoutes::activeSubscription(
    const ApiRequest &request, const QString &consequence)
{
    const auto course = pathCourse(request, consequence);
    if (!course) {
        return std::unexpected(course.error());
    }
    const auto subscription = subscriptionOf(course->id);
    if (!subscription) {
        return std::unexpected(subscription.error());
    }
    if (!*subscription || !(*subscription)->isActive) {
        return std::unexpected(ApiResponse::detail(404, consequence, u"Core.Server.Courses/subscription"_s,
            u"category %1 has no active subscription."_s.arg(course->id)));
    }
    return **subscription;
}

ApiResponse CourseDetailRoutes::unsubscribe(const ApiRequest &request)
{
    auto subscription = activeSubscription(request, u"Cannot unsubscribe from category"_s);
    if (!subscription) {
        return subscription.error();
    }
    subscription->isActive = false;
    if (const auto saved = m_store->saveCourseSubscription(*subscription); !saved) {
        return storeFailure(saved.error());
    }
    return courseAnswer(subscription->courseId);
}

ApiResponse CourseDetailRoutes::open(const ApiRequest &request)
{
    auto subscription = activeSubscription(request, u"Cannot open category"_s);
    if (!subscription) {
        return subscription.error();
    }
    subscription->lastOpenedAt = m_clock->now();
    if (const auto saved = m_store->saveCourseSubscription(*subscription); !saved) {
        return storeFailure(saved.error());
    }
    return courseAnswer(subscription->courseId);
}

ApiResponse CourseDetailRoutes::restoreTemplates(const ApiRequest &)
{
    const auto existing = m_store->courses();
    if (!existing) {
        return storeFailure(existing.error());
    }
    QStringList log;
    const QDateTime now = m_clock->now();
    for (const Template &item : templates()) {
        const bool present = std::ranges::any_of(*existing, [&](const Course &course) {
            return course.slug == item.slug || course.title.compare(item.title, Qt::CaseInsensitive) == 0;
        });
        if (present) {
            log.append(u"Kept template course '%1'."_s.arg(item.title));
            continue;
        }
        Course course;
        course.slug = item.slug;
        course.title = item.title;
        course.description = item.description;
        course.dateCreated = now;
        course.lastEdit = now;
        if (const auto saved = m_store->saveCourse(course); !saved) {
            return storeFailure(saved.error());
        }
        log.append(u"Created template course '%1'."_s.arg(item.title));
    }
    const auto all = CourseListing::all(*m_store);
    if (!all) {
        return storeFailure(all.error());
    }
    return ApiResponse::json(QJsonObject{{u"message"_s, u"Template courses restored."_s},
        {u"log"_s, QString(log.join(u'\n') + u'\n')}, {u"courses"_s, *all}});
}

} // namespace Notechondria
