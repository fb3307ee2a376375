// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "noteroutes.h"

namespace Notechondria {

/**
 * `notes/uuid/<uuid>/` (upstream NoteByUuidApiView): GET, PATCH and DELETE of the live note with that uuid (with or
 * without dashes, any case), answered exactly as `notes/<id>/` answers them (NoteRoutes) plus upstream's
 * `can_edit: true` (the local user owns every note). A uuid no live note has gets 404.
 */
class NoteUuidRoutes : public StoreRoutes
{
public:
    /// @p notes answers the calls once the uuid is resolved; it must outlive these routes.
    NoteUuidRoutes(Store *store, const Clock *clock, NoteRoutes *notes);

    void registerOn(ApiRouter &router) override;

private:
    using Handler = ApiResponse (NoteRoutes::*)(const ApiRequest &);

    /// Resolves the path's uuid to the note's id and hands @p request, as `notes/<id>/`, to @p handler.
    [[nodiscard]] ApiResponse byUuid(Handler handler, const QString &consequence, const ApiRequest &request);

    NoteRoutes *m_notes;
};

} // namespace Notechondria
