// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "backupreader.h"
#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace Notechondria {

class Store;

/// What a sync writes into the local store: the merged account tree and what it needs to keep the rest.
struct SyncApplyInput
{
    /// The merged tree: every account file (generated ones aside) as both sides will hold it.
    QHash<QString, QByteArray> merged;
    /// GitHub's blob ids of the account files: an id that two items claim stays with GitHub's item.
    QHash<QString, QByteArray> remoteBlobs;
    /// GitHub's bytes of the notes whose GitHub version becomes a conflict copy, by path.
    QHash<QString, QByteArray> copySources;
    QSet<QString> copies; ///< note keys (notes/<hex>.md) to copy from copySources
    QSet<QString> synced; ///< paths in the sync base: a note or course missing from `merged` was deleted on GitHub
    /// The account paths where `merged` differs from this device's export (or that only the export has), when known:
    /// a pull that changes only notes writes only those notes (DECISIONS §12).
    std::optional<QSet<QString>> changed;
    QDateTime now;
};

/**
 * Writes the merged tree into the store (DECISIONS §8), in one transaction: notes, courses, planner events and
 * feeds, profile, settings and skill as the tree has them (ids kept; an id claimed twice stays with GitHub's item and
 * the other gets a fresh one). What the tree cannot hold is kept from the store: covers, attachments and the avatar,
 * the content of notes in the recycle bin, and items the export never wrote. A note deleted on GitHub goes to the
 * local recycle bin, never away. Returns what could not be read. When @p input says which paths change and they are
 * notes that keep their ids, only those notes are read and written; anything else rewrites the whole account.
 */
[[nodiscard]] Result<QList<BackupProblem>> applySync(Store &store, const SyncApplyInput &input);

} // namespace Notechondria
