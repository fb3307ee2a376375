// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncremote.h"

#include "gitblob.h"
#include "gitdataclient.h"
#include "githubbackup.h"
#include "httpclient.h"
#include "logging.h"
#include "packupload.h"
#include "syncstate.h"
#include "treechunker.h"

#include <QCoroSignal>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/sync"_s;

} // namespace

SyncRemote::SyncRemote(GitDataClient &git)
    : m_git(git)
{
}

QString SyncRemote::branchOf(const GitHubIntegration &integration)
{
    return integration.repoDefaultBranch.isEmpty() ? u"main"_s : integration.repoDefaultBranch;
}

QCoro::Task<Result<SyncHead>> SyncRemote::resolveHead(const LocalState &local, std::optional<GitDataClient::Ref> known)
{
    const GitHubIntegration &integration = local.integration;
    const QString branch = branchOf(integration);
    Result<GitDataClient::Ref> ref = known ? Result<GitDataClient::Ref>(std::move(*known)) : co_await m_git.ref(branch);
    if (!ref) {
        co_return std::unexpected(ref.error());
    }
    SyncHead head;
    if (ref->state == GitDataClient::RefState::EmptyRepository) {
        co_return co_await seedEmptyRepository(local, branch);
    }
    if (ref->state == GitDataClient::RefState::Missing) {
        auto started = co_await startMissingBranch(local);
        if (!started || !started->treeSha.isEmpty()) {
            co_return started;
        }
        head = std::move(*started);
    } else {
        head.sha = ref->sha;
    }
    if (head.sha == integration.lastPushSha) {
        if (auto recorded = local.recordedRemote()) {
            head.treeSha = integration.lastPushTree; // nothing moved: the sync base is the remote state
            head.remote = std::move(*recorded);
            co_return head;
        }
    }
    auto tree = co_await m_git.commitTree(head.sha);
    if (!tree) {
        co_return std::unexpected(tree.error());
    }
    head.treeSha = *tree;
    auto remote = co_await m_git.completeTree(head.treeSha);
    if (!remote) {
        co_return std::unexpected(remote.error());
    }
    head.remote = std::move(remote->blobs);
    co_return head;
}

QCoro::Task<Result<SyncHead>> SyncRemote::seedEmptyRepository(const LocalState &local, QString branch)
{
    // Git Data writes answer 409 on an empty repository: the Contents API makes the first commit.
    const ExportFile *readme = local.tree.find(u"README.md"_s);
    const QByteArray bytes = readme ? readme->bytes : QByteArray("# Notechondria backup\n");
    auto seed = co_await m_git.seed(u"README.md"_s, bytes, branch, u"Notechondria backup: first commit"_s);
    if (!seed) {
        co_return std::unexpected(seed.error());
    }
    SyncHead head;
    head.sha = seed->commitSha;
    head.treeSha = seed->treeSha;
    if (head.treeSha.isEmpty()) {
        auto tree = co_await m_git.commitTree(head.sha);
        if (!tree) {
            co_return std::unexpected(tree.error());
        }
        head.treeSha = *tree;
    }
    head.remote = {{u"README.md"_s, seed->blobSha.isEmpty() ? GitBlob::id(bytes) : seed->blobSha}};
    co_return head;
}

QCoro::Task<Result<SyncHead>> SyncRemote::startMissingBranch(const LocalState &local)
{
    const QString branch = branchOf(local.integration);
    auto defaultBranch = co_await m_git.defaultBranch();
    if (!defaultBranch) {
        co_return std::unexpected(defaultBranch.error());
    }
    if (defaultBranch->isEmpty() || *defaultBranch == branch) {
        co_return fail(u"GitHub sync rejected"_s, kModule,
            u"branch '%1' does not exist in '%2' and there is no other branch to start it from."_s.arg(
                branch, local.integration.repoFullName));
    }
    auto ref = co_await m_git.ref(*defaultBranch);
    if (!ref) {
        co_return std::unexpected(ref.error());
    }
    if (ref->state == GitDataClient::RefState::EmptyRepository) {
        co_return co_await seedEmptyRepository(local, branch);
    }
    if (ref->state == GitDataClient::RefState::Missing) {
        co_return fail(u"GitHub sync rejected"_s, kModule,
            u"branch '%1' does not exist in '%2', nor does its default branch '%3'."_s.arg(
                branch, local.integration.repoFullName, *defaultBranch));
    }
    if (auto created = co_await m_git.createRef(branch, ref->sha); !created) {
        co_return std::unexpected(created.error());
    }
    SyncHead head;
    head.sha = ref->sha;
    co_return head;
}

QCoro::Task<QHash<QByteArray, QByteArray>> SyncRemote::blobsFromTarball(QString commit, const QSet<QByteArray> &needed)
{
    QHash<QByteArray, QByteArray> contents;
    if (!m_git.api()) {
        co_return contents;
    }
    const auto files = co_await downloadBackupFiles(*m_git.api(), m_git.installationId(), m_git.repoFullName(), commit);
    if (!files) {
        qCWarning(lcSync).noquote() << files.error().withConsequence(u"Reading blobs one by one"_s).message();
        co_return contents;
    }
    for (const QByteArray &bytes : std::as_const(*files)) {
        if (const QByteArray id = GitBlob::id(bytes); needed.contains(id)) {
            contents.insert(id, bytes);
        }
    }
    co_return contents;
}

QCoro::Task<Result<QHash<QByteArray, QByteArray>>> SyncRemote::fetchBlobs(QSet<QByteArray> needed, QString commit)
{
    QHash<QByteArray, QByteArray> contents;
    if (needed.size() >= kTarballMinBlobs && !commit.isEmpty()) {
        contents = co_await blobsFromTarball(commit, needed);
    }
    for (const QByteArray &sha : std::as_const(needed)) {
        if (contents.contains(sha)) {
            continue;
        }
        auto bytes = co_await m_git.blob(QString::fromLatin1(sha));
        if (!bytes) {
            co_return std::unexpected(bytes.error());
        }
        contents.insert(sha, *bytes);
    }
    co_return contents;
}

QCoro::Task<Result<std::optional<SyncCommit>>> SyncRemote::commit(
    const LocalState &local, const PublishPlan &publish, const SyncHead &head, QString message)
{
    const QString branch = branchOf(local.integration);
    if (publish.upload.size() < PackUpload::kMinFiles) {
        auto tree = co_await uploadTree(local, publish, head.treeSha);
        if (!tree) {
            co_return std::unexpected(tree.error());
        }
        co_return co_await commitTree(branch, *tree, head, message);
    }
    auto tree = co_await packTree(local, publish, head);
    if (!tree) {
        co_return std::unexpected(tree.error());
    }
    auto committed = co_await commitTree(branch, *tree, head, message);
    co_await dropUploadBranch(PackUpload::uploadBranch());
    co_return committed;
}

QCoro::Task<Result<std::optional<SyncCommit>>> SyncRemote::commitTree(
    QString branch, QString tree, const SyncHead &head, QString message)
{
    auto commit = co_await m_git.createCommit(message, tree, {head.sha});
    if (!commit) {
        co_return std::unexpected(commit.error());
    }
    auto updated = co_await m_git.updateRef(branch, *commit);
    if (!updated) {
        co_return std::unexpected(updated.error().withConsequence(u"GitHub sync aborted"_s));
    }
    if (updated->status == 422) {
        co_return std::optional<SyncCommit>();
    }
    if (!updated->isSuccess()) {
        co_return std::unexpected(GitDataClient::rejected(*updated, u"updating branch '%1'"_s.arg(branch)));
    }
    co_return SyncCommit{*commit, tree};
}

QCoro::Task<Result<QString>> SyncRemote::packTree(
    const LocalState &local, const PublishPlan &publish, const SyncHead &head)
{
    auto url = co_await m_git.cloneUrl();
    if (!url) {
        co_return std::unexpected(url.error());
    }
    auto token = co_await m_git.pushToken(QUrl(*url));
    if (!token) {
        co_return std::unexpected(token.error());
    }
    PackUpload::Files files;
    files.reserve(publish.upload.size());
    for (const QString &path : publish.upload) {
        files.append({path, local.tree.files[local.indexByPath.value(path)].bytes});
    }
    const QString uploadBranch = PackUpload::uploadBranch();
    qCInfo(lcSync).noquote() << u"Uploading %1 files as one git pack to '%2' on branch %3"_s.arg(
        QString::number(files.size()), m_git.repoFullName(), uploadBranch);
    // libgit2's transport blocks: the pack is built and pushed on a worker thread while the event loop goes on.
    QFutureWatcher<Result<PackedTrees>> watcher;
    watcher.setFuture(QtConcurrent::run([files = std::move(files), url = *url, uploadBranch, token = *token] {
        return PackUpload::push(files, url, uploadBranch, token);
    }));
    if (!watcher.isFinished()) {
        co_await qCoro(&watcher, &QFutureWatcherBase::finished);
    }
    const Result<PackedTrees> packed = watcher.result();
    if (!packed) {
        co_return std::unexpected(packed.error());
    }
    const QList<QByteArray> entries = PackUpload::treeEntries(*packed, publish.upload, publish.remove, head.remote);
    QString tree = head.treeSha;
    for (qsizetype first = 0; first < entries.size(); first += PackUpload::kMaxShaEntries) {
        const TreeChunker::Chunk chunk{first, std::min(PackUpload::kMaxShaEntries, entries.size() - first)};
        auto created = co_await m_git.createTree(TreeChunker::body(tree, entries, chunk));
        if (!created) {
            co_return std::unexpected(created.error());
        }
        tree = *created;
    }
    co_return tree;
}

QCoro::Task<void> SyncRemote::dropUploadBranch(QString branch)
{
    if (auto dropped = co_await m_git.deleteRef(branch); !dropped) {
        qCWarning(lcSync).noquote() << u"Upload branch left: Core.Sync/pack — %1 (the next large push overwrites it)"_s
                                           .arg(dropped.error().message());
    }
}

QCoro::Task<Result<QString>> SyncRemote::uploadTree(
    const LocalState &local, const PublishPlan &publish, QString baseTree)
{
    QList<QByteArray> entries;
    entries.reserve(publish.upload.size() + publish.remove.size());
    for (const QString &path : publish.upload) {
        const ExportFile &file = local.tree.files[local.indexByPath.value(path)];
        if (GitBlob::isInlineText(file.bytes) && file.bytes.size() <= TreeChunker::kMaxInlineBytes) {
            entries.append(TreeChunker::inlineEntry(path, file.bytes));
            continue;
        }
        auto sha = co_await m_git.createBlob(file.bytes);
        if (!sha) {
            co_return std::unexpected(sha.error());
        }
        entries.append(TreeChunker::shaEntry(path, sha->toLatin1()));
    }
    for (const QString &path : publish.remove) {
        entries.append(TreeChunker::deletionEntry(path));
    }
    const QList<TreeChunker::Chunk> chunks = TreeChunker::chunk(entries);
    QString tree = baseTree;
    for (const TreeChunker::Chunk &chunk : chunks) {
        auto created = co_await m_git.createTree(TreeChunker::body(tree, entries, chunk));
        if (!created) {
            co_return std::unexpected(created.error());
        }
        tree = *created;
    }
    co_return tree;
}

} // namespace Notechondria
