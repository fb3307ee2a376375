// SPDX-License-Identifier: GPL-3.0-or-later
#include "barerepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace Notechondria::Test {

namespace {

QString gitMode(const QString &mode)
{
    // GitHub writes "040000"; inside a tree object git stores "40000".
    return mode == "040000"_L1 ? u"40000"_s : mode;
}

QString githubMode(const QString &mode)
{
    return mode == "40000"_L1 ? u"040000"_s : mode;
}

QByteArray sortKey(const GitTreeEntry &entry)
{
    QByteArray key = entry.name.toUtf8();
    if (entry.type == "tree"_L1) {
        key += '/';
    }
    return key;
}

// Parses `git ls-tree -z [-l]` output: "<mode> <type> <sha>[ <size>]\t<name>\0".
QList<GitTreeEntry> parseLsTree(const QByteArray &out, bool withSize)
{
    QList<GitTreeEntry> entries;
    for (const QByteArray &record : out.split('\0')) {
        const qsizetype tab = record.indexOf('\t');
        if (tab < 0) {
            continue;
        }
        const QList<QByteArray> meta = record.left(tab).simplified().split(' ');
        if (meta.size() < 3) {
            continue;
        }
        GitTreeEntry entry{QString::fromLatin1(meta[0]), QString::fromLatin1(meta[1]), QString::fromLatin1(meta[2]),
            QString::fromUtf8(record.mid(tab + 1)), -1};
        if (withSize && meta.size() > 3 && meta[3] != "-") {
            entry.size = meta[3].toLongLong();
        }
        entries.append(entry);
    }
    return entries;
}

} // namespace

struct BareRepository::Node
{
    QMap<QString, GitTreeEntry> entries;
    std::map<QString, std::unique_ptr<Node>> children; // folders loaded because an edit goes through them
};

BareRepository::BareRepository(QString path)
    : m_path(std::move(path))
{
}

BareRepository::Run BareRepository::git(const QStringList &args, const QByteArray &input, const QStringList &env) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    environment.insert(u"GIT_CONFIG_GLOBAL"_s, u"/dev/null"_s);
    environment.insert(u"GIT_TERMINAL_PROMPT"_s, u"0"_s);
    environment.insert(u"LC_ALL"_s, u"C"_s);
    for (const QString &pair : env) {
        const qsizetype eq = pair.indexOf(u'=');
        environment.insert(pair.left(eq), pair.mid(eq + 1));
    }
    process.setProcessEnvironment(environment);
    process.start(u"git"_s, QStringList{u"--git-dir"_s, m_path} + args);
    Run run;
    if (!process.waitForStarted()) {
        run.err = "git could not be started";
        return run;
    }
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    process.waitForFinished(-1);
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

bool BareRepository::init(const QString &defaultBranch)
{
    QDir().mkpath(m_path);
    return git({u"init"_s, u"--bare"_s, u"--quiet"_s, u"--initial-branch"_s, defaultBranch, m_path}).ok();
}

bool BareRepository::hasCommits() const
{
    const Run run = git({u"for-each-ref"_s, u"--count=1"_s, u"--format=%(objectname)"_s});
    return run.ok() && !run.out.trimmed().isEmpty();
}

QString BareRepository::branchHead(const QString &branch) const
{
    const Run run = git({u"rev-parse"_s, u"--verify"_s, u"--quiet"_s, u"refs/heads/"_s + branch + u"^{commit}"_s});
    return run.ok() ? QString::fromLatin1(run.out.trimmed()) : QString();
}

QString BareRepository::objectType(const QString &sha) const
{
    return objectTypes({sha}).value(sha);
}

QHash<QString, QString> BareRepository::objectTypes(const QStringList &shas) const
{
    QHash<QString, QString> types;
    QByteArray input;
    for (const QString &sha : shas) {
        types.insert(sha, QString());
        input += sha.toLatin1() + '\n';
    }
    const Run run = git({u"cat-file"_s, u"--batch-check=%(objectname) %(objecttype)"_s}, input);
    for (const QByteArray &line : run.out.split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 2 && parts[1] != "missing") {
            types.insert(QString::fromLatin1(parts[0]), QString::fromLatin1(parts[1]));
        }
    }
    return types;
}

std::optional<QByteArray> BareRepository::readBlob(const QString &sha) const
{
    if (objectTypes({sha}).value(sha) != "blob"_L1) {
        return std::nullopt;
    }
    const Run run = git({u"cat-file"_s, u"blob"_s, sha});
    return run.ok() ? std::optional(run.out) : std::nullopt;
}

std::optional<GitCommitInfo> BareRepository::readCommit(const QString &sha) const
{
    if (objectTypes({sha}).value(sha) != "commit"_L1) {
        return std::nullopt;
    }
    const Run run = git({u"cat-file"_s, u"commit"_s, sha});
    if (!run.ok()) {
        return std::nullopt;
    }
    GitCommitInfo info;
    info.sha = sha;
    const qsizetype split = run.out.indexOf("\n\n");
    const QByteArray header = split < 0 ? run.out : run.out.left(split);
    info.message = split < 0 ? QString() : QString::fromUtf8(run.out.mid(split + 2));
    const auto person = [](const QByteArray &value, QString &name, QString &email, qint64 &time) {
        const qsizetype lt = value.indexOf('<');
        const qsizetype gt = value.indexOf('>', lt);
        name = QString::fromUtf8(value.left(lt).trimmed());
        email = QString::fromUtf8(value.mid(lt + 1, gt - lt - 1));
        time = value.mid(gt + 1).trimmed().split(' ').value(0).toLongLong();
    };
    for (const QByteArray &line : header.split('\n')) {
        const qsizetype space = line.indexOf(' ');
        const QByteArray key = line.left(space);
        const QByteArray value = line.mid(space + 1);
        if (key == "tree") {
            info.tree = QString::fromLatin1(value);
        } else if (key == "parent") {
            info.parents.append(QString::fromLatin1(value));
        } else if (key == "author") {
            person(value, info.authorName, info.authorEmail, info.authorTime);
        } else if (key == "committer") {
            person(value, info.committerName, info.committerEmail, info.committerTime);
        }
    }
    return info;
}

std::optional<QList<GitTreeEntry>> BareRepository::readTree(const QString &sha) const
{
    if (const auto it = m_treeCache.constFind(sha); it != m_treeCache.cend()) {
        return *it;
    }
    if (objectTypes({sha}).value(sha) != "tree"_L1) {
        return std::nullopt;
    }
    const Run run = git({u"ls-tree"_s, u"-z"_s, sha});
    if (!run.ok()) {
        return std::nullopt;
    }
    QList<GitTreeEntry> entries = parseLsTree(run.out, false);
    m_treeCache.insert(sha, entries);
    return entries;
}

std::optional<QList<GitTreeEntry>> BareRepository::listTree(const QString &sha, bool recursive) const
{
    if (objectTypes({sha}).value(sha) != "tree"_L1) {
        return std::nullopt;
    }
    QStringList args{u"ls-tree"_s, u"-z"_s, u"-l"_s};
    if (recursive) {
        args << u"-r"_s << u"-t"_s;
    }
    const Run run = git(args << sha);
    if (!run.ok()) {
        return std::nullopt;
    }
    return parseLsTree(run.out, true);
}

QString BareRepository::blobSha(const QByteArray &bytes)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArray("blob " + QByteArray::number(bytes.size()) + '\0'));
    hash.addData(bytes);
    return QString::fromLatin1(hash.result().toHex());
}

QString BareRepository::writeBlob(const QByteArray &bytes)
{
    const Run run = git({u"hash-object"_s, u"-w"_s, u"--no-filters"_s, u"--stdin"_s}, bytes);
    return run.ok() ? QString::fromLatin1(run.out.trimmed()) : QString();
}

QStringList BareRepository::writeBlobs(const QList<QByteArray> &blobs)
{
    if (blobs.size() == 1) {
        return {writeBlob(blobs.first())};
    }
    QTemporaryDir scratch;
    QByteArray paths;
    for (qsizetype i = 0; i < blobs.size(); ++i) {
        const QString file = scratch.filePath(QString::number(i));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(blobs[i]) != blobs[i].size()) {
            return {};
        }
        paths += QFile::encodeName(file) + '\n';
    }
    const Run run = git({u"hash-object"_s, u"-w"_s, u"--no-filters"_s, u"--stdin-paths"_s}, paths);
    if (!run.ok()) {
        return {};
    }
    QStringList shas;
    for (const QByteArray &line : run.out.trimmed().split('\n')) {
        shas.append(QString::fromLatin1(line));
    }
    return shas.size() == blobs.size() ? shas : QStringList();
}

std::optional<QString> BareRepository::editTree(
    const QString &baseTree, const QList<GitTreeEdit> &edits, QString *error)
{
    const auto failWith = [error](const QString &why) {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };

    // Inline contents become blobs first, in one batch.
    QList<GitTreeEdit> resolved = edits;
    QList<QByteArray> contents;
    QList<qsizetype> contentIndex;
    QStringList referenced;
    for (qsizetype i = 0; i < resolved.size(); ++i) {
        if (resolved[i].content) {
            contents.append(*resolved[i].content);
            contentIndex.append(i);
        } else if (resolved[i].sha) {
            referenced.append(*resolved[i].sha);
        }
    }
    if (!contents.isEmpty()) {
        const QStringList shas = writeBlobs(contents);
        if (shas.size() != contents.size()) {
            return failWith(u"git hash-object failed"_s);
        }
        for (qsizetype i = 0; i < contentIndex.size(); ++i) {
            resolved[contentIndex[i]].sha = shas[i];
        }
    }
    if (!referenced.isEmpty()) {
        const QHash<QString, QString> types = objectTypes(referenced);
        for (const GitTreeEdit &edit : std::as_const(resolved)) {
            if (edit.sha && !edit.content && edit.type != "commit"_L1 && types.value(*edit.sha) != edit.type) {
                return failWith(u"tree.sha %1 is not a valid %2"_s.arg(*edit.sha, edit.type));
            }
        }
    }

    Node root;
    const auto load = [this](Node &node, const QString &sha) {
        const auto entries = readTree(sha);
        if (!entries) {
            return false;
        }
        for (const GitTreeEntry &entry : *entries) {
            node.entries.insert(entry.name, entry);
        }
        return true;
    };
    if (!baseTree.isEmpty() && !load(root, baseTree)) {
        return failWith(u"base_tree %1 is not a valid tree"_s.arg(baseTree));
    }

    for (const GitTreeEdit &edit : std::as_const(resolved)) {
        const QStringList parts = edit.path.split(u'/');
        if (std::ranges::any_of(parts, [](const QString &p) { return p.isEmpty() || p == "."_L1 || p == ".."_L1; })) {
            return failWith(u"tree.path %1 is not a valid path"_s.arg(edit.path));
        }
        Node *node = &root;
        for (qsizetype i = 0; node && i + 1 < parts.size(); ++i) {
            const QString &name = parts[i];
            auto child = node->children.find(name);
            if (child == node->children.end()) {
                auto fresh = std::make_unique<Node>();
                const GitTreeEntry existing = node->entries.value(name);
                if (existing.type == "tree"_L1) {
                    load(*fresh, existing.sha);
                } else if (edit.isDeletion()) {
                    node = nullptr; // nothing to delete below a folder that does not exist
                    break;
                }
                child = node->children.emplace(name, std::move(fresh)).first;
            }
            node = child->second.get();
        }
        if (!node) {
            continue;
        }
        const QString &leaf = parts.last();
        node->children.erase(leaf);
        if (edit.isDeletion()) {
            node->entries.remove(leaf);
        } else {
            node->entries.insert(leaf, GitTreeEntry{githubMode(edit.mode), edit.type, *edit.sha, leaf, -1});
        }
    }

    // Bottom-up: compute each tree id in-process (so parents can name children) and batch them into mktree.
    QByteArray batch;
    bool first = true;
    const auto serialize = [&](auto &&self, Node &node) -> QString {
        for (auto &[name, child] : node.children) {
            const QString sha = self(self, *child);
            if (sha.isEmpty()) {
                node.entries.remove(name);
            } else {
                node.entries.insert(name, GitTreeEntry{u"040000"_s, u"tree"_s, sha, name, -1});
            }
        }
        if (node.entries.isEmpty() && &node != &root) {
            return {};
        }
        QList<GitTreeEntry> sorted = node.entries.values();
        std::ranges::sort(sorted, {}, sortKey);
        QByteArray object;
        QByteArray mktree;
        for (const GitTreeEntry &entry : std::as_const(sorted)) {
            object += gitMode(entry.mode).toLatin1() + ' ' + entry.name.toUtf8() + '\0'
                + QByteArray::fromHex(entry.sha.toLatin1());
            mktree += entry.mode.toLatin1() + ' ' + entry.type.toLatin1() + ' ' + entry.sha.toLatin1() + '\t'
                + entry.name.toUtf8() + '\0';
        }
        QCryptographicHash hash(QCryptographicHash::Sha1);
        hash.addData(QByteArray("tree " + QByteArray::number(object.size()) + '\0'));
        hash.addData(object);
        const QString sha = QString::fromLatin1(hash.result().toHex());
        if (!m_treeCache.contains(sha)) {
            if (!first) {
                batch += '\0';
            }
            first = false;
            batch += mktree;
            m_treeCache.insert(sha, sorted);
        }
        return sha;
    };
    const QString rootSha = serialize(serialize, root);
    if (root.entries.isEmpty()) {
        const Run run = git({u"mktree"_s}); // the empty tree
        return run.ok() ? std::optional(QString::fromLatin1(run.out.trimmed())) : failWith(u"git mktree failed"_s);
    }
    if (!batch.isEmpty()) {
        const Run run = git({u"mktree"_s, u"-z"_s, u"--batch"_s, u"--missing"_s}, batch);
        if (!run.ok() || run.out.trimmed().split('\n').last() != rootSha.toLatin1()) {
            m_treeCache.remove(rootSha);
            return failWith(u"git mktree failed: "_s + QString::fromUtf8(run.err.left(200)));
        }
    }
    return rootSha;
}

QString BareRepository::commitTree(const QString &tree, const QStringList &parents, const QString &message,
    const QString &authorName, const QString &authorEmail, qint64 time)
{
    QStringList args{u"commit-tree"_s, tree};
    for (const QString &parent : parents) {
        args << u"-p"_s << parent;
    }
    args << u"-F"_s << u"-"_s;
    const QString date = u"@%1 +0000"_s.arg(time);
    const Run run = git(args, message.toUtf8(),
        {u"GIT_AUTHOR_NAME="_s + authorName, u"GIT_AUTHOR_EMAIL="_s + authorEmail, u"GIT_AUTHOR_DATE="_s + date,
            u"GIT_COMMITTER_NAME="_s + authorName, u"GIT_COMMITTER_EMAIL="_s + authorEmail,
            u"GIT_COMMITTER_DATE="_s + date});
    return run.ok() ? QString::fromLatin1(run.out.trimmed()) : QString();
}

bool BareRepository::updateRef(const QString &ref, const QString &newSha, const QString &expectedOld)
{
    return git({u"update-ref"_s, ref, newSha, expectedOld}).ok();
}

bool BareRepository::isAncestor(const QString &ancestor, const QString &descendant) const
{
    return git({u"merge-base"_s, u"--is-ancestor"_s, ancestor, descendant}).ok();
}

QByteArray BareRepository::archiveTarGz(const QString &sha, const QString &prefix) const
{
    const Run run = git({u"archive"_s, u"--format=tar.gz"_s, u"--prefix="_s + prefix + u'/', sha});
    return run.ok() ? run.out : QByteArray();
}

} // namespace Notechondria::Test
