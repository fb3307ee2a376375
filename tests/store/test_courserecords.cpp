// SPDX-License-Identifier: GPL-3.0-or-later
// CourseRecords: courses with unique, path-safe slugs.
#include "courserecords.h"
#include "storepartfixture.h"

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::StorePartFixture;

namespace {

Course course(const QString &title, const QString &slug = {}, int sortOrder = 0)
{
    return with(Course(), [&](Course &c) {
        c.title = title;
        c.slug = slug;
        c.sortOrder = sortOrder;
    });
}

} // namespace

class TestCourseRecords : public QObject
{
    Q_OBJECT

private:
    Files m_files;
    Fresh<CourseRecords> m_records;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }
    void init() { QVERIFY(m_records.open(m_files)); }

    void emptySlugsAreMadeFromTheTitleAndKeptUnique()
    {
        const auto first = m_records->saveCourse(course(u"Linear Algebra!"_s));
        const auto second = m_records->saveCourse(course(u"linear   algebra"_s));
        const auto third = m_records->saveCourse(course(u"Linear-Algebra"_s));
        const auto unicode = m_records->saveCourse(course(u"笔记"_s));
        QVERIFY(first && second && third && unicode);
        QCOMPARE(first->slug, u"linear-algebra"_s);
        QCOMPARE(second->slug, u"linear-algebra-2"_s);
        QCOMPARE(third->slug, u"linear-algebra-3"_s);
        QCOMPARE(unicode->slug, u"local-course"_s);

        // Saving a course again with an empty slug finds its own slug free.
        Course again = *second;
        again.slug.clear();
        const auto resaved = m_records->saveCourse(again);
        QVERIFY(resaved);
        QCOMPARE(resaved->id, second->id);
        QCOMPARE(resaved->slug, u"linear-algebra-2"_s);
    }

    void unsafeSlugsAreRefusedAndNothingIsWritten()
    {
        for (const QString &slug : {u"../etc"_s, u"Upper"_s, u"a..b"_s, u"-dash"_s, QString(101, u'a')}) {
            QVERIFY2(!CourseRecords::isSafeSlug(slug), qPrintable(slug));
            const auto saved = m_records->saveCourse(course(u"T"_s, slug));
            QVERIFY(!saved);
            QCOMPARE(saved.error().module, u"Core.Store/save_course"_s);
        }
        QVERIFY(CourseRecords::isSafeSlug(u"cs-101.notes_2"_s));
        QCOMPARE(scalar(m_records.context(), u"SELECT count(*) FROM courses"_s), 0);
    }

    void updatesAMissingCourseAsAnError()
    {
        Course ghost = course(u"Ghost"_s, u"ghost"_s);
        ghost.id = 42;
        const auto saved = m_records->saveCourse(ghost);
        QVERIFY(!saved);
        QCOMPARE(saved.error().message(), u"Cannot save course: Core.Store/save_course \u2014 no course with id 42"_s);
    }

    void findsCoursesBySlugClientIdAndIdInSortOrder()
    {
        Course b = course(u"B"_s, u"b"_s, 1);
        b.clientCourseId = u"client-b"_s;
        b.icon = 7;
        b.dateCreated = start;
        const auto savedB = m_records->saveCourse(b);
        const auto savedA = m_records->saveCourse(course(u"A"_s, u"a"_s, 1));
        const auto savedZ = m_records->saveCourse(course(u"Z"_s, u"z"_s, 0));
        QVERIFY(savedA && savedB && savedZ);

        const auto list = m_records->courses();
        QVERIFY(list);
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->at(0).slug, u"z"_s);
        QCOMPARE(list->at(1).slug, u"a"_s);
        QCOMPARE(list->at(2).slug, u"b"_s);

        QCOMPARE((*m_records->courseBySlug(u"b"_s))->id, savedB->id);
        QCOMPARE((*m_records->courseByClientId(u"client-b"_s))->icon, std::optional<int>(7));
        QCOMPARE((*m_records->course(savedB->id))->dateCreated, std::optional<QDateTime>(start));
        QVERIFY(!m_records->courseByClientId(QString())->has_value());
        QVERIFY(!m_records->course(999)->has_value());

        QVERIFY(m_records->deleteCourse(savedB->id));
        QVERIFY(!m_records->courseBySlug(u"b"_s)->has_value());
        QCOMPARE(m_records->courses()->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCourseRecords)
#include "test_courserecords.moc"
