// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace Notechondria {

/// Whether `id` is a GitHub App installation id: a positive integer in decimal digits, no sign, no leading zero,
/// at most 19 digits (it fits a signed 64-bit integer). The one check for the server, the CLI and the Store.
[[nodiscard]] inline bool isInstallationId(QStringView id)
{
    if (id.isEmpty() || id.size() > 19 || id.front() == u'0') {
        return false;
    }
    for (const QChar c : id) {
        if (c < u'0' || c > u'9') {
            return false;
        }
    }
    bool ok = false;
    return id.toLongLong(&ok) > 0 && ok;
}

} // namespace Notechondria
