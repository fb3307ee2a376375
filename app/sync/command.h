// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoroTask>
#include <QString>

#include <functional>

namespace Notechondria::Cli {

class Context;

/// One subcommand of notechondria-sync. `run` returns the exit code: 0 ok, 1 failure, 2 usage error, 3 conflict.
struct Command
{
    QString name;
    QString summary;
    std::function<QCoro::Task<int>(Context &)> run;
};

// Each cmd_*.cpp file adds its commands.
void registerAuthCommands(QList<Command> &commands); // app-jwt, installations, repos
void registerDataCommands(QList<Command> &commands); // demo-data, connect, status, disconnect
void registerPushCommands(QList<Command> &commands); // export, push, runs
void registerSyncCommands(QList<Command> &commands); // sync
void registerServeCommands(QList<Command> &commands); // serve, api-key
void registerRestoreCommands(QList<Command> &commands); // restore
void registerImportCommands(QList<Command> &commands); // import
void registerPasswordCommands(QList<Command> &commands); // set-password
void registerVerifyCommands(QList<Command> &commands); // verify
void registerAppCreateCommands(QList<Command> &commands); // app-create
void registerHistoryCommands(QList<Command> &commands); // history, restore-item

} // namespace Notechondria::Cli
