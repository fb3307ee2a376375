// SPDX-License-Identifier: GPL-3.0-or-later
// WritePacer: GitHub's secondary limits (80 content-creating requests a minute, 500 an hour) kept by construction.
#include "fakeclock.h"
#include "writepacer.h"

#include <QTest>
#include <QTimeZone>

using namespace Notechondria;
using namespace std::chrono_literals;

class TestWritePacer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesGoAtOnceUntilAWindowIsFull()
    {
        FakeClock clock(QDateTime(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::UTC));
        WritePacer pacer(&clock, {{3, 10s}});
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(pacer.delay(), 0ms);
            pacer.record();
            clock.advance(1);
        }
        // Writes at 0, 1 and 2 s; now 3 s: the next may go when the first leaves the window (10 s).
        QCOMPARE(pacer.delay(), 7000ms);
        clock.advance(6);
        QCOMPARE(pacer.delay(), 1000ms);
        clock.advance(1);
        QCOMPARE(pacer.delay(), 0ms);
    }

    void theStricterLimitDecides()
    {
        FakeClock clock(QDateTime(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::UTC));
        WritePacer pacer(&clock, {{2, 1s}, {3, 60s}});
        pacer.record();
        pacer.record();
        QCOMPARE(pacer.delay(), 1000ms); // the per-second limit
        clock.advance(2);
        pacer.record();
        // Three writes in the last minute: the hourly-style limit waits for the oldest (at 0 s) to leave.
        QCOMPARE(pacer.delay(), 58000ms);
    }

    void gitHubsLimitsPaceAFirstPushOf500Writes()
    {
        FakeClock clock(QDateTime(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::UTC));
        WritePacer pacer(&clock);
        QCOMPARE(WritePacer::githubLimits().size(), 2);
        qint64 waitedMs = 0;
        QList<QDateTime> sent;
        for (int i = 0; i < 500; ++i) {
            const auto wait = pacer.delay();
            waitedMs += wait.count();
            clock.set(clock.now().addMSecs(wait.count()));
            pacer.record();
            sent.append(clock.now());
            clock.set(clock.now().addMSecs(100)); // each request takes 0.1 s
        }
        // Never more than 80 in any minute.
        for (qsizetype i = 80; i < sent.size(); ++i) {
            QVERIFY2(sent.at(i - 80).secsTo(sent.at(i)) >= 60, qPrintable(QString::number(i)));
        }
        // 500 writes at 80 a minute: six full windows of waiting.
        QVERIFY(waitedMs >= 6 * 50 * 1000);
        // The 501st must wait for the hour.
        QVERIFY(pacer.delay() > 40min);
    }
};

QTEST_GUILESS_MAIN(TestWritePacer)
#include "test_writepacer.moc"
