// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.h"

#include "clock.h"
#include "installationid.h"
#include "logging.h"
#include "privatefiles.h"
#include "storeprivate.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace StoreSql {

QVariant fromDateTime(const QDateTime &value)
{
    return value.isValid() ? QVariant(value.toUTC().toString(Qt::ISODateWithMs))
                           : QVariant(QMetaType::fromType<QString>());
}

QVariant fromDateTime(const std::optional<QDateTime> &value)
{
    return value ? fromDateTime(*value) : QVariant(QMetaType::fromType<QString>());
}

std::optional<QDateTime> toDateTime(const QVariant &value)
{
    if (value.isNull()) {
        return std::nullopt;
    }
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        return std::nullopt;
    }
    return parsed.toUTC();
}

QVariant fromDate(const QDate &value)
{
    return value.isValid() ? QVariant(value.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QVariant fromDate(const std::optional<QDate> &value)
{
    return value ? fromDate(*value) : QVariant(QMetaType::fromType<QString>());
}

std::optional<QDate> toDate(const QVariant &value)
{
    if (value.isNull()) {
        return std::nullopt;
    }
    const QDate parsed = QDate::fromString(value.toString(), Qt::ISODate);
    return parsed.isValid() ? std::optional<QDate>(parsed) : std::nullopt;
}

QVariant fromUuid(const QUuid &value)
{
    return value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value.toString(QUuid::WithoutBraces));
}

QVariant fromId(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qlonglong>());
}

std::optional<qint64> toId(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QVariant fromInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

std::optional<int> toInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

QVariant fromText(const std::optional<QString> &value)
{
    return value ? text(*value) : QVariant(QMetaType::fromType<QString>());
}

QVariant text(const QString &value)
{
    // A null QString binds as SQL NULL; NOT NULL text columns want "".
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

QVariant blob(const QByteArray &value)
{
    return value.isNull() ? QVariant(QByteArray("", 0)) : QVariant(value);
}

} // namespace StoreSql

using namespace StoreSql;

namespace {

/// Django's slugify as upstream uses it for course slugs: ASCII, lowercase, words joined by '-', at most 100.
QString slugify(const QString &title)
{
    const QString ascii = title.normalized(QString::NormalizationForm_KD);
    QString slug;
    bool pendingDash = false;
    for (const QChar c : ascii) {
        if (c.unicode() >= 128) {
            continue;
        }
        const QChar lower = c.toLower();
        if ((lower >= u'a' && lower <= u'z') || (lower >= u'0' && lower <= u'9') || lower == u'_') {
            if (pendingDash && !slug.isEmpty()) {
                slug += u'-';
            }
            pendingDash = false;
            slug += lower;
        } else if (lower == u' ' || lower == u'-') {
            pendingDash = true;
        }
    }
    while (slug.startsWith(u'_')) {
        slug.remove(0, 1);
    }
    slug.truncate(100);
    while (slug.endsWith(u'-') || slug.endsWith(u'_')) {
        slug.chop(1);
    }
    return slug.isEmpty() ? u"local-course"_s : slug;
}

Course readCourse(const QSqlQuery &q)
{
    Course c;
    c.id = q.value(0).toLongLong();
    c.clientCourseId = q.value(1).toString();
    c.slug = q.value(2).toString();
    c.title = q.value(3).toString();
    c.description = q.value(4).toString();
    c.icon = toInt(q.value(5));
    c.sortOrder = q.value(6).toInt();
    c.coverImageUrl = q.value(7).toString();
    c.dateCreated = toDateTime(q.value(8));
    c.lastEdit = toDateTime(q.value(9));
    return c;
}

const QString courseColumns
    = u"id, client_course_id, slug, title, description, icon, sort_order, cover_image_url, date_created, last_edit"_s;

GitHubIntegration readIntegration(const QSqlQuery &q)
{
    GitHubIntegration g;
    g.installationId = q.value(0).toString();
    g.accountLogin = q.value(1).toString();
    g.repoFullName = q.value(2).toString();
    g.repoDefaultBranch = q.value(3).toString();
    g.lastPushAt = toDateTime(q.value(4));
    g.lastPushSha = q.value(5).toString();
    g.lastPushTree = q.value(6).toString();
    g.lastError = q.value(7).toString();
    g.includeAssets = q.value(8).toBool();
    g.createdAt = toDateTime(q.value(9));
    g.updatedAt = toDateTime(q.value(10));
    return g;
}

const QRegularExpression &repoPattern()
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"_s);
    return pattern;
}

} // namespace

// ---- the connection ------------------------------------------------------------------------------------------------

Result<QSqlQuery> Store::Private::exec(
    const QString &sql, const QVariantList &values, const QString &consequence, const QString &process) const
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        return std::unexpected(sqlError(query, consequence, process));
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        return std::unexpected(sqlError(query, consequence, process));
    }
    return query;
}

Error Store::Private::sqlError(const QSqlQuery &query, const QString &consequence, const QString &process)
{
    const QSqlError error = query.lastError();
    QString cause = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (cause.isEmpty()) {
        cause = u"unknown SQLite error"_s;
    }
    Error result{consequence, process, cause};
    qCWarning(lcStore).noquote() << result.message();
    return result;
}

QDateTime Store::Private::now() const
{
    return clock->now().toUTC();
}

Store::Store(QString path, QString connectionName, const Clock *clock)
    : d(std::make_unique<Private>())
{
    d->path = std::move(path);
    d->connectionName = std::move(connectionName);
    d->clock = clock;
}

Store::~Store()
{
    if (d->db.isValid()) {
        d->db.close();
    }
    d->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(d->connectionName);
}

namespace {

/// The data folder 0700; the database and its -wal, -shm and -journal files 0600.
Result<void> makePrivate(const QFileInfo &info, const QString &consequence, const QString &process)
{
    if (auto folder = PrivateFiles::ensureFolder(info.absolutePath(), consequence, process); !folder) {
        return folder;
    }
    if (auto file = PrivateFiles::ensureFile(info.absoluteFilePath(), consequence, process); !file) {
        return file;
    }
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        if (auto side = PrivateFiles::tightenFile(info.absoluteFilePath() + suffix, consequence, process); !side) {
            return side;
        }
    }
    return {};
}

} // namespace

Result<std::unique_ptr<Store>> Store::open(const QString &path, const Clock *clock)
{
    const QString consequence = u"Cannot open the local store"_s;
    const QString process = u"Core.Store/open"_s;
    Q_ASSERT(clock);
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        return fail(consequence, process, u"the Qt SQLite driver (QSQLITE) is not available"_s);
    }
    const QFileInfo info(path);
    // Owner-only from the start: the folder 0700, the database 0600 (SQLite gives its -wal and -shm the same mode).
    if (auto isPrivate = makePrivate(info, consequence, process); !isPrivate) {
        return std::unexpected(isPrivate.error());
    }
    const QString name = u"notechondria-store-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Store> store(new Store(info.absoluteFilePath(), name, clock));
    Private &d = *store->d;
    d.db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    d.db.setDatabaseName(d.path);
    d.db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!d.db.open()) {
        return fail(consequence, process, u"%1 (%2)"_s.arg(d.db.lastError().text(), d.path));
    }
    // Read the version before writing anything: a newer file stays untouched.
    const Result<int> version = d.storedSchemaVersion();
    if (!version) {
        return std::unexpected(version.error());
    }
    if (*version > schemaVersion) {
        return fail(consequence, process,
            u"%1 was written by a newer version of the app (schema version %2, this build reads up to %3)"_s.arg(d.path)
                .arg(*version)
                .arg(schemaVersion));
    }
    for (const QString &pragma :
        {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s, u"PRAGMA foreign_keys = ON"_s}) {
        if (auto done = d.exec(pragma, {}, consequence, process); !done) {
            return std::unexpected(done.error());
        }
    }
    if (*version < schemaVersion) {
        if (auto migrated = d.migrate(*version); !migrated) {
            return std::unexpected(migrated.error());
        }
    }
    qCInfo(lcStore).noquote() << u"Local store opened: Core.Store/open — %1 (schema version %2)"_s.arg(d.path).arg(
        schemaVersion);
    return store;
}

QString Store::path() const
{
    return d->path;
}

bool Store::isSafeSlug(const QString &slug)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{0,99}$"_s);
    return pattern.match(slug).hasMatch() && !slug.contains(u".."_s);
}

Result<void> Store::transaction(const std::function<Result<void>()> &work)
{
    const QString consequence = u"Cannot save changes"_s;
    const QString process = u"Core.Store/transaction"_s;
    const QString savepoint = u"sp%1"_s.arg(d->transactionDepth);
    if (auto begun = d->exec(u"SAVEPOINT "_s + savepoint, {}, consequence, process); !begun) {
        return std::unexpected(begun.error());
    }
    ++d->transactionDepth;
    Result<void> result = work();
    --d->transactionDepth;
    if (result) {
        if (auto released = d->exec(u"RELEASE "_s + savepoint, {}, consequence, process); !released) {
            (void)d->exec(u"ROLLBACK TO "_s + savepoint, {}, consequence, process);
            (void)d->exec(u"RELEASE "_s + savepoint, {}, consequence, process);
            return std::unexpected(released.error());
        }
        return {};
    }
    (void)d->exec(u"ROLLBACK TO "_s + savepoint, {}, consequence, process);
    (void)d->exec(u"RELEASE "_s + savepoint, {}, consequence, process);
    return result;
}

// ---- files ---------------------------------------------------------------------------------------------------------

Result<std::optional<qint64>> Store::Private::insertFile(
    const StoredFile &file, const QString &consequence, const QString &process)
{
    if (file.isEmpty()) {
        return std::nullopt;
    }
    auto q = exec(u"INSERT INTO files (file_name, content_type, bytes) VALUES (?, ?, ?)"_s,
        {text(file.fileName), text(file.contentType), blob(file.bytes)}, consequence, process);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->lastInsertId().toLongLong();
}

Result<void> Store::Private::deleteFile(std::optional<qint64> id, const QString &consequence, const QString &process)
{
    if (!id) {
        return {};
    }
    auto q = exec(u"DELETE FROM files WHERE id = ?"_s, {*id}, consequence, process);
    if (!q) {
        return std::unexpected(q.error());
    }
    return {};
}

// ---- profile -------------------------------------------------------------------------------------------------------

Result<Profile> Store::profile() const
{
    auto q = d->exec(
        u"SELECT p.username, p.first_name, p.last_name, p.email, p.is_active, p.display_name, p.motto, "
        "p.social_link, p.editor_mode, p.theme_preset, p.theme_mode, p.api_base_url, p.image_url, "
        "p.uncategorized_folder_name, p.last_seen_versions_json, p.date_joined, p.last_login, p.app_settings_json, "
        "p.app_settings_updated_at, p.mcp_skill_md, f.file_name, f.content_type, f.bytes "
        "FROM profile p LEFT JOIN files f ON f.id = p.avatar_file_id WHERE p.id = 1"_s,
        {}, u"Cannot read the profile"_s, u"Core.Store/profile"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    Profile p;
    if (!q->next()) {
        return p;
    }
    p.username = q->value(0).toString();
    p.firstName = q->value(1).toString();
    p.lastName = q->value(2).toString();
    p.email = q->value(3).toString();
    p.isActive = q->value(4).toBool();
    p.displayName = q->value(5).toString();
    p.motto = q->value(6).toString();
    p.socialLink = q->value(7).toString();
    p.editorMode = q->value(8).toString();
    p.themePreset = q->value(9).toString();
    p.themeMode = q->value(10).toString();
    p.apiBaseUrl = q->value(11).toString();
    p.imageUrl = q->value(12).toString();
    p.uncategorizedFolderName = q->value(13).toString();
    p.lastSeenVersionsJson = q->value(14).toString();
    p.dateJoined = toDateTime(q->value(15));
    p.lastLogin = toDateTime(q->value(16));
    p.appSettingsJson = q->value(17).toString();
    p.appSettingsUpdatedAt = toDateTime(q->value(18));
    p.mcpSkillMd = q->value(19).toString();
    if (!q->value(20).isNull()) {
        p.avatar = StoredFile{q->value(20).toString(), q->value(21).toString(), q->value(22).toByteArray()};
    }
    return p;
}

Result<void> Store::saveProfile(const Profile &p)
{
    auto q = d->exec(
        u"INSERT INTO profile (id, username, first_name, last_name, email, is_active, display_name, motto, "
        "social_link, editor_mode, theme_preset, theme_mode, api_base_url, image_url, uncategorized_folder_name, "
        "last_seen_versions_json, date_joined, last_login, app_settings_json, app_settings_updated_at, mcp_skill_md) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "username = excluded.username, first_name = excluded.first_name, last_name = excluded.last_name, "
        "email = excluded.email, is_active = excluded.is_active, display_name = excluded.display_name, "
        "motto = excluded.motto, social_link = excluded.social_link, editor_mode = excluded.editor_mode, "
        "theme_preset = excluded.theme_preset, theme_mode = excluded.theme_mode, "
        "api_base_url = excluded.api_base_url, image_url = excluded.image_url, "
        "uncategorized_folder_name = excluded.uncategorized_folder_name, "
        "last_seen_versions_json = excluded.last_seen_versions_json, date_joined = excluded.date_joined, "
        "last_login = excluded.last_login, app_settings_json = excluded.app_settings_json, "
        "app_settings_updated_at = excluded.app_settings_updated_at, mcp_skill_md = excluded.mcp_skill_md"_s,
        {text(p.username), text(p.firstName), text(p.lastName), text(p.email), p.isActive ? 1 : 0, text(p.displayName),
            text(p.motto), text(p.socialLink), text(p.editorMode), text(p.themePreset), text(p.themeMode),
            text(p.apiBaseUrl), text(p.imageUrl), text(p.uncategorizedFolderName), text(p.lastSeenVersionsJson),
            fromDateTime(p.dateJoined), fromDateTime(p.lastLogin), text(p.appSettingsJson),
            fromDateTime(p.appSettingsUpdatedAt), text(p.mcpSkillMd)},
        u"Cannot save the profile"_s, u"Core.Store/save_profile"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return {};
}

Result<void> Store::setAvatar(const StoredFile &file)
{
    const QString consequence = u"Cannot save the avatar"_s;
    const QString process = u"Core.Store/save_avatar"_s;
    return transaction([&]() -> Result<void> {
        auto old = d->exec(u"SELECT avatar_file_id FROM profile WHERE id = 1"_s, {}, consequence, process);
        if (!old) {
            return std::unexpected(old.error());
        }
        if (!old->next()) {
            if (auto created = saveProfile(Profile{}); !created) {
                return created;
            }
        } else if (auto removed = d->deleteFile(toId(old->value(0)), consequence, process); !removed) {
            return removed;
        }
        auto fileId = d->insertFile(file, consequence, process);
        if (!fileId) {
            return std::unexpected(fileId.error());
        }
        auto q
            = d->exec(u"UPDATE profile SET avatar_file_id = ? WHERE id = 1"_s, {fromId(*fileId)}, consequence, process);
        if (!q) {
            return std::unexpected(q.error());
        }
        return {};
    });
}

// ---- courses -------------------------------------------------------------------------------------------------------

Result<QList<Course>> Store::courses() const
{
    auto q = d->exec(u"SELECT "_s + courseColumns + u" FROM courses ORDER BY sort_order, slug"_s, {},
        u"Cannot list courses"_s, u"Core.Store/courses"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    QList<Course> list;
    while (q->next()) {
        list.append(readCourse(*q));
    }
    return list;
}

Result<std::optional<Course>> Store::Private::selectOneCourse(const QString &where, const QVariant &value) const
{
    auto q = exec(u"SELECT "_s + courseColumns + u" FROM courses WHERE "_s + where + u" ORDER BY id LIMIT 1"_s, {value},
        u"Cannot read a course"_s, u"Core.Store/course"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (!q->next()) {
        return std::nullopt;
    }
    return readCourse(*q);
}

Result<std::optional<Course>> Store::course(qint64 id) const
{
    return d->selectOneCourse(u"id = ?"_s, id);
}

Result<std::optional<Course>> Store::courseBySlug(const QString &slug) const
{
    return d->selectOneCourse(u"slug = ?"_s, slug);
}

Result<std::optional<Course>> Store::courseByClientId(const QString &clientCourseId) const
{
    if (clientCourseId.isEmpty()) {
        return std::nullopt;
    }
    return d->selectOneCourse(u"client_course_id = ?"_s, clientCourseId);
}

Result<Course> Store::saveCourse(Course course)
{
    const QString consequence = u"Cannot save course"_s;
    const QString process = u"Core.Store/save_course"_s;
    if (!course.slug.isEmpty() && !isSafeSlug(course.slug)) {
        return fail(consequence, process,
            u"the slug '%1' is not path-safe (lowercase letters, digits, '.', '_', '-'; at most 100; no '..')"_s.arg(
                course.slug.left(120)));
    }
    Result<void> saved = transaction([&]() -> Result<void> {
        if (course.slug.isEmpty()) {
            const QString base = slugify(course.title);
            QString candidate = base;
            for (int suffix = 2;; ++suffix) {
                auto taken = d->exec(u"SELECT count(*) FROM courses WHERE slug = ? AND id <> ?"_s,
                    {candidate, course.id}, consequence, process);
                if (!taken) {
                    return std::unexpected(taken.error());
                }
                if (taken->next() && taken->value(0).toInt() == 0) {
                    break;
                }
                const QString tail = u"-%1"_s.arg(suffix);
                candidate = base.left(100 - tail.size()) + tail;
            }
            course.slug = candidate;
        }
        const QVariantList values{text(course.clientCourseId), text(course.slug), text(course.title),
            text(course.description), fromInt(course.icon), course.sortOrder, text(course.coverImageUrl),
            fromDateTime(course.dateCreated), fromDateTime(course.lastEdit)};
        if (course.id == 0) {
            auto q = d->exec(u"INSERT INTO courses (client_course_id, slug, title, description, icon, sort_order, "
                             "cover_image_url, date_created, last_edit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                values, consequence, process);
            if (!q) {
                return std::unexpected(q.error());
            }
            course.id = q->lastInsertId().toLongLong();
            return {};
        }
        auto q = d->exec(u"UPDATE courses SET client_course_id = ?, slug = ?, title = ?, description = ?, icon = ?, "
                         "sort_order = ?, cover_image_url = ?, date_created = ?, last_edit = ? WHERE id = ?"_s,
            values + QVariantList{course.id}, consequence, process);
        if (!q) {
            return std::unexpected(q.error());
        }
        if (q->numRowsAffected() == 0) {
            return fail(consequence, process, u"no course with id %1"_s.arg(course.id));
        }
        return {};
    });
    if (!saved) {
        return std::unexpected(saved.error());
    }
    return course;
}

Result<void> Store::deleteCourse(qint64 id)
{
    auto q = d->exec(
        u"DELETE FROM courses WHERE id = ?"_s, {id}, u"Cannot delete course"_s, u"Core.Store/delete_course"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return {};
}

// ---- integration ---------------------------------------------------------------------------------------------------

Result<std::optional<GitHubIntegration>> Store::integration() const
{
    auto q = d->exec(u"SELECT installation_id, account_login, repo_full_name, repo_default_branch, last_push_at, "
                     "last_push_sha, last_push_tree, last_error, include_assets, created_at, updated_at "
                     "FROM github_integration WHERE id = 1"_s,
        {}, u"Cannot read the GitHub integration"_s, u"Core.Store/integration"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (!q->next()) {
        return std::nullopt;
    }
    return readIntegration(*q);
}

Result<void> Store::saveIntegration(const GitHubIntegration &g)
{
    const QDateTime now = d->now();
    auto q = d->exec(
        u"INSERT INTO github_integration (id, installation_id, account_login, repo_full_name, repo_default_branch, "
        "last_push_at, last_push_sha, last_push_tree, last_error, include_assets, created_at, updated_at) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "installation_id = excluded.installation_id, account_login = excluded.account_login, "
        "repo_full_name = excluded.repo_full_name, repo_default_branch = excluded.repo_default_branch, "
        "last_push_at = excluded.last_push_at, last_push_sha = excluded.last_push_sha, "
        "last_push_tree = excluded.last_push_tree, last_error = excluded.last_error, "
        "include_assets = excluded.include_assets, created_at = coalesce(github_integration.created_at, "
        "excluded.created_at), updated_at = excluded.updated_at"_s,
        {text(g.installationId), text(g.accountLogin), text(g.repoFullName),
            text(g.repoDefaultBranch.isEmpty() ? u"main"_s : g.repoDefaultBranch), fromDateTime(g.lastPushAt),
            text(g.lastPushSha), text(g.lastPushTree), text(g.lastError), g.includeAssets ? 1 : 0,
            fromDateTime(g.createdAt.value_or(now)), fromDateTime(now)},
        u"Cannot save the GitHub integration"_s, u"Core.Store/save_integration"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return {};
}

Result<GitHubIntegration> Store::connectIntegration(const IntegrationUpdate &update)
{
    const QString consequence = u"GitHub App not connected"_s;
    const QString process = u"Core.Store/connect"_s;
    const QString installationId = update.installationId.trimmed();
    if (!isInstallationId(installationId)) {
        return fail(consequence, process, u"the installation id must be a positive integer"_s);
    }
    if (update.repoFullName && !update.repoFullName->isEmpty()
        && !repoPattern().match(*update.repoFullName).hasMatch()) {
        return fail(consequence, process,
            u"'%1' is not a repository name of the form OWNER/NAME"_s.arg(update.repoFullName->left(160)));
    }
    GitHubIntegration row;
    Result<void> done = transaction([&]() -> Result<void> {
        auto existing = integration();
        if (!existing) {
            return std::unexpected(existing.error());
        }
        row = existing->value_or(GitHubIntegration{});
        const bool hadRow = existing->has_value();
        const QString oldInstallation = row.installationId;
        const QString oldRepo = row.repoFullName;
        row.installationId = installationId;
        if (update.accountLogin) {
            row.accountLogin = *update.accountLogin;
        }
        if (update.repoFullName) {
            row.repoFullName = *update.repoFullName;
        }
        if (update.repoDefaultBranch) {
            row.repoDefaultBranch
                = update.repoDefaultBranch->trimmed().isEmpty() ? u"main"_s : *update.repoDefaultBranch;
        }
        if (update.includeAssets) {
            row.includeAssets = *update.includeAssets;
        }
        row.lastError.clear();
        if (!hadRow || oldInstallation != row.installationId || oldRepo != row.repoFullName) {
            // A push to another repository (or through another installation) starts over.
            row.lastPushSha.clear();
            row.lastPushTree.clear();
            row.lastPushAt.reset();
            auto cleared = d->exec(u"DELETE FROM sync_base"_s, {}, consequence, process);
            if (!cleared) {
                return std::unexpected(cleared.error());
            }
        }
        if (auto saved = saveIntegration(row); !saved) {
            return saved;
        }
        auto reread = integration();
        if (!reread) {
            return std::unexpected(reread.error());
        }
        row = reread->value_or(row);
        return {};
    });
    if (!done) {
        return std::unexpected(done.error().withConsequence(consequence));
    }
    qCInfo(lcStore).noquote() << u"GitHub integration saved: Core.Store/connect — installation %1, repo '%2'"_s.arg(
        row.installationId, row.repoFullName);
    return row;
}

Result<void> Store::deleteIntegration()
{
    const QString consequence = u"Cannot disconnect GitHub"_s;
    const QString process = u"Core.Store/disconnect"_s;
    return transaction([&]() -> Result<void> {
        for (const QString &sql : {u"DELETE FROM github_integration"_s, u"DELETE FROM sync_base"_s}) {
            if (auto q = d->exec(sql, {}, consequence, process); !q) {
                return std::unexpected(q.error());
            }
        }
        return {};
    });
}

Result<void> Store::setIntegrationError(const QString &message)
{
    auto q = d->exec(u"UPDATE github_integration SET last_error = ?, updated_at = ? WHERE id = 1"_s,
        {text(message), fromDateTime(d->now())}, u"Cannot save the last sync error"_s,
        u"Core.Store/save_integration"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return {};
}

Result<QHash<QString, SyncBaseEntry>> Store::syncBase() const
{
    auto q = d->exec(u"SELECT path, base_blob, local_blob FROM sync_base"_s, {}, u"Cannot read the sync base"_s,
        u"Core.Store/sync_base"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    QHash<QString, SyncBaseEntry> base;
    while (q->next()) {
        base.insert(q->value(0).toString(), {q->value(1).toString(), q->value(2).toString()});
    }
    return base;
}

Result<void> Store::recordSync(const GitHubIntegration &integration, const QHash<QString, SyncBaseEntry> &base)
{
    const QString consequence = u"Cannot record the sync"_s;
    const QString process = u"Core.Store/record_sync"_s;
    auto old = syncBase();
    if (!old) {
        return std::unexpected(old.error().withConsequence(consequence));
    }
    Result<void> done = transaction([&]() -> Result<void> {
        if (auto saved = saveIntegration(integration); !saved) {
            return saved;
        }
        for (auto it = old->cbegin(); it != old->cend(); ++it) {
            if (base.contains(it.key())) {
                continue;
            }
            if (auto q = d->exec(u"DELETE FROM sync_base WHERE path = ?"_s, {it.key()}, consequence, process); !q) {
                return std::unexpected(q.error());
            }
        }
        for (auto it = base.cbegin(); it != base.cend(); ++it) {
            if (const auto found = old->constFind(it.key()); found != old->cend() && *found == it.value()) {
                continue;
            }
            auto q = d->exec(u"INSERT OR REPLACE INTO sync_base (path, base_blob, local_blob) VALUES (?, ?, ?)"_s,
                {it.key(), text(it.value().base), text(it.value().local)}, consequence, process);
            if (!q) {
                return std::unexpected(q.error());
            }
        }
        return {};
    });
    if (!done) {
        return std::unexpected(done.error().withConsequence(consequence));
    }
    return {};
}

// ---- push runs -----------------------------------------------------------------------------------------------------

Result<qint64> Store::recordRun(const PushRun &run)
{
    auto q = d->exec(u"INSERT INTO push_runs (started_at, duration_ms, added, changed, deleted, bytes, requests, "
                     "commit_sha, outcome, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {fromDateTime(run.startedAt.isValid() ? run.startedAt : d->now()), run.durationMs, run.added, run.changed,
            run.deleted, run.bytes, run.requests, text(run.commitSha), text(run.outcome), text(run.message)},
        u"Cannot record the push run"_s, u"Core.Store/record_run"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->lastInsertId().toLongLong();
}

Result<QList<PushRun>> Store::runs(int limit) const
{
    auto q = d->exec(u"SELECT id, started_at, duration_ms, added, changed, deleted, bytes, requests, commit_sha, "
                     "outcome, message FROM push_runs ORDER BY started_at DESC, id DESC LIMIT ?"_s,
        {limit}, u"Cannot list push runs"_s, u"Core.Store/runs"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    QList<PushRun> list;
    while (q->next()) {
        PushRun run;
        run.id = q->value(0).toLongLong();
        run.startedAt = toDateTime(q->value(1)).value_or(QDateTime());
        run.durationMs = q->value(2).toLongLong();
        run.added = q->value(3).toInt();
        run.changed = q->value(4).toInt();
        run.deleted = q->value(5).toInt();
        run.bytes = q->value(6).toLongLong();
        run.requests = q->value(7).toInt();
        run.commitSha = q->value(8).toString();
        run.outcome = q->value(9).toString();
        run.message = q->value(10).toString();
        list.append(run);
    }
    return list;
}

// ---- whole account -------------------------------------------------------------------------------------------------

Result<AccountSnapshot> Store::snapshot(bool withFileBytes) const
{
    AccountSnapshot snap;
    // One read transaction: the export sees one consistent state.
    Result<void> read = const_cast<Store *>(this)->transaction([&]() -> Result<void> {
        auto p = profile();
        if (!p) {
            return std::unexpected(p.error());
        }
        snap.profile = std::move(*p);
        if (!withFileBytes) {
            snap.profile.avatar.bytes.clear();
        }
        auto c = courses();
        if (!c) {
            return std::unexpected(c.error());
        }
        snap.courses = std::move(*c);
        auto n = d->selectNotes(
            {}, {}, u"ORDER BY n.uuid"_s, withFileBytes, u"Cannot read the account"_s, u"Core.Store/snapshot"_s);
        if (!n) {
            return std::unexpected(n.error());
        }
        snap.notes = std::move(*n);
        auto e = events();
        if (!e) {
            return std::unexpected(e.error());
        }
        snap.events = std::move(*e);
        auto f = feeds();
        if (!f) {
            return std::unexpected(f.error());
        }
        snap.feeds = std::move(*f);
        return {};
    });
    if (!read) {
        return std::unexpected(read.error());
    }
    return snap;
}

Result<void> Store::clearAccount()
{
    const QString consequence = u"Cannot clear the account"_s;
    const QString process = u"Core.Store/clear_account"_s;
    return transaction([&]() -> Result<void> {
        for (const QString &sql : {u"DELETE FROM attachments"_s, u"DELETE FROM notes"_s,
                 u"DELETE FROM planner_events"_s, u"DELETE FROM calendar_feeds"_s, u"DELETE FROM courses"_s,
                 u"DELETE FROM profile"_s, u"DELETE FROM files"_s}) {
            if (auto q = d->exec(sql, {}, consequence, process); !q) {
                return std::unexpected(q.error());
            }
        }
        return {};
    });
}

} // namespace Notechondria
