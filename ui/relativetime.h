// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Notechondria {

/// "just now", "5 minutes ago", "yesterday", "3 days ago"… for a time in the past (translated).
[[nodiscard]] QString relativeTimeText(const QDateTime &then, const QDateTime &now);

} // namespace Notechondria
