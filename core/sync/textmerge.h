// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <optional>

namespace Notechondria {

/**
 * Three-way merge of text, line by line, with git's own algorithm (libgit2's git_merge_file): the result when the
 * changes of @p ours and @p theirs against @p base touch different lines, std::nullopt when they overlap (or a side
 * is binary).
 */
[[nodiscard]] std::optional<QByteArray> mergeText(
    const QByteArray &base, const QByteArray &ours, const QByteArray &theirs);

} // namespace Notechondria
