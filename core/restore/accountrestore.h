// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backupreader.h"
#include "error.h"

#include <QCoroTask>

namespace Notechondria {

class GitHubApi;
class Store;
struct GitHubIntegration;

/// What replacing the account with a backup brought in.
struct AccountRestored
{
    int notes = 0; ///< outside the recycle bin
    int courses = 0;
    QString snapshotPath; ///< the account from before, for `restore --undo`
    QList<BackupProblem> problems; ///< the backup's reading problems and its assets without a note
};

/**
 * The connected repository at @p ref (a branch or a commit id) downloaded into @p directory in one request and read as
 * a backup with its assets; refused (nothing changed) when it is not one. Links and oversized entries the download
 * skipped are reported in Backup::problems.
 */
[[nodiscard]] QCoro::Task<Result<Backup>> readGitHubBackup(
    GitHubApi &github, const GitHubIntegration &integration, QString ref, QString directory);

/// Puts the asset files the backup carried (avatar, note covers, attachments) into its account; an asset of a note
/// the backup does not hold is reported in Backup::problems.
void attachAssets(Backup &backup);

/**
 * Replaces the local account with @p backup (DECISIONS §5, §9): the current account is kept first as a restore
 * snapshot (RestoreSnapshots, undone with `restore --undo`), then Store::importAccount brings the backup's in with its
 * ids, so the next sync of the same data makes no commit. On failure the snapshot is dropped and nothing changed.
 */
[[nodiscard]] Result<AccountRestored> replaceAccount(Store &store, Backup backup);

} // namespace Notechondria
