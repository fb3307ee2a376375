// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pushservice.h"

#include <QCommandLineOption>
#include <QCoroTask>
#include <QList>
#include <QString>

namespace Notechondria {
class Store;
}

namespace Notechondria::Cli {

class Context;

/// The options push and sync share: --include-assets, --yes (a mass deletion) and --json.
[[nodiscard]] QList<QCommandLineOption> sharedPushOptions();

/// How a push or sync command reports its outcome.
struct PushReport
{
    int (*conflict)(Context &, const PushOutcome &, bool json); ///< prints the conflict stop; returns the exit code
    void (*done)(Context &, const PushOutcome &, bool json); ///< prints what the push or sync did
    bool json = false; ///< --json
    QString massDeletion; ///< the mass-deletion stop for stderr (translated), %1 = the files it would delete
};

/// One push or sync of @p store (a PushService over the command's network and clock), reported through @p report:
/// the files the secret scan withheld on stderr, then the failure, the stop or what it did. Returns the exit code.
[[nodiscard]] QCoro::Task<int> pushAndReport(Context &context, Store &store, PushOptions options, PushReport report);

} // namespace Notechondria::Cli
