// SPDX-License-Identifier: GPL-3.0-or-later
#include "restorer.h"

#include "exporter.h"
#include "httpclient.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr qsizetype dryRunBodyChars = 160;

QJsonValue nullable(const std::optional<QDateTime> &value)
{
    return value ? QJsonValue(isoTimestamp(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue nullableId(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString compactSorted(const QJsonObject &body)
{
    // QJsonObject keeps its keys sorted, so the compact form is already in sorted-key order.
    return QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

/// The content that identifies an event on the server, for idempotent reruns.
QString eventKey(const QJsonObject &event)
{
    // The time window is left out: servers fill a missing one in (upstream: noon, one hour).
    return QStringList{event.value(u"title"_s).toString(), event.value(u"event_date"_s).toString(),
        event.value(u"description"_s).toString(), QString::number(event.value(u"course_id"_s).toInteger(-1))}
        .join(QChar(0x1f));
}

QString feedKey(const QJsonObject &feed)
{
    return QStringList{feed.value(u"title"_s).toString(), feed.value(u"source_kind"_s).toString(),
        feed.value(u"source_url"_s).toString(), QString::number(feed.value(u"course_id"_s).toInteger(-1))}
        .join(QChar(0x1f));
}

/// The list in a GET answer: a bare array (upstream) or an object holding one under @p key.
QJsonArray listOf(const QJsonValue &json, const QString &key)
{
    return json.isArray() ? json.toArray() : json.toObject().value(key).toArray();
}

} // namespace

QJsonObject RestoreSummary::toJson(bool withAssets, bool dryRun) const
{
    QJsonObject object{{u"courses"_s, courses}, {u"notes"_s, notes}, {u"recycled_notes"_s, recycledNotes},
        {u"planner_events"_s, plannerEvents}, {u"calendar_feeds"_s, calendarFeeds}, {u"created"_s, created},
        {u"failed"_s, failed}, {u"dry_run"_s, dryRun}};
    if (withAssets) {
        object.insert(u"assets"_s,
            QJsonObject{{u"avatar"_s, avatar}, {u"cover"_s, covers}, {u"attachment"_s, attachments},
                {u"skipped"_s, assetsSkipped}});
    }
    return object;
}

Restorer::Restorer(HttpClient *http, RestoreOptions options, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_options(std::move(options))
{
}

QUrl Restorer::url(const QString &path) const
{
    QString base = m_options.apiBase.toString();
    while (base.endsWith(u'/')) {
        base.chop(1);
    }
    return QUrl(base + path);
}

QList<std::pair<QByteArray, QByteArray>> Restorer::headers() const
{
    const bool bearer = m_options.token.startsWith(u"ntc_"_s) || m_options.token.count(u'.') == 2;
    return {{"Accept", "application/json"}, {"User-Agent", "notechondria-sync-restore/" NOTECHONDRIA_VERSION},
        {"Authorization", (bearer ? "Bearer " : "Token ") + m_options.token.toUtf8()}};
}

void Restorer::report(const QString &section, const QString &cause)
{
    ++m_summary.failed;
    const QString message = u"Item not restored: Core.Restore/"_s + section + u" — "_s + redactSecrets(cause);
    qCWarning(lcRestore).noquote() << message;
    Q_EMIT problem(message);
}

void Restorer::verbose(const QString &line)
{
    if (m_options.verbose) {
        Q_EMIT output(line);
    }
}

QCoro::Task<Restorer::Answer> Restorer::request(QByteArray method, QString path, QJsonObject body, QString section)
{
    if (m_options.dryRun) {
        QString shown = compactSorted(body);
        if (shown.size() > dryRunBodyChars) {
            shown = shown.left(dryRunBodyChars) + u'…';
        }
        Q_EMIT output(u"[dry-run] "_s + QString::fromLatin1(method) + u' ' + url(path).toString() + u" body="_s
            + redactSecrets(shown));
        co_return Answer{true, 0, QJsonObject()};
    }
    HttpRequest request;
    request.method = method;
    request.url = url(path);
    request.headers = headers();
    request.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.idempotent = method != "POST";
    const auto response = co_await m_http->send(request);
    if (!response) {
        report(section, QString::fromLatin1(method) + u' ' + path + u" failed: "_s + response.error().cause);
        co_return Answer{};
    }
    if (!response->isSuccess()) {
        report(section,
            u"%1 %2 returned %3: %4"_s.arg(QString::fromLatin1(method), path)
                .arg(response->status)
                .arg(excerpt(response->body)));
        co_return Answer{false, response->status, {}};
    }
    const QJsonDocument document = response->json();
    co_return Answer{
        true, response->status, document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object())};
}

QCoro::Task<Restorer::Answer> Restorer::get(QString path, QString section)
{
    if (m_options.dryRun) {
        co_return Answer{true, 0, QJsonArray()};
    }
    HttpRequest request;
    request.url = url(path);
    request.headers = headers();
    const auto response = co_await m_http->send(request);
    if (!response || !response->isSuccess()) {
        const QString cause = response ? u"returned %1: %2"_s.arg(response->status).arg(excerpt(response->body))
                                       : response.error().cause;
        qCWarning(lcRestore).noquote() << u"Restore continues without matching: Core.Restore/"_s + section
                + u" — GET "_s + path + u' ' + cause;
        co_return Answer{false, response ? response->status : 0, {}};
    }
    const QJsonDocument document = response->json();
    co_return Answer{
        true, response->status, document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object())};
}

QCoro::Task<Restorer::Answer> Restorer::upload(
    QByteArray method, QString path, QString field, StoredFile file, QString section)
{
    if (m_options.dryRun) {
        Q_EMIT output(u"[dry-run] %1 %2 multipart field=%3 filename=%4 bytes=%5"_s
                .arg(QString::fromLatin1(method), url(path).toString(), field, file.fileName)
                .arg(file.bytes.size()));
        co_return Answer{true, 0, QJsonObject()};
    }
    const QByteArray boundary = "----notechondria" + QUuid::createUuid().toByteArray(QUuid::Id128);
    const QString mime = file.contentType.isEmpty()
        ? QMimeDatabase().mimeTypeForFileNameAndData(file.fileName, file.bytes).name()
        : file.contentType;
    QByteArray body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.toUtf8()
        + "\"; filename=\"" + file.fileName.toUtf8() + "\"\r\nContent-Type: " + mime.toUtf8() + "\r\n\r\n" + file.bytes
        + "\r\n--" + boundary + "--\r\n";
    HttpRequest request;
    request.method = method;
    request.url = url(path);
    request.headers = headers();
    request.headers.append(
        std::pair<QByteArray, QByteArray>("Content-Type", "multipart/form-data; boundary=" + boundary));
    request.body = body;
    request.idempotent = method != "POST";
    request.timeout = std::chrono::seconds(120);
    const auto response = co_await m_http->send(request);
    if (!response || !response->isSuccess()) {
        report(section,
            u"%1 %2 upload of %3 %4"_s.arg(QString::fromLatin1(method), path, file.fileName,
                response ? u"returned %1: %2"_s.arg(response->status).arg(excerpt(response->body))
                         : u"failed: "_s + response.error().cause));
        co_return Answer{false, response ? response->status : 0, {}};
    }
    co_return Answer{true, response->status, response->json().object()};
}

QCoro::Task<RestoreSummary> Restorer::run(const Backup &backup)
{
    m_summary = {};
    m_courseIds.clear();
    m_noteIds.clear();
    verbose(u"Restore target: "_s + m_options.apiBase.toString());
    co_await restoreSettings(backup.account.profile);
    co_await restoreCourses(backup);
    co_await restoreNotes(backup);
    co_await restoreEvents(backup);
    co_await restoreFeeds(backup);
    if (m_options.includeAssets) {
        co_await restoreAssets(backup);
    }
    co_return m_summary;
}

QCoro::Task<> Restorer::restoreSettings(const Profile &profile)
{
    QJsonObject settings;
    const auto put = [&](const QString &key, const QString &value) {
        if (!value.isEmpty()) {
            settings.insert(key, value);
        }
    };
    put(u"motto"_s, profile.motto);
    put(u"social_link"_s, profile.socialLink);
    put(u"editor_mode"_s, profile.editorMode);
    put(u"theme_preset"_s, profile.themePreset);
    put(u"theme_mode"_s, profile.themeMode);
    put(u"display_name"_s, profile.displayName);
    put(u"uncategorized_folder_name"_s, profile.uncategorizedFolderName);
    put(u"mcp_skill_md"_s, profile.mcpSkillMd);
    // The old server's api_base_url would point clients back at a server that may be gone: never copied, neither
    // from creator.json nor from the mirrored copy inside app_settings.
    QJsonObject appSettings = QJsonDocument::fromJson(profile.appSettingsJson.toUtf8()).object();
    appSettings.remove(u"api_base_url"_s);
    if (!appSettings.isEmpty()) {
        settings.insert(u"app_settings"_s, appSettings);
    }
    if (profile.appSettingsUpdatedAt) {
        settings.insert(u"app_settings_updated_at"_s, isoTimestamp(*profile.appSettingsUpdatedAt));
    }
    const QJsonObject versions = QJsonDocument::fromJson(profile.lastSeenVersionsJson.toUtf8()).object();
    if (!versions.isEmpty()) {
        settings.insert(u"last_seen_versions"_s, versions);
    }
    if (!settings.isEmpty()) {
        verbose(u"settings: PATCH /settings/ ("_s + settings.keys().join(u", "_s) + u')');
        co_await request("PATCH", u"/settings/"_s, settings, u"settings"_s);
    }
    // Identity fields go separately: a taken username on the target must not cost the rest of the settings.
    QJsonObject identity;
    const auto putIdentity = [&](const QString &key, const QString &value) {
        if (!value.isEmpty()) {
            identity.insert(key, value);
        }
    };
    putIdentity(u"username"_s, profile.username);
    putIdentity(u"first_name"_s, profile.firstName);
    putIdentity(u"last_name"_s, profile.lastName);
    putIdentity(u"email"_s, profile.email);
    if (!identity.isEmpty()) {
        verbose(u"settings: PATCH /settings/ ("_s + identity.keys().join(u", "_s) + u')');
        co_await request("PATCH", u"/settings/"_s, identity, u"settings.identity"_s);
    }
}

QCoro::Task<> Restorer::restoreCourses(const Backup &backup)
{
    QList<Course> courses = backup.account.courses;
    std::ranges::sort(courses, {}, &Course::id);
    for (const Course &course : std::as_const(courses)) {
        QJsonObject body{{u"title"_s, course.title.isEmpty() ? course.slug : course.title},
            {u"description"_s, course.description},
            {u"client_course_id"_s, course.clientCourseId.isEmpty() ? course.slug : course.clientCourseId},
            {u"slug"_s, course.slug}, {u"sort_order"_s, course.sortOrder}, {u"id"_s, course.id}};
        body.insert(u"icon"_s, course.icon ? QJsonValue(*course.icon) : QJsonValue(QJsonValue::Null));
        const Answer answer = co_await request("POST", u"/courses/"_s, body, u"courses"_s);
        if (!answer.ok) {
            continue;
        }
        ++m_summary.courses;
        m_summary.created += answer.status == 201 ? 1 : 0;
        const qint64 serverId = answer.json.toObject().value(u"id"_s).toInteger(-1);
        if (serverId >= 0) {
            m_courseIds.insert(course.id, serverId);
        }
        verbose(u"courses: POST /courses/ %1 → id=%2"_s.arg(course.slug).arg(serverId));
    }
}

QCoro::Task<> Restorer::restoreNotes(const Backup &backup)
{
    // Notes that other notes point at (source_note_uuid) go first; the backup's own id order otherwise.
    QList<Note> notes = backup.account.notes;
    std::ranges::stable_sort(notes, [](const Note &a, const Note &b) {
        if (a.sourceNoteUuid.has_value() != b.sourceNoteUuid.has_value()) {
            return !a.sourceNoteUuid.has_value();
        }
        return a.id < b.id;
    });
    for (const Note &note : std::as_const(notes)) {
        const QString hex = note.uuid.toString(QUuid::Id128);
        const QString draftId = note.clientDraftId.value_or(u"restore:"_s + note.uuid.toString(QUuid::WithoutBraces));
        QJsonObject body{{u"title"_s, note.title}, {u"description"_s, note.description}, {u"content"_s, note.content},
            {u"is_public"_s, note.isPublic}, {u"editor_mode"_s, note.editorMode.isEmpty() ? u"P"_s : note.editorMode},
            {u"metadata_json"_s, note.metadataJson}, {u"custom_meta"_s, note.customMeta},
            {u"client_draft_id"_s, draftId}, {u"note_type"_s, note.noteType.isEmpty() ? u"N"_s : note.noteType},
            // Identity the local server keeps (upstream ignores these keys).
            {u"uuid"_s, note.uuid.toString(QUuid::WithoutBraces)}, {u"id"_s, note.id}};
        if (!note.sharingId.isNull()) {
            body.insert(u"sharing_id"_s, note.sharingId.toString(QUuid::WithoutBraces));
        }
        if (note.dateCreated.isValid()) {
            body.insert(u"date_created"_s, isoTimestamp(note.dateCreated));
            body.insert(u"last_edit"_s, isoTimestamp(note.lastEdit.isValid() ? note.lastEdit : note.dateCreated));
        }
        if (note.deletedAt) {
            body.insert(u"deleted_at"_s, isoTimestamp(*note.deletedAt));
        }
        if (note.sourceNoteUuid) {
            body.insert(u"source_note_uuid"_s, note.sourceNoteUuid->toString(QUuid::WithoutBraces));
        }
        if (const auto courseId = remappedCourse(note.courseId)) {
            body.insert(u"course_id"_s, *courseId);
        }
        const Answer answer = co_await request("POST", u"/notes/"_s, body, u"notes"_s);
        if (!answer.ok) {
            continue;
        }
        m_summary.created += answer.status == 201 ? 1 : 0;
        const QJsonObject created = answer.json.toObject();
        const qint64 serverId = created.value(u"id"_s).toInteger(-1);
        if (serverId >= 0) {
            m_noteIds.insert(hex, serverId);
        }
        verbose(u"notes: POST /notes/ '%1' (client_draft_id=%2)"_s.arg(note.title, draftId));
        if (!note.deletedAt) {
            ++m_summary.notes;
            continue;
        }
        // A recycle-bin note: a server that did not take deleted_at gets the soft delete.
        ++m_summary.recycledNotes;
        if (!m_options.dryRun && serverId >= 0
            && (!created.contains(u"deleted_at"_s) || created.value(u"deleted_at"_s).isNull())) {
            co_await request("DELETE", u"/notes/%1/"_s.arg(serverId), {}, u"notes.recycle_bin"_s);
        }
    }
}

std::optional<qint64> Restorer::remappedCourse(const std::optional<qint64> &backupCourseId) const
{
    // The old server's course id means nothing here: remapped, or dropped when the course was not restored.
    if (backupCourseId && m_courseIds.contains(*backupCourseId)) {
        return m_courseIds.value(*backupCourseId);
    }
    return std::nullopt;
}

QCoro::Task<int> Restorer::postMissing(MissingItems items)
{
    const Answer existing = co_await get(items.listPath, items.section);
    QHash<QString, int> present;
    for (const auto &value : listOf(existing.json, items.listKey)) {
        ++present[items.key(value.toObject())];
    }
    int onServer = 0;
    int posted = 0;
    for (const QJsonObject &body : std::as_const(items.bodies)) {
        auto match = present.find(items.key(body));
        if (match != present.end() && *match > 0) {
            --*match;
            ++onServer;
            continue;
        }
        if ((co_await request("POST", items.postPath, body, items.section)).ok) {
            ++onServer;
            ++posted;
        }
    }
    m_summary.created += posted;
    verbose(u"%1: POSTed %2 item(s) to %3"_s.arg(items.section).arg(posted).arg(items.postPath));
    co_return onServer;
}

QCoro::Task<> Restorer::restoreEvents(const Backup &backup)
{
    MissingItems items{u"/planner-events/?include_completed=true&limit=100000"_s, u"events"_s, u"/planner-events/"_s,
        u"planner"_s, {}, eventKey};
    for (const PlannerEvent &event : backup.account.events) {
        items.bodies.append(QJsonObject{{u"title"_s, event.title.isEmpty() ? u"Untitled"_s : event.title},
            {u"event_date"_s, event.eventDate.toString(Qt::ISODate)}, {u"starts_at"_s, nullable(event.startsAt)},
            {u"ends_at"_s, nullable(event.endsAt)}, {u"difficulty_weight"_s, std::max(1, event.difficultyWeight)},
            {u"description"_s, event.description}, {u"is_completed"_s, event.isCompleted},
            {u"completed_at"_s, nullable(event.completedAt)}, {u"recurrence_freq"_s, event.recurrenceFreq},
            {u"recurrence_interval"_s, event.recurrenceInterval},
            {u"recurrence_end_date"_s,
                event.recurrenceEndDate ? QJsonValue(event.recurrenceEndDate->toString(Qt::ISODate))
                                        : QJsonValue(QJsonValue::Null)},
            {u"recurrence_count"_s,
                event.recurrenceCount ? QJsonValue(*event.recurrenceCount) : QJsonValue(QJsonValue::Null)},
            {u"id"_s, event.id}, {u"course_id"_s, nullableId(remappedCourse(event.courseId))}});
    }
    m_summary.plannerEvents += co_await postMissing(std::move(items));
}

QCoro::Task<> Restorer::restoreFeeds(const Backup &backup)
{
    MissingItems items{u"/calendar-feeds/"_s, u"feeds"_s, u"/calendar-feeds/"_s, u"calendar-feeds"_s, {}, feedKey};
    for (const CalendarFeed &feed : backup.account.feeds) {
        items.bodies.append(QJsonObject{{u"title"_s, feed.title.isEmpty() ? u"Untitled feed"_s : feed.title},
            {u"source_kind"_s, feed.sourceKind.isEmpty() ? u"S"_s : feed.sourceKind}, {u"source_url"_s, feed.sourceUrl},
            {u"is_enabled"_s, feed.isEnabled}, {u"raw_ical"_s, feed.rawIcal}, {u"last_sync"_s, nullable(feed.lastSync)},
            {u"id"_s, feed.id}, {u"course_id"_s, nullableId(remappedCourse(feed.courseId))}});
    }
    m_summary.calendarFeeds += co_await postMissing(std::move(items));
}

QCoro::Task<QSet<QString>> Restorer::attachmentsOn(qint64 noteId)
{
    // What identifies an attachment already there: its uuid, or the name it was uploaded under with its size.
    const Answer answer = co_await get(u"/notes/%1/"_s.arg(noteId), u"assets"_s);
    QSet<QString> keys;
    for (const auto &value : answer.json.toObject().value(u"attachments"_s).toArray()) {
        const QJsonObject attachment = value.toObject();
        const QUuid uuid = QUuid::fromString(attachment.value(u"uuid"_s).toString());
        if (!uuid.isNull()) {
            keys.insert(uuid.toString(QUuid::Id128));
        }
        keys.insert(attachment.value(u"original_filename"_s).toString() + u'\x1f'
            + QString::number(attachment.value(u"size"_s).toInteger(-1)));
    }
    co_return keys;
}

QCoro::Task<> Restorer::restoreAttachment(const BackupAsset &asset, qint64 noteId, QSet<QString> &present)
{
    const QString uuidHex = asset.file.fileName.section(u'.', 0, 0);
    const QString nameAndSize = asset.file.fileName + u'\x1f' + QString::number(asset.file.bytes.size());
    if (present.contains(uuidHex) || present.contains(nameAndSize)) {
        ++m_summary.attachments;
        verbose(u"assets: %1 is already on note %2"_s.arg(asset.path).arg(noteId));
        co_return;
    }
    const Answer answer
        = co_await upload("POST", u"/notes/%1/attachments/"_s.arg(noteId), u"file"_s, asset.file, u"assets"_s);
    if (answer.ok) {
        ++m_summary.attachments;
        m_summary.created += answer.status == 201 ? 1 : 0;
        present.insert(nameAndSize);
    }
}

QCoro::Task<> Restorer::restoreAssets(const Backup &backup)
{
    QHash<qint64, QSet<QString>> attachmentsByNote; // read once per note, so a rerun uploads no attachment again
    for (const BackupAsset &asset : backup.assets) {
        if (asset.kind == BackupAsset::Kind::Avatar) {
            if ((co_await upload("PATCH", u"/settings/"_s, u"avatar"_s, asset.file, u"assets"_s)).ok) {
                ++m_summary.avatar;
            }
            continue;
        }
        if (!m_noteIds.contains(asset.noteHex)) {
            ++m_summary.assetsSkipped;
            if (m_options.dryRun) {
                verbose(u"assets: skip %1 (no server id in a dry run)"_s.arg(asset.path));
            } else {
                report(u"assets"_s, u"%1 belongs to a note that was not restored."_s.arg(asset.path));
            }
            continue;
        }
        const qint64 noteId = m_noteIds.value(asset.noteHex);
        if (asset.kind == BackupAsset::Kind::Cover) {
            if ((co_await upload("POST", u"/notes/%1/cover/"_s.arg(noteId), u"cover"_s, asset.file, u"assets"_s)).ok) {
                ++m_summary.covers;
            }
            continue;
        }
        if (!attachmentsByNote.contains(noteId)) {
            attachmentsByNote.insert(noteId, co_await attachmentsOn(noteId));
        }
        co_await restoreAttachment(asset, noteId, attachmentsByNote[noteId]);
    }
}

} // namespace Notechondria
