// SPDX-License-Identifier: GPL-3.0-or-later
// notechondria-sync: push, export, restore and serve a Notechondria account from the command line.
#include "clock.h"
#include "command.h"
#include "context.h"
#include "i18n.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

QList<Cli::Command> allCommands()
{
    QList<Cli::Command> commands;
    Cli::registerAppCreateCommands(commands);
    Cli::registerAuthCommands(commands);
    Cli::registerDataCommands(commands);
    Cli::registerPushCommands(commands);
    Cli::registerSyncCommands(commands);
    Cli::registerServeCommands(commands);
    Cli::registerRestoreCommands(commands);
    Cli::registerImportCommands(commands);
    Cli::registerPasswordCommands(commands);
    Cli::registerVerifyCommands(commands);
    Cli::registerHistoryCommands(commands);
    return commands;
}

void printUsage(QTextStream &stream, const QList<Cli::Command> &commands)
{
    stream << QCoreApplication::translate("notechondria-sync",
        "Usage: notechondria-sync [--data DIR] COMMAND [OPTIONS]\n\n"
        "Back a Notechondria account up to GitHub, restore it, or serve it on loopback.\n\n"
        "Global options:\n"
        "  --data DIR   the local data folder (default: the app's data folder; env NOTECHONDRIA_DATA_DIR)\n"
        "  -h, --help   this help; COMMAND --help shows a command's options\n"
        "  --version    the version\n\nCommands:\n");
    for (const Cli::Command &command : commands) {
        stream << "  " << command.name.leftJustified(14) << command.summary << '\n';
    }
    stream << QCoreApplication::translate(
        "notechondria-sync", "\nExit status: 0 ok, 1 failure, 2 usage error, 3 push or sync conflict.\n");
    stream.flush();
}

/// Reads the global options in front of the command from @p args (into @p dataDir); an exit code when the program
/// ends here (help, version, an unknown option, no command).
std::optional<int> readGlobalOptions(
    QStringList &args, QString &dataDir, const QList<Cli::Command> &commands, QTextStream &out, QTextStream &err);

QCoro::Task<> runAndExit(Cli::Command command, std::shared_ptr<Cli::Context> context)
{
    const int code = co_await command.run(*context);
    QCoreApplication::exit(code);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    installTranslators(app);
    QCoreApplication::setOrganizationName(u"Notechondria"_s);
    QCoreApplication::setApplicationName(u"notechondria"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(NOTECHONDRIA_VERSION));

    const QList<Cli::Command> commands = allCommands();
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList args = QCoreApplication::arguments();
    const QString program = args.takeFirst();
    QString dataDir = qEnvironmentVariable("NOTECHONDRIA_DATA_DIR");
    if (const auto exitCode = readGlobalOptions(args, dataDir, commands, out, err)) {
        return *exitCode;
    }
    if (dataDir.isEmpty()) {
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }

    const QString name = args.takeFirst();
    const auto found = std::ranges::find(commands, name, &Cli::Command::name);
    if (found == commands.end()) {
        err << QCoreApplication::translate("notechondria-sync",
            "Command not run: notechondria-sync/main — unknown command '%1' (notechondria-sync --help lists them)")
                   .arg(name)
            << '\n';
        return 2;
    }

    QNetworkAccessManager network;
    SystemClock clock;
    args.prepend(program + u' ' + name);
    auto context = std::make_shared<Cli::Context>(name, args, dataDir, &network, &clock);
    QTimer::singleShot(0, &app, [command = *found, context] { runAndExit(command, context); });
    return QCoreApplication::exec();
}

namespace {

std::optional<int> readGlobalOptions(
    QStringList &args, QString &dataDir, const QList<Cli::Command> &commands, QTextStream &out, QTextStream &err)
{
    while (!args.isEmpty() && args.first().startsWith(u'-')) {
        const QString option = args.takeFirst();
        if (option == u"--data"_s && !args.isEmpty()) {
            dataDir = args.takeFirst();
        } else if (option.startsWith(u"--data="_s)) {
            dataDir = option.mid(7);
        } else if (option == u"-h"_s || option == u"--help"_s) {
            printUsage(out, commands);
            return 0;
        } else if (option == u"--version"_s) {
            out << "notechondria-sync " << QCoreApplication::applicationVersion() << '\n';
            return 0;
        } else {
            err << QCoreApplication::translate(
                "notechondria-sync", "Command not run: notechondria-sync/main — unknown option %1")
                       .arg(option)
                << '\n';
            printUsage(err, commands);
            return 2;
        }
    }
    if (args.isEmpty()) {
        err << QCoreApplication::translate(
            "notechondria-sync", "Command not run: notechondria-sync/main — no command given")
            << '\n';
        printUsage(err, commands);
        return 2;
    }
    return std::nullopt;
}

} // namespace
