// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QCoroTask>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Notechondria {

class GitHubApi;

struct UnpackLimits
{
    qint64 maxFileBytes = 60LL * 1024 * 1024;
    qint64 maxTotalBytes = 1024LL * 1024 * 1024;
};

/**
 * Unpacks a repository tarball (GitHub's `<owner>-<repo>-<sha7>/` single top folder) into @p directory. Every entry
 * name is checked (no "..", separators, NUL or control characters); symbolic links and entries over the limits are
 * skipped and listed in @p skipped. Returns the number of files written.
 */
[[nodiscard]] Result<int> unpackBackupTarball(
    const QByteArray &tarGz, const QString &directory, QStringList *skipped = nullptr, const UnpackLimits &limits = {});

/**
 * Reads every file of a repository tarball in memory under the same rules as unpackBackupTarball (names checked,
 * links and entries over the limits skipped and listed in @p skipped): path inside the top folder → bytes.
 */
[[nodiscard]] Result<QHash<QString, QByteArray>> readBackupTarball(
    const QByteArray &tarGz, QStringList *skipped = nullptr, const UnpackLimits &limits = {});

/**
 * Downloads @p repoFullName at @p ref in one request (GET /repos/{o}/{r}/tarball/{ref}, following GitHub's redirect
 * without credentials) and unpacks it into @p directory.
 */
[[nodiscard]] QCoro::Task<Result<int>> downloadBackup(GitHubApi &github, QString installationId, QString repoFullName,
    QString ref, QString directory, QStringList *skipped = nullptr);

/// As downloadBackup, but the files stay in memory (readBackupTarball): nothing is written to disk.
[[nodiscard]] QCoro::Task<Result<QHash<QString, QByteArray>>> downloadBackupFiles(
    GitHubApi &github, QString installationId, QString repoFullName, QString ref, QStringList *skipped = nullptr);

} // namespace Notechondria
