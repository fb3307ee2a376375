// SPDX-License-Identifier: GPL-3.0-or-later
// github-test-server: the stateful GitHub test server as a process, for manual runs and scripted end-to-end tests.
#include "githubtestserver.h"

#include <sys/socket.h>
#include <unistd.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using Notechondria::Test::GitHubTestServer;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
}

// SIGTERM/SIGINT quit the event loop so the temporary repositories are removed.
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        return;
    }
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
}

void fail(const QString &cause)
{
    std::fprintf(stderr, "%s\n", qPrintable(u"GitHub test server not started: github-test-server \u2014 "_s + cause));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"github-test-server"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A stateful GitHub API on 127.0.0.1 backed by real bare git repositories."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"port"_s, u"Port to listen on (0: any free port)."_s, u"N"_s, u"0"_s},
        {u"app-issuer"_s, u"GitHub App id or client id expected in the JWT iss claim."_s, u"ID"_s},
        {u"app-public-key"_s, u"PEM public key that verifies App JWTs (unset: signatures not checked)."_s, u"FILE"_s},
        {u"installation"_s, u"Account login of an installation (repeatable; default: octo-user)."_s, u"LOGIN"_s},
        {u"repos"_s, u"Create LOGIN/repo-1..N for the first installation."_s, u"N"_s, u"0"_s},
        {u"repo"_s, u"Create OWNER/NAME (repeatable), empty."_s, u"OWNER/NAME"_s},
    });
    parser.process(app);

    GitHubTestServer server;
    if (parser.isSet(u"app-public-key"_s)) {
        QFile key(parser.value(u"app-public-key"_s));
        if (!key.open(QIODevice::ReadOnly)) {
            fail(u"cannot read the public key file"_s);
            return 1;
        }
        server.setAppCredentials(parser.value(u"app-issuer"_s), key.readAll());
    }
    QStringList logins = parser.values(u"installation"_s);
    if (logins.isEmpty()) {
        logins << u"octo-user"_s;
    }
    QList<qint64> ids;
    for (const QString &login : std::as_const(logins)) {
        ids << server.addInstallation(login);
    }
    for (int i = 1; i <= parser.value(u"repos"_s).toInt(); ++i) {
        server.addRepository(ids.first(), u"%1/repo-%2"_s.arg(logins.first()).arg(i));
    }
    for (const QString &fullName : parser.values(u"repo"_s)) {
        const qsizetype index = logins.indexOf(fullName.section(u'/', 0, 0));
        server.addRepository(ids.value(index < 0 ? 0 : index), fullName);
    }
    bool portOk = false;
    const uint port = parser.value(u"port"_s).toUInt(&portOk);
    if (!portOk || port > 65535 || !server.start(quint16(port))) {
        fail(u"cannot listen on 127.0.0.1 port %1"_s.arg(parser.value(u"port"_s)));
        return 1;
    }
    std::printf("GITHUB_API_URL=%s\n", qPrintable(server.apiUrl().toString()));
    for (const qint64 id : std::as_const(ids)) {
        std::printf("INSTALLATION_ID=%lld\n", static_cast<long long>(id));
    }
    std::fflush(stdout);
    quitOnSignals(app);
    return app.exec();
}
