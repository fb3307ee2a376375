// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commitsummary.h"
#include "error.h"

#include <QCoroTask>
#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

namespace Notechondria {

class GitHubApi;
struct GitHubIntegration;

/// One backup commit as the history shows it.
struct BackupCommit
{
    QString sha;
    QDateTime date; ///< the committer's date (UTC)
    QString htmlUrl; ///< the commit on github.com
    CommitSummary summary;

    /// `{"sha", "date", "device", "added", "changed", "deleted", "titles"}` (the `history --json` contract).
    [[nodiscard]] QJsonObject toJson() const;
};

/**
 * The time machine's listing (DECISIONS §9): the commits of the backup branch, newest first, read from GitHub's commit
 * listing (100 a page) and told in words from their messages (CommitSummary) — no request per commit. With a note,
 * the commits that touched its notes/<hex>.md, its creation included.
 */
class BackupHistory
{
public:
    explicit BackupHistory(GitHubApi *github);

    [[nodiscard]] QCoro::Task<Result<QList<BackupCommit>>> list(
        GitHubIntegration integration, QUuid note = {}, int limit = 100);

    /// A note uuid as typed: with or without dashes or braces, any case; null when it is not one.
    [[nodiscard]] static QUuid parseUuid(const QString &text);
    /// notes/<32 lowercase hex>.md
    [[nodiscard]] static QString notePath(const QUuid &note);

private:
    GitHubApi *m_github;
};

} // namespace Notechondria
