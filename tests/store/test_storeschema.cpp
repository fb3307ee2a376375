// SPDX-License-Identifier: GPL-3.0-or-later
// StoreSchema: the stored version and the migrations, on real files (a schema-1 file is built by migration 1 itself).
#include "store.h"
#include "storepartfixture.h"

#include <QFileInfo>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::StorePartFixture;

class TestStoreSchema : public QObject
{
    Q_OBJECT

private:
    Files m_files;

    static bool hasTable(const StoreContext &context, const QString &name)
    {
        return scalar(context, u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"_s, {name}) == 1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void everyVersionHasItsStatements()
    {
        for (int version = 1; version <= Store::schemaVersion; ++version) {
            QVERIFY2(!StoreSchema::statements(version).isEmpty(), qPrintable(QString::number(version)));
        }
    }

    void aNewFileIsVersionZeroAndReadingItWritesNothing()
    {
        const QString path = m_files.freshPath();
        StoreContext context(path, &m_files.clock);
        QVERIFY(context.connect(u"x"_s, u"y"_s));
        const auto version = StoreSchema::storedVersion(context);
        QVERIFY(version);
        QCOMPARE(*version, 0);
        QCOMPARE(QFileInfo(path).size(), 0);
    }

    void migratingFromZeroCreatesEveryTableAndRecordsTheVersion()
    {
        auto context = m_files.freshContext();
        QVERIFY(context);
        QCOMPARE(*StoreSchema::storedVersion(*context), Store::schemaVersion);
        for (const QString &table : {u"files"_s, u"profile"_s, u"courses"_s, u"notes"_s, u"attachments"_s,
                 u"planner_events"_s, u"calendar_feeds"_s, u"github_integration"_s, u"sync_base"_s, u"push_runs"_s}) {
            QVERIFY2(hasTable(*context, table), qPrintable(table));
        }
        QVERIFY(!hasTable(*context, u"pushed_files"_s));
        QCOMPARE(scalar(*context, u"SELECT count(*) FROM schema_version"_s), Store::schemaVersion);
    }

    void version2TurnsThePushedFilesIntoTheSyncBase()
    {
        const QString path = m_files.freshPath();
        {
            auto context = openContext(path, &m_files.clock, 1);
            QVERIFY(context);
            QCOMPARE(*StoreSchema::storedVersion(*context), 1);
            QVERIFY(
                context->runAll({u"INSERT INTO pushed_files (path, blob_sha) VALUES ('notes/a.md', 'aaa')"_s,
                                    u"INSERT INTO github_integration VALUES (1, '42', 'octo', 'octo/notes', 'main', "
                                    "NULL, 'c0ffee', 'tree1', '', 0, NULL, NULL)"_s},
                    u"x"_s, u"y"_s));
        }
        // The app opens the old file: migration 2 runs once.
        auto store = Store::open(path, &m_files.clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message()));
        const auto base = (*store)->syncBase();
        QVERIFY(base);
        QCOMPARE(base->size(), 1);
        QCOMPARE(base->value(u"notes/a.md"_s).base, QString());
        QCOMPARE(base->value(u"notes/a.md"_s).local, u"aaa"_s);
        const auto integration = (*store)->integration();
        QVERIFY(integration && integration->has_value());
        QCOMPARE((*integration)->lastPushSha, u"c0ffee"_s);
        QCOMPARE((*integration)->lastPushTree, QString());
    }

    void version3IndexesAndPreviewsTheNotesOfAnOlderFile()
    {
        const QString path = m_files.freshPath();
        {
            auto context = openContext(path, &m_files.clock, 2);
            QVERIFY(context);
            QCOMPARE(*StoreSchema::storedVersion(*context), 2);
            const QString columns
                = u"INSERT INTO notes (uuid, sharing_id, title, description, content, editor_mode, "
                  "note_type, metadata_json, custom_meta, is_public, last_edit, date_created, "
                  "deleted_at, cover_image_url) VALUES (?, ?, ?, ?, ?, 'G', 'N', '', '{}', 0, ?, ?, ?, '')"_s;
            const auto insert = [&](const QString &title, const QString &content, const QVariant &deletedAt) {
                return context->run(columns,
                    {QUuid::createUuid().toString(QUuid::WithoutBraces),
                        QUuid::createUuid().toString(QUuid::WithoutBraces), title, u"old description"_s, content,
                        u"2026-07-20T12:00:00.000Z"_s, u"2026-07-20T12:00:00.000Z"_s, deletedAt},
                    u"x"_s, u"y"_s);
            };
            QVERIFY(insert(u"Old"_s, u"# Title\n\nthe Eigenvalue body"_s, QVariant(QMetaType::fromType<QString>())));
            QVERIFY(insert(u"Binned"_s, u"eigenvalue too"_s, u"2026-07-21T12:00:00.000Z"_s));
        }
        // The app opens the old file: migration 3 builds the index and the previews from the existing rows.
        auto store = Store::open(path, &m_files.clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message()));
        StoreNoteQuery search;
        search.text = u"EIGENVALUE"_s;
        const auto hits = (*store)->noteSummaries(search);
        QVERIFY(hits);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().note.title, u"Old"_s);
        QCOMPARE(hits->first().preview.excerpt, u"# Title the Eigenvalue body"_s);
        QCOMPARE(hits->first().preview.lines, (QStringList{u"Title"_s, u"the Eigenvalue body"_s}));
        search.text = u"old desc"_s;
        QCOMPARE((*store)->noteCount(search).value_or(-1), 1);
        search.includeDeleted = true;
        search.text = u"eigenvalue"_s;
        QCOMPARE((*store)->noteCount(search).value_or(-1), 2);
    }

    void version4AddsTheDataRevisionToAVersion3File()
    {
        const QString path = m_files.freshPath();
        {
            auto context = openContext(path, &m_files.clock, 3);
            QVERIFY(context);
            QVERIFY(context->run(u"INSERT INTO github_integration VALUES (1, '42', 'octo', 'octo/notes', 'main', "
                                 "NULL, 'c0ffee', 'tree1', '', 0, NULL, NULL)"_s,
                {}, u"x"_s, u"y"_s));
        }
        auto store = Store::open(path, &m_files.clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message()));
        QCOMPARE(*(*store)->dataRevision(), qint64(0));
        const auto integration = (*store)->integration();
        QVERIFY(integration && integration->has_value());
        QCOMPARE((*integration)->lastPushSha, u"c0ffee"_s);
        QCOMPARE((*integration)->syncedState, QString()); // unknown: the first sync after the upgrade compares all
    }

    void version5LogsNoteChangesFromAVersion4File()
    {
        const QString path = m_files.freshPath();
        {
            auto context = openContext(path, &m_files.clock, 4);
            QVERIFY(context);
            QVERIFY(context->runAll(
                {u"INSERT INTO courses (id, client_course_id, slug, title, description, icon, sort_order, "
                 "cover_image_url, date_created, last_edit) VALUES (1, '', 'bio', 'Bio', '', NULL, 0, '', NULL, NULL)"_s,
                    u"INSERT INTO notes (uuid, sharing_id, title, description, content, editor_mode, note_type, "
                    "metadata_json, custom_meta, course_id, is_public, last_edit, date_created, cover_image_url) "
                    "VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000aa', 'A', '', "
                    "'body', 'G', 'N', '', '{}', 1, 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '')"_s},
                u"x"_s, u"y"_s));
        }
        auto store = Store::open(path, &m_files.clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message()));
        // Nothing is logged for rows older than the log: a sync state written before it names no sequence number, so
        // the first sync after the upgrade exports the whole account and writes the export index.
        QCOMPARE(*(*store)->noteChangeSequence(), qint64(0));
        QVERIFY((*store)->exportIndexChecksumFiles()->isEmpty());
        auto course = (*store)->course(1);
        QVERIFY(course && *course);
        Course renamed = **course;
        renamed.slug = u"biology"_s;
        QVERIFY((*store)->saveCourse(renamed));
        auto changed = (*store)->changedNotes(0, 10);
        QVERIFY(changed && *changed);
        QCOMPARE((*changed)->uuids, QStringList{u"00000000-0000-4000-8000-000000000001"_s});
        QCOMPARE((*changed)->account.notes.size(), 1);
        QCOMPARE((*changed)->account.courses.first().slug, u"biology"_s);
    }

    void everyWriteOfAccountDataMovesTheRevision()
    {
        auto context = m_files.freshContext();
        QVERIFY(context);
        const auto revision = [&] {
            return scalar(*context, u"SELECT revision FROM data_revision"_s);
        };
        const QStringList writes{
            u"INSERT INTO files (file_name, content_type, bytes) VALUES ('a.png', 'image/png', x'00')"_s,
            u"INSERT INTO profile (id, username, first_name, last_name, email, is_active, display_name, motto, "
            "social_link, editor_mode, theme_preset, theme_mode, api_base_url, image_url, uncategorized_folder_name, "
            "last_seen_versions_json, app_settings_json, mcp_skill_md) VALUES (1, 'u', '', '', '', 1, '', '', '', "
            "'', '', '', '', '', '', '{}', '{}', '')"_s,
            u"INSERT INTO courses (client_course_id, slug, title, description, sort_order, cover_image_url) VALUES "
            "('', 'c', 'C', '', 0, '')"_s,
            u"INSERT INTO notes (uuid, sharing_id, title, description, content, editor_mode, note_type, "
            "metadata_json, custom_meta, is_public, last_edit, date_created, cover_image_url) VALUES ('u1', 's1', "
            "'T', '', 'body', 'markdown', 'note', '{}', '{}', 0, '2026-01-01', '2026-01-01', '')"_s,
            u"INSERT INTO attachments (note_id, uuid, original_filename, file_id) VALUES (1, 'a1', 'a.png', 1)"_s,
            u"INSERT INTO planner_events (title, event_date, difficulty_weight, description, is_completed, "
            "recurrence_freq, recurrence_interval) VALUES ('E', '2026-01-01', 1, '', 0, '', 1)"_s,
            u"INSERT INTO calendar_feeds (title, source_kind, source_url, raw_ical, is_enabled) VALUES "
            "('F', 'url', 'https://example.org/f.ics', '', 1)"_s,
            u"UPDATE notes SET content = 'edited'"_s,
            u"UPDATE profile SET motto = 'm'"_s,
            u"UPDATE courses SET title = 'C2'"_s,
            u"UPDATE planner_events SET is_completed = 1"_s,
            u"UPDATE calendar_feeds SET is_enabled = 0"_s,
            u"UPDATE attachments SET original_filename = 'b.png'"_s,
            u"UPDATE files SET file_name = 'b.png'"_s,
            u"DELETE FROM attachments"_s,
            u"DELETE FROM notes"_s,
            u"DELETE FROM planner_events"_s,
            u"DELETE FROM calendar_feeds"_s,
            u"DELETE FROM courses"_s,
            u"DELETE FROM profile"_s,
            u"DELETE FROM files"_s,
        };
        for (const QString &write : writes) {
            const qint64 before = revision();
            QVERIFY2(context->run(write, {}, u"x"_s, u"y"_s), qPrintable(write));
            QVERIFY2(revision() > before, qPrintable(write));
        }
        // Sync bookkeeping is not account data.
        const qint64 before = revision();
        QVERIFY(context->runAll({u"INSERT INTO sync_base VALUES ('notes/a.md', 'b', 'l')"_s,
                                    u"INSERT INTO push_runs (started_at, duration_ms, added, changed, deleted, bytes, "
                                    "requests, commit_sha, outcome, message) VALUES ('t', 1, 0, 0, 0, 0, 1, '', "
                                    "'unchanged', '')"_s},
            u"x"_s, u"y"_s));
        QCOMPARE(revision(), before);
    }

    void aFailedMigrationLeavesTheFileAtTheVersionBefore()
    {
        const QString path = m_files.freshPath();
        auto context = openContext(path, &m_files.clock, 1);
        QVERIFY(context);
        // A table in the way of migration 2's CREATE TABLE.
        QVERIFY(context->run(u"CREATE TABLE sync_base (x TEXT)"_s, {}, u"x"_s, u"y"_s));
        QVERIFY(context->run(u"INSERT INTO pushed_files (path, blob_sha) VALUES ('a', 'b')"_s, {}, u"x"_s, u"y"_s));
        const auto migrated = StoreSchema::migrate(*context, 1);
        QVERIFY(!migrated);
        QCOMPARE(migrated.error().consequence, u"Cannot upgrade the local store to schema version 2"_s);
        QCOMPARE(migrated.error().module, u"Core.Store/migrate"_s);
        QCOMPARE(*StoreSchema::storedVersion(*context), 1);
        QVERIFY(hasTable(*context, u"pushed_files"_s));
        QCOMPARE(scalar(*context, u"SELECT count(*) FROM pushed_files"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestStoreSchema)
#include "test_storeschema.moc"
