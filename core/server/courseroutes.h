// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "routesupport.h"

namespace Notechondria {

/**
 * `courses/` of the local server (upstream §10.2): GET lists the courses (categories); POST creates one, or updates
 * the one with the same client_course_id (200 instead of 201). Titles are unique per user regardless of case, slugs
 * are unique and safe; a rejected request leaves the store unchanged.
 */
class CourseRoutes : public StoreRoutes
{
public:
    using StoreRoutes::StoreRoutes;

    void registerOn(ApiRouter &router) override;

private:
    [[nodiscard]] ApiResponse listCourses(const ApiRequest &request);
    [[nodiscard]] ApiResponse postCourse(const ApiRequest &request);
};

} // namespace Notechondria
