// SPDX-License-Identifier: GPL-3.0-or-later
// NotechondriaClient's transport (HttpClient): size cap and retries, against a scripted HTTP server on loopback.
#include "notechondriaclient.h"

#include <QCoroTask>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

/// Answers each request with the next scripted response (raw HTTP/1.1), then closes the connection.
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    explicit ScriptedServer(QList<QByteArray> answers)
        : m_answers(std::move(answers))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    [[nodiscard]] QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    [[nodiscard]] int requests() const { return m_requests; }

    static QByteArray response(int status, const QByteArray &reason, const QByteArray &body)
    {
        return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
            + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n")) {
            return; // the request head is not complete yet (GETs carry no body)
        }
        m_buffers.remove(socket);
        const QByteArray reply = m_requests < m_answers.size() ? m_answers[m_requests] : m_answers.last();
        ++m_requests;
        socket->write(reply);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<QByteArray> m_answers;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_requests = 0;
};

const QByteArray kStatusBody
    = R"({"connected": false, "install_url": "https://github.com/apps/x/installations/new"})"_ba;

} // namespace

class TestClientTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answerLargerThanTheCapIsRefusedWithAThreePartError()
    {
        ScriptedServer server({ScriptedServer::response(200, "OK", QByteArray(64 * 1024, ' ') + kStatusBody)});
        QVERIFY(server.listen());
        QNetworkAccessManager nam;
        NotechondriaClient client(&nam);
        client.setBaseUrl(server.url());
        client.setMaxResponseBytes(16 * 1024);
        const auto status = QCoro::waitFor(client.status());
        QVERIFY(!status);
        QCOMPARE(status.error().consequence, u"Request failed"_s);
        QCOMPARE(status.error().module, u"Frontend.Api/GET integrations/github/status/"_s);
        QVERIFY2(status.error().cause.contains(u"16384-byte limit"_s), qPrintable(status.error().message()));
        QVERIFY(status.error().message().contains(u"Request failed: Frontend.Api/GET integrations/github/status/ "
                                                  u"\u2014 "_s));
        QVERIFY(!status.error().retryable);
        QCOMPARE(server.requests(), 1); // a size cap is not retried
    }

    void getAnsweredWith503IsRetriedAndSucceeds()
    {
        ScriptedServer server({ScriptedServer::response(503, "Service Unavailable", R"({"detail": "busy"})"_ba),
            ScriptedServer::response(200, "OK", kStatusBody)});
        QVERIFY(server.listen());
        QNetworkAccessManager nam;
        NotechondriaClient client(&nam);
        client.setBaseUrl(server.url());
        client.setRetryPolicy(3, std::chrono::milliseconds(10));
        const auto status = QCoro::waitFor(client.status());
        QVERIFY2(status, status ? "" : qPrintable(status.error().message()));
        QVERIFY(!status->connected);
        QCOMPARE(server.requests(), 2);
    }

    void postAnsweredWith503IsNotRetried()
    {
        ScriptedServer server({ScriptedServer::response(503, "Service Unavailable", R"({"detail": "busy"})"_ba),
            ScriptedServer::response(200, "OK", "{}"_ba)});
        QVERIFY(server.listen());
        QNetworkAccessManager nam;
        NotechondriaClient client(&nam);
        client.setBaseUrl(server.url());
        client.setRetryPolicy(3, std::chrono::milliseconds(10));
        const auto reply = QCoro::waitFor(client.send("POST", u"integrations/github/disconnect/"_s));
        QVERIFY2(reply, reply ? "" : qPrintable(reply.error().message()));
        QCOMPARE(reply->status, 503);
        QCOMPARE(server.requests(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClientTransport)
#include "test_clienttransport.moc"
