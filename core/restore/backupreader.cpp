// SPDX-License-Identifier: GPL-3.0-or-later
// readBackup(): the manifest, profile, courses, planner and assets of a backup; the notes are read in backupnotes.cpp.
#include "backupreader.h"

#include "backupreader_p.h"
#include "exporter.h"
#include "logging.h"

#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace BackupReading;

namespace {

void readProfile(BackupSource &reader, Profile &profile)
{
    if (const auto creator = reader.readObject(u"profile/creator.json"_s)) {
        profile.username = text(*creator, u"username"_s);
        profile.firstName = text(*creator, u"first_name"_s);
        profile.lastName = text(*creator, u"last_name"_s);
        profile.email = text(*creator, u"email"_s);
        profile.isActive = creator->value(u"is_active"_s).toBool(true);
        profile.displayName = text(*creator, u"display_name"_s);
        profile.motto = text(*creator, u"motto"_s);
        profile.socialLink = text(*creator, u"social_link"_s);
        profile.editorMode = creator->value(u"editor_mode"_s).toString(u"G"_s);
        profile.themePreset = text(*creator, u"theme_preset"_s);
        profile.themeMode = creator->value(u"theme_mode"_s).toString(u"S"_s);
        profile.apiBaseUrl = text(*creator, u"api_base_url"_s);
        profile.imageUrl = text(*creator, u"image_url"_s);
        profile.uncategorizedFolderName = text(*creator, u"uncategorized_folder_name"_s);
        if (creator->value(u"last_seen_versions"_s).isObject()) {
            profile.lastSeenVersionsJson = jsonText(creator->value(u"last_seen_versions"_s));
        }
        profile.dateJoined = dateTime(creator->value(u"date_joined"_s));
        profile.lastLogin = dateTime(creator->value(u"last_login"_s));
    }
    if (const auto settings = reader.readObject(u"profile/settings.json"_s)) {
        const QJsonObject appSettings = settings->value(u"app_settings"_s).toObject();
        if (appSettings.contains(u"_invalid_json"_s)) {
            profile.appSettingsJson = appSettings.value(u"_invalid_json"_s).toString();
        } else if (!appSettings.isEmpty()) {
            profile.appSettingsJson = jsonText(appSettings);
        }
        profile.appSettingsUpdatedAt = dateTime(settings->value(u"app_settings_updated_at"_s));
    }
    if (const auto skill = reader.read(u"profile/skill.md"_s)) {
        profile.mcpSkillMd = QString::fromUtf8(*skill);
    }
}

void readCourses(BackupSource &reader, Backup &backup)
{
    for (const QString &path : reader.list(u"courses"_s, u".json"_s)) {
        const auto object = reader.readObject(path);
        if (!object) {
            continue;
        }
        Course course;
        course.id = object->value(u"id"_s).toInteger();
        course.slug = text(*object, u"slug"_s);
        if (course.slug.isEmpty()) {
            course.slug = QFileInfo(path).completeBaseName();
        }
        if (!isSafeSlug(course.slug)) {
            reader.problem(path, u"unsafe course slug"_s);
            continue;
        }
        course.clientCourseId = text(*object, u"client_course_id"_s);
        course.title = object->value(u"title"_s).toString(course.slug);
        course.description = text(*object, u"description"_s);
        if (object->value(u"icon"_s).isDouble()) {
            course.icon = object->value(u"icon"_s).toInt();
        }
        course.sortOrder = object->value(u"sort_order"_s).toInt();
        course.coverImageUrl = text(*object, u"cover_image_url"_s);
        course.dateCreated = dateTime(object->value(u"date_created"_s));
        course.lastEdit = dateTime(object->value(u"last_edit"_s));
        backup.courseSlugById.insert(course.id, course.slug);
        backup.account.courses.append(course);
    }
}

std::optional<qint64> courseRef(const QJsonObject &object, const QHash<QString, qint64> &courseIds)
{
    const QString slug = text(object, u"course_slug"_s);
    if (!slug.isEmpty() && courseIds.contains(slug)) {
        return courseIds.value(slug);
    }
    return optionalId(object.value(u"course_id"_s));
}

void readPlanner(BackupSource &reader, Backup &backup, const QHash<QString, qint64> &courseIds)
{
    if (const auto events = reader.readObject(u"planner/events.json"_s)) {
        for (const auto &value : events->value(u"events"_s).toArray()) {
            const QJsonObject object = value.toObject();
            PlannerEvent event;
            event.id = object.value(u"id"_s).toInteger();
            event.title = text(object, u"title"_s);
            event.eventDate = date(object.value(u"event_date"_s)).value_or(QDate());
            if (!event.eventDate.isValid()) {
                reader.problem(u"planner/events.json"_s, u"event %1 has no valid event_date"_s.arg(event.id));
                continue;
            }
            event.startsAt = dateTime(object.value(u"starts_at"_s));
            event.endsAt = dateTime(object.value(u"ends_at"_s));
            event.difficultyWeight = object.value(u"difficulty_weight"_s).toInt(1);
            event.description = text(object, u"description"_s);
            event.courseId = courseRef(object, courseIds);
            event.isCompleted = object.value(u"is_completed"_s).toBool();
            event.completedAt = dateTime(object.value(u"completed_at"_s));
            event.recurrenceFreq = object.value(u"recurrence_freq"_s).toString(u"N"_s);
            event.recurrenceInterval = object.value(u"recurrence_interval"_s).toInt(1);
            event.recurrenceEndDate = date(object.value(u"recurrence_end_date"_s));
            if (object.value(u"recurrence_count"_s).isDouble()) {
                event.recurrenceCount = object.value(u"recurrence_count"_s).toInt();
            }
            backup.account.events.append(event);
        }
    }
    if (const auto feeds = reader.readObject(u"planner/feeds.json"_s)) {
        for (const auto &value : feeds->value(u"feeds"_s).toArray()) {
            const QJsonObject object = value.toObject();
            CalendarFeed feed;
            feed.id = object.value(u"id"_s).toInteger();
            feed.title = text(object, u"title"_s);
            feed.sourceKind = object.value(u"source_kind"_s).toString(u"S"_s);
            feed.sourceUrl = text(object, u"source_url"_s);
            feed.rawIcal = text(object, u"raw_ical"_s);
            feed.isEnabled = object.value(u"is_enabled"_s).toBool(true);
            feed.courseId = courseRef(object, courseIds);
            feed.lastSync = dateTime(object.value(u"last_sync"_s));
            feed.dateCreated = dateTime(object.value(u"date_created"_s));
            feed.lastEdit = dateTime(object.value(u"last_edit"_s));
            backup.account.feeds.append(feed);
        }
    }
}

void readAssets(BackupSource &reader, Backup &backup)
{
    const QStringList paths = reader.listAll(u"assets"_s);
    for (const QString &path : std::as_const(paths)) {
        const QStringList parts = path.split(u'/');
        BackupAsset asset;
        asset.path = path;
        if (parts.size() == 2 && parts[1].startsWith(u"avatar."_s)) {
            asset.kind = BackupAsset::Kind::Avatar;
        } else if (parts.size() == 4 && parts[1] == u"notes"_s && parts[3].startsWith(u"cover."_s)) {
            asset.kind = BackupAsset::Kind::Cover;
            asset.noteHex = parts[2];
        } else if (parts.size() == 5 && parts[1] == u"notes"_s && parts[3] == u"attachments"_s) {
            asset.kind = BackupAsset::Kind::Attachment;
            asset.noteHex = parts[2];
        } else {
            reader.problem(path, u"not a known asset path"_s);
            continue;
        }
        const auto bytes = reader.read(path);
        if (!bytes) {
            continue;
        }
        asset.file.fileName = parts.last();
        asset.file.bytes = *bytes;
        backup.assets.append(asset);
    }
}

void readAll(BackupSource &reader, const BackupReadOptions &options, Backup &backup)
{
    if (const auto manifest = reader.readObject(u"manifest.json"_s)) {
        backup.hasManifest = true;
        backup.schemaVersion = manifest->value(u"schema_version"_s).toInt();
    } else if (!reader.exists(u"manifest.json"_s)) {
        qCWarning(lcRestore).noquote() << u"Backup read without a manifest: "_s + module
                + u" — manifest.json is missing."_s;
    }
    readProfile(reader, backup.account.profile);
    readCourses(reader, backup);
    QHash<QString, qint64> courseIds;
    for (const Course &course : std::as_const(backup.account.courses)) {
        courseIds.insert(course.slug, course.id);
    }
    readNotes(reader, backup, courseIds);
    readRecycleBin(reader, backup);
    readPlanner(reader, backup, courseIds);
    if (options.includeAssets) {
        readAssets(reader, backup);
    }
}

} // namespace

Result<Backup> readBackup(const QString &directory, const BackupReadOptions &options)
{
    const QFileInfo rootInfo(directory);
    if (!rootInfo.isDir() || !rootInfo.isReadable()) {
        return fail(u"Restore aborted"_s, module, u"%1 is not a readable folder"_s.arg(directory));
    }
    Backup backup;
    const auto reader = folderSource(rootInfo.canonicalFilePath(), options.maxFileBytes, backup.problems);
    readAll(*reader, options, backup);
    return backup;
}

Backup readBackup(const QHash<QString, QByteArray> &files, const BackupReadOptions &options)
{
    Backup backup;
    const auto reader = memorySource(files, backup.problems);
    readAll(*reader, options, backup);
    return backup;
}

} // namespace Notechondria
