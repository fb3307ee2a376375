// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteversionrecords.h"

#include "storecontext.h"
#include "storesql.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

const QString versionColumns
    = u"id, note_id, title, description, content, metadata_json, editor_mode, reason, date_created"_s;

NoteVersion readVersion(const QSqlQuery &q)
{
    NoteVersion v;
    v.id = q.value(0).toLongLong();
    v.noteId = q.value(1).toLongLong();
    v.title = q.value(2).toString();
    v.description = q.value(3).toString();
    v.content = q.value(4).toString();
    v.metadataJson = q.value(5).toString();
    v.editorMode = q.value(6).toString();
    v.reason = q.value(7).toString();
    v.dateCreated = toDateTime(q.value(8)).value_or(QDateTime());
    return v;
}

} // namespace

NoteVersionRecords::NoteVersionRecords(StoreContext &context)
    : m_context(context)
{
}

Result<QList<NoteVersion>> NoteVersionRecords::versions(qint64 noteId) const
{
    return StoreContext::readAll(
        m_context.exec(u"SELECT "_s + versionColumns + u" FROM note_versions WHERE note_id = ? ORDER BY id DESC"_s,
            {noteId}, u"Cannot read the note's history"_s, u"Core.Store/note_versions"_s),
        readVersion);
}

Result<std::optional<NoteVersion>> NoteVersionRecords::version(qint64 noteId, qint64 versionId) const
{
    auto q = m_context.exec(u"SELECT "_s + versionColumns + u" FROM note_versions WHERE id = ? AND note_id = ?"_s,
        {versionId, noteId}, u"Cannot read a note version"_s, u"Core.Store/note_version"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (!q->next()) {
        return std::nullopt;
    }
    return readVersion(*q);
}

Result<NoteVersion> NoteVersionRecords::snapshot(const Note &note, const QString &reason, const QDateTime &at)
{
    const QString consequence = u"Cannot record a note version"_s;
    const QString process = u"Core.Store/snapshot_note"_s;
    NoteVersion version{
        0, note.id, note.title, note.description, note.content, note.metadataJson, note.editorMode, reason, at};
    Result<void> done = m_context.transaction([&]() -> Result<void> {
        auto q = m_context.exec(u"INSERT INTO note_versions (note_id, title, description, content, metadata_json, "
                                "editor_mode, reason, date_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {note.id, text(note.title), text(note.description), text(note.content), text(note.metadataJson),
                text(note.editorMode), text(reason), fromDateTime(at)},
            consequence, process);
        if (!q) {
            return std::unexpected(q.error());
        }
        version.id = q->lastInsertId().toLongLong();
        return m_context.run(u"DELETE FROM note_versions WHERE note_id = ? AND id NOT IN (SELECT id FROM "
                             "note_versions WHERE note_id = ? ORDER BY id DESC LIMIT ?)"_s,
            {note.id, note.id, maxVersionsPerNote}, consequence, process);
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return version;
}

Result<void> HistoryCarry::carryBegin(const StoreContext &context)
{
    return context.runAll(
        {
            u"DROP TABLE IF EXISTS temp.carried_note_versions"_s,
            u"CREATE TEMP TABLE carried_note_versions AS SELECT v.id AS version_id, n.uuid AS note_uuid, v.title, "
            "v.description, v.content, v.metadata_json, v.editor_mode, v.reason, v.date_created "
            "FROM note_versions v JOIN notes n ON n.id = v.note_id"_s,
            u"DROP TABLE IF EXISTS temp.carried_course_subscriptions"_s,
            u"CREATE TEMP TABLE carried_course_subscriptions AS SELECT c.slug AS course_slug, s.is_active, "
            "s.is_private, s.subscribed_at, s.last_opened_at FROM course_subscriptions s "
            "JOIN courses c ON c.id = s.course_id"_s,
        },
        u"Cannot keep the note history"_s, u"Core.Store/import_account"_s);
}

Result<void> HistoryCarry::carryEnd(const StoreContext &context)
{
    return context.runAll(
        {
            u"INSERT INTO note_versions (id, note_id, title, description, content, metadata_json, editor_mode, "
            "reason, date_created) SELECT k.version_id, n.id, k.title, k.description, k.content, k.metadata_json, "
            "k.editor_mode, k.reason, k.date_created FROM temp.carried_note_versions k "
            "JOIN notes n ON n.uuid = k.note_uuid ORDER BY k.version_id"_s,
            u"INSERT INTO course_subscriptions (course_id, is_active, is_private, subscribed_at, last_opened_at) "
            "SELECT c.id, k.is_active, k.is_private, k.subscribed_at, k.last_opened_at "
            "FROM temp.carried_course_subscriptions k JOIN courses c ON c.slug = k.course_slug"_s,
            u"DROP TABLE temp.carried_note_versions"_s,
            u"DROP TABLE temp.carried_course_subscriptions"_s,
        },
        u"Cannot keep the note history"_s, u"Core.Store/import_account"_s);
}

} // namespace Notechondria
