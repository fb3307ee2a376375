// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The whole local stack on loopback for GUI tests: the local-server fixture (a GitHub test server with real bare
// repositories, a real SQLite store in a temporary folder, GitHubApi, PushService, the real LocalServer) with an App
// key made by openssl at test time, the system clock and a NotechondriaClient pointed at the server.

#include "../github/keyfixture.h"
#include "localserverfixture.h"

#include <QCoroTask>
#include <QCoroTest>
#include <QDir>

namespace Notechondria::Test {

inline constexpr auto installUrl = "https://github.com/apps/notechondria-test/installations/new";

struct SyncFixture : LocalServerFixture
{
    KeyFixture keys;
    SystemClock systemClock;

    /// Empty on success, else what failed.
    QString setUp()
    {
        if (!keys.isValid() || !keys.makeRsaKey(QStringLiteral("app"))) {
            return QStringLiteral("cannot make the App key with openssl");
        }
        Options options;
        options.clock = &systemClock;
        options.appPublicKeyPem = keys.read(QStringLiteral("app.pub.pem"));
        options.config.appName = QStringLiteral("Notechondria data sync (test)");
        options.config.clientId = QStringLiteral("Iv1.uitest");
        options.config.privateKeyPem = QString::fromUtf8(keys.read(QStringLiteral("app.pkcs8.pem")));
        options.config.installUrl = QString::fromLatin1(installUrl);
        options.retryPolicy = {1, std::chrono::milliseconds(10)};
        options.client = true;
        return LocalServerFixture::setUp(options) ? QString() : problem;
    }
};

} // namespace Notechondria::Test
