// SPDX-License-Identifier: GPL-3.0-or-later
// One-click GitHub App creation (issue #15): GitHub's App Manifest flow over real loopback HTTP — the local server's
// routes with a "browser" that follows the auto-submitting form and the redirects, the `app-create --no-browser`
// command of the real binary, then installations listed and checked as the new App with no GITHUB_DATA_SYNC_APP_*.
#include "appsettings.h"
#include "githubtestserver.h"
#include "localserverfixture.h"
#include "secretstore.h"
#include "testbrowser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

QJsonObject jsonLine(const QByteArray &line)
{
    return QJsonDocument::fromJson(line.trimmed()).object();
}

/// The manifest the browser posted to the test server's new-App page.
QJsonObject postedManifest(const GitHubTestServer &github)
{
    for (const GitHubTestServer::Request &request : github.requests()) {
        if (request.method == "POST" && request.path.endsWith("/settings/apps/new"_L1)) {
            QString body = QString::fromUtf8(request.body);
            body.replace(u'+', u"%20"_s);
            return QJsonDocument::fromJson(QUrlQuery(body).queryItemValue(u"manifest"_s, QUrl::FullyDecoded).toUtf8())
                .object();
        }
    }
    return {};
}

void checkManifest(const QJsonObject &manifest, const QString &redirectUrl)
{
    QVERIFY(!manifest.value("name"_L1).toString().isEmpty());
    QVERIFY(!manifest.value("url"_L1).toString().isEmpty());
    QCOMPARE(manifest.value("redirect_url"_L1).toString(), redirectUrl);
    QVERIFY(manifest.value("setup_url"_L1).toString().endsWith("/api/v1/integrations/github/callback/"_L1));
    const QJsonObject permissions = manifest.value("default_permissions"_L1).toObject();
    QCOMPARE(permissions.value("contents"_L1).toString(), u"write"_s);
    QCOMPARE(permissions.value("metadata"_L1).toString(), u"read"_s);
    QCOMPARE(permissions.size(), 2);
    QCOMPARE(manifest.value("hook_attributes"_L1).toObject().value("active"_L1).toBool(true), false);
    QVERIFY(manifest.value("default_events"_L1).toArray().isEmpty());
}

} // namespace

class TestAppCreate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;

    /// The environment of a notechondria-sync run: the test server as GitHub, a file secret store, private settings,
    /// and no GITHUB_DATA_SYNC_APP_* at all.
    static QProcessEnvironment cliEnvironment(const QTemporaryDir &dir, const GitHubTestServer &github)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name : environment.keys()) {
            if (name.startsWith("GITHUB_DATA_SYNC_APP_"_L1)) {
                environment.remove(name);
            }
        }
        environment.insert(u"GITHUB_API_URL"_s, github.apiUrl().toString());
        environment.insert(u"NOTECHONDRIA_SECRET_STORE"_s, u"file"_s);
        environment.insert(u"NOTECHONDRIA_DATA_DIR"_s, dir.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        return environment;
    }

    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };
    /// Runs the binary and waits with the event loop (the test server answers from this process).
    static Run runCli(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY), arguments);
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished();
        }
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        qunsetenv("GITHUB_DATA_SYNC_APP_CLIENT_ID");
        qunsetenv("GITHUB_DATA_SYNC_APP_ID");
        qunsetenv("GITHUB_DATA_SYNC_APP_PRIVATE_KEY");
    }

    void init() { QSettings().remove(u"githubApp"_s); }

    void localServerFlowStoresTheAppAndOpensItsInstallPage()
    {
        LocalServerFixture fx;
        QVERIFY2(fx.setUp(), qPrintable(fx.problem));
        const ServerAnswer begun = fx.callJson("POST", u"/integrations/github/app-manifest/"_s, {});
        QCOMPARE(begun.status, 200);
        const QString url = begun.object().value("url"_L1).toString();
        const QString redirect = begun.object().value("redirect_url"_L1).toString();
        const QString state = begun.object().value("state"_L1).toString();
        QVERIFY(url.contains(state) && url.startsWith(fx.server->baseUrl().toString()));
        QVERIFY(redirect.startsWith(fx.server->baseUrl().toString()));

        // A wrong state: refused, nothing created.
        TestBrowser browser;
        QCOMPARE(browser.open(QUrl(redirect + u"?code=abc&state=0123456789abcdef"_s)).status, 403);
        QCOMPARE(browser.open(QUrl(url.left(url.indexOf(u'=') + 1) + u"nope"_s)).status, 403);
        QVERIFY(fx.github.createdApps().isEmpty());

        // The form page posts the manifest to GitHub, GitHub sends the browser back, the server sends it on.
        const BrowserHop form = TestBrowser().open(QUrl(url), 1);
        QVERIFY(form.headers.value("content-security-policy").contains("default-src 'none'"));
        QVERIFY(form.headers.value("content-security-policy")
                .contains(QByteArray("form-action " + fx.github.apiUrl().toString().toUtf8())));
        browser.hops.clear();
        const BrowserHop last = browser.open(QUrl(url));
        QCOMPARE(last.status, 200);
        QCOMPARE(fx.github.createdApps().size(), 1);
        const QString slug = fx.github.createdApps().constFirst();
        QCOMPARE(last.url.path(), u"/apps/%1/installations/new"_s.arg(slug));
        const auto callback = std::ranges::find_if(
            browser.hops, [](const BrowserHop &hop) { return hop.url.path().endsWith("app-manifest/callback/"_L1); });
        QVERIFY(callback != browser.hops.end());
        QCOMPARE(callback->status, 303);
        checkManifest(postedManifest(fx.github), redirect);

        // The key is in the secret store, the App in the settings, the GitHubApi acts as it.
        std::optional<Result<std::optional<QString>>> key;
        [](SecretStore *secrets, auto *out) -> QCoro::Task<> {
            *out = co_await secrets->read(QString::fromUtf16(SecretKeys::AppPrivateKey));
        }(&fx.secrets, &key);
        QTRY_VERIFY(key.has_value());
        QVERIFY(*key && **key && (**key)->contains("PRIVATE KEY-----"_L1));
        const AppSettings saved = AppSettings::load();
        QCOMPARE(saved.slug, slug);
        QVERIFY(!saved.clientId.isEmpty() && !saved.appId.isEmpty());
        QCOMPARE(saved.installUrl, fx.github.apiUrl().toString() + u"/apps/%1/installations/new"_s.arg(slug));
        QCOMPARE(fx.api->config().clientId, saved.clientId);

        // The state served once.
        QCOMPARE(TestBrowser().open(QUrl(redirect + u"?code=abc&state="_s + state)).status, 403);

        // Installations: the new App's own, and a pasted id checked against GitHub.
        const qint64 installation = fx.github.addAppInstallation(slug, u"octo"_s);
        const ServerAnswer list = fx.callJson("GET", u"/integrations/github/installations/"_s);
        QCOMPARE(list.status, 200);
        const QJsonArray installations = list.object().value("installations"_L1).toArray();
        QCOMPARE(installations.size(), 1);
        QCOMPARE(installations.at(0).toObject().value("id"_L1).toString(), QString::number(installation));
        const ServerAnswer known = fx.callJson("GET", u"/integrations/github/installations/%1/"_s.arg(installation));
        QCOMPARE(known.status, 200);
        QCOMPARE(known.object().value("account_login"_L1).toString(), u"octo"_s);
        const qint64 foreign = fx.github.addInstallation(u"someone-else"_s); // another App's
        const ServerAnswer unknown = fx.callJson("GET", u"/integrations/github/installations/%1/"_s.arg(foreign));
        QCOMPARE(unknown.status, 404);
        QVERIFY2(unknown.detail().startsWith(
                     u"Installation not accepted: Core.Server.GitHubApp/check_installation \u2014"_s),
            qPrintable(unknown.detail()));
    }

    void cliCreatesTheAppAndTheCommandsUseIt()
    {
        GitHubTestServer github;
        QVERIFY(github.start());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QProcessEnvironment environment = cliEnvironment(dir, github);

        QProcess process;
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY), {u"app-create"_s, u"--no-browser"_s});
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 30000);
        const QJsonObject first = jsonLine(process.readLine());
        QCOMPARE(first.keys(), QStringList({u"redirect_url"_s, u"state"_s, u"url"_s}));
        const QString redirect = first.value("redirect_url"_L1).toString();
        QVERIFY(redirect.startsWith("http://127.0.0.1:"_L1));

        // The command serves the redirect itself and refuses a wrong state.
        QCOMPARE(TestBrowser().open(QUrl(redirect + u"?code=abc&state=wrong"_s)).status, 403);

        TestBrowser browser;
        QCOMPARE(browser.open(QUrl(first.value("url"_L1).toString())).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 30000);
        const QJsonObject second = jsonLine(process.readLine());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(second.keys(), QStringList({u"app_id"_s, u"client_id"_s, u"slug"_s}));
        QVERIFY(second.value("app_id"_L1).toInteger() > 0);
        const QString slug = second.value("slug"_L1).toString();
        QCOMPARE(github.createdApps(), QStringList{slug});
        checkManifest(postedManifest(github), redirect);
        const QByteArray rest = QByteArray(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(!rest.contains("PRIVATE KEY"), rest.constData());
        QVERIFY(QFile::exists(dir.filePath(u"data/secrets.json"_s)));

        // No GITHUB_DATA_SYNC_APP_* variable: the saved App and its stored key.
        const qint64 installation = github.addAppInstallation(slug, u"octo"_s);
        github.addRepository(installation, u"octo/notes-backup"_s);
        const Run installations = runCli({u"installations"_s}, environment);
        QVERIFY2(installations.exitCode == 0, installations.err.constData());
        const QJsonArray list = QJsonDocument::fromJson(installations.out).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value("id"_L1).toInteger(), installation);
        const Run jwt = runCli({u"app-jwt"_s}, environment);
        QVERIFY2(jwt.exitCode == 0, jwt.err.constData());
        QCOMPARE(jwt.out.trimmed().count('.'), 2);
        const Run repos = runCli({u"repos"_s, u"--installation-id"_s, QString::number(installation)}, environment);
        QVERIFY2(repos.exitCode == 0, repos.err.constData());
        QVERIFY(repos.out.contains("octo/notes-backup"));
        for (const Run &run : {installations, jwt, repos}) {
            QVERIFY(!QByteArray(run.out + run.err).contains("PRIVATE KEY"));
        }
    }

    void cliRefusesABadOwner()
    {
        GitHubTestServer github;
        QVERIFY(github.start());
        QTemporaryDir dir;
        const Run run
            = runCli({u"app-create"_s, u"--no-browser"_s, u"--owner"_s, u"not an org"_s}, cliEnvironment(dir, github));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(
            run.err.startsWith("Command not run: notechondria-sync/app-create \u2014 --owner"), run.err.constData());
        QVERIFY(github.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAppCreate)
#include "test_appcreate.moc"
