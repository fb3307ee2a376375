// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the media tokens of stored files and the attachment list and delete.
#pragma once

#include "error.h"
#include "store.h"

#include <optional>

namespace Notechondria {

class StoreContext;

/**
 * The files the local server serves under /media/<token>/<name>: a token (64 random hex digits, media_tokens) is made
 * the first time a file's URL is needed and deleted with the file (ON DELETE CASCADE), so a replaced or deleted file's
 * URL answers 404. Also the attachment list (no bytes) and the attachment delete, which keeps a file something else
 * still uses.
 */
class MediaRecords
{
public:
    /// @p context must outlive the records.
    explicit MediaRecords(StoreContext &context);

    /// The file of @p token, bytes included; nullopt when no file has it.
    [[nodiscard]] Result<std::optional<MediaFile>> mediaFile(const QString &token) const;
    /// The token of the note's cover file; "" when the note has no cover.
    [[nodiscard]] Result<QString> noteCoverToken(qint64 noteId);
    /// The token of the avatar file; "" when there is none.
    [[nodiscard]] Result<QString> avatarToken();
    /// The note's attachments by id (only @p attachmentId when given), each with its file's token.
    [[nodiscard]] Result<QList<AttachmentEntry>> attachments(qint64 noteId, std::optional<qint64> attachmentId);
    /// Deletes the attachment row and its file when nothing else names the file; false when the note has no such one.
    [[nodiscard]] Result<bool> deleteAttachment(qint64 noteId, qint64 attachmentId);

private:
    /// The token of file @p fileId, made now when it has none.
    [[nodiscard]] Result<QString> tokenOf(qint64 fileId);
    /// The token of the file a one-column SELECT of a file id names; "" when it names none.
    [[nodiscard]] Result<QString> tokenOfSelected(const QString &sql, const QVariantList &values);

    StoreContext &m_context;
};

} // namespace Notechondria
