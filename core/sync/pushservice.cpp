// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushservice.h"

#include "clock.h"
#include "gitblob.h"
#include "gitdataclient.h"
#include "githubapi.h"
#include "logging.h"
#include "store.h"
#include "syncapply.h"
#include "syncmerge.h"
#include "syncplanner.h"
#include "syncstate.h"
#include "treechunker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/sync"_s;

QString branchOf(const GitHubIntegration &integration)
{
    return integration.repoDefaultBranch.isEmpty() ? u"main"_s : integration.repoDefaultBranch;
}

QString commitMessage(const PushOutcome &outcome)
{
    return u"Notechondria backup: %1 added, %2 changed, %3 deleted"_s.arg(outcome.added)
        .arg(outcome.changed)
        .arg(outcome.deleted);
}

} // namespace

/// The branch head a sync builds on.
struct PushService::Head
{
    QString sha;
    QString treeSha;
    QHash<QString, QByteArray> remote; ///< every blob of the head's tree
};

struct PushService::Run
{
    PushOptions options;
    PushOutcome outcome;
    std::optional<LocalState> local;
    std::unique_ptr<GitDataClient> git;
    QString outcomeKind = u"failed"_s;
    QString stopMessage; ///< conflict or mass-deletion message for last_error
    QByteArray remoteManifest; ///< GitHub's manifest.json when it differs from the last synced one
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
    return QFileInfo(databasePath).dir().filePath(u"last-push-manifest.json"_s);
}

Result<QList<std::pair<QString, QString>>> PushService::preview(bool includeAssets) const
{
    QByteArray manifest;
    if (auto base = m_store->syncBase()) {
        manifest = LocalState::readManifest(lastManifestPath(), base->value(u"manifest.json"_s).base.toLatin1());
    }
    auto local = LocalState::prepare(*m_store, *m_clock, includeAssets, manifest);
    if (!local) {
        return std::unexpected(local.error());
    }
    return local->previewStatuses();
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
    Q_EMIT finished();
    co_return result;
}

QCoro::Task<Result<PushOutcome>> PushService::runPush(Run &run)
{
    Q_EMIT progress(u"Preparing export"_s, 0, 1);
    auto integration = LocalState::connectedIntegration(*m_store);
    if (!integration) {
        co_return std::unexpected(integration.error());
    }
    run.git = std::make_unique<GitDataClient>(m_github, integration->installationId, integration->repoFullName);
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
            branchOf(run.local->integration)));
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
        manifest = LocalState::readManifest(lastManifestPath(), blob.toLatin1());
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

QCoro::Task<Result<void>> PushService::adoptRemoteManifest(Run &run, const Head &head)
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
    auto head = co_await resolveHead(run);
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

    Q_EMIT progress(u"Reading changes from GitHub"_s, 0, 1);
    auto contents = co_await fetchContents(run, plan, *head);
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
        Q_EMIT progress(u"Writing GitHub's changes here"_s, 0, 1);
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

QCoro::Task<Result<bool>> PushService::publish(Run &run, const SyncPlan &plan, const Head &head)
{
    const LocalState &local = *run.local;
    const QString branch = branchOf(local.integration);
    PushOutcome &outcome = run.outcome;
    const PublishPlan publish = local.publishPlan(plan, head.remote, run.options.pruneOrphans);
    outcome.commitSha = head.sha;
    outcome.added = publish.added;
    outcome.changed = publish.changed;
    outcome.deleted = publish.deleted;
    outcome.wouldDelete = publish.deleted;
    outcome.withheld = local.tree.withheld;
    if (publish.massDeletion(run.options.confirmMassDeletion)) {
        outcome.massDeletionBlocked = true;
        run.outcomeKind = u"blocked"_s;
        run.stopMessage = u"GitHub sync stopped: %1 — this push would delete %2 of the %3 files it tracks in '%4'; "
                          u"confirm the deletion to push."_s.arg(kModule)
                              .arg(publish.deleted)
                              .arg(publish.tracked)
                              .arg(local.integration.repoFullName);
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
    auto tree = co_await uploadTree(run, publish.upload, publish.remove, head.treeSha);
    if (!tree) {
        co_return std::unexpected(tree.error());
    }
    Q_EMIT progress(u"Committing"_s, 0, 1);
    auto commit = co_await run.git->createCommit(commitMessage(outcome), *tree, {head.sha});
    if (!commit) {
        co_return std::unexpected(commit.error());
    }
    Q_EMIT progress(u"Updating branch"_s, 0, 1);
    auto updated = co_await run.git->updateRef(branch, *commit);
    if (!updated) {
        co_return std::unexpected(updated.error().withConsequence(u"GitHub sync aborted"_s));
    }
    if (updated->status == 422) {
        co_return false;
    }
    if (!updated->isSuccess()) {
        co_return std::unexpected(GitDataClient::rejected(*updated, u"updating branch '%1'"_s.arg(branch)));
    }
    if (auto saved = co_await recordSync(run, plan, head.remote, publish, *commit, *tree); !saved) {
        co_return std::unexpected(saved.error());
    }
    outcome.commitSha = *commit;
    outcome.committed = true;
    run.outcomeKind = u"committed"_s;
    qCInfo(lcSync).noquote() << u"Synced user data with GitHub: %1 — repo=%2 branch=%3 pulled=%4 added=%5 "
                                u"changed=%6 deleted=%7 sha=%8."_s.arg(kModule, local.integration.repoFullName, branch)
                                    .arg(outcome.pulled.added + outcome.pulled.changed + outcome.pulled.deleted)
                                    .arg(outcome.added)
                                    .arg(outcome.changed)
                                    .arg(outcome.deleted)
                                    .arg(*commit);
    co_return true;
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
    const QHash<QString, SyncBaseEntry> base = local.newBase(plan, remote, publish);
    if (auto saved = m_store->recordSync(integration, base); !saved) {
        co_return std::unexpected(saved.error());
    }
    // Keep the manifest of the synced tree: ours when we wrote it, else GitHub's (one read when it changed).
    QByteArray manifest;
    const QByteArray syncedManifest = base.value(u"manifest.json"_s).base.toLatin1();
    if (const ExportFile *ours = local.tree.find(u"manifest.json"_s);
        ours && GitBlob::id(ours->bytes) == syncedManifest) {
        manifest = ours->bytes;
    } else if (!syncedManifest.isEmpty() && LocalState::readManifest(lastManifestPath(), syncedManifest).isEmpty()) {
        if (auto bytes = co_await run.git->blob(QString::fromLatin1(syncedManifest))) {
            manifest = *bytes;
        }
    }
    if (!manifest.isEmpty()) {
        QSaveFile file(lastManifestPath());
        // Next to the database, so owner-only like it (0600).
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || file.write(manifest) != manifest.size() || !file.commit()) {
            qCWarning(lcSync).noquote() << u"Synced manifest not kept: %1 — cannot write %2 (%3); the next sync "
                                           u"may commit a new export time."_s.arg(
                                               kModule, file.fileName(), file.errorString());
        }
    }
    co_return Result<void>{};
}

} // namespace Notechondria

namespace Notechondria {

QCoro::Task<Result<PushService::Head>> PushService::resolveHead(Run &run)
{
    const GitHubIntegration &integration = run.local->integration;
    const QString branch = branchOf(integration);
    Q_EMIT progress(u"Reading branch"_s, 0, 1);
    auto ref = co_await run.git->ref(branch);
    if (!ref) {
        co_return std::unexpected(ref.error());
    }
    Head head;
    if (ref->state == GitDataClient::RefState::EmptyRepository) {
        co_return co_await seedEmptyRepository(run, branch);
    }
    if (ref->state == GitDataClient::RefState::Missing) {
        auto started = co_await startMissingBranch(run);
        if (!started || !started->treeSha.isEmpty()) {
            co_return started;
        }
        head = std::move(*started);
    } else {
        head.sha = ref->sha;
    }
    if (head.sha == integration.lastPushSha) {
        if (auto recorded = run.local->recordedRemote()) {
            head.treeSha = integration.lastPushTree; // nothing moved: the sync base is the remote state
            head.remote = std::move(*recorded);
            co_return head;
        }
    }
    auto tree = co_await run.git->commitTree(head.sha);
    if (!tree) {
        co_return std::unexpected(tree.error());
    }
    head.treeSha = *tree;
    Q_EMIT progress(u"Reading remote tree"_s, 0, 1);
    auto remote = co_await run.git->completeTree(head.treeSha);
    if (!remote) {
        co_return std::unexpected(remote.error());
    }
    head.remote = std::move(remote->blobs);
    co_return head;
}

QCoro::Task<Result<PushService::Head>> PushService::seedEmptyRepository(Run &run, QString branch)
{
    // Git Data writes answer 409 on an empty repository: the Contents API makes the first commit.
    Q_EMIT progress(u"Creating the first commit"_s, 0, 1);
    const ExportFile *readme = run.local->tree.find(u"README.md"_s);
    const QByteArray bytes = readme ? readme->bytes : QByteArray("# Notechondria backup\n");
    auto seed = co_await run.git->seed(u"README.md"_s, bytes, branch, u"Notechondria backup: first commit"_s);
    if (!seed) {
        co_return std::unexpected(seed.error());
    }
    Head head;
    head.sha = seed->commitSha;
    head.treeSha = seed->treeSha;
    if (head.treeSha.isEmpty()) {
        auto tree = co_await run.git->commitTree(head.sha);
        if (!tree) {
            co_return std::unexpected(tree.error());
        }
        head.treeSha = *tree;
    }
    head.remote = {{u"README.md"_s, seed->blobSha.isEmpty() ? GitBlob::id(bytes) : seed->blobSha}};
    co_return head;
}

QCoro::Task<Result<PushService::Head>> PushService::startMissingBranch(Run &run)
{
    const QString branch = branchOf(run.local->integration);
    auto defaultBranch = co_await run.git->defaultBranch();
    if (!defaultBranch) {
        co_return std::unexpected(defaultBranch.error());
    }
    if (defaultBranch->isEmpty() || *defaultBranch == branch) {
        co_return fail(u"GitHub sync rejected"_s, kModule,
            u"branch '%1' does not exist in '%2' and there is no other branch to start it from."_s.arg(
                branch, run.local->integration.repoFullName));
    }
    auto ref = co_await run.git->ref(*defaultBranch);
    if (!ref) {
        co_return std::unexpected(ref.error());
    }
    if (ref->state == GitDataClient::RefState::EmptyRepository) {
        co_return co_await seedEmptyRepository(run, branch);
    }
    if (ref->state == GitDataClient::RefState::Missing) {
        co_return fail(u"GitHub sync rejected"_s, kModule,
            u"branch '%1' does not exist in '%2', nor does its default branch '%3'."_s.arg(
                branch, run.local->integration.repoFullName, *defaultBranch));
    }
    Q_EMIT progress(u"Creating branch"_s, 0, 1);
    if (auto created = co_await run.git->createRef(branch, ref->sha); !created) {
        co_return std::unexpected(created.error());
    }
    Head head;
    head.sha = ref->sha;
    co_return head;
}

QCoro::Task<Result<BlobContents>> PushService::fetchContents(Run &run, const SyncPlan &plan, const Head &head)
{
    const QSet<QByteArray> needed = run.local->neededBlobs(plan, head.remote);
    BlobContents contents;
    int done = 0;
    for (const QByteArray &sha : needed) {
        Q_EMIT progress(u"Reading changes from GitHub"_s, done++, int(needed.size()));
        auto bytes = co_await run.git->blob(QString::fromLatin1(sha));
        if (!bytes) {
            co_return std::unexpected(bytes.error());
        }
        contents.insert(sha, *bytes);
    }
    co_return contents;
}

QCoro::Task<Result<QString>> PushService::uploadTree(Run &run, QStringList upload, QStringList remove, QString baseTree)
{
    const LocalState &local = *run.local;
    QList<QByteArray> entries;
    entries.reserve(upload.size() + remove.size());
    int binaryDone = 0;
    for (const QString &path : std::as_const(upload)) {
        const ExportFile &file = local.tree.files[local.indexByPath.value(path)];
        if (GitBlob::isInlineText(file.bytes) && file.bytes.size() <= TreeChunker::kMaxInlineBytes) {
            entries.append(TreeChunker::inlineEntry(path, file.bytes));
            continue;
        }
        Q_EMIT progress(u"Uploading binary files"_s, binaryDone++, int(upload.size()));
        auto sha = co_await run.git->createBlob(file.bytes);
        if (!sha) {
            co_return std::unexpected(sha.error());
        }
        entries.append(TreeChunker::shaEntry(path, sha->toLatin1()));
    }
    for (const QString &path : std::as_const(remove)) {
        entries.append(TreeChunker::deletionEntry(path));
    }
    const QList<TreeChunker::Chunk> chunks = TreeChunker::chunk(entries);
    QString tree = baseTree;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        Q_EMIT progress(u"Uploading files"_s, int(i), int(chunks.size()));
        auto created = co_await run.git->createTree(TreeChunker::body(tree, entries, chunks[i]));
        if (!created) {
            co_return std::unexpected(created.error());
        }
        tree = *created;
    }
    Q_EMIT progress(u"Uploading files"_s, int(chunks.size()), int(chunks.size()));
    co_return tree;
}

} // namespace Notechondria
