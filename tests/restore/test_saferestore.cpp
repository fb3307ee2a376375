// SPDX-License-Identifier: GPL-3.0-or-later
// DECISIONS §9 through the real local server on loopback, over real SQLite files and real folders: what is not a
// backup is refused and changes nothing, a restore keeps the account for Undo, which brings it back byte for byte,
// and attachments, covers and the avatar come along.
#include "demodata.h"
#include "exportedfiles.h"
#include "localserverfixture.h"
#include "restoresnapshots.h"

#include <QCoroTask>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject json;

    [[nodiscard]] QString detail() const { return json.value(u"detail"_s).toString(); }
};

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

/// rw------- (files) or rwx------ (folders).
bool isOwnerOnly(QFileDevice::Permissions permissions, bool folder)
{
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QFileDevice::Permissions owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (folder) {
        owner |= QFileDevice::ExeOwner;
    }
    return !(permissions & others) && (permissions & owner) == owner
        && (folder || !(permissions & QFileDevice::ExeOwner));
}

} // namespace

class TestSafeRestore : public QObject
{
    Q_OBJECT

    FakeClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::UTC)};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalServerFixture> m_target;

    Answer call(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        const Test::ServerAnswer answer = m_target->callJson(method, path, body);
        return {answer.status, answer.object()};
    }

    Answer restoreFolder(const QString &folder, bool dryRun = false)
    {
        return call("POST", u"/integrations/github/restore/"_s,
            {{u"source"_s, u"folder"_s}, {u"path"_s, folder}, {u"dry_run"_s, dryRun}});
    }

    void fill(Store &store, int notes, quint32 seed, int attachments = 0)
    {
        DemoOptions options;
        options.notes = notes;
        options.seed = seed;
        options.attachments = attachments;
        QVERIFY(generateDemoData(store, options, m_clock).has_value());
    }

    /// A backup folder of another account (its own store), assets included.
    QString otherAccountsBackup(int notes = 7)
    {
        auto other = Store::open(m_dir->filePath(u"other.sqlite"_s), &m_clock).value();
        fill(*other, notes, 42, 2);
        const QString folder = m_dir->filePath(u"other-backup"_s);
        writeBackupOf(*other, m_clock, folder);
        return folder;
    }

    [[nodiscard]] QString snapshotFolder() const { return RestoreSnapshots::directoryFor(m_target->store->path()); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_target = std::make_unique<LocalServerFixture>();
        QVERIFY2(m_target->setUp(LocalServerFixture::offline(&m_clock, m_dir->filePath(u"notechondria.sqlite"_s))),
            qPrintable(m_target->problem));
    }

    void cleanup()
    {
        m_target.reset();
        m_dir.reset();
    }

    void refusesWhatIsNotABackupAndChangesNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("dryRun");
        for (const bool dryRun : {false, true}) {
            const char *suffix = dryRun ? " (dry run)" : "";
            QTest::addRow("empty folder%s", suffix) << u"empty"_s << dryRun;
            QTest::addRow("/etc%s", suffix) << u"etc"_s << dryRun;
            QTest::addRow("random files%s", suffix) << u"random"_s << dryRun;
            QTest::addRow("a manifest and nothing else%s", suffix) << u"manifest-only"_s << dryRun;
            QTest::addRow("an unknown schema%s", suffix) << u"schema-9"_s << dryRun;
            QTest::addRow("a broken manifest%s", suffix) << u"broken-manifest"_s << dryRun;
        }
    }

    void refusesWhatIsNotABackupAndChangesNothing()
    {
        QFETCH(QString, kind);
        QFETCH(bool, dryRun);
        fill(*m_target->store, 12, 3, 2);
        const int notes = m_target->store->noteCount().value();
        const auto before = exportedFiles(*m_target->store, m_clock);
        QString folder = m_dir->filePath(u"source"_s);
        QDir().mkpath(folder);
        if (kind == u"etc"_s) {
            folder = u"/etc"_s;
        } else if (kind == u"random"_s) {
            writeFile(folder + u"/notes.txt"_s, "shopping list");
            writeFile(folder + u"/notes/todo.md"_s, "# not a note\n");
            writeFile(folder + u"/data.json"_s, R"({"schema_version": 2})");
        } else if (kind == u"manifest-only"_s) {
            writeFile(folder + u"/manifest.json"_s, R"({"schema_version": 2, "files": []})");
        } else if (kind == u"schema-9"_s) {
            writeBackupOf(*m_target->store, m_clock, folder);
            writeFile(folder + u"/manifest.json"_s, R"({"schema_version": 9, "files": []})");
            QVERIFY(m_target->store->clearAccount());
            fill(*m_target->store, 4, 5);
        } else if (kind == u"broken-manifest"_s) {
            writeFile(folder + u"/manifest.json"_s, "{ not json");
            writeFile(folder + u"/profile/creator.json"_s, R"({"username": "x"})");
        }
        const int notesNow = m_target->store->noteCount().value();
        const auto exportNow = exportedFiles(*m_target->store, m_clock);
        QVERIFY(kind == u"schema-9"_s || (notesNow == notes && exportNow == before));

        const Answer answer = restoreFolder(folder, dryRun);
        QCOMPARE(answer.status, 400);
        QVERIFY2(
            answer.detail().startsWith(u"Restore refused, nothing was changed: Core.Restore/check_backup \u2014 "_s),
            qPrintable(answer.detail()));
        QVERIFY2(answer.detail().contains(folder), qPrintable(answer.detail()));
        QCOMPARE(m_target->store->noteCount().value(), notesNow);
        QCOMPARE(exportedFiles(*m_target->store, m_clock), exportNow);
        QVERIFY(!QFileInfo::exists(snapshotFolder()));
    }

    void undoBringsBackAByteIdenticalExport()
    {
        fill(*m_target->store, 20, 11, 3);
        QVERIFY(generateDemoData(*m_target->store, DemoOptions{.touch = 2, .deleteCount = 3}, m_clock).has_value());
        const auto before = exportedFiles(*m_target->store, m_clock);
        QVERIFY(attachmentCount(*m_target->store) == 3);
        QCOMPARE(call("GET", u"/integrations/github/restore/undo/"_s).json.value(u"available"_s).toBool(true), false);

        const Answer restored = restoreFolder(otherAccountsBackup());
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.json.value(u"undo_available"_s).toBool(), true);
        QCOMPARE(m_target->store->noteCount().value(), 7);
        QVERIFY(exportedFiles(*m_target->store, m_clock) != before);
        QCOMPARE(call("GET", u"/integrations/github/restore/undo/"_s).json.value(u"available"_s).toBool(), true);

        const Answer undone = call("POST", u"/integrations/github/restore/undo/"_s);
        QCOMPARE(undone.status, 200);
        QCOMPARE(undone.json.value(u"undone"_s).toBool(), true);
        QCOMPARE(undone.json.value(u"notes"_s).toInt(), 17);
        QCOMPARE(exportedFiles(*m_target->store, m_clock), before);

        const Answer again = call("POST", u"/integrations/github/restore/undo/"_s);
        QCOMPARE(again.status, 404);
        QVERIFY2(
            again.detail().startsWith(u"Nothing to undo: Core.Restore/undo \u2014 "_s), qPrintable(again.detail()));
        QCOMPARE(exportedFiles(*m_target->store, m_clock), before);
    }

    void snapshotsAreOwnerOnlyAndTheNewestAreKept()
    {
        fill(*m_target->store, 3, 2);
        const QString backup = otherAccountsBackup(2);
        for (int i = 0; i < RestoreSnapshots::defaultKeep + 2; ++i) {
            QCOMPARE(restoreFolder(backup).status, 200);
        }
        const QFileInfo folder(snapshotFolder());
        QVERIFY(isOwnerOnly(folder.permissions(), true));
        const QList<RestoreSnapshot> kept = RestoreSnapshots(folder.filePath()).list();
        QCOMPARE(kept.size(), RestoreSnapshots::defaultKeep);
        QVERIFY(kept.last().path.endsWith(u"restore-000005.sqlite"_s));
        for (const RestoreSnapshot &snapshot : kept) {
            QVERIFY(isOwnerOnly(QFileInfo(snapshot.path).permissions(), false));
        }
    }

    void attachmentsCoversAndAvatarRoundTripFromAFolder()
    {
        fill(*m_target->store, 15, 9, 4);
        const auto before = exportedFiles(*m_target->store, m_clock);
        QCOMPARE(attachmentCount(*m_target->store), 4);
        const QString folder = m_dir->filePath(u"backup"_s);
        QVERIFY(writeBackupOf(*m_target->store, m_clock, folder));
        QVERIFY(m_target->store->clearAccount());

        const Answer restored = restoreFolder(folder);
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.json.value(u"problems"_s).toArray(), QJsonArray());
        QCOMPARE(attachmentCount(*m_target->store), 4);
        QVERIFY(!m_target->store->profile().value().avatar.isEmpty());
        QCOMPARE(exportedFiles(*m_target->store, m_clock), before);
    }

    void aMarkdownFileWithoutItsMetaIsRestoredByItsUuidOrReported()
    {
        fill(*m_target->store, 6, 4);
        const QString folder = m_dir->filePath(u"backup"_s);
        QVERIFY(writeBackupOf(*m_target->store, m_clock, folder));
        const QList<Note> notes = m_target->store->notes().value();
        const Note kept = notes.first();
        QVERIFY(QFile::remove(folder + u"/notes/"_s + kept.uuid.toString(QUuid::Id128) + u".meta.json"_s));
        writeFile(folder + u"/notes/loose.md"_s, "---\ntitle: \"No uuid\"\n---\nbody\n");
        QVERIFY(m_target->store->clearAccount());

        const Answer restored = restoreFolder(folder);
        QCOMPARE(restored.status, 200);
        const QJsonArray problems = restored.json.value(u"problems"_s).toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().toObject().value(u"path"_s).toString(), u"notes/loose.md"_s);
        QVERIFY(problems.first().toObject().value(u"message"_s).toString().contains(u" \u2014 "_s));
        QCOMPARE(restored.json.value(u"notes"_s).toInt(), 6);
        const auto back = m_target->store->noteByUuid(kept.uuid).value();
        QVERIFY(back.has_value());
        QCOMPARE(back->title, kept.title);
        QCOMPARE(back->content, kept.content);
    }
};

QTEST_GUILESS_MAIN(TestSafeRestore)
#include "test_saferestore.moc"
