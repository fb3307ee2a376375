// SPDX-License-Identifier: GPL-3.0-or-later
// The notes of a backup (notes/<uuid>.meta.json and .md, loose .md files) and its recycle bin.
#include "backupreader_p.h"
#include "exporter.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Notechondria::BackupReading {

namespace {

bool frontmatterBool(const QVariant &value)
{
    return value.typeId() == QMetaType::Bool ? value.toBool() : value.toString() == u"true"_s;
}

// Schema 1 backups come from the web backend: its line-based frontmatter, where a backslash is literal.
FrontmatterDialect dialectOf(const Backup &backup)
{
    return backup.schemaVersion == 1 ? FrontmatterDialect::UpstreamLines : FrontmatterDialect::Auto;
}

void applyFrontmatter(const ParsedNoteFile &parsed, const QHash<QString, qint64> &courseIds, Note &note)
{
    const QVariantMap &fm = parsed.frontmatter;
    note.title = fm.value(u"title"_s).toString();
    note.isPublic = frontmatterBool(fm.value(u"is_public"_s));
    note.editorMode = fm.value(u"editor_mode"_s, u"P"_s).toString();
    note.lastEdit = QDateTime::fromString(fm.value(u"last_edit"_s).toString(), Qt::ISODateWithMs).toUTC();
    note.dateCreated = QDateTime::fromString(fm.value(u"date_created"_s).toString(), Qt::ISODateWithMs).toUTC();
    const QString slug = fm.value(u"course_slug"_s).toString();
    if (!slug.isEmpty() && courseIds.contains(slug)) {
        note.courseId = courseIds.value(slug);
    }
    note.content = parsed.body;
}

void readNote(BackupSource &reader, const QString &metaPath, Backup &backup, const QHash<QString, qint64> &courseIds)
{
    const auto meta = reader.readObject(metaPath);
    if (!meta) {
        return;
    }
    const QString stem = QFileInfo(metaPath).fileName().chopped(int(qstrlen(".meta.json")));
    Note note;
    note.uuid = QUuid::fromString(text(*meta, u"uuid"_s));
    if (note.uuid.isNull()) {
        note.uuid = QUuid::fromString(stem.size() == 32 ? stem.left(8) + u'-' + stem.mid(8, 4) + u'-' + stem.mid(12, 4)
                    + u'-' + stem.mid(16, 4) + u'-' + stem.mid(20)
                                                        : QString());
    }
    if (note.uuid.isNull() || note.uuid.toString(QUuid::Id128) != stem) {
        reader.problem(metaPath, u"the file name is not the note's uuid"_s);
        return;
    }
    note.id = meta->value(u"id"_s).toInteger();
    note.sharingId = QUuid::fromString(text(*meta, u"sharing_id"_s));
    note.description = text(*meta, u"description"_s);
    note.metadataJson = jsonText(meta->value(u"metadata_json"_s));
    note.customMeta = jsonText(meta->value(u"custom_meta"_s));
    if (meta->value(u"client_draft_id"_s).isString()) {
        note.clientDraftId = meta->value(u"client_draft_id"_s).toString();
    }
    note.noteType = meta->value(u"note_type"_s).toString(u"N"_s);
    const QUuid source = QUuid::fromString(text(*meta, u"source_note_uuid"_s));
    if (!source.isNull()) {
        note.sourceNoteUuid = source;
    }
    note.coverImageUrl = text(*meta, u"cover_image_url"_s);

    const QString markdownPath = u"notes/"_s + stem + u".md"_s;
    const auto markdown = reader.read(markdownPath);
    if (!markdown) {
        if (!reader.exists(markdownPath)) {
            reader.problem(markdownPath, u"missing; the note is restored without content"_s);
        }
    } else if (const auto parsed = parseNoteMarkdown(*markdown, dialectOf(backup))) {
        applyFrontmatter(*parsed, courseIds, note);
    } else {
        reader.problem(markdownPath, parsed.error().cause);
    }
    if (note.title.isEmpty()) {
        note.title = note.uuid.toString(QUuid::WithoutBraces);
    }
    backup.account.notes.append(note);
}

/// A notes/<name>.md without its .meta.json: restored as a note when its frontmatter names the uuid, else reported.
void readLooseMarkdown(
    BackupSource &reader, const QString &path, Backup &backup, const QHash<QString, qint64> &courseIds)
{
    const auto markdown = reader.read(path);
    if (!markdown) {
        return;
    }
    const auto parsed = parseNoteMarkdown(*markdown, dialectOf(backup));
    if (!parsed) {
        reader.problem(path, u"no .meta.json and "_s + parsed.error().cause);
        return;
    }
    Note note;
    note.uuid = QUuid::fromString(parsed->frontmatter.value(u"uuid"_s).toString());
    const QString stem = QFileInfo(path).completeBaseName();
    if (note.uuid.isNull()) {
        reader.problem(path, u"no .meta.json and no uuid in its frontmatter; the note is not restored"_s);
        return;
    }
    if (stem.size() == 32 && stem != note.uuid.toString(QUuid::Id128)) {
        reader.problem(path, u"the file name is not the note's uuid"_s);
        return;
    }
    if (std::ranges::any_of(backup.account.notes, [&note](const Note &other) { return other.uuid == note.uuid; })) {
        reader.problem(path, u"another note of the backup has the same uuid; this one is not restored"_s);
        return;
    }
    applyFrontmatter(*parsed, courseIds, note);
    if (note.title.isEmpty()) {
        note.title = stem;
    }
    backup.account.notes.append(note);
}

} // namespace

void readNotes(BackupSource &reader, Backup &backup, const QHash<QString, qint64> &courseIds)
{
    for (const QString &metaPath : reader.list(u"notes"_s, u".meta.json"_s)) {
        readNote(reader, metaPath, backup, courseIds);
    }
    for (const QString &path : reader.list(u"notes"_s, u".md"_s)) {
        if (!reader.exists(path.chopped(3) + u".meta.json"_s)) {
            readLooseMarkdown(reader, path, backup, courseIds);
        }
    }
}

void readRecycleBin(BackupSource &reader, Backup &backup)
{
    const auto bin = reader.readObject(u"recycle_bin.json"_s);
    if (!bin) {
        return;
    }
    for (const auto &value : bin->value(u"notes"_s).toArray()) {
        const QJsonObject object = value.toObject();
        Note note;
        note.uuid = QUuid::fromString(text(object, u"uuid"_s));
        if (note.uuid.isNull()) {
            reader.problem(u"recycle_bin.json"_s, u"an entry has no valid uuid"_s);
            continue;
        }
        note.title = text(object, u"title"_s);
        note.deletedAt = dateTime(object.value(u"deleted_at"_s));
        if (!note.deletedAt) {
            note.deletedAt = QDateTime::fromSecsSinceEpoch(0, QTimeZone::UTC);
        }
        backup.account.notes.append(note);
    }
}

} // namespace Notechondria::BackupReading
