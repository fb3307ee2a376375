// SPDX-License-Identifier: GPL-3.0-or-later
// set-password: the local account's password, with which the apps sign in to the local server (POST auth/login/).
#include "command.h"
#include "context.h"
#include "localpassword.h"
#include "privatefiles.h"
#include "store.h"

#include <termios.h>
#include <unistd.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

/// One line of standard input without its line end; the terminal does not echo it when stdin is one.
QString readPasswordLine(Context &context)
{
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        context.err() << QCoreApplication::translate("notechondria-sync", "New local password: ");
        context.err().flush();
    }
    QFile in;
    QByteArray line;
    if (in.open(stdin, QIODevice::ReadOnly)) {
        line = in.readLine(qint64(LocalPassword::maximumLength) * 4 + 2);
    }
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        context.err() << '\n';
        context.err().flush();
    }
    while (line.endsWith('\n') || line.endsWith('\r')) {
        line.chop(1);
    }
    return QString::fromUtf8(line);
}

QCoro::Task<int> runSetPassword(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption stdinOption(u"stdin"_s,
        QCoreApplication::translate("notechondria-sync", "Read the new password from one line of standard input."));
    const QCommandLineOption clearOption(
        u"clear"_s, QCoreApplication::translate("notechondria-sync", "Remove the password (sign-in is refused)."));
    parser.addOptions({stdinOption, clearOption});
    if (!context.parse(parser,
            QCoreApplication::translate("notechondria-sync",
                "Sets the local account's password, with which the Notechondria apps sign in to the local server "
                "(username or email and this password). It is stored as an Argon2id hash; every session is "
                "signed out."))) {
        co_return 2;
    }
    const bool clear = parser.isSet(clearOption);
    if (clear == parser.isSet(stdinOption) || !parser.positionalArguments().isEmpty()) {
        co_return context.usageError(QCoreApplication::translate("notechondria-sync",
            "give either --stdin (the password on one line of standard input) or --clear; the password is never "
            "taken as an argument"));
    }
    const QString password = clear ? QString() : readPasswordLine(context);
    if (const QString weak = LocalPassword::weakness(password); !clear && !weak.isEmpty()) {
        co_return context.usageError(weak);
    }
    if (const auto folder = PrivateFiles::ensureFolder(
            context.dataDir(), u"Local password not set"_s, u"notechondria-sync/set-password"_s);
        !folder) {
        co_return context.failure(folder.error());
    }
    auto store = Store::open(QDir(context.dataDir()).filePath(u"notechondria.sqlite"_s), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    const auto done = clear ? LocalPassword::clear(**store) : LocalPassword::set(**store, password);
    if (!done) {
        co_return context.failure(done.error());
    }
    const auto profile = (*store)->profile();
    const QString username = profile && !profile->username.isEmpty() ? profile->username : u"local"_s;
    context.printJson(QJsonDocument(QJsonObject{{u"password_set"_s, !clear}, {u"username"_s, username},
        {u"email"_s, profile ? profile->email : QString()}, {u"sessions_revoked"_s, true}}));
    if (!clear && (!profile || profile->username.isEmpty())) {
        context.err() << QCoreApplication::translate("notechondria-sync",
            "Note: the local account has no username yet; sign in as \"local\" until it has one (set it in the "
            "settings or import an account).")
                      << '\n';
        context.err().flush();
    }
    co_return 0;
}

} // namespace

void registerPasswordCommands(QList<Command> &commands)
{
    commands.append({u"set-password"_s,
        QCoreApplication::translate(
            "notechondria-sync", "Set the local account's sign-in password (--stdin) or remove it (--clear)"),
        runSetPassword});
}

} // namespace Notechondria::Cli
