// SPDX-License-Identifier: GPL-3.0-or-later
// SyncScheduler (issue #15): scheduled syncs against the GitHub test server on a FakeClock — a due run, one catch-up
// after the clock jumps hours (and after a closed app), the back-off after failures and its alerts, settle mode waiting
// for quiet — and `notechondria-sync serve --sync-interval` backing up by itself (the real binary).
#include "fakeclock.h"
#include "pushfixture.h"
#include "syncscheduler.h"

#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

using Mode = SyncSchedule::Mode;
using State = SyncScheduler::State;

Note noteTitled(const QString &title)
{
    Note n;
    n.title = title;
    n.content = u"Body of "_s + title;
    return n;
}

} // namespace

class TestSyncScheduler : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<PushFixture> m_fixture;
    std::unique_ptr<SyncScheduler> m_scheduler;

    /// The fake clock and the test server's clock move together (JWT claims, token expiry).
    void advance(qint64 seconds)
    {
        m_clock->advance(seconds);
        m_fixture->server.setClockSkew(QDateTime::currentDateTimeUtc().secsTo(m_clock->now()));
    }

    void addNote(const QString &title) { QVERIFY(m_fixture->store->saveNote(noteTitled(title))); }

    std::unique_ptr<SyncScheduler> makeScheduler()
    {
        auto scheduler
            = std::make_unique<SyncScheduler>(m_fixture->store.get(), m_fixture->service.get(), m_clock.get());
        scheduler->setPollInterval(std::chrono::hours(1)); // the test calls check() itself
        return scheduler;
    }

    /// check(), then waits for the run it starts.
    bool checkAndWaitForRun()
    {
        QSignalSpy finished(m_scheduler.get(), &SyncScheduler::syncFinished);
        m_scheduler->check();
        return finished.count() > 0 || finished.wait(60'000);
    }

    [[nodiscard]] int runCount() const { return int(m_fixture->store->runs(100).value_or(QList<PushRun>()).size()); }

private Q_SLOTS:
    void init()
    {
        m_scheduler.reset();
        m_fixture = std::make_unique<PushFixture>();
        m_clock = std::make_unique<FakeClock>(QDateTime::currentDateTimeUtc());
        m_fixture->time = m_clock.get();
        QVERIFY2(m_fixture->setUp(), qPrintable(m_fixture->error));
        m_scheduler = makeScheduler();
    }
    void cleanup()
    {
        m_scheduler.reset();
        m_fixture.reset();
    }

    void aScheduledSyncRunsWhenDue()
    {
        addNote(u"First"_s);
        m_scheduler->start();
        QVERIFY(m_scheduler->setSchedule(Mode::Every, 600));
        QCOMPARE(m_scheduler->state(), State::ChangesWaiting);
        QCOMPARE(m_scheduler->pendingChanges(), 1);
        QCOMPARE(m_scheduler->schedule().nextRun, std::optional(m_clock->now().addSecs(600)));
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::syncStarted);
        advance(599);
        m_scheduler->check();
        QCOMPARE(started.count(), 0);
        QVERIFY(m_fixture->head().isEmpty());
        advance(2);
        QSignalSpy states(m_scheduler.get(), &SyncScheduler::stateChanged);
        QVERIFY(checkAndWaitForRun());
        QCOMPARE(started.count(), 1);
        QVERIFY(!m_fixture->head().isEmpty());
        QCOMPARE(m_fixture->cloneMismatch(), QString());
        QCOMPARE(states.first().first().value<State>(), State::Syncing);
        QCOMPARE(m_scheduler->state(), State::Synced);
        QCOMPARE(m_scheduler->pendingChanges(), 0);
        QCOMPARE(m_scheduler->lastBackup(), std::optional(m_clock->now()));
        // What the run left is in the store: the result and the next run, an interval on.
        const auto stored = m_fixture->store->syncSchedule();
        QVERIFY(stored);
        QCOMPARE(stored->lastResult, u"synced"_s);
        QCOMPARE(stored->consecutiveFailures, 0);
        QCOMPARE(stored->nextRun, std::optional(m_clock->now().addSecs(600)));
        // A new note waits for the next run.
        addNote(u"Second"_s);
        m_scheduler->check();
        QCOMPARE(m_scheduler->state(), State::ChangesWaiting);
        QCOMPARE(started.count(), 1);
    }

    void aClockJumpOfHoursCatchesUpWithOneRun()
    {
        addNote(u"Before the sleep"_s);
        m_scheduler->start();
        QVERIFY(m_scheduler->setSchedule(Mode::Every, 60));
        advance(61);
        QVERIFY(checkAndWaitForRun());
        const QString first = m_fixture->head();
        addNote(u"Written just before the lid closed"_s);
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::syncStarted);
        QSignalSpy overdue(m_scheduler.get(), &SyncScheduler::overdue);
        advance(5 * 3600); // the computer slept for five hours: 300 intervals were missed
        QVERIFY(checkAndWaitForRun());
        for (int i = 0; i < 5; ++i) {
            m_scheduler->check();
        }
        QCOMPARE(started.count(), 1);
        QCOMPARE(overdue.count(), 1);
        QVERIFY(overdue.first().first().toLongLong() >= 5 * 3600 - 60);
        QVERIFY(m_fixture->head() != first);
        QCOMPARE(m_scheduler->schedule().nextRun, std::optional(m_clock->now().addSecs(60)));
        QCOMPARE(m_scheduler->state(), State::Synced);
    }

    void aClosedAppCatchesUpOnceWhenStartedAgain()
    {
        m_scheduler->start();
        QVERIFY(m_scheduler->setSchedule(Mode::Every, 60));
        addNote(u"Left behind"_s);
        m_scheduler.reset(); // the app is closed; its next run is kept in the store
        const int runsBefore = runCount();
        advance(3 * 3600);
        m_scheduler = makeScheduler();
        QSignalSpy finished(m_scheduler.get(), &SyncScheduler::syncFinished);
        m_scheduler->start();
        QVERIFY(finished.count() > 0 || finished.wait(60'000));
        m_scheduler->check();
        m_scheduler->check();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(runCount(), runsBefore + 1);
        QCOMPARE(m_scheduler->pendingChanges(), 0);
        QVERIFY(!m_fixture->head().isEmpty());
    }

    void failuresBackOffAndAlertAfterTheThird()
    {
        addNote(u"Unlucky"_s);
        m_scheduler->start();
        QVERIFY(m_scheduler->setSchedule(Mode::Every, 100));
        GitHubTestServer::Fault fault;
        fault.path = QRegularExpression(u"^/repos/"_s);
        fault.status = 404;
        fault.times = 1000;
        m_fixture->server.injectFault(fault);
        QSignalSpy failed(m_scheduler.get(), &SyncScheduler::syncFailed);
        QSignalSpy keepsFailing(m_scheduler.get(), &SyncScheduler::keepsFailing);
        // Due after 100 s; then it waits 100, 200, 400 and from then on 800 s (the cap) between tries.
        const QList<qint64> waits{100, 100, 200, 400, 800, 800};
        for (qsizetype i = 0; i < waits.size(); ++i) {
            advance(waits.at(i) - 1);
            m_scheduler->check();
            QCOMPARE(failed.count(), i); // not yet
            advance(1);
            QVERIFY(checkAndWaitForRun());
            QCOMPARE(failed.count(), i + 1);
            QCOMPARE(m_scheduler->schedule().consecutiveFailures, i + 1);
            QCOMPARE(m_scheduler->state(), State::NeedsAttention);
        }
        QCOMPARE(keepsFailing.count(), 1); // once, at the third failure
        QVERIFY(m_scheduler->attentionMessage().contains(u" \u2014 "_s));
        QCOMPARE(m_fixture->store->syncSchedule()->lastResult, u"failed"_s);
        // GitHub answers again: the next try succeeds and the interval is back to 100 s.
        m_fixture->server.clearFaults();
        advance(800);
        QVERIFY(checkAndWaitForRun());
        QCOMPARE(m_scheduler->schedule().consecutiveFailures, 0);
        QCOMPARE(m_scheduler->state(), State::Synced);
        QCOMPARE(m_scheduler->schedule().nextRun, std::optional(m_clock->now().addSecs(100)));
        QVERIFY(!m_fixture->head().isEmpty());
    }

    void settleModeWaitsForQuiet()
    {
        m_scheduler->start();
        QVERIFY(m_scheduler->setSchedule(Mode::AfterSettle, 60));
        QVERIFY(!m_scheduler->schedule().nextRun); // nothing waits, nothing is due
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::syncStarted);
        addNote(u"Draft"_s);
        m_scheduler->check();
        QCOMPARE(m_scheduler->schedule().nextRun, std::optional(m_clock->now().addSecs(60)));
        // Still typing: every change starts the quiet minute again.
        for (int i = 0; i < 4; ++i) {
            advance(40);
            addNote(u"Draft %1"_s.arg(i));
            m_scheduler->check();
            QCOMPARE(started.count(), 0);
        }
        advance(59);
        m_scheduler->check();
        QCOMPARE(started.count(), 0);
        advance(1);
        QVERIFY(checkAndWaitForRun());
        QCOMPARE(started.count(), 1);
        QCOMPARE(m_scheduler->pendingChanges(), 0);
        QVERIFY(!m_scheduler->schedule().nextRun); // backed up: nothing due until the next change
        advance(3600);
        m_scheduler->check();
        QCOMPARE(started.count(), 1);
    }

    void aSyncFromElsewhereShowsAsSyncedAndSyncNowRuns()
    {
        addNote(u"By hand"_s);
        m_scheduler->start();
        QCOMPARE(m_scheduler->state(), State::ChangesWaiting);
        QSignalSpy finished(m_scheduler.get(), &SyncScheduler::syncFinished);
        m_scheduler->syncNow(); // the schedule is off; the tray's Sync now still runs
        QVERIFY(finished.count() > 0 || finished.wait(60'000));
        QCOMPARE(m_scheduler->state(), State::Synced);
        QVERIFY(!m_scheduler->schedule().nextRun);
    }

    void notConnectedNeedsAttentionAndRunsNothing()
    {
        QVERIFY(m_fixture->store->deleteIntegration());
        m_scheduler->start();
        QVERIFY(m_scheduler->setSchedule(Mode::Every, 60));
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::syncStarted);
        advance(120);
        m_scheduler->check();
        QCOMPARE(started.count(), 0);
        QCOMPARE(m_scheduler->state(), State::NeedsAttention);
        QVERIFY(!m_scheduler->isConnected());
    }

    void serveWithASyncIntervalBacksUpByItself()
    {
        addNote(u"Headless"_s);
        m_scheduler.reset();
        const QProcessEnvironment env = m_fixture->cliEnvironment();
        QProcess serve;
        serve.setProcessEnvironment(env);
        serve.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            {u"--data"_s, m_fixture->dir.filePath(u"data"_s), u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s,
                u"--sync-interval"_s, u"1s"_s});
        QVERIFY(serve.waitForStarted());
        // The test server runs in this process: wait with the event loop running.
        QTRY_VERIFY_WITH_TIMEOUT(!m_fixture->head().isEmpty() || serve.state() == QProcess::NotRunning, 60'000);
        QVERIFY(serve.state() == QProcess::Running);
        // The branch moves before the run records its outcome: wait for the record.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_fixture->store->syncSchedule().value_or(SyncSchedule()).lastResult == u"synced"_s, 30'000);
        serve.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(serve.state() == QProcess::NotRunning, 30'000);
        const QString err = QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(err.contains(u"Backups every 1s"_s), qPrintable(err));
        QVERIFY2(err.contains(u"Backed up"_s), qPrintable(err));
        const auto schedule = m_fixture->store->syncSchedule();
        QVERIFY(schedule);
        QCOMPARE(schedule->mode, Mode::Every);
        QCOMPARE(schedule->intervalSeconds, 1);
        QCOMPARE(schedule->lastResult, u"synced"_s);
        QCOMPARE(m_fixture->store->changedItemCount().value_or(-1), 0);
    }

    void serveRefusesABadInterval()
    {
        QProcess serve;
        serve.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            {u"--data"_s, m_fixture->dir.filePath(u"data"_s), u"serve"_s, u"--sync-interval"_s, u"soon"_s});
        QVERIFY(serve.waitForFinished(30'000));
        QCOMPARE(serve.exitCode(), 2);
        const QString err = QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(err.contains(u"'soon' is not a duration"_s), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "test_syncscheduler.moc"
