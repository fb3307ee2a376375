// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionrecords.h"

#include "storecontext.h"
#include "storesql.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

const QString sessionColumns = u"s.id, s.note_id, n.course_id, s.title, s.summary, s.started_at, s.ended_at "
                               "FROM note_sessions s JOIN notes n ON n.id = s.note_id"_s;

NoteSession readSession(const QSqlQuery &q)
{
    NoteSession s;
    s.id = q.value(0).toLongLong();
    s.noteId = q.value(1).toLongLong();
    s.courseId = toId(q.value(2));
    s.title = q.value(3).toString();
    s.summary = q.value(4).toString();
    s.startedAt = toDateTime(q.value(5)).value_or(QDateTime());
    s.endedAt = toDateTime(q.value(6));
    return s;
}

} // namespace

SessionRecords::SessionRecords(StoreContext &context)
    : m_context(context)
{
}

Result<NoteSession> SessionRecords::save(NoteSession session)
{
    const QString consequence = u"Cannot save the note session"_s;
    const QString process = u"Core.Store/save_note_session"_s;
    const QVariantList values{
        text(session.title), text(session.summary), fromDateTime(session.startedAt), fromDateTime(session.endedAt)};
    if (session.id != 0) {
        if (auto done = m_context.updateOne(
                u"UPDATE note_sessions SET title = ?, summary = ?, started_at = ?, ended_at = ? WHERE id = ?"_s,
                values + QVariantList{session.id}, u"note session"_s, session.id, consequence, process);
            !done) {
            return std::unexpected(done.error());
        }
    } else {
        auto q = m_context.exec(
            u"INSERT INTO note_sessions (note_id, title, summary, started_at, ended_at) VALUES (?, ?, ?, ?, ?)"_s,
            QVariantList{session.noteId} + values, consequence, process);
        if (!q) {
            return std::unexpected(q.error());
        }
        session.id = q->lastInsertId().toLongLong();
    }
    auto saved = this->session(session.id);
    if (!saved) {
        return std::unexpected(saved.error());
    }
    if (!*saved) {
        return fail(consequence, process, u"note session %1 vanished after it was saved"_s.arg(session.id));
    }
    return **saved;
}

Result<std::optional<NoteSession>> SessionRecords::session(qint64 id) const
{
    auto read = StoreContext::readAll(m_context.exec(u"SELECT "_s + sessionColumns + u" WHERE s.id = ?"_s, {id},
                                          u"Cannot read the note session"_s, u"Core.Store/note_session"_s),
        &readSession);
    if (!read) {
        return std::unexpected(read.error());
    }
    return read->isEmpty() ? std::nullopt : std::optional<NoteSession>(read->first());
}

Result<QList<NoteSession>> SessionRecords::sessions(const NoteSessionQuery &query) const
{
    QStringList where;
    QVariantList values;
    if (query.noteId) {
        where.append(u"s.note_id = ?"_s);
        values.append(*query.noteId);
    }
    if (query.startedFrom) {
        where.append(u"s.started_at >= ?"_s);
        values.append(fromDateTime(*query.startedFrom));
    }
    if (query.startedBefore) {
        where.append(u"s.started_at < ?"_s);
        values.append(fromDateTime(*query.startedBefore));
    }
    values.append(query.limit);
    return StoreContext::readAll(m_context.exec(u"SELECT "_s + sessionColumns
                                         + (where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s))
                                         + u" ORDER BY s.started_at DESC, s.id DESC LIMIT ?"_s,
                                     values, u"Cannot list the note sessions"_s, u"Core.Store/note_sessions"_s),
        &readSession);
}

} // namespace Notechondria
