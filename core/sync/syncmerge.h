// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "synctypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Notechondria {

/// The content of one file on one side of a merge; std::nullopt: the file is absent there.
using FileContent = std::optional<QByteArray>;

/// What merging one file gave.
struct MergedFile
{
    FileContent bytes; ///< the merged file (std::nullopt: deleted); meaningless when `conflicts` is not empty
    /// Items the merge could not combine: (item key, kind) with kind "both_changed", "deleted_here" or
    /// "deleted_on_github". Items of a list file (events, feeds) are keyed "<path>#<id>".
    QList<std::pair<QString, QString>> conflicts;
};

/// The choices a merge needs from outside: resolutions per item key, and fresh ids for items added on both sides.
struct MergeContext
{
    std::function<std::optional<SyncResolution>(const QString &itemKey)> resolve;
    qint64 nextId = 1; ///< the next free id for events and feeds added on both sides with the same id
};

/**
 * Three-way merge of one file of the export whose two sides both changed (DECISIONS §8), by what the file holds:
 * note Markdown (frontmatter per key, the body with git's text merge), JSON records (per key, nested objects too;
 * the later timestamp wins for `last_edit`-like keys), planner events and feeds (per item id; items added on both
 * sides with one id are both kept, ours under a fresh id), the recycle bin (per note uuid), other text (git's text
 * merge) and binary files (a conflict). @p base may be absent (added on both sides); @p ours and @p theirs are both
 * present.
 */
[[nodiscard]] MergedFile mergeFile(const QString &path, const FileContent &base, const QByteArray &ours,
    const QByteArray &theirs, MergeContext &context);

/// The item a file belongs to: notes/<hex>.md for both files of a note, the path itself otherwise.
[[nodiscard]] QString itemKeyOf(const QString &path);

/// The largest "id" of the events or feeds list in @p bytes (0 when none), to seed MergeContext::nextId.
[[nodiscard]] qint64 maxListId(const QString &path, const QByteArray &bytes);

} // namespace Notechondria
