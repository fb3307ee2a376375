// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "routesupport.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonObject>

#include <expected>

namespace Notechondria {

/// The courses as upstream's CourseSerializer shows them to the single local user, who owns every course.
namespace CourseListing {

/// The course with the user's subscription state (is_subscribed, is_private_subscription, last_opened_at and
/// subscriber_count count only an active subscription) and its recentNotes().
[[nodiscard]] Result<QJsonObject> course(const Store &store, const Course &course, const Profile &owner,
    const std::optional<CourseSubscription> &subscription);
/// The course's five most recently edited live notes in the list shape (CourseSerializer's recent_notes).
[[nodiscard]] Result<QJsonArray> recentNotes(const Store &store, const Course &course, const Profile &owner);
/// Every course in upstream's order (course_sort_key): the reordered ones by sort_order, then the subscribed ones by
/// when they were last opened (or subscribed to), newest first, then the rest; title (case-insensitive) within each.
[[nodiscard]] Result<QJsonArray> all(const Store &store);

} // namespace CourseListing

/**
 * The course endpoints beyond list and create (upstream `CourseDetailApiView` and its neighbours):
 * `courses/<id>/` GET, PATCH (title, description, icon; a duplicate title is refused), DELETE (the course's notes,
 * events and feeds stay, uncategorized); `courses/<id>/notes/` (its live notes, newest first, in the list shape);
 * `courses/reorder/` (`course_ids` → sort_order 1, 2, …, kept in the store); the subscription calls
 * `courses/<id>/subscribe/` (POST, DELETE), `subscribe-private/`, `open/` as the local user makes them; and
 * `admin/template-courses/restore/`, which creates the three template courses when they are missing.
 */
class CourseDetailRoutes : public StoreRoutes
{
public:
    using StoreRoutes::StoreRoutes;

    void registerOn(ApiRouter &router) override;

private:
    [[nodiscard]] ApiResponse getCourse(const ApiRequest &request);
    [[nodiscard]] ApiResponse patchCourse(const ApiRequest &request);
    [[nodiscard]] ApiResponse deleteCourse(const ApiRequest &request);
    [[nodiscard]] ApiResponse courseNotes(const ApiRequest &request);
    [[nodiscard]] ApiResponse reorder(const ApiRequest &request);
    [[nodiscard]] ApiResponse subscribe(bool isPrivate, const ApiRequest &request);
    [[nodiscard]] ApiResponse unsubscribe(const ApiRequest &request);
    [[nodiscard]] ApiResponse open(const ApiRequest &request);
    [[nodiscard]] ApiResponse restoreTemplates(const ApiRequest &request);

    /// The course named by the path's <id>, or the answer (404, or 500 when the store fails).
    [[nodiscard]] std::expected<Course, ApiResponse> pathCourse(const ApiRequest &request, const QString &consequence);
    /// The local user's subscription to @p courseId (nullopt: none, active or not), or a 500 answer.
    [[nodiscard]] std::expected<std::optional<CourseSubscription>, ApiResponse> subscriptionOf(qint64 courseId);
    /// The course (re-read) in the CourseSerializer shape with its subscription state.
    [[nodiscard]] ApiResponse courseAnswer(qint64 courseId, int status = 200);
    /// The active subscription of the path's course, or a 404 answer naming @p consequence.
    [[nodiscard]] std::expected<CourseSubscription, ApiResponse> activeSubscription(
        const ApiRequest &request, const QString &consequence);
};

} // namespace Notechondria
