// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileroutes.h"

#include "apirouter.h"
#include "clock.h"
#include "entityjson.h"
#include "exporter.h"

#include <QJsonArray>
#include <QMimeDatabase>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

/// A media type without parameters, e.g. "image/png": what a stored type must be to be sent as Content-Type.
bool isPlainMediaType(const QString &type)
{
    static const QRegularExpression plain(u"^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$"_s);
    return type.size() <= 100 && plain.match(type).hasMatch();
}

/// The Content-Type a stored file is served with: its stored type when that is a plain one, else what its name and
/// bytes show.
QByteArray servedType(const MediaFile &file)
{
    const QString stored = file.contentType.trimmed().toLower();
    if (isPlainMediaType(stored) && stored != u"application/octet-stream"_s) {
        return stored.toLatin1();
    }
    return QMimeDatabase().mimeTypeForFileNameAndData(file.fileName, file.bytes).name().toLatin1();
}

/// Types a browser would run as a page (scripts): sent as a download, never shown inline.
bool isActiveType(const QByteArray &type)
{
    return type.contains("html") || type.contains("xml") || type.contains("javascript") || type == "text/css";
}

ApiResponse mediaNotFound()
{
    return ApiResponse::detail(404, u"File not found"_s, u"Core.Server/media"_s, u"no file has this address."_s);
}

/// The token and name of "/media/<token>/<name>"; nullopt for any other path.
std::optional<std::pair<QString, QString>> mediaPath(const QString &path)
{
    const QStringList parts = path.split(u'/');
    if (parts.size() != 4 || !parts[0].isEmpty() || parts[1] != u"media"_s) {
        return std::nullopt;
    }
    static const QRegularExpression token(u"^[0-9a-f]{64}$"_s);
    if (!token.match(parts[2]).hasMatch() || parts[3].isEmpty() || Media::urlName(parts[3]) != parts[3]) {
        return std::nullopt;
    }
    return std::pair{parts[2], parts[3]};
}

bool isUuidPath(const ApiRequest &request)
{
    return request.segments.value(1) == u"uuid"_s;
}

} // namespace

// --- Media ---------------------------------------------------------------------------------------------------------

QString Media::urlName(const QString &fileName)
{
    QString name;
    name.reserve(std::min<qsizetype>(fileName.size(), 100));
    for (const QChar c : fileName.left(100)) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.'
            || c == u'-' || c == u'_';
        name += plain ? c : u'_';
    }
    if (name.isEmpty() || name.startsWith(u'.')) {
        name.prepend(u"file"_s);
    }
    return name;
}

QString Media::url(const QByteArray &host, const QString &token, const QString &fileName)
{
    return u"http://%1/media/%2/%3"_s.arg(QString::fromLatin1(host), token, urlName(fileName));
}

QString Media::uploadType(const MultipartPart &part)
{
    QString declared = QString::fromLatin1(part.contentType).trimmed().toLower();
    if (isPlainMediaType(declared) && declared != u"application/octet-stream"_s) {
        return declared;
    }
    return QMimeDatabase().mimeTypeForFileNameAndData(part.fileName, part.body).name();
}

// --- routes --------------------------------------------------------------------------------------------------------

void FileRoutes::registerOn(ApiRouter &router)
{
    for (const QString &note : {u"notes/<id>"_s, u"notes/uuid/<uuid>"_s}) {
        router.addRoute(note + u"/attachments"_s, Method::Get, std::bind_front(&FileRoutes::listAttachments, this));
        router.addRoute(note + u"/attachments"_s, Method::Post, std::bind_front(&FileRoutes::postAttachment, this));
        router.addRoute(
            note + u"/attachments/<id>"_s, Method::Delete, std::bind_front(&FileRoutes::deleteAttachment, this));
    }
    router.addRoute(u"notes/<id>/cover"_s, Method::Post, std::bind_front(&FileRoutes::postCover, this));
    router.addRoute(u"notes/<id>/cover"_s, Method::Delete, std::bind_front(&FileRoutes::deleteCover, this));
    router.setMediaHandler(std::bind_front(&FileRoutes::serveMedia, this));
}

std::expected<Note, ApiResponse> FileRoutes::liveNote(const ApiRequest &request, const QString &consequence)
{
    const bool byUuid = isUuidPath(request);
    const QString named = byUuid ? request.uuidSegment(2) : request.segments.value(1);
    auto note = byUuid ? m_store->noteByUuid(QUuid::fromString(named)) : m_store->note(named.toLongLong());
    if (!note) {
        return std::unexpected(storeFailure(note.error()));
    }
    if (!*note || (*note)->deletedAt) {
        return std::unexpected(ApiResponse::detail(
            404, consequence, u"Core.Server.Notes/lookup"_s, u"note %1 does not exist."_s.arg(named)));
    }
    return std::move(**note);
}

std::expected<std::pair<Note, MultipartPart>, ApiResponse> FileRoutes::upload(
    const ApiRequest &request, const QString &field, const QString &consequence)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return std::unexpected(ApiResponse::fromError(form.error()));
    }
    auto note = liveNote(request, consequence);
    if (!note) {
        return std::unexpected(note.error());
    }
    if (!form->files.contains(field)) {
        return std::unexpected(ApiResponse::fieldErrors({{field, {u"No file was submitted."_s}}}));
    }
    return std::pair{std::move(*note), form->files.value(field)};
}

QJsonObject FileRoutes::attachmentJson(const ApiRequest &request, const AttachmentEntry &entry)
{
    return {{u"id"_s, entry.id}, {u"note_id"_s, entry.noteId}, {u"uuid"_s, entry.uuid.toString(QUuid::WithoutBraces)},
        {u"original_filename"_s, entry.originalFilename}, {u"file_size"_s, entry.size}, {u"size"_s, entry.size},
        {u"content_type"_s, entry.contentType}, {u"url"_s, Media::url(request.host, entry.mediaToken, entry.fileName)},
        {u"date_created"_s, EntityJson::dateTime(entry.dateCreated)}};
}

// --- attachments ---------------------------------------------------------------------------------------------------

ApiResponse FileRoutes::listAttachments(const ApiRequest &request)
{
    const auto note = liveNote(request, u"Attachments not listed"_s);
    if (!note) {
        return note.error();
    }
    const auto entries = m_store->attachmentEntries(note->id);
    if (!entries) {
        return storeFailure(entries.error());
    }
    QJsonArray list;
    for (const AttachmentEntry &entry : *entries) {
        list.append(attachmentJson(request, entry));
    }
    return ApiResponse::json(list);
}

ApiResponse FileRoutes::postAttachment(const ApiRequest &request)
{
    const auto upload = this->upload(request, u"file"_s, u"Attachment not saved"_s);
    if (!upload) {
        return upload.error();
    }
    const auto &[note, part] = *upload;
    if (part.body.isEmpty()) {
        return ApiResponse::fieldErrors({{u"file"_s, {u"The submitted file is empty."_s}}});
    }
    if (!isPathComponent(part.fileName)) {
        return ApiResponse::fieldErrors({{u"file"_s, {u"The file name is not a plain file name."_s}}});
    }
    Attachment attachment;
    attachment.originalFilename = part.fileName;
    attachment.file = StoredFile{part.fileName, Media::uploadType(part), part.body};
    const auto saved = m_store->addAttachment(note.id, attachment);
    if (!saved) {
        return storeFailure(saved.error());
    }
    const auto entries = m_store->attachmentEntries(note.id, saved->id);
    if (!entries || entries->isEmpty()) {
        return entries ? ApiResponse::detail(500, u"Attachment not shown"_s, u"Core.Server.Files/upload"_s,
                             u"the attachment vanished after it was saved."_s)
                       : storeFailure(entries.error());
    }
    return ApiResponse::json(attachmentJson(request, entries->first()), 201);
}

ApiResponse FileRoutes::deleteAttachment(const ApiRequest &request)
{
    const auto note = liveNote(request, u"Attachment not deleted"_s);
    if (!note) {
        return note.error();
    }
    const qint64 attachmentId = request.segments.value(isUuidPath(request) ? 4 : 3).toLongLong();
    const auto deleted = m_store->deleteAttachment(note->id, attachmentId);
    if (!deleted) {
        return storeFailure(deleted.error());
    }
    if (!*deleted) {
        return ApiResponse::detail(404, u"Attachment not deleted"_s, u"Core.Server.Files/delete"_s,
            u"note %1 has no attachment %2."_s.arg(note->id).arg(attachmentId));
    }
    return ApiResponse{204, {}, "application/json"};
}

// --- cover ---------------------------------------------------------------------------------------------------------

ApiResponse FileRoutes::noteSummaryAnswer(qint64 noteId)
{
    const auto note = m_store->note(noteId);
    const auto profile = m_store->profile();
    if (!note || !profile) {
        return storeFailure(!note ? note.error() : profile.error());
    }
    if (!*note) {
        return ApiResponse::detail(500, u"Note not shown"_s, u"Core.Server.Files/cover"_s,
            u"note %1 vanished after it was saved."_s.arg(noteId));
    }
    const std::optional<qint64> courseId = (*note)->courseId;
    const auto course = courseId ? m_store->course(*courseId) : Result<std::optional<Course>>(std::nullopt);
    if (!course) {
        return storeFailure(course.error());
    }
    const NoteSummary summary{**note, NotePreview::of((*note)->content)};
    return ApiResponse::json(EntityJson::noteSummary(summary, *course, *profile));
}

ApiResponse FileRoutes::postCover(const ApiRequest &request)
{
    const auto upload = this->upload(request, u"cover"_s, u"Cover not saved"_s);
    if (!upload) {
        return upload.error();
    }
    auto [note, part] = *upload;
    const QString type = Media::uploadType(part);
    if (part.body.isEmpty() || !type.startsWith(u"image/"_s) || !isPathComponent(part.fileName)) {
        return ApiResponse::fieldErrors({{u"cover"_s,
            {u"Upload a valid image with a plain file name. The file you uploaded was either not an image or a corrupted image."_s}}});
    }
    const auto saved = m_store->transaction([&]() -> Result<void> {
        if (auto set = m_store->setNoteCover(note.id, StoredFile{part.fileName, type, part.body}); !set) {
            return set;
        }
        const auto token = m_store->noteCoverToken(note.id);
        if (!token) {
            return std::unexpected(token.error());
        }
        note.coverImageUrl = Media::url(request.host, *token, part.fileName);
        note.lastEdit = m_clock->now();
        return m_store->saveNote(note).transform([](const Note &) { });
    });
    if (!saved) {
        return storeFailure(saved.error());
    }
    return noteSummaryAnswer(note.id);
}

ApiResponse FileRoutes::deleteCover(const ApiRequest &request)
{
    auto note = liveNote(request, u"Cover not cleared"_s);
    if (!note) {
        return note.error();
    }
    if (!note->cover.isEmpty() || !note->coverImageUrl.isEmpty()) {
        const auto cleared = m_store->transaction([&]() -> Result<void> {
            if (auto set = m_store->setNoteCover(note->id, StoredFile{}); !set) {
                return set;
            }
            note->coverImageUrl.clear();
            note->lastEdit = m_clock->now();
            return m_store->saveNote(*note).transform([](const Note &) { });
        });
        if (!cleared) {
            return storeFailure(cleared.error());
        }
    }
    return noteSummaryAnswer(note->id);
}

// --- /media/ -------------------------------------------------------------------------------------------------------

ApiResponse FileRoutes::serveMedia(const QString &path) const
{
    const auto named = mediaPath(path);
    if (!named) {
        return mediaNotFound();
    }
    const auto file = m_store->mediaFile(named->first);
    if (!file) {
        return storeFailure(file.error());
    }
    if (!*file || Media::urlName((*file)->fileName) != named->second) {
        return mediaNotFound();
    }
    ApiResponse answer{200, (*file)->bytes, servedType(**file)};
    // A page among the files could not act as this server's origin: sandboxed, and active types only as downloads.
    answer.headers.append(std::pair<QByteArray, QByteArray>(
        "Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:"));
    const QByteArray disposition = isActiveType(answer.contentType) ? "attachment" : "inline";
    answer.headers.append(std::pair<QByteArray, QByteArray>(
        "Content-Disposition", disposition + "; filename=\"" + named->second.toLatin1() + '"'));
    return answer;
}

} // namespace Notechondria
