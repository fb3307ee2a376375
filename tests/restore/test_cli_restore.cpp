// SPDX-License-Identifier: GPL-3.0-or-later
// `notechondria-sync restore` run as a user would (the built binary through QProcess) against the real local server on
// loopback over real SQLite files: a non-backup is refused before anything is sent, attachments round-trip and a rerun
// uploads none again, a .md without its .meta.json is reported, and `restore --undo` brings the account back.
#include "demodata.h"
#include "exportedfiles.h"
#include "localserverfixture.h"

#include <QCoroTask>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

struct Run
{
    int exitCode = -1;
    QJsonObject summary; ///< the last stdout line
    QString err;
};

/// Whether a line of @p text (stderr also carries log lines) starts with @p prefix.
bool hasLine(const QString &text, const QString &prefix)
{
    const QStringList lines = text.split(u'\n');
    return std::ranges::any_of(lines, [&prefix](const QString &line) { return line.startsWith(prefix); });
}

} // namespace

class TestCliRestore : public QObject
{
    Q_OBJECT

    FakeClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::UTC)};
    std::unique_ptr<QTemporaryDir> m_dir;

    /// Runs the CLI while this event loop keeps serving the in-process local server.
    Run run(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY), QStringList{u"--data"_s, m_dir->path()} + arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        Run result;
        if (!finished.wait(120'000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitCode();
        const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
        result.summary = QJsonDocument::fromJson(lines.last()).object();
        if (result.summary.isEmpty()) {
            result.summary = QJsonDocument::fromJson(lines.join('\n')).object();
        }
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    Run restoreInto(LocalServerFixture &target, const QString &folder)
    {
        return run({u"restore"_s, u"--repo-path"_s, folder, u"--api-base"_s, target.server->baseUrl().toString(),
            u"--token"_s, target.server->apiKey(), u"--include-assets"_s});
    }

    QString backupWithAttachments(int notes = 10, int attachments = 4)
    {
        auto source = Store::open(m_dir->filePath(u"source.sqlite"_s), &m_clock).value();
        DemoOptions options;
        options.notes = notes;
        options.seed = 5;
        options.attachments = attachments;
        [&] {
            QVERIFY(generateDemoData(*source, options, m_clock).has_value());
        }();
        const QString folder = m_dir->filePath(u"backup"_s);
        [&] {
            QVERIFY(writeBackupOf(*source, m_clock, folder));
        }();
        return folder;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void refusesANonBackupAndSendsNothing_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("empty folder") << u"empty"_s;
        QTest::newRow("/etc") << u"/etc"_s;
    }

    void refusesANonBackupAndSendsNothing()
    {
        QFETCH(QString, folder);
        if (!folder.startsWith(u'/')) {
            folder = m_dir->filePath(folder);
            QVERIFY(QDir().mkpath(folder));
        }
        QTcpServer api; // any request would arrive here
        QVERIFY(api.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&api, &QTcpServer::newConnection, this, [&connections] { ++connections; });
        const Run r = run({u"restore"_s, u"--repo-path"_s, folder, u"--api-base"_s,
            u"http://127.0.0.1:%1/api/v1"_s.arg(api.serverPort()), u"--token"_s,
            u"ntc_0123456789abcdef0123456789abcdef"_s, u"--include-assets"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(hasLine(r.err, u"Restore refused, nothing was changed: Core.Restore/check_backup \u2014 "_s),
            qPrintable(r.err));
        QVERIFY(r.err.contains(folder));
        QTest::qWait(100);
        QCOMPARE(connections, 0);
    }

    void attachmentsRoundTripAndARerunUploadsNoneAgain()
    {
        const QString folder = backupWithAttachments();
        LocalServerFixture target;
        QVERIFY2(target.setUp(LocalServerFixture::offline(&m_clock, m_dir->filePath(u"target.sqlite"_s))),
            qPrintable(target.problem));

        const Run first = restoreInto(target, folder);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.summary.value(u"assets"_s).toObject().value(u"attachment"_s).toInt(), 4);
        QCOMPARE(attachmentCount(*target.store), 4);
        QVERIFY(!target.store->profile().value().avatar.isEmpty());

        const Run second = restoreInto(target, folder);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(second.summary.value(u"created"_s).toInt(), 0);
        QCOMPARE(second.summary.value(u"assets"_s).toObject().value(u"attachment"_s).toInt(), 4);
        QCOMPARE(attachmentCount(*target.store), 4);
    }

    void aMarkdownFileWithoutMetaIsReported()
    {
        const QString folder = backupWithAttachments(3, 0);
        QFile loose(folder + u"/notes/loose.md"_s);
        QVERIFY(loose.open(QIODevice::WriteOnly));
        loose.write("---\ntitle: \"No uuid\"\n---\nbody\n");
        loose.close();
        LocalServerFixture target;
        QVERIFY2(target.setUp(LocalServerFixture::offline(&m_clock, m_dir->filePath(u"target.sqlite"_s))),
            qPrintable(target.problem));
        const Run r = restoreInto(target, folder);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"notes/loose.md"_s) && r.err.contains(u" \u2014 "_s), qPrintable(r.err));
        QCOMPARE(r.summary.value(u"failed"_s).toInt(), 1);
        QCOMPARE(target.store->noteCount().value(), 3);
    }

    void undoBringsTheLocalAccountBackByteForByte()
    {
        const QString backup = backupWithAttachments(4, 1);
        QMap<QString, QByteArray> before;
        {
            LocalServerFixture local;
            QVERIFY2(local.setUp(LocalServerFixture::offline(&m_clock, m_dir->filePath(u"notechondria.sqlite"_s))),
                qPrintable(local.problem));
            DemoOptions options;
            options.notes = 9;
            options.seed = 77;
            options.attachments = 2;
            QVERIFY(generateDemoData(*local.store, options, m_clock).has_value());
            before = exportedFiles(*local.store, m_clock);
            QCOMPARE(local
                         .callJson("POST", u"/integrations/github/restore/"_s,
                             {{u"source"_s, u"folder"_s}, {u"path"_s, backup}})
                         .status,
                200);
            QVERIFY(exportedFiles(*local.store, m_clock) != before);
        }
        const Run undone = run({u"restore"_s, u"--undo"_s});
        QVERIFY2(undone.exitCode == 0, qPrintable(undone.err));
        QCOMPARE(undone.summary.value(u"undone"_s).toBool(), true);
        QCOMPARE(undone.summary.value(u"notes"_s).toInt(), 9);
        auto reopened = Store::open(m_dir->filePath(u"notechondria.sqlite"_s), &m_clock).value();
        QCOMPARE(exportedFiles(*reopened, m_clock), before);

        const Run again = run({u"restore"_s, u"--undo"_s});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(hasLine(again.err, u"Nothing to undo: Core.Restore/undo \u2014 "_s), qPrintable(again.err));
    }
};

QTEST_GUILESS_MAIN(TestCliRestore)
#include "test_cli_restore.moc"
