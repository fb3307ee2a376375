// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "routesupport.h"

#include <functional>

namespace Notechondria {

/**
 * `settings/` of the local server (upstream §10.1): GET answers the profile and app settings (with the API key's
 * prefix); PATCH validates every field first (errors in upstream's settings message shape), merges app_settings,
 * takes an avatar upload and saves profile and avatar in one transaction, so a rejected request changes nothing.
 */
class SettingsRoutes : public StoreRoutes
{
public:
    SettingsRoutes(Store *store, const Clock *clock, std::function<QString()> apiKeyPrefix);

    void registerOn(ApiRouter &router) override;

private:
    [[nodiscard]] ApiResponse getSettings(const ApiRequest &request);
    [[nodiscard]] ApiResponse patchSettings(const ApiRequest &request);

    std::function<QString()> m_apiKeyPrefix;
};

} // namespace Notechondria
