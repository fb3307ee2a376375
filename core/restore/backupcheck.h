// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backupreader.h"
#include "error.h"

#include <QString>

namespace Notechondria {

/// The manifest schema versions a restore reads: 1 (the web backend's backups) and 2 (ours).
[[nodiscard]] bool isKnownBackupSchema(int schemaVersion);

/**
 * The one decision whether @p backup may replace an account (DECISIONS §9), made by every restore path (the local
 * server's restore endpoint, `notechondria-sync restore`, the app's Restore dialog through that endpoint). A backup has
 * a readable manifest.json of a known schema and account data (a profile, a course, a note, an event or a feed).
 * Anything else — an empty folder, /etc, a folder of random files, a repository that is not a backup — is refused with
 * a three-part error (HTTP status 400) naming @p sourceName (a folder path or "owner/repo at branch"); the caller then
 * changes nothing.
 */
[[nodiscard]] Result<void> checkIsBackup(const Backup &backup, const QString &sourceName);

} // namespace Notechondria
