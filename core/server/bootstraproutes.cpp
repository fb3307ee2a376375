// SPDX-License-Identifier: GPL-3.0-or-later
#include "bootstraproutes.h"

#include "apirouter.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kService = u"notechondria-backend"_s;

ApiResponse handshake()
{
    // What this server offers the apps; false for what only the web backend has.
    const QJsonObject capabilities{{u"local_server"_s, true}, {u"github_sync"_s, true}, {u"github_restore"_s, true},
        {u"import"_s, true}, {u"casdoor"_s, false}, {u"public_courses"_s, false}};
    return ApiResponse::json(QJsonObject{{u"service"_s, kService}, {u"api_version"_s, u"v1"_s},
        {u"version"_s, QStringLiteral(NOTECHONDRIA_VERSION)}, {u"capabilities"_s, capabilities},
        {u"storage"_s, QJsonObject{{u"label"_s, u"This computer (Notechondria Desktop)"_s}, {u"kind"_s, u"sqlite"_s}}},
        {u"min_frontend_version"_s, 0}});
}

} // namespace

void registerBootstrapRoutes(ApiRouter &router)
{
    router.addRoute(
        u"handshake"_s, QHttpServerRequest::Method::Get, [](const ApiRequest &) { return handshake(); },
        ApiRouter::Access::Public);
    router.addRoute(
        u"ping"_s, QHttpServerRequest::Method::Get,
        [](const ApiRequest &) { return ApiResponse::json(QJsonObject{{u"pong"_s, true}, {u"service"_s, kService}}); },
        ApiRouter::Access::Public);
}

} // namespace Notechondria
