// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushservice.h"

#include "clock.h"
#include "commitsummary.h"
#include "exportpipeline.h"
#include "gitblob.h"
#include "gitdataclient.h"
#include "githubapi.h"
#include "incrementalsync.h"
#include "logging.h"
#include "store.h"
#include "syncapply.h"
#include "syncmerge.h"
#include "syncplanner.h"
#include "syncremote.h"
#include "syncstate.h"

#include <QElapsedTimer>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/sync"_s;

/// An incremental sync's outcome before it commits: what it sends, on the unchanged head.
void countIncremental(PushOutcome &outcome, const PublishPlan &publish, const QString &head)
{
    outcome.incremental = true;
    outcome.commitSha = head;
    outcome.added = publish.added;
    outcome.changed = publish.changed;
    outcome.deleted = publish.deleted;
    outcome.wouldDelete = publish.deleted;
}

/// The commit's message: what it changes in words and the device that made it, for the history (CommitSummary).
QString commitMessage(const PublishPlan &publish, const Store &store)
{
    return CommitSummary::of(publish, store, deviceName()).message();
}

} // namespace

struct PushService::Run
{
    PushOptions options;
    PushOutcome outcome;
    std::optional<LocalState> local;
    std::unique_ptr<GitDataClient> git;
    QString outcomeKind = u"failed"_s;
    QString stopMessage; ///< conflict or mass-deletion message for last_error
    QByteArray remoteManifest; ///< GitHub's manifest.json when it differs from the last synced one
    std::optional<GitDataClient::Ref> knownRef; ///< the branch's ref, read by the unchanged-sync shortcut
};

PushService::PushService(Store *store, GitHubApi *github, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_github(github)
    , m_clock(clock)
{
}

PushService::~PushService() = default;

bool PushService::isRunning() const
{
    return m_running;
}

QString PushService::lastManifestPath() const
{
    return lastManifestPathFor(m_store->path());
}

QString PushService::lastManifestPathFor(const QString &databasePath)
{
    return ExportPipeline::lastManifestPathFor(databasePath);
}

Result<PushPreview> PushService::previewExport(bool includeAssets) const
{
    auto manifest = ExportPipeline::lastSyncedManifest(*m_store);
    if (!manifest) {
        return std::unexpected(manifest.error());
    }
    auto local = LocalState::prepare(*m_store, *m_clock, includeAssets, *manifest);
    if (!local) {
        return std::unexpected(local.error());
    }
    return PushPreview{local->previewStatuses(), std::move(local->tree)};
}

Result<QList<std::pair<QString, QString>>> PushService::preview(bool includeAssets) const
{
    auto preview = previewExport(includeAssets);
    if (!preview) {
        return std::unexpected(preview.error());
    }
    return std::move(preview->statuses);
}

QCoro::Task<Result<PushOutcome>> PushService::push(PushOptions options)
{
    if (m_running) {
        co_return fail(u"Push not started"_s, kModule, u"another push or sync is still running."_s);
    }
    m_running = true;
    QElapsedTimer elapsed;
    elapsed.start();
    const QDateTime startedAt = m_clock->now();
    const int requestsBefore = m_github->requestCount();

    Run run;
    run.options = options;
    if (!run.options.resolveAll && run.options.force) {
        run.options.resolveAll = SyncResolution::Mine;
    } else if (!run.options.resolveAll && run.options.keepRemote) {
        run.options.resolveAll = SyncResolution::Theirs;
    }
    Result<PushOutcome> result = co_await runPush(run);

    PushRun record;
    record.startedAt = startedAt;
    record.durationMs = elapsed.elapsed();
    record.requests = m_github->requestCount() - requestsBefore;
    record.bytes = run.git ? run.git->bytesSent() : 0;
    if (result) {
        result->requests = record.requests;
        result->bytes = record.bytes;
        record.added = result->added;
        record.changed = result->changed;
        record.deleted = result->deleted;
        record.commitSha = result->committed ? result->commitSha : QString();
        record.outcome = run.outcomeKind;
        record.message = run.stopMessage;
    } else {
        record.outcome = u"failed"_s;
        record.message = result.error().message();
    }
    const QString lastError = result ? run.stopMessage : result.error().message();
    if (!lastError.isEmpty()) {
        if (auto saved = m_store->setIntegrationError(lastError); !saved) {
            qCWarning(lcSync) << saved.error().message();
        }
        qCWarning(lcSync).noquote() << lastError;
    }
    if (auto saved = m_store->recordRun(record); !saved) {
        qCWarning(lcSync).noquote() << saved.error().message();
    }
    m_running = false;
    co_return result;
}

QCoro::Task<Result<PushOutcome>> PushService::runPush(Run &run)
{
    auto integration = LocalState::connectedIntegration(*m_store);
    if (!integration) {
        co_return std::unexpected(integration.error());
    }
    run.git = std::make_unique<GitDataClient>(m_github, integration->installationId, integration->repoFullName);
    auto unchanged = co_await unchangedSinceLastSync(run, *integration);
    if (!unchanged) {
        co_return std::unexpected(unchanged.error());
    }
    if (*unchanged) {
        co_return run.outcome;
    }
    auto incremental = co_await incrementalSync(run, *integration);
    if (!incremental) {
        co_return std::unexpected(incremental.error());
    }
    if (*incremental) {
        co_return run.outcome;
    }
    run.outcome = PushOutcome{};
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto step = co_await syncOnce(run);
        if (!step) {
            co_return std::unexpected(step.error());
        }
        if (*step) {
            co_return run.outcome;
        }
        // The branch moved between our read and the ref update: plan again on the new head, once.
        qCInfo(lcSync) << "Branch moved during the sync; planning again on the new head";
        run.outcome = PushOutcome{};
        run.remoteManifest.clear();
    }
    co_return fail(u"GitHub sync rejected"_s, kModule,
        u"branch '%1' kept moving while syncing (not a fast forward twice); try again."_s.arg(
            SyncRemote::branchOf(run.local->integration)));
}

QCoro::Task<Result<bool>> PushService::unchangedSinceLastSync(Run &run, const GitHubIntegration &integration)
{
    // The account is where the last complete sync left it (same data revision, same export choices) and so is the
    // branch: one request, and no export of the whole account to find that out (DECISIONS §12).
    if (run.options.pruneOrphans || integration.syncedState.isEmpty() || integration.lastPushSha.isEmpty()) {
        co_return false;
    }
    auto revision = m_store->dataRevision();
    if (!revision) {
        co_return std::unexpected(revision.error());
    }
    auto sequence = m_store->noteChangeSequence();
    if (!sequence) {
        co_return std::unexpected(sequence.error());
    }
    // The ref is read either way: when the account changed, a branch that has not moved lets the sync render only
    // what changed (incrementalSync).
    auto ref = co_await run.git->ref(SyncRemote::branchOf(integration));
    if (!ref) {
        co_return std::unexpected(ref.error());
    }
    if (integration.syncedState != LocalState::syncedStateFor(*revision, *sequence, run.options.includeAssets)
        || ref->state != GitDataClient::RefState::Found || ref->sha != integration.lastPushSha) {
        run.knownRef = std::move(*ref);
        co_return false;
    }
    if (auto saved = m_store->recordUnchangedSync(m_clock->now()); !saved) {
        co_return std::unexpected(saved.error());
    }
    run.outcome.commitSha = ref->sha;
    run.outcomeKind = u"unchanged"_s;
    co_return true;
}

QCoro::Task<Result<bool>> PushService::incrementalSync(Run &run, const GitHubIntegration &integration)
{
    const std::optional<GitDataClient::Ref> &ref = run.knownRef;
    if (run.options.pruneOrphans || !ref || ref->state != GitDataClient::RefState::Found
        || ref->sha != integration.lastPushSha) {
        co_return false;
    }
    // The kept manifest of the synced tree, checked against its one base row (not the whole base).
    auto manifestBase = m_store->syncBaseEntries({u"manifest.json"_s});
    if (!manifestBase) {
        co_return std::unexpected(manifestBase.error());
    }
    auto prepared = IncrementalSync::prepare(*m_store, *m_clock, integration, run.options.includeAssets,
        ExportPipeline::readManifest(lastManifestPath(), manifestBase->value(u"manifest.json"_s).base.toLatin1()));
    if (!prepared) {
        co_return std::unexpected(prepared.error());
    }
    if (!*prepared) {
        co_return false;
    }
    IncrementalChange &change = **prepared;
    PushOutcome &outcome = run.outcome;
    countIncremental(outcome, change.publish, integration.lastPushSha);
    GitHubIntegration recorded = integration;
    recorded.lastPushAt = m_clock->now();
    recorded.lastError.clear();
    recorded.syncedState = change.syncedState;
    if (change.publish.upload.isEmpty() && change.publish.remove.isEmpty()) {
        // Written again with the same bytes: nothing to send, but the state the account is in is the synced one.
        if (auto saved = m_store->recordSyncChanges(recorded, {}, {}, change.index); !saved) {
            co_return std::unexpected(saved.error());
        }
        run.outcomeKind = u"unchanged"_s;
        co_return true;
    }
    const SyncHead head{integration.lastPushSha, integration.lastPushTree, {}};
    auto commit = co_await SyncRemote(*run.git).commit(
        change.local, change.publish, head, commitMessage(change.publish, *m_store));
    if (!commit) {
        co_return std::unexpected(commit.error());
    }
    if (!*commit) {
        run.knownRef.reset(); // the branch moved meanwhile: the whole sync reads it again
        co_return false;
    }
    recorded.lastPushSha = (*commit)->sha;
    recorded.lastPushTree = (*commit)->treeSha;
    if (auto saved = m_store->recordSyncChanges(recorded, change.baseChanged, change.baseRemoved, change.index);
        !saved) {
        co_return std::unexpected(saved.error());
    }
    if (!change.manifest.isEmpty()) {
        keepManifest(change.manifest);
    }
    outcome.commitSha = (*commit)->sha;
    outcome.committed = true;
    run.outcomeKind = u"committed"_s;
    change.local.integration = recorded;
    run.local = std::move(change.local);
    logCommitted(run);
    co_return true;
}

void PushService::keepManifest(const QByteArray &manifest) const
{
    QSaveFile file(lastManifestPath());
    // Next to the database, so owner-only like it (0600).
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(manifest) != manifest.size() || !file.commit()) {
        qCWarning(lcSync).noquote() << u"Synced manifest not kept: %1 — cannot write %2 (%3); the next sync "
                                       u"may commit a new export time."_s.arg(
                                           kModule, file.fileName(), file.errorString());
    }
}

QCoro::Task<Result<void>> PushService::prepareLocal(Run &run)
{
    // The manifest of the tree the export is compared with keeps exported_at stable when nothing changed: GitHub's
    // current one once it is known, else the one of the last synced tree (read back from GitHub when the copy next to
    // the database is gone).
    QByteArray manifest = run.remoteManifest;
    if (manifest.isEmpty()) {
        auto base = m_store->syncBase();
        if (!base) {
            co_return std::unexpected(base.error());
        }
        const QString blob = base->value(u"manifest.json"_s).base;
        manifest = ExportPipeline::readManifest(lastManifestPath(), blob.toLatin1());
        if (manifest.isEmpty() && !blob.isEmpty()) {
            if (auto bytes = co_await run.git->blob(blob)) {
                manifest = *bytes;
            }
        }
    }
    auto local = LocalState::prepare(*m_store, *m_clock, run.options.includeAssets, manifest);
    if (!local) {
        co_return std::unexpected(local.error());
    }
    run.local = std::move(*local);
    co_return Result<void>{};
}

QCoro::Task<Result<void>> PushService::adoptRemoteManifest(Run &run, const SyncHead &head)
{
    const QByteArray blob = head.remote.value(u"manifest.json"_s);
    if (blob.isEmpty() || blob == GitBlob::id(run.local->previousManifest)) {
        co_return Result<void>{};
    }
    // Another device synced: compare with its manifest, so an export of the same files is the same bytes.
    auto bytes = co_await run.git->blob(QString::fromLatin1(blob));
    if (!bytes) {
        co_return std::unexpected(bytes.error());
    }
    run.remoteManifest = *bytes;
    co_return co_await prepareLocal(run);
}

QCoro::Task<Result<bool>> PushService::syncOnce(Run &run)
{
    if (auto prepared = co_await prepareLocal(run); !prepared) {
        co_return std::unexpected(prepared.error());
    }
    SyncRemote remote(*run.git);
    // The ref the shortcut read serves the first pass only; a re-plan after a lost race reads it again.
    auto head = co_await remote.resolveHead(*run.local, std::exchange(run.knownRef, std::nullopt));
    if (!head) {
        co_return std::unexpected(head.error());
    }
    if (auto adopted = co_await adoptRemoteManifest(run, *head); !adopted) {
        co_return std::unexpected(adopted.error());
    }
    SyncPlanInput input = run.local->planInput(head->remote);
    input.pull = run.options.pull;
    input.resolutions = run.options.resolutions;
    input.resolveAll = run.options.resolveAll;
    const SyncPlan plan = SyncPlanner::plan(input);

    auto contents = co_await remote.fetchBlobs(run.local->neededBlobs(plan, head->remote), head->sha);
    if (!contents) {
        co_return std::unexpected(contents.error());
    }
    SyncMergeOutcome merge = run.local->merge(plan, input, *contents);
    if (!merge.conflicts.isEmpty()) {
        stopOnConflicts(run, merge.conflicts, head->sha);
        co_return true;
    }
    run.outcome.pulled = merge.pulled;
    run.outcome.merged = merge.mergedPaths;
    if (merge.changesLocal) {
        SyncApplyInput apply = run.local->applyInput(merge, plan, head->remote, *contents, m_clock->now());
        auto problems = applySync(*m_store, apply);
        if (!problems) {
            co_return std::unexpected(problems.error());
        }
        for (const BackupProblem &problem : std::as_const(*problems)) {
            qCWarning(lcSync).noquote() << problem.message;
        }
        const QHash<QString, QByteArray> merged = merge.tree;
        if (auto prepared = co_await prepareLocal(run); !prepared) {
            co_return std::unexpected(prepared.error());
        }
        run.local->setMergedPaths(merged);
    }
    co_return co_await publish(run, plan, *head);
}

void PushService::stopOnConflicts(Run &run, const QList<std::pair<QString, QString>> &conflicts, const QString &head)
{
    PushOutcome &outcome = run.outcome;
    outcome.commitSha = head;
    outcome.conflict = true;
    for (const auto &[key, kind] : conflicts) {
        outcome.conflicts.append(run.local->describeConflict(key, kind));
        outcome.conflictPaths.append(key);
    }
    run.outcomeKind = u"conflict"_s;
    QStringList titles;
    for (const SyncConflict &conflict : std::as_const(outcome.conflicts).mid(0, 10)) {
        titles.append(conflict.title.isEmpty() ? conflict.path : u"'%1' (%2)"_s.arg(conflict.title, conflict.path));
    }
    run.stopMessage = u"GitHub sync stopped: %1 — %2 item(s) changed both on GitHub and here since the last sync: "
                      u"%3. Choose which version to keep."_s.arg(kModule)
                          .arg(outcome.conflicts.size())
                          .arg(titles.join(u", "_s));
}

QCoro::Task<Result<bool>> PushService::publish(Run &run, const SyncPlan &plan, const SyncHead &head)
{
    const LocalState &local = *run.local;
    PushOutcome &outcome = run.outcome;
    const PublishPlan publish = local.publishPlan(plan, head.remote, run.options.pruneOrphans);
    outcome.commitSha = head.sha;
    outcome.added = publish.added;
    outcome.changed = publish.changed;
    outcome.deleted = publish.deleted;
    outcome.wouldDelete = publish.deleted;
    outcome.withheld = local.tree.withheld;
    if (publish.massDeletion(run.options.confirmMassDeletion)) {
        stopOnMassDeletion(run, publish);
        co_return true;
    }
    if (publish.upload.isEmpty() && publish.remove.isEmpty()) {
        run.outcomeKind = u"unchanged"_s;
        if (auto saved = co_await recordSync(run, plan, head.remote, publish, head.sha, head.treeSha); !saved) {
            co_return std::unexpected(saved.error());
        }
        co_return true;
    }
    qCInfo(lcSync).noquote() << u"Sending to GitHub: %1 — %2 file(s) (%3), %4 deletion(s) (%5)"_s.arg(kModule)
                                    .arg(publish.upload.size())
                                    .arg(publish.upload.mid(0, 8).join(u", "_s))
                                    .arg(publish.remove.size())
                                    .arg(publish.remove.mid(0, 8).join(u", "_s));
    auto commit = co_await SyncRemote(*run.git).commit(local, publish, head, commitMessage(publish, *m_store));
    if (!commit) {
        co_return std::unexpected(commit.error());
    }
    if (!*commit) {
        co_return false; // the branch moved: plan again
    }
    if (auto saved = co_await recordSync(run, plan, head.remote, publish, (*commit)->sha, (*commit)->treeSha); !saved) {
        co_return std::unexpected(saved.error());
    }
    outcome.commitSha = (*commit)->sha;
    outcome.committed = true;
    run.outcomeKind = u"committed"_s;
    logCommitted(run);
    co_return true;
}

void PushService::stopOnMassDeletion(Run &run, const PublishPlan &publish)
{
    run.outcome.massDeletionBlocked = true;
    run.outcomeKind = u"blocked"_s;
    run.stopMessage = u"GitHub sync stopped: %1 — this push would delete %2 of the %3 files it tracks in '%4'; "
                      u"confirm the deletion to push."_s.arg(kModule)
                          .arg(publish.deleted)
                          .arg(publish.tracked)
                          .arg(run.local->integration.repoFullName);
}

void PushService::logCommitted(const Run &run)
{
    const PushOutcome &outcome = run.outcome;
    const GitHubIntegration &integration = run.local->integration;
    qCInfo(lcSync).noquote() << u"Synced user data with GitHub: %1 — repo=%2 branch=%3 pulled=%4 added=%5 "
                                u"changed=%6 deleted=%7 sha=%8."_s
                                    .arg(kModule, integration.repoFullName, SyncRemote::branchOf(integration))
                                    .arg(outcome.pulled.added + outcome.pulled.changed + outcome.pulled.deleted)
                                    .arg(outcome.added)
                                    .arg(outcome.changed)
                                    .arg(outcome.deleted)
                                    .arg(outcome.commitSha);
}

QCoro::Task<Result<void>> PushService::recordSync(Run &run, const SyncPlan &plan,
    const QHash<QString, QByteArray> &remote, const PublishPlan &publish, QString commitSha, QString treeSha)
{
    const LocalState &local = *run.local;
    GitHubIntegration integration = local.integration;
    integration.lastPushSha = commitSha;
    integration.lastPushTree = treeSha;
    integration.lastPushAt = m_clock->now();
    integration.lastError.clear();
    integration.syncedState = local.syncedStateAfter(publish);
    const QHash<QString, SyncBaseEntry> base = local.newBase(plan, remote, publish);
    // The export index describes both sides only after a complete sync; otherwise it is emptied.
    std::optional<ExportIndexUpdate> index;
    if (!integration.syncedState.isEmpty()) {
        index = ExportIndexUpdate{true, local.tree.index, {}};
    }
    if (auto saved = m_store->recordSync(integration, base, index); !saved) {
        co_return std::unexpected(saved.error());
    }
    // Keep the manifest of the synced tree: ours when we wrote it, else GitHub's (one read when it changed).
    QByteArray manifest;
    const QByteArray syncedManifest = base.value(u"manifest.json"_s).base.toLatin1();
    if (const ExportFile *ours = local.tree.find(u"manifest.json"_s);
        ours && GitBlob::id(ours->bytes) == syncedManifest) {
        manifest = ours->bytes;
    } else if (!syncedManifest.isEmpty()
        && ExportPipeline::readManifest(lastManifestPath(), syncedManifest).isEmpty()) {
        if (auto bytes = co_await run.git->blob(QString::fromLatin1(syncedManifest))) {
            manifest = *bytes;
        }
    }
    if (!manifest.isEmpty()) {
        keepManifest(manifest);
    }
    co_return Result<void>{};
}

} // namespace Notechondria
