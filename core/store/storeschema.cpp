// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeschema.h"

#include "logging.h"
#include "store.h"
#include "storecontext.h"
#include "storesql.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

// 1, part one: the account (files, profile, courses, notes with attachments, planner events, calendar feeds).
QStringList version1AccountTables()
{
    return {
        u"CREATE TABLE files (id INTEGER PRIMARY KEY AUTOINCREMENT, file_name TEXT NOT NULL, "
        "content_type TEXT NOT NULL, bytes BLOB NOT NULL)"_s,
        u"CREATE TABLE profile (id INTEGER PRIMARY KEY CHECK (id = 1), username TEXT NOT NULL, "
        "first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT NOT NULL, is_active INTEGER NOT NULL, "
        "display_name TEXT NOT NULL, motto TEXT NOT NULL, social_link TEXT NOT NULL, editor_mode TEXT NOT NULL, "
        "theme_preset TEXT NOT NULL, theme_mode TEXT NOT NULL, api_base_url TEXT NOT NULL, "
        "image_url TEXT NOT NULL, uncategorized_folder_name TEXT NOT NULL, "
        "last_seen_versions_json TEXT NOT NULL, date_joined TEXT, last_login TEXT, "
        "app_settings_json TEXT NOT NULL, app_settings_updated_at TEXT, mcp_skill_md TEXT NOT NULL, "
        "avatar_file_id INTEGER REFERENCES files (id) ON DELETE SET NULL)"_s,
        u"CREATE TABLE courses (id INTEGER PRIMARY KEY AUTOINCREMENT, client_course_id TEXT NOT NULL, "
        "slug TEXT NOT NULL UNIQUE, title TEXT NOT NULL, description TEXT NOT NULL, icon INTEGER, "
        "sort_order INTEGER NOT NULL, cover_image_url TEXT NOT NULL, date_created TEXT, last_edit TEXT)"_s,
        u"CREATE INDEX courses_client_id ON courses (client_course_id)"_s,
        u"CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE, "
        "sharing_id TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, content TEXT NOT NULL, "
        "editor_mode TEXT NOT NULL, note_type TEXT NOT NULL, source_note_uuid TEXT, "
        "metadata_json TEXT NOT NULL, custom_meta TEXT NOT NULL, client_draft_id TEXT, "
        "course_id INTEGER REFERENCES courses (id) ON DELETE SET NULL, is_public INTEGER NOT NULL, "
        "last_edit TEXT NOT NULL, date_created TEXT NOT NULL, deleted_at TEXT, cover_image_url TEXT NOT NULL, "
        "cover_file_id INTEGER REFERENCES files (id) ON DELETE SET NULL)"_s,
        u"CREATE INDEX notes_course ON notes (course_id)"_s,
        u"CREATE INDEX notes_client_draft ON notes (client_draft_id)"_s,
        u"CREATE INDEX notes_last_edit ON notes (last_edit)"_s,
        u"CREATE TABLE attachments (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE, uuid TEXT NOT NULL UNIQUE, "
        "original_filename TEXT NOT NULL, file_id INTEGER NOT NULL REFERENCES files (id))"_s,
        u"CREATE INDEX attachments_note ON attachments (note_id)"_s,
        u"CREATE TABLE planner_events (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, "
        "event_date TEXT NOT NULL, starts_at TEXT, ends_at TEXT, difficulty_weight INTEGER NOT NULL, "
        "description TEXT NOT NULL, course_id INTEGER REFERENCES courses (id) ON DELETE SET NULL, "
        "is_completed INTEGER NOT NULL, completed_at TEXT, recurrence_freq TEXT NOT NULL, "
        "recurrence_interval INTEGER NOT NULL, recurrence_end_date TEXT, recurrence_count INTEGER)"_s,
        u"CREATE TABLE calendar_feeds (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, "
        "source_kind TEXT NOT NULL, source_url TEXT NOT NULL, raw_ical TEXT NOT NULL, "
        "is_enabled INTEGER NOT NULL, course_id INTEGER REFERENCES courses (id) ON DELETE SET NULL, "
        "last_sync TEXT, date_created TEXT, last_edit TEXT)"_s,
    };
}

// 1, part two: the integration, the pushed-files record and the push history.
QStringList version1SyncTables()
{
    return {
        u"CREATE TABLE github_integration (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "installation_id TEXT NOT NULL, account_login TEXT NOT NULL, repo_full_name TEXT NOT NULL, "
        "repo_default_branch TEXT NOT NULL, last_push_at TEXT, last_push_sha TEXT NOT NULL, "
        "last_push_tree TEXT NOT NULL, last_error TEXT NOT NULL, include_assets INTEGER NOT NULL, "
        "created_at TEXT, updated_at TEXT)"_s,
        u"CREATE TABLE pushed_files (path TEXT PRIMARY KEY, blob_sha TEXT NOT NULL) WITHOUT ROWID"_s,
        u"CREATE TABLE push_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, "
        "duration_ms INTEGER NOT NULL, added INTEGER NOT NULL, changed INTEGER NOT NULL, "
        "deleted INTEGER NOT NULL, bytes INTEGER NOT NULL, requests INTEGER NOT NULL, "
        "commit_sha TEXT NOT NULL, outcome TEXT NOT NULL, message TEXT NOT NULL)"_s,
    };
}

// 2: the sync base replaces the pushed-files record, which meant two things. Per path: base_blob, the blob in the
// tree of the commit this device last synced with ("" = unknown until the next sync reads the branch), and
// local_blob, the blob this device's own copy derives from (the merge ancestor). The old record is the latter; the
// tree of the last push is read again on the next sync.
QStringList version2()
{
    return {
        u"CREATE TABLE sync_base (path TEXT PRIMARY KEY, base_blob TEXT NOT NULL, local_blob TEXT NOT NULL) "
        "WITHOUT ROWID"_s,
        u"INSERT INTO sync_base (path, base_blob, local_blob) SELECT path, '', blob_sha FROM pushed_files"_s,
        u"DROP TABLE pushed_files"_s,
        u"UPDATE github_integration SET last_push_tree = ''"_s,
    };
}

// 3: lists and search that do not grow with the account (DECISIONS §12). The list preview of each body is stored with
// the note (excerpt, preview_lines; filled below for existing rows), partial covering indexes give every live-notes
// filter its page in index order, and notes_fts is an FTS5 trigram index of title, description and body kept in step
// by triggers (external content: the text stays in notes only) and built here from the existing rows.
QStringList version3()
{
    const QString ftsInsert = u"INSERT INTO notes_fts (rowid, title, description, content) "
                              "VALUES (new.id, new.title, new.description, new.content);"_s;
    const QString ftsDelete = u"INSERT INTO notes_fts (notes_fts, rowid, title, description, content) "
                              "VALUES ('delete', old.id, old.title, old.description, old.content);"_s;
    return {
        u"ALTER TABLE notes ADD COLUMN excerpt TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE notes ADD COLUMN preview_lines TEXT NOT NULL DEFAULT ''"_s,
        u"CREATE INDEX notes_live_order ON notes (last_edit, id, is_public, course_id) WHERE deleted_at IS NULL"_s,
        u"CREATE INDEX notes_live_course ON notes (course_id, last_edit, id, is_public) WHERE deleted_at IS NULL"_s,
        u"CREATE INDEX notes_live_scope ON notes (is_public, last_edit, id, course_id) WHERE deleted_at IS NULL"_s,
        u"CREATE VIRTUAL TABLE notes_fts USING fts5(title, description, content, content='notes', "
        "content_rowid='id', tokenize='trigram')"_s,
        u"CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN "_s + ftsInsert + u" END"_s,
        u"CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN "_s + ftsDelete + u" END"_s,
        u"CREATE TRIGGER notes_fts_update AFTER UPDATE OF id, title, description, content ON notes BEGIN "_s + ftsDelete
            + u' ' + ftsInsert + u" END"_s,
        u"INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')"_s,
    };
}

/// Migration 3's step in C++: the list preview of every existing note, from its body (all read before any write).
Result<void> fillNotePreviews(const StoreContext &context, const QString &consequence, const QString &process)
{
    auto rows = context.exec(u"SELECT id, content FROM notes"_s, {}, consequence, process);
    if (!rows) {
        return std::unexpected(rows.error());
    }
    QList<std::pair<qint64, NotePreview>> previews;
    while (rows->next()) {
        previews.append({rows->value(0).toLongLong(), NotePreview::of(rows->value(1).toString())});
    }
    rows->finish();
    for (const auto &[id, preview] : std::as_const(previews)) {
        auto done = context.run(u"UPDATE notes SET excerpt = ?, preview_lines = ? WHERE id = ?"_s,
            {StoreSql::text(preview.excerpt), StoreSql::text(preview.lines.join(u'\n')), id}, consequence, process);
        if (!done) {
            return done;
        }
    }
    return {};
}

// 4: the data revision, a counter every write of account data moves (triggers, so writes from any process count), and
// on the integration row the state the last sync left the account in. A sync whose state still matches, on a branch
// that has not moved, has nothing to do and need not export the account to find out (DECISIONS §12).
QStringList version4()
{
    QStringList statements{
        u"CREATE TABLE data_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL)"_s,
        u"INSERT INTO data_revision (id, revision) VALUES (1, 0)"_s,
        u"ALTER TABLE github_integration ADD COLUMN synced_state TEXT NOT NULL DEFAULT ''"_s,
    };
    for (const QString &table : StoreSchema::accountTables()) {
        for (const QString &event : {u"INSERT"_s, u"UPDATE"_s, u"DELETE"_s}) {
            statements.append(u"CREATE TRIGGER %1_%2_revision AFTER %3 ON %1 BEGIN "
                              "UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END"_s.arg(
                                  table, event.toLower(), event));
        }
    }
    return statements;
}

// 5: what an incremental sync needs to find what changed without exporting the account (issue #13, DECISIONS §12).
// sync_changes holds, per changed item, the sequence number of its last change, written by triggers (so writes from
// any process count): a note by its uuid on every insert, update and delete (the uuid stays after an empty-bin
// delete), and every note of a course whose slug changes or that is deleted (the slug is part of each note's file);
// '#courses' for any change of a course and '#planner' for any of an event or a feed, so a sync renders those files
// only when they can differ. export_index holds the last complete sync's export: per covered file its checksum key
// and SHA-256, per checksum file (key NULL) its SHA-256, so the few checksum files a change touches can be rewritten
// from a range read.
QStringList version5()
{
    // An upsert, not INSERT OR REPLACE: inside a trigger that a foreign key action fires (a course's delete nulls its
    // notes' course_id) the outer statement's conflict policy would override OR REPLACE and fail on the second mark.
    const QString next = u"(SELECT coalesce(max(seq), 0) + 1 FROM sync_changes)"_s;
    const QString upsert = u" ON CONFLICT (item) DO UPDATE SET seq = excluded.seq;"_s;
    const QString mark = u"INSERT INTO sync_changes (item, seq) VALUES (%1, "_s + next + u')' + upsert;
    const QString markCourse = u"INSERT INTO sync_changes (item, seq) SELECT uuid, "_s + next
        + u" FROM notes WHERE course_id = %1"_s + upsert;
    QStringList statements{
        u"CREATE TABLE sync_changes (item TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID"_s,
        u"CREATE INDEX sync_changes_seq ON sync_changes (seq)"_s,
        u"CREATE TRIGGER notes_insert_change AFTER INSERT ON notes BEGIN "_s + mark.arg(u"new.uuid"_s) + u" END"_s,
        u"CREATE TRIGGER notes_update_change AFTER UPDATE ON notes BEGIN "_s + mark.arg(u"old.uuid"_s) + u' '
            + mark.arg(u"new.uuid"_s) + u" END"_s,
        u"CREATE TRIGGER notes_delete_change AFTER DELETE ON notes BEGIN "_s + mark.arg(u"old.uuid"_s) + u" END"_s,
        u"CREATE TRIGGER courses_slug_change AFTER UPDATE OF slug ON courses BEGIN "_s + markCourse.arg(u"new.id"_s)
            + u" END"_s,
        u"CREATE TRIGGER courses_delete_change BEFORE DELETE ON courses BEGIN "_s + markCourse.arg(u"old.id"_s)
            + u" END"_s,
        u"CREATE INDEX notes_binned ON notes (uuid) WHERE deleted_at IS NOT NULL"_s,
        u"CREATE TABLE export_index (path TEXT PRIMARY KEY, key INTEGER, sha256 TEXT NOT NULL) WITHOUT ROWID"_s,
        u"CREATE INDEX export_index_key ON export_index (key) WHERE key IS NOT NULL"_s,
    };
    for (const auto &[table, item] : {std::pair{u"courses"_s, u"'#courses'"_s},
             std::pair{u"planner_events"_s, u"'#planner'"_s}, std::pair{u"calendar_feeds"_s, u"'#planner'"_s}}) {
        for (const QString &event : {u"INSERT"_s, u"UPDATE"_s, u"DELETE"_s}) {
            statements.append(u"CREATE TRIGGER %1_%2_part AFTER %3 ON %1 BEGIN "_s.arg(table, event.toLower(), event)
                + mark.arg(item) + u" END"_s);
        }
    }
    return statements;
}

// 6 (issue #14): local sign-in, files and activity, version history and course subscriptions. Local sign-in:
// local_password holds the local account's password as an Argon2id hash string (libsodium's crypto_pwhash_str: salt and
// parameters inside it, never the password); auth_sessions the sign-in sessions of the local server, each known by the
// SHA-256 of its token only, revoked rather than deleted. Neither is account data (no data revision, kept by a
// restore). Files: media_tokens, the random part of a stored file's /media/ URL (gone with the file);
// attachments.date_created; note_sessions (gone with their note). History: note_versions, a note's version history
// (title, description, body, metadata, editor mode; gone with the note when the bin is emptied); course_subscriptions,
// the local user's subscription state of a course.
QStringList version6()
{
    return {
        u"CREATE TABLE local_password (id INTEGER PRIMARY KEY CHECK (id = 1), hash TEXT NOT NULL, "
        "updated_at TEXT NOT NULL)"_s,
        u"CREATE TABLE auth_sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, token_sha256 TEXT NOT NULL UNIQUE, "
        "device_label TEXT NOT NULL, user_agent TEXT NOT NULL, created_at TEXT NOT NULL, last_used_at TEXT NOT NULL, "
        "revoked_at TEXT)"_s,
        u"CREATE TABLE media_tokens (token TEXT PRIMARY KEY, "
        "file_id INTEGER NOT NULL UNIQUE REFERENCES files (id) ON DELETE CASCADE) WITHOUT ROWID"_s,
        u"ALTER TABLE attachments ADD COLUMN date_created TEXT"_s,
        u"CREATE TABLE note_sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE, title TEXT NOT NULL, "
        "summary TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT)"_s,
        u"CREATE INDEX note_sessions_started ON note_sessions (started_at)"_s,
        u"CREATE INDEX note_sessions_note ON note_sessions (note_id)"_s,
        u"CREATE TABLE note_versions (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE, title TEXT NOT NULL, "
        "description TEXT NOT NULL, content TEXT NOT NULL, metadata_json TEXT NOT NULL, editor_mode TEXT NOT NULL, "
        "reason TEXT NOT NULL, date_created TEXT NOT NULL)"_s,
        u"CREATE INDEX note_versions_note ON note_versions (note_id, id)"_s,
        u"CREATE TABLE course_subscriptions (course_id INTEGER PRIMARY KEY REFERENCES courses (id) ON DELETE CASCADE, "
        "is_active INTEGER NOT NULL, is_private INTEGER NOT NULL, subscribed_at TEXT, last_opened_at TEXT)"_s,
    };
}

// 7 (issue #15): the backup schedule, one row (id 1; absent: off). mode "off", "every" or "after_settle" and its
// interval; next_run, when the next scheduled sync is due (kept, so a closed app or a sleeping computer catches up once
// when it comes back); last_run, last_result ("synced", "conflict", "blocked", "failed"), last_message and
// consecutive_failures, the outcome of the last scheduled run and the back-off and alerts drawn from it. Not account
// data (no data revision, kept by a restore).
QStringList version7()
{
    return {
        u"CREATE TABLE sync_schedule (id INTEGER PRIMARY KEY CHECK (id = 1), mode TEXT NOT NULL, "
        "interval_seconds INTEGER NOT NULL, next_run TEXT, last_run TEXT, last_result TEXT NOT NULL, "
        "last_message TEXT NOT NULL, consecutive_failures INTEGER NOT NULL)"_s,
    };
}

/// Runs one migration in its own transaction.
Result<void> migrateTo(StoreContext &context, int version)
{
    const QString consequence = u"Cannot upgrade the local store"_s;
    const QString process = u"Core.Store/migrate"_s;
    QSqlDatabase &db = context.database();
    if (!db.transaction()) {
        return fail(consequence, process, db.lastError().text());
    }
    QStringList statements = StoreSchema::statements(version);
    if (version == 1) {
        statements.prepend(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s);
    }
    statements.append(u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(version));
    Result<void> done = context.runAll(statements, consequence, process);
    if (done && version == 3) {
        done = fillNotePreviews(context, consequence, process);
    }
    if (!done) {
        db.rollback();
        return std::unexpected(
            done.error().withConsequence(u"Cannot upgrade the local store to schema version %1"_s.arg(version)));
    }
    if (!db.commit()) {
        const QString cause = db.lastError().text();
        db.rollback();
        return fail(consequence, process, cause);
    }
    qCInfo(lcStore).noquote()
        << u"Local store upgraded: Core.Store/migrate — schema version %1 in %2"_s.arg(version).arg(context.path());
    return {};
}

} // namespace

static_assert(Store::schemaVersion == 7, "append a migration when the schema version grows");

QStringList StoreSchema::statements(int version)
{
    switch (version) {
    case 1:
        return version1AccountTables() + version1SyncTables();
    case 2:
        return version2();
    case 3:
        return version3();
    case 4:
        return version4();
    case 5:
        return version5();
    case 6:
        return version6();
    case 7:
        return version7();
    default:
        Q_ASSERT_X(false, "StoreSchema::statements", "no such schema version");
        return {};
    }
}

QStringList StoreSchema::accountTables()
{
    return {
        u"files"_s, u"profile"_s, u"courses"_s, u"notes"_s, u"attachments"_s, u"planner_events"_s, u"calendar_feeds"_s};
}

Result<int> StoreSchema::storedVersion(const StoreContext &context)
{
    const QString consequence = u"Cannot open the local store"_s;
    const QString process = u"Core.Store/open"_s;
    auto table = context.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"_s,
        {}, consequence, process);
    if (!table) {
        return std::unexpected(table.error());
    }
    if (!table->next() || table->value(0).toInt() == 0) {
        return 0;
    }
    auto version = context.exec(u"SELECT max(version) FROM schema_version"_s, {}, consequence, process);
    if (!version) {
        return std::unexpected(version.error());
    }
    return version->next() ? version->value(0).toInt() : 0;
}

Result<void> StoreSchema::migrate(StoreContext &context, int from, int to)
{
    const int last = to < 0 ? Store::schemaVersion : std::min(to, Store::schemaVersion);
    for (int version = from + 1; version <= last; ++version) {
        if (auto done = migrateTo(context, version); !done) {
            return done;
        }
    }
    return {};
}

} // namespace Notechondria
