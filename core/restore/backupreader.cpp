// SPDX-License-Identifier: GPL-3.0-or-later
#include "backupreader.h"

#include "exporter.h"
#include "logging.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString module = u"Core.Restore/read_backup"_s;

/// Reads the files of one backup, from a folder or from memory, reporting what cannot be read.
class BackupSource
{
public:
    explicit BackupSource(QList<BackupProblem> &problems)
        : m_problems(problems)
    {
    }
    virtual ~BackupSource() = default;

    [[nodiscard]] virtual bool exists(const QString &relative) const = 0;
    virtual std::optional<QByteArray> read(const QString &relative) = 0;
    /// Relative paths of the files directly in @p folder whose names end with @p suffix, sorted.
    [[nodiscard]] virtual QStringList list(const QString &folder, const QString &suffix) const = 0;
    /// Relative paths of every file below @p folder, sorted.
    [[nodiscard]] virtual QStringList listAll(const QString &folder) const = 0;

    std::optional<QJsonObject> readObject(const QString &relative)
    {
        const auto bytes = read(relative);
        if (!bytes) {
            return std::nullopt;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            problem(relative,
                error.error != QJsonParseError::NoError
                    ? u"invalid JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString())
                    : u"the JSON is not an object"_s);
            return std::nullopt;
        }
        return document.object();
    }

    void problem(const QString &relative, const QString &cause)
    {
        m_problems.append({relative, u"Item not restored: "_s + module + u" — "_s + relative + u": "_s + cause});
    }

private:
    QList<BackupProblem> &m_problems;
};

/// Reads files of one backup folder, refusing anything outside it or too big.
class FolderReader final : public BackupSource
{
public:
    FolderReader(QString root, qint64 maxBytes, QList<BackupProblem> &problems)
        : BackupSource(problems)
        , m_root(std::move(root))
        , m_maxBytes(maxBytes)
    {
    }

    [[nodiscard]] bool exists(const QString &relative) const override
    {
        return QFileInfo::exists(m_root + u'/' + relative);
    }

    std::optional<QByteArray> read(const QString &relative) override
    {
        const QFileInfo info(m_root + u'/' + relative);
        if (!info.exists()) {
            return std::nullopt;
        }
        const QString canonical = info.canonicalFilePath();
        if (relative.contains(u".."_s) || !canonical.startsWith(m_root + u'/')) {
            problem(relative, u"the path leads outside the backup folder"_s);
            return std::nullopt;
        }
        if (!info.isFile()) {
            problem(relative, u"not a regular file"_s);
            return std::nullopt;
        }
        if (info.size() > m_maxBytes) {
            problem(relative, u"%1 bytes is over the %2-byte limit"_s.arg(info.size()).arg(m_maxBytes));
            return std::nullopt;
        }
        QFile file(canonical);
        if (!file.open(QIODevice::ReadOnly)) {
            problem(relative, file.errorString());
            return std::nullopt;
        }
        return file.readAll();
    }

    [[nodiscard]] QStringList list(const QString &folder, const QString &suffix) const override
    {
        QStringList names
            = QDir(m_root + u'/' + folder).entryList({u"*"_s + suffix}, QDir::Files | QDir::Hidden, QDir::Name);
        for (QString &name : names) {
            name = folder + u'/' + name;
        }
        return names;
    }

    [[nodiscard]] QStringList listAll(const QString &folder) const override
    {
        QDirIterator it(m_root + u'/' + folder, QDir::Files, QDirIterator::Subdirectories);
        QStringList paths;
        while (it.hasNext()) {
            paths.append(it.next().mid(m_root.size() + 1));
        }
        paths.sort();
        return paths;
    }

private:
    QString m_root;
    qint64 m_maxBytes;
};

/// Reads a backup held in memory (path → bytes), e.g. a sync's merged tree.
class MapReader final : public BackupSource
{
public:
    MapReader(const QHash<QString, QByteArray> &files, QList<BackupProblem> &problems)
        : BackupSource(problems)
        , m_files(files)
    {
    }

    [[nodiscard]] bool exists(const QString &relative) const override { return m_files.contains(relative); }

    std::optional<QByteArray> read(const QString &relative) override
    {
        const auto found = m_files.constFind(relative);
        return found == m_files.cend() ? std::nullopt : std::optional<QByteArray>(*found);
    }

    [[nodiscard]] QStringList list(const QString &folder, const QString &suffix) const override
    {
        QStringList names;
        const QString prefix = folder + u'/';
        for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
            if (it.key().startsWith(prefix) && it.key().endsWith(suffix)
                && !it.key().mid(prefix.size()).contains(u'/')) {
                names.append(it.key());
            }
        }
        names.sort();
        return names;
    }

    [[nodiscard]] QStringList listAll(const QString &folder) const override
    {
        QStringList names;
        for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
            if (it.key().startsWith(folder + u'/')) {
                names.append(it.key());
            }
        }
        names.sort();
        return names;
    }

private:
    const QHash<QString, QByteArray> &m_files;
};

std::optional<QDateTime> dateTime(const QJsonValue &value)
{
    if (!value.isString() || value.toString().isEmpty()) {
        return std::nullopt;
    }
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        return std::nullopt;
    }
    return parsed.toUTC();
}

std::optional<QDate> date(const QJsonValue &value)
{
    const QDate parsed = QDate::fromString(value.toString(), Qt::ISODate);
    return parsed.isValid() ? std::optional<QDate>(parsed) : std::nullopt;
}

std::optional<qint64> optionalId(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

QString text(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

/// Upstream writes JSON text fields as strings; tolerate objects (re-encoded) too.
QString jsonText(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isObject()) {
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    if (value.isArray()) {
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    }
    return {};
}

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

bool frontmatterBool(const QVariant &value)
{
    return value.typeId() == QMetaType::Bool ? value.toBool() : value.toString() == u"true"_s;
}

// Schema 1 backups come from the web backend: its line-based frontmatter, where a backslash is literal.
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
    } else if (const auto parsed = parseNoteMarkdown(*markdown,
                   backup.schemaVersion == 1 ? FrontmatterDialect::UpstreamLines : FrontmatterDialect::Auto)) {
        const QVariantMap &fm = parsed->frontmatter;
        note.title = fm.value(u"title"_s).toString();
        note.isPublic = frontmatterBool(fm.value(u"is_public"_s));
        note.editorMode = fm.value(u"editor_mode"_s, u"P"_s).toString();
        note.lastEdit = QDateTime::fromString(fm.value(u"last_edit"_s).toString(), Qt::ISODateWithMs).toUTC();
        note.dateCreated = QDateTime::fromString(fm.value(u"date_created"_s).toString(), Qt::ISODateWithMs).toUTC();
        const QString slug = fm.value(u"course_slug"_s).toString();
        if (!slug.isEmpty() && courseIds.contains(slug)) {
            note.courseId = courseIds.value(slug);
        }
        note.content = parsed->body;
    } else {
        reader.problem(markdownPath, parsed.error().cause);
    }
    if (note.title.isEmpty()) {
        note.title = note.uuid.toString(QUuid::WithoutBraces);
    }
    backup.account.notes.append(note);
}

void readRecycleBin(BackupSource &reader, Backup &backup)
{
    const auto bin = reader.readObject(u"recycle_bin.json"_s);
    if (!bin) {
        return;
    }
    for (const QJsonValue &value : bin->value(u"notes"_s).toArray()) {
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
        for (const QJsonValue &value : events->value(u"events"_s).toArray()) {
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
        for (const QJsonValue &value : feeds->value(u"feeds"_s).toArray()) {
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
        qCWarning(lcRestore).noquote() << u"Restore continues without a manifest: "_s + module
                + u" — manifest.json is missing; the layout may not match."_s;
    }
    readProfile(reader, backup.account.profile);
    readCourses(reader, backup);
    QHash<QString, qint64> courseIds;
    for (const Course &course : std::as_const(backup.account.courses)) {
        courseIds.insert(course.slug, course.id);
    }
    for (const QString &metaPath : reader.list(u"notes"_s, u".meta.json"_s)) {
        readNote(reader, metaPath, backup, courseIds);
    }
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
    FolderReader reader(rootInfo.canonicalFilePath(), options.maxFileBytes, backup.problems);
    readAll(reader, options, backup);
    return backup;
}

Backup readBackup(const QHash<QString, QByteArray> &files, const BackupReadOptions &options)
{
    Backup backup;
    MapReader reader(files, backup.problems);
    readAll(reader, options, backup);
    return backup;
}

} // namespace Notechondria
