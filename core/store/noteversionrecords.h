// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the notes' version history.
#pragma once

#include "account.h"
#include "error.h"

#include <QList>

#include <optional>

namespace Notechondria {

class StoreContext;

/**
 * The version history of the notes (schema 6's note_versions): snapshots of a note's title, description, body,
 * metadata and editor mode, as upstream's NoteVersion keeps them. Only the newest maxVersionsPerNote of a note are
 * kept (upstream prunes to the same number); a note's versions go with it when the recycle bin is emptied (the
 * foreign key cascades).
 */
class NoteVersionRecords
{
public:
    /// How many versions of one note are kept; a new snapshot drops the oldest beyond it.
    static constexpr int maxVersionsPerNote = 12;

    /// @p context must outlive the records.
    explicit NoteVersionRecords(StoreContext &context);

    /// The versions of note @p noteId, newest first.
    [[nodiscard]] Result<QList<NoteVersion>> versions(qint64 noteId) const;
    /// Version @p versionId of note @p noteId; nullopt when the note has no such version.
    [[nodiscard]] Result<std::optional<NoteVersion>> version(qint64 noteId, qint64 versionId) const;
    /// Records @p note as it is now, with @p reason, at @p at; drops the oldest beyond maxVersionsPerNote.
    [[nodiscard]] Result<NoteVersion> snapshot(const Note &note, const QString &reason, const QDateTime &at);

private:
    StoreContext &m_context;
};

/**
 * What Store::importAccount must not lose: it replaces the account (clearAccount, then the rows again, as a restore
 * and every sync that brings changes do), and the foreign keys would take every note's versions and every course's
 * subscription with the old rows. carryBegin() copies them aside (temporary tables, keyed by note uuid and course
 * slug); carryEnd(), after the import, gives them back to the notes and courses that still exist (version ids kept)
 * and drops the copies. Both run inside the import's transaction, so a failed import leaves everything as it was.
 */
namespace HistoryCarry {
[[nodiscard]] Result<void> carryBegin(const StoreContext &context);
[[nodiscard]] Result<void> carryEnd(const StoreContext &context);
} // namespace HistoryCarry

} // namespace Notechondria
