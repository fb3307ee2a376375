// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediarecords.h"

#include "storecontext.h"
#include "storesql.h"

#include <QRandomGenerator>

#include <array>

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

const QString readConsequence = u"Cannot read a stored file"_s;
const QString mediaProcess = u"Core.Store/media"_s;

/// 32 bytes of the system's random source as 64 lowercase hex digits.
QString newToken()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words.data()), qsizetype(words.size() * sizeof(quint32))).toHex());
}

AttachmentEntry readEntry(const QSqlQuery &q)
{
    AttachmentEntry a;
    a.id = q.value(0).toLongLong();
    a.noteId = q.value(1).toLongLong();
    a.uuid = QUuid::fromString(q.value(2).toString());
    a.originalFilename = q.value(3).toString();
    a.fileName = q.value(4).toString();
    a.contentType = q.value(5).toString();
    a.size = q.value(6).toLongLong();
    a.dateCreated = toDateTime(q.value(7));
    a.mediaToken = q.value(8).toString();
    return a;
}

} // namespace

MediaRecords::MediaRecords(StoreContext &context)
    : m_context(context)
{
}

Result<std::optional<MediaFile>> MediaRecords::mediaFile(const QString &token) const
{
    auto q = m_context.exec(u"SELECT f.file_name, f.content_type, f.bytes FROM media_tokens t "
                            "JOIN files f ON f.id = t.file_id WHERE t.token = ?"_s,
        {token}, readConsequence, mediaProcess);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (!q->next()) {
        return std::nullopt;
    }
    return MediaFile{q->value(0).toString(), q->value(1).toString(), q->value(2).toByteArray()};
}

Result<QString> MediaRecords::tokenOf(qint64 fileId)
{
    const QString consequence = u"Cannot give the file a URL"_s;
    auto q = m_context.exec(u"SELECT token FROM media_tokens WHERE file_id = ?"_s, {fileId}, consequence, mediaProcess);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (q->next()) {
        return q->value(0).toString();
    }
    QString token = newToken();
    if (auto made = m_context.run(
            u"INSERT INTO media_tokens (token, file_id) VALUES (?, ?)"_s, {token, fileId}, consequence, mediaProcess);
        !made) {
        return std::unexpected(made.error());
    }
    return token;
}

Result<QString> MediaRecords::tokenOfSelected(const QString &sql, const QVariantList &values)
{
    auto q = m_context.exec(sql, values, readConsequence, mediaProcess);
    if (!q) {
        return std::unexpected(q.error());
    }
    const std::optional<qint64> fileId = q->next() ? toId(q->value(0)) : std::nullopt;
    q->finish();
    return fileId ? tokenOf(*fileId) : Result<QString>(QString());
}

Result<QString> MediaRecords::noteCoverToken(qint64 noteId)
{
    return tokenOfSelected(u"SELECT cover_file_id FROM notes WHERE id = ?"_s, {noteId});
}

Result<QString> MediaRecords::avatarToken()
{
    return tokenOfSelected(u"SELECT avatar_file_id FROM profile WHERE id = 1"_s, {});
}

Result<QList<AttachmentEntry>> MediaRecords::attachments(qint64 noteId, std::optional<qint64> attachmentId)
{
    const QString consequence = u"Cannot list the attachments"_s;
    QList<AttachmentEntry> entries;
    Result<void> done = m_context.transaction([&]() -> Result<void> {
        // Tokens first (a file without one gets it), then one read of the rows with them.
        auto files = m_context.exec(u"SELECT a.file_id FROM attachments a LEFT JOIN media_tokens t ON t.file_id = "
                                    "a.file_id WHERE a.note_id = ? AND t.token IS NULL"_s,
            {noteId}, consequence, mediaProcess);
        if (!files) {
            return std::unexpected(files.error());
        }
        QList<qint64> missing;
        while (files->next()) {
            missing.append(files->value(0).toLongLong());
        }
        files->finish();
        for (const qint64 fileId : std::as_const(missing)) {
            if (auto token = tokenOf(fileId); !token) {
                return std::unexpected(token.error());
            }
        }
        auto read = StoreContext::readAll(
            m_context.exec(u"SELECT a.id, a.note_id, a.uuid, a.original_filename, f.file_name, f.content_type, "
                           "length(f.bytes), a.date_created, t.token FROM attachments a JOIN files f ON f.id = "
                           "a.file_id JOIN media_tokens t ON t.file_id = a.file_id WHERE a.note_id = ? "
                           "AND (? IS NULL OR a.id = ?) ORDER BY a.id"_s,
                {noteId, fromId(attachmentId), fromId(attachmentId)}, consequence, mediaProcess),
            &readEntry);
        if (!read) {
            return std::unexpected(read.error());
        }
        entries = std::move(*read);
        return {};
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return entries;
}

Result<bool> MediaRecords::deleteAttachment(qint64 noteId, qint64 attachmentId)
{
    const QString consequence = u"Cannot delete the attachment"_s;
    const QString process = u"Core.Store/delete_attachment"_s;
    bool found = false;
    Result<void> done = m_context.transaction([&]() -> Result<void> {
        auto row = m_context.exec(u"SELECT file_id FROM attachments WHERE id = ? AND note_id = ?"_s,
            {attachmentId, noteId}, consequence, process);
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!row->next()) {
            return {};
        }
        found = true;
        const qint64 fileId = row->value(0).toLongLong();
        row->finish();
        if (auto gone = m_context.run(u"DELETE FROM attachments WHERE id = ?"_s, {attachmentId}, consequence, process);
            !gone) {
            return gone;
        }
        const auto uses = m_context.fileUses(fileId, consequence, process);
        if (!uses) {
            return std::unexpected(uses.error());
        }
        return *uses > 0 ? Result<void>() : m_context.deleteFile(fileId, consequence, process);
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return found;
}

} // namespace Notechondria
