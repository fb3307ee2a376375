// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushservice.h"

#include "clock.h"
#include "gitblob.h"
#include "gitdataclient.h"
#include "githubapi.h"
#include "logging.h"
#include "pushplanner.h"
#include "store.h"
#include "treechunker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <optional>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/push"_s;

/// The export with its local blob ids, as the planner and the uploader need it.
struct LocalState
{
    GitHubIntegration integration;
    ExportTree tree;
    QHash<QString, qsizetype> indexByPath;
    QMap<QString, QByteArray> blobIds;
    QHash<QString, QByteArray> base;
    QSet<QString> liveNoteIds;
    bool hasLastPush = false;
};

QHash<QString, QByteArray> toBlobMap(const QHash<QString, QString> &record)
{
    QHash<QString, QByteArray> map;
    map.reserve(record.size());
    for (auto it = record.constBegin(); it != record.constEnd(); ++it) {
        map.insert(it.key(), it.value().toLatin1());
    }
    return map;
}

QHash<QString, QString> toRecord(const QHash<QString, QByteArray> &map)
{
    QHash<QString, QString> record;
    record.reserve(map.size());
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        record.insert(it.key(), QString::fromLatin1(it.value()));
    }
    return record;
}

Result<GitHubIntegration> connectedIntegration(const Store *store)
{
    auto integration = store->integration();
    if (!integration) {
        return std::unexpected(integration.error());
    }
    if (!integration->has_value()) {
        return fail(u"GitHub sync unavailable"_s, kModule, u"no GitHub App installation linked to this account."_s);
    }
    if ((*integration)->repoFullName.isEmpty()) {
        return fail(u"GitHub sync rejected"_s, kModule, u"no repository selected on this installation."_s);
    }
    return **integration;
}

QString branchOf(const GitHubIntegration &integration)
{
    return integration.repoDefaultBranch.isEmpty() ? u"main"_s : integration.repoDefaultBranch;
}

QByteArray readLastManifest(const QString &path, const QHash<QString, QByteArray> &base)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray bytes = file.readAll();
    return GitBlob::id(bytes) == base.value(u"manifest.json"_s) ? bytes : QByteArray();
}

/// Reads the integration and the pushed-files record, materializes the account and computes blob ids.
Result<LocalState> prepareLocal(const Store *store, const Clock *clock, bool includeAssets,
    const std::function<QByteArray(const LocalState &)> &previousManifest)
{
    auto integration = connectedIntegration(store);
    if (!integration) {
        return std::unexpected(integration.error());
    }
    LocalState state;
    state.integration = *integration;
    state.hasLastPush = !state.integration.lastPushSha.isEmpty();
    if (state.hasLastPush) {
        auto pushed = store->pushedFiles();
        if (!pushed) {
            return std::unexpected(pushed.error());
        }
        state.base = toBlobMap(*pushed);
    }
    auto snapshot = store->snapshot(includeAssets);
    if (!snapshot) {
        return std::unexpected(snapshot.error());
    }
    for (const Note &note : std::as_const(snapshot->notes)) {
        if (!note.deletedAt) {
            state.liveNoteIds.insert(note.uuid.toString(QUuid::Id128));
        }
    }
    ExportOptions options;
    options.includeAssets = includeAssets;
    options.previousManifest = previousManifest(state);
    options.now = clock->now();
    state.tree = materialize(*snapshot, options);
    state.indexByPath.reserve(state.tree.files.size());
    for (qsizetype i = 0; i < state.tree.files.size(); ++i) {
        const ExportFile &file = state.tree.files[i];
        state.indexByPath.insert(file.path, i);
        state.blobIds.insert(file.path, GitBlob::id(file.bytes));
    }
    return state;
}

QString commitMessage(const PushPlan &plan)
{
    return u"Notechondria backup: %1 added, %2 changed, %3 deleted"_s.arg(plan.added)
        .arg(plan.changed)
        .arg(plan.deleted);
}

} // namespace

/// The branch head a plan builds on.
struct PushService::Head
{
    QString sha;
    QString treeSha;
    std::optional<QHash<QString, QByteArray>> remote; ///< nullopt: the head is our last push
    bool truncated = false;
};

struct PushService::Run
{
    PushOptions options;
    PushOutcome outcome;
    std::optional<LocalState> local;
    std::unique_ptr<GitDataClient> git;
    QString outcomeKind = u"failed"_s;
    QString stopMessage; ///< conflict or mass-deletion message for last_error
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
    const QString manifestPath = lastManifestPath();
    auto local = prepareLocal(m_store, m_clock, includeAssets,
        [&](const LocalState &state) { return readLastManifest(manifestPath, state.base); });
    if (!local) {
        return std::unexpected(local.error());
    }
    PushPlanInput input;
    input.local = local->blobIds;
    input.base = local->base;
    input.hasLastPush = local->hasLastPush;
    input.confirmMassDeletion = true;
    return PushPlanner::plan(input).statuses(input.local);
}

QCoro::Task<Result<PushOutcome>> PushService::push(PushOptions options)
{
    if (m_running) {
        co_return fail(u"Push not started"_s, kModule, u"another push is still running."_s);
    }
    m_running = true;
    QElapsedTimer elapsed;
    elapsed.start();
    const QDateTime startedAt = m_clock->now();
    const int requestsBefore = m_github->requestCount();

    Run run;
    run.options = options;
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
    auto integration = connectedIntegration(m_store);
    if (!integration) {
        co_return std::unexpected(integration.error());
    }
    run.git = std::make_unique<GitDataClient>(m_github, integration->installationId, integration->repoFullName);

    // The manifest we last pushed keeps exported_at stable when nothing changed; fetch it when the local copy is gone.
    QByteArray fetchedManifest;
    {
        auto pushed = m_store->pushedFiles();
        const QHash<QString, QByteArray> base = pushed ? toBlobMap(*pushed) : QHash<QString, QByteArray>{};
        const QByteArray manifestBlob = base.value(u"manifest.json"_s);
        if (!integration->lastPushSha.isEmpty() && !manifestBlob.isEmpty()
            && readLastManifest(lastManifestPath(), base).isEmpty()) {
            auto bytes = co_await run.git->blob(QString::fromLatin1(manifestBlob));
            if (bytes) {
                fetchedManifest = *bytes;
            }
        }
    }
    const QString manifestPath = lastManifestPath();
    auto local = prepareLocal(m_store, m_clock, run.options.includeAssets, [&](const LocalState &state) {
        const QByteArray stored = readLastManifest(manifestPath, state.base);
        return stored.isEmpty() ? fetchedManifest : stored;
    });
    if (!local) {
        co_return std::unexpected(local.error());
    }
    run.local = std::move(*local);
    run.outcome.withheld = run.local->tree.withheld;
    Q_EMIT progress(u"Preparing export"_s, 1, 1);

    bool readRemote = run.options.pruneOrphans;
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto step = co_await pushOnce(run, readRemote);
        if (!step) {
            co_return std::unexpected(step.error());
        }
        if (*step) {
            co_return run.outcome;
        }
        // The branch moved between our read and the ref update: plan again on the new head, once.
        qCInfo(lcSync) << "Branch moved during the push; planning again on the new head";
        readRemote = true;
    }
    co_return fail(u"GitHub sync rejected"_s, kModule,
        u"branch '%1' kept moving while pushing (not a fast forward twice); try again."_s.arg(
            branchOf(run.local->integration)));
}

QCoro::Task<Result<PushService::Head>> PushService::resolveHead(Run &run, bool readRemote)
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
        if (!started) {
            co_return std::unexpected(started.error());
        }
        head = std::move(*started);
        if (head.remote) {
            co_return head;
        }
    } else {
        head.sha = ref->sha;
    }
    if (!readRemote && run.local->hasLastPush && head.sha == integration.lastPushSha
        && !integration.lastPushTree.isEmpty()) {
        head.treeSha = integration.lastPushTree; // nothing moved: our record is the remote state
        co_return head;
    }
    if (head.treeSha.isEmpty()) {
        auto tree = co_await run.git->commitTree(head.sha);
        if (!tree) {
            co_return std::unexpected(tree.error());
        }
        head.treeSha = *tree;
    }
    Q_EMIT progress(u"Reading remote tree"_s, 0, 1);
    auto remote = co_await run.git->tree(head.treeSha);
    if (!remote) {
        co_return std::unexpected(remote.error());
    }
    if (remote->truncated) {
        qCWarning(lcSync).noquote() << u"GitHub sync deletions skipped: %1 — the remote tree listing of '%2' is "
                                       u"truncated, so files gone locally are not deleted this time."_s.arg(
                                           kModule, integration.repoFullName);
    }
    head.remote = std::move(remote->blobs);
    head.truncated = remote->truncated;
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
    head.remote
        = QHash<QString, QByteArray>{{u"README.md"_s, seed->blobSha.isEmpty() ? GitBlob::id(bytes) : seed->blobSha}};
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

Result<void> PushService::recordSuccess(
    Run &run, const QString &commitSha, const QString &treeSha, const QHash<QString, QByteArray> &newBase)
{
    GitHubIntegration integration = run.local->integration;
    integration.lastPushSha = commitSha;
    integration.lastPushTree = treeSha;
    integration.lastPushAt = m_clock->now();
    integration.lastError.clear();
    if (auto saved = m_store->recordPush(integration, toRecord(newBase)); !saved) {
        return std::unexpected(saved.error());
    }
    if (const ExportFile *manifest = run.local->tree.find(u"manifest.json"_s)) {
        QSaveFile file(lastManifestPath());
        // Next to the database, so owner-only like it (0600).
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || file.write(manifest->bytes) != manifest->bytes.size() || !file.commit()) {
            qCWarning(lcSync).noquote() << u"Pushed manifest not kept: %1 — cannot write %2 (%3); the next push "
                                           u"may commit a new export time."_s.arg(
                                               kModule, file.fileName(), file.errorString());
        }
    }
    return {};
}

QCoro::Task<Result<bool>> PushService::pushOnce(Run &run, bool readRemote)
{
    const LocalState &local = *run.local;
    const QString branch = branchOf(local.integration);
    auto head = co_await resolveHead(run, readRemote);
    if (!head) {
        co_return std::unexpected(head.error());
    }

    PushPlanInput input;
    input.local = local.blobIds;
    input.base = local.base;
    input.remote = head->remote;
    input.remoteTruncated = head->truncated;
    input.hasLastPush = local.hasLastPush;
    input.force = run.options.force;
    input.keepRemote = run.options.keepRemote;
    input.confirmMassDeletion = run.options.confirmMassDeletion;
    if (run.options.pruneOrphans) {
        input.liveNoteIds = local.liveNoteIds;
    }
    const PushPlan plan = PushPlanner::plan(input);
    PushOutcome &outcome = run.outcome;
    outcome.commitSha = head->sha;
    outcome.added = plan.added;
    outcome.changed = plan.changed;
    outcome.deleted = plan.deleted;
    outcome.wouldDelete = plan.wouldDelete;

    if (!plan.conflicts.isEmpty()) {
        outcome.conflict = true;
        outcome.conflictPaths = plan.conflicts;
        run.outcomeKind = u"conflict"_s;
        run.stopMessage = u"GitHub sync stopped: %1 — '%2' branch '%3' changed on GitHub since our last push, in %4 "
                          u"path(s) also changed here: %5. Push again to overwrite them, or keep the remote copies."_s
                              .arg(kModule, local.integration.repoFullName, branch)
                              .arg(plan.conflicts.size())
                              .arg(plan.conflicts.mid(0, 10).join(u", "_s));
        co_return true;
    }
    if (plan.massDeletionBlocked) {
        outcome.massDeletionBlocked = true;
        run.outcomeKind = u"blocked"_s;
        run.stopMessage = u"GitHub sync stopped: %1 — this push would delete %2 of the %3 files it tracks in '%4'; "
                          u"confirm the deletion to push."_s.arg(kModule)
                              .arg(plan.wouldDelete)
                              .arg(plan.tracked)
                              .arg(local.integration.repoFullName);
        co_return true;
    }
    if (!plan.hasChanges()) {
        run.outcomeKind = u"unchanged"_s;
        if (auto saved = recordSuccess(run, head->sha, head->treeSha, plan.newBase); !saved) {
            co_return std::unexpected(saved.error());
        }
        co_return true;
    }

    auto tree = co_await uploadTree(run, plan.upload, plan.remove, head->treeSha);
    if (!tree) {
        co_return std::unexpected(tree.error());
    }
    if (*tree == head->treeSha) {
        run.outcomeKind = u"unchanged"_s;
        if (auto saved = recordSuccess(run, head->sha, head->treeSha, plan.newBase); !saved) {
            co_return std::unexpected(saved.error());
        }
        co_return true;
    }
    Q_EMIT progress(u"Committing"_s, 0, 1);
    auto commit = co_await run.git->createCommit(commitMessage(plan), *tree, {head->sha});
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
    if (auto saved = recordSuccess(run, *commit, *tree, plan.newBase); !saved) {
        co_return std::unexpected(saved.error());
    }
    outcome.commitSha = *commit;
    outcome.committed = true;
    run.outcomeKind = u"committed"_s;
    qCInfo(lcSync).noquote() << u"Pushed user data to GitHub: %1 — repo=%2 branch=%3 added=%4 changed=%5 "
                                u"deleted=%6 sha=%7."_s.arg(kModule, local.integration.repoFullName, branch)
                                    .arg(plan.added)
                                    .arg(plan.changed)
                                    .arg(plan.deleted)
                                    .arg(*commit);
    co_return true;
}

} // namespace Notechondria
