// SPDX-License-Identifier: GPL-3.0-or-later
// The restore endpoint of the local server over real HTTP on loopback: a real Store (SQLite in a temp dir), the real
// GitHubApi and PushService against the GitHub test server (real bare git repositories), and the REST client.
#include "clock.h"
#include "demodata.h"
#include "exporter.h"
#include "githubapi.h"
#include "githubtestserver.h"
#include "httpclient.h"
#include "localserver.h"
#include "notechondriaclient.h"
#include "pushservice.h"
#include "secretstore.h"
#include "store.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Notechondria;

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;

    [[nodiscard]] QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QString detail() const { return object().value(u"detail"_s).toString(); }
};

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QString refusal = u"Restore not done: Core.Server.GitHubSync/restore \u2014 "_s;

} // namespace

class TestRestoreRoutes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_keyDir;
    QByteArray m_pem;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<Test::GitHubTestServer> m_github;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<GitHubApi> m_api;
    std::unique_ptr<PushService> m_push;
    std::unique_ptr<LocalServer> m_server;
    QString m_installation;

    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(m_server->baseUrl().toString() + path));
        request.setRawHeader("Authorization", "Bearer " + m_server->apiKey().toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        return m_nam->sendCustomRequest(request, method, body);
    }

    static Answer wait(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(60000);
        }
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        reply->deleteLater();
        return answer;
    }

    Answer call(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return wait(send(method, path, body));
    }

    Answer restore(const QJsonObject &body) { return call("POST", u"/integrations/github/restore/"_s, json(body)); }
    Answer restoreFromGitHub(bool dryRun) { return restore({{u"source"_s, u"github"_s}, {u"dry_run"_s, dryRun}}); }
    Answer push(const QJsonObject &body = {}) { return call("POST", u"/integrations/github/push/"_s, json(body)); }

    /// The export with assets (avatar, covers, attachments), bytes included.
    [[nodiscard]] QMap<QString, QByteArray> exportWithAssets() const
    {
        ExportOptions options;
        options.now = m_clock->now();
        options.includeAssets = true;
        const ExportTree tree = materialize(*m_store->snapshot(true), options);
        QMap<QString, QByteArray> files;
        for (const auto &file : tree.files) {
            files.insert(file.path, file.bytes);
        }
        files.remove(u"manifest.json"_s);
        files.remove(u"README.md"_s);
        return files;
    }

    void connectRepository(const QString &repo = u"octo/notes"_s)
    {
        QJsonObject body{{u"installation_id"_s, m_installation}, {u"account_login"_s, u"octo"_s}};
        if (!repo.isEmpty()) {
            body.insert(u"repo_full_name"_s, repo);
        }
        const Answer linked = call("POST", u"/integrations/github/callback/"_s, json(body));
        QCOMPARE(linked.status, 200);
    }

    void fillDemoData(int notes = 12)
    {
        DemoOptions options;
        options.notes = notes;
        options.seed = 7;
        const auto made = generateDemoData(*m_store, options, *m_clock);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message()));
    }

    /// The export of the store now, as the files a push sends.
    [[nodiscard]] QMap<QString, QByteArray> exportFiles() const
    {
        ExportOptions options;
        options.now = m_clock->now();
        QMap<QString, QByteArray> files;
        for (const auto &file : materialize(*m_store->snapshot(false), options).files) {
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

    int noteCount() const { return m_store->noteCount().value_or(-1); }

private Q_SLOTS:
    void initTestCase()
    {
        QProcess openssl;
        openssl.setWorkingDirectory(m_keyDir.path());
        openssl.start(u"openssl"_s,
            {u"genpkey"_s, u"-algorithm"_s, u"RSA"_s, u"-pkeyopt"_s, u"rsa_keygen_bits:2048"_s, u"-out"_s,
                u"app.pem"_s});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        QFile key(m_keyDir.filePath(u"app.pem"_s));
        QVERIFY(key.open(QIODevice::ReadOnly));
        m_pem = key.readAll();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = std::make_unique<FakeClock>(QDateTime::currentDateTimeUtc());
        auto store = Store::open(m_dir->filePath(u"store.sqlite"_s), m_clock.get());
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message()));
        m_store = std::move(*store);
        m_secrets = std::make_unique<MemorySecretStore>();
        m_github = std::make_unique<Test::GitHubTestServer>();
        QVERIFY(m_github->start());
        m_installation = QString::number(m_github->addInstallation(u"octo"_s));
        m_github->addRepository(m_installation.toLongLong(), u"octo/notes"_s, u"main"_s, true, true);
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_http = std::make_unique<HttpClient>(m_nam.get(), m_clock.get());
        AppConfig config;
        config.appName = u"notechondria-test"_s;
        config.clientId = u"Iv1.restoretest"_s;
        config.privateKeyPem = QString::fromLatin1(m_pem);
        config.apiUrl = m_github->apiUrl();
        m_api = std::make_unique<GitHubApi>(m_http.get(), config, m_clock.get());
        m_push = std::make_unique<PushService>(m_store.get(), m_api.get(), m_clock.get());
        m_server
            = std::make_unique<LocalServer>(m_store.get(), m_secrets.get(), m_api.get(), m_push.get(), m_clock.get());
        const auto started = QCoro::waitFor(m_server->start());
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message()));
    }

    void cleanup()
    {
        m_server.reset();
        m_push.reset();
        m_api.reset();
        m_http.reset();
        m_nam.reset();
        m_github.reset();
        m_store.reset();
        m_dir.reset();
    }

    void restoresWhatWasPushedSoTheNextPushCreatesNoCommit()
    {
        connectRepository();
        fillDemoData();
        const int notes = noteCount();
        const auto before = exportFiles();
        const Answer first = push();
        QCOMPARE(first.status, 200);
        QVERIFY(first.object().value(u"committed"_s).toBool());
        const QString head = m_github->headSha(u"octo/notes"_s, u"main"_s);

        QVERIFY(m_store->clearAccount());
        QCOMPARE(noteCount(), 0);
        m_github->clearRequests();
        const Answer restored = restoreFromGitHub(false);
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.object().value(u"restored"_s).toBool(), true);
        QCOMPARE(restored.object().value(u"notes"_s).toInt(), notes);
        QVERIFY(restored.object().value(u"courses"_s).toInt() >= 2);
        QCOMPARE(restored.object().value(u"problems"_s).toArray().size(), 0);
        int tarballs = 0;
        for (const auto &request : m_github->requests()) {
            tarballs += request.path.contains(u"/tarball/"_s) ? 1 : 0;
        }
        QCOMPARE(tarballs, 1);
        QCOMPARE(noteCount(), notes);
        QCOMPARE(differingPaths(exportFiles(), before), QStringList());

        const Answer second = push();
        QCOMPARE(second.status, 200);
        QCOMPARE(second.object().value(u"committed"_s).toBool(), false);
        QCOMPARE(m_github->headSha(u"octo/notes"_s, u"main"_s), head);
    }

    void restoresAttachmentsCoversAndAvatarFromTheGitHubTarball()
    {
        connectRepository();
        DemoOptions options;
        options.notes = 8;
        options.seed = 7;
        options.attachments = 4;
        QVERIFY(generateDemoData(*m_store, options, *m_clock));
        const auto before = exportWithAssets();
        QCOMPARE(
            std::ranges::count_if(before.keys(), [](const QString &path) { return path.contains(u"/attachments/"_s); }),
            4);
        QCOMPARE(push({{u"include_assets"_s, true}}).status, 200);
        QVERIFY(m_store->clearAccount());

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
        QCOMPARE(same.object().value(u"schema_version"_s).toInt(), 2);

        QVERIFY(m_store->clearAccount());
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
        options.now = m_clock->now();
        const QString folder = m_dir->filePath(u"backup"_s);
        QVERIFY(writeExportTree(materialize(*m_store->snapshot(false), options), folder));
        QVERIFY(m_store->clearAccount());

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
        options.now = m_clock->now();
        const QString folder = m_dir->filePath(u"backup"_s);
        QVERIFY(writeExportTree(materialize(*m_store->snapshot(false), options), folder));
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
        m_github->injectFault(fault);
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
        const Answer answer = call("POST", u"/integrations/github/restore/"_s, body);
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.object().contains(field), answer.body.constData());
    }

    void refusesAFolderThatDoesNotExist()
    {
        const Answer answer
            = restore({{u"source"_s, u"folder"_s}, {u"path"_s, m_dir->filePath(u"missing"_s)}, {u"dry_run"_s, true}});
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.detail().startsWith(refusal), qPrintable(answer.detail()));
    }

    void refusesAPushOrASecondRestoreWhileOneRuns()
    {
        connectRepository();
        fillDemoData(2);
        QCOMPARE(push().status, 200);
        m_github->clearRequests();
        m_github->setHangDuration(1500ms);
        Test::GitHubTestServer::Fault fault;
        fault.method = "GET";
        fault.path = QRegularExpression(u"/tarball/"_s);
        fault.status = 0;
        fault.hang = true;
        m_github->injectFault(fault);
        QNetworkReply *running = send(
            "POST", u"/integrations/github/restore/"_s, json({{u"source"_s, u"github"_s}, {u"dry_run"_s, true}}));
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::any_of(m_github->requests(),
                                     [](const auto &request) { return request.path.contains(u"/tarball/"_s); }),
            20000);
        const Answer second = restoreFromGitHub(true);
        QCOMPARE(second.status, 409);
        QVERIFY2(second.detail().startsWith(refusal), qPrintable(second.detail()));
        QCOMPARE(push().status, 409);
        QCOMPARE(wait(running).status, 200);
        QCOMPARE(restoreFromGitHub(true).status, 200);
    }

    void clientPlansAndAppliesARestore()
    {
        connectRepository();
        fillDemoData(4);
        const int notes = noteCount();
        QCOMPARE(push().status, 200);
        QVERIFY(m_store->clearAccount());

        NotechondriaClient client(m_nam.get());
        client.setBaseUrl(m_server->baseUrl());
        client.setApiKey(m_server->apiKey());
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

        const auto missing = QCoro::waitFor(client.restorePlan(RestoreSource::fromFolder(m_dir->filePath(u"nope"_s))));
        QVERIFY(!missing);
        QVERIFY2(missing.error().message().startsWith(refusal), qPrintable(missing.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestRestoreRoutes)
#include "test_restoreroutes.moc"
