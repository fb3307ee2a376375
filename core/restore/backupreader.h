// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "error.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Notechondria {

/// Something in a backup that could not be read; the rest is still restored.
struct BackupProblem
{
    QString path; ///< relative to the backup folder
    QString message; ///< three-part
};

/// An asset file of the backup (assets/...), read only when asked for.
struct BackupAsset
{
    enum class Kind { Avatar, Cover, Attachment };
    Kind kind = Kind::Attachment;
    QString path; ///< relative, e.g. assets/notes/<hex>/cover.png
    QString noteHex; ///< the note's uuid without dashes (cover, attachment)
    StoredFile file;
};

/// A backup read from a folder: ours (schema 2) or the web backend's (schema 1).
struct Backup
{
    int schemaVersion = 0; ///< from manifest.json; 0 when it is missing
    bool hasManifest = false;
    AccountSnapshot account; ///< ids as the backup has them; notes include the recycle bin (deletedAt set, no content)
    QHash<qint64, QString> courseSlugById; ///< course id in the backup → slug
    QList<BackupAsset> assets; ///< only with includeAssets
    QList<BackupProblem> problems;
};

struct BackupReadOptions
{
    bool includeAssets = false;
    qint64 maxFileBytes = 60LL * 1024 * 1024; ///< larger files are refused and reported
};

/**
 * Reads the backup in @p directory. Every path is checked to stay inside the folder (symbolic links that lead out
 * are refused); a file that is too big, not JSON, or otherwise unreadable is reported in Backup::problems and the rest
 * is read. Fails only when @p directory is not a readable folder.
 */
[[nodiscard]] Result<Backup> readBackup(const QString &directory, const BackupReadOptions &options = {});

/// The same, for a backup held in memory (relative path → bytes), e.g. the merged tree of a sync.
[[nodiscard]] Backup readBackup(const QHash<QString, QByteArray> &files, const BackupReadOptions &options = {});

} // namespace Notechondria
