// SPDX-License-Identifier: GPL-3.0-or-later
// ScheduleRecords (schema 7, issue #15): the backup schedule row, and the count of local changes not backed up, on
// real SQLite files through the Store.
#include "fakeclock.h"
#include "store.h"
#include "storepartfixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::StorePartFixture;

class TestScheduleRecords : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeClock m_clock{start};
    std::unique_ptr<Store> m_store;
    int m_counter = 0;

    static Note noteTitled(const QString &title)
    {
        Note n;
        n.title = title;
        return n;
    }

    /// Records a sync of the account as it is now (what PushService writes: the state with revision and sequence).
    void recordSyncNow()
    {
        auto integration = m_store->integration();
        QVERIFY(integration && integration->has_value());
        GitHubIntegration row = **integration;
        row.lastPushSha = u"c0ffee"_s;
        row.lastPushAt = m_clock.now();
        row.syncedState = u"revision=%1;changes=%2;assets=0;format=3"_s.arg(*m_store->dataRevision())
                              .arg(*m_store->noteChangeSequence());
        QVERIFY(m_store->saveIntegration(row));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init()
    {
        m_store.reset();
        auto opened = Store::open(m_dir.filePath(u"s-%1.sqlite"_s.arg(++m_counter)), &m_clock);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
        m_store = std::move(*opened);
    }

    void theScheduleIsOffUntilSaved()
    {
        const auto schedule = m_store->syncSchedule();
        QVERIFY(schedule);
        QCOMPARE(schedule->mode, SyncSchedule::Mode::Off);
        QCOMPARE(schedule->intervalSeconds, SyncSchedule::defaultIntervalSeconds);
        QVERIFY(!schedule->nextRun);
        QVERIFY(!schedule->lastRun);
        QCOMPARE(schedule->consecutiveFailures, 0);
    }

    void aSavedScheduleReadsBackAfterReopening()
    {
        SyncSchedule schedule;
        schedule.mode = SyncSchedule::Mode::AfterSettle;
        schedule.intervalSeconds = 600;
        schedule.nextRun = start.addSecs(600);
        schedule.lastRun = start;
        schedule.lastResult = u"failed"_s;
        schedule.lastMessage = u"GitHub sync failed: Core.GitHub/request — offline"_s;
        schedule.consecutiveFailures = 2;
        QVERIFY(m_store->saveSyncSchedule(schedule));
        schedule.mode = SyncSchedule::Mode::Every; // the second save updates the one row
        QVERIFY(m_store->saveSyncSchedule(schedule));
        const QString path = m_store->path();
        m_store.reset();
        auto reopened = Store::open(path, &m_clock);
        QVERIFY(reopened);
        const auto read = (*reopened)->syncSchedule();
        QVERIFY(read);
        QCOMPARE(read->mode, SyncSchedule::Mode::Every);
        QCOMPARE(read->intervalSeconds, 600);
        QCOMPARE(read->nextRun, std::optional(start.addSecs(600)));
        QCOMPARE(read->lastRun, std::optional(start));
        QCOMPARE(read->lastResult, u"failed"_s);
        QCOMPARE(read->lastMessage, schedule.lastMessage);
        QCOMPARE(read->consecutiveFailures, 2);
        m_store = std::move(*reopened);
    }

    void savingTheScheduleIsNoChangeOfTheAccount()
    {
        const qint64 revision = *m_store->dataRevision();
        SyncSchedule schedule;
        schedule.mode = SyncSchedule::Mode::Every;
        QVERIFY(m_store->saveSyncSchedule(schedule));
        QCOMPARE(*m_store->dataRevision(), revision);
    }

    void changedItemsCountWhatTheLastSyncDidNotTake()
    {
        // Never pushed: every change the log holds.
        QVERIFY(m_store->saveNote(noteTitled(u"a"_s)));
        QVERIFY(m_store->saveNote(noteTitled(u"b"_s)));
        QCOMPARE(m_store->changedItemCount().value_or(-1), 2);
        Store::IntegrationUpdate update;
        update.installationId = u"42"_s;
        update.repoFullName = u"octo/notes"_s;
        QVERIFY(m_store->connectIntegration(update));
        QCOMPARE(m_store->changedItemCount().value_or(-1), 2);
        recordSyncNow();
        QCOMPARE(m_store->changedItemCount().value_or(-1), 0);
        // Two edits of one note are one item; a new note is another.
        auto notes = m_store->notes();
        QVERIFY(notes && notes->size() == 2);
        Note edited = notes->first();
        edited.content = u"edited once"_s;
        QVERIFY(m_store->saveNote(edited));
        edited.content = u"edited twice"_s;
        QVERIFY(m_store->saveNote(edited));
        QCOMPARE(m_store->changedItemCount().value_or(-1), 1);
        QVERIFY(m_store->saveNote(noteTitled(u"c"_s)));
        QCOMPARE(m_store->changedItemCount().value_or(-1), 2);
        recordSyncNow();
        QCOMPARE(m_store->changedItemCount().value_or(-1), 0);
        // A change outside the notes' log (the profile) still counts as one.
        auto profile = m_store->profile();
        QVERIFY(profile);
        profile->motto = u"new motto"_s;
        QVERIFY(m_store->saveProfile(*profile));
        QCOMPARE(m_store->changedItemCount().value_or(-1), 1);
    }

    void aPushWithoutARecordedStateCountsAsOneUnknownChange()
    {
        QVERIFY(m_store->saveNote(noteTitled(u"a"_s)));
        Store::IntegrationUpdate update;
        update.installationId = u"42"_s;
        update.repoFullName = u"octo/notes"_s;
        auto row = m_store->connectIntegration(update);
        QVERIFY(row);
        row->lastPushSha = u"c0ffee"_s;
        QVERIFY(m_store->saveIntegration(*row));
        QCOMPARE(m_store->changedItemCount().value_or(-1), 1);
    }

    void durationsParseAndFormat()
    {
        QCOMPARE(SyncSchedule::parseDuration(u"15m"_s).value_or(-1), 900);
        QCOMPARE(SyncSchedule::parseDuration(u"30s"_s).value_or(-1), 30);
        QCOMPARE(SyncSchedule::parseDuration(u"1h"_s).value_or(-1), 3600);
        QCOMPARE(SyncSchedule::parseDuration(u"2h30m"_s).value_or(-1), 9000);
        QCOMPARE(SyncSchedule::parseDuration(u" 1H5M10S "_s).value_or(-1), 3910);
        for (const QString &bad :
            {u""_s, u"15"_s, u"m"_s, u"15 minutes"_s, u"30s15m"_s, u"0s"_s, u"-5m"_s, u"169h"_s, u"1.5h"_s}) {
            const auto parsed = SyncSchedule::parseDuration(bad);
            QVERIFY2(!parsed, qPrintable(bad));
            QVERIFY(parsed.error().message().startsWith(u"Schedule not set: Core.Sync/schedule \u2014 "_s));
        }
        QCOMPARE(SyncSchedule::formatDuration(9000), u"2h30m"_s);
        QCOMPARE(SyncSchedule::formatDuration(90), u"1m30s"_s);
        QCOMPARE(SyncSchedule::formatDuration(3600), u"1h"_s);
        QCOMPARE(SyncSchedule::formatDuration(30), u"30s"_s);
        QCOMPARE(SyncSchedule::modeNamed(u"after_settle"_s), std::optional(SyncSchedule::Mode::AfterSettle));
        QVERIFY(!SyncSchedule::modeNamed(u"sometimes"_s));
    }
};

QTEST_GUILESS_MAIN(TestScheduleRecords)
#include "test_schedulerecords.moc"
