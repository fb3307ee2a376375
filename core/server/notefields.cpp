// SPDX-License-Identifier: GPL-3.0-or-later
#include "notefields.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

/// Markdown from DRF-style blocks ([{"type": ..., "text"|"content": ...}]), used when no content is sent.
QString markdownFromBlocks(const QJsonArray &blocks)
{
    QStringList parts;
    for (const auto &block : blocks) {
        const QJsonObject object = block.toObject();
        const QString text = object.value(u"text"_s).toString(object.value(u"content"_s).toString());
        if (!text.isEmpty()) {
            parts.append(text);
        }
    }
    return parts.join(u"\n\n"_s);
}

/// metadata_json: a string as sent, null as "", anything else as compact JSON.
std::optional<QString> readMetadata(const FieldReader &in)
{
    const auto raw = in.raw(u"metadata_json"_s);
    if (!raw) {
        return std::nullopt;
    }
    if (raw->isString()) {
        return raw->toString();
    }
    if (raw->isNull()) {
        return QString();
    }
    return QString::fromUtf8(QJsonDocument::fromVariant(raw->toVariant()).toJson(QJsonDocument::Compact));
}

/// custom_meta: an object, a string holding one (blank is empty), or null (empty).
std::optional<QJsonObject> readCustomMeta(FieldReader &in)
{
    if (!in.has(u"custom_meta"_s)) {
        return std::nullopt;
    }
    const QJsonValue raw = *in.raw(u"custom_meta"_s);
    if (raw.isNull()) {
        return QJsonObject();
    }
    if (!raw.isString()) {
        return in.object(u"custom_meta"_s);
    }
    const QJsonDocument parsed = QJsonDocument::fromJson(raw.toString().toUtf8());
    if (parsed.isObject() || raw.toString().trimmed().isEmpty()) {
        return parsed.object();
    }
    in.addError(u"custom_meta"_s, u"Value must be a JSON object."_s);
    return std::nullopt;
}

/// blocks: a list of objects (null is absent).
std::optional<QJsonArray> readBlocks(FieldReader &in)
{
    const auto raw = in.raw(u"blocks"_s);
    if (!raw || raw->isNull()) {
        return std::nullopt;
    }
    if (!raw->isArray() || std::ranges::any_of(raw->toArray(), [](const QJsonValue &v) { return !v.isObject(); })) {
        in.addError(u"blocks"_s, u"Expected a list of items."_s);
        return std::nullopt;
    }
    return raw->toArray();
}

/// source_note_uuid: a UUID (blank is absent).
std::optional<QUuid> readSourceNoteUuid(FieldReader &in)
{
    const auto text = in.string(u"source_note_uuid"_s, 40);
    if (!text || text->isEmpty()) {
        return std::nullopt;
    }
    const QUuid source = QUuid::fromString(*text);
    if (source.isNull()) {
        in.addError(u"source_note_uuid"_s, u"Must be a valid UUID."_s);
    }
    return source;
}

} // namespace

std::expected<NoteFields, ApiResponse> NoteFields::read(const RequestForm &form, bool creating)
{
    FieldReader in(form);
    if (creating) {
        in.require(u"title"_s);
    }
    NoteFields fields;
    fields.title = in.string(u"title"_s, 100, false);
    if (const auto courseId = in.integer(u"course_id"_s, 1); in.has(u"course_id"_s)) {
        fields.courseId = courseId;
    }
    fields.description = in.isNull(u"description"_s) ? std::optional<QString>(QString()) : in.string(u"description"_s);
    fields.content = in.string(u"content"_s, BodyLimits::Json);
    fields.markdown = in.string(u"markdown"_s, BodyLimits::Json);
    fields.isPublic = in.boolean(u"is_public"_s);
    fields.editorMode = in.choice(u"editor_mode"_s, {u"G"_s, u"B"_s, u"P"_s});
    fields.noteType = in.choice(u"note_type"_s, {u"N"_s, u"C"_s});
    fields.metadata = readMetadata(in);
    fields.customMeta = readCustomMeta(in);
    fields.blocks = readBlocks(in);
    fields.sourceNoteUuid = readSourceNoteUuid(in);
    if (creating) {
        if (const auto draft = in.string(u"client_draft_id"_s, 64); draft && !draft->isEmpty()) {
            fields.clientDraftId = *draft;
        }
    }
    if (!in.ok()) {
        return std::unexpected(in.errorResponse());
    }
    return fields;
}

void NoteFields::applyTo(Note &note, bool creating, const Profile &profile) const
{
    if (clientDraftId) {
        note.clientDraftId = *clientDraftId;
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
        note.sourceNoteUuid = sourceNoteUuid;
    }
}

} // namespace Notechondria
