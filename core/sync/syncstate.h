// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "error.h"
#include "exporter.h"
#include "pushservice.h"
#include "syncapply.h"
#include "syncplanner.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

namespace Notechondria {

class Clock;
class Store;

/// File contents read from GitHub: blob id → bytes.
using BlobContents = QHash<QByteArray, QByteArray>;

/// What merging the two sides gave (before anything is written).
struct SyncMergeOutcome
{
    QList<std::pair<QString, QString>> conflicts; ///< (item key, kind); non-empty stops the sync
    QHash<QString, QByteArray> tree; ///< the merged account tree (generated files aside)
    bool changesLocal = false; ///< something must be written into the store
    SyncCounts pulled; ///< items that come in
    QStringList mergedPaths; ///< files merged three-way
};

/// What goes to GitHub after the pull.
struct PublishPlan
{
    QStringList upload; ///< paths sent (sorted)
    QStringList remove; ///< paths deleted with `"sha": null` (sorted)
    QSet<QString> keep; ///< paths where GitHub keeps its copy (a push's unpulled changes, withheld files)
    QSet<QString> created; ///< the uploads that are new on the branch (the others change a file)
    int added = 0, changed = 0, deleted = 0;
    int tracked = 0; ///< account files on the branch

    /// Deletions beyond 25 % of the tracked files (and at least 20) need confirmation.
    [[nodiscard]] bool massDeletion(bool confirmed) const;
};

/**
 * The local side of one sync: the export with its blob ids, the sync base and what the planner, the merge and the
 * recording need from them. Pure computations over that data; the I/O is PushService's.
 */
class LocalState
{
public:
    [[nodiscard]] static Result<GitHubIntegration> connectedIntegration(const Store &store);
    /**
     * GitHubIntegration::syncedState for an account at data revision @p revision exported with @p includeAssets: a
     * sync that finds the same state and the branch where it left it has nothing to do (DECISIONS §12).
     */
    [[nodiscard]] static QString syncedStateFor(qint64 revision, qint64 changeSequence, bool includeAssets);
    /// A recorded synced state taken apart; nullopt when it is not one this build writes (another export format,
    /// no change sequence).
    struct SyncedState
    {
        qint64 revision = -1;
        qint64 changeSequence = -1;
        bool includeAssets = false;
    };
    [[nodiscard]] static std::optional<SyncedState> parseSyncedState(const QString &state);
    /**
     * The state to record after a sync of this export published as @p publish; "" when the two sides are not equal
     * afterwards — GitHub kept its copy of a path (a push leaving remote changes unpulled, a withheld file that a rerun
     * must report) — so the next sync compares everything.
     */
    [[nodiscard]] QString syncedStateAfter(const PublishPlan &publish) const;
    /// Reads the integration and the sync base and materializes the account through ExportPipeline, with
    /// @p previousManifest as the manifest to keep exported_at from when no file changed.
    [[nodiscard]] static Result<LocalState> prepare(
        const Store &store, const Clock &clock, bool includeAssets, const QByteArray &previousManifest);

    [[nodiscard]] SyncPlanInput planInput(const QHash<QString, QByteArray> &remote) const;
    /// The blob ids whose contents the plan needs (GitHub's side of pulls and merges, the merge ancestors).
    [[nodiscard]] QSet<QByteArray> neededBlobs(const SyncPlan &plan, const QHash<QString, QByteArray> &remote) const;
    [[nodiscard]] SyncMergeOutcome merge(
        const SyncPlan &plan, const SyncPlanInput &input, const BlobContents &contents) const;
    [[nodiscard]] SyncApplyInput applyInput(const SyncMergeOutcome &merge, const SyncPlan &plan,
        const QHash<QString, QByteArray> &remote, const BlobContents &contents, const QDateTime &now) const;
    /// After a pull: the merged tree the store was given, so files it could not read are never deleted on GitHub.
    void setMergedPaths(const QHash<QString, QByteArray> &merged);
    [[nodiscard]] PublishPlan publishPlan(
        const SyncPlan &plan, const QHash<QString, QByteArray> &remote, bool pruneOrphans) const;
    /// The sync base after the branch holds @p remote changed by @p publish.
    [[nodiscard]] QHash<QString, SyncBaseEntry> newBase(
        const SyncPlan &plan, const QHash<QString, QByteArray> &remote, const PublishPlan &publish) const;
    /// The remote state recorded at the last sync, when it is complete (the branch has not moved since).
    [[nodiscard]] std::optional<QHash<QString, QByteArray>> recordedRemote() const;
    /// Per export path against the last synced tree: "added", "changed", "deleted" or "unchanged", sorted.
    [[nodiscard]] QList<std::pair<QString, QString>> previewStatuses() const;
    [[nodiscard]] SyncConflict describeConflict(const QString &key, const QString &kind) const;

    GitHubIntegration integration;
    ExportTree tree;
    QByteArray previousManifest; ///< what the export compared itself with
    QHash<QString, qsizetype> indexByPath;
    QHash<QString, QByteArray> blobIds; ///< every export file
    QHash<QString, SyncBaseEntry> base;
    QSet<QString> withheld;
    QSet<QString> liveNoteIds;
    QHash<QString, QString> noteTitles; ///< note hex → title (the recycle bin too)
    QHash<QString, QString> courseTitles; ///< slug → title
    bool includeAssets = false;
    qint64 revision = -1; ///< the data revision read before the export (a later write makes the next sync look again)
    qint64 changeSequence = -1; ///< the note change sequence number read before the export
    bool accountEmpty = false; ///< no notes, courses, events or feeds
    bool hasLastSync = false;

private:
    [[nodiscard]] bool isTracked(const QString &path) const;
    QHash<QString, QByteArray> m_merged; ///< the last merged tree given to the store
};

} // namespace Notechondria
