// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the notes, their covers and attachments.
#pragma once

#include "account.h"
#include "error.h"
#include "store.h"

#include <QHash>
#include <QList>
#include <QVariant>

#include <optional>

namespace Notechondria {

class StoreContext;

/**
 * The account's notes: rows of the notes table (soft-deleted ones stay, with deleted_at set, as the recycle bin),
 * each with an optional cover and any number of attachments whose bytes live in the files table.
 */
class NoteRecords
{
public:
    /// @p context must outlive the records.
    explicit NoteRecords(StoreContext &context);

    /// One note with its cover and attachments (bytes included).
    [[nodiscard]] Result<std::optional<Note>> note(qint64 id) const;
    /// nullopt for a null uuid.
    [[nodiscard]] Result<std::optional<Note>> noteByUuid(const QUuid &uuid) const;
    /// nullopt for an empty draft id.
    [[nodiscard]] Result<std::optional<Note>> noteByClientDraftId(const QString &clientDraftId) const;
    /// Notes ordered by last_edit descending, then id; attachments listed without their bytes, cover without bytes.
    [[nodiscard]] Result<QList<Note>> notes(const StoreNoteQuery &query = {}) const;
    /**
     * The list entries of the notes notes() would return, in the same order, read without bodies or files. A page
     * within 200 notes of the start or the end of the list is read from the listing index (from the end backwards,
     * the total known); a page between, and any page of a search through notes_fts, is cut from the ids of every
     * match in list order, kept per filter combination and brought up to date after writes (as noteCount()'s), so
     * its cost does not grow with the offset and a search's phrase is matched once. Deep pages read in one snapshot.
     */
    [[nodiscard]] Result<QList<NoteSummary>> noteSummaries(const StoreNoteQuery &query = {}) const;
    /**
     * How many notes match the query's filters; limit and offset are ignored (the total for paging). A total is the
     * size of the kept order of its filter combination, checked against schema 4's data_revision (moved by triggers
     * on every account write from any connection or process) and after a write brought up to date from the change
     * log, so an unchanged account answers with one single-row read.
     */
    [[nodiscard]] Result<int> noteCount(const StoreNoteQuery &query = {}) const;
    /// The notes of @p uuids (with dashes) that exist, and every note in the recycle bin, by uuid, without file bytes:
    /// what an incremental sync renders (Store::changedNotes).
    [[nodiscard]] Result<QList<Note>> changedNotes(const QStringList &uuids) const;
    /// At most @p limit notes (the recycle bin's too) with a uuid after @p afterUuid, by uuid: Store::readAccount's
    /// pages.
    /// @p last is set to the stored uuid text of the last one (the next page's @p afterUuid).
    [[nodiscard]] Result<QList<Note>> notesAfter(
        const QString &afterUuid, qsizetype limit, bool withFileBytes, QString &last) const;
    /// Every note, the recycle bin's too, in export order (by uuid), for Store::snapshot.
    [[nodiscard]] Result<QList<Note>> snapshotNotes(bool withFileBytes) const;

    /**
     * id 0 inserts (uuid and sharing id minted when null; date_created defaults to now, last_edit to date_created);
     * otherwise updates the row's fields, failing when there is no such note. The cover and attachments are not
     * written here (setNoteCover, addAttachment).
     */
    [[nodiscard]] Result<Note> saveNote(Note note);
    /// Adds an attachment (uuid minted when null, original file name defaulting to the file's); returns it with its id.
    [[nodiscard]] Result<Attachment> addAttachment(qint64 noteId, Attachment attachment);
    /// Sets (or with an empty file, removes) the note's cover; the old cover file is deleted.
    [[nodiscard]] Result<void> setNoteCover(qint64 noteId, const StoredFile &file);
    /// Puts the note in the recycle bin: deleted_at = now (kept when it is there already).
    [[nodiscard]] Result<void> softDeleteNote(qint64 id);
    /// Takes the note out of the recycle bin.
    /// Deletes every note of the recycle bin for good, with its attachments and the files nothing else uses; how many
    /// notes went.
    [[nodiscard]] Result<int> emptyRecycleBin();
    [[nodiscard]] Result<void> restoreNote(qint64 id);

private:
    [[nodiscard]] Result<QList<Note>> selectNotes(const QString &where, const QVariantList &values,
        const QString &orderAndLimit, bool withFileBytes, const QString &consequence, const QString &process) const;
    /// Fills the attachments of @p notes (a page of at most 500 by note id, else one pass over all of them).
    [[nodiscard]] Result<void> selectAttachments(
        QList<Note> &notes, bool withFileBytes, const QString &consequence, const QString &process) const;
    [[nodiscard]] Result<std::optional<Note>> selectOne(
        const QString &where, const QVariantList &values, const QString &process) const;

    /// What noteCount() and noteSummaries() computed at one data revision, by filter combination (WHERE clause and
    /// values): the ids of every match in list order (their number is the total). When the revision
    /// moves, the orders are brought up to date from the change log (sync_changes) instead of being read again: the
    /// notes changed since wait per order, and when the order is next used they leave it and go back in where they
    /// now belong, if they still match (notelisting.cpp).
    struct ListingCache
    {
        qint64 revision = -1;
        qint64 changeSeq = -1; ///< the change log's last sequence number at that revision; -1: not known
        QHash<QString, QList<qint64>> orders;
        QHash<QString, StoreNoteQuery> filters; ///< the query of each order, to bring it up to date
        QHash<QString, QList<qint64>> pending; ///< per order, the notes changed since it was last brought up to date
        qsizetype orderedIds = 0; ///< the ids held in orders, all keys together
    };

    /// Brings m_listing to the current data revision; false when what is read now must not be kept (a transaction
    /// runs, so the revision may still be rolled back and reused by another write).
    [[nodiscard]] Result<bool> syncListing(const QString &consequence, const QString &process) const;
    /// syncListing()'s work, in one snapshot once the revision has moved: the revision and change log read together,
    /// then the orders updated by difference, or everything dropped when that cannot be done.
    [[nodiscard]] Result<void> refreshListing(
        qint64 revision, const QString &consequence, const QString &process) const;
    /// Adds the notes the change log names after m_listing.changeSeq to every kept order's pending
    /// ones; false when the kept state cannot be brought up to date that way (too many changes, a note deleted for
    /// good).
    [[nodiscard]] Result<bool> applyListingChanges() const;
    /// Brings the order of @p key up to date with its pending notes, in one snapshot that is at the kept revision (an
    /// order that cannot be is dropped). Nothing to do for an order without pending notes.
    [[nodiscard]] Result<void> settleOrder(const QString &key) const;
    /// Forgets the order of @p key (and what belongs to it).
    void dropOrder(const QString &key) const;
    /// Takes @p changed out of @p order and puts back, in list order, those that match @p filters now; false when a
    /// kept id no longer names a note.
    [[nodiscard]] Result<bool> reorder(
        QList<qint64> &order, const StoreNoteQuery &filters, const QList<qint64> &changed) const;
    /// Where a note with @p lastEdit and @p id goes in @p order (ordered by last_edit, id, descending), reading the
    /// sort keys of at most 64 ids of it per step; nullopt when a kept id no longer names a note.
    [[nodiscard]] Result<std::optional<qsizetype>> insertPosition(
        const QList<qint64> &order, const QString &lastEdit, qint64 id) const;
    /// The total of @p key's filters: the size of its order (kept, or read and kept when @p keep), else counted.
    [[nodiscard]] Result<int> totalOf(const QString &key, const QString &where, const QVariantList &values,
        const StoreNoteQuery &query, bool keep) const;
    /// The ids of every note matching @p query (@p where and @p values: its SQL), in list order: from m_listing,
    /// else read and kept when @p keep, else nullopt (the caller reads its page directly).
    [[nodiscard]] Result<std::optional<QList<qint64>>> listingOrder(const QString &key, const QString &where,
        const QVariantList &values, const StoreNoteQuery &query, bool keep) const;
    /// The ids of the notes matching @p condition (over `notes n`), in list order, in one statement.
    [[nodiscard]] Result<QList<qint64>> orderedIds(const QString &condition, const QVariantList &values) const;
    /// The order of a search through notes_fts: the phrase matched once, the matches then put in list order.
    [[nodiscard]] Result<QList<qint64>> searchOrder(const StoreNoteQuery &query) const;
    /// The number of notes matching @p where, counted.
    [[nodiscard]] Result<int> countOf(const QString &where, const QVariantList &values) const;
    /// A page read from the listing index, from the start or (@p fromTheEnd: @p offset counted from the last note)
    /// the end of the list; in list order either way.
    [[nodiscard]] Result<QList<NoteSummary>> pageFromIndex(
        const QString &where, const QVariantList &values, int limit, int offset, bool fromTheEnd) const;
    /// A page from offset 200 on, or of a search: near the end from the index backwards, else cut from the order.
    [[nodiscard]] Result<QList<NoteSummary>> deepPage(
        const QString &where, const QVariantList &values, const StoreNoteQuery &query) const;
    /// The list entries of @p ids, in that order (an id whose note is gone is left out).
    [[nodiscard]] Result<QList<NoteSummary>> summariesOf(const QList<qint64> &ids) const;

    StoreContext &m_context;
    mutable ListingCache m_listing;
};

} // namespace Notechondria
