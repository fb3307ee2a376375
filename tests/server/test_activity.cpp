// SPDX-License-Identifier: GPL-3.0-or-later
// The activity routes of the local server over real HTTP on loopback against the real LocalServer and a real Store:
// note sessions (create, patch, list), activity/ (the notes edited last) and activity/week/ (the planner's week view:
// events per day, recurring ones expanded, sessions, inline calendar feeds, and the deadlines list).
#include "fakeclock.h"
#include "localserverfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), QTimeZone::UTC);
}

/// The parsed value of a datetime the server wrote.
QDateTime parsed(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

PlannerEvent plannerEvent(const QString &title, QDate date, std::optional<QDateTime> startsAt = std::nullopt)
{
    PlannerEvent e;
    e.title = title;
    e.eventDate = date;
    e.startsAt = startsAt;
    if (startsAt) {
        e.endsAt = startsAt->addSecs(3600);
    }
    return e;
}

QStringList titlesOf(const QJsonArray &items)
{
    QStringList titles;
    for (const QJsonValue item : items) {
        titles.append(item.toObject()[u"title"_s].toString());
    }
    return titles;
}

} // namespace

class TestActivity : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Test::LocalServerFixture> m_fx;

    qint64 createNote(const QJsonObject &fields)
    {
        const auto created = m_fx->callJson("POST", u"/notes/"_s, fields);
        return created.status == 201 ? created.object()[u"id"_s].toInteger() : -1;
    }

    /// The week of 30 November: an exam on Tuesday 14:00, a weekly seminar (Mondays 16:00 since 16 November), a
    /// completed essay on Wednesday, a weight-4 project on 20 December, a feed's lecture on Thursday and a note
    /// session on Tuesday 08:00. The seminar's id, or -1 when something could not be stored.
    qint64 seedWeek()
    {
        Store &store = *m_fx->store;
        PlannerEvent weekly = plannerEvent(u"Seminar"_s, QDate(2026, 11, 16), utc(11, 16, 16));
        weekly.recurrenceFreq = u"W"_s;
        PlannerEvent done = plannerEvent(u"Essay"_s, QDate(2026, 12, 2));
        done.isCompleted = true;
        done.completedAt = utc(11, 29, 12);
        PlannerEvent later = plannerEvent(u"Project"_s, QDate(2026, 12, 20));
        later.difficultyWeight = 4;
        const auto seminar = store.saveEvent(weekly);
        bool stored = seminar && store.saveEvent(plannerEvent(u"Exam"_s, QDate(2026, 12, 1), utc(12, 1, 14)))
            && store.saveEvent(done) && store.saveEvent(later);
        CalendarFeed feed;
        feed.title = u"Uni"_s;
        feed.rawIcal = u"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Lecture\r\nDTSTART:20261203T080000Z\r\n"
                       "DTEND:20261203T093000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Far\r\n"
                       "DTSTART:20270101T080000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"_s;
        stored = stored && store.saveFeed(feed);
        const qint64 note = createNote({{u"title"_s, u"Optics"_s}});
        stored = stored
            && m_fx->callJson("POST", u"/note-sessions/"_s,
                       {{u"note_id"_s, note}, {u"started_at"_s, u"2026-12-01T08:00:00Z"_s}})
                    .status
                == 201;
        return stored ? seminar->id : -1;
    }

private Q_SLOTS:
    void init()
    {
        // Monday 30 November 2026, 09:00 UTC.
        m_clock = std::make_unique<FakeClock>(utc(11, 30, 9));
        m_fx = std::make_unique<Test::LocalServerFixture>();
        auto options = Test::LocalServerFixture::offline(m_clock.get());
        options.push = false;
        QVERIFY2(m_fx->setUp(options), qPrintable(m_fx->problem));
    }

    void cleanup() { m_fx.reset(); }

    void noteSessionsAreStartedPatchedAndListed()
    {
        const auto course = m_fx->callJson("POST", u"/courses/"_s, {{u"title"_s, u"Physics"_s}});
        const qint64 courseId = course.object()[u"id"_s].toInteger();
        const qint64 note
            = createNote({{u"title"_s, u"Optics"_s}, {u"description"_s, u"Lenses"_s}, {u"course_id"_s, courseId}});
        // As the planner sends it: a local time without an offset (read as UTC).
        auto started = m_fx->callJson("POST", u"/note-sessions/"_s,
            {{u"note_id"_s, note}, {u"title"_s, u"Reading"_s}, {u"summary"_s, u"Chapter 1"_s},
                {u"started_at"_s, u"2026-11-30T10:00:00.123456"_s}});
        QCOMPARE(started.status, 201);
        QJsonObject session = started.object();
        QCOMPARE(session[u"kind"_s].toString(), u"note_session"_s);
        QCOMPARE(session[u"note_id"_s].toInteger(), note);
        QCOMPARE(session[u"course_id"_s].toInteger(), courseId);
        QCOMPARE(session[u"title"_s].toString(), u"Reading"_s);
        QCOMPARE(parsed(session[u"starts_at"_s]), utc(11, 30, 10).addMSecs(123));
        QCOMPARE(parsed(session[u"ends_at"_s]), utc(11, 30, 10, 15).addMSecs(123)); // open: 15 minutes shown
        const qint64 id = session[u"id"_s].toInteger();

        const auto patched = m_fx->callJson("PATCH", u"/note-sessions/%1/"_s.arg(id),
            {{u"summary"_s, u"Chapter 2"_s}, {u"ended_at"_s, u"2026-11-30T11:30:00Z"_s}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.object()[u"summary"_s].toString(), u"Chapter 2"_s);
        QCOMPARE(patched.object()[u"title"_s].toString(), u"Reading"_s);
        QCOMPARE(parsed(patched.object()[u"ends_at"_s]), utc(11, 30, 11, 30));
        QCOMPARE(m_fx->store->noteSession(id).value()->summary, u"Chapter 2"_s);

        // Defaults from the note; the start defaults to now.
        const auto plain = m_fx->callJson("POST", u"/note-sessions/"_s, {{u"note_id"_s, note}});
        QCOMPARE(plain.status, 201);
        QCOMPARE(plain.object()[u"title"_s].toString(), u"Optics"_s);
        QCOMPARE(plain.object()[u"summary"_s].toString(), u"Lenses"_s);
        QCOMPARE(parsed(plain.object()[u"starts_at"_s]), utc(11, 30, 9));

        const auto listed = m_fx->call("GET", u"/note-sessions/?note_id=%1"_s.arg(note));
        QCOMPARE(listed.array().size(), 2);
        QCOMPARE(listed.array()[0].toObject()[u"id"_s].toInteger(), id); // 10:00 after 09:00: newest first

        const auto missing = m_fx->callJson("POST", u"/note-sessions/"_s, {{u"title"_s, u"x"_s}});
        QCOMPARE(missing.status, 400);
        QVERIFY(missing.object().contains(u"note_id"_s));
        QCOMPARE(m_fx->callJson("POST", u"/note-sessions/"_s, {{u"note_id"_s, 4242}}).status, 404);
        const auto badTime = m_fx->callJson("PATCH", u"/note-sessions/%1/"_s.arg(id), {{u"started_at"_s, u"soon"_s}});
        QCOMPARE(badTime.status, 400);
        QVERIFY(badTime.object().contains(u"started_at"_s));
        QCOMPARE(m_fx->callJson("PATCH", u"/note-sessions/4242/"_s, {{u"title"_s, u"x"_s}}).status, 404);
    }

    void activityListsTheNotesEditedLast()
    {
        for (int i = 0; i < 12; ++i) {
            m_clock->set(utc(11, 30, 9, i));
            QVERIFY(createNote({{u"title"_s, u"Note %1"_s.arg(i)}}) > 0);
        }
        const auto answer = m_fx->call("GET", u"/activity/"_s);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.array().size(), 10);
        QCOMPARE(answer.array()[0].toObject()[u"title"_s].toString(), u"Note 11"_s);
        QVERIFY(answer.array()[0].toObject().contains(u"preview_lines"_s));
    }

    void theWeekShowsEachDaysEventsSessionsAndFeedEvents()
    {
        const qint64 weeklyId = seedWeek();
        QVERIFY(weeklyId > 0);
        const auto answer = m_fx->call("GET", u"/activity/week/?start_date=2026-11-30"_s);
        QCOMPARE(answer.status, 200);
        const QJsonObject week = answer.object();
        QCOMPARE(week[u"start_date"_s].toString(), u"2026-11-30"_s);
        QCOMPARE(week[u"previous_week_start"_s].toString(), u"2026-11-23"_s);
        QCOMPARE(week[u"next_week_start"_s].toString(), u"2026-12-07"_s);
        const QJsonArray days = week[u"days"_s].toArray();
        QCOMPARE(days.size(), 7);
        QCOMPARE(days[0].toObject()[u"date"_s].toString(), u"2026-11-30"_s);
        // Monday: the weekly seminar's occurrence, its time kept.
        const QJsonArray monday = days[0].toObject()[u"events"_s].toArray();
        QCOMPARE(titlesOf(monday), QStringList{u"Seminar"_s});
        QCOMPARE(monday[0].toObject()[u"kind"_s].toString(), u"plan"_s);
        QCOMPARE(monday[0].toObject()[u"source_id"_s].toInteger(), weeklyId);
        QCOMPARE(monday[0].toObject()[u"occurrence_date"_s].toString(), u"2026-11-30"_s);
        QCOMPARE(parsed(monday[0].toObject()[u"starts_at"_s]), utc(11, 30, 16));
        // Tuesday: the session (08:00) before the exam (14:00).
        const QJsonArray tuesday = days[1].toObject()[u"events"_s].toArray();
        QCOMPARE(titlesOf(tuesday), (QStringList{u"Optics"_s, u"Exam"_s}));
        QCOMPARE(tuesday[0].toObject()[u"kind"_s].toString(), u"note_session"_s);
        // Wednesday: the completed essay is not on the day; Thursday: the feed's lecture.
        QVERIFY(days[2].toObject()[u"events"_s].toArray().isEmpty());
        const QJsonArray thursday = days[3].toObject()[u"events"_s].toArray();
        QCOMPARE(titlesOf(thursday), QStringList{u"Lecture"_s});
        QCOMPARE(thursday[0].toObject()[u"kind"_s].toString(), u"calendar"_s);
        QCOMPARE(thursday[0].toObject()[u"calendar_title"_s].toString(), u"Uni"_s);
        QCOMPARE(parsed(thursday[0].toObject()[u"ends_at"_s]), utc(12, 3, 9, 30));
    }

    void theWeekListsDeadlinesByUrgency()
    {
        QVERIFY(seedWeek() > 0);
        const QJsonObject week = m_fx->call("GET", u"/activity/week/?start_date=2026-11-30"_s).object();
        // Deadlines: open ones by urgency (weight per hour left), the completed one last.
        const QJsonArray deadlines = week[u"deadlines"_s].toArray();
        QCOMPARE(titlesOf(deadlines), (QStringList{u"Seminar"_s, u"Exam"_s, u"Project"_s, u"Essay"_s}));
        QCOMPARE(deadlines[0].toObject()[u"urgency_score"_s].toDouble(), 0.1429); // 1 / 7 hours
        QCOMPARE(deadlines[0].toObject()[u"occurrence_date"_s].toString(), u"2026-11-30"_s);
        QVERIFY(deadlines[3].toObject()[u"is_completed"_s].toBool());
    }

    void theWeekTakesThreeSevenOrThirtyDaysFromTodayOrTheStartDate()
    {
        QVERIFY(seedWeek() > 0);
        const auto three = m_fx->call("GET", u"/activity/week/?start_date=2026-12-01&days=3"_s);
        QCOMPARE(three.object()[u"days"_s].toArray().size(), 3);
        QCOMPARE(
            m_fx->call("GET", u"/activity/week/?start_date=2026-12-01&days=5"_s).object()[u"days"_s].toArray().size(),
            7);
        const auto today = m_fx->call("GET", u"/activity/week/"_s);
        QCOMPARE(today.object()[u"start_date"_s].toString(), u"2026-11-30"_s);
        // The next week shows the seminar again on 7 December.
        const auto next = m_fx->call("GET", u"/activity/week/?start_date=2026-12-07"_s);
        QCOMPARE(titlesOf(next.object()[u"days"_s].toArray()[0].toObject()[u"events"_s].toArray()),
            QStringList{u"Seminar"_s});
    }

    void aBadStartDateIsRefused()
    {
        for (const QString &bad : {u"2026-13-01"_s, u"tomorrow"_s, u"2026-11-31"_s}) {
            const auto answer = m_fx->call("GET", u"/activity/week/?start_date=%1"_s.arg(bad));
            QCOMPARE(answer.status, 400);
            QVERIFY(
                answer.object()[u"start_date"_s].toArray().first().toString().startsWith(u"Date has wrong format"_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestActivity)
#include "test_activity.moc"
