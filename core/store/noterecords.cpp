// SPDX-License-Identifier: GPL-3.0-or-later
#include "noterecords.h"

#include "notequerysql.h"
#include "storecontext.h"
#include "storesql.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

/// How many filter combinations noteCount() and noteSummaries() remember at one data revision (search texts make
/// each one new).
constexpr qsizetype maxCachedCounts = 256;
/// How many ids of listing orders are kept at one data revision, all filter combinations together (8 bytes each).
constexpr qsizetype maxCachedOrderIds = 1'000'000;
/// Pages that start before this offset, or end less than this before the last note, are read from the listing index
/// directly (a few hundred index entries).
constexpr int maxDirectOffset = 200;
/// A search with fewer matches than this is put in list order by looking its rows up, not by walking the listing index.
constexpr qsizetype maxLookedUpMatches = 2000;
/// Larger pages (and all notes, limit -1) are read directly: their ids would not fit one IN list.
constexpr int maxPageFromOrder = 500;

/// The ids of a comma-separated list of decimal ids (SQLite's own text: digits and commas only).
QList<qint64> idsFromList(QByteArrayView list)
{
    QList<qint64> ids;
    ids.reserve(list.count(',') + 1);
    qint64 id = 0;
    bool digits = false;
    for (const char c : list) {
        if (c == ',') {
            ids.append(id);
            id = 0;
            digits = false;
        } else {
            id = id * 10 + (c - '0');
            digits = true;
        }
    }
    if (digits) {
        ids.append(id);
    }
    return ids;
}

/// The key of a filter combination in the listing cache: its WHERE clause and values.
QString listingKey(const QString &where, const QVariantList &values)
{
    QString key = where;
    for (const QVariant &value : values) {
        key += QChar(0x1f);
        key += value.toString();
    }
    return key;
}

QString noteColumns(bool withFileBytes)
{
    return u"n.id, n.uuid, n.sharing_id, n.title, n.description, n.content, n.editor_mode, n.note_type, "
           "n.source_note_uuid, n.metadata_json, n.custom_meta, n.client_draft_id, n.course_id, n.is_public, "
           "n.last_edit, n.date_created, n.deleted_at, n.cover_image_url, f.file_name, f.content_type, "_s
        + (withFileBytes ? u"f.bytes"_s : u"NULL"_s);
}

Note readNote(const QSqlQuery &q)
{
    Note n;
    n.id = q.value(0).toLongLong();
    n.uuid = QUuid::fromString(q.value(1).toString());
    n.sharingId = QUuid::fromString(q.value(2).toString());
    n.title = q.value(3).toString();
    n.description = q.value(4).toString();
    n.content = q.value(5).toString();
    n.editorMode = q.value(6).toString();
    n.noteType = q.value(7).toString();
    if (!q.value(8).isNull()) {
        n.sourceNoteUuid = QUuid::fromString(q.value(8).toString());
    }
    n.metadataJson = q.value(9).toString();
    n.customMeta = q.value(10).toString();
    if (!q.value(11).isNull()) {
        n.clientDraftId = q.value(11).toString();
    }
    n.courseId = toId(q.value(12));
    n.isPublic = q.value(13).toBool();
    n.lastEdit = toDateTime(q.value(14)).value_or(QDateTime());
    n.dateCreated = toDateTime(q.value(15)).value_or(QDateTime());
    n.deletedAt = toDateTime(q.value(16));
    n.coverImageUrl = q.value(17).toString();
    if (!q.value(18).isNull()) {
        n.cover = StoredFile{q.value(18).toString(), q.value(19).toString(), q.value(20).toByteArray()};
    }
    return n;
}

/// Preview lines never hold a line break (they are lines), so one column holds them joined by '\n'.
QString previewLinesColumn(const QStringList &lines)
{
    return lines.join(u'\n');
}

QStringList previewLinesFromColumn(const QString &column)
{
    return column.isEmpty() ? QStringList() : column.split(u'\n');
}

QVariantList noteValues(const Note &n)
{
    const NotePreview preview = NotePreview::of(n.content);
    return {fromUuid(n.uuid), fromUuid(n.sharingId), text(n.title), text(n.description), text(n.content),
        text(n.editorMode), text(n.noteType),
        n.sourceNoteUuid ? fromUuid(*n.sourceNoteUuid) : QVariant(QMetaType::fromType<QString>()), text(n.metadataJson),
        text(n.customMeta), fromText(n.clientDraftId), fromId(n.courseId), n.isPublic ? 1 : 0, fromDateTime(n.lastEdit),
        fromDateTime(n.dateCreated), fromDateTime(n.deletedAt), text(n.coverImageUrl), text(preview.excerpt),
        text(previewLinesColumn(preview.lines))};
}

const QStringList noteWriteColumns = {u"uuid"_s, u"sharing_id"_s, u"title"_s, u"description"_s, u"content"_s,
    u"editor_mode"_s, u"note_type"_s, u"source_note_uuid"_s, u"metadata_json"_s, u"custom_meta"_s, u"client_draft_id"_s,
    u"course_id"_s, u"is_public"_s, u"last_edit"_s, u"date_created"_s, u"deleted_at"_s, u"cover_image_url"_s,
    u"excerpt"_s, u"preview_lines"_s};

/// The columns a list entry needs: no body, no metadata, no file.
const QString summaryColumns = u"n.id, n.uuid, n.title, n.description, n.editor_mode, n.note_type, "
                               "n.source_note_uuid, n.client_draft_id, n.course_id, n.is_public, n.last_edit, "
                               "n.date_created, n.deleted_at, n.cover_image_url, n.excerpt, n.preview_lines"_s;

NoteSummary readSummary(const QSqlQuery &q)
{
    NoteSummary s;
    Note &n = s.note;
    n.id = q.value(0).toLongLong();
    n.uuid = QUuid::fromString(q.value(1).toString());
    n.title = q.value(2).toString();
    n.description = q.value(3).toString();
    n.editorMode = q.value(4).toString();
    n.noteType = q.value(5).toString();
    if (!q.value(6).isNull()) {
        n.sourceNoteUuid = QUuid::fromString(q.value(6).toString());
    }
    if (!q.value(7).isNull()) {
        n.clientDraftId = q.value(7).toString();
    }
    n.courseId = toId(q.value(8));
    n.isPublic = q.value(9).toBool();
    n.lastEdit = toDateTime(q.value(10)).value_or(QDateTime());
    n.dateCreated = toDateTime(q.value(11)).value_or(QDateTime());
    n.deletedAt = toDateTime(q.value(12));
    n.coverImageUrl = q.value(13).toString();
    s.preview.excerpt = q.value(14).toString();
    s.preview.lines = previewLinesFromColumn(q.value(15).toString());
    return s;
}

Attachment readAttachment(const QSqlQuery &q)
{
    Attachment a;
    a.id = q.value(1).toLongLong();
    a.uuid = QUuid::fromString(q.value(2).toString());
    a.originalFilename = q.value(3).toString();
    a.file = StoredFile{q.value(4).toString(), q.value(5).toString(), q.value(6).toByteArray()};
    return a;
}

} // namespace

NoteRecords::NoteRecords(StoreContext &context)
    : m_context(context)
{
}

// ---- reading -------------------------------------------------------------------------------------------------------

Result<QList<Note>> NoteRecords::selectNotes(const QString &where, const QVariantList &values,
    const QString &orderAndLimit, bool withFileBytes, const QString &consequence, const QString &process) const
{
    auto q = m_context.exec(u"SELECT "_s + noteColumns(withFileBytes)
            + u" FROM notes n LEFT JOIN files f ON f.id = n.cover_file_id "_s
            + (where.isEmpty() ? QString() : u"WHERE "_s + where + u' ') + orderAndLimit,
        values, consequence, process);
    if (!q) {
        return std::unexpected(q.error());
    }
    QList<Note> notes;
    while (q->next()) {
        notes.append(readNote(*q));
    }
    if (notes.isEmpty()) {
        return notes;
    }
    if (auto attached = selectAttachments(notes, withFileBytes, consequence, process); !attached) {
        return std::unexpected(attached.error());
    }
    return notes;
}

Result<void> NoteRecords::selectAttachments(
    QList<Note> &notes, bool withFileBytes, const QString &consequence, const QString &process) const
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < notes.size(); ++i) {
        index.insert(notes.at(i).id, i);
    }
    QString sql = u"SELECT a.note_id, a.id, a.uuid, a.original_filename, f.file_name, f.content_type, "_s
        + (withFileBytes ? u"f.bytes"_s : u"NULL"_s) + u" FROM attachments a JOIN files f ON f.id = a.file_id "_s;
    QVariantList ids;
    if (notes.size() <= 500) {
        QStringList marks;
        for (const Note &note : std::as_const(notes)) {
            marks << u"?"_s;
            ids << note.id;
        }
        sql += u"WHERE a.note_id IN ("_s + marks.join(u", "_s) + u") "_s;
    }
    auto attachments = m_context.exec(sql + u"ORDER BY a.id"_s, ids, consequence, process);
    if (!attachments) {
        return std::unexpected(attachments.error());
    }
    while (attachments->next()) {
        const auto found = index.constFind(attachments->value(0).toLongLong());
        if (found != index.constEnd()) {
            notes[*found].attachments.append(readAttachment(*attachments));
        }
    }
    return {};
}

Result<std::optional<Note>> NoteRecords::selectOne(
    const QString &where, const QVariantList &values, const QString &process) const
{
    auto found = selectNotes(where, values, u"ORDER BY n.id LIMIT 1"_s, true, u"Cannot read a note"_s, process);
    if (!found) {
        return std::unexpected(found.error());
    }
    if (found->isEmpty()) {
        return std::nullopt;
    }
    return found->first();
}

Result<QList<Note>> NoteRecords::notes(const StoreNoteQuery &query) const
{
    const auto [where, values] = NoteQuerySql::where(query);
    return selectNotes(where, values + QVariantList{query.limit, query.offset},
        u"ORDER BY n.last_edit DESC, n.id DESC LIMIT ? OFFSET ?"_s, false, u"Cannot list notes"_s,
        u"Core.Store/notes"_s);
}

Result<std::optional<QList<qint64>>> NoteRecords::listingOrder(
    const QString &key, const QString &where, const QVariantList &values, const StoreNoteQuery &query, bool keep) const
{
    if (const auto settled = settleOrder(key); !settled) {
        return std::unexpected(settled.error());
    }
    if (const auto cached = m_listing.orders.constFind(key); cached != m_listing.orders.constEnd()) {
        return *cached;
    }
    if (!keep) {
        return std::nullopt;
    }
    auto ids = NoteQuerySql::usesFullTextIndex(query.text) ? searchOrder(query) : orderedIds(where, values);
    if (!ids) {
        return std::unexpected(ids.error());
    }
    if (ids->size() > maxCachedOrderIds) {
        return *ids;
    }
    if (m_listing.orders.size() >= maxCachedCounts || m_listing.orderedIds + ids->size() > maxCachedOrderIds) {
        m_listing.orders.clear();
        m_listing.filters.clear();
        m_listing.pending.clear();
        m_listing.orderedIds = 0;
    }
    m_listing.orders.insert(key, *ids);
    m_listing.filters.insert(key, query);
    m_listing.orderedIds += ids->size();
    return *ids;
}

Result<QList<qint64>> NoteRecords::orderedIds(const QString &condition, const QVariantList &values) const
{
    // One row, one string: group_concat keeps the subquery's order (SQLite drops a subquery's ORDER BY only under
    // aggregates that ignore order), and a string of ids is far cheaper to hand over than a row per note. As a BLOB
    // it comes as bytes, not converted to UTF-16 first.
    auto q
        = m_context.exec(u"SELECT CAST(group_concat(page_id, ',') AS BLOB) FROM (SELECT n.id AS page_id FROM notes n"_s
                + (condition.isEmpty() ? QString() : u" WHERE "_s + condition)
                + u" ORDER BY n.last_edit DESC, n.id DESC)"_s,
            values, u"Cannot list notes"_s, u"Core.Store/note_summaries"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->next() ? idsFromList(q->value(0).toByteArray()) : QList<qint64>();
}

Result<QList<qint64>> NoteRecords::searchOrder(const StoreNoteQuery &query) const
{
    // The phrase is matched once, for the ids of every match (live or not) ...
    auto matched
        = m_context.exec(u"SELECT CAST(group_concat(rowid, ',') AS BLOB) FROM notes_fts WHERE notes_fts MATCH ?"_s,
            {NoteQuerySql::ftsPhrase(query.text)}, u"Cannot search notes"_s, u"Core.Store/note_summaries"_s);
    if (!matched) {
        return std::unexpected(matched.error());
    }
    const QByteArray matches = matched->next() ? matched->value(0).toByteArray() : QByteArray();
    if (matches.isEmpty()) {
        return QList<qint64>();
    }
    // ... then put in list order with the other filters: few matches by looking each row up and sorting them, many
    // by walking the listing index and probing the set ("+n.id": not by rowid).
    StoreNoteQuery filters = query;
    filters.text.clear();
    const auto [where, values] = NoteQuerySql::where(filters);
    const bool few = matches.count(',') < maxLookedUpMatches;
    const QString inMatches = (few ? u"n.id"_s : u"+n.id"_s) + u" IN (SELECT value FROM json_each(?))"_s;
    return orderedIds(where.isEmpty() ? inMatches : where + u" AND "_s + inMatches,
        values + QVariantList{QString::fromLatin1('[' + matches + ']')});
}

Result<QList<NoteSummary>> NoteRecords::summariesOf(const QList<qint64> &ids) const
{
    if (ids.isEmpty()) {
        return QList<NoteSummary>();
    }
    const QStringList marks(ids.size(), u"?"_s);
    QVariantList values;
    values.reserve(ids.size());
    QHash<qint64, qsizetype> position;
    for (const qint64 id : ids) {
        position.insert(id, values.size());
        values.append(id);
    }
    auto read = StoreContext::readAll(
        m_context.exec(u"SELECT "_s + summaryColumns + u" FROM notes n WHERE n.id IN ("_s + marks.join(u", "_s) + u')',
            values, u"Cannot list notes"_s, u"Core.Store/note_summaries"_s),
        &readSummary);
    if (!read) {
        return std::unexpected(read.error());
    }
    QList<std::optional<NoteSummary>> slots(ids.size());
    for (NoteSummary &summary : *read) {
        slots[position.value(summary.note.id)] = std::move(summary);
    }
    QList<NoteSummary> page;
    page.reserve(ids.size());
    for (std::optional<NoteSummary> &slot : slots) {
        if (slot) {
            page.append(std::move(*slot));
        }
    }
    return page;
}

Result<QList<NoteSummary>> NoteRecords::pageFromIndex(
    const QString &where, const QVariantList &values, int limit, int offset, bool fromTheEnd) const
{
    // The page's ids come from the covering listing index alone; only those rows of the table are read. From the end
    // the index is read the other way, so a last page costs what a first one does.
    const QString direction = fromTheEnd ? u"ASC"_s : u"DESC"_s;
    const QString page = u"SELECT n.id AS page_id FROM notes n"_s + (where.isEmpty() ? QString() : u" WHERE "_s + where)
        + u" ORDER BY n.last_edit "_s + direction + u", n.id "_s + direction + u" LIMIT ? OFFSET ?"_s;
    return StoreContext::readAll(
        m_context.exec(u"SELECT "_s + summaryColumns + u" FROM ("_s + page
                + u") AS page CROSS JOIN notes n ON n.id = page.page_id "
                  "ORDER BY n.last_edit DESC, n.id DESC"_s,
            values + QVariantList{limit, offset}, u"Cannot list notes"_s, u"Core.Store/note_summaries"_s),
        &readSummary);
}

Result<QList<NoteSummary>> NoteRecords::deepPage(
    const QString &where, const QVariantList &values, const StoreNoteQuery &query) const
{
    const auto keep = syncListing(u"Cannot list notes"_s, u"Core.Store/note_summaries"_s);
    if (!keep) {
        return std::unexpected(keep.error());
    }
    const QString key = listingKey(where, values);
    if (!NoteQuerySql::usesFullTextIndex(query.text)) {
        // Near the end the index is read backwards from the total (the size of the kept order, and needed for the
        // answer anyway).
        const auto total = totalOf(key, where, values, query, *keep);
        if (!total) {
            return std::unexpected(total.error());
        }
        if (query.offset >= *total) {
            return QList<NoteSummary>();
        }
        const int fromEnd = *total - query.offset - query.limit;
        if (fromEnd < maxDirectOffset) {
            return pageFromIndex(
                where, values, std::min(query.limit, *total - query.offset), std::max(fromEnd, 0), true);
        }
    }
    const auto order = listingOrder(key, where, values, query, *keep);
    if (!order) {
        return std::unexpected(order.error());
    }
    if (!*order) {
        return pageFromIndex(where, values, query.limit, query.offset, false);
    }
    return summariesOf((*order)->mid(query.offset, query.limit));
}

Result<QList<NoteSummary>> NoteRecords::noteSummaries(const StoreNoteQuery &query) const
{
    const auto [where, values] = NoteQuerySql::where(query);
    const bool deep = query.limit >= 0 && query.limit <= maxPageFromOrder
        && (query.offset >= maxDirectOffset || NoteQuerySql::usesFullTextIndex(query.text));
    if (!deep) {
        return pageFromIndex(where, values, query.limit, query.offset, false);
    }
    // One snapshot: the revision, the total or order kept for it and the rows all describe the same state.
    Result<QList<NoteSummary>> page;
    const auto read = m_context.readSnapshot([&]() -> Result<void> {
        page = deepPage(where, values, query);
        return page ? Result<void>() : std::unexpected(page.error());
    });
    if (!read) {
        return std::unexpected(read.error());
    }
    return page;
}

Result<int> NoteRecords::countOf(const QString &where, const QVariantList &values) const
{
    auto q = m_context.exec(u"SELECT count(*) FROM notes n"_s + (where.isEmpty() ? QString() : u" WHERE "_s + where),
        values, u"Cannot count notes"_s, u"Core.Store/notes"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->next() ? q->value(0).toInt() : 0;
}

Result<int> NoteRecords::totalOf(
    const QString &key, const QString &where, const QVariantList &values, const StoreNoteQuery &query, bool keep) const
{
    // A total is the size of its order: kept (when it may be), it follows the writes by difference, where a plain
    // count would be read again after every write.
    const auto order = listingOrder(key, where, values, query, keep);
    if (!order) {
        return std::unexpected(order.error());
    }
    if (*order) {
        return static_cast<int>((*order)->size());
    }
    return countOf(where, values);
}

Result<int> NoteRecords::noteCount(const StoreNoteQuery &query) const
{
    const auto [where, values] = NoteQuerySql::where(query);
    const auto keep = syncListing(u"Cannot count notes"_s, u"Core.Store/notes"_s);
    if (!keep) {
        return std::unexpected(keep.error());
    }
    return totalOf(listingKey(where, values), where, values, query, *keep);
}

Result<QList<Note>> NoteRecords::snapshotNotes(bool withFileBytes) const
{
    return selectNotes(
        {}, {}, u"ORDER BY n.uuid"_s, withFileBytes, u"Cannot read the account"_s, u"Core.Store/snapshot"_s);
}

Result<QList<Note>> NoteRecords::notesAfter(
    const QString &afterUuid, qsizetype limit, bool withFileBytes, QString &last) const
{
    const QString consequence = u"Cannot read the account"_s;
    const QString process = u"Core.Store/snapshot"_s;
    // The page's last uuid as stored (the index alone answers), so a text that is not a uuid still pages on.
    // The first page has no lower bound (a null QString would bind as NULL, and nothing is > NULL).
    const bool first = afterUuid.isEmpty();
    auto end = m_context.exec(first
            ? u"SELECT max(uuid) FROM (SELECT uuid FROM notes ORDER BY uuid LIMIT ?)"_s
            : u"SELECT max(uuid) FROM (SELECT uuid FROM notes WHERE uuid > ? ORDER BY uuid LIMIT ?)"_s,
        first ? QVariantList{qint64(limit)} : QVariantList{afterUuid, qint64(limit)}, consequence, process);
    if (!end) {
        return std::unexpected(end.error());
    }
    last = end->next() ? end->value(0).toString() : QString();
    if (last.isEmpty()) {
        return QList<Note>();
    }
    return selectNotes(first ? u"n.uuid <= ?"_s : u"n.uuid > ? AND n.uuid <= ?"_s,
        first ? QVariantList{last} : QVariantList{afterUuid, last}, u"ORDER BY n.uuid"_s, withFileBytes, consequence,
        process);
}

Result<QList<Note>> NoteRecords::changedNotes(const QStringList &uuids) const
{
    const QString consequence = u"Cannot read the changed notes"_s;
    const QString process = u"Core.Store/snapshot"_s;
    // Two indexed reads (the uuid index, the recycle bin's partial index), not one OR that scans the table. Of the
    // bin's notes recycle_bin.json lists only the uuid, title and deletion time: nothing else is read.
    QList<Note> notes;
    QSet<QUuid> seen;
    auto binned = m_context.exec(
        u"SELECT uuid, title, deleted_at FROM notes WHERE deleted_at IS NOT NULL"_s, {}, consequence, process);
    if (!binned) {
        return std::unexpected(binned.error());
    }
    while (binned->next()) {
        Note note;
        note.uuid = QUuid::fromString(binned->value(0).toString());
        note.title = binned->value(1).toString();
        note.deletedAt = toDateTime(binned->value(2));
        seen.insert(note.uuid);
        notes.append(std::move(note));
    }
    for (qsizetype first = 0; first < uuids.size(); first += 500) {
        const QStringList part = uuids.mid(first, 500);
        QVariantList values(part.cbegin(), part.cend());
        QStringList marks(part.size(), u"?"_s);
        auto changed = selectNotes(
            u"n.uuid IN (%1)"_s.arg(marks.join(u", "_s)), values, u"ORDER BY n.uuid"_s, false, consequence, process);
        if (!changed) {
            return std::unexpected(changed.error());
        }
        for (Note &note : *changed) {
            if (!seen.contains(note.uuid)) {
                notes.append(std::move(note));
            }
        }
    }
    std::sort(notes.begin(), notes.end(), [](const Note &a, const Note &b) {
        return a.uuid.toString(QUuid::WithoutBraces) < b.uuid.toString(QUuid::WithoutBraces);
    });
    return notes;
}

Result<std::optional<Note>> NoteRecords::note(qint64 id) const
{
    return selectOne(u"n.id = ?"_s, {id}, u"Core.Store/note"_s);
}

Result<std::optional<Note>> NoteRecords::noteByUuid(const QUuid &uuid) const
{
    if (uuid.isNull()) {
        return std::nullopt;
    }
    return selectOne(u"n.uuid = ?"_s, {fromUuid(uuid)}, u"Core.Store/note"_s);
}

Result<std::optional<Note>> NoteRecords::noteByClientDraftId(const QString &clientDraftId) const
{
    if (clientDraftId.isEmpty()) {
        return std::nullopt;
    }
    return selectOne(u"n.client_draft_id = ?"_s, {clientDraftId}, u"Core.Store/note"_s);
}

// ---- writing -------------------------------------------------------------------------------------------------------

Result<Note> NoteRecords::saveNote(Note note)
{
    const QDateTime now = m_context.now();
    if (note.uuid.isNull()) {
        note.uuid = QUuid::createUuid();
    }
    if (note.sharingId.isNull()) {
        note.sharingId = QUuid::createUuid();
    }
    if (!note.dateCreated.isValid()) {
        note.dateCreated = now;
    }
    if (!note.lastEdit.isValid()) {
        note.lastEdit = note.dateCreated;
    }
    const auto id = m_context.saveRow(u"notes"_s, noteWriteColumns, noteValues(note), note.id, u"note"_s,
        u"Cannot save note"_s, u"Core.Store/save_note"_s);
    return StoreContext::withId(id, std::move(note));
}

Result<void> NoteRecords::softDeleteNote(qint64 id)
{
    return m_context.updateOne(u"UPDATE notes SET deleted_at = coalesce(deleted_at, ?) WHERE id = ?"_s,
        {fromDateTime(m_context.now()), id}, u"note"_s, id, u"Cannot delete note"_s, u"Core.Store/delete_note"_s);
}

Result<int> NoteRecords::emptyRecycleBin()
{
    const QString consequence = u"Cannot empty the recycle bin"_s;
    const QString process = u"Core.Store/empty_recycle_bin"_s;
    int removed = 0;
    Result<void> done = m_context.transaction([&]() -> Result<void> {
        // The bin's covers and attachment files go with their notes (attachments rows cascade).
        const QString binFiles = u"SELECT cover_file_id FROM notes WHERE deleted_at IS NOT NULL "
                                 "AND cover_file_id IS NOT NULL UNION SELECT a.file_id FROM attachments a "
                                 "JOIN notes n ON n.id = a.note_id WHERE n.deleted_at IS NOT NULL"_s;
        auto files = m_context.exec(binFiles, {}, consequence, process);
        if (!files) {
            return std::unexpected(files.error());
        }
        QVariantList fileIds;
        while (files->next()) {
            fileIds.append(files->value(0));
        }
        auto deleted = m_context.exec(u"DELETE FROM notes WHERE deleted_at IS NOT NULL"_s, {}, consequence, process);
        if (!deleted) {
            return std::unexpected(deleted.error());
        }
        removed = deleted->numRowsAffected();
        for (const QVariant &id : std::as_const(fileIds)) {
            // Only when nothing else (a live note, the avatar) still uses the file.
            auto gone = m_context.run(u"DELETE FROM files WHERE id = ? AND id NOT IN (SELECT cover_file_id FROM notes "
                                      "WHERE cover_file_id IS NOT NULL) AND id NOT IN (SELECT file_id FROM "
                                      "attachments) AND id NOT IN (SELECT avatar_file_id FROM profile WHERE "
                                      "avatar_file_id IS NOT NULL)"_s,
                {id}, consequence, process);
            if (!gone) {
                return gone;
            }
        }
        return {};
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return removed;
}

Result<void> NoteRecords::restoreNote(qint64 id)
{
    return m_context.updateOne(u"UPDATE notes SET deleted_at = NULL WHERE id = ?"_s, {id}, u"note"_s, id,
        u"Cannot restore note"_s, u"Core.Store/restore_note"_s);
}

Result<void> NoteRecords::setNoteCover(qint64 noteId, const StoredFile &file)
{
    const QString consequence = u"Cannot save the note cover"_s;
    const QString process = u"Core.Store/save_cover"_s;
    return m_context.transaction([&]() -> Result<void> {
        auto old = m_context.exec(u"SELECT cover_file_id FROM notes WHERE id = ?"_s, {noteId}, consequence, process);
        if (!old) {
            return std::unexpected(old.error());
        }
        if (!old->next()) {
            return fail(consequence, process, u"no note with id %1"_s.arg(noteId));
        }
        auto fileId = m_context.replaceFile(toId(old->value(0)), file, consequence, process);
        if (!fileId) {
            return std::unexpected(fileId.error());
        }
        return m_context.run(
            u"UPDATE notes SET cover_file_id = ? WHERE id = ?"_s, {fromId(*fileId), noteId}, consequence, process);
    });
}

Result<Attachment> NoteRecords::addAttachment(qint64 noteId, Attachment attachment)
{
    const QString consequence = u"Cannot save the attachment"_s;
    const QString process = u"Core.Store/save_attachment"_s;
    if (attachment.uuid.isNull()) {
        attachment.uuid = QUuid::createUuid();
    }
    if (attachment.originalFilename.isEmpty()) {
        attachment.originalFilename = attachment.file.fileName;
    }
    Result<void> done = m_context.transaction([&]() -> Result<void> {
        // Not insertFile: an attachment keeps its row even when the file is empty.
        auto file = m_context.exec(u"INSERT INTO files (file_name, content_type, bytes) VALUES (?, ?, ?)"_s,
            {text(attachment.file.fileName), text(attachment.file.contentType), blob(attachment.file.bytes)},
            consequence, process);
        if (!file) {
            return std::unexpected(file.error());
        }
        auto q = m_context.exec(
            u"INSERT INTO attachments (note_id, uuid, original_filename, file_id, date_created) VALUES (?, ?, ?, ?, ?)"_s,
            {noteId, fromUuid(attachment.uuid), text(attachment.originalFilename), file->lastInsertId(),
                fromDateTime(m_context.now())},
            consequence, process);
        if (!q) {
            return std::unexpected(q.error());
        }
        attachment.id = q->lastInsertId().toLongLong();
        return {};
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return attachment;
}

} // namespace Notechondria
