// SPDX-License-Identifier: GPL-3.0-or-later
// The time machine (issue #16): a few dozen syncs from two devices into a real bare repository behind the GitHub test
// server, then `history`, `history --note`, `restore-item` and `restore --commit` through the built notechondria-sync,
// with git judging what the commits say.
#include "backuphistory.h"
#include "commitsummary.h"
#include "demodata.h"
#include "exporter.h"
#include "pushfixture.h"
#include "syncstate.h"

#include <QCoroTest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

    std::unique_ptr<PushFixture> f;
    QHash<QString, QString> titleAt; ///< commit → the title the tracked note had there
    QUuid tracked; ///< the note edited along the way
    QString createdAt; ///< the commit that added the tracked note
    QHash<QString, QString> renamedIn; ///< title → the commit that gave the tracked note that title

    CliRun cli(const QStringList &arguments)
    {
        const QProcessEnvironment env = f->cliEnvironment();
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(
            QStringLiteral(NOTECHONDRIA_SYNC_BINARY), QStringList{u"--data"_s, f->dir.filePath(u"data"_s)} + arguments);
        // The test server runs in this process: wait with the event loop running.
        if (!process.waitForStarted()
            || !QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60'000)) {
            return {};
        }
        return {process.exitCode(), process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
    }

    void sync(const QString &device)
    {
        qputenv("NOTECHONDRIA_DEVICE_NAME", device.toUtf8());
        PushOptions options;
        options.pull = true;
        const auto synced = QCoro::waitFor(f->service->push(options));
        QVERIFY2(synced, synced ? "" : qPrintable(synced.error().message()));
    }

    [[nodiscard]] Note trackedNote() const
    {
        return f->store->noteByUuid(tracked).value_or(std::nullopt).value_or(Note());
    }

    void rename(const QString &title)
    {
        Note note = trackedNote();
        note.title = title;
        note.content = u"Body of "_s + title;
        QVERIFY(f->store->saveNote(note));
    }

    QStringList gitLog(const QStringList &extra)
    {
        const QByteArray out
            = f->run(u"git"_s, QStringList{u"-C"_s, f->bare(), u"log"_s, u"--format=%H"_s, u"main"_s} + extra);
        return QString::fromLatin1(out).split(u'\n', Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Thirty backups from two devices: the tracked note born in the third and renamed along the way, others added,
        // edited and binned at random.
        f = std::make_unique<PushFixture>();
        QVERIFY2(f->setUp(), qPrintable(f->error));
        DemoOptions options;
        options.notes = 12;
        options.seed = 16;
        QVERIFY(generateDemoData(*f->store, options, f->clock));
        sync(u"Laptop"_s);
        sync(u"Desktop"_s); // nothing changed: no commit
        Note born;
        born.title = u"Time machine v0"_s;
        born.content = u"Body of Time machine v0"_s;
        const auto saved = f->store->saveNote(born);
        QVERIFY(saved);
        tracked = saved->uuid;
        sync(u"Laptop"_s);
        createdAt = f->head();
        titleAt.insert(createdAt, born.title);
        QRandomGenerator random(16);
        for (int round = 1; round <= 28; ++round) {
            if (round % 3 == 0) {
                rename(u"Time machine v%1"_s.arg(round));
            } else {
                DemoOptions more;
                more.seed = 100 + round;
                more.notes = random.bounded(2);
                more.touch = 1 + random.bounded(2);
                more.deleteCount = round % 7 == 0 ? 1 : 0;
                QVERIFY(generateDemoData(*f->store, more, f->clock));
            }
            sync(round % 2 ? u"Desktop"_s : u"Laptop"_s);
            titleAt.insert(f->head(), trackedNote().title);
            if (round % 3 == 0) {
                renamedIn.insert(trackedNote().title, f->head());
            }
        }
        qunsetenv("NOTECHONDRIA_DEVICE_NAME");
        QVERIFY(gitLog({}).size() >= 25);
    }

    void theSummaryReadsBackFromItsMessage()
    {
        CommitSummary summary;
        summary.device = u"Ada's laptop"_s;
        summary.added = 1;
        summary.changed = 2;
        summary.lines
            = {u"Added note “Cells: “the” basics”"_s, u"Changed course “Biology”"_s, u"Changed the planner events"_s};
        const CommitSummary back = CommitSummary::parse(summary.message());
        QVERIFY(back.fromNotechondria);
        QCOMPARE(back.device, summary.device);
        QCOMPARE(back.added, 1);
        QCOMPARE(back.changed, 2);
        QCOMPARE(back.deleted, 0);
        QCOMPARE(back.titles, (QStringList{u"Cells: “the” basics"_s, u"Biology"_s, u"planner events"_s}));
        // A commit made by hand keeps its subject as its only words; the old format's counts still read.
        const CommitSummary hand = CommitSummary::parse(u"Fix a typo\n\nby hand"_s);
        QVERIFY(!hand.fromNotechondria);
        QCOMPARE(hand.titles, QStringList{u"Fix a typo"_s});
        const CommitSummary old = CommitSummary::parse(u"Notechondria backup: 4 added, 0 changed, 1 deleted"_s);
        QVERIFY(old.fromNotechondria);
        QCOMPARE(old.added, 4);
        QCOMPARE(old.deleted, 1);
        QVERIFY(old.device.isEmpty());
    }

    void historyListsEveryBackupNewestFirstWithItsDevice()
    {
        const CliRun run = cli({u"history"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray history = QJsonDocument::fromJson(run.out).array();
        const QStringList log = gitLog({});
        QCOMPARE(history.size(), log.size());
        for (qsizetype i = 0; i < log.size(); ++i) {
            const QJsonObject entry = history.at(i).toObject();
            QCOMPARE(entry.keys(),
                (QStringList{u"added"_s, u"changed"_s, u"date"_s, u"deleted"_s, u"device"_s, u"sha"_s, u"titles"_s}));
            QCOMPARE(entry.value("sha"_L1).toString(), log.at(i));
            QVERIFY(QDateTime::fromString(entry.value("date"_L1).toString(), Qt::ISODate).isValid());
            if (i + 1 == log.size()) {
                continue; // the seed commit of the empty repository
            }
            // git reads the same device from the commit's trailer.
            const QByteArray trailer = f->run(u"git"_s,
                {u"-C"_s, f->bare(), u"log"_s, u"-1"_s, u"--format=%(trailers:key=Device,valueonly)"_s, log.at(i)});
            QCOMPARE(entry.value("device"_L1).toString(), QString::fromUtf8(trailer).trimmed());
            QVERIFY(entry.value("device"_L1).toString() == u"Laptop"_s
                || entry.value("device"_L1).toString() == u"Desktop"_s);
            const int items = entry.value("added"_L1).toInt() + entry.value("changed"_L1).toInt()
                + entry.value("deleted"_L1).toInt();
            QVERIFY2(items >= 1, qPrintable(log.at(i)));
        }
        // A rename reads as the note's title changed.
        const QString renamed = renamedIn.value(u"Time machine v3"_s);
        const auto found = std::ranges::find_if(
            history, [&](const QJsonValue &value) { return value.toObject().value("sha"_L1).toString() == renamed; });
        QVERIFY(found != history.end());
        QVERIFY((*found).toObject().value("titles"_L1).toArray().contains(u"Time machine v3"_s));
        QCOMPARE((*found).toObject().value("changed"_L1).toInt(), 1);
        QCOMPARE((*found).toObject().value("added"_L1).toInt(), 0);
        // --limit cuts the newest N.
        const CliRun three = cli({u"history"_s, u"--limit"_s, u"3"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(three.out).array().size(), 3);
        // Without --json: a line per backup.
        const CliRun text = cli({u"history"_s, u"--limit"_s, u"2"_s});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out.count('\n'), 2);
        QVERIFY(text.out.startsWith(log.first().left(12).toLatin1()));
    }

    void noteHistoryNamesTheCommitsThatTouchedItDownToItsCreation()
    {
        const QString hex = tracked.toString(QUuid::Id128);
        const QStringList expected = gitLog({u"--"_s, u"notes/%1.md"_s.arg(hex)});
        QVERIFY(expected.size() >= 10);
        QCOMPARE(expected.last(), createdAt);
        for (const QString &form : {hex, tracked.toString(QUuid::WithoutBraces).toUpper()}) {
            const CliRun run = cli({u"history"_s, u"--note"_s, form, u"--json"_s});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QStringList shas;
            for (const QJsonValue entry : QJsonDocument::fromJson(run.out).array()) {
                shas.append(entry.toObject().value("sha"_L1).toString());
            }
            QCOMPARE(shas, expected);
            const QJsonObject creation = QJsonDocument::fromJson(run.out).array().last().toObject();
            QCOMPARE(creation.value("added"_L1).toInt(), 1);
            QVERIFY(creation.value("titles"_L1).toArray().contains(u"Time machine v0"_s));
        }
        const CliRun bad = cli({u"history"_s, u"--note"_s, u"not-a-uuid"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"--note takes a note's uuid"_s), qPrintable(bad.err));
    }

    void moreThanAPageOfBackupsReadsInAFewRequests()
    {
        // 130 commits added with git on the bare repository; the listing pages 100 at a time.
        const QString base = f->head();
        QString head = base;
        const QByteArray tree = f->run(u"git"_s, {u"-C"_s, f->bare(), u"rev-parse"_s, base + u"^{tree}"_s}).trimmed();
        for (int i = 0; i < 130; ++i) {
            head = QString::fromLatin1(
                f->run(u"git"_s,
                     {u"-C"_s, f->bare(), u"-c"_s, u"user.name=t"_s, u"-c"_s, u"user.email=t@example.invalid"_s,
                         u"commit-tree"_s, QString::fromLatin1(tree), u"-p"_s, head, u"-m"_s,
                         u"Notechondria backup from Tablet: 0 added, %1 changed, 0 deleted"_s.arg(i)})
                    .trimmed());
        }
        f->run(u"git"_s, {u"-C"_s, f->bare(), u"update-ref"_s, u"refs/heads/main"_s, head});
        const auto integration = f->store->integration();
        const int before = f->github->requestCount();
        const auto listed = QCoro::waitFor(BackupHistory(f->github.get()).list(**integration, {}, 1000));
        QVERIFY2(listed, listed ? "" : qPrintable(listed.error().message()));
        QCOMPARE(listed->size(), gitLog({}).size());
        QCOMPARE(listed->first().sha, head);
        QCOMPARE(listed->first().summary.device, u"Tablet"_s);
        QCOMPARE(listed->first().summary.changed, 129);
        QVERIFY2(
            f->github->requestCount() - before <= 3, qPrintable(QString::number(f->github->requestCount() - before)));
        // Back to where the syncs left the branch, for the tests after this one.
        f->run(u"git"_s, {u"-C"_s, f->bare(), u"update-ref"_s, u"refs/heads/main"_s, base});
    }

    void restoreItemBringsAnOldVersionBackInPlace()
    {
        const QString commit = renamedIn.value(u"Time machine v6"_s);
        QVERIFY(!commit.isEmpty());
        const int count = f->store->noteCount().value_or(-1);
        const CliRun run = cli({u"restore-item"_s, u"--commit"_s, commit, u"--note"_s, tracked.toString(QUuid::Id128)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject answer = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(answer.value("title"_L1).toString(), u"Time machine v6"_s);
        QCOMPARE(answer.value("as_copy"_L1).toBool(), false);
        const Note note = trackedNote();
        QCOMPARE(note.title, u"Time machine v6"_s);
        // The body as git holds it at that commit (the demo data's edits included).
        const QString path = u"notes/%1.md"_s.arg(tracked.toString(QUuid::Id128));
        const auto atCommit
            = parseNoteMarkdown(f->run(u"git"_s, {u"-C"_s, f->bare(), u"show"_s, commit + u':' + path}));
        QVERIFY(atCommit);
        QCOMPARE(note.content, atCommit->body);
        QVERIFY(note.content.startsWith(u"Body of Time machine v6"_s));
        QVERIFY(note.content != titleAt.value(f->head()));
        QCOMPARE(f->store->noteCount().value_or(-1), count);
        // The version it replaced is in the note's own history.
        const auto versions = f->store->noteVersions(note.id);
        QVERIFY(versions && std::ranges::any_of(*versions, [&](const NoteVersion &version) {
            return version.reason == u"before_restore"_s && version.title == titleAt.value(f->head());
        }));
        // The next sync carries it: git reads the old title at the branch head again.
        sync(u"Laptop"_s);
        const QByteArray file = f->run(
            u"git"_s, {u"-C"_s, f->bare(), u"show"_s, u"main:notes/%1.md"_s.arg(tracked.toString(QUuid::Id128))});
        QVERIFY2(file.contains("Body of Time machine v6"), file.constData());
        titleAt.insert(f->head(), note.title);
    }

    void restoreItemAsACopyLeavesTheNoteAsItIs()
    {
        const QString commit = createdAt;
        const Note before = trackedNote();
        const int count = f->store->noteCount().value_or(-1);
        const CliRun run = cli({u"restore-item"_s, u"--commit"_s, commit, u"--note"_s,
            tracked.toString(QUuid::WithoutBraces), u"--as-copy"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject answer = QJsonDocument::fromJson(run.out).object();
        QVERIFY(answer.value("as_copy"_L1).toBool());
        const QUuid copy = QUuid::fromString(answer.value("uuid"_L1).toString());
        QVERIFY(!copy.isNull() && copy != tracked);
        const auto restored = f->store->noteByUuid(copy);
        QVERIFY(restored && *restored);
        QVERIFY2(QRegularExpression(u"^Time machine v0 \\(restored \\d{4}-\\d\\d-\\d\\d\\)$"_s)
                     .match((*restored)->title)
                     .hasMatch(),
            qPrintable((*restored)->title));
        QCOMPARE((*restored)->content, u"Body of Time machine v0"_s);
        QCOMPARE(trackedNote().title, before.title);
        QCOMPARE(f->store->noteCount().value_or(-1), count + 1);
    }

    void aNoteEmptiedFromTheBinComesBack()
    {
        const Note note = trackedNote();
        QVERIFY(f->store->softDeleteNote(note.id));
        QVERIFY(f->store->emptyRecycleBin());
        sync(u"Desktop"_s);
        QVERIFY(!f->store->noteByUuid(tracked).value_or(std::nullopt));
        const CliRun run
            = cli({u"restore-item"_s, u"--commit"_s, createdAt, u"--note"_s, tracked.toString(QUuid::Id128)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QJsonDocument::fromJson(run.out).object().value("created"_L1).toBool());
        QCOMPARE(trackedNote().title, u"Time machine v0"_s);
        QVERIFY(!trackedNote().deletedAt);
    }

    void aCommitWithoutTheNoteIsRefusedInThreeParts()
    {
        const QStringList log = gitLog({});
        const QString seed = log.last(); // before any note
        const CliRun run = cli({u"restore-item"_s, u"--commit"_s, seed, u"--note"_s, tracked.toString(QUuid::Id128)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(
                     u"Note not restored: Core.Sync/restore_item — commit %1 holds no note"_s.arg(seed.left(12))),
            qPrintable(run.err));
        const CliRun usage = cli({u"restore-item"_s, u"--commit"_s, u"abc"_s, u"--note"_s, tracked.toString()});
        QCOMPARE(usage.exitCode, 2);
    }

    void restoreCommitBringsTheWholeAccountBackAndUndoesIt()
    {
        const QString commit = createdAt;
        const int now = f->store->noteCount().value_or(-1);
        // The account at that commit: as many notes as git lists there.
        const QByteArray listing
            = f->run(u"git"_s, {u"-C"_s, f->bare(), u"ls-tree"_s, u"--name-only"_s, commit + u":notes"_s});
        const int then
            = int(QString::fromLatin1(listing).split(u'\n', Qt::SkipEmptyParts).filter(u".meta.json"_s).size());
        QVERIFY(then > 0 && then != now);
        const CliRun dry = cli({u"restore"_s, u"--commit"_s, commit, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY(!QJsonDocument::fromJson(dry.out).object().value("changes"_L1).toArray().isEmpty());
        QCOMPARE(f->store->noteCount().value_or(-1), now);
        const CliRun run = cli({u"restore"_s, u"--commit"_s, commit});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + QString::fromUtf8(run.out)));
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value("commit"_L1).toString(), commit);
        QCOMPARE(f->store->noteCount().value_or(-1), then);
        QCOMPARE(trackedNote().title, u"Time machine v0"_s);
        const CliRun undo = cli({u"restore"_s, u"--undo"_s});
        QVERIFY2(undo.exitCode == 0, qPrintable(undo.err));
        QCOMPARE(f->store->noteCount().value_or(-1), now);
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "test_history.moc"
