// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include "exportutil.h"
#include "logging.h"

#include <QtConcurrent/QtConcurrentMap>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

/// The schema_version of the account files: unchanged since 0.2, so a new manifest does not rewrite every file.
constexpr int schemaVersion = 2;
/// The manifest's (the backup layout's) schema_version: 3 moved the file list and the hashes to checksums/.
constexpr int manifestSchemaVersion = 3;
constexpr auto capReason = "exceeds_per_file_or_total_cap"; // upstream's wording, kept for its restore script

QJsonValue isoOrNull(const std::optional<QDateTime> &value)
{
    return value && value->isValid() ? QJsonValue(isoTimestamp(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue dateOrNull(const std::optional<QDate> &value)
{
    return value && value->isValid() ? QJsonValue(value->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

template<typename T>
QJsonValue orNull(const std::optional<T> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue uuidOrNull(const QUuid &uuid)
{
    return uuid.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(uuid.toString(QUuid::WithoutBraces));
}

QString hexOf(const QUuid &uuid)
{
    return uuid.toString(QUuid::Id128);
}

/// A JSON text field decoded the way upstream decodes app settings: {} when empty, {"_invalid_json": raw} when bad.
QJsonValue decodedJsonText(const QString &raw)
{
    if (raw.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(raw.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonObject{{u"_invalid_json"_s, raw}};
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

/// The lowercased last suffix of a stored file name, reduced to [a-z0-9]{1,10}; @p fallback when none is left.
QString assetExtension(const QString &fileName, const QString &fallback)
{
    const QString name = fileName.section(u'/', -1);
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot < 0)
        return fallback;
    QString extension;
    for (const QChar c : name.sliced(dot + 1).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            extension.append(c);
    }
    extension.truncate(10);
    return extension.isEmpty() ? fallback : extension;
}

/// Python sorts str by code point; UTF-16 unit order differs only where a surrogate meets U+E000..U+FFFF.
bool lessByCodePoint(const ExportFile &a, const ExportFile &b)
{
    const qsizetype common = std::min(a.path.size(), b.path.size());
    for (qsizetype i = 0; i < common; ++i) {
        int x = a.path.at(i).unicode();
        int y = b.path.at(i).unicode();
        if (x == y)
            continue;
        if (x >= 0xD800 && y >= 0xD800) { // move surrogates above the rest of the BMP
            x += x >= 0xE000 ? -0x800 : 0x2000;
            y += y >= 0xE000 ? -0x800 : 0x2000;
        }
        return x < y;
    }
    return a.path.size() < b.path.size();
}

/// Where a path's problems were listed when the export added its parts one after the other: a streamed export lists
/// them in the same order.
int partRank(QStringView path)
{
    static const QStringView parts[]
        = {u"profile/", u"courses/", u"notes/", u"recycle_bin.json", u"planner/", u"assets/"};
    for (int i = 0; i < int(std::size(parts)); ++i) {
        if (path.startsWith(parts[i]))
            return i;
    }
    return int(std::size(parts));
}

/// A note of the recycle bin, as recycle_bin.json lists it.
struct BinEntry
{
    QString uuid;
    QString title;
    std::optional<QDateTime> deletedAt;
};

} // namespace

class ExportBuilder::Builder
{
public:
    explicit Builder(const ExportOptions &options)
        : m_options(options)
    {
    }

    void begin(const AccountSnapshot &account)
    {
        m_account = account;
        m_account.notes.clear();
        addProfile();
        addCourses();
        if (m_options.includeAssets) {
            // Upstream's order, which decides what the total cap keeps: the avatar, then per live note its cover and
            // its attachments.
            const StoredFile &avatar = m_account.profile.avatar;
            addAsset(u"assets/avatar."_s + assetExtension(avatar.fileName, u"png"_s), avatar);
        }
    }

    void addNotes(const QList<Note> &notes)
    {
        QList<const Note *> live;
        live.reserve(notes.size());
        for (const Note &note : notes) {
            if (note.deletedAt)
                m_bin.append({note.uuid.toString(QUuid::WithoutBraces), note.title, note.deletedAt});
            else
                live.append(&note);
        }
        // A note's files and their SHA-256 depend on nothing but the note and its course's slug: rendered on the
        // thread pool, then added in order (the secret scan, the path check and the asset caps stay sequential).
        const QList<RenderedNote> rendered
            = QtConcurrent::blockingMapped(live, [this](const Note *note) { return renderNote(*note); });
        for (qsizetype i = 0; i < live.size(); ++i) {
            const Note &note = *live.at(i);
            if (note.uuid.isNull()) {
                reject(u"notes/%1.md"_s.arg(note.id), u"note %1 has no uuid."_s.arg(note.id));
                continue;
            }
            const RenderedNote &files = rendered.at(i);
            add(files.mdPath, files.md, files.mdSha);
            add(files.metaPath, files.meta, files.metaSha);
            if (m_options.includeAssets)
                addNoteAssets(note);
        }
    }

    ExportTree finish()
    {
        addRecycleBin();
        addPlanner();
        const auto byPart = [](const ExportProblem &a, const ExportProblem &b) {
            return partRank(a.path) < partRank(b.path);
        };
        std::stable_sort(m_tree.withheld.begin(), m_tree.withheld.end(), byPart);
        std::stable_sort(m_tree.rejected.begin(), m_tree.rejected.end(), byPart);
        if (m_options.generatedFiles) {
            addManifestAndReadme();
        } else if (m_options.keepIndex) {
            m_tree.index.reserve(m_lines.size());
            for (const ChecksumLine &line : std::as_const(m_lines))
                m_tree.index.append({line.path, line.key, line.sha256});
        }
        m_lines = {};
        std::sort(m_tree.files.begin(), m_tree.files.end(), lessByCodePoint);
        return std::move(m_tree);
    }

private:
    /// Adds @p path with @p bytes; @p sha256: their SHA-256 (hex) when already computed.
    void add(const QString &path, const QByteArray &bytes, const QByteArray &sha256 = {})
    {
        if (m_paths.contains(path)) {
            reject(path, u"another item already uses this path."_s);
            return;
        }
        m_paths.insert(path);
        if (const QStringList kinds = findSecrets(bytes); !kinds.isEmpty()) {
            m_tree.withheld.append({path,
                u"Not exported: Core.Export/secret_scan \u2014 %1 contains a %2."_s.arg(
                    path, kinds.join(u" and a "_s))});
            m_withheldKinds.insert(path, kinds);
            m_tree.withheldFiles.append({path, bytes});
            qCWarning(lcExport).noquote() << m_tree.withheld.last().message;
            return;
        }
        m_tree.files.append({path, bytes});
        if (isChecksumCovered(path))
            m_lines.append({checksumKey(path), path,
                sha256.isEmpty() ? QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() : sha256});
    }

    void addJson(const QString &path, const QJsonObject &object) { add(path, canonicalJson(object)); }

    void reject(const QString &path, const QString &cause)
    {
        m_tree.rejected.append({printableName(path), u"Not exported: Core.Export/path_safety \u2014 "_s + cause});
        qCWarning(lcExport).noquote() << m_tree.rejected.last().message;
    }

    void addProfile()
    {
        const Profile &p = m_account.profile;
        // last_login is left out: it changes on every login, so it would make every export differ (upstream §3.5)
        // although nothing the user wrote changed, and a restore cannot set it anyway.
        addJson(u"profile/creator.json"_s,
            QJsonObject{{u"schema_version"_s, schemaVersion}, {u"username"_s, p.username},
                {u"first_name"_s, p.firstName}, {u"last_name"_s, p.lastName}, {u"email"_s, p.email},
                {u"is_active"_s, p.isActive}, {u"motto"_s, p.motto}, {u"social_link"_s, p.socialLink},
                {u"editor_mode"_s, p.editorMode}, {u"theme_preset"_s, p.themePreset}, {u"theme_mode"_s, p.themeMode},
                {u"api_base_url"_s, p.apiBaseUrl}, {u"image_url"_s, p.imageUrl},
                {u"date_joined"_s, isoOrNull(p.dateJoined)}, {u"display_name"_s, p.displayName},
                {u"uncategorized_folder_name"_s, p.uncategorizedFolderName},
                {u"last_seen_versions"_s, decodedJsonText(p.lastSeenVersionsJson)}});
        // No schema_version here, as upstream.
        addJson(u"profile/settings.json"_s,
            QJsonObject{{u"app_settings"_s, decodedJsonText(p.appSettingsJson)},
                {u"app_settings_updated_at"_s, isoOrNull(p.appSettingsUpdatedAt)}});
        add(u"profile/skill.md"_s, p.mcpSkillMd.toUtf8());
    }

    void addCourses()
    {
        for (const Course &course : m_account.courses) {
            if (!isSafeSlug(course.slug)) {
                reject(u"courses/%1.json"_s.arg(course.slug),
                    u"the course slug \"%1\" is not a safe file name."_s.arg(printableName(course.slug)));
                continue;
            }
            m_courseSlugs.insert(course.id, course.slug);
            if (!m_options.courseFiles)
                continue;
            addJson(u"courses/%1.json"_s.arg(course.slug),
                QJsonObject{{u"schema_version"_s, schemaVersion}, {u"id"_s, course.id},
                    {u"client_course_id"_s, course.clientCourseId}, {u"slug"_s, course.slug},
                    {u"title"_s, course.title}, {u"description"_s, course.description},
                    {u"icon"_s, orNull(course.icon)}, {u"sort_order"_s, course.sortOrder},
                    {u"cover_image_url"_s, course.coverImageUrl}, {u"date_created"_s, isoOrNull(course.dateCreated)},
                    {u"last_edit"_s, isoOrNull(course.lastEdit)}});
        }
    }

    QJsonValue courseSlugOrNull(const std::optional<qint64> &courseId) const
    {
        if (!courseId || !m_courseSlugs.contains(*courseId))
            return QJsonValue::Null;
        return m_courseSlugs.value(*courseId);
    }

    /// A live note's two files and their SHA-256 (a note without a uuid gets none: it is rejected).
    struct RenderedNote
    {
        QString mdPath, metaPath;
        QByteArray md, meta, mdSha, metaSha;
    };

    /// Thread-safe: reads only @p note and the course slugs begin() set.
    RenderedNote renderNote(const Note &note) const
    {
        RenderedNote files;
        if (note.uuid.isNull())
            return files;
        {
            const QString hex = hexOf(note.uuid);
            const QString slug = note.courseId ? m_courseSlugs.value(*note.courseId) : QString();
            files.mdPath = u"notes/%1.md"_s.arg(hex);
            files.metaPath = u"notes/%1.meta.json"_s.arg(hex);
            files.md = renderNoteMarkdown(note, slug);
            files.meta = canonicalJson(QJsonObject{{u"schema_version"_s, schemaVersion}, {u"id"_s, note.id},
                {u"uuid"_s, uuidOrNull(note.uuid)}, {u"sharing_id"_s, uuidOrNull(note.sharingId)},
                {u"description"_s, note.description}, {u"metadata_json"_s, note.metadataJson},
                {u"custom_meta"_s, note.customMeta}, {u"client_draft_id"_s, orNull(note.clientDraftId)},
                {u"note_type"_s, note.noteType},
                {u"source_note_uuid"_s, note.sourceNoteUuid ? uuidOrNull(*note.sourceNoteUuid) : QJsonValue::Null},
                {u"cover_image_url"_s, note.coverImageUrl}});
            // Held until the export is done: without the slack their growth left (a few hundred bytes a note).
            files.md.squeeze();
            files.meta.squeeze();
            files.mdSha = QCryptographicHash::hash(files.md, QCryptographicHash::Sha256).toHex();
            files.metaSha = QCryptographicHash::hash(files.meta, QCryptographicHash::Sha256).toHex();
        }
        return files;
    }

    void addRecycleBin()
    {
        std::stable_sort(
            m_bin.begin(), m_bin.end(), [](const BinEntry &a, const BinEntry &b) { return a.uuid < b.uuid; });
        QJsonArray notes;
        for (const BinEntry &entry : std::as_const(m_bin)) {
            // A null uuid is "00000000-…" in the sort (as before) and null in the file.
            const bool nullUuid = QUuid::fromString(entry.uuid).isNull();
            notes.append(QJsonObject{{u"uuid"_s, nullUuid ? QJsonValue(QJsonValue::Null) : QJsonValue(entry.uuid)},
                {u"title"_s, entry.title}, {u"deleted_at"_s, isoOrNull(entry.deletedAt)}});
        }
        addJson(u"recycle_bin.json"_s, QJsonObject{{u"schema_version"_s, schemaVersion}, {u"notes"_s, notes}});
    }

    void addPlanner()
    {
        QList<const PlannerEvent *> events;
        for (const PlannerEvent &event : m_account.events)
            events.append(&event);
        std::stable_sort(events.begin(), events.end(), [](auto *a, auto *b) { return a->id < b->id; });
        QJsonArray eventArray;
        for (const PlannerEvent *e : events) {
            eventArray.append(
                QJsonObject{{u"id"_s, e->id}, {u"title"_s, e->title}, {u"event_date"_s, dateOrNull(e->eventDate)},
                    {u"starts_at"_s, isoOrNull(e->startsAt)}, {u"ends_at"_s, isoOrNull(e->endsAt)},
                    {u"difficulty_weight"_s, e->difficultyWeight}, {u"description"_s, e->description},
                    {u"course_id"_s, orNull(e->courseId)}, {u"course_slug"_s, courseSlugOrNull(e->courseId)},
                    {u"is_completed"_s, e->isCompleted}, {u"completed_at"_s, isoOrNull(e->completedAt)},
                    {u"recurrence_freq"_s, e->recurrenceFreq}, {u"recurrence_interval"_s, e->recurrenceInterval},
                    {u"recurrence_end_date"_s, dateOrNull(e->recurrenceEndDate)},
                    {u"recurrence_count"_s, orNull(e->recurrenceCount)}});
        }
        addJson(u"planner/events.json"_s, QJsonObject{{u"schema_version"_s, schemaVersion}, {u"events"_s, eventArray}});

        QList<const CalendarFeed *> feeds;
        for (const CalendarFeed &feed : m_account.feeds)
            feeds.append(&feed);
        std::stable_sort(feeds.begin(), feeds.end(), [](auto *a, auto *b) { return a->id < b->id; });
        QJsonArray feedArray;
        for (const CalendarFeed *f : feeds) {
            feedArray.append(QJsonObject{{u"id"_s, f->id}, {u"title"_s, f->title}, {u"source_kind"_s, f->sourceKind},
                {u"source_url"_s, f->sourceUrl}, {u"raw_ical"_s, f->rawIcal}, {u"is_enabled"_s, f->isEnabled},
                {u"course_id"_s, orNull(f->courseId)}, {u"course_slug"_s, courseSlugOrNull(f->courseId)},
                {u"last_sync"_s, isoOrNull(f->lastSync)}, {u"date_created"_s, isoOrNull(f->dateCreated)},
                {u"last_edit"_s, isoOrNull(f->lastEdit)}});
        }
        addJson(u"planner/feeds.json"_s, QJsonObject{{u"schema_version"_s, schemaVersion}, {u"feeds"_s, feedArray}});
    }

    void addAsset(const QString &path, const StoredFile &file)
    {
        if (file.isEmpty())
            return; // a missing file is skipped silently, as upstream
        const qint64 size = file.bytes.size();
        if (size > m_options.perFileCap || m_assetTotal + size > m_options.totalCap) {
            m_tree.skipped.append({path, size, QString::fromLatin1(capReason)});
            return;
        }
        m_assetTotal += size;
        add(path, file.bytes);
    }

    void addNoteAssets(const Note &note)
    {
        {
            const QString dir = u"assets/notes/"_s + hexOf(note.uuid);
            addAsset(dir + u"/cover."_s + assetExtension(note.cover.fileName, u"png"_s), note.cover);
            for (const Attachment &attachment : note.attachments) {
                const QString name = attachment.uuid.isNull() ? QString::number(attachment.id) : hexOf(attachment.uuid);
                const QString source
                    = attachment.originalFilename.isEmpty() ? attachment.file.fileName : attachment.originalFilename;
                addAsset(dir + u"/attachments/"_s + name + u'.' + assetExtension(source, u"bin"_s), attachment.file);
            }
        }
    }

    void addManifestAndReadme()
    {
        ChecksumIndex index = checksumIndex(m_lines);
        if (m_options.keepIndex) {
            m_tree.index.reserve(m_lines.size() + index.files.size());
            for (const ChecksumLine &line : std::as_const(m_lines))
                m_tree.index.append({line.path, line.key, line.sha256});
            for (const auto &[path, sha256] : std::as_const(index.fileSha256))
                m_tree.index.append({path, std::nullopt, sha256});
        }
        m_lines = {};

        ManifestInput input;
        input.username = m_account.profile.username;
        input.includeAssets = m_options.includeAssets;
        input.checksumsDigest = index.digest;
        input.fileCount = index.fileCount;
        input.skipped = m_tree.skipped;
        input.withheld = m_tree.withheld;
        input.withheldKinds = m_withheldKinds;
        input.previousManifest = m_options.previousManifest;
        input.now = m_options.now;
        ManifestFiles generated = renderManifest(input);
        m_tree.exportedAt = generated.exportedAt;
        for (ExportFile &file : index.files)
            m_tree.files.append(std::move(file));
        add(u"manifest.json"_s, generated.manifest);
        add(u"README.md"_s, generated.readme);
    }

    AccountSnapshot m_account; ///< without its notes: they come in batches
    const ExportOptions m_options;
    QList<BinEntry> m_bin;
    QList<ChecksumLine> m_lines; ///< per covered file added its checksum key and SHA-256
    ExportTree m_tree;
    QHash<qint64, QString> m_courseSlugs;
    QSet<QString> m_paths;
    QHash<QString, QStringList> m_withheldKinds;
    qint64 m_assetTotal = 0;
};

namespace {

QString readmeText(const ManifestInput &input, const QString &lastSync)
{
    QString assets;
    if (!input.includeAssets) {
        assets = u"Assets (avatar, note covers, attachments) are NOT included in this repo: the JSON files hold "
                 "their URLs."_s;
    } else {
        assets = u"Assets (avatar, note covers, attachments) are included under `assets/`"_s;
        if (!input.skipped.isEmpty())
            assets += u", except %1 file(s) over the size caps, listed under `skipped_assets` in `manifest.json`"_s.arg(
                input.skipped.size());
        assets += u'.';
    }
    QString withheld;
    if (!input.withheld.isEmpty())
        withheld = u"\n\n%1 file(s) were left out because they contain a secret (a token or a private key); "
                   "they are listed under `withheld` in `manifest.json`."_s.arg(input.withheld.size());
    return u"# Notechondria backup for %1\n\nLast sync: %2\n\n"
           "This repository is a machine-readable export of a Notechondria account, written by Notechondria "
           "Desktop: `profile/`, `courses/`, `notes/` (Markdown with YAML frontmatter, plus a `.meta.json` "
           "sidecar per note), `planner/` and `recycle_bin.json` (deleted notes). %3 A SHA-256 per file is "
           "under `checksums/` (`cat checksums/*.sha256 | sha256sum -c` checks a clone), the schema version is "
           "in `manifest.json`. Restore it with Notechondria Desktop, or "
           "with the web backend's restore script (`docs/integrations/github-sync.md`).%4\n"_s.arg(
               input.username, lastSync, assets, withheld);
}

} // namespace

const ExportFile *ExportTree::find(const QString &path) const
{
    const auto it = std::lower_bound(files.begin(), files.end(), ExportFile{path, {}}, lessByCodePoint);
    if (it != files.end() && it->path == path)
        return &*it;
    for (const ExportFile &file : files) { // an unsorted tree built by hand
        if (file.path == path)
            return &file;
    }
    return nullptr;
}

ManifestFiles renderManifest(const ManifestInput &input)
{
    const QJsonObject previous = QJsonDocument::fromJson(input.previousManifest).object();
    const QString previousExportedAt = previous.value(u"exported_at"_s).toString();
    const bool unchanged = !previousExportedAt.isEmpty()
        && previous.value(u"schema_version"_s).toInt() == manifestSchemaVersion
        && previous.value(u"checksums_sha256"_s).toString() == input.checksumsDigest;
    const QString exportedAt = unchanged ? previousExportedAt : isoTimestamp(input.now);

    // No list of every file and no hash per file here (schema 3): both live in checksums/, so this file stays small
    // and a sync of a few changed notes does not re-send one entry per file of the account.
    QJsonObject manifest{{u"schema_version"_s, manifestSchemaVersion}, {u"creator_username"_s, input.username},
        {u"exported_at"_s, exportedAt}, {u"include_assets"_s, input.includeAssets},
        {u"checksums"_s, u"checksums/*.sha256"_s}, {u"checksums_sha256"_s, input.checksumsDigest},
        {u"file_count"_s, input.fileCount}};
    if (!input.skipped.isEmpty()) {
        QJsonArray skipped;
        for (const SkippedAsset &asset : input.skipped)
            skipped.append(
                QJsonObject{{u"path"_s, asset.path}, {u"size_bytes"_s, asset.sizeBytes}, {u"reason"_s, asset.reason}});
        manifest.insert(u"skipped_assets"_s, skipped);
    }
    if (!input.withheld.isEmpty()) {
        QJsonArray withheld;
        for (const ExportProblem &problem : input.withheld)
            withheld.append(QJsonObject{{u"path"_s, problem.path},
                {u"kinds"_s, QJsonArray::fromStringList(input.withheldKinds.value(problem.path))}});
        manifest.insert(u"withheld"_s, withheld);
    }
    return {canonicalJson(manifest), readmeText(input, exportedAt).toUtf8(),
        unchanged ? QDateTime::fromString(previousExportedAt, Qt::ISODateWithMs) : input.now.toUTC()};
}

ExportBuilder::ExportBuilder(const ExportOptions &options)
    : m_builder(std::make_unique<Builder>(options))
{
}

ExportBuilder::~ExportBuilder() = default;

void ExportBuilder::begin(const AccountSnapshot &account)
{
    m_builder->begin(account);
}

void ExportBuilder::addNotes(const QList<Note> &notes)
{
    m_builder->addNotes(notes);
}

ExportTree ExportBuilder::finish()
{
    return m_builder->finish();
}

ExportTree materialize(const AccountSnapshot &account, const ExportOptions &options)
{
    ExportBuilder builder(options);
    builder.begin(account);
    builder.addNotes(account.notes);
    return builder.finish();
}

} // namespace Notechondria
