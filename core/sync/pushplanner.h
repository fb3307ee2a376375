// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Notechondria {

/// Everything the planner needs, gathered by the push service (no network, no database in here).
struct PushPlanInput
{
    /// The export about to be pushed: path → git blob id (withheld files already left out).
    QMap<QString, QByteArray> local;
    /// Our pushed-files record: path → blob id of each file as we last reconciled it (the merge base).
    /// Empty when there is no last push (first push, or the repository/installation changed).
    QHash<QString, QByteArray> base;
    /// The remote tree's blobs (path → blob id) when it was read; std::nullopt when the branch head is
    /// still our last push, so the remote equals `base` for every path we track.
    std::optional<QHash<QString, QByteArray>> remote;
    /// The remote tree listing was truncated by GitHub: deletions are not mirrored then.
    bool remoteTruncated = false;
    /// Whether we pushed to this branch before (a last push sha is recorded); without one there is no
    /// merge base and ours win for every path we write.
    bool hasLastPush = false;
    bool force = false; ///< conflicting paths: ours win
    bool keepRemote = false; ///< conflicting paths: theirs win
    bool confirmMassDeletion = false;
    /// With prune-orphans: live note ids (32 lowercase hex); remote blobs under `assets/notes/<id>/`
    /// for any other id are deleted even if we never wrote them. std::nullopt: no pruning.
    std::optional<QSet<QString>> liveNoteIds;
};

/// What one push will do.
struct PushPlan
{
    QStringList upload; ///< paths whose local bytes are sent (sorted)
    QStringList remove; ///< paths deleted from the tree with `"sha": null` (sorted)
    QSet<QString> addedPaths; ///< uploads of paths absent remotely
    int added = 0; ///< uploads of paths absent remotely
    int changed = 0; ///< uploads replacing a remote blob
    int deleted = 0;
    QStringList remoteChanged; ///< paths the remote changed since our base (sorted)
    QStringList conflicts; ///< paths changed on both sides, unresolved (sorted); non-empty blocks the push
    QStringList keptRemote; ///< conflicting paths resolved by keeping the remote copy
    int tracked = 0; ///< files in our pushed-files record
    int wouldDelete = 0; ///< deletions the plan wants, before the mass-deletion guard
    bool massDeletionBlocked = false;
    /// The pushed-files record to save once the push succeeds.
    QHash<QString, QByteArray> newBase;

    [[nodiscard]] bool hasChanges() const { return !upload.isEmpty() || !remove.isEmpty(); }
    /// Per-path status for a preview: "added", "changed", "deleted" or "unchanged", sorted by path.
    [[nodiscard]] QList<std::pair<QString, QString>> statuses(const QMap<QString, QByteArray> &local) const;
};

/// The push planner: a pure function from local blob ids, the remote tree and our record to a plan.
///
/// Three-way per path, with our pushed-files record as the base: we changed a path when the local blob
/// differs from the base, the remote changed it when its blob differs from the base. Only our changes
/// are sent; a path changed on both sides (to different content) is a conflict unless `force` or
/// `keepRemote`; `manifest.json` and `README.md` are generated and ours always win. Only paths in the
/// base (files we wrote) are ever deleted, never foreign files.
class PushPlanner
{
public:
    /// Deletions beyond this share of the tracked files (and at least kMassDeletionMinimum) need confirmation.
    static constexpr double kMassDeletionShare = 0.25;
    static constexpr int kMassDeletionMinimum = 20;

    [[nodiscard]] static PushPlan plan(const PushPlanInput &input);
    /// manifest.json and README.md: regenerated on every change, never a conflict.
    [[nodiscard]] static bool isGenerated(const QString &path);
};

} // namespace Notechondria
