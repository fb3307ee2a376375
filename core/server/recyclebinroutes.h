// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "routesupport.h"

namespace Notechondria {

/**
 * The recycle bin of the local server, as the editor uses it (apps-contract "Notes"): `GET notes/deleted/` lists the
 * binned notes (the list shape plus `deleted_at`, most recently deleted first), `POST notes/<id>/restore/` brings one
 * back (the note's detail; 404 when it is not in the bin) and `DELETE notes/deleted/empty/` deletes the bin for good
 * (`{"deleted": n}`) — the one deletion that is not soft.
 */
class RecycleBinRoutes : public StoreRoutes
{
public:
    using StoreRoutes::StoreRoutes;

    void registerOn(ApiRouter &router) override;

private:
    [[nodiscard]] ApiResponse list(const ApiRequest &request);
    [[nodiscard]] ApiResponse restore(const ApiRequest &request);
    [[nodiscard]] ApiResponse empty(const ApiRequest &request);
};

} // namespace Notechondria
