// SPDX-License-Identifier: GPL-3.0-or-later
// Browser apps by choice (DECISIONS §10): CORS, preflight included, for exactly the origins the user allowed, over
// real HTTP against the real local server; the Host check stays. Also `serve --allow-origin` and
// NOTECHONDRIA_ALLOWED_ORIGINS through the built CLI, and the stable port (default 8765, the next free one).
#include "corspolicy.h"
#include "localserverfixture.h"

#include <QCoroTask>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

QByteArray headerOf(const ServerAnswer &answer, const QByteArray &name)
{
    for (const auto &[key, value] : answer.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

Headers preflightFrom(const QByteArray &origin, const QByteArray &method = "POST")
{
    return {{"Origin", origin}, {"Access-Control-Request-Method", method},
        {"Access-Control-Request-Headers", "authorization, content-type"}};
}

/// One request to @p url with @p headers, waited for.
ServerAnswer request(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const Headers &headers)
{
    QNetworkRequest req(url);
    for (const auto &[name, value] : headers) {
        req.setRawHeader(name, value);
    }
    return LocalServerFixture::wait(nam.sendCustomRequest(req, method));
}

} // namespace

class TestCors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noOriginIsAllowedByDefault()
    {
        LocalServerFixture fixture;
        QVERIFY2(fixture.setUp(LocalServerFixture::offline(nullptr)), qPrintable(fixture.problem));
        const ServerAnswer preflight
            = fixture.call("OPTIONS", u"/notes/"_s, {}, {}, QByteArray(), preflightFrom("http://localhost:5173"));
        QCOMPARE(preflight.status, 403);
        QVERIFY(headerOf(preflight, "access-control-allow-origin").isEmpty());
        const ServerAnswer get
            = fixture.call("GET", u"/notes/"_s, {}, {}, std::nullopt, {{"Origin", "http://localhost:5173"}});
        QCOMPARE(get.status, 403);
        QVERIFY(headerOf(get, "access-control-allow-origin").isEmpty());
        QVERIFY2(get.detail().contains(u"Core.Server/host_check"_s), qPrintable(get.detail()));
    }

    void anAllowedOriginGetsThePreflightAndTheAnswers()
    {
        LocalServerFixture fixture;
        QVERIFY2(fixture.setUp(LocalServerFixture::offline(nullptr)), qPrintable(fixture.problem));
        const auto policy = CorsPolicy::fromOrigins({u"http://localhost:5173"_s, u"HTTPS://Notes.Example.org:443/"_s});
        QVERIFY(policy.has_value());
        QCOMPARE(policy->origins(), (QList<QByteArray>{"http://localhost:5173", "https://notes.example.org"}));
        fixture.server->setCorsPolicy(*policy);

        // The preflight carries no key: it is answered on a known path, with what the app will send granted.
        const ServerAnswer preflight = fixture.call(
            "OPTIONS", u"/notes/"_s, {}, {}, QByteArray(), preflightFrom("http://localhost:5173", "PATCH"));
        QCOMPARE(preflight.status, 204);
        QCOMPARE(headerOf(preflight, "access-control-allow-origin"), QByteArray("http://localhost:5173"));
        QVERIFY(headerOf(preflight, "access-control-allow-methods").contains("PATCH"));
        const QByteArray allowed = headerOf(preflight, "access-control-allow-headers").toLower();
        QVERIFY2(allowed.contains("authorization") && allowed.contains("content-type"), allowed.constData());
        QCOMPARE(headerOf(preflight, "vary"), QByteArray("Origin"));
        QCOMPARE(
            fixture
                .call("OPTIONS", u"/no-such-thing/"_s, {}, {}, QByteArray(), preflightFrom("https://notes.example.org"))
                .status,
            404);

        // The real requests: answered as usual, with the CORS headers, errors included (the page reads why).
        const ServerAnswer created = fixture.call("POST", u"/notes/"_s, json({{u"title"_s, u"From the web app"_s}}),
            "application/json", std::nullopt, {{"Origin", "https://notes.example.org"}});
        QCOMPARE(created.status, 201);
        QCOMPARE(headerOf(created, "access-control-allow-origin"), QByteArray("https://notes.example.org"));
        const ServerAnswer noKey
            = fixture.call("GET", u"/notes/"_s, {}, {}, QByteArray(), {{"Origin", "http://localhost:5173"}});
        QCOMPARE(noKey.status, 401);
        QCOMPARE(headerOf(noKey, "access-control-allow-origin"), QByteArray("http://localhost:5173"));

        // A web app's fetch() of an image (files under /media/) gets the headers too, a 404 included.
        QNetworkRequest media(
            QUrl(u"http://127.0.0.1:%1/media/%2/x.png"_s.arg(fixture.server->port()).arg(QString(64, u'0'))));
        media.setRawHeader("Origin", "http://localhost:5173");
        const ServerAnswer file = LocalServerFixture::wait(fixture.nam.get(media));
        QCOMPARE(file.status, 404);
        QCOMPARE(headerOf(file, "access-control-allow-origin"), QByteArray("http://localhost:5173"));

        // Exactly those origins: another port, scheme or host stays refused, preflight and request alike.
        for (const QByteArray origin : {"http://localhost:5174", "https://localhost:5173", "https://evil.example"}) {
            const ServerAnswer other
                = fixture.call("OPTIONS", u"/notes/"_s, {}, {}, QByteArray(), preflightFrom(origin));
            QCOMPARE(other.status, 403);
            QVERIFY(headerOf(other, "access-control-allow-origin").isEmpty());
            QCOMPARE(fixture.call("GET", u"/notes/"_s, {}, {}, std::nullopt, {{"Origin", origin}}).status, 403);
        }
    }

    void theHostCheckStaysForAnAllowedOrigin()
    {
        LocalServerFixture fixture;
        QVERIFY2(fixture.setUp(LocalServerFixture::offline(nullptr)), qPrintable(fixture.problem));
        fixture.server->setCorsPolicy(*CorsPolicy::fromOrigins({u"http://localhost:5173"_s}));
        // A DNS-rebinding page: its own origin is allowed, but the Host is its domain, not this server.
        const ServerAnswer rebound = fixture.call("GET", u"/notes/"_s, {}, {}, std::nullopt,
            {{"Origin", "http://localhost:5173"},
                {"Host", "rebind.example:" + QByteArray::number(fixture.server->port())}});
        QCOMPARE(rebound.status, 403);
    }

    void anOriginMustBeAPlainOrigin()
    {
        for (const QString &bad : {u"*"_s, u"localhost:5173"_s, u"http://localhost:5173/app"_s, u"ftp://x.example"_s,
                 u"http://user@x.example"_s, u"http://*.example.org"_s}) {
            const auto policy = CorsPolicy::fromOrigins({u"http://ok.example"_s, bad});
            QVERIFY2(!policy.has_value(), qPrintable(bad));
            QVERIFY(policy.error().message().startsWith(u"Browser origin not allowed: Core.Server/cors — "_s));
        }
    }

    void serveAllowsTheOriginsOfTheFlagAndTheEnvironment()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"NOTECHONDRIA_ALLOWED_ORIGINS"_s, u"https://planner.example.org, ,http://127.0.0.1:3000"_s);
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1"_s.arg(dir.filePath(u"no-bus"_s)));
        QProcess serve;
        serve.setProcessEnvironment(env);
        serve.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            {u"--data"_s, dir.filePath(u"data"_s), u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--allow-origin"_s,
                u"http://localhost:5173"_s});
        QVERIFY(serve.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine() || serve.state() == QProcess::NotRunning, 60'000);
        const QUrl base(QString::fromUtf8(serve.readLine()).trimmed());
        QNetworkAccessManager nam;
        const QUrl notes(base.toString() + u"/notes/"_s);
        QCOMPARE(request(nam, "OPTIONS", notes, preflightFrom("http://localhost:5173")).status, 204);
        QCOMPARE(request(nam, "OPTIONS", notes, preflightFrom("https://planner.example.org")).status, 204);
        QCOMPARE(request(nam, "OPTIONS", notes, preflightFrom("http://127.0.0.1:3000")).status, 204);
        QCOMPARE(request(nam, "OPTIONS", notes, preflightFrom("https://evil.example")).status, 403);
        serve.terminate();
        QVERIFY(serve.waitForFinished(30'000));
        const QString err = QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(err.contains(u"Browser origins allowed: http://localhost:5173, https://planner.example.org, "
                              u"http://127.0.0.1:3000."_s),
            qPrintable(err));
    }

    void serveRefusesAnOriginThatIsNotOne()
    {
        QTemporaryDir dir;
        QProcess serve;
        serve.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            {u"--data"_s, dir.filePath(u"data"_s), u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--allow-origin"_s,
                u"*"_s});
        QVERIFY(serve.waitForFinished(30'000));
        QCOMPARE(serve.exitCode(), 2);
        const QString err = QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(
            err.contains(u"Browser origin not allowed: Core.Server/cors — \"*\" is not an origin"_s), qPrintable(err));
    }

    void aTakenPortStepsToTheNextFreeOne()
    {
        // Find two free neighbouring ports, then occupy the first.
        QTcpServer blocker;
        quint16 taken = 0;
        for (quint16 candidate = 20'000; candidate < 40'000 && taken == 0; candidate += 37) {
            QTcpServer probe;
            if (blocker.listen(QHostAddress::LocalHost, candidate)
                && probe.listen(QHostAddress::LocalHost, candidate + 1)) {
                taken = candidate;
            } else {
                blocker.close();
            }
        }
        QVERIFY(taken != 0);

        LocalServerFixture exact;
        QVERIFY2(exact.setUp(LocalServerFixture::offline(nullptr)), qPrintable(exact.problem));
        LocalServer second(exact.store.get(), &exact.secrets, nullptr, nullptr, exact.clock);
        const Result<void> refused = QCoro::waitFor(second.start(QHostAddress::LocalHost, taken));
        QVERIFY(!refused.has_value());
        QVERIFY2(refused.error().message().contains(u"cannot listen on 127.0.0.1 port %1"_s.arg(taken)),
            qPrintable(refused.error().message()));

        LocalServer stepping(exact.store.get(), &exact.secrets, nullptr, nullptr, exact.clock);
        const Result<void> started
            = QCoro::waitFor(stepping.start(QHostAddress::LocalHost, taken, LocalServer::PortChoice::NextFree));
        QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().message()));
        QCOMPARE(stepping.port(), quint16(taken + 1));
        QCOMPARE(stepping.baseUrl().port(), taken + 1);
    }
};

QTEST_GUILESS_MAIN(TestCors)
#include "test_cors.moc"
