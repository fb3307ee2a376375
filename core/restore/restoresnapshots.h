// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Notechondria {

class Store;

/// One kept copy of the account, taken just before a restore replaced it.
struct RestoreSnapshot
{
    QString path; ///< the SQLite file
    QDateTime takenAt; ///< when it was written (UTC)
    bool undone = false; ///< already brought back once
};

/// What an undo brought back.
struct RestoreUndone
{
    RestoreSnapshot snapshot;
    int notes = 0; ///< live notes now in the store
    int courses = 0;
};

/**
 * The undo points of restores into the local store (DECISIONS §9): before a restore replaces the account, take()
 * copies the whole database (SQLite `VACUUM INTO`, a consistent copy even while the store is open) into
 * `<data folder>/restore-snapshots/restore-<n>.sqlite` (folder 0700, files 0600) and keeps the newest few. undo()
 * brings the account of the newest snapshot not yet undone back with Store::importAccount — the export afterwards is
 * byte-identical to the export before the restore — and marks that snapshot undone (renamed
 * `restore-<n>.undone.sqlite`), so a second undo does not throw away what was done since.
 * The GitHub link and the push history of the store are not part of an undo: they stay as they are.
 */
class RestoreSnapshots
{
public:
    static constexpr int defaultKeep = 3;

    explicit RestoreSnapshots(QString directory, int keep = defaultKeep);

    /// `restore-snapshots` next to the database file at @p databasePath.
    [[nodiscard]] static QString directoryFor(const QString &databasePath);
    [[nodiscard]] const QString &directory() const { return m_directory; }

    /// Copies the account of @p store into a new snapshot and drops the oldest ones beyond the number kept.
    [[nodiscard]] Result<RestoreSnapshot> take(const Store &store);
    /// Every snapshot kept, oldest first.
    [[nodiscard]] QList<RestoreSnapshot> list() const;
    /// The newest snapshot that was not undone yet, if any.
    [[nodiscard]] std::optional<RestoreSnapshot> pending() const;
    /// Replaces the account in @p store with the one in pending(); fails (changing nothing) when there is none.
    [[nodiscard]] Result<RestoreUndone> undo(Store &store);
    /// Deletes @p snapshot (a restore that failed after take() changed nothing to undo).
    static void discard(const RestoreSnapshot &snapshot);

private:
    [[nodiscard]] Result<void> prepareDirectory() const;
    void dropOldest() const;

    QString m_directory;
    int m_keep;
};

} // namespace Notechondria
