// SPDX-License-Identifier: GPL-3.0-or-later
// POST integrations/github/sync/ (and push/'s 409) over real HTTP: the real LocalServer, PushService and Store
// against the GitHub test server (real bare git repositories), through the real NotechondriaClient.
#include "../ui/syncfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestSyncRoute : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncFixture> m_fx;
    const QString m_repo = u"octo/notes"_s;

    struct Answer
    {
        int status = 0;
        QJsonObject body;
    };

    QNetworkReply *send(const QString &path, const QJsonObject &body)
    {
        return m_fx->send("POST", u"/integrations/github/"_s + path, json(body));
    }

    static Answer wait(QNetworkReply *reply)
    {
        const Test::ServerAnswer answer = LocalServerFixture::wait(reply);
        return {answer.status, answer.object()};
    }

    Answer post(const QString &path, const QJsonObject &body = {}) { return wait(send(path, body)); }

    /// Both sides change the profile after a first sync.
    void changeProfileOnBothSides()
    {
        auto profile = m_fx->store->profile();
        QVERIFY(profile);
        profile->motto = u"written here"_s;
        QVERIFY(m_fx->store->saveProfile(*profile));
        m_fx->github.commitFromAnotherDevice(m_repo, u"main"_s,
            {{u"profile/creator.json"_s, QByteArray("{\n  \"motto\": \"written elsewhere\"\n}\n")}}, u"Other"_s);
    }

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<SyncFixture>();
        const QString problem = m_fx->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const qint64 installation = m_fx->github.addInstallation(u"octo"_s);
        m_fx->github.addRepository(installation, m_repo, u"main"_s, true, false);
        CallbackRequest link;
        link.installationId = QString::number(installation);
        link.repoFullName = m_repo;
        link.repoDefaultBranch = u"main"_s;
        QVERIFY(QCoro::waitFor(m_fx->client->callback(link)));
    }

    void cleanup() { m_fx.reset(); }

    void syncCommitsAndAnswersBothDirections()
    {
        const Answer first = post(u"sync/"_s);
        QVERIFY2(first.status == 200, QJsonDocument(first.body).toJson().constData());
        QCOMPARE(first.body[u"committed"_s].toBool(), true);
        QCOMPARE(first.body[u"commit_sha"_s].toString(), m_fx->github.headSha(m_repo, u"main"_s));
        const QJsonObject pushed = first.body[u"pushed"_s].toObject();
        QVERIFY(pushed[u"added"_s].toInt() > 0);
        QCOMPARE(pushed[u"added"_s].toInt(), first.body[u"added"_s].toInt());
        QVERIFY(first.body[u"pulled"_s].isObject());
        QVERIFY(first.body[u"merged"_s].isArray());

        const auto again = QCoro::waitFor(m_fx->client->sync({}));
        QVERIFY2(again, again ? "" : qPrintable(again.error().message()));
        QVERIFY(!again->committed);
        QCOMPARE(again->pushed.total(), 0);
        QCOMPARE(again->pulled.total(), 0);
    }

    void conflictIs409WithPathsAndItems_data()
    {
        QTest::addColumn<QString>("route");
        QTest::newRow("sync") << u"sync/"_s;
        QTest::newRow("push") << u"push/"_s;
    }

    void conflictIs409WithPathsAndItems()
    {
        QFETCH(QString, route);
        QCOMPARE(post(u"sync/"_s).status, 200);
        changeProfileOnBothSides();
        const QString head = m_fx->github.headSha(m_repo, u"main"_s);
        const Answer answer = post(route);
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.body[u"conflict"_s].toBool(), true);
        QVERIFY(answer.body[u"paths"_s].toArray().contains(u"profile/creator.json"_s));
        const QJsonArray items = answer.body[u"items"_s].toArray();
        const auto item = std::ranges::find_if(
            items, [](const QJsonValue &v) { return v[u"path"_s] == u"profile/creator.json"_s; });
        QVERIFY(item != items.end());
        QCOMPARE((*item)[u"item"_s].toString(), u"profile"_s);
        QCOMPARE((*item)[u"kind"_s].toString(), u"both_changed"_s);
        QVERIFY((*item).toObject().contains(u"title"_s));
        QVERIFY(answer.body[u"detail"_s].toString().contains(QChar(0x2014)));
        QCOMPARE(m_fx->github.headSha(m_repo, u"main"_s), head); // nothing changed on GitHub

        // The client reads the same answer.
        const auto parsed = QCoro::waitFor(m_fx->client->sync({}));
        QVERIFY(parsed && parsed->conflict);
        QVERIFY(std::ranges::find(parsed->conflictItems, u"profile/creator.json"_s, &ConflictItem::path)
            != parsed->conflictItems.end());
    }

    void resolvingAllAsMineOverwritesGitHub()
    {
        QCOMPARE(post(u"sync/"_s).status, 200);
        changeProfileOnBothSides();
        SyncRequest request;
        request.resolveAll = ConflictChoice::Mine;
        const auto answer = QCoro::waitFor(m_fx->client->sync(request));
        QVERIFY2(answer, answer ? "" : qPrintable(answer.error().message()));
        QVERIFY(!answer->conflict);
        QVERIFY(answer->committed);
        QCOMPARE(answer->commitSha, m_fx->github.headSha(m_repo, u"main"_s));
    }

    void refusesBadResolutionValues_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown choice") << QJsonObject{{u"resolutions"_s, QJsonObject{{u"notes/a.md"_s, u"yours"_s}}}}
                                        << u"resolutions"_s;
        QTest::newRow("not a string") << QJsonObject{{u"resolutions"_s, QJsonObject{{u"notes/a.md"_s, 1}}}}
                                      << u"resolutions"_s;
        QTest::newRow("not an object") << QJsonObject{{u"resolutions"_s, u"mine"_s}} << u"resolutions"_s;
        QTest::newRow("resolve_all") << QJsonObject{{u"resolve_all"_s, u"everything"_s}} << u"resolve_all"_s;
        QTest::newRow("force and keep_remote")
            << QJsonObject{{u"force"_s, true}, {u"keep_remote"_s, true}} << u"detail"_s;
    }

    void refusesBadResolutionValues()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const QString head = m_fx->github.headSha(m_repo, u"main"_s);
        const Answer answer = post(u"sync/"_s, body);
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.body.contains(field), QJsonDocument(answer.body).toJson().constData());
        QCOMPARE(m_fx->github.headSha(m_repo, u"main"_s), head); // nothing was pushed
    }

    void answers409WhileAPushOrSyncRuns_data()
    {
        QTest::addColumn<QString>("running");
        QTest::addColumn<QString>("second");
        QTest::newRow("sync while a push runs") << u"push/"_s << u"sync/"_s;
        QTest::newRow("push while a sync runs") << u"sync/"_s << u"push/"_s;
        QTest::newRow("sync while a sync runs") << u"sync/"_s << u"sync/"_s;
    }

    void answers409WhileAPushOrSyncRuns()
    {
        QFETCH(QString, running);
        QFETCH(QString, second);
        m_fx->github.setHangDuration(1500ms);
        m_fx->github.injectFault({"", QRegularExpression(u"/repos/octo/notes/git/"_s), 0, {}, {}, true, 1});
        QNetworkReply *first = send(running, {});
        QTRY_VERIFY(m_fx->server->isPushRunning());
        const Answer refused = post(second);
        QCOMPARE(refused.status, 409);
        QVERIFY(refused.body[u"detail"_s].toString().contains(u"already running"_s));
        QCOMPARE(wait(first).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSyncRoute)
#include "test_syncroute.moc"
