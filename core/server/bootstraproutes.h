// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Notechondria {

class ApiRouter;

/**
 * What an app asks a server before anything else, answered without a key as the web backend does (apps-contract
 * "Bootstrap"): `GET handshake/` → `{"service": "notechondria-backend", "api_version": "v1", "version",
 * "capabilities", "storage": {"label"}, "min_frontend_version"}` (the editor refuses a server address whose handshake
 * fails) and `GET ping/` → `{"pong": true, "service"}`.
 */
void registerBootstrapRoutes(ApiRouter &router);

} // namespace Notechondria
