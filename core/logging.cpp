// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcGitHub, "notechondria.github", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "notechondria.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "notechondria.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "notechondria.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "notechondria.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExport, "notechondria.export", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRestore, "notechondria.restore", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "notechondria.secrets", QtInfoMsg)
