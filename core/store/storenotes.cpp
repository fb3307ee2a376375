// SPDX-License-Identifier: GPL-3.0-or-later
// The store's notes (with covers and attachments), planner events and calendar feeds.
#include "storeprivate.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

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

QVariantList noteValues(const Note &n)
{
    return {fromUuid(n.uuid), fromUuid(n.sharingId), text(n.title), text(n.description), text(n.content),
        text(n.editorMode), text(n.noteType),
        n.sourceNoteUuid ? fromUuid(*n.sourceNoteUuid) : QVariant(QMetaType::fromType<QString>()), text(n.metadataJson),
        text(n.customMeta), fromText(n.clientDraftId), fromId(n.courseId), n.isPublic ? 1 : 0, fromDateTime(n.lastEdit),
        fromDateTime(n.dateCreated), fromDateTime(n.deletedAt), text(n.coverImageUrl)};
}

/// The WHERE clause and values of a note query.
std::pair<QString, QVariantList> noteFilter(const StoreNoteQuery &query)
{
    QStringList conditions;
    QVariantList values;
    if (query.onlyDeleted) {
        conditions << u"n.deleted_at IS NOT NULL"_s;
    } else if (!query.includeDeleted) {
        conditions << u"n.deleted_at IS NULL"_s;
    }
    if (query.courseId) {
        conditions << u"n.course_id = ?"_s;
        values << *query.courseId;
    }
    return {conditions.join(u" AND "_s), values};
}

PlannerEvent readEvent(const QSqlQuery &q)
{
    PlannerEvent e;
    e.id = q.value(0).toLongLong();
    e.title = q.value(1).toString();
    e.eventDate = toDate(q.value(2)).value_or(QDate());
    e.startsAt = toDateTime(q.value(3));
    e.endsAt = toDateTime(q.value(4));
    e.difficultyWeight = q.value(5).toInt();
    e.description = q.value(6).toString();
    e.courseId = toId(q.value(7));
    e.isCompleted = q.value(8).toBool();
    e.completedAt = toDateTime(q.value(9));
    e.recurrenceFreq = q.value(10).toString();
    e.recurrenceInterval = q.value(11).toInt();
    e.recurrenceEndDate = toDate(q.value(12));
    e.recurrenceCount = toInt(q.value(13));
    return e;
}

CalendarFeed readFeed(const QSqlQuery &q)
{
    CalendarFeed f;
    f.id = q.value(0).toLongLong();
    f.title = q.value(1).toString();
    f.sourceKind = q.value(2).toString();
    f.sourceUrl = q.value(3).toString();
    f.rawIcal = q.value(4).toString();
    f.isEnabled = q.value(5).toBool();
    f.courseId = toId(q.value(6));
    f.lastSync = toDateTime(q.value(7));
    f.dateCreated = toDateTime(q.value(8));
    f.lastEdit = toDateTime(q.value(9));
    return f;
}

} // namespace

// ---- notes ---------------------------------------------------------------------------------------------------------

Result<QList<Note>> Store::Private::selectNotes(const QString &where, const QVariantList &values,
    const QString &orderAndLimit, bool withFileBytes, const QString &consequence, const QString &process) const
{
    auto q = exec(u"SELECT "_s + noteColumns(withFileBytes)
            + u" FROM notes n LEFT JOIN files f ON f.id = n.cover_file_id "_s
            + (where.isEmpty() ? QString() : u"WHERE "_s + where + u' ') + orderAndLimit,
        values, consequence, process);
    if (!q) {
        return std::unexpected(q.error());
    }
    QList<Note> notes;
    QHash<qint64, qsizetype> index;
    while (q->next()) {
        index.insert(q->value(0).toLongLong(), notes.size());
        notes.append(readNote(*q));
    }
    if (notes.isEmpty()) {
        return notes;
    }
    // Attachments: by note id for a page of notes, else one pass over all of them.
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
    auto attachments = exec(sql + u"ORDER BY a.id"_s, ids, consequence, process);
    if (!attachments) {
        return std::unexpected(attachments.error());
    }
    while (attachments->next()) {
        const auto found = index.constFind(attachments->value(0).toLongLong());
        if (found == index.constEnd()) {
            continue;
        }
        Attachment a;
        a.id = attachments->value(1).toLongLong();
        a.uuid = QUuid::fromString(attachments->value(2).toString());
        a.originalFilename = attachments->value(3).toString();
        a.file = StoredFile{
            attachments->value(4).toString(), attachments->value(5).toString(), attachments->value(6).toByteArray()};
        notes[*found].attachments.append(a);
    }
    return notes;
}

Result<std::optional<Note>> Store::Private::selectOneNote(
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

Result<QList<Note>> Store::notes(const NoteQuery &query) const
{
    const auto [where, values] = noteFilter(query);
    return d->selectNotes(where, values + QVariantList{query.limit, query.offset},
        u"ORDER BY n.last_edit DESC, n.id DESC LIMIT ? OFFSET ?"_s, false, u"Cannot list notes"_s,
        u"Core.Store/notes"_s);
}

Result<int> Store::noteCount(const NoteQuery &query) const
{
    const auto [where, values] = noteFilter(query);
    auto q = d->exec(u"SELECT count(*) FROM notes n"_s + (where.isEmpty() ? QString() : u" WHERE "_s + where), values,
        u"Cannot count notes"_s, u"Core.Store/notes"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->next() ? q->value(0).toInt() : 0;
}

Result<std::optional<Note>> Store::note(qint64 id) const
{
    return d->selectOneNote(u"n.id = ?"_s, {id}, u"Core.Store/note"_s);
}

Result<std::optional<Note>> Store::noteByUuid(const QUuid &uuid) const
{
    if (uuid.isNull()) {
        return std::nullopt;
    }
    return d->selectOneNote(u"n.uuid = ?"_s, {fromUuid(uuid)}, u"Core.Store/note"_s);
}

Result<std::optional<Note>> Store::noteByClientDraftId(const QString &clientDraftId) const
{
    if (clientDraftId.isEmpty()) {
        return std::nullopt;
    }
    return d->selectOneNote(u"n.client_draft_id = ?"_s, {clientDraftId}, u"Core.Store/note"_s);
}

Result<Note> Store::saveNote(Note note)
{
    const QString consequence = u"Cannot save note"_s;
    const QString process = u"Core.Store/save_note"_s;
    const QDateTime now = d->now();
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
    if (note.id == 0) {
        auto q = d->exec(u"INSERT INTO notes (uuid, sharing_id, title, description, content, editor_mode, note_type, "
                         "source_note_uuid, metadata_json, custom_meta, client_draft_id, course_id, is_public, "
                         "last_edit, date_created, deleted_at, cover_image_url) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            noteValues(note), consequence, process);
        if (!q) {
            return std::unexpected(q.error());
        }
        note.id = q->lastInsertId().toLongLong();
        return note;
    }
    auto q = d->exec(u"UPDATE notes SET uuid = ?, sharing_id = ?, title = ?, description = ?, content = ?, "
                     "editor_mode = ?, note_type = ?, source_note_uuid = ?, metadata_json = ?, custom_meta = ?, "
                     "client_draft_id = ?, course_id = ?, is_public = ?, last_edit = ?, date_created = ?, "
                     "deleted_at = ?, cover_image_url = ? WHERE id = ?"_s,
        noteValues(note) + QVariantList{note.id}, consequence, process);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (q->numRowsAffected() == 0) {
        return fail(consequence, process, u"no note with id %1"_s.arg(note.id));
    }
    return note;
}

Result<void> Store::softDeleteNote(qint64 id)
{
    auto q = d->exec(u"UPDATE notes SET deleted_at = coalesce(deleted_at, ?) WHERE id = ?"_s,
        {fromDateTime(d->now()), id}, u"Cannot delete note"_s, u"Core.Store/delete_note"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (q->numRowsAffected() == 0) {
        return fail(u"Cannot delete note"_s, u"Core.Store/delete_note"_s, u"no note with id %1"_s.arg(id));
    }
    return {};
}

Result<void> Store::restoreNote(qint64 id)
{
    auto q = d->exec(u"UPDATE notes SET deleted_at = NULL WHERE id = ?"_s, {id}, u"Cannot restore note"_s,
        u"Core.Store/restore_note"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (q->numRowsAffected() == 0) {
        return fail(u"Cannot restore note"_s, u"Core.Store/restore_note"_s, u"no note with id %1"_s.arg(id));
    }
    return {};
}

Result<void> Store::setNoteCover(qint64 noteId, const StoredFile &file)
{
    const QString consequence = u"Cannot save the note cover"_s;
    const QString process = u"Core.Store/save_cover"_s;
    return transaction([&]() -> Result<void> {
        auto old = d->exec(u"SELECT cover_file_id FROM notes WHERE id = ?"_s, {noteId}, consequence, process);
        if (!old) {
            return std::unexpected(old.error());
        }
        if (!old->next()) {
            return fail(consequence, process, u"no note with id %1"_s.arg(noteId));
        }
        if (auto removed = d->deleteFile(toId(old->value(0)), consequence, process); !removed) {
            return removed;
        }
        auto fileId = d->insertFile(file, consequence, process);
        if (!fileId) {
            return std::unexpected(fileId.error());
        }
        auto q = d->exec(
            u"UPDATE notes SET cover_file_id = ? WHERE id = ?"_s, {fromId(*fileId), noteId}, consequence, process);
        if (!q) {
            return std::unexpected(q.error());
        }
        return {};
    });
}

Result<Attachment> Store::addAttachment(qint64 noteId, Attachment attachment)
{
    const QString consequence = u"Cannot save the attachment"_s;
    const QString process = u"Core.Store/save_attachment"_s;
    if (attachment.uuid.isNull()) {
        attachment.uuid = QUuid::createUuid();
    }
    if (attachment.originalFilename.isEmpty()) {
        attachment.originalFilename = attachment.file.fileName;
    }
    Result<void> done = transaction([&]() -> Result<void> {
        auto file = d->exec(u"INSERT INTO files (file_name, content_type, bytes) VALUES (?, ?, ?)"_s,
            {text(attachment.file.fileName), text(attachment.file.contentType), blob(attachment.file.bytes)},
            consequence, process);
        if (!file) {
            return std::unexpected(file.error());
        }
        auto q = d->exec(u"INSERT INTO attachments (note_id, uuid, original_filename, file_id) VALUES (?, ?, ?, ?)"_s,
            {noteId, fromUuid(attachment.uuid), text(attachment.originalFilename), file->lastInsertId()}, consequence,
            process);
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

// ---- planner -------------------------------------------------------------------------------------------------------

Result<QList<PlannerEvent>> Store::events() const
{
    auto q = d->exec(u"SELECT id, title, event_date, starts_at, ends_at, difficulty_weight, description, course_id, "
                     "is_completed, completed_at, recurrence_freq, recurrence_interval, recurrence_end_date, "
                     "recurrence_count FROM planner_events ORDER BY id"_s,
        {}, u"Cannot list planner events"_s, u"Core.Store/events"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    QList<PlannerEvent> list;
    while (q->next()) {
        list.append(readEvent(*q));
    }
    return list;
}

Result<PlannerEvent> Store::saveEvent(PlannerEvent e)
{
    const QString consequence = u"Cannot save planner event"_s;
    const QString process = u"Core.Store/save_event"_s;
    if (!e.eventDate.isValid()) {
        return fail(consequence, process, u"the event has no valid date"_s);
    }
    const QVariantList values{text(e.title), fromDate(e.eventDate), fromDateTime(e.startsAt), fromDateTime(e.endsAt),
        e.difficultyWeight, text(e.description), fromId(e.courseId), e.isCompleted ? 1 : 0, fromDateTime(e.completedAt),
        text(e.recurrenceFreq), e.recurrenceInterval, fromDate(e.recurrenceEndDate), fromInt(e.recurrenceCount)};
    const QString sql = e.id == 0
        ? u"INSERT INTO planner_events (title, event_date, starts_at, ends_at, difficulty_weight, description, "
          "course_id, is_completed, completed_at, recurrence_freq, recurrence_interval, recurrence_end_date, "
          "recurrence_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s
        : u"UPDATE planner_events SET title = ?, event_date = ?, starts_at = ?, ends_at = ?, difficulty_weight = ?, "
          "description = ?, course_id = ?, is_completed = ?, completed_at = ?, recurrence_freq = ?, "
          "recurrence_interval = ?, recurrence_end_date = ?, recurrence_count = ? WHERE id = ?"_s;
    auto q = d->exec(sql, e.id == 0 ? values : values + QVariantList{e.id}, consequence, process);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (e.id == 0) {
        e.id = q->lastInsertId().toLongLong();
    } else if (q->numRowsAffected() == 0) {
        return fail(consequence, process, u"no planner event with id %1"_s.arg(e.id));
    }
    return e;
}

Result<void> Store::deleteEvent(qint64 id)
{
    auto q = d->exec(u"DELETE FROM planner_events WHERE id = ?"_s, {id}, u"Cannot delete planner event"_s,
        u"Core.Store/delete_event"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return {};
}

Result<QList<CalendarFeed>> Store::feeds() const
{
    auto q = d->exec(u"SELECT id, title, source_kind, source_url, raw_ical, is_enabled, course_id, last_sync, "
                     "date_created, last_edit FROM calendar_feeds ORDER BY id"_s,
        {}, u"Cannot list calendar feeds"_s, u"Core.Store/feeds"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    QList<CalendarFeed> list;
    while (q->next()) {
        list.append(readFeed(*q));
    }
    return list;
}

Result<CalendarFeed> Store::saveFeed(CalendarFeed f)
{
    const QString consequence = u"Cannot save calendar feed"_s;
    const QString process = u"Core.Store/save_feed"_s;
    const QDateTime now = d->now();
    if (!f.dateCreated) {
        f.dateCreated = now;
    }
    if (!f.lastEdit) {
        f.lastEdit = now;
    }
    const QVariantList values{text(f.title), text(f.sourceKind), text(f.sourceUrl), text(f.rawIcal),
        f.isEnabled ? 1 : 0, fromId(f.courseId), fromDateTime(f.lastSync), fromDateTime(f.dateCreated),
        fromDateTime(f.lastEdit)};
    const QString sql = f.id == 0
        ? u"INSERT INTO calendar_feeds (title, source_kind, source_url, raw_ical, is_enabled, course_id, last_sync, "
          "date_created, last_edit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s
        : u"UPDATE calendar_feeds SET title = ?, source_kind = ?, source_url = ?, raw_ical = ?, is_enabled = ?, "
          "course_id = ?, last_sync = ?, date_created = ?, last_edit = ? WHERE id = ?"_s;
    auto q = d->exec(sql, f.id == 0 ? values : values + QVariantList{f.id}, consequence, process);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (f.id == 0) {
        f.id = q->lastInsertId().toLongLong();
    } else if (q->numRowsAffected() == 0) {
        return fail(consequence, process, u"no calendar feed with id %1"_s.arg(f.id));
    }
    return f;
}

Result<void> Store::deleteFeed(qint64 id)
{
    auto q = d->exec(u"DELETE FROM calendar_feeds WHERE id = ?"_s, {id}, u"Cannot delete calendar feed"_s,
        u"Core.Store/delete_feed"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return {};
}

} // namespace Notechondria
