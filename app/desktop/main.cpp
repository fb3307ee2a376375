// SPDX-License-Identifier: GPL-3.0-or-later
// Notechondria Desktop: the composition root of the GUI. Local mode (the default) runs the /api/v1 server
// in-process on loopback; the window talks to it — or to a remote server — through the same NotechondriaClient.
#include "appconfig.h"
#include "backuptray.h"
#include "backupwiring.h"
#include "clock.h"
#include "connectionsection.h"
#include "corspolicy.h"
#include "filesecretstore.h"
#include "githubapi.h"
#include "githubappsection.h"
#include "httpclient.h"
#include "i18n.h"
#include "localserver.h"
#include "logging.h"
#include "mainwindow.h"
#include "notechondriaclient.h"
#include "privatefiles.h"
#include "pushservice.h"
#include "schedulesection.h"
#include "secretstore.h"
#include "settingspage.h"
#include "store.h"
#include "synccard.h"
#include "syncscheduler.h"

#include <QAction>
#include <QApplication>
#include <QCoroTask>
#include <QDir>
#include <QNetworkAccessManager>
#include <QStandardPaths>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

/// The App as the environment and the settings page describe it, with the private key from the SecretStore.
QCoro::Task<AppConfig> appConfig(SecretStore *secrets)
{
    AppConfig config = AppConfig::fromEnvironment();
    GitHubAppSection::overlaySettings(config);
    if (config.privateKeyPem.isEmpty()) {
        const Result<std::optional<QString>> key
            = co_await secrets->read(QString::fromUtf16(SecretKeys::AppPrivateKey));
        if (key && *key) {
            config.privateKeyPem = **key;
        }
    }
    co_return config;
}

/// Starts the local server and points the settings page at it (or says why it could not start).
QCoro::Task<> startLocalMode(
    LocalServer *server, GitHubApi *github, SecretStore *secrets, MainWindow *window, CorsPolicy cors)
{
    github->setConfig(co_await appConfig(secrets));
    server->setCorsPolicy(cors);
    const Result<void> started = co_await server->start(
        QHostAddress::LocalHost, ConnectionSection::localServerPort(), LocalServer::PortChoice::NextFree);
    if (!started) {
        window->settingsPage()->setLocalEndpoint({}, {}, started.error().message());
        co_return;
    }
    window->settingsPage()->setLocalEndpoint(server->baseUrl(), server->apiKey(),
        QCoreApplication::translate("main", "Local server at %1.").arg(server->baseUrl().toString()));
}

QCoro::Task<> reloadAppConfig(GitHubApi *github, SecretStore *secrets)
{
    github->setConfig(co_await appConfig(secrets));
}

/// The tray, the schedule and close-to-tray (issue #15): with a system tray, closing the window keeps the app (and its
/// backups) running; File → Quit and the tray's Quit end it. Without a store there is nothing to back up.
void startBackups(SyncScheduler *scheduler, BackupTray *tray, MainWindow *window)
{
    QObject::connect(tray, &BackupTray::openRequested, window, &MainWindow::showAndRaise);
    QObject::connect(tray, &BackupTray::quitRequested, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    if (scheduler) {
        SettingsPage *settings = window->settingsPage();
        wireBackups(scheduler, tray, settings->scheduleSection(), settings->syncCard());
        scheduler->start();
    } else {
        tray->syncNowAction()->setEnabled(false);
        window->settingsPage()->scheduleSection()->setEnabled(false);
    }
    window->setCloseToTray(BackupTray::isAvailable());
    tray->show();
}

/// Translations and the names the desktop knows the application by.
void describeApplication(QApplication &app)
{
    installTranslators(app);
    QApplication::setOrganizationName(u"Notechondria"_s);
    QApplication::setApplicationName(u"notechondria"_s);
    QApplication::setApplicationDisplayName(u"Notechondria Desktop"_s);
    QApplication::setApplicationVersion(QStringLiteral(NOTECHONDRIA_VERSION));
    QApplication::setDesktopFileName(u"io.github.notechondria.Desktop"_s);
}

/// The local server's signals into the window, then local mode started on it.
void wireLocalServer(LocalServer *server, GitHubApi *github, SecretStore *secrets, MainWindow *window)
{
    SettingsPage *settings = window->settingsPage();
    QObject::connect(server, &LocalServer::installationLinked, settings->syncCard(),
        [card = settings->syncCard()](const QString &id) { card->installationLinked(id, QString()); });
    // An App created through the App Manifest flow: the section shows it, the GitHub config and the card follow.
    QObject::connect(server, &LocalServer::appCreated, settings->appSection(),
        [section = settings->appSection()](
            const QString &, const QString &slug, const QString &) { section->appCreated(slug); });
    // A key rotated through the API (auth/rotate-api-key/, e.g. from an app) is the one this window needs now.
    QObject::connect(server, &LocalServer::apiKeyRotated, settings, [settings, s = server](const QString &key) {
        settings->setLocalEndpoint(
            s->baseUrl(), key, QCoreApplication::translate("main", "Local server at %1.").arg(s->baseUrl().toString()));
    });
    // Browser origins come only from the environment (as for `serve`); a bad one is named on the page.
    const Result<CorsPolicy> cors = CorsPolicy::fromOrigins(CorsPolicy::originsFromEnvironment());
    if (!cors) {
        qCWarning(lcServer).noquote() << cors.error().message();
    }
    startLocalMode(server, github, secrets, window, cors.value_or(CorsPolicy()));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    describeApplication(app);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // Owner-only (0700); when it cannot be made, Store::open below says why on the settings page.
    const Result<void> privateFolder
        = PrivateFiles::ensureFolder(dataDir, u"Data folder not private"_s, u"Notechondria Desktop/data_folder"_s);
    if (!privateFolder) {
        qCWarning(lcStore).noquote() << privateFolder.error().message();
    }

    QNetworkAccessManager network;
    SystemClock clock;
    std::unique_ptr<SecretStore> secrets = createSecretStore(dataDir);
    HttpClient http(&network, &clock);
    GitHubApi github(&http, AppConfig::fromEnvironment(), &clock);
    NotechondriaClient client(&network);

    Result<std::unique_ptr<Store>> store = Store::open(QDir(dataDir).filePath(u"notechondria.sqlite"_s), &clock);
    std::unique_ptr<PushService> push;
    std::unique_ptr<LocalServer> server;
    std::unique_ptr<SyncScheduler> scheduler;
    if (store) {
        push = std::make_unique<PushService>(store->get(), &github, &clock);
        server = std::make_unique<LocalServer>(store->get(), secrets.get(), &github, push.get(), &clock);
        scheduler = std::make_unique<SyncScheduler>(store->get(), push.get(), &clock);
    }

    MainWindow window(&client, secrets.get(), &clock);
    QObject::connect(&window, &MainWindow::quitRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    BackupTray tray(&clock);
    SettingsPage *settings = window.settingsPage();
    QObject::connect(settings->appSection(), &GitHubAppSection::appConfigChanged, &github,
        [&github, &secrets] { reloadAppConfig(&github, secrets.get()); });
    if (server) {
        wireLocalServer(server.get(), &github, secrets.get(), &window);
    } else {
        settings->setLocalEndpoint({}, {}, store.error().message());
    }
    settings->start();
    startBackups(scheduler.get(), &tray, &window);
    window.show();
    return QApplication::exec();
}
