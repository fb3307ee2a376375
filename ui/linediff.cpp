// SPDX-License-Identifier: GPL-3.0-or-later
#include "linediff.h"

#include <algorithm>

namespace Notechondria {

LineDiff LineDiff::compute(const QStringList &left, const QStringList &right)
{
    const qsizetype n = left.size();
    const qsizetype m = right.size();
    LineDiff diff;
    // Files in a backup are small; past this size mark everything rather than spend quadratic memory.
    if (n * m > 4'000'000) {
        for (int i = 0; i < n; ++i) {
            diff.removed.append(i);
        }
        for (int j = 0; j < m; ++j) {
            diff.added.append(j);
        }
        return diff;
    }
    QList<int> table((n + 1) * (m + 1), 0);
    const auto at = [&](qsizetype i, qsizetype j) -> int & {
        return table[i * (m + 1) + j];
    };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            at(i, j) = left[i] == right[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        }
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (left[i] == right[j]) {
            diff.matches.append({int(i++), int(j++)});
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            diff.removed.append(int(i++));
        } else {
            diff.added.append(int(j++));
        }
    }
    while (i < n) {
        diff.removed.append(int(i++));
    }
    while (j < m) {
        diff.added.append(int(j++));
    }
    return diff;
}

int LineDiff::counterpart(int line, bool fromLeft) const
{
    // The last equal line at or above `line` anchors both sides; below it, go on line by line.
    int anchorHere = 0;
    int anchorThere = 0;
    for (const auto &[left, right] : matches) {
        const int here = fromLeft ? left : right;
        if (here > line) {
            break;
        }
        anchorHere = here;
        anchorThere = fromLeft ? right : left;
    }
    return std::max(0, anchorThere + (line - anchorHere));
}

} // namespace Notechondria
