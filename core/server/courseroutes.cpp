// SPDX-License-Identifier: GPL-3.0-or-later
#include "courseroutes.h"

#include "apirouter.h"
#include "clock.h"
#include "coursedetailroutes.h"
#include "routesupport.h"
#include "store.h"

#include <QJsonArray>

#include <expected>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

const QString createConsequence = u"Cannot create category"_s;
const QString createModule = u"Core.Server.Courses/create"_s;

/// The validated fields of a POST.
struct Fields
{
    QString title;
    std::optional<QString> clientId;
    std::optional<QString> description;
    std::optional<qint64> icon;
    bool hasIcon = false;
    std::optional<QString> slug;
};

/// The course a POST writes and its status: the one with the same client id (200), or a new one (201).
struct Target
{
    Course course;
    int status = 201;
};

std::expected<Fields, ApiResponse> readFields(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return std::unexpected(ApiResponse::fromError(form.error()));
    }
    FieldReader in(*form);
    in.require(u"title"_s);
    Fields fields;
    const auto title = in.string(u"title"_s, 120, false);
    fields.clientId = in.string(u"client_course_id"_s, 64);
    fields.description = in.isNull(u"description"_s) ? std::optional<QString>(QString()) : in.string(u"description"_s);
    fields.icon = in.integer(u"icon"_s, 0, 0x10FFFF);
    fields.hasIcon = in.has(u"icon"_s);
    fields.slug = in.string(u"slug"_s, 100);
    if (fields.slug && !fields.slug->isEmpty() && !Store::isSafeSlug(*fields.slug)) {
        in.addError(u"slug"_s, u"Enter a valid slug: lowercase letters, digits, '.', '_' or '-', no '..'."_s);
    }
    if (!in.ok()) {
        return std::unexpected(in.errorResponse());
    }
    fields.title = *title;
    return fields;
}

std::expected<Target, ApiResponse> findTarget(Store &store, const Fields &fields)
{
    Target target;
    if (fields.clientId && !fields.clientId->isEmpty()) {
        const auto existing = store.courseByClientId(*fields.clientId);
        if (!existing) {
            return std::unexpected(storeFailure(existing.error()));
        }
        if (*existing) {
            target = Target{**existing, 200};
        }
    }
    return target;
}

/// 400 when another course has the title (or, for a new course, the slug); 500 when the store fails.
std::optional<ApiResponse> conflict(Store &store, const Target &target, const Fields &fields)
{
    const auto all = store.courses();
    if (!all) {
        return storeFailure(all.error());
    }
    for (const Course &other : *all) {
        if (other.id != target.course.id && other.title.compare(fields.title, Qt::CaseInsensitive) == 0) {
            return ApiResponse::detail(400, createConsequence, createModule,
                u"a category named '%1' already exists for this user."_s.arg(fields.title));
        }
        if (target.status == 201 && fields.slug && other.slug == *fields.slug) {
            return ApiResponse::detail(
                400, createConsequence, createModule, u"the slug '%1' is already taken."_s.arg(*fields.slug));
        }
    }
    return std::nullopt;
}

void apply(const Fields &fields, Target &target, const QDateTime &now)
{
    Course &course = target.course;
    course.title = fields.title;
    if (fields.description) {
        course.description = *fields.description;
    }
    if (fields.hasIcon) {
        course.icon = fields.icon ? std::optional<int>(static_cast<int>(*fields.icon)) : std::nullopt;
    }
    if (target.status == 201) {
        course.clientCourseId = fields.clientId.value_or(QString());
        course.slug = fields.slug.value_or(QString());
        course.dateCreated = now;
    }
    course.lastEdit = now;
}

} // namespace

void CourseRoutes::registerOn(ApiRouter &router)
{
    router.addRoute(u"courses"_s, Method::Get, std::bind_front(&CourseRoutes::listCourses, this));
    router.addRoute(u"courses"_s, Method::Post, std::bind_front(&CourseRoutes::postCourse, this));
}

ApiResponse CourseRoutes::listCourses(const ApiRequest &)
{
    const auto courses = CourseListing::all(*m_store);
    return courses ? ApiResponse::json(*courses) : storeFailure(courses.error());
}

ApiResponse CourseRoutes::postCourse(const ApiRequest &request)
{
    const auto fields = readFields(request);
    if (!fields) {
        return fields.error();
    }
    auto target = findTarget(*m_store, *fields);
    if (!target) {
        return target.error();
    }
    if (auto rejected = conflict(*m_store, *target, *fields)) {
        return *rejected;
    }
    apply(*fields, *target, m_clock->now());
    const auto saved = m_store->saveCourse(target->course);
    if (!saved) {
        return ApiResponse::fromError(saved.error().withConsequence(createConsequence), 400);
    }
    const auto profile = m_store->profile();
    const auto subscriptions = m_store->courseSubscriptions();
    if (!profile || !subscriptions) {
        return storeFailure(!profile ? profile.error() : subscriptions.error());
    }
    const auto subscription = subscriptions->constFind(saved->id);
    const auto object = CourseListing::course(*m_store, *saved, *profile,
        subscription != subscriptions->constEnd() ? std::optional(*subscription) : std::nullopt);
    return object ? ApiResponse::json(*object, target->status) : storeFailure(object.error());
}

} // namespace Notechondria
