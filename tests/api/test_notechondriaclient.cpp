// SPDX-License-Identifier: GPL-3.0-or-later
// NotechondriaClient against the real local server on loopback.
#include "../ui/syncfixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestNotechondriaClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncFixture> m_fx;

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<SyncFixture>();
        const QString problem = m_fx->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void cleanup() { m_fx.reset(); }

    void normalizesAnyBaseUrlToApiV1_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("host") << u"https://n.example"_s << u"https://n.example/api/v1"_s;
        QTest::newRow("slash") << u"https://n.example/"_s << u"https://n.example/api/v1"_s;
        QTest::newRow("api") << u"https://n.example/api/v1/"_s << u"https://n.example/api/v1"_s;
        QTest::newRow("deeper") << u"https://n.example/api/v1/notes/"_s << u"https://n.example/api/v1"_s;
        QTest::newRow("prefix") << u"https://n.example/nc"_s << u"https://n.example/nc/api/v1"_s;
    }

    void normalizesAnyBaseUrlToApiV1()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(NotechondriaClient::normalizedBaseUrl(QUrl(input)).toString(), expected);
    }

    void sendsNtcKeysAsBearerAndOthersAsToken()
    {
        QCOMPARE(NotechondriaClient::authorizationHeader(u"ntc_0123"_s).left(7), "Bearer "_ba);
        QCOMPARE(NotechondriaClient::authorizationHeader(u"abc"_s), "Token abc"_ba);
        QVERIFY(NotechondriaClient::authorizationHeader(QString()).isEmpty());
    }

    void readsDisconnectedStatusWithInstallUrl()
    {
        const auto status = QCoro::waitFor(m_fx->client->status());
        QVERIFY2(status, status ? "" : qPrintable(status.error().message()));
        QVERIFY(!status->connected);
        QVERIFY(status->installUrl.startsWith(QString::fromLatin1(installUrl) + u"?state="_s));
    }

    void wrongKeyIsASessionRejectedErrorWithoutTheKey()
    {
        m_fx->client->setApiKey(u"ntc_00000000000000000000000000000000"_s);
        const auto status = QCoro::waitFor(m_fx->client->status());
        QVERIFY(!status);
        QCOMPARE(status.error().httpStatus, 401);
        QCOMPARE(status.error().consequence, u"Session rejected"_s);
        QCOMPARE(status.error().module, u"Backend.Auth/GET /api/v1/integrations/github/status/"_s);
        QVERIFY(!status.error().message().contains(u"ntc_0000"_s)); // the key is not echoed
        QVERIFY2(status.error().message().contains(u"Bearer ntc_\u2026"_s), qPrintable(status.error().message()));
    }

    void callbackSendsOnlyNonEmptyFieldsAndStatusCarriesTheInstallation()
    {
        const qint64 id = m_fx->github.addInstallation(u"octo"_s);
        m_fx->github.addRepository(id, u"octo/backup"_s, u"trunk"_s);
        CallbackRequest link;
        link.installationId = QString::number(id);
        const auto linked = QCoro::waitFor(m_fx->client->callback(link));
        QVERIFY2(linked, linked ? "" : qPrintable(linked.error().message()));
        const auto repos = QCoro::waitFor(m_fx->client->repos());
        QVERIFY2(repos, repos ? "" : qPrintable(repos.error().message()));
        QCOMPARE(repos->size(), 1);
        QCOMPARE(repos->constFirst().fullName, u"octo/backup"_s);
        QCOMPARE(repos->constFirst().defaultBranch, u"trunk"_s);
        CallbackRequest choose;
        choose.installationId = QString::number(id);
        choose.repoFullName = u"octo/backup"_s;
        choose.repoDefaultBranch = u"trunk"_s;
        const auto chosen = QCoro::waitFor(m_fx->client->callback(choose));
        QVERIFY(chosen);
        const auto status = QCoro::waitFor(m_fx->client->status());
        QVERIFY(status && status->connected);
        QCOMPARE(status->installationId, QString::number(id));
        QCOMPARE(status->repoFullName, u"octo/backup"_s);
    }

    void fieldErrorsAreFlattened()
    {
        const auto answer = QCoro::waitFor(m_fx->client->callback({}));
        QVERIFY(!answer);
        QCOMPARE(answer.error().httpStatus, 400);
        QVERIFY2(answer.error().cause.contains(u"installation_id"_s), qPrintable(answer.error().message()));
    }

    void unreachableServerIsARetryableError()
    {
        NotechondriaClient client(&m_fx->nam);
        client.setBaseUrl(QUrl(u"http://127.0.0.1:1"_s));
        client.setApiKey(u"abc"_s);
        const auto status = QCoro::waitFor(client.status());
        QVERIFY(!status);
        QVERIFY(status.error().retryable);
        QCOMPARE(status.error().consequence, u"Server not reachable"_s);
    }
};

QTEST_GUILESS_MAIN(TestNotechondriaClient)
#include "test_notechondriaclient.moc"
