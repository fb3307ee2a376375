// SPDX-License-Identifier: GPL-3.0-or-later
#include "localserverfixture.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace Notechondria::Test {

QJsonObject ServerAnswer::object() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray ServerAnswer::array() const
{
    return QJsonDocument::fromJson(body).array();
}

QString ServerAnswer::detail() const
{
    return object().value(QLatin1String("detail")).toString();
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

LocalServerFixture::Options LocalServerFixture::gitHubApp(
    const QString &clientId, const QByteArray &privateKeyPem, bool withInstallUrl)
{
    Options options;
    options.config.appName = QStringLiteral("notechondria-test");
    options.config.clientId = clientId;
    options.config.privateKeyPem = QString::fromLatin1(privateKeyPem);
    if (withInstallUrl) {
        options.config.installUrl = QStringLiteral("https://github.com/apps/notechondria-test/installations/new");
    }
    return options;
}

LocalServerFixture::Options LocalServerFixture::offline(const Clock *clock, const QString &databasePath)
{
    Options options;
    options.databasePath = databasePath;
    options.clock = clock;
    options.gitHub = false;
    return options;
}

void LocalServerFixture::drainRequests()
{
    // Quiet for three turns in a row: a finished request may start the next one (status, then the repositories).
    QElapsedTimer elapsed;
    elapsed.start();
    for (int quiet = 0; quiet < 3 && elapsed.elapsed() < 15000;) {
        QTest::qWait(20);
        quiet = nam.findChildren<QNetworkReply *>().isEmpty() ? quiet + 1 : 0;
    }
}

bool LocalServerFixture::setUp()
{
    return setUp(Options{});
}

bool LocalServerFixture::setUp(const Options &options)
{
    problem = start(options);
    return problem.isEmpty();
}

QString LocalServerFixture::start(const Options &options)
{
    if (options.clock) {
        clock = options.clock;
    }
    if (!dir.isValid()) {
        return QStringLiteral("cannot make a temporary folder");
    }
    AppConfig config = options.config;
    if (options.gitHub) {
        if (!github.start()) {
            return QStringLiteral("the GitHub test server did not start");
        }
        if (!options.appPublicKeyPem.isEmpty()) {
            github.setAppCredentials(config.clientId, options.appPublicKeyPem);
        }
        config.apiUrl = github.apiUrl();
    }
    const QString path
        = options.databasePath.isEmpty() ? dir.filePath(QStringLiteral("notechondria.sqlite")) : options.databasePath;
    auto opened = Store::open(path, clock);
    if (!opened) {
        return opened.error().message();
    }
    store = std::move(*opened);
    http = std::make_unique<HttpClient>(&nam, clock);
    if (options.retryPolicy) {
        http->setRetryPolicy(options.retryPolicy->first, options.retryPolicy->second);
    }
    api = std::make_unique<GitHubApi>(http.get(), config, clock);
    if (options.push) {
        push = std::make_unique<PushService>(store.get(), api.get(), clock);
    }
    server = std::make_unique<LocalServer>(store.get(), &secrets, api.get(), push.get(), clock);
    if (options.limits) {
        server->setLimits(*options.limits);
    }
    const Result<void> started = QCoro::waitFor(server->start());
    if (!started) {
        return started.error().message();
    }
    if (options.client) {
        client = std::make_unique<NotechondriaClient>(&nam);
        client->setBaseUrl(server->baseUrl());
        client->setApiKey(server->apiKey());
    }
    return {};
}

QNetworkReply *LocalServerFixture::send(const QByteArray &method, const QString &path, const QByteArray &body,
    const QByteArray &contentType, std::optional<QByteArray> authorization,
    const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(server->baseUrl().toString() + path));
    request.setRawHeader("Authorization", authorization.value_or("Bearer " + server->apiKey().toLatin1()));
    if (authorization && authorization->isEmpty()) {
        request.setRawHeader("Authorization", QByteArray());
    }
    if (!contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    return nam.sendCustomRequest(request, method, body);
}

ServerAnswer LocalServerFixture::wait(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        std::ignore = finished.wait(60000);
    }
    ServerAnswer answer{
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply->rawHeaderPairs()};
    reply->deleteLater();
    return answer;
}

ServerAnswer LocalServerFixture::call(const QByteArray &method, const QString &path, const QByteArray &body,
    const QByteArray &contentType, std::optional<QByteArray> authorization,
    const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return wait(send(method, path, body, contentType, std::move(authorization), headers));
}

ServerAnswer LocalServerFixture::callJson(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return call(method, path, method == "GET" ? QByteArray() : json(body));
}

} // namespace Notechondria::Test
