// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "context.h"

namespace Notechondria::Cli {

void registerPushCommands(QList<Command> &commands)
{
    Q_UNUSED(commands)
}

} // namespace Notechondria::Cli
