// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include <utility>

namespace Notechondria {

/// Lines of `left` not in `right` and lines of `right` not in `left`, by a longest-common-subsequence line diff.
struct LineDiff
{
    QList<int> removed; ///< 0-based lines of the left text
    QList<int> added; ///< 0-based lines of the right text
    QList<std::pair<int, int>> matches; ///< equal lines (left, right), in order
    [[nodiscard]] static LineDiff compute(const QStringList &left, const QStringList &right);
    /// The line of the other side that shows the same place as `line` (for scrolling both sides together).
    [[nodiscard]] int counterpart(int line, bool fromLeft) const;
};

} // namespace Notechondria
