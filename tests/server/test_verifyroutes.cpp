// SPDX-License-Identifier: GPL-3.0-or-later
// Test restore on the local server (issue #16) over real HTTP on loopback: a real Store (SQLite in a temp dir), the
// real GitHubApi and PushService against the GitHub test server (real bare git repositories), and the REST client.
// The tampering is another device's commit that edits a note behind the backup's checksums.
#include "../github/keyfixture.h"
#include "demodata.h"
#include "localserverfixture.h"

#include <QCoroTask>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Notechondria;

using Answer = Notechondria::Test::ServerAnswer;
using Notechondria::Test::json;

namespace {

const QString repo = u"octo/notes"_s;
const QString refusal = u"Backup not verified: Core.Server.GitHubSync/verify \u2014 "_s;

} // namespace

class TestVerifyRoutes : public QObject
{
    Q_OBJECT

    Test::KeyFixture m_keys;
    QByteArray m_pem;
    std::unique_ptr<Test::LocalServerFixture> m_fx;
    QString m_installation;

    Answer verify(const QJsonObject &body = {})
    {
        return m_fx->call("POST", u"/integrations/github/verify/"_s, json(body));
    }
    Answer last() { return m_fx->call("GET", u"/integrations/github/verify/"_s, {}); }
    Answer push() { return m_fx->call("POST", u"/integrations/github/push/"_s, json({})); }

    void connectRepository(bool withRepository = true)
    {
        QJsonObject body{{u"installation_id"_s, m_installation}, {u"account_login"_s, u"octo"_s}};
        if (withRepository) {
            body.insert(u"repo_full_name"_s, repo);
        }
        QCOMPARE(m_fx->call("POST", u"/integrations/github/callback/"_s, json(body)).status, 200);
    }

    void pushDemoData(int notes)
    {
        DemoOptions options;
        options.notes = notes;
        options.seed = 11;
        const auto made = generateDemoData(*m_fx->store, options, *m_fx->clock);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message()));
        const Answer pushed = push();
        QCOMPARE(pushed.status, 200);
        QVERIFY(pushed.object().value(u"committed"_s).toBool());
    }

    [[nodiscard]] Note firstNote() const { return m_fx->store->notes()->first(); }
    [[nodiscard]] static QString pathOf(const Note &note)
    {
        return u"notes/%1.md"_s.arg(note.uuid.toString(QUuid::Id128));
    }

    /// Another device edits the note's file on GitHub without touching checksums/ or the manifest.
    QString tamperWith(const Note &note)
    {
        QProcess git;
        git.start(
            u"git"_s, {u"--git-dir"_s, m_fx->github.bareRepositoryPath(repo), u"show"_s, u"main:"_s + pathOf(note)});
        git.waitForFinished(30000);
        QByteArray bytes = git.readAllStandardOutput();
        bytes.append("\nwritten behind the checksums\n");
        return m_fx->github.commitFromAnotherDevice(repo, u"main"_s, {{pathOf(note), bytes}}, u"Edited by hand"_s);
    }

    /// A tarball download that hangs for a while, so the work that reads it is still running.
    void hangTheNextTarball()
    {
        m_fx->github.clearRequests();
        m_fx->github.setHangDuration(1500ms);
        Test::GitHubTestServer::Fault fault;
        fault.method = "GET";
        fault.path = QRegularExpression(u"/tarball/"_s);
        fault.status = 0;
        fault.hang = true;
        m_fx->github.injectFault(fault);
    }

    void waitForTheTarballRequest()
    {
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::any_of(m_fx->github.requests(),
                                     [](const auto &request) { return request.path.contains(u"/tarball/"_s); }),
            20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid() && m_keys.makeRsaKey(u"app"_s));
        m_pem = m_keys.read(u"app.pkcs8.pem"_s);
    }

    void init()
    {
        m_fx = std::make_unique<Test::LocalServerFixture>();
        QVERIFY2(m_fx->setUp(Test::LocalServerFixture::gitHubApp(u"Iv1.verifytest"_s, m_pem, false)),
            qPrintable(m_fx->problem));
        m_installation = QString::number(m_fx->github.addInstallation(u"octo"_s));
        m_fx->github.addRepository(m_installation.toLongLong(), repo, u"main"_s, true, true);
    }

    void cleanup() { m_fx.reset(); }

    void neverVerifiedIsNull()
    {
        const Answer answer = last();
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.object().contains(u"last"_s));
        QVERIFY(answer.object().value(u"last"_s).isNull());
    }

    void aPushedBackupIsCompleteAndATamperedOneNamesTheFile()
    {
        connectRepository();
        pushDemoData(6);
        const QString good = m_fx->github.headSha(repo, u"main"_s);

        const Answer complete = verify();
        QCOMPARE(complete.status, 200);
        QVERIFY2(complete.object().value(u"complete"_s).toBool(), complete.body.constData());
        QCOMPARE(complete.object().value(u"commit"_s).toString(), good);
        QCOMPARE(complete.object().value(u"notes"_s).toInt(), 6);
        QVERIFY(complete.object().value(u"files"_s).toInt() > 6);
        QCOMPARE(complete.object().value(u"problems"_s).toArray().size(), 0);
        QCOMPARE(last().object().value(u"last"_s).toObject().value(u"commit"_s).toString(), good);
        // The scratch profile under the data folder is gone again.
        QVERIFY(QDir(m_fx->dir.path()).entryList({u"verify-*"_s}, QDir::Dirs).isEmpty());

        const Note note = firstNote();
        const QString bad = tamperWith(note);
        const Answer damaged = verify();
        QCOMPARE(damaged.status, 200);
        QCOMPARE(damaged.object().value(u"commit"_s).toString(), bad);
        QCOMPARE(damaged.object().value(u"complete"_s).toBool(), false);
        const QJsonArray problems = damaged.object().value(u"problems"_s).toArray();
        const bool named = std::ranges::any_of(problems, [&](const QJsonValue &problem) {
            const QJsonObject entry = problem.toObject();
            return entry.value(u"path"_s).toString() == pathOf(note)
                && entry.value(u"kind"_s).toString() == u"damaged"_s
                && entry.value(u"title"_s).toString() == note.title;
        });
        QVERIFY2(named, damaged.body.constData());

        const QJsonObject recorded = last().object().value(u"last"_s).toObject();
        QCOMPARE(recorded.value(u"commit"_s).toString(), bad);
        QCOMPARE(recorded.value(u"complete"_s).toBool(), false);
        QCOMPARE(recorded.value(u"problems"_s).toArray(), problems);

        // The commit before the tampering still verifies, by its id.
        const Answer earlier = verify({{u"commit"_s, good}});
        QCOMPARE(earlier.status, 200);
        QVERIFY(earlier.object().value(u"complete"_s).toBool());
        QCOMPARE(earlier.object().value(u"commit"_s).toString(), good);
    }

    void refusesWithoutARepositoryOrWithABadCommit()
    {
        const Answer unlinked = verify();
        QCOMPARE(unlinked.status, 400);
        QVERIFY2(unlinked.detail().startsWith(refusal), qPrintable(unlinked.detail()));
        connectRepository(false);
        const Answer noRepository = verify();
        QCOMPARE(noRepository.status, 400);
        QVERIFY2(noRepository.detail().startsWith(refusal), qPrintable(noRepository.detail()));
        QVERIFY(noRepository.detail().contains(u"no repository is connected"_s));
        const Answer shortSha = verify({{u"commit"_s, u"abc123"_s}});
        QCOMPARE(shortSha.status, 400);
        QVERIFY2(shortSha.object().contains(u"commit"_s), shortSha.body.constData());
        QVERIFY(last().object().value(u"last"_s).isNull());
    }

    void waitsForARestoreAndAPushWaitsForIt()
    {
        connectRepository();
        pushDemoData(2);
        hangTheNextTarball();
        QNetworkReply *restoring = m_fx->send(
            "POST", u"/integrations/github/restore/"_s, json({{u"source"_s, u"github"_s}, {u"dry_run"_s, true}}));
        waitForTheTarballRequest();
        const Answer whileRestoring = verify();
        QCOMPARE(whileRestoring.status, 409);
        QVERIFY2(whileRestoring.detail().startsWith(refusal), qPrintable(whileRestoring.detail()));
        QCOMPARE(m_fx->wait(restoring).status, 200);

        hangTheNextTarball();
        QNetworkReply *verifying = m_fx->send("POST", u"/integrations/github/verify/"_s, json({}));
        waitForTheTarballRequest();
        QCOMPARE(push().status, 409);
        QCOMPARE(verify().status, 409);
        const Answer done = m_fx->wait(verifying);
        QCOMPARE(done.status, 200);
        QVERIFY(done.object().value(u"complete"_s).toBool());
    }

    void theClientReadsTheReportAndTheLastOne()
    {
        connectRepository();
        pushDemoData(3);
        NotechondriaClient client(&m_fx->nam);
        client.setBaseUrl(m_fx->server->baseUrl());
        client.setApiKey(m_fx->server->apiKey());
        const auto never = QCoro::waitFor(client.lastVerification());
        QVERIFY2(never, qPrintable(never ? QString() : never.error().message()));
        QVERIFY(!never->has_value());

        const Note note = firstNote();
        tamperWith(note);
        const auto report = QCoro::waitFor(client.verifyBackup());
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message()));
        QCOMPARE(report->complete, false);
        QCOMPARE(report->notes, 3);
        QVERIFY(report->verifiedAt.isValid());
        QVERIFY(std::ranges::any_of(report->problems, [&](const VerifyReport::Problem &problem) {
            return problem.path == pathOf(note) && problem.title == note.title && problem.kind == u"damaged"_s
                && problem.message.contains(u" \u2014 "_s);
        }));
        const auto recorded = QCoro::waitFor(client.lastVerification());
        QVERIFY(recorded && recorded->has_value());
        QCOMPARE((*recorded)->commit, report->commit);
        QCOMPARE((*recorded)->problems.size(), report->problems.size());

        const auto refused = QCoro::waitFor(client.verifyBackup(u"abc"_s));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(u"commit"_s), qPrintable(refused.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestVerifyRoutes)
#include "test_verifyroutes.moc"
