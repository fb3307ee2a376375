// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "routesupport.h"

namespace Notechondria {

/**
 * `GET front-page/`, the editor's first load (apps-contract "Bootstrap"), in the web backend's FrontPage shape:
 * `default_course` (the first course in the account's order, or null), `recent_notes` (its six most recently edited
 * notes) and `collections` (the first six courses). Public like the backend's, so without the key it shows only notes
 * marked public; with the key every live note.
 */
class FrontPageRoutes : public StoreRoutes
{
public:
    using StoreRoutes::StoreRoutes;

    void registerOn(ApiRouter &router) override;

private:
    [[nodiscard]] ApiResponse frontPage(const ApiRequest &request);
};

} // namespace Notechondria
