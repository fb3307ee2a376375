// SPDX-License-Identifier: GPL-3.0-or-later
// Internal helpers shared by the export's source files (not part of the public API).
#pragma once

#include <QByteArray>
#include <QString>

namespace Notechondria {

/// Python's repr() of a float (shortest round-trip digits, "1.0", "1e+16", "1e-05").
[[nodiscard]] QByteArray pythonFloatRepr(double value);

/// Printable, secret-free and short: for a bad name quoted in a message.
[[nodiscard]] QString printableName(const QString &text);

} // namespace Notechondria
