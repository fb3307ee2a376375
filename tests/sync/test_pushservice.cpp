// SPDX-License-Identifier: GPL-3.0-or-later
// PushService against the GitHub test server (a real bare repository): git itself judges every push.
#include "demodata.h"
#include "pushfixture.h"

#include <QCoroTask>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestPushService : public QObject
{
    Q_OBJECT

    std::unique_ptr<PushFixture> f;

    Result<PushOutcome> push(PushOptions options = {}) { return QCoro::waitFor(f->service->push(options)); }

    void demo(int notes, int touch = 0, int deleteCount = 0)
    {
        DemoOptions options;
        options.notes = notes;
        options.touch = touch;
        options.deleteCount = deleteCount;
        auto made = generateDemoData(*f->store, options, f->clock);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message()));
    }

    /// The clone equals the export byte for byte (apart from the listed foreign files), and fsck is clean.
    void verifyCloneEqualsExport(const QStringList &foreign = {})
    {
        const QString mismatch = f->cloneMismatch(foreign);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    QString firstNotePath()
    {
        auto notes = f->store->notes();
        return u"notes/%1.md"_s.arg(notes->first().uuid.toString(QUuid::Id128));
    }

    /// The note file at @p path as GitHub holds it, with its body replaced (an edit made on another device).
    QByteArray editedOnGitHub(const QString &path, const QByteArray &body)
    {
        const QByteArray file = f->cloneFiles().value(path);
        return file.left(file.indexOf("\n---\n") + 5) + "\n" + body + "\n";
    }

    void editFirstNote(const QString &content)
    {
        auto notes = f->store->notes();
        auto note = f->store->note(notes->first().id);
        Note edited = **note;
        edited.content = content;
        QVERIFY(f->store->saveNote(edited));
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<PushFixture>();
        QVERIFY2(f->setUp(), qPrintable(f->error));
        demo(30);
    }

    void cleanup() { f.reset(); }

    void firstPushToAnEmptyRepositoryMakesOneCommitEqualToTheExport()
    {
        auto outcome = push();
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message()));
        QVERIFY(outcome->committed);
        QCOMPARE(outcome->commitSha, f->head());
        QVERIFY(outcome->added > 60);
        verifyCloneEqualsExport();
        // the seed commit and ours
        QCOMPARE(f->run(u"git"_s, {u"-C"_s, f->bare(), u"rev-list"_s, u"--count"_s, u"main"_s}).trimmed(), "2"_ba);
        auto runs = f->store->runs();
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().outcome, u"committed"_s);
        QCOMPARE(runs->first().commitSha, outcome->commitSha);
        QCOMPARE(f->store->integration()->value().lastPushSha, outcome->commitSha);
    }

    void unchangedAccountMakesNoCommitInAtMostTwoRequests()
    {
        QVERIFY(push());
        const QString head = f->head();
        f->server.clearRequests();
        auto outcome = push();
        QVERIFY(outcome);
        QVERIFY(!outcome->committed);
        QCOMPARE(f->head(), head);
        QVERIFY2(f->server.requestCount() <= 2, qPrintable(QString::number(f->server.requestCount())));
        QCOMPARE(f->store->runs()->first().outcome, u"unchanged"_s);
    }

    void unchangedAccountOnAnUnmovedBranchIsSettledByReadingTheRef()
    {
        QVERIFY(push());
        QVERIFY(push()); // the first sync after a commit records the state both sides agree on
        const QString head = f->head();
        f->server.clearRequests();
        auto outcome = push();
        QVERIFY(outcome && !outcome->committed);
        QCOMPARE(outcome->commitSha, head);
        const auto requests = f->server.requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().method, "GET"_ba);
        QVERIFY2(requests.first().path.endsWith(u"/git/ref/heads/main"_s), qPrintable(requests.first().path));
        QCOMPARE(f->store->runs()->first().outcome, u"unchanged"_s);
        QVERIFY(f->store->integration()->value().lastPushAt.has_value());
    }

    void anUnchangedAccountOnAMovedBranchReadsTheRefOnce()
    {
        QVERIFY(push());
        QVERIFY(push());
        f->server.commitFromAnotherDevice(
            f->repo, u"main"_s, {{u"journal/today.md"_s, "other device\n"_ba}}, u"Journal"_s);
        f->server.clearRequests();
        PushOptions sync;
        sync.pull = true;
        auto outcome = push(sync);
        QVERIFY2(outcome && !outcome->conflict, outcome ? "" : qPrintable(outcome.error().message()));
        const auto requests = f->server.requests();
        const auto refReads = std::count_if(requests.cbegin(), requests.cend(), [](const auto &request) {
            return request.method == "GET" && request.path.endsWith(u"/git/ref/heads/main"_s);
        });
        QCOMPARE(refReads, 1);
    }

    void aWriteFromAnotherProcessIsNotSkipped()
    {
        QVERIFY(push());
        QVERIFY(push());
        const QString path = firstNotePath();
        const qint64 id = f->store->notes()->first().id;
        {
            // Another process (the CLI, the local server) edits the same file: the triggers move the revision.
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-process"_s);
            other.setDatabaseName(f->store->path());
            QVERIFY(other.open());
            QSqlQuery query(other);
            QVERIFY(query.prepare(u"UPDATE notes SET title = 'Edited elsewhere' WHERE id = ?"_s));
            query.addBindValue(id);
            QVERIFY(query.exec());
            query.finish();
            other.close();
        }
        QSqlDatabase::removeDatabase(u"other-process"_s);
        auto outcome = push();
        QVERIFY2(outcome && outcome->committed, outcome ? "" : qPrintable(outcome.error().message()));
        QVERIFY(f->cloneFiles().value(path).contains("Edited elsewhere"));
        verifyCloneEqualsExport();
    }

    void anotherExportChoiceIsNotSkipped()
    {
        QVERIFY(push());
        QVERIFY(push());
        f->server.clearRequests();
        PushOptions assets;
        assets.includeAssets = true;
        auto outcome = push(assets);
        QVERIFY(outcome);
        QVERIFY2(f->server.requestCount() > 1, qPrintable(QString::number(f->server.requestCount())));
    }

    void aSyncAfterAPushThatLeftRemoteChangesStillPullsThem()
    {
        QVERIFY(push());
        QVERIFY(push());
        const auto notes = f->store->notes();
        const qint64 theirs = notes->first().id;
        const QString path = firstNotePath();
        f->server.commitFromAnotherDevice(
            f->repo, u"main"_s, {{path, editedOnGitHub(path, "edited on GitHub")}}, u"Edit"_s);
        // A local change to another note: this push commits on top and leaves GitHub's edit unpulled.
        Note ours = f->store->note(notes->last().id)->value();
        ours.content = u"edited here"_s;
        QVERIFY(f->store->saveNote(ours));
        auto pushed = push();
        QVERIFY(pushed && pushed->committed && !pushed->conflict);
        QVERIFY(f->store->note(theirs)->value().content != u"edited on GitHub"_s);
        PushOptions sync;
        sync.pull = true;
        auto synced = push(sync);
        QVERIFY2(synced, synced ? "" : qPrintable(synced.error().message()));
        QCOMPARE(f->store->note(theirs)->value().content, u"edited on GitHub"_s);
    }

    void touchingFiveNotesChangesExactlyThoseFilesInAtMostFiveRequests()
    {
        QVERIFY(push());
        const QString before = f->head();
        const QMap<QString, QByteArray> oldExport = PushFixture::filesOf(f->expectedExport());
        demo(0, 5);
        const QMap<QString, QByteArray> newExport = PushFixture::filesOf(f->expectedExport());
        QStringList expected;
        for (auto it = newExport.constBegin(); it != newExport.constEnd(); ++it) {
            if (oldExport.value(it.key()) != it.value()) {
                expected.append(it.key());
            }
        }
        f->server.clearRequests();
        auto outcome = push();
        QVERIFY(outcome && outcome->committed);
        QVERIFY2(f->server.requestCount() <= 5, qPrintable(QString::number(f->server.requestCount())));
        const QByteArray diff = f->run(u"git"_s, {u"-C"_s, f->bare(), u"diff"_s, u"--name-only"_s, before, f->head()});
        QStringList changed = QString::fromUtf8(diff).split(u'\n', Qt::SkipEmptyParts);
        changed.sort();
        expected.sort();
        QCOMPARE(changed, expected);
        verifyCloneEqualsExport();
    }

    void aChangeUploadsItsNotesAndFewKilobytesBesidesAndTheCloneChecksWithSha256sum()
    {
        f.reset();
        f = std::make_unique<PushFixture>();
        QVERIFY2(f->setUp(), qPrintable(f->error));
        demo(2000);
        QVERIFY(push());
        demo(0, 5);
        const QMap<QString, QByteArray> oldExport = PushFixture::filesOf(f->expectedExport());
        auto outcome = push();
        QVERIFY(outcome && outcome->committed);
        // The notes' own files, and for the rest only a few small checksum files, the manifest and README (schema 2
        // re-sent a manifest with one hash per file: about 460 KB at 2,000 notes).
        qint64 notesBytes = 0;
        const QMap<QString, QByteArray> newExport = PushFixture::filesOf(f->expectedExport());
        for (auto it = newExport.cbegin(); it != newExport.cend(); ++it) {
            if (it.key().startsWith(u"notes/"_s) && oldExport.value(it.key()) != it.value()) {
                notesBytes += it.value().size();
            }
        }
        QVERIFY2(outcome->bytes - notesBytes < 64 * 1024,
            qPrintable(u"%1 bytes uploaded, %2 of them the notes"_s.arg(outcome->bytes).arg(notesBytes)));
        verifyCloneEqualsExport();

        const QString clone = f->dir.filePath(u"sha256sum-clone"_s);
        QVERIFY(!f->run(u"git"_s, {u"clone"_s, u"-q"_s, f->bare(), clone}).isNull());
        QProcess check;
        check.setWorkingDirectory(clone);
        check.start(u"sh"_s, {u"-c"_s, u"cat checksums/*.sha256 | sha256sum --check --strict --quiet"_s});
        QVERIFY(check.waitForFinished());
        QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().left(400).constData());
    }

    void deletedNotesLeaveTheTreeAndForeignFilesStay()
    {
        QVERIFY(push());
        f->server.commitFromAnotherDevice(f->repo, u"main"_s, {{u"LICENSE"_s, "MIT\n"_ba}}, u"Add license"_s);
        demo(0, 0, 3);
        auto outcome = push();
        QVERIFY2(outcome && outcome->committed, outcome ? "" : qPrintable(outcome.error().message()));
        QCOMPARE(outcome->deleted, 6); // each note: .md and .meta.json
        verifyCloneEqualsExport({u"LICENSE"_s});
    }

    void massDeletionIsBlockedUntilConfirmed()
    {
        QVERIFY(push());
        const QString head = f->head();
        demo(0, 0, 25);
        auto outcome = push();
        QVERIFY(outcome);
        QVERIFY(outcome->massDeletionBlocked);
        QCOMPARE(outcome->wouldDelete, 50);
        QCOMPARE(f->head(), head);
        PushOptions confirmed;
        confirmed.confirmMassDeletion = true;
        outcome = push(confirmed);
        QVERIFY(outcome && outcome->committed);
        verifyCloneEqualsExport();
    }

    void disjointCommitFromAnotherDeviceIsKept()
    {
        QVERIFY(push());
        f->server.commitFromAnotherDevice(
            f->repo, u"main"_s, {{u"journal/today.md"_s, "other device\n"_ba}}, u"Journal"_s);
        demo(0, 2);
        auto outcome = push();
        QVERIFY2(outcome && outcome->committed, outcome ? "" : qPrintable(outcome.error().message()));
        QVERIFY(!outcome->conflict);
        verifyCloneEqualsExport({u"journal/today.md"_s});
    }

    void conflictingCommitIsReportedThenForceOverwrites()
    {
        QVERIFY(push());
        const QString path = firstNotePath();
        const QString theirs = f->server.commitFromAnotherDevice(
            f->repo, u"main"_s, {{path, editedOnGitHub(path, "edited on GitHub")}}, u"Edit"_s);
        editFirstNote(u"edited here"_s);
        auto outcome = push();
        QVERIFY(outcome);
        QVERIFY(outcome->conflict);
        QCOMPARE(outcome->conflictPaths, QStringList{path});
        QCOMPARE(f->head(), theirs);
        QVERIFY(f->store->integration()->value().lastError.contains(path));
        QCOMPARE(f->store->runs()->first().outcome, u"conflict"_s);

        PushOptions force;
        force.force = true;
        outcome = push(force);
        QVERIFY(outcome && outcome->committed);
        verifyCloneEqualsExport();
        QVERIFY(f->store->integration()->value().lastError.isEmpty());
    }

    void conflictResolvedByKeepingTheRemoteCopy()
    {
        QVERIFY(push());
        const QString path = firstNotePath();
        const QByteArray theirs = editedOnGitHub(path, "edited on GitHub");
        f->server.commitFromAnotherDevice(f->repo, u"main"_s, {{path, theirs}}, u"Edit"_s);
        editFirstNote(u"edited here"_s);
        PushOptions keep;
        keep.keepRemote = true;
        auto outcome = push(keep);
        QVERIFY(outcome && !outcome->conflict);
        QCOMPARE(f->cloneFiles().value(path), theirs);
        // GitHub's version is now the local one too: the next push leaves it alone, and both sides agree.
        QCOMPARE(f->store->note(f->store->notes()->first().id)->value().content, u"edited on GitHub"_s);
        outcome = push();
        QVERIFY(outcome && !outcome->conflict && !outcome->committed);
        QCOMPARE(f->cloneFiles().value(path), theirs);
        verifyCloneEqualsExport();
    }

    void serverErrorsAndSecondaryLimitsAreRetried()
    {
        GitHubTestServer::Fault error;
        error.method = "POST";
        error.path = QRegularExpression(u"/git/trees$"_s);
        error.status = 502;
        f->server.injectFault(error);
        GitHubTestServer::Fault limit;
        limit.method = "POST";
        limit.path = QRegularExpression(u"/git/commits$"_s);
        limit.status = 403;
        limit.headers = {{"retry-after", "1"}};
        limit.body = R"({"message":"You have exceeded a secondary rate limit."})"_ba;
        f->server.injectFault(limit);
        auto outcome = push();
        QVERIFY2(outcome && outcome->committed, outcome ? "" : qPrintable(outcome.error().message()));
        verifyCloneEqualsExport();
    }

    void slowAnswerAndExpiredTokenStillSucceed()
    {
        QVERIFY(push());
        f->server.expireAllTokens();
        f->server.setHangDuration(std::chrono::milliseconds(300));
        GitHubTestServer::Fault hang;
        hang.method = "GET";
        hang.path = QRegularExpression(u"/git/ref/"_s);
        hang.status = 0;
        hang.hang = true;
        f->server.injectFault(hang);
        demo(0, 1);
        auto outcome = push();
        QVERIFY2(outcome && outcome->committed, outcome ? "" : qPrintable(outcome.error().message()));
        verifyCloneEqualsExport();
    }

    void nonFastForwardRaceIsPlannedAgainOnce()
    {
        QVERIFY(push());
        f->server.raceNextRefUpdate(f->repo, u"main"_s);
        demo(0, 1);
        auto outcome = push();
        QVERIFY2(outcome && outcome->committed, outcome ? "" : qPrintable(outcome.error().message()));
        QVERIFY(f->fsckClean());
        const QString parent
            = QString::fromUtf8(f->run(u"git"_s, {u"-C"_s, f->bare(), u"rev-parse"_s, u"main^"_s}).trimmed());
        QVERIFY(parent != f->store->runs()->at(1).commitSha); // built on the racing commit
    }

    void failedRefUpdateLeavesBranchAndStoreUnchanged()
    {
        QVERIFY(push());
        const QString head = f->head();
        const auto pushed = *f->store->syncBase();
        demo(0, 2);
        GitHubTestServer::Fault broken;
        broken.method = "PATCH";
        broken.path = QRegularExpression(u"/git/refs/heads/main$"_s);
        broken.status = 500;
        broken.times = 10;
        f->server.injectFault(broken);
        auto outcome = push();
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().httpStatus, 500);
        QVERIFY(
            outcome.error().message().startsWith(u"GitHub sync rejected: Core.Sync/push \u2014 GitHub returned 500"_s));
        QCOMPARE(f->head(), head);
        QCOMPARE(*f->store->syncBase(), pushed);
        QCOMPARE(f->store->integration()->value().lastPushSha, head);
        QVERIFY(!f->store->integration()->value().lastError.isEmpty());
        QCOMPARE(f->store->runs()->first().outcome, u"failed"_s);
        f->server.clearFaults();
        outcome = push();
        QVERIFY(outcome && outcome->committed);
        verifyCloneEqualsExport();
    }

    void previewListsWhatTheNextPushSends()
    {
        QVERIFY(push());
        editFirstNote(u"changed for preview"_s);
        auto preview = f->service->preview(false);
        QVERIFY(preview);
        QStringList changed;
        for (const auto &[path, status] : *preview) {
            if (status != u"unchanged"_s) {
                changed.append(path);
            }
        }
        QVERIFY(changed.contains(firstNotePath()));
        QVERIFY(changed.contains(u"manifest.json"_s));
    }
};

QTEST_GUILESS_MAIN(TestPushService)
#include "test_pushservice.moc"
