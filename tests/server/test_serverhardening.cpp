// SPDX-License-Identifier: GPL-3.0-or-later
// The local server's hardening, over real sockets on loopback with raw bytes: early refusal before the body,
// timeouts and the connection cap, strict framing, input validation, redacted logs and the install `state` nonce.
// A real Store (SQLite in a temp dir) and the real GitHubApi against the GitHub test server.
#include "../github/keyfixture.h"
#include "localserverfixture.h"

#include <QCoroTask>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Notechondria;

namespace {

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    if (g_previous) {
        g_previous(type, context, message);
    }
}

/// The resident set of this process (server and client) in MB, from /proc/self/status.
double residentMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return -1;
}

/// One raw connection: what it received, whether the server closed it.
struct Raw
{
    QByteArray received;
    bool closed = false;

    [[nodiscard]] int statusOf(int index = 0) const
    {
        qsizetype at = -1;
        for (int i = 0; i <= index; ++i) {
            at = received.indexOf("HTTP/1.1 ", at + 1);
            if (at < 0) {
                return 0;
            }
        }
        return received.mid(at + 9, 3).toInt();
    }
    /// Complete final answers received (interim 100 Continue not counted).
    [[nodiscard]] int finalAnswers() const
    {
        int count = 0;
        qsizetype at = 0;
        while ((at = received.indexOf("HTTP/1.1 ", at)) >= 0) {
            const qsizetype end = received.indexOf("\r\n\r\n", at);
            if (end < 0) {
                break;
            }
            const QByteArray headers = received.mid(at, end - at).toLower();
            const qsizetype length = headers.indexOf("content-length: ");
            const qint64 size
                = length < 0 ? 0 : headers.mid(length + 16, headers.indexOf('\r', length) - length - 16).toLongLong();
            if (end + 4 + size > received.size()) {
                break;
            }
            count += received.mid(at + 9, 3) == "100" ? 0 : 1;
            at = end + 4 + size;
        }
        return count;
    }
    [[nodiscard]] QJsonObject body() const
    {
        return QJsonDocument::fromJson(received.mid(received.indexOf("\r\n\r\n") + 4)).object();
    }
};

} // namespace

class TestServerHardening : public QObject
{
    Q_OBJECT

    Test::KeyFixture m_keys;
    QByteArray m_pem;
    std::unique_ptr<Test::LocalServerFixture> m_fx;
    QString m_installation;

    [[nodiscard]] QByteArray host() const { return "127.0.0.1:" + QByteArray::number(m_fx->server->port()); }
    [[nodiscard]] QByteArray key() const { return m_fx->server->apiKey().toLatin1(); }

    /// A request head: method, path under /api/v1, our Host and key unless overridden, extra header lines.
    [[nodiscard]] QByteArray head(const QByteArray &method, const QByteArray &path, const QByteArray &extra = {},
        bool withKey = true, const QByteArray &hostValue = {}) const
    {
        return method + " /api/v1" + path + " HTTP/1.1\r\nHost: " + (hostValue.isEmpty() ? host() : hostValue) + "\r\n"
            + (withKey ? "Authorization: Bearer " + key() + "\r\n" : QByteArray()) + extra + "\r\n";
    }

    [[nodiscard]] std::unique_ptr<QTcpSocket> open() const
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_fx->server->port());
        std::ignore = QTest::qWaitFor([&] { return socket->state() == QAbstractSocket::ConnectedState; }, 2000);
        return socket;
    }

    /// Writes `bytes` on a fresh connection and collects the answer until `answers` final answers arrived and
    /// (when `untilClosed`) the server closed, or `waitMs` passed.
    Raw exchange(const QByteArray &bytes, int answers = 1, bool untilClosed = false, int waitMs = 5000)
    {
        auto socket = open();
        socket->write(bytes);
        Raw raw;
        std::ignore = QTest::qWaitFor(
            [&] {
                raw.received += socket->readAll();
                raw.closed = socket->state() == QAbstractSocket::UnconnectedState;
                return raw.closed || (!untilClosed && raw.finalAnswers() >= answers);
            },
            waitMs);
        raw.received += socket->readAll();
        return raw;
    }

    /// Streams a `total`-byte body after `requestHead` in 1 MB pieces until an answer arrives; returns the answer,
    /// the bytes sent and the largest growth of this process's RSS meanwhile (MB).
    std::tuple<Raw, qint64, double> streamUntilAnswered(const QByteArray &requestHead, qint64 total)
    {
        const double baseline = residentMb();
        double peak = baseline;
        auto socket = open();
        socket->write(requestHead);
        const QByteArray piece(1024 * 1024, 'x');
        qint64 sent = 0;
        Raw raw;
        QDeadlineTimer deadline(60s);
        while (
            !deadline.hasExpired() && raw.finalAnswers() == 0 && socket->state() != QAbstractSocket::UnconnectedState) {
            if (sent < total && socket->bytesToWrite() < 4 * piece.size()) {
                socket->write(piece.first(std::min<qint64>(piece.size(), total - sent)));
                sent += std::min<qint64>(piece.size(), total - sent);
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            raw.received += socket->readAll();
            peak = std::max(peak, residentMb());
        }
        return {raw, sent, peak - baseline};
    }

    /// A request with a JSON (or other) body and its Content-Length.
    [[nodiscard]] QByteArray withBody(const QByteArray &method, const QByteArray &path, const QByteArray &body,
        const QByteArray &type = "application/json", bool withKey = true) const
    {
        return head(method, path,
                   "Content-Type: " + type + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n", withKey)
            + body;
    }

    [[nodiscard]] qint64 noteId()
    {
        const Raw made = exchange(withBody("POST", "/notes/", R"({"title":"Kept","content":"one"})"));
        return made.body().value(u"id"_s).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid() && m_keys.makeRsaKey(u"app"_s));
        m_pem = m_keys.read(u"app.pkcs8.pem"_s);
        QLoggingCategory::setFilterRules(u"notechondria.*=true"_s);
        g_previous = qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void init()
    {
        m_fx = std::make_unique<Test::LocalServerFixture>();
        auto options = Test::LocalServerFixture::gitHubApp(u"Iv1.hardening"_s, m_pem, true);
        options.push = false;
        Http::Limits limits;
        limits.headerTimeout = 500ms;
        limits.idleTimeout = 700ms;
        limits.stallTimeout = 500ms;
        limits.lingerTimeout = 300ms;
        limits.maxConnections = 8;
        options.limits = limits;
        QVERIFY2(m_fx->setUp(options), qPrintable(m_fx->problem));
        m_installation = QString::number(m_fx->github.addInstallation(u"octo"_s));
        g_log.clear();
    }

    void cleanup() { m_fx.reset(); }

    // --- 1. refused before the body is read ----------------------------------------------------------------------

    void unauthenticated300MbPostIsRefusedBeforeItsBodyAndMemoryStaysFlat()
    {
        const qint64 total = 300LL * 1024 * 1024;
        const auto [raw, sent, growth] = streamUntilAnswered(
            head("POST", "/notes/", "Content-Type: application/json\r\nContent-Length: 314572800\r\n", false), total);
        QCOMPARE(raw.statusOf(), 401);
        QVERIFY2(sent < total / 4, qPrintable(u"sent %1 bytes before the answer"_s.arg(sent)));
        QVERIFY2(growth < 100, qPrintable(u"RSS grew %1 MB"_s.arg(growth)));
        qInfo().noquote() << u"300 MB unauthenticated POST: answered after %1 MB sent, RSS growth %2 MB"_s
                                 .arg(sent / (1024 * 1024))
                                 .arg(growth, 0, 'f', 1);
    }

    void bodyOverTheRouteLimitIsRefusedWith413BeforeItIsSent()
    {
        const auto [raw, sent, growth] = streamUntilAnswered(
            head("POST", "/notes/", "Content-Type: application/json\r\nContent-Length: 314572800\r\n"),
            300LL * 1024 * 1024);
        QCOMPARE(raw.statusOf(), 413);
        QVERIFY(sent < 75LL * 1024 * 1024);
        QVERIFY(growth < 100);
    }

    void foreignHostAndOriginAreRefusedWithoutWaitingForTheBody()
    {
        const Raw foreign
            = exchange(head("POST", "/notes/", "Content-Length: 5000\r\n", true, "evil.example"), 1, false, 2000);
        QCOMPARE(foreign.statusOf(), 403);
        const Raw origin = exchange(
            head("POST", "/notes/", "Origin: http://evil.example\r\nContent-Length: 5000\r\n"), 1, false, 2000);
        QCOMPARE(origin.statusOf(), 403);
        QCOMPARE(m_fx->store->noteCount().value_or(-1), 0);
    }

    void expect100ContinueIsAnsweredOnlyForAnAdmittedHead()
    {
        const QByteArray body = R"({"title":"Continued"})";
        auto socket = open();
        socket->write(head("POST", "/notes/",
            "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n"));
        QByteArray got;
        QVERIFY(QTest::qWaitFor([&] { return (got += socket->readAll()).contains("100 Continue\r\n\r\n"); }, 2000));
        socket->write(body);
        QVERIFY(QTest::qWaitFor([&] { return (got += socket->readAll()).contains("HTTP/1.1 201"); }, 2000));
        const Raw refused = exchange(head("POST", "/notes/", "Expect: 100-continue\r\nContent-Length: 10\r\n", false));
        QCOMPARE(refused.statusOf(), 401);
        QVERIFY(!refused.received.contains("100 Continue"));
    }

    // --- 2. timeouts and the connection cap ---------------------------------------------------------------------

    void aSlowHeadIsCutAfterTheHeaderTimeout()
    {
        auto socket = open();
        const QByteArray request = head("GET", "/settings/");
        QElapsedTimer clock;
        clock.start();
        QByteArray got;
        for (qsizetype i = 0; i < request.size() && socket->state() == QAbstractSocket::ConnectedState; ++i) {
            socket->write(request.mid(i, 1)); // slowloris: one byte every 100 ms
            QTest::qWait(100);
            got += socket->readAll();
        }
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 2000);
        got += socket->readAll();
        QVERIFY2(clock.elapsed() < 3000, "the connection stayed open");
        QVERIFY2(got.startsWith("HTTP/1.1 408"), got.constData());
    }

    void anIdleKeepAliveConnectionIsClosed()
    {
        auto socket = open();
        socket->write(head("GET", "/settings/"));
        QByteArray got;
        QVERIFY(QTest::qWaitFor([&] { return (got += socket->readAll()).startsWith("HTTP/1.1 200"); }, 2000));
        QVERIFY(got.contains("Connection: keep-alive"));
        QElapsedTimer clock;
        clock.start();
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 3000);
        QVERIFY(clock.elapsed() >= 500);
    }

    void aBodyThatStallsTimesOut()
    {
        const Raw raw = exchange(
            head("PATCH", "/settings/", "Content-Type: application/json\r\nContent-Length: 100\r\n") + R"({"motto":)",
            1, true, 3000);
        QVERIFY(raw.closed);
        QCOMPARE(raw.statusOf(), 408);
    }

    void connectionsOverTheCapAreRefusedAndRoomComesBack()
    {
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 8; ++i) {
            idle.push_back(open());
        }
        QTRY_COMPARE_WITH_TIMEOUT(idle.back()->state(), QAbstractSocket::ConnectedState, 2000);
        QTest::qWait(50);
        const Raw over = exchange(head("GET", "/settings/"), 1, true, 2000);
        QCOMPARE(over.statusOf(), 503);
        idle.clear();
        QTest::qWait(100);
        QCOMPARE(exchange(head("GET", "/settings/")).statusOf(), 200);
    }

    // --- 3. framing ----------------------------------------------------------------------------------------------

    void twoContentLengthsAreRefused()
    {
        const Raw raw = exchange(
            head("POST", "/notes/", "Content-Type: application/json\r\nContent-Length: 16\r\nContent-Length: 16\r\n")
                + R"({"title":"Two"})"
                  "\n",
            1, true);
        QCOMPARE(raw.statusOf(), 400);
        QVERIFY(raw.body().value(u"detail"_s).toString().contains(u"more than one Content-Length"_s));
        QCOMPARE(m_fx->store->noteCount().value_or(-1), 0);
    }

    void contentLengthWithTransferEncodingCannotSmuggleASecondRequest()
    {
        const QByteArray smuggled = head("POST", "/notes/", "Content-Type: application/json\r\nContent-Length: 19\r\n")
            + R"({"title":"Sneaky"})";
        const QByteArray chunkedPart = "0\r\n\r\n";
        const Raw raw = exchange(
            head("POST", "/notes/",
                "Content-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(chunkedPart.size() + smuggled.size()) + "\r\nTransfer-Encoding: chunked\r\n")
                + chunkedPart + smuggled,
            2, true);
        QCOMPARE(raw.statusOf(), 400);
        QCOMPARE(raw.finalAnswers(), 1);
        QCOMPARE(m_fx->store->noteCount().value_or(-1), 0);
    }

    void malformedChunkedBodyIsRefusedAndChangesNothing()
    {
        const qint64 id = noteId();
        QVERIFY(id > 0);
        const QByteArray path = "/notes/" + QByteArray::number(id) + "/";
        const Raw bad = exchange(head("PATCH", path, "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n")
                + "zz\r\n{\"title\":\"Changed\"}\r\n0\r\n\r\n",
            1, true);
        QCOMPARE(bad.statusOf(), 400);
        const QByteArray body = R"({"title":"Changed"})";
        const Raw good
            = exchange(head("PATCH", path, "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n")
                + QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n");
        QCOMPARE(good.statusOf(), 200);
        QCOMPARE(good.body().value(u"title"_s).toString(), u"Changed"_s);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        const Raw raw = exchange(head("GET", "/settings/") + head("GET", "/nothing-here/"), 2);
        QCOMPARE(raw.finalAnswers(), 2);
        QCOMPARE(raw.statusOf(0), 200);
        QCOMPARE(raw.statusOf(1), 404);
    }

    // --- 4. validation -------------------------------------------------------------------------------------------

    void installationIdsArePositiveIntegersEverywhere()
    {
        for (const QString &bad : {u"ghs_0123456789abcdefABCDEF0123"_s, u"12\u000034"_s, u"0"_s, u"-3"_s, u"1e3"_s}) {
            const QByteArray body
                = QJsonDocument(QJsonObject{{u"installation_id"_s, bad}}).toJson(QJsonDocument::Compact);
            const Raw raw = exchange(withBody("POST", "/integrations/github/callback/", body));
            QCOMPARE(raw.statusOf(), 400);
            QVERIFY(raw.body().contains(u"installation_id"_s));
            QVERIFY(!m_fx->store->integration().value());
        }
        Store::IntegrationUpdate update;
        update.installationId = u"ghs_notanumber"_s;
        QVERIFY(!m_fx->store->connectIntegration(update));
        update.installationId = m_installation;
        QVERIFY(m_fx->store->connectIntegration(update));
        QVERIFY(!g_log.join(u'\n').contains(u"ghs_0123456789"_s));
    }

    void nulCharactersInTextFieldsAreRefused()
    {
        const QByteArray body = R"({"title":"a\u0000b","content":"x"})";
        const Raw raw = exchange(withBody("POST", "/notes/", body));
        QCOMPARE(raw.statusOf(), 400);
        QCOMPARE(raw.body().value(u"title"_s).toArray().first().toString(), u"Null characters are not allowed."_s);
        QCOMPARE(m_fx->store->noteCount().value_or(-1), 0);
        const QByteArray settings = R"({"app_settings":{"k":"v\u0000"}})";
        QCOMPARE(exchange(withBody("PATCH", "/settings/", settings)).statusOf(), 400);
    }

    void avatarFileNamesMustBeOnePathComponent()
    {
        for (const QByteArray &name : {QByteArray(".."), QByteArray("."), QByteArray()}) {
            const QByteArray body = "--b\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"" + name
                + "\"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n--b--\r\n";
            const Raw raw = exchange(withBody("PATCH", "/settings/", body, "multipart/form-data; boundary=b"));
            QCOMPARE(raw.statusOf(), 400);
            QVERIFY(raw.body().contains(u"avatar"_s));
            QVERIFY(m_fx->store->profile().value().avatar.bytes.isEmpty());
        }
    }

    // --- 5. logs -------------------------------------------------------------------------------------------------

    void refusalLogLinesNeverCarryAKey()
    {
        const QByteArray secret = "ntc_0123456789abcdef0123456789abcdef";
        exchange(head("GET", "/" + secret + "/", {}, true, "evil.example"));
        exchange(head("GET", "/x_" + secret + "abc/", {}, true, "evil.example"));
        exchange(head("GET", "/integrations/github/status/" + QByteArray(190, 'a') + secret + "/"));
        exchange(head("DELETE", "/" + secret + "/", {}, false));
        exchange(head("GET", "/integrations/github/repos/", "X-Token: " + key() + "\r\n", false));
        const QString all = g_log.join(u'\n');
        QVERIFY2(all.contains(u"Core.Server/host_check"_s), qPrintable(all));
        QVERIFY2(!all.contains(u"0123456789abcdef0123"_s) && !all.contains(QString::fromLatin1(key().mid(4, 16))),
            qPrintable(all));
        for (const QString &line : std::as_const(g_log)) {
            QVERIFY2(!line.contains(u"ntc_"_s) || line.contains(u"[redacted]"_s) || line.contains(u"ntc_\u2026"_s),
                qPrintable(line));
        }
    }

    // --- 6. the browser callback's state nonce -------------------------------------------------------------------

    void browserCallbackNeedsTheStateOfOurInstallLink()
    {
        const Raw status = exchange(head("GET", "/integrations/github/status/"));
        const QUrl installUrl(status.body().value(u"install_url"_s).toString());
        QVERIFY(installUrl.toString().startsWith(u"https://github.com/apps/notechondria-test/installations/new?"_s));
        const QString state = QUrlQuery(installUrl).queryItemValue(u"state"_s);
        QCOMPARE(state.size(), 32);
        const QByteArray base
            = "/integrations/github/callback/?installation_id=" + m_installation.toLatin1() + "&setup_action=install";
        const auto browser = [&](const QByteArray &query) {
            return exchange(head("GET", base + query, {}, false)).statusOf();
        };
        QCOMPARE(browser(""), 403);
        QCOMPARE(browser("&state=00000000000000000000000000000000"), 403);
        QVERIFY(!m_fx->store->integration().value());
        QCOMPARE(browser("&state=" + state.toLatin1()), 200);
        QCOMPARE(m_fx->store->integration().value()->installationId, m_installation);
        QVERIFY(m_fx->store->deleteIntegration());
        QCOMPARE(browser("&state=" + state.toLatin1()), 403); // used once
        QVERIFY(!m_fx->store->integration().value());
        const Raw again = exchange(head("GET", "/integrations/github/status/"));
        const QString next
            = QUrlQuery(QUrl(again.body().value(u"install_url"_s).toString())).queryItemValue(u"state"_s);
        QVERIFY(next.size() == 32 && next != state);
    }
};

QTEST_GUILESS_MAIN(TestServerHardening)
#include "test_serverhardening.moc"
