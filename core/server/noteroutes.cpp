// SPDX-License-Identifier: GPL-3.0-or-later
// DataRoutes: the notes endpoints (upstream §10.3) — list, find-or-update, detail, patch, soft delete, uploads.
#include "clock.h"
#include "dataroutes.h"
#include "entityjson.h"
#include "exporter.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr int maxPageSize = 100;

ApiResponse storeFailure(const Error &error)
{
    return ApiResponse::fromError(error, 500);
}

/// Markdown from DRF-style blocks ([{"type": ..., "text"|"content": ...}]), used when no content is sent.
QString markdownFromBlocks(const QJsonArray &blocks)
{
    QStringList parts;
    for (const QJsonValue &block : blocks) {
        const QJsonObject object = block.toObject();
        const QString text = object.value(u"text"_s).toString(object.value(u"content"_s).toString());
        if (!text.isEmpty()) {
            parts.append(text);
        }
    }
    return parts.join(u"\n\n"_s);
}

bool matchesQuery(const Note &note, const QString &q)
{
    return q.isEmpty() || note.title.contains(q, Qt::CaseInsensitive) || note.content.contains(q, Qt::CaseInsensitive)
        || note.description.contains(q, Qt::CaseInsensitive);
}

} // namespace

Result<std::optional<Course>> DataRoutes::courseOf(const Note &note) const
{
    if (!note.courseId) {
        return std::optional<Course>();
    }
    return m_store->course(*note.courseId);
}

ApiResponse DataRoutes::noteAnswer(qint64 id, int status)
{
    const auto note = m_store->note(id);
    const auto profile = m_store->profile();
    if (!note || !profile) {
        return storeFailure(!note ? note.error() : profile.error());
    }
    if (!*note) {
        return ApiResponse::detail(
            500, u"Note not shown"_s, u"Core.Server.Notes/detail"_s, u"note %1 vanished after it was saved."_s.arg(id));
    }
    const auto course = courseOf(**note);
    if (!course) {
        return storeFailure(course.error());
    }
    return ApiResponse::json(EntityJson::noteDetail(**note, *course, *profile), status);
}

Result<Note> DataRoutes::liveNote(const ApiRequest &request, const QString &consequence)
{
    const qint64 id = request.segments.value(1).toLongLong();
    auto note = m_store->note(id);
    if (!note) {
        return std::unexpected(note.error());
    }
    if (!*note || (*note)->deletedAt) {
        return fail(consequence, u"Core.Server.Notes/lookup"_s, u"note %1 does not exist."_s.arg(id), 404);
    }
    return std::move(**note);
}

ApiResponse DataRoutes::listNotes(const ApiRequest &request)
{
    QJsonObject query;
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        query.insert(key, value);
    }
    RequestForm form{query, {}, false};
    FieldReader in(form);
    const QString scope
        = in.choice(u"scope"_s, {u"personal"_s, u"private"_s, u"public"_s, u"all"_s}).value_or(u"personal"_s);
    const auto limit = in.integer(u"limit"_s, 0);
    const auto offset = in.integer(u"offset"_s, 0).value_or(0);
    const QString q = in.string(u"q"_s, 200).value_or(QString()).trimmed();
    Store::NoteQuery storeQuery;
    bool uncategorized = false;
    if (in.has(u"course_id"_s)) {
        const QString course = query.value(u"course_id"_s).toString().toLower();
        if (course == u"none"_s || course == u"null"_s || course == u"uncategorized"_s) {
            uncategorized = true;
        } else {
            storeQuery.courseId = in.integer(u"course_id"_s, 1);
        }
    }
    if (!in.ok()) {
        return in.errorResponse();
    }
    const auto profile = m_store->profile();
    const auto courses = m_store->courses();
    if (!profile || !courses) {
        return storeFailure(!profile ? profile.error() : courses.error());
    }
    const bool filtersInMemory = uncategorized || !q.isEmpty() || scope == u"private"_s || scope == u"public"_s;
    const int pageSize = limit ? static_cast<int>(std::min<qint64>(*limit, maxPageSize)) : -1;
    QList<Note> notes;
    int total = 0;
    if (filtersInMemory || !limit) {
        const auto all = m_store->notes(storeQuery);
        if (!all) {
            return storeFailure(all.error());
        }
        for (const Note &note : *all) {
            if ((uncategorized && note.courseId) || !matchesQuery(note, q) || (scope == u"private"_s && note.isPublic)
                || (scope == u"public"_s && !note.isPublic)) {
                continue;
            }
            notes.append(note);
        }
        total = static_cast<int>(notes.size());
        notes = notes.mid(offset, pageSize);
    } else {
        storeQuery.limit = pageSize;
        storeQuery.offset = static_cast<int>(offset);
        const auto page = m_store->notes(storeQuery);
        storeQuery.limit = -1;
        storeQuery.offset = 0;
        const auto count = m_store->noteCount(storeQuery);
        if (!page || !count) {
            return storeFailure(!page ? page.error() : count.error());
        }
        notes = *page;
        total = *count;
    }
    QHash<qint64, Course> courseById;
    for (const Course &course : *courses) {
        courseById.insert(course.id, course);
    }
    QJsonArray results;
    for (const Note &note : std::as_const(notes)) {
        const std::optional<Course> course = note.courseId && courseById.contains(*note.courseId)
            ? std::optional<Course>(courseById.value(*note.courseId))
            : std::nullopt;
        results.append(EntityJson::noteSummary(note, course, *profile));
    }
    if (!limit) {
        return ApiResponse::json(results);
    }
    return ApiResponse::json(QJsonObject{{u"results"_s, results}, {u"total"_s, total}, {u"offset"_s, offset},
        {u"limit"_s, pageSize}, {u"has_more"_s, offset + results.size() < total}});
}

std::optional<ApiResponse> DataRoutes::applyNoteFields(
    const RequestForm &form, Note &note, bool creating, const Profile &profile)
{
    FieldReader in(form);
    if (creating) {
        in.require(u"title"_s);
    }
    const auto title = in.string(u"title"_s, 100, false);
    const auto courseId = in.integer(u"course_id"_s, 1);
    const auto description
        = in.isNull(u"description"_s) ? std::optional<QString>(QString()) : in.string(u"description"_s);
    const auto content = in.string(u"content"_s, BodyLimits::Json);
    const auto markdown = in.string(u"markdown"_s, BodyLimits::Json);
    const auto isPublic = in.boolean(u"is_public"_s);
    const auto editorMode = in.choice(u"editor_mode"_s, {u"G"_s, u"B"_s, u"P"_s});
    const auto noteType = in.choice(u"note_type"_s, {u"N"_s, u"C"_s});
    std::optional<QString> metadata;
    if (const auto raw = in.raw(u"metadata_json"_s)) {
        metadata = raw->isString() ? raw->toString()
            : raw->isNull()
            ? QString()
            : QString::fromUtf8(QJsonDocument::fromVariant(raw->toVariant()).toJson(QJsonDocument::Compact));
    }
    std::optional<QJsonObject> customMeta;
    if (in.has(u"custom_meta"_s)) {
        const QJsonValue raw = *in.raw(u"custom_meta"_s);
        if (raw.isString()) {
            const QJsonDocument parsed = QJsonDocument::fromJson(raw.toString().toUtf8());
            if (parsed.isObject() || raw.toString().trimmed().isEmpty()) {
                customMeta = parsed.object();
            } else {
                in.addError(u"custom_meta"_s, u"Value must be a JSON object."_s);
            }
        } else if (raw.isNull()) {
            customMeta = QJsonObject();
        } else {
            customMeta = in.object(u"custom_meta"_s);
        }
    }
    std::optional<QJsonArray> blocks;
    if (const auto raw = in.raw(u"blocks"_s); raw && !raw->isNull()) {
        if (!raw->isArray() || std::ranges::any_of(raw->toArray(), [](const QJsonValue &v) { return !v.isObject(); })) {
            in.addError(u"blocks"_s, u"Expected a list of items."_s);
        } else {
            blocks = raw->toArray();
        }
    }
    std::optional<QUuid> source;
    if (const auto text = in.string(u"source_note_uuid"_s, 40); text && !text->isEmpty()) {
        source = QUuid::fromString(*text);
        if (source->isNull()) {
            in.addError(u"source_note_uuid"_s, u"Must be a valid UUID."_s);
        }
    }
    if (creating) {
        if (const auto draft = in.string(u"client_draft_id"_s, 64); draft && !draft->isEmpty()) {
            note.clientDraftId = *draft;
        }
    }
    if (!in.ok()) {
        return in.errorResponse();
    }
    if (in.has(u"course_id"_s)) {
        if (auto missing = checkCourse(courseId, u"Note not saved"_s)) {
            return missing;
        }
        note.courseId = courseId;
    }
    if (title) {
        note.title = *title;
    }
    if (description) {
        note.description = *description;
    }
    if (content || markdown) {
        note.content = content ? *content : *markdown;
    } else if (blocks) {
        note.content = markdownFromBlocks(*blocks);
    }
    if (metadata) {
        note.metadataJson = *metadata;
    }
    if (customMeta) {
        note.customMeta = QString::fromUtf8(QJsonDocument(*customMeta).toJson(QJsonDocument::Compact));
    }
    if (isPublic) {
        note.isPublic = *isPublic;
    }
    if (editorMode) {
        note.editorMode = *editorMode;
    } else if (creating) {
        note.editorMode = profile.editorMode.isEmpty() ? u"G"_s : profile.editorMode;
    }
    if (creating && note.id == 0) {
        note.noteType = noteType.value_or(u"N"_s);
        note.sourceNoteUuid = source;
    }
    note.lastEdit = m_clock->now();
    return std::nullopt;
}

ApiResponse DataRoutes::postNote(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    const auto profile = m_store->profile();
    if (!profile) {
        return storeFailure(profile.error());
    }
    Note note;
    int status = 201;
    const QJsonValue draft = form->fields.value(u"client_draft_id"_s);
    if (draft.isString() && !draft.toString().isEmpty() && draft.toString().size() <= 64) {
        const auto existing = m_store->noteByClientDraftId(draft.toString());
        if (!existing) {
            return storeFailure(existing.error());
        }
        if (*existing) {
            note = **existing;
            status = 200;
        }
    }
    if (auto rejected = applyNoteFields(*form, note, true, *profile)) {
        return *rejected;
    }
    if (status == 200) {
        note.deletedAt.reset(); // find-or-update takes the note out of the recycle bin
    } else {
        note.dateCreated = m_clock->now();
    }
    const auto saved = m_store->saveNote(note);
    if (!saved) {
        return storeFailure(saved.error());
    }
    return noteAnswer(saved->id, status);
}

ApiResponse DataRoutes::getNote(const ApiRequest &request)
{
    const auto note = liveNote(request, u"Note not shown"_s);
    if (!note) {
        return ApiResponse::fromError(note.error(), 500);
    }
    return noteAnswer(note->id, 200);
}

ApiResponse DataRoutes::patchNote(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    auto note = liveNote(request, u"Note not saved"_s);
    const auto profile = m_store->profile();
    if (!note || !profile) {
        return ApiResponse::fromError(!note ? note.error() : profile.error(), 500);
    }
    if (auto rejected = applyNoteFields(*form, *note, false, *profile)) {
        return *rejected;
    }
    const auto saved = m_store->saveNote(*note);
    if (!saved) {
        return storeFailure(saved.error());
    }
    return noteAnswer(saved->id, 200);
}

ApiResponse DataRoutes::deleteNote(const ApiRequest &request)
{
    const auto note = liveNote(request, u"Note not deleted"_s);
    if (!note) {
        return ApiResponse::fromError(note.error(), 500);
    }
    if (const auto deleted = m_store->softDeleteNote(note->id); !deleted) {
        return storeFailure(deleted.error());
    }
    return ApiResponse{204, {}, "application/json"};
}

ApiResponse DataRoutes::postCover(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    const auto note = liveNote(request, u"Cover not saved"_s);
    if (!note) {
        return ApiResponse::fromError(note.error(), 500);
    }
    if (!form->files.contains(u"cover"_s)) {
        return ApiResponse::fieldErrors({{u"cover"_s, {u"No file was submitted."_s}}});
    }
    const MultipartPart &part = form->files[u"cover"_s];
    if (part.body.isEmpty() || !part.contentType.startsWith("image/") || !isPathComponent(part.fileName)) {
        return ApiResponse::fieldErrors({{u"cover"_s,
            {u"Upload a valid image with a plain file name. The file you uploaded was either not an image or a corrupted image."_s}}});
    }
    const auto saved
        = m_store->setNoteCover(note->id, StoredFile{part.fileName, QString::fromLatin1(part.contentType), part.body});
    if (!saved) {
        return storeFailure(saved.error());
    }
    return noteAnswer(note->id, 200);
}

ApiResponse DataRoutes::postAttachment(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    const auto note = liveNote(request, u"Attachment not saved"_s);
    if (!note) {
        return ApiResponse::fromError(note.error(), 500);
    }
    if (!form->files.contains(u"file"_s)) {
        return ApiResponse::fieldErrors({{u"file"_s, {u"No file was submitted."_s}}});
    }
    const MultipartPart &part = form->files[u"file"_s];
    if (part.body.isEmpty()) {
        return ApiResponse::fieldErrors({{u"file"_s, {u"The submitted file is empty."_s}}});
    }
    if (!isPathComponent(part.fileName)) {
        return ApiResponse::fieldErrors({{u"file"_s, {u"The file name is not a plain file name."_s}}});
    }
    Attachment attachment;
    attachment.originalFilename = part.fileName;
    attachment.file = StoredFile{part.fileName, QString::fromLatin1(part.contentType), part.body};
    const auto saved = m_store->addAttachment(note->id, attachment);
    if (!saved) {
        return storeFailure(saved.error());
    }
    return ApiResponse::json(EntityJson::attachment(*saved), 201);
}

} // namespace Notechondria
