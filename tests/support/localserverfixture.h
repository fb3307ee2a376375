// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The real local server on loopback for tests: a real SQLite store in a temporary folder (or at a given path), a
// MemorySecretStore for its API key, the real GitHubApi (against the GitHub test server, real bare repositories, or
// against nothing), PushService, LocalServer started on 127.0.0.1 and, when asked, a NotechondriaClient pointed at
// it; plus helpers that send JSON requests to it and wait for the answers.

#include "appconfig.h"
#include "fakeclock.h"
#include "githubapi.h"
#include "githubtestserver.h"
#include "httpclient.h"
#include "httpserver.h"
#include "localserver.h"
#include "notechondriaclient.h"
#include "pushservice.h"
#include "secretstore.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>

#include <chrono>
#include <memory>
#include <optional>

namespace Notechondria::Test {

/// A finished HTTP exchange: status, body and response headers.
struct ServerAnswer
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    [[nodiscard]] QJsonObject object() const;
    [[nodiscard]] QJsonArray array() const;
    /// The `detail` field of a JSON error body.
    [[nodiscard]] QString detail() const;
};

/// @p object as compact JSON bytes.
[[nodiscard]] QByteArray json(const QJsonObject &object);

struct LocalServerFixture
{
    struct Options
    {
        /// The SQLite file; empty: notechondria.sqlite in the fixture's folder.
        QString databasePath;
        /// The clock of every part; null: the fixture's FakeClock.
        const Clock *clock = nullptr;
        /// Start the GitHub test server and point the GitHubApi at it (else the API talks to nobody).
        bool gitHub = true;
        /// When set, the GitHub test server checks App JWTs against this public key (issuer config.clientId).
        QByteArray appPublicKeyPem;
        /// The App configuration; apiUrl is filled in from the GitHub test server.
        AppConfig config;
        /// Give the server a PushService (else it runs without one).
        bool push = true;
        /// The HTTP client's retry policy (attempts, base backoff); unset: its default.
        std::optional<std::pair<int, std::chrono::milliseconds>> retryPolicy;
        /// The server's transport limits; unset: its default.
        std::optional<Http::Limits> limits;
        /// Make a NotechondriaClient with the server's base URL and API key.
        bool client = false;
    };

    QTemporaryDir dir;
    FakeClock fakeClock;
    const Clock *clock = &fakeClock;
    GitHubTestServer github;
    QNetworkAccessManager nam;
    std::unique_ptr<Store> store;
    MemorySecretStore secrets; ///< where the server keeps its API key
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<GitHubApi> api;
    std::unique_ptr<PushService> push;
    std::unique_ptr<LocalServer> server;
    std::unique_ptr<NotechondriaClient> client;

    /// A server whose GitHubApi talks to the GitHub test server as the App "notechondria-test" with @p clientId and
    /// @p privateKeyPem, its install URL set when @p withInstallUrl.
    [[nodiscard]] static Options gitHubApp(
        const QString &clientId, const QByteArray &privateKeyPem, bool withInstallUrl);

    /// A server over the store only (no GitHub test server) with @p clock for every part, its SQLite file at
    /// @p databasePath (empty: in the fixture's folder).
    [[nodiscard]] static Options offline(const Clock *clock, const QString &databasePath = {});

    /// Opens the store and starts everything; false (and `problem` says why) when something failed.
    [[nodiscard]] bool setUp(const Options &options);
    /// setUp() with the default options.
    [[nodiscard]] bool setUp();
    QString problem;

    /// A request to the server: @p path under /api/v1, with `Authorization: Bearer <key>` unless @p authorization
    /// is given (an empty one sends an empty header), @p contentType unless empty, and extra @p headers.
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QByteArray &contentType = "application/json", std::optional<QByteArray> authorization = std::nullopt,
        const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    /// Waits (up to a minute) for @p reply to finish and reads it; deletes it later.
    static ServerAnswer wait(QNetworkReply *reply);
    /// send() and wait().
    ServerAnswer call(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QByteArray &contentType = "application/json", std::optional<QByteArray> authorization = std::nullopt,
        const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    /// An authorised request with @p body as JSON (no body for GET), waited for.
    ServerAnswer callJson(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    /// Lets requests still in flight on `nam` (e.g. a destroyed card's refresh) finish against the running server, so
    /// the coroutines awaiting them end instead of being left suspended when the server and `nam` go (LSan).
    void drainRequests();

private:
    [[nodiscard]] QString start(const Options &options);
};

} // namespace Notechondria::Test
