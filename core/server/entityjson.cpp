// SPDX-License-Identifier: GPL-3.0-or-later
#include "entityjson.h"

#include "apirequest.h"
#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Notechondria::EntityJson {

namespace {

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QString uuidText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

QJsonObject owner(const Profile &profile)
{
    return {{u"id"_s, 1}, {u"username"_s, profile.username}, {u"display_name"_s, profile.displayName},
        {u"image_url"_s, profile.imageUrl}, {u"avatar_url"_s, profile.imageUrl}};
}

} // namespace

QJsonValue dateTime(const std::optional<QDateTime> &time)
{
    if (!time || !time->isValid()) {
        return QJsonValue();
    }
    return isoDateTime(*time);
}

QJsonObject settings(const Profile &profile, const QString &apiKeyPrefix)
{
    return {
        {u"username"_s, profile.username},
        {u"first_name"_s, profile.firstName},
        {u"last_name"_s, profile.lastName},
        {u"email"_s, profile.email},
        {u"is_staff"_s, false},
        {u"is_superuser"_s, false},
        {u"motto"_s, profile.motto},
        {u"social_link"_s, profile.socialLink},
        {u"display_name"_s, profile.displayName},
        {u"image_url"_s, profile.imageUrl},
        {u"avatar_url"_s, profile.imageUrl},
        {u"image_upload_url"_s, QString()},
        {u"editor_mode"_s, profile.editorMode},
        {u"theme_preset"_s, profile.themePreset},
        {u"theme_mode"_s, profile.themeMode},
        {u"api_key_prefix"_s, apiKeyPrefix},
        {u"api_base_url"_s, profile.apiBaseUrl},
        {u"mcp_skill_md"_s, profile.mcpSkillMd},
        {u"uncategorized_folder_name"_s,
            profile.uncategorizedFolderName.isEmpty() ? u"Inbox"_s : profile.uncategorizedFolderName},
        {u"casdoor_linked"_s, false},
        {u"casdoor_profile_synced_at"_s, QJsonValue()},
        {u"app_settings"_s, parseObject(profile.appSettingsJson)},
        {u"app_settings_updated_at"_s, dateTime(profile.appSettingsUpdatedAt)},
        {u"last_seen_versions"_s, parseObject(profile.lastSeenVersionsJson)},
    };
}

QJsonObject course(const Course &course, const Profile &owner)
{
    return {
        {u"id"_s, course.id},
        {u"client_course_id"_s, orNull(course.clientCourseId)},
        {u"slug"_s, course.slug},
        {u"title"_s, course.title},
        {u"description"_s, course.description},
        {u"cover_image_url"_s, course.coverImageUrl},
        {u"icon"_s, course.icon ? QJsonValue(*course.icon) : QJsonValue()},
        {u"sort_order"_s, course.sortOrder},
        {u"owner"_s, EntityJson::owner(owner)},
        {u"subscriber_count"_s, 0},
        {u"is_subscribed"_s, false},
        {u"is_private_subscription"_s, false},
        {u"last_opened_at"_s, QJsonValue()},
        {u"recent_notes"_s, QJsonArray()},
        {u"media"_s, QJsonArray()},
    };
}

namespace {

QJsonObject summaryObject(
    const Note &note, const NotePreview &preview, const std::optional<Course> &course, const Profile &author)
{
    JsonWriter out;
    writeNoteSummary(out, note, preview, course, author);
    return QJsonDocument::fromJson(out.take()).object();
}

} // namespace

void writeNoteSummary(JsonWriter &out, const Note &note, const NotePreview &preview,
    const std::optional<Course> &course, const Profile &author)
{
    // Keys in sorted order: the bytes QJsonDocument would write for the same object.
    const auto optionalText = [&](QLatin1StringView key, const std::optional<QString> &text) {
        out.key(key);
        text ? out.value(*text) : out.null();
    };
    out.beginObject();
    out.key("author"_L1).beginObject();
    out.key("avatar_url"_L1).value(author.imageUrl).key("display_name"_L1).value(author.displayName);
    out.key("id"_L1).value(qint64(1)).key("image_url"_L1).value(author.imageUrl);
    out.key("username"_L1).value(author.username).endObject();
    optionalText("client_draft_id"_L1, note.clientDraftId);
    out.key("course"_L1);
    if (course) {
        out.beginObject().key("id"_L1).value(course->id).key("slug"_L1).value(course->slug);
        out.key("title"_L1).value(course->title).endObject();
    } else {
        out.null();
    }
    out.key("course_id"_L1);
    note.courseId ? out.value(*note.courseId) : out.null();
    out.key("cover_image_url"_L1).value(note.coverImageUrl);
    out.key("date_created"_L1).value(isoDateTime(note.dateCreated));
    out.key("description"_L1).value(note.description).key("editor_mode"_L1).value(note.editorMode);
    out.key("excerpt"_L1).value(preview.excerpt).key("id"_L1).value(note.id);
    out.key("is_public"_L1).value(note.isPublic).key("last_edit"_L1).value(isoDateTime(note.lastEdit));
    out.key("note_type"_L1).value(note.noteType).key("preview_lines"_L1).beginArray();
    for (const QString &line : preview.lines) {
        out.value(line);
    }
    out.endArray();
    optionalText("source_note_uuid"_L1,
        note.sourceNoteUuid ? std::optional<QString>(uuidText(*note.sourceNoteUuid)) : std::nullopt);
    out.key("title"_L1).value(note.title).key("uuid"_L1).value(uuidText(note.uuid));
    out.endObject();
}

QJsonObject noteSummary(const NoteSummary &summary, const std::optional<Course> &course, const Profile &author)
{
    return summaryObject(summary.note, summary.preview, course, author);
}

QJsonObject noteDetail(const Note &note, const std::optional<Course> &course, const Profile &author)
{
    QJsonObject object = summaryObject(note, NotePreview::of(note.content), course, author);
    object.insert(u"blocks"_s, QJsonArray());
    object.insert(u"content"_s, note.content);
    object.insert(u"metadata_json"_s, note.metadataJson);
    object.insert(u"custom_meta"_s, parseObject(note.customMeta));
    object.insert(u"git_path"_s, QString(u"notes/"_s % note.uuid.toString(QUuid::Id128) % u".md"_s));
    QJsonArray attachments;
    for (const Attachment &item : note.attachments) {
        attachments.append(attachment(item));
    }
    object.insert(u"attachments"_s, attachments);
    return object;
}

QJsonObject attachment(const Attachment &attachment)
{
    return {{u"id"_s, attachment.id}, {u"uuid"_s, uuidText(attachment.uuid)},
        {u"original_filename"_s, attachment.originalFilename}, {u"size"_s, attachment.file.bytes.size()},
        {u"content_type"_s, attachment.file.contentType}};
}

QJsonObject event(const PlannerEvent &event)
{
    std::optional<QDateTime> starts = event.startsAt;
    std::optional<QDateTime> ends = event.endsAt;
    if (!starts) {
        starts = QDateTime(event.eventDate, QTime(12, 0), QTimeZone::UTC);
        ends = starts->addSecs(3600);
    }
    return {
        {u"id"_s, event.id},
        {u"title"_s, event.title},
        {u"event_date"_s, event.eventDate.toString(Qt::ISODate)},
        {u"starts_at"_s, dateTime(starts)},
        {u"ends_at"_s, dateTime(ends)},
        {u"difficulty_weight"_s, event.difficultyWeight},
        {u"description"_s, event.description},
        {u"course_id"_s, event.courseId ? QJsonValue(*event.courseId) : QJsonValue()},
        {u"is_completed"_s, event.isCompleted},
        {u"completed_at"_s, dateTime(event.completedAt)},
        {u"recurrence_freq"_s, event.recurrenceFreq},
        {u"recurrence_interval"_s, event.recurrenceInterval},
        {u"recurrence_end_date"_s,
            event.recurrenceEndDate ? QJsonValue(event.recurrenceEndDate->toString(Qt::ISODate)) : QJsonValue()},
        {u"recurrence_count"_s, event.recurrenceCount ? QJsonValue(*event.recurrenceCount) : QJsonValue()},
    };
}

QJsonObject feed(const CalendarFeed &feed)
{
    return {
        {u"id"_s, feed.id},
        {u"title"_s, feed.title},
        {u"source_kind"_s, feed.sourceKind},
        {u"source_url"_s, feed.sourceUrl},
        {u"is_enabled"_s, feed.isEnabled},
        {u"course_id"_s, feed.courseId ? QJsonValue(*feed.courseId) : QJsonValue()},
        {u"last_sync"_s, dateTime(feed.lastSync)},
        {u"date_created"_s, dateTime(feed.dateCreated)},
        {u"last_edit"_s, dateTime(feed.lastEdit)},
    };
}

QJsonObject run(const PushRun &run)
{
    return {
        {u"id"_s, run.id},
        {u"started_at"_s, isoDateTime(run.startedAt)},
        {u"duration_ms"_s, run.durationMs},
        {u"added"_s, run.added},
        {u"changed"_s, run.changed},
        {u"deleted"_s, run.deleted},
        {u"bytes"_s, run.bytes},
        {u"requests"_s, run.requests},
        {u"commit_sha"_s, run.commitSha},
        {u"outcome"_s, run.outcome},
        {u"message"_s, redactSecrets(run.message)},
    };
}

} // namespace Notechondria::EntityJson
