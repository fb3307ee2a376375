// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The whole local stack on loopback for GUI tests: a GitHub test server (real bare repositories), a real SQLite
// store in a temporary folder, GitHubApi with a key made by openssl at test time, PushService, the real
// LocalServer and a NotechondriaClient pointed at it.

#include "../github/keyfixture.h"
#include "appconfig.h"
#include "clock.h"
#include "githubapi.h"
#include "githubtestserver.h"
#include "httpclient.h"
#include "localserver.h"
#include "notechondriaclient.h"
#include "pushservice.h"
#include "secretstore.h"
#include "store.h"

#include <QCoroTask>
#include <QCoroTest>
#include <QDir>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

namespace Notechondria::Test {

inline constexpr auto installUrl = "https://github.com/apps/notechondria-test/installations/new";

struct SyncFixture
{
    QTemporaryDir dir;
    KeyFixture keys;
    GitHubTestServer github;
    SystemClock clock;
    QNetworkAccessManager nam;
    MemorySecretStore secrets;
    std::unique_ptr<Store> store;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<GitHubApi> api;
    std::unique_ptr<PushService> push;
    std::unique_ptr<LocalServer> server;
    std::unique_ptr<NotechondriaClient> client;

    /// Empty on success, else what failed.
    QString setUp()
    {
        if (!dir.isValid() || !keys.isValid() || !keys.makeRsaKey(QStringLiteral("app"))) {
            return QStringLiteral("cannot make the App key with openssl");
        }
        if (!github.start()) {
            return QStringLiteral("the GitHub test server did not start");
        }
        github.setAppCredentials(QStringLiteral("Iv1.uitest"), keys.read(QStringLiteral("app.pub.pem")));
        auto opened = Store::open(dir.filePath(QStringLiteral("notechondria.sqlite")), &clock);
        if (!opened) {
            return opened.error().message();
        }
        store = std::move(*opened);
        http = std::make_unique<HttpClient>(&nam, &clock);
        http->setRetryPolicy(1, std::chrono::milliseconds(10));
        AppConfig config;
        config.appName = QStringLiteral("Notechondria data sync (test)");
        config.clientId = QStringLiteral("Iv1.uitest");
        config.privateKeyPem = QString::fromUtf8(keys.read(QStringLiteral("app.pkcs8.pem")));
        config.installUrl = QString::fromLatin1(installUrl);
        config.apiUrl = github.apiUrl();
        api = std::make_unique<GitHubApi>(http.get(), config, &clock);
        push = std::make_unique<PushService>(store.get(), api.get(), &clock);
        server = std::make_unique<LocalServer>(store.get(), &secrets, api.get(), push.get(), &clock);
        const Result<void> started = QCoro::waitFor(server->start());
        if (!started) {
            return started.error().message();
        }
        client = std::make_unique<NotechondriaClient>(&nam);
        client->setBaseUrl(server->baseUrl());
        client->setApiKey(server->apiKey());
        return {};
    }
};

} // namespace Notechondria::Test
