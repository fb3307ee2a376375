// SPDX-License-Identifier: GPL-3.0-or-later
#include "backupreader.h"
#include "githubbackup.h"
#include "upstreambackup.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;

using namespace RestoreFixture;

class TestBackupReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAnUpstreamSchemaOneBackup()
    {
        QTemporaryDir dir;
        writeUpstreamBackup(dir.path());
        const auto backup = readBackup(dir.path());
        QVERIFY(backup.has_value());
        QCOMPARE(backup->schemaVersion, 1);
        QVERIFY2(backup->problems.isEmpty(), qPrintable(backup->problems.value(0).message));
        QCOMPARE(backup->account.profile.username, u"gh-sync"_s);
        QCOMPARE(backup->account.profile.mcpSkillMd, u"skill text"_s);
        QCOMPARE(backup->account.courses.size(), 1);
        QCOMPARE(backup->account.courses[0].icon, std::optional<int>(57344));
        QCOMPARE(backup->account.notes.size(), 1);
        const Note &note = backup->account.notes[0];
        QCOMPARE(note.title, u"Say \"hi\""_s);
        QCOMPARE(note.courseId, std::optional<qint64>(7));
        QVERIFY(note.isPublic);
        QCOMPARE(note.content.trimmed(), u"Body line"_s);
        QCOMPARE(note.customMeta, u"{\"tag\": \"demo\"}"_s);
        QCOMPARE(backup->account.events.size(), 1);
        QCOMPARE(backup->account.events[0].courseId, std::optional<qint64>(7));
        QCOMPARE(backup->account.feeds.size(), 1);
    }

    void reportsCorruptFilesAndReadsTheRest()
    {
        QTemporaryDir dir;
        writeUpstreamBackup(dir.path());
        writeFile(dir.filePath(u"courses/broken.json"_s), "{not json");
        writeFile(dir.filePath(u"notes/ffffffffffffffffffffffffffffffff.meta.json"_s), "[\"not an object\"]");
        writeFile(dir.filePath(u"notes/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee.meta.json"_s),
            R"({"uuid": "eeeeeeee-eeee-eeee-eeee-eeeeeeeeeeee", "id": 9})");
        QFile::remove(dir.filePath(u"manifest.json"_s));
        BackupReadOptions options;
        options.maxFileBytes = 4096;
        writeFile(dir.filePath(u"planner/feeds.json"_s), QByteArray(5000, ' '));
        const auto backup = readBackup(dir.path(), options);
        QVERIFY(backup.has_value());
        QVERIFY(!backup->hasManifest);
        QStringList paths;
        for (const BackupProblem &problem : backup->problems) {
            paths.append(problem.path);
            QVERIFY(problem.message.startsWith(u"Item not restored: Core.Restore/read_backup \u2014 "_s));
        }
        QVERIFY2(paths.contains(u"courses/broken.json"_s), qPrintable(paths.join(u", "_s)));
        QVERIFY(paths.contains(u"notes/ffffffffffffffffffffffffffffffff.meta.json"_s));
        QVERIFY(paths.contains(u"notes/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee.md"_s)); // missing: restored without content
        QVERIFY(paths.contains(u"planner/feeds.json"_s)); // over the size limit
        QCOMPARE(backup->account.courses.size(), 1);
        QCOMPARE(backup->account.notes.size(), 2);
        QCOMPARE(backup->account.events.size(), 1);
        QCOMPARE(backup->account.feeds.size(), 0);
    }

    void refusesSymlinksLeadingOutOfTheFolder()
    {
        QTemporaryDir outside;
        writeFile(outside.filePath(u"secret.json"_s), R"({"slug": "leak", "title": "Leak"})");
        QTemporaryDir dir;
        writeUpstreamBackup(dir.path());
        QVERIFY(QFile::link(outside.filePath(u"secret.json"_s), dir.filePath(u"courses/leak.json"_s)));
        const auto backup = readBackup(dir.path());
        QVERIFY(backup.has_value());
        QCOMPARE(backup->account.courses.size(), 1);
        QCOMPARE(backup->problems.size(), 1);
        QCOMPARE(backup->problems[0].path, u"courses/leak.json"_s);
    }

    void failsOnAMissingFolder()
    {
        const auto backup = readBackup(u"/nonexistent/backup"_s);
        QVERIFY(!backup.has_value());
        QVERIFY(backup.error().message().startsWith(u"Restore aborted: Core.Restore/read_backup \u2014 "_s));
    }

    void unpacksAGitHubTarballAndSkipsLinksAndOversizeFiles()
    {
        QTemporaryDir source;
        const QString top = source.filePath(u"octo-backup-abc1234"_s);
        writeFile(top + u"/manifest.json"_s, "{}");
        writeFile(top + u"/notes/a.md"_s, "hello");
        writeFile(top + u"/assets/big.bin"_s, QByteArray(2048, 'x'));
        QVERIFY(QFile::link(u"/etc/passwd"_s, top + u"/link"_s));
        QProcess tar;
        tar.setWorkingDirectory(source.path());
        tar.start(u"tar"_s, {u"czf"_s, u"backup.tar.gz"_s, u"octo-backup-abc1234"_s});
        QVERIFY(tar.waitForFinished() && tar.exitCode() == 0);
        QFile archive(source.filePath(u"backup.tar.gz"_s));
        QVERIFY(archive.open(QIODevice::ReadOnly));

        QTemporaryDir target;
        QStringList skipped;
        UnpackLimits limits;
        limits.maxFileBytes = 1024;
        const auto files = unpackBackupTarball(archive.readAll(), target.path(), &skipped, limits);
        QVERIFY2(files.has_value(), files ? "" : qPrintable(files.error().message()));
        QCOMPARE(*files, 2);
        QVERIFY(QFile::exists(target.filePath(u"notes/a.md"_s)));
        QVERIFY(!QFileInfo::exists(target.filePath(u"link"_s)));
        QVERIFY(!QFileInfo::exists(target.filePath(u"assets/big.bin"_s)));
        QCOMPARE(skipped.size(), 2);
    }

    void readsAGitHubTarballInMemoryUnderTheSameRules()
    {
        QTemporaryDir source;
        const QString top = source.filePath(u"octo-backup-abc1234"_s);
        writeFile(top + u"/manifest.json"_s, "{}");
        writeFile(top + u"/assets/big.bin"_s, QByteArray(2048, 'x'));
        // Enough files that reading each by seeking back through the gzip stream would show (a device joining reads
        // every note of the account this way).
        for (int i = 0; i < 500; ++i) {
            writeFile(top + u"/notes/%1.md"_s.arg(i, 4, 10, QChar(u'0')), "note " + QByteArray::number(i));
        }
        QVERIFY(QFile::link(u"/etc/passwd"_s, top + u"/link"_s));
        QProcess tar;
        tar.setWorkingDirectory(source.path());
        tar.start(u"tar"_s, {u"czf"_s, u"backup.tar.gz"_s, u"octo-backup-abc1234"_s});
        QVERIFY(tar.waitForFinished() && tar.exitCode() == 0);
        QFile archive(source.filePath(u"backup.tar.gz"_s));
        QVERIFY(archive.open(QIODevice::ReadOnly));

        QStringList skipped;
        UnpackLimits limits;
        limits.maxFileBytes = 1024;
        const auto files = readBackupTarball(archive.readAll(), &skipped, limits);
        QVERIFY2(files.has_value(), files ? "" : qPrintable(files.error().message()));
        QCOMPARE(files->size(), 501);
        QCOMPARE(files->value(u"manifest.json"_s), QByteArray("{}"));
        QCOMPARE(files->value(u"notes/0042.md"_s), QByteArray("note 42"));
        QCOMPARE(files->value(u"notes/0499.md"_s), QByteArray("note 499"));
        QVERIFY(!files->contains(u"link"_s));
        QVERIFY(!files->contains(u"assets/big.bin"_s));
        QCOMPARE(skipped.size(), 2);
        QVERIFY(!readBackupTarball("garbage").has_value());
    }

    void rejectsSomethingThatIsNotATarball()
    {
        QTemporaryDir target;
        const auto files = unpackBackupTarball("garbage", target.path());
        QVERIFY(!files.has_value());
        QVERIFY(files.error().message().contains(u"Core.Restore/unpack_tarball"_s));
    }
};

QTEST_GUILESS_MAIN(TestBackupReader)
#include "test_backupreader.moc"
