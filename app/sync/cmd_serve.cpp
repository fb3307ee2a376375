// SPDX-License-Identifier: GPL-3.0-or-later
// serve, api-key: the local server (the Notechondria /api/v1 on loopback) from the command line.
#include "appconfig.h"
#include "clock.h"
#include "command.h"
#include "context.h"
#include "filesecretstore.h"
#include "githubapi.h"
#include "httpclient.h"
#include "localserver.h"
#include "privatefiles.h"
#include "pushservice.h"
#include "store.h"
#include "syncscheduler.h"

#include <unistd.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCoroSignal>
#include <QDir>
#include <QSocketNotifier>

#include <csignal>
#include <expected>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

int signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

/// "127.0.0.1:8765", "[::1]:8765" or "localhost:8765" → address and port; std::nullopt when not loopback.
std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0) {
        return std::nullopt;
    }
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535) {
        return std::nullopt;
    }
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        host = host.mid(1, host.size() - 2);
    }
    const QHostAddress address = host == u"localhost"_s ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    if (address.isNull() || !address.isLoopback()) {
        return std::nullopt;
    }
    return std::pair{address, static_cast<quint16>(port)};
}

void addServeOptions(QCommandLineParser &parser)
{
    parser.addOption({u"listen"_s,
        QCoreApplication::translate("notechondria-sync",
            "Loopback address and port to listen on (default 127.0.0.1:8765, or the next free port after it; "
            "port 0 picks one)."),
        u"ADDR:PORT"_s, u"127.0.0.1:8765"_s});
    parser.addOption({u"allow-origin"_s,
        QCoreApplication::translate("notechondria-sync",
            "Let the web app at this browser origin (e.g. http://localhost:5173) call the server (CORS); "
            "repeatable, also from $NOTECHONDRIA_ALLOWED_ORIGINS (comma-separated). None by default."),
        u"ORIGIN"_s});
    parser.addOption({u"sync-interval"_s,
        QCoreApplication::translate("notechondria-sync",
            "Also back up to GitHub on a schedule: a sync every DURATION (e.g. 15m, 30s, 1h, 2h30m), caught up once "
            "after the computer slept. Off by default."),
        u"DURATION"_s});
}

/// Says on stderr what each scheduled backup did.
void reportScheduledRuns(Context &context, SyncScheduler &scheduler)
{
    QObject::connect(&scheduler, &SyncScheduler::syncFinished, &scheduler, [&context](bool ok, const QString &message) {
        if (ok) {
            context.err() << QCoreApplication::translate("notechondria-sync", "Backed up to GitHub.") << '\n';
        } else {
            context.err() << message << '\n';
        }
        context.err().flush();
    });
    QObject::connect(&scheduler, &SyncScheduler::keepsFailing, &scheduler, [&context](const QString &) {
        context.err() << QCoreApplication::translate(
            "notechondria-sync", "Backups keep failing: three scheduled backups in a row did not complete.")
                      << '\n';
        context.err().flush();
    });
}

/// The "Serving from …" lines on stderr, the allowed browser origins among them.
void announce(Context &context, const SecretStore &secrets, const CorsPolicy &cors)
{
    context.err() << QCoreApplication::translate("notechondria-sync",
        "Serving from %1 (secrets: %2). `notechondria-sync api-key` prints the API key. "
        "Stop with Ctrl+C.")
                         .arg(QDir::toNativeSeparators(context.dataDir()), secrets.backendName())
                  << '\n';
    if (!cors.isEmpty()) {
        QStringList origins;
        for (const QByteArray &origin : cors.origins()) {
            origins.append(QString::fromLatin1(origin));
        }
        context.err() << QCoreApplication::translate("notechondria-sync", "Browser origins allowed: %1.")
                             .arg(origins.join(u", "_s))
                      << '\n';
    }
    context.err().flush();
}

/// Runs @p scheduler every @p seconds (saved as the account's schedule) and says so on stderr.
Result<void> startSchedule(Context &context, SyncScheduler &scheduler, qint64 seconds)
{
    reportScheduledRuns(context, scheduler);
    scheduler.setPollInterval(std::chrono::milliseconds(std::clamp<qint64>(seconds * 250, 250, 5000)));
    scheduler.start();
    if (auto set = scheduler.setSchedule(SyncSchedule::Mode::Every, seconds); !set) {
        return set;
    }
    context.err() << QCoreApplication::translate("notechondria-sync", "Backups every %1 to GitHub.")
                         .arg(SyncSchedule::formatDuration(seconds))
                  << '\n';
    context.err().flush();
    return {};
}

/// What serve was asked for.
struct ServeOptions
{
    std::pair<QHostAddress, quint16> listen;
    bool portNamed = false; ///< --listen given: that port or an error
    CorsPolicy cors;
    std::optional<qint64> syncInterval; ///< --sync-interval, in seconds
};

/// serve's options, or the exit code of a usage error (already printed).
std::expected<ServeOptions, int> readServeOptions(Context &context)
{
    QCommandLineParser parser;
    addServeOptions(parser);
    if (!context.parse(parser,
            QCoreApplication::translate("notechondria-sync",
                "Serve the account's Notechondria /api/v1 on loopback until SIGINT or SIGTERM."))) {
        return std::unexpected(2);
    }
    ServeOptions options;
    const auto listen = parseListen(parser.value(u"listen"_s));
    if (!listen) {
        return std::unexpected(context.usageError(QCoreApplication::translate(
            "notechondria-sync", "--listen takes a loopback ADDR:PORT such as 127.0.0.1:8765 or [::1]:8765")));
    }
    options.listen = *listen;
    options.portNamed = parser.isSet(u"listen"_s);
    auto cors = CorsPolicy::fromOrigins(parser.values(u"allow-origin"_s) + CorsPolicy::originsFromEnvironment());
    if (!cors) {
        return std::unexpected(context.usageError(cors.error().message()));
    }
    options.cors = std::move(*cors);
    if (parser.isSet(u"sync-interval"_s)) {
        const auto parsed = SyncSchedule::parseDuration(parser.value(u"sync-interval"_s));
        if (!parsed) {
            return std::unexpected(context.usageError(parsed.error().message()));
        }
        options.syncInterval = *parsed;
    }
    return options;
}

QCoro::Task<int> runServe(Context &context)
{
    const auto options = readServeOptions(context);
    if (!options) {
        co_return options.error();
    }
    if (const auto folder
        = PrivateFiles::ensureFolder(context.dataDir(), u"Local server not started"_s, u"notechondria-sync/serve"_s);
        !folder) {
        co_return context.failure(folder.error());
    }
    const QString databasePath = QDir(context.dataDir()).filePath(u"notechondria.sqlite"_s);
    auto store = Store::open(databasePath, context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    auto secrets = createSecretStore(context.dataDir());
    HttpClient http(context.network(), context.clock());
    const AppConfig config = co_await context.appConfig();
    GitHubApi github(&http, config, context.clock());
    PushService push(store->get(), &github, context.clock());
    LocalServer server(store->get(), secrets.get(), &github, &push, context.clock());
    server.setCorsPolicy(options->cors);
    // The default port steps to the next free one; a port the user named is that port or an error.
    const auto choice = options->portNamed ? LocalServer::PortChoice::Exact : LocalServer::PortChoice::NextFree;
    if (const auto started = co_await server.start(options->listen.first, options->listen.second, choice); !started) {
        co_return context.failure(started.error());
    }
    if (::pipe(signalPipe) != 0) {
        co_return context.failure(
            Error{u"Local server stopped"_s, u"notechondria-sync/serve"_s, u"cannot watch for SIGINT/SIGTERM."_s});
    }
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    std::signal(SIGINT, onTerminationSignal);
    std::signal(SIGTERM, onTerminationSignal);
    context.out() << server.baseUrl().toString() << '\n';
    context.out().flush();
    announce(context, *secrets, options->cors);
    SyncScheduler scheduler(store->get(), &push, context.clock());
    if (options->syncInterval) {
        if (const auto scheduled = startSchedule(context, scheduler, *options->syncInterval); !scheduled) {
            co_return context.failure(scheduled.error());
        }
    }
    co_await qCoro(&notifier, &QSocketNotifier::activated);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    context.err() << QCoreApplication::translate("notechondria-sync", "Local server stopped.") << '\n';
    context.err().flush();
    co_return 0;
}

QCoro::Task<int> runApiKey(Context &context)
{
    QCommandLineParser parser;
    if (!context.parse(parser,
            QCoreApplication::translate(
                "notechondria-sync", "Print the local server's API key (ntc_…), creating it when there is none."))) {
        co_return 2;
    }
    if (const auto folder
        = PrivateFiles::ensureFolder(context.dataDir(), u"API key not available"_s, u"notechondria-sync/api-key"_s);
        !folder) {
        co_return context.failure(folder.error());
    }
    auto secrets = createSecretStore(context.dataDir());
    const auto key = co_await LocalServer::ensureApiKey(secrets.get());
    if (!key) {
        co_return context.failure(key.error());
    }
    context.out() << *key << '\n';
    context.out().flush();
    co_return 0;
}

} // namespace

void registerServeCommands(QList<Command> &commands)
{
    commands.append({u"serve"_s,
        QCoreApplication::translate(
            "notechondria-sync", "Serve the Notechondria /api/v1 on loopback (--listen 127.0.0.1:PORT)"),
        runServe});
    commands.append({u"api-key"_s,
        QCoreApplication::translate("notechondria-sync", "Print the local server's API key (creating it if needed)"),
        runApiKey});
}

} // namespace Notechondria::Cli
