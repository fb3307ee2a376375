// SPDX-License-Identifier: GPL-3.0-or-later
// The restore endpoint of the local server over real HTTP on loopback: a real Store (SQLite in a temp dir), the real
// GitHubApi and PushService against the GitHub test server (real bare git repositories), and the REST client.
#include "../github/keyfixture.h"
#include "demodata.h"
#include "exportedfiles.h"
#include "exporter.h"
#include "localserverfixture.h"

#include <QCoroTask>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Notechondria;

namespace {

const QString refusal = u"Restore not done: Core.Server.GitHubSync/restore \u2014 "_s;

} // namespace

using Answer = Notechondria::Test::ServerAnswer;
using Notechondria::Test::json;

class TestRestoreRoutes : public QObject
{
    Q_OBJECT

    Test::KeyFixture m_keys;
    QByteArray m_pem;
    std::unique_ptr<Test::LocalServerFixture> m_fx;
    QString m_installation;

    Answer restore(const QJsonObject &body)
    {
        return m_fx->call("POST", u"/integrations/github/restore/"_s, json(body));
    }
    Answer restoreFromGitHub(bool dryRun) { return restore({{u"source"_s, u"github"_s}, {u"dry_run"_s, dryRun}}); }
    Answer push(const QJsonObject &body = {})
    {
        return m_fx->call("POST", u"/integrations/github/push/"_s, json(body));
    }

    /// The export with assets (avatar, covers, attachments), bytes included.
    [[nodiscard]] QMap<QString, QByteArray> exportWithAssets() const
    {
        return Test::exportedFiles(*m_fx->store, *m_fx->clock);
    }

    void connectRepository(const QString &repo = u"octo/notes"_s)
    {
        QJsonObject body{{u"installation_id"_s, m_installation}, {u"account_login"_s, u"octo"_s}};
        if (!repo.isEmpty()) {
            body.insert(u"repo_full_name"_s, repo);
        }
        const Answer linked = m_fx->call("POST", u"/integrations/github/callback/"_s, json(body));
        QCOMPARE(linked.status, 200);
    }

    void fillDemoData(int notes = 12)
    {
        DemoOptions options;
        options.notes = notes;
        options.seed = 7;
        const auto made = generateDemoData(*m_fx->store, options, *m_fx->clock);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message()));
    }

    /// The export of the store now, as the files a push sends.
    [[nodiscard]] QMap<QString, QByteArray> exportFiles() const
    {
        ExportOptions options;
        options.now = m_fx->clock->now();
        QMap<QString, QByteArray> files;
        for (const auto &file : materialize(*m_fx->store->snapshot(false), options).files) {
            files.insert(file.path, file.bytes);
        }
        files.remove(u"manifest.json"_s);
        return files;
    }

    /// The paths whose bytes differ between two exports (empty when they are the same).
    static QStringList differingPaths(const QMap<QString, QByteArray> &left, const QMap<QString, QByteArray> &right)
    {
        QStringList paths;
        for (auto it = left.cbegin(); it != left.cend(); ++it) {
            if (right.value(it.key()) != it.value()) {
                paths.append(it.key());
            }
        }
        for (auto it = right.cbegin(); it != right.cend(); ++it) {
            if (!left.contains(it.key())) {
                paths.append(it.key());
            }
        }
        return paths;
    }

    int noteCount() const { return m_fx->store->noteCount().value_or(-1); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid() && m_keys.makeRsaKey(u"app"_s));
        m_pem = m_keys.read(u"app.pkcs8.pem"_s);
    }

    void init()
    {
        m_fx = std::make_unique<Test::LocalServerFixture>();
        QVERIFY2(m_fx->setUp(Test::LocalServerFixture::gitHubApp(u"Iv1.restoretest"_s, m_pem, false)),
            qPrintable(m_fx->problem));
        m_installation = QString::number(m_fx->github.addInstallation(u"octo"_s));
        m_fx->github.addRepository(m_installation.toLongLong(), u"octo/notes"_s, u"main"_s, true, true);
    }

    void cleanup() { m_fx.reset(); }

    void restoresWhatWasPushedSoTheNextPushCreatesNoCommit()
    {
        connectRepository();
        fillDemoData();
        const int notes = noteCount();
        const auto before = exportFiles();
        const Answer first = push();
        QCOMPARE(first.status, 200);
        QVERIFY(first.object().value(u"committed"_s).toBool());
        const QString head = m_fx->github.headSha(u"octo/notes"_s, u"main"_s);

        QVERIFY(m_fx->store->clearAccount());
        QCOMPARE(noteCount(), 0);
        m_fx->github.clearRequests();
        const Answer restored = restoreFromGitHub(false);
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.object().value(u"restored"_s).toBool(), true);
        QCOMPARE(restored.object().value(u"notes"_s).toInt(), notes);
        QVERIFY(restored.object().value(u"courses"_s).toInt() >= 2);
        QCOMPARE(restored.object().value(u"problems"_s).toArray().size(), 0);
        int tarballs = 0;
        for (const auto &request : m_fx->github.requests()) {
            tarballs += request.path.contains(u"/tarball/"_s) ? 1 : 0;
        }
        QCOMPARE(tarballs, 1);
        QCOMPARE(noteCount(), notes);
        QCOMPARE(differingPaths(exportFiles(), before), QStringList());

        const Answer second = push();
        QCOMPARE(second.status, 200);
        QCOMPARE(second.object().value(u"committed"_s).toBool(), false);
        QCOMPARE(m_fx->github.headSha(u"octo/notes"_s, u"main"_s), head);
    }

    void restoresAttachmentsCoversAndAvatarFromTheGitHubTarball()
    {
        connectRepository();
        DemoOptions options;
        options.notes = 8;
        options.seed = 7;
        options.attachments = 4;
        QVERIFY(generateDemoData(*m_fx->store, options, *m_fx->clock));
        const auto before = exportWithAssets();
        QCOMPARE(
            std::ranges::count_if(before.keys(), [](const QString &path) { return path.contains(u"/attachments/"_s); }),
            4);
        QCOMPARE(push({{u"include_assets"_s, true}}).status, 200);
        QVERIFY(m_fx->store->clearAccount());

        const Answer restored = restoreFromGitHub(false);
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.object().value(u"problems"_s).toArray().size(), 0);
        QCOMPARE(differingPaths(exportWithAssets(), before), QStringList());
    }

    void dryRunListsTheChangesAndChangesNothing()
    {
        connectRepository();
        fillDemoData(6);
        QCOMPARE(push().status, 200);

        const Answer same = restoreFromGitHub(true);
        QCOMPARE(same.status, 200);
        QVERIFY2(same.object().value(u"changes"_s).toArray().isEmpty(), same.body.constData());
        QCOMPARE(same.object().value(u"schema_version"_s).toInt(), 3);

        QVERIFY(m_fx->store->clearAccount());
        const Answer planned = restoreFromGitHub(true);
        QCOMPARE(planned.status, 200);
        const QJsonArray changes = planned.object().value(u"changes"_s).toArray();
        int addedNotes = 0;
        for (const QJsonValue &change : changes) {
            const QString status = change.toObject().value(u"status"_s).toString();
            QVERIFY2(status == u"added"_s || status == u"changed"_s, qPrintable(status)); // nothing is only local
            addedNotes += change.toObject().value(u"path"_s).toString().startsWith(u"notes/"_s) && status == u"added"_s;
        }
        QVERIFY(addedNotes >= 6);
        QCOMPARE(noteCount(), 0);
    }

    void restoresFromAFolder()
    {
        fillDemoData(5);
        const int notes = noteCount();
        const auto before = exportFiles();
        ExportOptions options;
        options.now = m_fx->clock->now();
        const QString folder = m_fx->dir.filePath(u"backup"_s);
        QVERIFY(writeExportTree(materialize(*m_fx->store->snapshot(false), options), folder));
        QVERIFY(m_fx->store->clearAccount());

        const Answer planned = restore({{u"source"_s, u"folder"_s}, {u"path"_s, folder}, {u"dry_run"_s, true}});
        QCOMPARE(planned.status, 200);
        QVERIFY(!planned.object().value(u"changes"_s).toArray().isEmpty());
        QCOMPARE(noteCount(), 0);

        const Answer restored = restore({{u"source"_s, u"folder"_s}, {u"path"_s, folder}});
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.object().value(u"notes"_s).toInt(), notes);
        QCOMPARE(differingPaths(exportFiles(), before), QStringList());
    }

    void reportsUnreadableBackupFilesAsProblems()
    {
        fillDemoData(3);
        ExportOptions options;
        options.now = m_fx->clock->now();
        const QString folder = m_fx->dir.filePath(u"backup"_s);
        QVERIFY(writeExportTree(materialize(*m_fx->store->snapshot(false), options), folder));
        QFile broken(folder + u"/planner/events.json"_s);
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("{ not json");
        broken.close();
        const Answer planned = restore({{u"source"_s, u"folder"_s}, {u"path"_s, folder}, {u"dry_run"_s, true}});
        QCOMPARE(planned.status, 200);
        const QJsonArray problems = planned.object().value(u"problems"_s).toArray();
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().toObject().value(u"message"_s).toString().contains(u" \u2014 "_s));
    }

    void refusesGitHubRestoreWithoutAConnection()
    {
        const Answer answer = restoreFromGitHub(true);
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.detail().startsWith(refusal), qPrintable(answer.detail()));
    }

    void refusesGitHubRestoreWithoutARepository()
    {
        connectRepository(QString());
        const Answer answer = restoreFromGitHub(false);
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.detail().startsWith(refusal), qPrintable(answer.detail()));
        QVERIFY(answer.detail().contains(u"repository"_s));
    }

    void answersGitHubsErrorWhenTheDownloadFails()
    {
        connectRepository();
        fillDemoData(2);
        QCOMPARE(push().status, 200);
        Test::GitHubTestServer::Fault fault;
        fault.method = "GET";
        fault.path = QRegularExpression(u"/tarball/"_s);
        fault.status = 404;
        m_fx->github.injectFault(fault);
        const Answer answer = restoreFromGitHub(false);
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.detail().startsWith(u"Cannot download the backup: "_s), qPrintable(answer.detail()));
        QVERIFY(answer.detail().contains(u" \u2014 "_s));
        QVERIFY(noteCount() > 0);
    }

    void refusesBadRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no source") << QByteArray("{}") << u"source"_s;
        QTest::newRow("unknown source") << QByteArray(R"({"source":"ftp"})") << u"source"_s;
        QTest::newRow("folder without path") << QByteArray(R"({"source":"folder"})") << u"path"_s;
    }

    void refusesBadRequests()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const Answer answer = m_fx->call("POST", u"/integrations/github/restore/"_s, body);
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.object().contains(field), answer.body.constData());
    }

    void refusesAFolderThatDoesNotExist()
    {
        const Answer answer = restore(
            {{u"source"_s, u"folder"_s}, {u"path"_s, m_fx->dir.filePath(u"missing"_s)}, {u"dry_run"_s, true}});
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.detail().startsWith(refusal), qPrintable(answer.detail()));
    }

    void refusesAPushOrASecondRestoreWhileOneRuns()
    {
        connectRepository();
        fillDemoData(2);
        QCOMPARE(push().status, 200);
        m_fx->github.clearRequests();
        m_fx->github.setHangDuration(1500ms);
        Test::GitHubTestServer::Fault fault;
        fault.method = "GET";
        fault.path = QRegularExpression(u"/tarball/"_s);
        fault.status = 0;
        fault.hang = true;
        m_fx->github.injectFault(fault);
        QNetworkReply *running = m_fx->send(
            "POST", u"/integrations/github/restore/"_s, json({{u"source"_s, u"github"_s}, {u"dry_run"_s, true}}));
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::any_of(m_fx->github.requests(),
                                     [](const auto &request) { return request.path.contains(u"/tarball/"_s); }),
            20000);
        const Answer second = restoreFromGitHub(true);
        QCOMPARE(second.status, 409);
        QVERIFY2(second.detail().startsWith(refusal), qPrintable(second.detail()));
        QCOMPARE(push().status, 409);
        QCOMPARE(m_fx->wait(running).status, 200);
        QCOMPARE(restoreFromGitHub(true).status, 200);
    }

    void clientPlansAndAppliesARestore()
    {
        connectRepository();
        fillDemoData(4);
        const int notes = noteCount();
        QCOMPARE(push().status, 200);
        QVERIFY(m_fx->store->clearAccount());

        NotechondriaClient client(&m_fx->nam);
        client.setBaseUrl(m_fx->server->baseUrl());
        client.setApiKey(m_fx->server->apiKey());
        const auto plan = QCoro::waitFor(client.restorePlan(RestoreSource::gitHub()));
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message()));
        QVERIFY(std::ranges::any_of(plan->changes, [](const RestoreChange &change) {
            return change.path.startsWith(u"notes/"_s) && change.status == u"added"_s;
        }));
        QCOMPARE(noteCount(), 0);
        const auto applied = QCoro::waitFor(client.restoreApply(RestoreSource::gitHub()));
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message()));
        QCOMPARE(applied->notes, notes);
        QCOMPARE(noteCount(), notes);

        const auto missing
            = QCoro::waitFor(client.restorePlan(RestoreSource::fromFolder(m_fx->dir.filePath(u"nope"_s))));
        QVERIFY(!missing);
        QVERIFY2(missing.error().message().startsWith(refusal), qPrintable(missing.error().message()));
    }

    void theHistoryAndOneNoteFromItAreServed()
    {
        // The time machine on the local server (issue #16): the listing, the look back with the note as it is now, and
        // a note brought back from the first backup after it was edited and pushed again.
        connectRepository();
        fillDemoData(4);
        QCOMPARE(push().status, 200);
        const QString first = m_fx->github.headSha(u"octo/notes"_s, u"main"_s);
        Note note = m_fx->store->notes()->first();
        const QString oldTitle = note.title;
        note.title = u"Edited later"_s;
        QVERIFY(m_fx->store->saveNote(note));
        QCOMPARE(push().status, 200);
        const QString uuid = note.uuid.toString(QUuid::Id128);

        const Answer listed = m_fx->call("GET", u"/integrations/github/history/?limit=10"_s, {});
        QCOMPARE(listed.status, 200);
        const QJsonArray commits = listed.object().value(u"commits"_s).toArray();
        QVERIFY(commits.size() >= 2);
        QCOMPARE(commits.at(1).toObject().value(u"sha"_s).toString(), first);
        QVERIFY(commits.at(0).toObject().value(u"titles"_s).toArray().contains(u"Edited later"_s));
        QVERIFY(commits.at(0).toObject().value(u"lines"_s).toArray().contains(u"Changed note “Edited later”"_s));
        const Answer ofNote = m_fx->call("GET", u"/integrations/github/history/?note="_s + uuid, {});
        QCOMPARE(ofNote.object().value(u"commits"_s).toArray().size(), 2);

        const Answer then
            = m_fx->call("GET", u"/integrations/github/history/note/?commit=%1&note=%2"_s.arg(first, uuid), {});
        QCOMPARE(then.status, 200);
        QCOMPARE(then.object().value(u"title"_s).toString(), oldTitle);
        QCOMPARE(then.object().value(u"current"_s).toObject().value(u"title"_s).toString(), u"Edited later"_s);
        const Answer wrong
            = m_fx->call("GET", u"/integrations/github/history/note/?commit=abc&note=%1"_s.arg(uuid), {});
        QCOMPARE(wrong.status, 400);

        const Answer restored = m_fx->call("POST", u"/integrations/github/restore/item/"_s,
            json(QJsonObject{{u"commit"_s, first}, {u"note"_s, uuid}}));
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.object().value(u"title"_s).toString(), oldTitle);
        QCOMPARE(m_fx->store->noteByUuid(note.uuid).value_or(std::nullopt)->title, oldTitle);
        // The undo snapshot it kept takes the edit back.
        QCOMPARE(m_fx->call("POST", u"/integrations/github/restore/undo/"_s, {}).status, 200);
        QCOMPARE(m_fx->store->noteByUuid(note.uuid).value_or(std::nullopt)->title, u"Edited later"_s);
    }
};

QTEST_GUILESS_MAIN(TestRestoreRoutes)
#include "test_restoreroutes.moc"
