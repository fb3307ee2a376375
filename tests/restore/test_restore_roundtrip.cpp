// SPDX-License-Identifier: GPL-3.0-or-later
// Export → restore into an empty local server over real HTTP → export again: the same files.
#include "backupreader.h"
#include "demodata.h"
#include "exporter.h"
#include "httpclient.h"
#include "localserverfixture.h"
#include "restoreplan.h"
#include "restorer.h"

#include <QCoroTask>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <iterator>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using Notechondria::Test::LocalServerFixture;

namespace {

QMap<QString, QByteArray> filesOf(const ExportTree &tree)
{
    QMap<QString, QByteArray> files;
    for (const ExportFile &file : tree.files) {
        if (file.path != u"manifest.json"_s && file.path != u"README.md"_s) {
            files.insert(file.path, file.bytes);
        }
    }
    return files;
}

ExportTree exportOf(Store &store, const Clock &clock)
{
    ExportOptions options;
    options.now = clock.now();
    return materialize(store.snapshot().value(), options);
}

} // namespace

class TestRestoreRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_source = Store::open(m_dir.filePath(u"source.sqlite"_s), &m_clock).value();
        DemoOptions demo;
        demo.notes = 80;
        demo.seed = 7;
        demo.attachments = 4;
        QVERIFY(generateDemoData(*m_source, demo, m_clock).has_value());
        DemoOptions edits;
        edits.touch = 5;
        edits.deleteCount = 6;
        QVERIFY(generateDemoData(*m_source, edits, m_clock).has_value());
        m_export = exportOf(*m_source, m_clock);
        QVERIFY(writeExportTree(m_export, m_dir.filePath(u"backup"_s)).has_value());
    }

    // The upstream API carries no ids, uuids or timestamps, so a REST replay recreates the content (the in-app
    // restore, importAccountIntoTheStoreKeepsEveryFile, is the byte-identical one).
    void restoreIntoAnEmptyServerRecreatesTheAccountAndARerunCreatesNothing()
    {
        LocalServerFixture target;
        QVERIFY2(target.setUp(LocalServerFixture::offline(&m_clock)), qPrintable(target.problem));

        const auto backup = readBackup(m_dir.filePath(u"backup"_s));
        QVERIFY(backup.has_value());
        QVERIFY2(backup->problems.isEmpty(), qPrintable(backup->problems.value(0).message));

        QNetworkAccessManager nam;
        HttpClient http(&nam, &m_clock);
        RestoreOptions options;
        options.apiBase = target.server->baseUrl();
        options.token = target.server->apiKey();
        Restorer restorer(&http, options);
        QStringList problems;
        connect(&restorer, &Restorer::problem, this, [&problems](const QString &message) { problems.append(message); });
        const RestoreSummary first = QCoro::waitFor(restorer.run(*backup));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(first.failed, 0);

        const auto contentOf = [](const QList<Note> &notes) {
            QStringList items;
            for (const Note &note : notes) {
                // The server keeps custom meta as a JSON object: compare it as one.
                const QJsonObject meta = QJsonDocument::fromJson(note.customMeta.toUtf8()).object();
                items.append(note.title + u'\x1f' + note.content + u'\x1f'
                    + QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact)));
            }
            items.sort();
            return items;
        };
        QList<Note> liveInBackup;
        std::ranges::copy_if(
            backup->account.notes, std::back_inserter(liveInBackup), [](const Note &note) { return !note.deletedAt; });
        Store::NoteQuery live;
        QCOMPARE(contentOf(target.store->notes(live).value()), contentOf(liveInBackup));
        Store::NoteQuery binned;
        binned.onlyDeleted = true;
        QCOMPARE(target.store->noteCount(binned).value(), int(backup->account.notes.size() - liveInBackup.size()));
        QStringList slugs;
        const QList<Course> courses = target.store->courses().value();
        for (const Course &course : courses) {
            slugs.append(course.slug);
        }
        QStringList backupSlugs = backup->courseSlugById.values();
        slugs.sort();
        backupSlugs.sort();
        QCOMPARE(slugs, backupSlugs);
        QCOMPARE(target.store->events().value().size(), backup->account.events.size());
        QCOMPARE(target.store->feeds().value().size(), backup->account.feeds.size());

        const int notesBefore = target.store->noteCount(Store::NoteQuery{}).value();
        const RestoreSummary second = QCoro::waitFor(restorer.run(*backup));
        QCOMPARE(second.failed, 0);
        QCOMPARE(second.created, 0);
        QCOMPARE(target.store->noteCount(Store::NoteQuery{}).value(), notesBefore);
        QCOMPARE(target.store->events().value().size(), backup->account.events.size());
        QCOMPARE(target.store->feeds().value().size(), backup->account.feeds.size());
    }

    void importAccountIntoTheStoreKeepsEveryFile()
    {
        QTemporaryDir dir;
        auto target = Store::open(dir.filePath(u"import.sqlite"_s), &m_clock).value();
        DemoOptions other;
        other.notes = 5;
        other.seed = 99;
        QVERIFY(generateDemoData(*target, other, m_clock).has_value());
        const auto backup = readBackup(m_dir.filePath(u"backup"_s));
        QVERIFY(backup.has_value());
        const auto changes = planRestore(target->snapshot().value(), backup->account);
        QVERIFY(std::ranges::any_of(changes, [](const RestoreFileChange &c) { return c.status == u"removed"_s; }));
        QVERIFY(std::ranges::any_of(changes, [](const RestoreFileChange &c) { return c.status == u"added"_s; }));
        QVERIFY(target->importAccount(backup->account).has_value());
        QCOMPARE(filesOf(exportOf(*target, m_clock)), filesOf(m_export));
    }

    void dryRunSendsNothingAndShowsNoSecret()
    {
        LocalServerFixture target;
        QVERIFY2(target.setUp(LocalServerFixture::offline(&m_clock)), qPrintable(target.problem));
        const auto backup = readBackup(m_dir.filePath(u"backup"_s));
        QNetworkAccessManager nam;
        HttpClient http(&nam, &m_clock);
        RestoreOptions options;
        options.apiBase = target.server->baseUrl();
        options.token = target.server->apiKey();
        options.dryRun = true;
        Restorer restorer(&http, options);
        QStringList lines;
        connect(&restorer, &Restorer::output, this, [&lines](const QString &line) { lines.append(line); });
        QCoro::waitFor(restorer.run(*backup));
        QVERIFY(lines.size() > 10);
        QVERIFY(lines.first().startsWith(u"[dry-run] PATCH "_s));
        for (const QString &line : std::as_const(lines)) {
            QVERIFY(!line.contains(options.token));
        }
        QCOMPARE(http.requestCount(), 0);
        QCOMPARE(target.store->noteCount().value(), 0);
    }

private:
    QTemporaryDir m_dir;
    FakeClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::UTC)};
    std::unique_ptr<Store> m_source;
    ExportTree m_export;
};

QTEST_GUILESS_MAIN(TestRestoreRoundTrip)
#include "test_restore_roundtrip.moc"
