// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "routesupport.h"
#include "store.h"

#include <expected>

namespace Notechondria {

/**
 * The version history of a live note (upstream NoteHistoryApiView, NoteSnapshotApiView, NoteRestoreApiView), kept in
 * the store: `notes/<id>/history/` (GET: the versions, newest first, in NoteVersionSerializer's shape),
 * `notes/<id>/snapshot/` (POST `{reason}`, default "manual": records the note as it is → 201 with the version),
 * `notes/<id>/restore/<version_id>/` (POST: the note becomes that version after a "before_restore" snapshot of its
 * current state → the note detail). Like upstream, a PATCH takes no snapshot by itself: the editor asks for them.
 */
class NoteHistoryRoutes : public StoreRoutes
{
public:
    using StoreRoutes::StoreRoutes;

    void registerOn(ApiRouter &router) override;

private:
    [[nodiscard]] ApiResponse history(const ApiRequest &request);
    [[nodiscard]] ApiResponse snapshot(const ApiRequest &request);
    [[nodiscard]] ApiResponse restore(const ApiRequest &request);

    /// The live note of the path's <id>, or the answer (404, or 500 when the store fails).
    [[nodiscard]] std::expected<Note, ApiResponse> liveNote(const ApiRequest &request, const QString &consequence);
};

} // namespace Notechondria
