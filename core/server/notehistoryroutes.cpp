// SPDX-License-Identifier: GPL-3.0-or-later
#include "notehistoryroutes.h"

#include "apirouter.h"
#include "entityjson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

/// The longest reason a snapshot takes (upstream's column is a short text).
constexpr qsizetype maxReasonLength = 64;

/// upstream's version_label: the autosave reasons by name, any other by its local date and time.
QString label(const NoteVersion &version)
{
    const QString reason = version.reason.toLower();
    if (reason == u"autosave_1m"_s) {
        return u"AutoSave-1m"_s;
    }
    if (reason == u"autosave_10m"_s) {
        return u"AutoSave-10m"_s;
    }
    if (reason == u"autosave_1h"_s) {
        return u"AutoSave-1h"_s;
    }
    return version.dateCreated.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

/// NoteVersionSerializer.
QJsonObject versionJson(const NoteVersion &version)
{
    return {
        {u"id"_s, version.id},
        {u"title"_s, version.title},
        {u"description"_s, version.description},
        {u"content"_s, version.content},
        {u"metadata_json"_s, version.metadataJson},
        {u"editor_mode"_s, version.editorMode},
        {u"reason"_s, version.reason},
        {u"label"_s, label(version)},
        {u"date_created"_s, EntityJson::dateTime(version.dateCreated)},
    };
}

} // namespace

void NoteHistoryRoutes::registerOn(ApiRouter &router)
{
    router.addRoute(u"notes/<id>/history"_s, Method::Get, std::bind_front(&NoteHistoryRoutes::history, this));
    router.addRoute(u"notes/<id>/snapshot"_s, Method::Post, std::bind_front(&NoteHistoryRoutes::snapshot, this));
    router.addRoute(u"notes/<id>/restore/<id>"_s, Method::Post, std::bind_front(&NoteHistoryRoutes::restore, this));
}

std::expected<Note, ApiResponse> NoteHistoryRoutes::liveNote(const ApiRequest &request, const QString &consequence)
{
    const qint64 id = request.segments.value(1).toLongLong();
    auto note = m_store->note(id);
    if (!note) {
        return std::unexpected(storeFailure(note.error()));
    }
    if (!*note || (*note)->deletedAt) {
        return std::unexpected(ApiResponse::detail(
            404, consequence, u"Core.Server.Notes/history"_s, u"note %1 does not exist."_s.arg(id)));
    }
    return std::move(**note);
}

ApiResponse NoteHistoryRoutes::history(const ApiRequest &request)
{
    const auto note = liveNote(request, u"Cannot view note history"_s);
    if (!note) {
        return note.error();
    }
    const auto versions = m_store->noteVersions(note->id);
    if (!versions) {
        return storeFailure(versions.error());
    }
    QJsonArray array;
    for (const NoteVersion &version : *versions) {
        array.append(versionJson(version));
    }
    return ApiResponse::json(array);
}

ApiResponse NoteHistoryRoutes::snapshot(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    const QString reason = in.string(u"reason"_s, maxReasonLength, false).value_or(u"manual"_s);
    if (!in.ok()) {
        return in.errorResponse();
    }
    const auto note = liveNote(request, u"Cannot snapshot note"_s);
    if (!note) {
        return note.error();
    }
    const auto version = m_store->snapshotNote(note->id, reason.trimmed());
    if (!version || !*version) {
        return storeFailure(version ? Error{} : version.error());
    }
    return ApiResponse::json(versionJson(**version), 201);
}

ApiResponse NoteHistoryRoutes::restore(const ApiRequest &request)
{
    const QString consequence = u"Cannot restore note version"_s;
    const auto note = liveNote(request, consequence);
    if (!note) {
        return note.error();
    }
    const qint64 versionId = request.segments.value(3).toLongLong();
    const auto restored = m_store->restoreNoteVersion(note->id, versionId);
    const auto author = m_store->profile();
    if (!restored || !author) {
        return storeFailure(!restored ? restored.error() : author.error());
    }
    if (!*restored) {
        return ApiResponse::detail(404, consequence, u"Core.Server.Notes/restore_version"_s,
            u"note %1 has no version %2."_s.arg(note->id).arg(versionId));
    }
    const std::optional<Course> course
        = (*restored)->courseId ? m_store->course(*(*restored)->courseId).value_or(std::nullopt) : std::nullopt;
    return ApiResponse::json(EntityJson::noteDetail(**restored, course, *author));
}

} // namespace Notechondria
