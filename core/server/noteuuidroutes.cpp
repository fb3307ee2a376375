// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteuuidroutes.h"

#include "apirouter.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

} // namespace

NoteUuidRoutes::NoteUuidRoutes(Store *store, const Clock *clock, NoteRoutes *notes)
    : StoreRoutes(store, clock)
    , m_notes(notes)
{
}

void NoteUuidRoutes::registerOn(ApiRouter &router)
{
    router.addRoute(u"notes/uuid/<uuid>"_s, Method::Get,
        std::bind_front(&NoteUuidRoutes::byUuid, this, &NoteRoutes::getNote, u"Note not shown"_s));
    router.addRoute(u"notes/uuid/<uuid>"_s, Method::Patch,
        std::bind_front(&NoteUuidRoutes::byUuid, this, &NoteRoutes::patchNote, u"Note not saved"_s));
    router.addRoute(u"notes/uuid/<uuid>"_s, Method::Delete,
        std::bind_front(&NoteUuidRoutes::byUuid, this, &NoteRoutes::deleteNote, u"Note not deleted"_s));
}

ApiResponse NoteUuidRoutes::byUuid(Handler handler, const QString &consequence, const ApiRequest &request)
{
    const QString uuid = request.uuidSegment(2);
    const auto note = m_store->noteByUuid(QUuid::fromString(uuid));
    if (!note) {
        return storeFailure(note.error());
    }
    if (!*note || (*note)->deletedAt) {
        return ApiResponse::detail(
            404, consequence, u"Core.Server.Notes/lookup_by_uuid"_s, u"note %1 does not exist."_s.arg(uuid));
    }
    ApiRequest byId = request;
    byId.segments = {u"notes"_s, QString::number((*note)->id)};
    ApiResponse answer = (m_notes->*handler)(byId);
    if (answer.status != 200) {
        return answer;
    }
    QJsonObject object = QJsonDocument::fromJson(answer.body).object();
    object.insert(u"can_edit"_s, true);
    return ApiResponse::json(object, answer.status);
}

} // namespace Notechondria
