// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "error.h"

#include <QCoroTask>
#include <QUuid>

namespace Notechondria {

class Clock;
class GitHubApi;
class Store;

/// One note as a backup commit holds it, read with two requests (the look back).
struct NoteAtCommit
{
    Note note; ///< id 0; courseId is the local course of the same slug, when there is one
    QString courseSlug;
    QByteArray markdown; ///< notes/<hex>.md as committed
};

/// What restoring one note brought back.
struct ItemRestored
{
    Note note; ///< as saved in the local store
    bool asCopy = false;
    bool created = false; ///< the note was not in the local store any more (emptied from the bin)
    QString snapshotPath; ///< the account from before, for `restore --undo`
};

/**
 * The time machine's "bring back" for one note (DECISIONS §9): its .md and .meta.json at a backup commit, through the
 * Contents API (two requests), written into the local store in place — the current version kept in the note's own
 * history, a binned note taken out of the bin — or as a copy titled "<title> (restored <date>)". The whole account is
 * kept first as a restore snapshot, so `restore --undo` takes it back; the next sync carries the note to GitHub.
 */
class ItemRestore
{
public:
    ItemRestore(Store *store, GitHubApi *github, const Clock *clock);

    [[nodiscard]] QCoro::Task<Result<NoteAtCommit>> noteAt(GitHubIntegration integration, QString commit, QUuid uuid);
    [[nodiscard]] QCoro::Task<Result<ItemRestored>> restoreNote(
        GitHubIntegration integration, QString commit, QUuid uuid, bool asCopy);

    /// "<title> (restored <yyyy-MM-dd>)", at most 100 characters (the title is shortened, the suffix kept).
    [[nodiscard]] static QString copyTitle(const QString &title, const QDateTime &versionDate);

private:
    [[nodiscard]] Result<ItemRestored> write(const NoteAtCommit &version, const QString &commit, bool asCopy);

    Store *m_store;
    GitHubApi *m_github;
    const Clock *m_clock;
};

} // namespace Notechondria
