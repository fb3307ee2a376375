// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "pushservice.h"

#include <QCoroTask>
#include <QString>

namespace Notechondria {
class Store;
}

namespace Notechondria::Cli {

class Context;

/// One push or sync of @p store (a PushService over the command's network and clock); the files the secret scan
/// withheld are printed on stderr.
[[nodiscard]] QCoro::Task<Result<PushOutcome>> runPushService(Context &context, Store &store, PushOptions options);

/// Prints @p message (the mass-deletion stop of a push or sync) on stderr and returns the exit code 1.
[[nodiscard]] int massDeletionStopped(Context &context, const QString &message);

} // namespace Notechondria::Cli
