// SPDX-License-Identifier: GPL-3.0-or-later
#include "packupload.h"

#include "treechunker.h"

#include <git2.h>
#include <git2/sys/errors.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSysInfo>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/pack"_s;
const QString kAborted = u"GitHub sync aborted"_s;

/// One folder of the upload: its files and subfolders by name.
struct Folder
{
    std::map<QByteArray, git_oid> files;
    std::map<QByteArray, Folder> folders;
};

/// The in-memory repository of one upload; frees the libgit2 objects in reverse order.
struct MemoryRepository
{
    git_odb *odb = nullptr;
    git_repository *repo = nullptr;
    git_remote *remote = nullptr;
    MemoryRepository() { git_libgit2_init(); }
    ~MemoryRepository()
    {
        git_remote_free(remote);
        git_repository_free(repo);
        git_odb_free(odb);
        git_libgit2_shutdown();
    }
    MemoryRepository(const MemoryRepository &) = delete;
    MemoryRepository &operator=(const MemoryRepository &) = delete;
};

/// What the push callbacks share: the token (given only to libgit2), how often it was asked, refused refs.
struct PushState
{
    QByteArray token;
    int attempts = 0;
    QString refused;
};

std::unexpected<Error> gitFailure(const QString &what)
{
    const git_error *error = git_error_last();
    const QString cause = error && error->message ? QString::fromUtf8(error->message) : u"unknown libgit2 error"_s;
    return fail(kAborted, kModule, redactSecrets(u"%1: %2"_s.arg(what, cause)), 0, true);
}

QString hex(const git_oid &oid)
{
    char text[GIT_OID_MAX_HEXSIZE + 1] = {};
    git_oid_tostr(text, sizeof text, &oid);
    return QString::fromLatin1(text);
}

int credentials(git_credential **out, const char *, const char *, unsigned int allowed, void *payload)
{
    auto *state = static_cast<PushState *>(payload);
    if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) == 0 || ++state->attempts > 1) {
        git_error_set_str(GIT_ERROR_NET, "GitHub refused the git credentials (HTTP 401)");
        return GIT_EAUTH;
    }
    return git_credential_userpass_plaintext_new(out, "x-access-token", state->token.constData());
}

int pushUpdate(const char *ref, const char *status, void *payload)
{
    if (status) {
        static_cast<PushState *>(payload)->refused
            = u"GitHub refused %1: %2"_s.arg(QString::fromUtf8(ref), QString::fromUtf8(status));
    }
    return 0;
}

int writeFolder(git_repository *repo, const Folder &folder, const QString &path, PackedTrees &out, git_oid *oid)
{
    git_treebuilder *raw = nullptr;
    if (git_treebuilder_new(&raw, repo, nullptr) < 0) {
        return -1;
    }
    const std::unique_ptr<git_treebuilder, decltype(&git_treebuilder_free)> builder(raw, git_treebuilder_free);
    for (const auto &[name, blob] : folder.files) {
        if (git_treebuilder_insert(nullptr, raw, name.constData(), &blob, GIT_FILEMODE_BLOB) < 0) {
            return -1;
        }
    }
    for (const auto &[name, child] : folder.folders) {
        const QString childPath = path.isEmpty() ? QString::fromUtf8(name) : path + u'/' + QString::fromUtf8(name);
        git_oid childOid;
        if (writeFolder(repo, child, childPath, out, &childOid) < 0
            || git_treebuilder_insert(nullptr, raw, name.constData(), &childOid, GIT_FILEMODE_TREE) < 0) {
            return -1;
        }
    }
    if (git_treebuilder_write(oid, raw) < 0) {
        return -1;
    }
    out.trees.insert(path, hex(*oid));
    return 0;
}

/// The blobs, trees and orphan commit of @p files in @p repo.
Result<PackedTrees> buildObjects(git_repository *repo, const PackUpload::Files &files)
{
    PackedTrees packed;
    Folder root;
    for (const auto &[path, bytes] : files) {
        git_oid oid;
        if (git_blob_create_from_buffer(&oid, repo, bytes.constData(), size_t(bytes.size())) < 0) {
            return gitFailure(u"could not build the blob of '%1'"_s.arg(path));
        }
        packed.blobs.insert(path, hex(oid).toLatin1());
        const QList<QByteArray> parts = path.toUtf8().split('/');
        Folder *folder = &root;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            folder = &folder->folders[parts[i]];
        }
        folder->files[parts.last()] = oid;
    }
    git_oid treeOid;
    if (writeFolder(repo, root, {}, packed, &treeOid) < 0) {
        return gitFailure(u"could not build the upload's trees"_s);
    }
    git_tree *tree = nullptr;
    git_signature *signature = nullptr;
    git_oid commitOid;
    const int built = git_tree_lookup(&tree, repo, &treeOid) < 0
        || git_signature_new(&signature, "Notechondria", "notechondria@users.noreply.github.com",
               QDateTime::currentSecsSinceEpoch(), 0)
            < 0
        || git_commit_create(&commitOid, repo, nullptr, signature, signature, nullptr,
               "Notechondria upload (temporary branch)", tree, 0, nullptr)
            < 0;
    git_signature_free(signature);
    git_tree_free(tree);
    if (built != 0) {
        return gitFailure(u"could not build the upload's commit"_s);
    }
    packed.commit = hex(commitOid);
    return packed;
}

Result<void> pushCommit(
    MemoryRepository &memory, const QString &commit, const QString &url, const QString &branch, const QString &token)
{
    if (git_remote_create_anonymous(&memory.remote, memory.repo, url.toUtf8().constData()) < 0) {
        return gitFailure(u"could not reach the repository's git URL"_s);
    }
    PushState state{token.toUtf8(), 0, {}};
    git_push_options options;
    git_push_options_init(&options, GIT_PUSH_OPTIONS_VERSION);
    options.callbacks.credentials = credentials;
    options.callbacks.push_update_reference = pushUpdate;
    options.callbacks.payload = &state;
    const QByteArray refspec = (u"+%1:refs/heads/%2"_s.arg(commit, branch)).toUtf8();
    char *specs[] = {const_cast<char *>(refspec.constData())};
    const git_strarray refspecs{specs, 1};
    const int pushed = git_remote_push(memory.remote, &refspecs, &options);
    state.token.fill('\0');
    if (pushed < 0) {
        return gitFailure(u"the git push to '%1' failed"_s.arg(branch));
    }
    if (!state.refused.isEmpty()) {
        return fail(kAborted, kModule, redactSecrets(state.refused), 0, true);
    }
    return {};
}

QString parentOf(const QString &path)
{
    return path.contains(u'/') ? path.section(u'/', 0, -2) : QString();
}

/// The folders holding a remote file that is neither uploaded nor removed, and the root ("", the head's tree).
QSet<QString> keptFolders(
    const QStringList &upload, const QStringList &remove, const QHash<QString, QByteArray> &remote)
{
    const QSet<QString> uploaded(upload.cbegin(), upload.cend());
    const QSet<QString> removed(remove.cbegin(), remove.cend());
    QSet<QString> kept{QString()};
    for (auto it = remote.cbegin(); it != remote.cend(); ++it) {
        if (uploaded.contains(it.key()) || removed.contains(it.key())) {
            continue;
        }
        for (QString folder = parentOf(it.key()); !kept.contains(folder); folder = parentOf(folder)) {
            kept.insert(folder);
        }
    }
    return kept;
}

} // namespace

Result<PackedTrees> PackUpload::push(
    const Files &files, const QString &url, const QString &branch, const QString &token)
{
    MemoryRepository memory;
    git_odb_backend *mempack = nullptr;
    if (git_odb_new(&memory.odb) < 0 || git_mempack_new(&mempack) < 0) {
        return gitFailure(u"could not open an in-memory object database"_s);
    }
    if (git_odb_add_backend(memory.odb, mempack, 1) < 0) {
        mempack->free(mempack);
        return gitFailure(u"could not open an in-memory object database"_s);
    }
    if (git_repository_wrap_odb(&memory.repo, memory.odb) < 0) {
        return gitFailure(u"could not open an in-memory repository"_s);
    }
    auto packed = buildObjects(memory.repo, files);
    if (!packed) {
        return packed;
    }
    if (auto pushed = pushCommit(memory, packed->commit, url, branch, token); !pushed) {
        return std::unexpected(pushed.error());
    }
    return packed;
}

QList<QByteArray> PackUpload::treeEntries(const PackedTrees &packed, const QStringList &upload,
    const QStringList &remove, const QHash<QString, QByteArray> &remote)
{
    const QSet<QString> kept = keptFolders(upload, remove, remote);
    QHash<QString, QStringList> subfolders;
    for (auto it = packed.trees.cbegin(); it != packed.trees.cend(); ++it) {
        if (!it.key().isEmpty()) {
            subfolders[parentOf(it.key())].append(it.key());
        }
    }
    QHash<QString, QStringList> filesIn;
    for (const QString &path : upload) {
        filesIn[parentOf(path)].append(path);
    }
    QList<QByteArray> entries;
    QSet<QString> replaced;
    const auto walk = [&](auto &&self, const QString &folder) -> void {
        for (const QString &path : filesIn.value(folder)) {
            entries.append(TreeChunker::shaEntry(path, packed.blobs.value(path)));
        }
        for (const QString &child : subfolders.value(folder)) {
            if (kept.contains(child)) {
                self(self, child);
                continue;
            }
            replaced.insert(child);
            entries.append(QJsonDocument(QJsonObject{{u"path"_s, child}, {u"mode"_s, u"040000"_s},
                                             {u"type"_s, u"tree"_s}, {u"sha"_s, packed.trees.value(child)}})
                    .toJson(QJsonDocument::Compact));
        }
    };
    walk(walk, QString());
    QList<QByteArray> deletions;
    for (const QString &path : remove) {
        bool inside = false;
        for (QString folder = parentOf(path); !folder.isEmpty() && !inside; folder = parentOf(folder)) {
            inside = replaced.contains(folder);
        }
        if (!inside) {
            deletions.append(TreeChunker::deletionEntry(path));
        }
    }
    return deletions + entries; // deletions first: a removed file may share its name with an uploaded folder
}

QString PackUpload::uploadBranch()
{
    const QByteArray machine = QSysInfo::machineUniqueId() + QSysInfo::machineHostName().toUtf8();
    return u"notechondria-upload-"_s
        + QString::fromLatin1(QCryptographicHash::hash(machine, QCryptographicHash::Sha1).toHex().left(8));
}

} // namespace Notechondria
