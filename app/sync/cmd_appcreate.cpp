// SPDX-License-Identifier: GPL-3.0-or-later
// app-create: one-click GitHub App creation through GitHub's App Manifest flow (issue #15). Serves the manifest page
// and GitHub's redirect on loopback, converts the code, keeps the private key in the secret store.
#include "appmanifest.h"
#include "clock.h"
#include "command.h"
#include "context.h"
#include "filesecretstore.h"
#include "githubapi.h"
#include "httpclient.h"
#include "localserver.h"
#include "privatefiles.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <chrono>
#include <optional>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

const QString module = u"notechondria-sync/app-create"_s;
constexpr std::chrono::minutes answerWait{15};

struct Created
{
    QString appId, slug, clientId;
};

bool parseAppCreateArguments(Context &context, QCommandLineParser &parser)
{
    parser.addOptions({
        {u"owner"_s,
            QCoreApplication::translate(
                "notechondria-sync", "Create the App for this GitHub organization (default: your own account)."),
            u"ORG"_s},
        {u"name"_s,
            QCoreApplication::translate("notechondria-sync",
                "The App's name (unique on GitHub, at most 34 characters; default: a generated one)."),
            u"NAME"_s},
        {u"no-browser"_s,
            QCoreApplication::translate("notechondria-sync",
                "Do not open a browser: print {\"url\", \"redirect_url\", \"state\"} as one JSON line and wait for "
                "GitHub's redirect.")},
    });
    return context.parse(parser,
        QCoreApplication::translate("notechondria-sync",
            "Create the GitHub App the sync acts as, with GitHub's App Manifest flow: a browser page sends the App's "
            "description to GitHub, GitHub sends the browser back here, and the App's private key goes to the secret "
            "store (never to the screen). Prints {\"app_id\", \"slug\", \"client_id\"} when done. Afterwards app-jwt, "
            "installations and repos work without GITHUB_DATA_SYNC_APP_* variables."));
}

void printLine(Context &context, const QJsonObject &object)
{
    context.out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    context.out().flush();
}

/// Serves until GitHub's redirect came back (and its answer went out), it failed, or answerWait passed.
std::optional<Created> waitForApp(LocalServer &server, QString &failure)
{
    std::optional<Created> created;
    QEventLoop loop;
    QObject::connect(&server, &LocalServer::appCreated, &loop,
        [&created, &loop](const QString &appId, const QString &slug, const QString &clientId) {
            created = Created{appId, slug, clientId};
            QTimer::singleShot(std::chrono::milliseconds(500), &loop, &QEventLoop::quit); // let the 303 go out
        });
    QObject::connect(&server, &LocalServer::appCreationFailed, &loop, [&failure, &loop](const QString &message) {
        failure = message;
        QTimer::singleShot(std::chrono::milliseconds(500), &loop, &QEventLoop::quit);
    });
    QTimer::singleShot(answerWait, &loop, [&failure, &loop] {
        failure
            = u"GitHub App not created: %1 \u2014 GitHub did not send the browser back within %2 minutes."_s.arg(module)
                  .arg(answerWait.count());
        loop.quit();
    });
    loop.exec();
    return created;
}

QCoro::Task<int> runAppCreate(Context &context)
{
    QCommandLineParser parser;
    if (!parseAppCreateArguments(context, parser)) {
        co_return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "app-create takes no positional arguments"));
    }
    const QString owner = parser.value(u"owner"_s).trimmed();
    if (!owner.isEmpty() && !AppManifest::isOwnerLogin(owner)) {
        co_return context.usageError(QCoreApplication::translate(
            "notechondria-sync", "--owner takes a GitHub organization name (letters, digits, single dashes), not '%1'")
                .arg(owner));
    }
    const QString consequence = u"GitHub App not created"_s;
    if (const auto folder = PrivateFiles::ensureFolder(context.dataDir(), consequence, module); !folder) {
        co_return context.failure(folder.error());
    }
    auto store = Store::open(QDir(context.dataDir()).filePath(u"notechondria.sqlite"_s), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    auto secrets = createSecretStore(context.dataDir());
    HttpClient http(context.network(), context.clock());
    GitHubApi github(&http, co_await context.appConfig(), context.clock());
    LocalServer server(store->get(), secrets.get(), &github, nullptr, context.clock());
    if (const auto started = co_await server.start(QHostAddress::LocalHost, 0); !started) {
        co_return context.failure(started.error());
    }
    // After an installation GitHub sends the browser to the Setup URL: the app's (or `serve`'s) local server.
    const QUrl setupUrl(u"http://127.0.0.1:%1/api/v1/integrations/github/callback/"_s.arg(LocalServer::defaultPort));
    const auto begun = server.beginAppManifest(owner, parser.value(u"name"_s).trimmed(), setupUrl);
    if (!begun) {
        co_return context.failure(begun.error());
    }
    if (parser.isSet(u"no-browser"_s)) {
        printLine(context,
            QJsonObject{{u"url"_s, begun->url}, {u"redirect_url"_s, begun->redirectUrl}, {u"state"_s, begun->state}});
    } else if (!QProcess::startDetached(u"xdg-open"_s, {begun->url})) {
        context.err()
            << QCoreApplication::translate("notechondria-sync", "Open this page in a browser: %1").arg(begun->url)
            << '\n';
        context.err().flush();
    }
    QString failure;
    const std::optional<Created> created = waitForApp(server, failure);
    if (!created) {
        context.err() << failure << '\n';
        context.err().flush();
        co_return 1;
    }
    bool numeric = false;
    const qint64 appId = created->appId.toLongLong(&numeric);
    printLine(context,
        QJsonObject{{u"app_id"_s, numeric ? QJsonValue(appId) : QJsonValue(created->appId)}, {u"slug"_s, created->slug},
            {u"client_id"_s, created->clientId}});
    co_return 0;
}

} // namespace

void registerAppCreateCommands(QList<Command> &commands)
{
    commands.append({u"app-create"_s,
        QCoreApplication::translate(
            "notechondria-sync", "create the GitHub App in one step ([--owner ORG] [--name NAME] [--no-browser])"),
        runAppCreate});
}

} // namespace Notechondria::Cli
