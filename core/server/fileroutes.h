// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "routesupport.h"
#include "store.h"

#include <expected>

namespace Notechondria {

/// What the file routes and the settings avatar share: URLs of stored files and the type of an upload.
namespace Media {

/// "http://<host>/media/<token>/<name>": the URL of a stored file on this server (the Host the request came with).
[[nodiscard]] QString url(const QByteArray &host, const QString &token, const QString &fileName);
/// The file name as it appears in a media URL: letters, digits, '.', '-' and '_' kept, the rest '_'; "file" if empty.
[[nodiscard]] QString urlName(const QString &fileName);
/// The upload's media type: the part's own when it names one (not application/octet-stream), else the one its name
/// and bytes show (the apps send every file as application/octet-stream).
[[nodiscard]] QString uploadType(const MultipartPart &part);

} // namespace Media

/**
 * The file endpoints of the local server (upstream's NoteAttachment*ApiView and NoteCoverImageApiView): a note's
 * attachments under `notes/<id>/attachments/` and `notes/uuid/<uuid>/attachments/` (GET lists, POST uploads the
 * `file` part, `…/<attachment id>/` DELETE removes), `notes/<id>/cover/` (POST the `cover` part, DELETE clears), and
 * the files themselves under /media/<token>/<name> (no key: the 64-hex-digit random token is the credential; no
 * listing, 404 for anything else). Every answer's URLs load from this server.
 */
class FileRoutes : public StoreRoutes
{
public:
    using StoreRoutes::StoreRoutes;

    void registerOn(ApiRouter &router) override;

private:
    [[nodiscard]] ApiResponse listAttachments(const ApiRequest &request);
    [[nodiscard]] ApiResponse postAttachment(const ApiRequest &request);
    [[nodiscard]] ApiResponse deleteAttachment(const ApiRequest &request);
    [[nodiscard]] ApiResponse postCover(const ApiRequest &request);
    [[nodiscard]] ApiResponse deleteCover(const ApiRequest &request);
    [[nodiscard]] ApiResponse serveMedia(const QString &path) const;

    /// The live note of the path (`notes/<id>/…` or `notes/uuid/<uuid>/…`); an answer (404) when there is none.
    [[nodiscard]] std::expected<Note, ApiResponse> liveNote(const ApiRequest &request, const QString &consequence);
    /// The file of form field @p field of an upload to the live note of the path; an answer when either is missing.
    [[nodiscard]] std::expected<std::pair<Note, MultipartPart>, ApiResponse> upload(
        const ApiRequest &request, const QString &field, const QString &consequence);
    /// The attachment in upstream's attachment_payload shape.
    [[nodiscard]] static QJsonObject attachmentJson(const ApiRequest &request, const AttachmentEntry &entry);
    /// The note in upstream's NoteSummarySerializer shape, as the cover endpoints answer.
    [[nodiscard]] ApiResponse noteSummaryAnswer(qint64 noteId);
};

} // namespace Notechondria
