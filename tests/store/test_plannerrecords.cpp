// SPDX-License-Identifier: GPL-3.0-or-later
// PlannerRecords: planner events and calendar feeds.
#include "courserecords.h"
#include "plannerrecords.h"
#include "storepartfixture.h"

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::StorePartFixture;

namespace {

PlannerEvent plannerEvent(const QString &title, QDate date)
{
    return with(PlannerEvent(), [&](PlannerEvent &e) {
        e.title = title;
        e.eventDate = date;
    });
}

const CalendarFeed timetable = with(CalendarFeed(), [](CalendarFeed &f) {
    f.title = u"Timetable"_s;
    f.sourceKind = u"S"_s;
    f.sourceUrl = u"https://example.org/cal.ics"_s;
});

} // namespace

class TestPlannerRecords : public QObject
{
    Q_OBJECT

private:
    Files m_files;
    Fresh<PlannerRecords> m_records;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }
    void init() { QVERIFY(m_records.open(m_files)); }

    void eventsAreInsertedUpdatedAndListedById()
    {
        PlannerEvent exam = plannerEvent(u"Exam"_s, QDate(2026, 8, 1));
        exam.startsAt = start;
        exam.recurrenceFreq = u"weekly"_s;
        exam.recurrenceInterval = 2;
        exam.recurrenceCount = 3;
        const auto first = m_records->saveEvent(exam);
        const auto second = m_records->saveEvent(plannerEvent(u"Lab"_s, QDate(2026, 7, 1)));
        QVERIFY(first && second);
        QVERIFY(second->id > first->id);

        PlannerEvent done = *first;
        done.isCompleted = true;
        done.completedAt = start.addDays(1);
        QVERIFY(m_records->saveEvent(done));
        const auto list = m_records->events();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).title, u"Exam"_s);
        QVERIFY(list->at(0).isCompleted);
        QCOMPARE(list->at(0).completedAt, std::optional<QDateTime>(start.addDays(1)));
        QCOMPARE(list->at(0).startsAt, std::optional<QDateTime>(start));
        QCOMPARE(list->at(0).recurrenceCount, std::optional<int>(3));
        QCOMPARE(list->at(0).recurrenceEndDate, std::nullopt);
        QCOMPARE(list->at(1).eventDate, QDate(2026, 7, 1));

        QVERIFY(m_records->deleteEvent(first->id));
        QCOMPARE(m_records->events()->size(), 1);
    }

    void anEventWithoutADateOrRowIsRefused()
    {
        const auto undated = m_records->saveEvent(plannerEvent(u"Someday"_s, QDate()));
        QVERIFY(!undated);
        QCOMPARE(undated.error().cause, u"the event has no valid date"_s);
        PlannerEvent ghost = plannerEvent(u"Ghost"_s, QDate(2026, 1, 1));
        ghost.id = 5;
        const auto missing = m_records->saveEvent(ghost);
        QVERIFY(!missing);
        QCOMPARE(missing.error().message(),
            u"Cannot save planner event: Core.Store/save_event \u2014 no planner event with id 5"_s);
        QCOMPARE(m_records->events()->size(), 0);
    }

    void feedsGetTheClocksTimeAndSurviveTheirCourse()
    {
        CourseRecords courses(m_records.context());
        const auto course = courses.saveCourse(with(Course(), [&](Course &c) { c.title = u"Physics"_s; }));
        QVERIFY(course);
        CalendarFeed feed = timetable;
        feed.courseId = course->id;
        const auto saved = m_records->saveFeed(feed);
        QVERIFY(saved);
        QCOMPARE(saved->dateCreated, std::optional<QDateTime>(start));
        QCOMPARE(saved->lastEdit, std::optional<QDateTime>(start));
        PlannerEvent lecture = plannerEvent(u"Lecture"_s, QDate(2026, 9, 1));
        lecture.courseId = course->id;
        QVERIFY(m_records->saveEvent(lecture));

        QVERIFY(courses.deleteCourse(course->id));
        const auto feeds = m_records->feeds();
        QVERIFY(feeds);
        QCOMPARE(feeds->size(), 1);
        QCOMPARE(feeds->first().courseId, std::nullopt);
        QCOMPARE(feeds->first().sourceUrl, u"https://example.org/cal.ics"_s);
        QCOMPARE(m_records->events()->first().courseId, std::nullopt);

        CalendarFeed ghost = timetable;
        ghost.id = saved->id + 1;
        const auto missing = m_records->saveFeed(ghost);
        QVERIFY(!missing);
        QCOMPARE(missing.error().cause, u"no calendar feed with id %1"_s.arg(ghost.id));
        QVERIFY(m_records->deleteFeed(saved->id));
        QCOMPARE(m_records->feeds()->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlannerRecords)
#include "test_plannerrecords.moc"
