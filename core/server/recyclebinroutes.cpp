// SPDX-License-Identifier: GPL-3.0-or-later
#include "recyclebinroutes.h"

#include "apirouter.h"
#include "entityjson.h"
#include "store.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

} // namespace

void RecycleBinRoutes::registerOn(ApiRouter &router)
{
    router.addRoute(u"notes/deleted"_s, Method::Get, std::bind_front(&RecycleBinRoutes::list, this));
    router.addRoute(u"notes/deleted/empty"_s, Method::Delete, std::bind_front(&RecycleBinRoutes::empty, this));
    router.addRoute(u"notes/<id>/restore"_s, Method::Post, std::bind_front(&RecycleBinRoutes::restore, this));
}

ApiResponse RecycleBinRoutes::list(const ApiRequest &)
{
    Store::NoteQuery query;
    query.onlyDeleted = true;
    auto binned = m_store->noteSummaries(query);
    auto author = m_store->profile();
    if (!binned || !author) {
        return storeFailure(binned ? author.error() : binned.error());
    }
    std::ranges::stable_sort(*binned, [](const NoteSummary &a, const NoteSummary &b) {
        return a.note.deletedAt.value_or(QDateTime()) > b.note.deletedAt.value_or(QDateTime());
    });
    QHash<qint64, std::optional<Course>> courses;
    QJsonArray array;
    for (const NoteSummary &summary : std::as_const(*binned)) {
        std::optional<Course> course;
        if (const auto id = summary.note.courseId) {
            if (!courses.contains(*id)) {
                courses.insert(*id, m_store->course(*id).value_or(std::nullopt));
            }
            course = courses.value(*id);
        }
        QJsonObject object = EntityJson::noteSummary(summary, course, *author);
        object.insert(u"deleted_at"_s, EntityJson::dateTime(summary.note.deletedAt));
        array.append(object);
    }
    return ApiResponse::json(array);
}

ApiResponse RecycleBinRoutes::restore(const ApiRequest &request)
{
    const qint64 id = request.segments.value(1).toLongLong();
    auto note = m_store->note(id);
    if (!note) {
        return storeFailure(note.error());
    }
    if (!*note || !(*note)->deletedAt) {
        return ApiResponse::detail(404, u"Note not restored"_s, u"Core.Server.Notes/restore"_s,
            u"note %1 is not in the recycle bin."_s.arg(id));
    }
    if (auto restored = m_store->restoreNote(id); !restored) {
        return storeFailure(restored.error());
    }
    auto back = m_store->note(id);
    auto author = m_store->profile();
    if (!back || !*back || !author) {
        return storeFailure(!back ? back.error() : !author ? author.error() : Error{});
    }
    const std::optional<Course> course
        = (*back)->courseId ? m_store->course(*(*back)->courseId).value_or(std::nullopt) : std::nullopt;
    return ApiResponse::json(EntityJson::noteDetail(**back, course, *author));
}

ApiResponse RecycleBinRoutes::empty(const ApiRequest &)
{
    auto deleted = m_store->emptyRecycleBin();
    if (!deleted) {
        return storeFailure(deleted.error());
    }
    return ApiResponse::json(QJsonObject{{u"deleted"_s, *deleted}});
}

} // namespace Notechondria
