// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Notechondria::Test {

/// One entry of a git tree object, as `git ls-tree` prints it (mode without leading zero for trees: "40000").
struct GitTreeEntry
{
    QString mode;
    QString type; ///< "blob", "tree" or "commit"
    QString sha;
    QString name; ///< a single path component, or a full path in recursive listings
    qint64 size = -1; ///< blob size in bytes, -1 for trees and submodules
};

struct GitCommitInfo
{
    QString sha;
    QString tree;
    QStringList parents;
    QString authorName, authorEmail;
    qint64 authorTime = 0;
    QString committerName, committerEmail;
    qint64 committerTime = 0;
    QString message;
};

/// One change to a tree: a blob or subtree at a (nested) path, or a deletion (sha and content both unset).
struct GitTreeEdit
{
    QString path;
    QString mode = QStringLiteral("100644");
    QString type = QStringLiteral("blob");
    std::optional<QString> sha;
    std::optional<QByteArray> content;
    [[nodiscard]] bool isDeletion() const { return !sha && !content; }
};

/**
 * A bare git repository driven through the git CLI. Objects written here are real git objects, so `git fsck` and
 * `git clone` judge whatever a client pushed. Tree contents are cached in memory (tree objects are immutable), and
 * writes use git's batch modes so a 200-entry tree request costs a handful of processes.
 */
class BareRepository
{
public:
    explicit BareRepository(QString path);

    [[nodiscard]] bool init(const QString &defaultBranch);
    [[nodiscard]] QString path() const { return m_path; }

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        [[nodiscard]] bool ok() const { return exitCode == 0; }
    };
    /// Runs `git <args>` in the repository with `input` on stdin; commit identity and dates come from `env`.
    Run git(const QStringList &args, const QByteArray &input = {}, const QStringList &env = {}) const;

    [[nodiscard]] bool hasCommits() const;
    /// The commit a branch points at, "" when the branch does not exist.
    [[nodiscard]] QString branchHead(const QString &branch) const;
    /// "blob", "tree", "commit", "tag" or "" when the object does not exist.
    [[nodiscard]] QString objectType(const QString &sha) const;
    /// Types of many objects in one `git cat-file --batch-check`; missing objects map to "".
    [[nodiscard]] QHash<QString, QString> objectTypes(const QStringList &shas) const;
    [[nodiscard]] std::optional<QByteArray> readBlob(const QString &sha) const;
    [[nodiscard]] std::optional<GitCommitInfo> readCommit(const QString &sha) const;
    /// One level of a tree (cached); std::nullopt when `sha` is not a tree.
    [[nodiscard]] std::optional<QList<GitTreeEntry>> readTree(const QString &sha) const;
    /// Entries with sizes, full paths when recursive (trees included, as GitHub lists them).
    [[nodiscard]] std::optional<QList<GitTreeEntry>> listTree(const QString &sha, bool recursive) const;

    [[nodiscard]] QString writeBlob(const QByteArray &bytes);
    [[nodiscard]] QStringList writeBlobs(const QList<QByteArray> &blobs);
    /// Applies edits to `baseTree` ("" = start empty), writes every new tree; returns the root tree sha.
    /// Emptied folders disappear. On failure returns std::nullopt and sets `error`.
    [[nodiscard]] std::optional<QString> editTree(
        const QString &baseTree, const QList<GitTreeEdit> &edits, QString *error);
    /// `git commit-tree`; author/committer as "Name <email>" with epoch seconds.
    [[nodiscard]] QString commitTree(const QString &tree, const QStringList &parents, const QString &message,
        const QString &authorName, const QString &authorEmail, qint64 time);
    /// Moves (or creates, when `expectedOld` is "0"×40) a branch atomically; false when it moved meanwhile.
    [[nodiscard]] bool updateRef(const QString &ref, const QString &newSha, const QString &expectedOld);
    [[nodiscard]] bool isAncestor(const QString &ancestor, const QString &descendant) const;
    /// `git archive --format=tar.gz --prefix=<prefix>/ <sha>`.
    [[nodiscard]] QByteArray archiveTarGz(const QString &sha, const QString &prefix) const;

    [[nodiscard]] static QString blobSha(const QByteArray &bytes);
    static constexpr QLatin1StringView zeroSha{"0000000000000000000000000000000000000000"};

private:
    struct Node;
    QString m_path;
    mutable QHash<QString, QList<GitTreeEntry>> m_treeCache;
};

} // namespace Notechondria::Test
