// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "synctypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Notechondria {

/// What a sync does with one path of the account.
enum class SyncAction {
    Ours, ///< this device's copy (or its deletion) goes to GitHub
    Theirs, ///< GitHub's copy (or its deletion) comes into the local store
    KeepRemote, ///< GitHub's copy stays and is not pulled (a push; a withheld file)
    Merge, ///< both changed: merged three-way once the contents are read
    Conflict, ///< deleted on one side, edited on the other, unresolved
};

/// Everything the sync planner needs, gathered by the sync service (no network, no database in here).
struct SyncPlanInput
{
    QHash<QString, QByteArray> local; ///< the export now: path → blob id (account files, generated ones left out)
    QHash<QString, QByteArray> remote; ///< the branch head: path → blob id (account files only)
    QHash<QString, QByteArray> ancestor; ///< the sync base's local side: the blob each local copy derives from
    QSet<QString> withheld; ///< kept out by the secret scan: GitHub keeps its copy
    bool pull = false; ///< a sync; without it remote-only changes stay on GitHub
    QHash<QString, SyncResolution> resolutions; ///< by item key (SyncConflict::path)
    std::optional<SyncResolution> resolveAll;
};

/// What one sync will do, path by path (paths where both sides agree are left out).
struct SyncPlan
{
    QHash<QString, SyncAction> actions;
    /// (item key, kind) of delete-vs-edit conflicts found without reading any content.
    QList<std::pair<QString, QString>> conflicts;
    QSet<QString> copies; ///< note keys resolved "keep both" whose GitHub version becomes a conflict copy

    [[nodiscard]] QStringList paths(SyncAction action) const;
};

/// Sorts (item key, kind) conflicts and keeps the first of each item, so every item is named once, in a stable order.
void keepOneConflictPerItem(QList<std::pair<QString, QString>> &conflicts);

/**
 * The sync planner (DECISIONS §8): a pure function over blob ids. Per path, with the ancestor as the base: this
 * device changed it when its blob differs from the ancestor, GitHub changed it when the remote blob does. One side
 * changed: that side wins (a push leaves GitHub's changes on GitHub). Both changed to different content: the item's
 * resolution decides, else a merge of the contents, or a conflict when one side deleted it. A resolution of a note
 * covers both of its files.
 */
class SyncPlanner
{
public:
    [[nodiscard]] static SyncPlan plan(const SyncPlanInput &input);
    /// The resolution that applies to @p itemKey, if any.
    [[nodiscard]] static std::optional<SyncResolution> resolutionFor(
        const SyncPlanInput &input, const QString &itemKey);
    /// Whether @p path is an account file the sync owns (notes, courses, planner, profile, recycle bin; assets when
    /// they are included). Everything else in the repository (a LICENSE, a workflow) is never touched.
    [[nodiscard]] static bool isAccountPath(const QString &path, bool includeAssets);
    /// manifest.json and README.md: regenerated whenever something else changes, never merged.
    [[nodiscard]] static bool isGenerated(const QString &path);
};

} // namespace Notechondria
