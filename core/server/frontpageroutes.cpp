// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontpageroutes.h"

#include "apirouter.h"
#include "entityjson.h"
#include "store.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {
constexpr int shown = 6;
} // namespace

void FrontPageRoutes::registerOn(ApiRouter &router)
{
    router.addRoute(u"front-page"_s, QHttpServerRequest::Method::Get,
        std::bind_front(&FrontPageRoutes::frontPage, this), ApiRouter::Access::Public);
}

ApiResponse FrontPageRoutes::frontPage(const ApiRequest &request)
{
    const auto courses = m_store->courses();
    const auto owner = m_store->profile();
    if (!courses || !owner) {
        return storeFailure(courses ? owner.error() : courses.error());
    }
    QJsonObject page{{u"default_course"_s, QJsonValue::Null}, {u"recent_notes"_s, QJsonArray()}};
    QJsonArray collections;
    for (const Course &course : courses->first(std::min<qsizetype>(shown, courses->size()))) {
        collections.append(EntityJson::course(course, *owner));
    }
    page.insert(u"collections"_s, collections);
    if (courses->isEmpty()) {
        return ApiResponse::json(page);
    }
    const Course &first = courses->first();
    Store::NoteQuery query;
    query.courseId = first.id;
    query.limit = shown;
    if (!request.authenticated) {
        query.isPublic = true; // a caller without the key sees what the account published, nothing more
    }
    const auto recent = m_store->noteSummaries(query);
    if (!recent) {
        return storeFailure(recent.error());
    }
    QJsonArray notes;
    for (const NoteSummary &summary : *recent) {
        notes.append(EntityJson::noteSummary(summary, first, *owner));
    }
    page.insert(u"default_course"_s, EntityJson::course(first, *owner));
    page.insert(u"recent_notes"_s, notes);
    return ApiResponse::json(page);
}

} // namespace Notechondria
