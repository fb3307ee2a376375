// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeclock.h"
#include "githubapi.h"
#include "githubtestserver.h"
#include "httpclient.h"
#include "keyfixture.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Notechondria;
using Notechondria::Test::GitHubTestServer;

namespace {

QStringList &capturedLogs()
{
    static QStringList logs;
    return logs;
}

/// Keeps every line (never printed: a leak would otherwise reach the test output); ours are marked "ours:".
void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const bool ours = context.category && QByteArrayView(context.category).startsWith("notechondria.");
    capturedLogs().append(ours ? u"ours:"_s + message : message);
}

GitHubTestServer::Fault fault(const QByteArray &method, const QString &path, int status, int times = 1)
{
    GitHubTestServer::Fault f;
    f.method = method;
    f.path = QRegularExpression(path);
    f.status = status;
    f.times = times;
    return f;
}

} // namespace

class TestGitHubApi : public QObject
{
    Q_OBJECT

private:
    Test::KeyFixture m_keys;
    QByteArray m_pem;
    QByteArrayList m_secrets; ///< every JWT/token the servers saw, and the key lines
    QStringList m_errors; ///< every error message the tests produced
    QtMessageHandler m_previousHandler = nullptr;

    std::unique_ptr<GitHubTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<GitHubApi> m_api;
    QString m_installation;

    template<typename T>
    T run(QCoro::Task<T> task)
    {
        T result = QCoro::waitFor(std::move(task));
        if constexpr (requires { result.error().message(); }) {
            if (!result) {
                m_errors.append(result.error().message());
            }
        }
        return result;
    }

    int countRequests(const QByteArray &method, const QString &pathPattern) const
    {
        const QRegularExpression re(pathPattern);
        int count = 0;
        for (const auto &request : m_server->requests()) {
            count += request.method == method && re.match(request.path).hasMatch() ? 1 : 0;
        }
        return count;
    }

    void collectSecrets(const GitHubTestServer &server)
    {
        for (const auto &request : server.requests()) {
            const QByteArray authorization = request.headers.value("authorization");
            if (authorization.size() > 8) {
                m_secrets.append(authorization.mid(authorization.indexOf(' ') + 1));
            }
        }
    }

    HttpRequest plainRequest(const QString &path) const
    {
        HttpRequest request;
        request.url = m_server->apiUrl().resolved(QUrl(path));
        return request;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_keys.makeRsaKey(u"app"_s));
        m_pem = m_keys.read(u"app.pkcs1.pem"_s);
        m_secrets += Test::KeyFixture::keyMaterial(m_pem);
        QLoggingCategory::setFilterRules(u"notechondria.*=true"_s);
        m_previousHandler = qInstallMessageHandler(captureMessage);
    }

    void init()
    {
        m_server = std::make_unique<GitHubTestServer>();
        QVERIFY(m_server->start());
        m_server->setAppCredentials(u"Iv1.authtest"_s, m_keys.read(u"app.pub.pem"_s));
        m_installation = QString::number(m_server->addInstallation(u"octo"_s));
        m_server->addRepository(m_installation.toLongLong(), u"octo/notes"_s);
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_clock = std::make_unique<FakeClock>(QDateTime::currentDateTimeUtc());
        m_http = std::make_unique<HttpClient>(m_nam.get(), m_clock.get());
        m_http->setRetryPolicy(4, 10ms);
        AppConfig config;
        config.appName = u"notechondria-test"_s;
        config.clientId = u"Iv1.authtest"_s;
        config.privateKeyPem = QString::fromLatin1(m_pem);
        config.apiUrl = m_server->apiUrl();
        m_api = std::make_unique<GitHubApi>(m_http.get(), config, m_clock.get());
    }

    void cleanup()
    {
        collectSecrets(*m_server);
        m_api.reset();
        m_http.reset();
        m_nam.reset();
        m_server.reset();
    }

    void issuesAnInstallationTokenAndReusesIt()
    {
        const auto first = run(m_api->installationToken(m_installation));
        QVERIFY(first.has_value());
        const auto second = run(m_api->installationToken(m_installation));
        QVERIFY(second.has_value());
        QCOMPARE(*second, *first);
        QCOMPARE(countRequests("POST", u"/access_tokens$"_s), 1);
        const auto request = m_server->requests().constFirst();
        QCOMPARE(request.headers.value("accept"), "application/vnd.github+json");
        QCOMPARE(request.headers.value("x-github-api-version"), "2022-11-28");
        QVERIFY(request.headers.value("user-agent").startsWith("Notechondria-Desktop/"));
        QVERIFY(request.body.isEmpty());
    }

    void refreshesTokenSixtySecondsBeforeExpiry()
    {
        const auto first = run(m_api->installationToken(m_installation));
        QVERIFY(first.has_value());
        m_clock->advance(3600 - 61); // 61 s left: still good
        QCOMPARE(*run(m_api->installationToken(m_installation)), *first);
        QCOMPARE(m_server->issuedTokenCount(), 1);
        m_clock->advance(2); // 59 s left: refresh
        const auto refreshed = run(m_api->installationToken(m_installation));
        QVERIFY2(refreshed.has_value(), refreshed ? "" : qPrintable(refreshed.error().message()));
        QVERIFY(*refreshed != *first);
        QCOMPARE(m_server->issuedTokenCount(), 2);
    }

    void narrowsATokenToOneRepositoryAndCachesItApart()
    {
        const auto narrowed = run(m_api->installationToken(m_installation, u"octo/notes"_s));
        QVERIFY(narrowed.has_value());
        const QJsonObject body = QJsonDocument::fromJson(m_server->requests().constLast().body).object();
        QCOMPARE(body.value(u"repositories"_s).toArray(), QJsonArray{u"notes"_s});
        const auto whole = run(m_api->installationToken(m_installation));
        QVERIFY(whole.has_value());
        QVERIFY(*whole != *narrowed);
        QCOMPARE(m_server->issuedTokenCount(), 2);
    }

    void refreshesTheTokenOnceWhenGitHubAnswers401()
    {
        QVERIFY(run(m_api->call("GET", u"/installation/repositories"_s, m_installation)).has_value());
        m_server->expireAllTokens();
        const auto response = run(m_api->call("GET", u"/installation/repositories"_s, m_installation));
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 200);
        QCOMPARE(m_server->issuedTokenCount(), 2);
        QCOMPARE(countRequests("GET", u"^/installation/repositories$"_s), 3);
    }

    void resignsWithGitHubsTimeWhenTheJwtIsRejectedForClockSkew_data()
    {
        QTest::addColumn<qint64>("skew");
        QTest::newRow("local clock ahead (iat in the future)") << qint64(-3600);
        QTest::newRow("local clock behind (exp in the past)") << qint64(3600);
    }

    void resignsWithGitHubsTimeWhenTheJwtIsRejectedForClockSkew()
    {
        QFETCH(qint64, skew);
        m_server->setClockSkew(skew);
        const auto token = run(m_api->installationToken(m_installation));
        QVERIFY2(token.has_value(), token ? "" : qPrintable(token.error().message()));
        QCOMPARE(countRequests("POST", u"/access_tokens$"_s), 2);
        QVERIFY(qAbs(m_api->clockOffsetSeconds() - skew) < 5);
        // The correction is kept: the next JWT is right the first time.
        m_api->forgetTokens();
        QVERIFY(run(m_api->installationToken(m_installation)).has_value());
        QCOMPARE(countRequests("POST", u"/access_tokens$"_s), 3);
    }

    void reportsAJwtRejectionThatIsNotAboutTime()
    {
        AppConfig config = m_api->config();
        config.clientId = u"Iv1.someoneelse"_s;
        m_api->setConfig(config);
        const auto token = run(m_api->installationToken(m_installation));
        QVERIFY(!token.has_value());
        QCOMPARE(token.error().httpStatus, 401);
        QVERIFY2(
            token.error().message().startsWith(
                u"GitHub sync rejected: Core.GitHub/installation_token \u2014 GitHub returned 401 on installation "_s),
            qPrintable(token.error().message()));
        QCOMPARE(countRequests("POST", u"/access_tokens$"_s), 1);
    }

    void listsInstallationsWithTheirAccountLogins()
    {
        const qint64 second = m_server->addInstallation(u"hubot"_s);
        const auto installations = run(m_api->listInstallations());
        QVERIFY(installations.has_value());
        QCOMPARE(installations->size(), 2);
        QCOMPARE(installations->at(0).id, m_installation);
        QCOMPARE(installations->at(0).accountLogin, u"octo"_s);
        QCOMPARE(installations->at(1).id, QString::number(second));
        QCOMPARE(installations->at(1).accountLogin, u"hubot"_s);
    }

    void listsAllRepositoriesOverThreePages()
    {
        for (int i = 1; i < 250; ++i) {
            m_server->addRepository(
                m_installation.toLongLong(), u"octo/repo%1"_s.arg(i, 3, 10, QChar(u'0')), u"trunk"_s, i % 2 == 0);
        }
        const auto repositories = run(m_api->listRepositories(m_installation));
        QVERIFY2(repositories.has_value(), repositories ? "" : qPrintable(repositories.error().message()));
        QCOMPARE(repositories->size(), 250);
        QCOMPARE(countRequests("GET", u"^/installation/repositories$"_s), 3);
        QCOMPARE(repositories->at(0).fullName, u"octo/notes"_s);
        QCOMPARE(repositories->at(0).defaultBranch, u"main"_s);
        QCOMPARE(repositories->at(2).defaultBranch, u"trunk"_s);
        QCOMPARE(repositories->at(2).isPrivate, true);
        QCOMPARE(repositories->at(1).isPrivate, false);
    }

    void framesAFailedListingInThreeParts()
    {
        m_server->injectFault(fault("GET", u"^/installation/repositories$"_s, 404));
        const auto repositories = run(m_api->listRepositories(m_installation));
        QVERIFY(!repositories.has_value());
        QVERIFY2(
            repositories.error().message().startsWith(
                u"Cannot list repositories: Core.GitHub/list_repos \u2014 GitHub returned 404 listing repositories: "_s),
            qPrintable(repositories.error().message()));
    }

    void retries5xxForIdempotentRequests()
    {
        m_server->injectFault(fault("GET", u"^/installation/repositories$"_s, 503, 2));
        const auto response = run(m_api->call("GET", u"/installation/repositories"_s, m_installation));
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 200);
        QCOMPARE(countRequests("GET", u"^/installation/repositories$"_s), 3);
    }

    void givesTheLast5xxBackAfterTheBoundedRetries()
    {
        m_server->injectFault(fault("GET", u"^/installation/repositories$"_s, 502, 10));
        const auto response = run(m_api->call("GET", u"/installation/repositories"_s, m_installation));
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 502);
        QCOMPARE(countRequests("GET", u"^/installation/repositories$"_s), 4);
    }

    void neverRetriesANonIdempotentWrite()
    {
        m_server->injectFault(fault("POST", u"/git/blobs$"_s, 503));
        const auto response = run(m_api->call("POST", u"/repos/octo/notes/git/blobs"_s, m_installation,
            R"({"content":"aGk=","encoding":"base64"})", false));
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 503);
        QCOMPARE(countRequests("POST", u"/git/blobs$"_s), 1);
    }

    void pacesContentCreatingRequestsAndSaysHowLong()
    {
        m_api->writePacer() = WritePacer(m_clock.get(), {{1, 1s}});
        QList<QDateTime> paused;
        connect(m_api.get(), &GitHubApi::writesPaused, this, [&](const QDateTime &until) { paused.append(until); });
        const QByteArray blob = R"({"content":"aGk=","encoding":"base64"})";
        QElapsedTimer timer;
        timer.start();
        QVERIFY(run(m_api->call("GET", u"/installation/repositories"_s, m_installation)).has_value());
        QVERIFY(run(m_api->call("POST", u"/repos/octo/notes/git/blobs"_s, m_installation, blob, false)).has_value());
        QVERIFY(paused.isEmpty()); // reads are never paced, and the first write goes at once
        const qint64 beforeSecond = timer.elapsed();
        QVERIFY(run(m_api->call("POST", u"/repos/octo/notes/git/blobs"_s, m_installation, blob, false)).has_value());
        QCOMPARE(paused.size(), 1);
        QCOMPARE(paused.first(), m_clock->now().addSecs(1));
        QVERIFY2(timer.elapsed() - beforeSecond >= 900, qPrintable(QString::number(timer.elapsed() - beforeSecond)));
        QVERIFY(!m_api->writesPausedUntil().isValid()); // the wait is over
        QCOMPARE(countRequests("POST", u"/git/blobs$"_s), 2);
    }

    void retriesAHangingRequestAfterTheTransferTimeout()
    {
        m_server->setHangDuration(5s);
        GitHubTestServer::Fault hang = fault("GET", u"^/zen$"_s, 0);
        hang.hang = true;
        m_server->injectFault(hang);
        HttpRequest request = plainRequest(u"/zen"_s);
        request.timeout = 300ms;
        const auto response = run(m_http->send(request));
        QVERIFY2(response.has_value(), response ? "" : qPrintable(response.error().message()));
        QCOMPARE(countRequests("GET", u"^/zen$"_s), 2);
    }

    void failsWithATimeoutWhenEveryAttemptHangs()
    {
        m_server->setHangDuration(5s);
        GitHubTestServer::Fault hang = fault("GET", u"^/zen$"_s, 0, 10);
        hang.hang = true;
        m_server->injectFault(hang);
        m_http->setRetryPolicy(2, 10ms);
        HttpRequest request = plainRequest(u"/zen"_s);
        request.timeout = 200ms;
        const auto response = run(m_http->send(request));
        QVERIFY(!response.has_value());
        QVERIFY2(response.error().cause.contains(u"timed out"_s), qPrintable(response.error().message()));
        QVERIFY(response.error().retryable);
        QCOMPARE(m_http->requestCount(), 2);
    }

    void honoursRetryAfter_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("429") << 429 << QByteArray() << QByteArray("1");
        QTest::newRow("secondary limit 403 with Retry-After")
            << 403 << QByteArray(R"({"message":"You have exceeded a secondary rate limit."})") << QByteArray("1");
        QTest::newRow("secondary limit 403 without Retry-After")
            << 403 << QByteArray(R"({"message":"You have exceeded a secondary rate limit."})") << QByteArray();
    }

    void honoursRetryAfter()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        GitHubTestServer::Fault limited = fault("GET", u"^/installation/repositories$"_s, status);
        limited.body = body;
        if (!retryAfter.isEmpty()) {
            limited.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", retryAfter));
        }
        m_server->injectFault(limited);
        const auto response = run(m_api->call("GET", u"/installation/repositories"_s, m_installation));
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 200);
        QCOMPARE(countRequests("GET", u"^/installation/repositories$"_s), 2);
    }

    void doesNotRetryAPermission403()
    {
        GitHubTestServer::Fault denied = fault("GET", u"^/installation/repositories$"_s, 403);
        denied.body = R"({"message":"Resource not accessible by integration","status":"403"})";
        m_server->injectFault(denied);
        const auto response = run(m_api->call("GET", u"/installation/repositories"_s, m_installation));
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 403);
        QCOMPARE(countRequests("GET", u"^/installation/repositories$"_s), 1);
    }

    void returnsTheAnswerWhenRetryAfterExceedsTheMaxWait()
    {
        m_http->setMaxWait(5s);
        GitHubTestServer::Fault limited = fault("GET", u"^/installation/repositories$"_s, 429);
        limited.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "600"));
        m_server->injectFault(limited);
        const auto response = run(m_api->call("GET", u"/installation/repositories"_s, m_installation));
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 429);
        QCOMPARE(countRequests("GET", u"^/installation/repositories$"_s), 1);
    }

    void waitsForTheRateLimitResetWhenNoneRemain()
    {
        QVERIFY(run(m_api->installationToken(m_installation)).has_value());
        m_server->setRateLimit(0, QDateTime::currentSecsSinceEpoch() + 1);
        const auto response = run(m_api->call("GET", u"/installation/repositories"_s, m_installation));
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 200);
        QCOMPARE(countRequests("GET", u"^/installation/repositories$"_s), 2);
    }

    void failsBeforeSendingWhenTheRateLimitResetIsBeyondTheMaxWait()
    {
        QVERIFY(run(m_api->installationToken(m_installation)).has_value());
        m_http->setMaxWait(10s);
        m_server->setRateLimit(1, QDateTime::currentSecsSinceEpoch() + 3600);
        QVERIFY(run(m_api->call("GET", u"/installation/repositories"_s, m_installation)).has_value());
        const int sent = m_server->requestCount();
        const auto response = run(m_api->call("GET", u"/installation/repositories"_s, m_installation));
        QVERIFY(!response.has_value());
        QVERIFY2(response.error().cause.contains(u"rate limit"_s), qPrintable(response.error().message()));
        QCOMPARE(m_server->requestCount(), sent);
    }

    void followsARedirectWithoutAuthorizationToAnotherPort()
    {
        GitHubTestServer other;
        QVERIFY(other.start());
        GitHubTestServer::Fault redirect = fault("GET", u"^/repos/octo/notes/tarball/main$"_s, 302);
        redirect.headers.append(
            std::pair<QByteArray, QByteArray>("Location", other.apiUrl().toEncoded() + "/_codeload/octo/notes"));
        m_server->injectFault(redirect);
        const auto response = run(m_api->call("GET", u"/repos/octo/notes/tarball/main"_s, m_installation));
        QVERIFY(response.has_value());
        QCOMPARE(response->url.port(), other.apiUrl().port());
        QCOMPARE(other.requests().size(), 1);
        QCOMPARE(other.requests().constFirst().path, u"/_codeload/octo/notes"_s);
        QVERIFY(!other.requests().constFirst().headers.contains("authorization"));
        QVERIFY(m_server->requests().constLast().headers.contains("authorization"));
        collectSecrets(other);
    }

    void keepsAuthorizationOnASameOriginRedirect()
    {
        GitHubTestServer::Fault redirect = fault("GET", u"^/moved$"_s, 307);
        redirect.headers.append(std::pair<QByteArray, QByteArray>("Location", "/installation/repositories?per_page=1"));
        m_server->injectFault(redirect);
        const auto response = run(m_api->call("GET", u"/moved"_s, m_installation));
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 200);
        QVERIFY(m_server->requests().constLast().headers.value("authorization").startsWith("Bearer "));
    }

    void abortsAnAnswerLargerThanTheCap()
    {
        GitHubTestServer::Fault big = fault("GET", u"^/big$"_s, 200);
        big.body = QByteArray(512 * 1024, 'x');
        m_server->injectFault(big);
        HttpRequest request = plainRequest(u"/big"_s);
        request.maxResponseBytes = 64 * 1024;
        const auto response = run(m_http->send(request));
        QVERIFY(!response.has_value());
        QVERIFY2(response.error().cause.contains(u"larger than the 65536-byte limit"_s),
            qPrintable(response.error().message()));
        QCOMPARE(m_http->requestCount(), 1);
    }

    void sendsOneWriteAtATime()
    {
        m_server->setHangDuration(700ms);
        GitHubTestServer::Fault slow = fault("POST", u"^/w$"_s, 0);
        slow.hang = true;
        m_server->injectFault(slow);
        HttpRequest write = plainRequest(u"/w"_s);
        write.method = "POST";
        write.idempotent = false;
        auto first = m_http->send(write);
        auto second = m_http->send(write);
        QTRY_COMPARE(countRequests("POST", u"^/w$"_s), 1);
        QTest::qWait(300);
        QCOMPARE(countRequests("POST", u"^/w$"_s), 1); // the second waits for the first answer
        QVERIFY(run(std::move(first)).has_value());
        QVERIFY(run(std::move(second)).has_value());
        QCOMPARE(countRequests("POST", u"^/w$"_s), 2);
    }

    void revokesTheCachedTokens()
    {
        QVERIFY(run(m_api->installationToken(m_installation)).has_value());
        QVERIFY(run(m_api->revokeToken(m_installation)).has_value());
        QCOMPARE(m_server->revokedTokenCount(), 1);
        const auto response = run(m_api->call("GET", u"/installation/repositories"_s, m_installation));
        QVERIFY(response.has_value());
        QCOMPARE(response->status, 200);
        QCOMPARE(m_server->issuedTokenCount(), 2);
    }

    void reportsAnUnusableKeyBeforeAnyRequest()
    {
        AppConfig config = m_api->config();
        config.privateKeyPem = QString::fromLatin1(m_pem.left(m_pem.size() / 2));
        m_api->setConfig(config);
        const auto installations = run(m_api->listInstallations());
        QVERIFY(!installations.has_value());
        QVERIFY2(installations.error().message().startsWith(
                     u"Cannot list installations: Core.GitHub/app_jwt \u2014 the private key is truncated"_s),
            qPrintable(installations.error().message()));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void noJwtTokenOrKeyInAnyLogLineOrError()
    {
        // Runs last: everything the tests above logged and every error they produced.
        collectSecrets(*m_server);
        QVERIFY(m_secrets.size() > 20);
        QVERIFY(!capturedLogs().isEmpty());
        QVERIFY(!m_errors.isEmpty());
        const QStringList texts = capturedLogs() + m_errors;
        for (const QString &text : texts) {
            QVERIFY(!text.contains(u"ghs_"_s));
            QVERIFY(!text.contains(u"eyJ"_s));
            QVERIFY(!text.contains(u"PRIVATE KEY"_s));
            for (const QByteArray &secret : std::as_const(m_secrets)) {
                QVERIFY(!text.contains(QString::fromLatin1(secret)));
            }
            if (text.startsWith(u"ours:"_s) || m_errors.contains(text)) {
                QVERIFY2(text.contains(u": "_s) && text.contains(u" \u2014 "_s), "every message has three parts");
            }
        }
    }

    void cleanupTestCase() { qInstallMessageHandler(m_previousHandler); }
};

QTEST_GUILESS_MAIN(TestGitHubApi)
#include "test_githubapi.moc"
