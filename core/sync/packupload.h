// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Notechondria {

/// What a pushed pack holds: its orphan commit, the tree of every folder of the uploaded files ("" = the root) and
/// the blob of every uploaded file.
struct PackedTrees
{
    QString commit;
    QHash<QString, QString> trees; ///< folder → tree sha
    QHash<QString, QByteArray> blobs; ///< path → blob id
};

/**
 * A large upload as one git pack (issue #13): the blobs of the uploaded files, the nested trees holding exactly those
 * files and an orphan commit are built in an in-memory object database (libgit2 mempack, nothing on disk) and pushed
 * over smart HTTP to a temporary branch, authenticated as `x-access-token` with the installation token. The REST flow
 * then only names what the pack brought: `treeEntries` lays it over the head's tree.
 */
class PackUpload
{
public:
    /**
     * The pack path is used from this many uploaded files on. Below it the inline REST trees cost at most 5 requests
     * (200 entries each), the same as the pack's clone_url read, push (2 HTTP requests) and branch deletion.
     */
    static constexpr qsizetype kMinFiles = 1000;
    /// `"sha"` entries are about 100 bytes: 2,000 of them keep a `POST git/trees` near 200 KB.
    static constexpr qsizetype kMaxShaEntries = 2000;

    using Files = QList<std::pair<QString, QByteArray>>;

    /// Builds the objects of @p files and force-pushes their commit to refs/heads/@p branch at @p url. Blocking (it
    /// runs libgit2's transport): call it on a worker thread. The token goes only to libgit2's credential callback.
    [[nodiscard]] static Result<PackedTrees> push(
        const Files &files, const QString &url, const QString &branch, const QString &token);

    /**
     * The entries of the `POST git/trees` (on the head's tree) that give the head the uploaded files and drop the
     * removed ones: a folder whose every remote file is uploaded or removed (or that is absent remotely) becomes one
     * `"type": "tree"` entry naming the pack's subtree; elsewhere uploaded files are `"sha"` blob entries, and
     * removals outside the replaced folders are deletions.
     */
    [[nodiscard]] static QList<QByteArray> treeEntries(const PackedTrees &packed, const QStringList &upload,
        const QStringList &remove, const QHash<QString, QByteArray> &remote);

    /// This device's temporary upload branch: `notechondria-upload-<8 hex of the machine id>`, so a run killed
    /// halfway leaves a branch the next run overwrites.
    [[nodiscard]] static QString uploadBranch();
};

} // namespace Notechondria
