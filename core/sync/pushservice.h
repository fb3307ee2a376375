// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "exporter.h"
#include "synctypes.h"

#include <QCoroTask>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Notechondria {

class Clock;
class GitHubApi;
class LocalState;
class Store;
struct PublishPlan;
struct SyncHead;
struct SyncPlan;

/// Counts of one direction of a sync.
struct SyncCounts
{
    int added = 0, changed = 0, deleted = 0;
};

/// The choices of one push or sync.
struct PushOptions
{
    bool includeAssets = false; ///< inline avatar, covers and attachments under assets/
    bool force = false; ///< conflicting items: ours overwrite the remote copies (= resolveAll Mine)
    bool keepRemote = false; ///< conflicting items: GitHub's copies are written into the store (= resolveAll Theirs)
    /// A sync: remote-only changes are pulled into the local store first. Without it (a push) they stay on GitHub.
    bool pull = false;
    /// Per-item resolutions, keyed by SyncConflict::path.
    QHash<QString, SyncResolution> resolutions;
    /// A resolution for every conflicting item without its own.
    std::optional<SyncResolution> resolveAll;
    bool confirmMassDeletion = false; ///< lets a push delete more than 25 % (and ≥ 20) of the tracked files
    bool pruneOrphans = false; ///< also delete remote assets/notes/<id>/ blobs of notes that are gone
};

/// What one push did (or would have done, when it stopped at a conflict or the mass-deletion guard).
struct PushOutcome
{
    QString commitSha; ///< the new commit, or the unchanged head when nothing was committed
    bool committed = false;
    int added = 0, changed = 0, deleted = 0; ///< what went to GitHub (files)
    SyncCounts pulled; ///< what came into the local store (files)
    QStringList merged; ///< files changed on both sides and merged cleanly
    QList<SyncConflict> conflicts; ///< unresolved items; non-empty means nothing changed on either side
    int requests = 0; ///< GitHub API requests made (token exchanges and retries included)
    qint64 bytes = 0; ///< request bytes uploaded
    QStringList conflictPaths;
    bool conflict = false;
    bool massDeletionBlocked = false;
    int wouldDelete = 0;
    QList<ExportProblem> withheld; ///< files kept out of the push by the secret scan
    /// Only what changed since the last sync was rendered (the branch had not moved; IncrementalSync).
    bool incremental = false;
};

/// What the next push would send, and the export that says so.
struct PushPreview
{
    QList<std::pair<QString, QString>> statuses; ///< path → "added" | "changed" | "deleted" | "unchanged", sorted
    ExportTree tree;
};

/**
 * The two-way sync of the account with its GitHub repository (DECISIONS §4, §8), and the push (a sync without the
 * pull).
 *
 * Per path it compares three states: this device's export, the branch head's tree and the sync base (the blob each
 * side last agreed on). GitHub's changes are pulled into the store (a sync), changes on both sides are merged
 * three-way or stop as a conflict that names the item, and this device's changes go out as one commit.
 *
 * One push is one commit built with the Git Data API, or none when nothing changed: blob ids are computed
 * locally, the remote tree is read once (or the tree of our last push reused when the head has not moved),
 * only changed paths are sent (UTF-8 text inline in chunked tree requests, binary files as blobs), files we
 * pushed before and that are gone locally are deleted, and the branch moves with one fast-forward ref update.
 */
class PushService : public QObject
{
    Q_OBJECT

public:
    PushService(Store *store, GitHubApi *github, const Clock *clock, QObject *parent = nullptr);
    ~PushService() override;

    /**
     * One push = one commit or none. A conflict comes back as outcome.conflict with the paths (no error); other
     * failures as an Error (three-part, httpStatus set when GitHub answered). Always records a PushRun and
     * last_error/last_push_*. A failure leaves the branch where it was and the local data untouched.
     */
    [[nodiscard]] QCoro::Task<Result<PushOutcome>> push(PushOptions options);

    /// What the next push would send, judged against the last synced tree without network: path → "added" | "changed" |
    /// "deleted" | "unchanged".
    [[nodiscard]] Result<QList<std::pair<QString, QString>>> preview(bool includeAssets) const;
    /// preview() with the export it judged (materialized once, with the last synced manifest and the clock's time).
    [[nodiscard]] Result<PushPreview> previewExport(bool includeAssets) const;

    [[nodiscard]] bool isRunning() const;

    /// Where the manifest.json of the last push is kept (next to the database), so an unchanged account
    /// exports the same bytes and makes no commit.
    [[nodiscard]] QString lastManifestPath() const;
    /// The same, for the database at @p databasePath (the CLI's export uses it without a service).
    [[nodiscard]] static QString lastManifestPathFor(const QString &databasePath);

private:
    struct Run;
    [[nodiscard]] QCoro::Task<Result<PushOutcome>> runPush(Run &run);
    /// True (and the outcome set to "unchanged") when neither the account nor the branch moved since the last sync.
    [[nodiscard]] QCoro::Task<Result<bool>> unchangedSinceLastSync(Run &run, const GitHubIntegration &integration);
    /// True when the sync was done by rendering only what changed since the last one (IncrementalSync); false when
    /// the whole sync must run.
    [[nodiscard]] QCoro::Task<Result<bool>> incrementalSync(Run &run, const GitHubIntegration &integration);
    /// Keeps @p manifest next to the database as the last synced one (a failure is only logged).
    void keepManifest(const QByteArray &manifest) const;
    [[nodiscard]] QCoro::Task<Result<void>> prepareLocal(Run &run);
    [[nodiscard]] QCoro::Task<Result<void>> adoptRemoteManifest(Run &run, const SyncHead &head);
    /// One plan, pull and publish pass: true when done (committed, unchanged or stopped), false when the ref update
    /// lost a race and the sync should start again.
    [[nodiscard]] QCoro::Task<Result<bool>> syncOnce(Run &run);
    void stopOnConflicts(Run &run, const QList<std::pair<QString, QString>> &conflicts, const QString &head);
    void stopOnMassDeletion(Run &run, const PublishPlan &publish);
    [[nodiscard]] QCoro::Task<Result<bool>> publish(Run &run, const SyncPlan &plan, const SyncHead &head);
    static void logCommitted(const Run &run);
    [[nodiscard]] QCoro::Task<Result<void>> recordSync(Run &run, const SyncPlan &plan,
        const QHash<QString, QByteArray> &remote, const PublishPlan &publish, QString commitSha, QString treeSha);

    Store *m_store;
    GitHubApi *m_github;
    const Clock *m_clock;
    bool m_running = false;
};

} // namespace Notechondria
