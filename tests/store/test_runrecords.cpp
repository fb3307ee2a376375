// SPDX-License-Identifier: GPL-3.0-or-later
// RunRecords: the push history.
#include "account.h"
#include "runrecords.h"
#include "storepartfixture.h"

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::StorePartFixture;

namespace {

PushRun runWith(const QString &outcome, const QDateTime &startedAt = {})
{
    PushRun run;
    run.startedAt = startedAt;
    run.outcome = outcome;
    run.durationMs = 1234;
    run.added = 1;
    run.changed = 2;
    run.deleted = 3;
    run.bytes = 5'000'000'000;
    run.requests = 9;
    run.commitSha = u"c0ffee"_s;
    return run;
}

} // namespace

class TestRunRecords : public QObject
{
    Q_OBJECT

private:
    Files m_files;
    Fresh<RunRecords> m_records;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }
    void init() { QVERIFY(m_records.open(m_files)); }

    void aRunKeepsEveryFieldAndDefaultsToNow()
    {
        PushRun failed = runWith(u"failed"_s);
        failed.message = u"Cannot push: Core.Sync/push \u2014 offline"_s;
        const auto id = m_records->recordRun(failed);
        QVERIFY(id);
        QVERIFY(*id > 0);
        const auto runs = m_records->runs();
        QVERIFY(runs);
        QCOMPARE(runs->size(), 1);
        const PushRun &run = runs->first();
        QCOMPARE(run.id, *id);
        QCOMPARE(run.startedAt, start);
        QCOMPARE(run.durationMs, 1234);
        QCOMPARE(run.added, 1);
        QCOMPARE(run.changed, 2);
        QCOMPARE(run.deleted, 3);
        QCOMPARE(run.bytes, 5'000'000'000);
        QCOMPARE(run.requests, 9);
        QCOMPARE(run.commitSha, u"c0ffee"_s);
        QCOMPARE(run.outcome, u"failed"_s);
        QCOMPARE(run.message, failed.message);
    }

    void theHistoryIsNewestFirstAndLimited()
    {
        QVERIFY(m_records->recordRun(runWith(u"old"_s, start.addSecs(-60))));
        QVERIFY(m_records->recordRun(runWith(u"newest"_s, start.addSecs(60))));
        QVERIFY(m_records->recordRun(runWith(u"tie-first"_s, start)));
        QVERIFY(m_records->recordRun(runWith(u"tie-second"_s, start)));
        const auto all = m_records->runs();
        QVERIFY(all);
        QStringList outcomes;
        for (const PushRun &run : *all) {
            outcomes << run.outcome;
        }
        QCOMPARE(outcomes, (QStringList{u"newest"_s, u"tie-second"_s, u"tie-first"_s, u"old"_s}));
        QCOMPARE(m_records->runs(2)->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRunRecords)
#include "test_runrecords.moc"
