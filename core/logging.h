// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// One logging category per module. Secrets never reach a log: pass causes through redactSecrets().
Q_DECLARE_LOGGING_CATEGORY(lcGitHub) // notechondria.github
Q_DECLARE_LOGGING_CATEGORY(lcNet) // notechondria.net
Q_DECLARE_LOGGING_CATEGORY(lcSync) // notechondria.sync
Q_DECLARE_LOGGING_CATEGORY(lcServer) // notechondria.server
Q_DECLARE_LOGGING_CATEGORY(lcStore) // notechondria.store
Q_DECLARE_LOGGING_CATEGORY(lcExport) // notechondria.export
Q_DECLARE_LOGGING_CATEGORY(lcRestore) // notechondria.restore
Q_DECLARE_LOGGING_CATEGORY(lcSecrets) // notechondria.secrets
