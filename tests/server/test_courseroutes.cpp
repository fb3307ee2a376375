// SPDX-License-Identifier: GPL-3.0-or-later
// The course routes beyond list and create (detail, patch, delete, notes, reorder, subscriptions, template restore):
// real HTTP on loopback against the real LocalServer and a real Store (SQLite in a temp dir).
#include "fakeclock.h"
#include "localserverfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;

class TestCourseRoutes : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::LocalServerFixture> m_fx;

    [[nodiscard]] QString databasePath() const { return m_dir->filePath(u"account.sqlite"_s); }

    bool start()
    {
        m_fx = std::make_unique<Test::LocalServerFixture>();
        auto options = Test::LocalServerFixture::offline(m_clock.get(), databasePath());
        options.push = false;
        if (!m_fx->setUp(options)) {
            qWarning("%s", qPrintable(m_fx->problem));
            return false;
        }
        return true;
    }

    Test::ServerAnswer call(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return m_fx->callJson(method, path, body);
    }

    qint64 createCourse(const QString &title)
    {
        const auto created = call("POST", u"/courses/"_s, {{u"title"_s, title}});
        if (!QTest::qCompare(created.status, 201, "created.status", "201", __FILE__, __LINE__)) {
            return -1;
        }
        return created.object().value(u"id"_s).toInteger();
    }

    qint64 createNote(const QString &title, std::optional<qint64> course)
    {
        QJsonObject body{{u"title"_s, title}, {u"content"_s, QString(u"# "_s + title)}};
        if (course) {
            body.insert(u"course_id"_s, *course);
        }
        const auto created = call("POST", u"/notes/"_s, body);
        if (!QTest::qCompare(created.status, 201, "created.status", "201", __FILE__, __LINE__)) {
            return -1;
        }
        return created.object().value(u"id"_s).toInteger();
    }

    /// The titles of GET courses/, in its order.
    QStringList listedTitles()
    {
        const auto listed = call("GET", u"/courses/"_s);
        QStringList titles;
        for (const QJsonValue course : listed.array()) {
            titles.append(course.toObject().value(u"title"_s).toString());
        }
        return titles;
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<FakeClock>(QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::UTC));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(start());
    }

    void cleanup()
    {
        m_fx.reset();
        m_dir.reset();
    }

    void detailShowsTheCourseAndUnknownIdsAre404()
    {
        const qint64 id = createCourse(u"Algebra"_s);
        const auto detail = call("GET", u"/courses/%1/"_s.arg(id));
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.object().value(u"title"_s).toString(), u"Algebra"_s);
        QCOMPARE(detail.object().value(u"slug"_s).toString(), u"algebra"_s);
        QCOMPARE(detail.object().value(u"is_subscribed"_s).toBool(true), false);
        QCOMPARE(detail.object().value(u"owner"_s).toObject().isEmpty(), false);
        for (const QByteArray method : {"GET", "PATCH", "DELETE"}) {
            QCOMPARE(call(method, u"/courses/9999/"_s, {{u"title"_s, u"x"_s}}).status, 404);
        }
        QCOMPARE(call("GET", u"/courses/9999/notes/"_s).status, 404);
        QCOMPARE(call("POST", u"/courses/9999/subscribe/"_s).status, 404);
        QCOMPARE(call("POST", u"/courses/9999/subscribe-private/"_s).status, 404);
        QCOMPARE(call("POST", u"/courses/9999/open/"_s).status, 404);
        QCOMPARE(call("DELETE", u"/courses/9999/subscribe/"_s).status, 404);
    }

    void patchChangesTitleDescriptionAndIconAndRefusesBadBodies()
    {
        const qint64 id = createCourse(u"Algebra"_s);
        createCourse(u"Geometry"_s);
        const auto patched = call("PATCH", u"/courses/%1/"_s.arg(id),
            {{u"title"_s, u"  Linear Algebra "_s}, {u"description"_s, u"Vectors"_s}, {u"icon"_s, 0x1F4D0}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.object().value(u"title"_s).toString(), u"Linear Algebra"_s);
        QCOMPARE(patched.object().value(u"description"_s).toString(), u"Vectors"_s);
        QCOMPARE(patched.object().value(u"icon"_s).toInt(), 0x1F4D0);
        QCOMPARE(patched.object().value(u"slug"_s).toString(), u"algebra"_s); // a rename keeps the slug
        QCOMPARE(m_fx->store->course(id).value()->title, u"Linear Algebra"_s);

        const auto cleared
            = call("PATCH", u"/courses/%1/"_s.arg(id), {{u"description"_s, QJsonValue()}, {u"icon"_s, QJsonValue()}});
        QCOMPARE(cleared.status, 200);
        QCOMPARE(cleared.object().value(u"description"_s).toString(), QString());
        QVERIFY(cleared.object().value(u"icon"_s).isNull());

        const auto blank = call("PATCH", u"/courses/%1/"_s.arg(id), {{u"title"_s, u" "_s}, {u"icon"_s, u"many"_s}});
        QCOMPARE(blank.status, 400);
        QVERIFY(blank.object().value(u"title"_s).isArray());
        QVERIFY(blank.object().value(u"icon"_s).isArray());
        const auto duplicate = call("PATCH", u"/courses/%1/"_s.arg(id), {{u"title"_s, u"GEOMETRY"_s}});
        QCOMPARE(duplicate.status, 400);
        QVERIFY(duplicate.detail().contains(u"already exists"_s));
        QCOMPARE(m_fx->store->course(id).value()->title, u"Linear Algebra"_s);
    }

    void deleteKeepsTheCoursesNotesUncategorized()
    {
        const qint64 course = createCourse(u"History"_s);
        const qint64 first = createNote(u"Rome"_s, course);
        const qint64 second = createNote(u"Athens"_s, course);
        QCOMPARE(call("POST", u"/courses/%1/subscribe/"_s.arg(course)).status, 200);
        const auto deleted = call("DELETE", u"/courses/%1/"_s.arg(course));
        QCOMPARE(deleted.status, 204);
        QCOMPARE(call("GET", u"/courses/%1/"_s.arg(course)).status, 404);
        for (const qint64 id : {first, second}) {
            const auto note = call("GET", u"/notes/%1/"_s.arg(id));
            QCOMPARE(note.status, 200);
            QVERIFY(note.object().value(u"course_id"_s).isNull());
            QCOMPARE(m_fx->store->note(id).value()->deletedAt.has_value(), false);
        }
        QVERIFY(m_fx->store->courseSubscriptions()->isEmpty());
        const auto uncategorized = call("GET", u"/notes/?course_id=none&limit=10"_s);
        QCOMPARE(uncategorized.object().value(u"total"_s).toInt(), 2);
    }

    void notesListsTheCoursesLiveNotesNewestFirst()
    {
        const qint64 course = createCourse(u"Biology"_s);
        const qint64 older = createNote(u"Cells"_s, course);
        m_clock->advance(60);
        const qint64 newer = createNote(u"Genes"_s, course);
        m_clock->advance(60);
        const qint64 binned = createNote(u"Gone"_s, course);
        createNote(u"Elsewhere"_s, std::nullopt);
        QCOMPARE(call("DELETE", u"/notes/%1/"_s.arg(binned)).status, 204);
        const auto notes = call("GET", u"/courses/%1/notes/"_s.arg(course));
        QCOMPARE(notes.status, 200);
        const QJsonArray array = notes.array();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array.at(0).toObject().value(u"id"_s).toInteger(), newer);
        QCOMPARE(array.at(1).toObject().value(u"id"_s).toInteger(), older);
        QCOMPARE(array.at(0).toObject().value(u"course"_s).toObject().value(u"title"_s).toString(), u"Biology"_s);
        QVERIFY(array.at(0).toObject().contains(u"preview_lines"_s));
        QVERIFY(!array.at(0).toObject().contains(u"content"_s));
        // The course shows the same notes as its recent_notes (at most five), in the list too.
        const QJsonArray recent
            = call("GET", u"/courses/%1/"_s.arg(course)).object().value(u"recent_notes"_s).toArray();
        QCOMPARE(recent, array);
        QCOMPARE(call("GET", u"/courses/"_s).array().first().toObject().value(u"recent_notes"_s).toArray(), array);
    }

    void reorderPersistsAcrossARestart()
    {
        const qint64 a = createCourse(u"Alpha"_s);
        const qint64 b = createCourse(u"Beta"_s);
        const qint64 c = createCourse(u"Gamma"_s);
        QCOMPARE(listedTitles(), (QStringList{u"Alpha"_s, u"Beta"_s, u"Gamma"_s}));
        // Garbage and unknown ids are skipped, as upstream does; a course left out keeps sort_order 0 (after them).
        const auto reordered = call(
            "POST", u"/courses/reorder/"_s, {{u"course_ids"_s, QJsonArray{c, u"x"_s, QString::number(a), 9999, c}}});
        QCOMPARE(reordered.status, 200);
        QStringList answered;
        for (const QJsonValue course : reordered.array()) {
            answered.append(course.toObject().value(u"title"_s).toString());
        }
        QCOMPARE(answered, (QStringList{u"Gamma"_s, u"Alpha"_s, u"Beta"_s}));
        QCOMPARE(m_fx->store->course(c).value()->sortOrder, 1);
        QCOMPARE(m_fx->store->course(a).value()->sortOrder, 2);
        QCOMPARE(m_fx->store->course(b).value()->sortOrder, 0);

        m_fx.reset(); // the server and the store go; the SQLite file stays
        QVERIFY(start());
        QCOMPARE(listedTitles(), (QStringList{u"Gamma"_s, u"Alpha"_s, u"Beta"_s}));
    }

    void reorderRefusesABodyWithoutAList()
    {
        createCourse(u"Alpha"_s);
        const auto missing = call("POST", u"/courses/reorder/"_s, {{u"order"_s, 1}});
        QCOMPARE(missing.status, 400);
        QVERIFY(missing.detail().contains(u"course_ids"_s));
        QCOMPARE(call("POST", u"/courses/reorder/"_s, {{u"course_ids"_s, u"1,2"_s}}).status, 400);
        const auto notJson = m_fx->call("POST", u"/courses/reorder/"_s, "{not json", "application/json");
        QCOMPARE(notJson.status, 400);
    }

    void subscribeOpenAndUnsubscribeAsTheLocalUser()
    {
        const qint64 id = createCourse(u"Chemistry"_s);
        createCourse(u"Art"_s);
        // Not subscribed yet: open and unsubscribe find no subscription, as upstream answers.
        QCOMPARE(call("POST", u"/courses/%1/open/"_s.arg(id)).status, 404);
        QCOMPARE(call("DELETE", u"/courses/%1/subscribe/"_s.arg(id)).status, 404);

        const auto subscribed = call("POST", u"/courses/%1/subscribe/"_s.arg(id));
        QCOMPARE(subscribed.status, 200);
        QCOMPARE(subscribed.object().value(u"is_subscribed"_s).toBool(), true);
        QCOMPARE(subscribed.object().value(u"is_private_subscription"_s).toBool(), false);
        QCOMPARE(subscribed.object().value(u"subscriber_count"_s).toInt(), 1);
        QVERIFY(subscribed.object().value(u"last_opened_at"_s).isNull());

        m_clock->advance(300);
        const auto opened = call("POST", u"/courses/%1/open/"_s.arg(id));
        QCOMPARE(opened.status, 200);
        QCOMPARE(QDateTime::fromString(opened.object().value(u"last_opened_at"_s).toString(), Qt::ISODateWithMs),
            m_clock->now());
        // A subscribed course comes before an unsubscribed one (upstream's course_sort_key).
        QCOMPARE(listedTitles(), (QStringList{u"Chemistry"_s, u"Art"_s}));

        const auto privately = call("POST", u"/courses/%1/subscribe-private/"_s.arg(id));
        QCOMPARE(privately.status, 200);
        QCOMPARE(privately.object().value(u"is_private_subscription"_s).toBool(), true);
        QCOMPARE(call("GET", u"/courses/%1/"_s.arg(id)).object().value(u"is_private_subscription"_s).toBool(), true);

        const auto left = call("DELETE", u"/courses/%1/subscribe/"_s.arg(id));
        QCOMPARE(left.status, 200);
        QCOMPARE(left.object().value(u"is_subscribed"_s).toBool(true), false);
        QCOMPARE(left.object().value(u"subscriber_count"_s).toInt(), 0);
        QCOMPARE(call("POST", u"/courses/%1/open/"_s.arg(id)).status, 404);
        QCOMPARE(listedTitles(), (QStringList{u"Art"_s, u"Chemistry"_s}));
    }

    void templateRestoreCreatesTheMissingTemplatesOnce()
    {
        createCourse(u"Vibe Coding 101"_s); // already there by title: kept, not duplicated
        const auto first = call("POST", u"/admin/template-courses/restore/"_s);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.object().value(u"message"_s).toString(), u"Template courses restored."_s);
        QVERIFY(first.object().value(u"log"_s).toString().contains(u"Created template course"_s));
        QCOMPARE(first.object().value(u"courses"_s).toArray().size(), 3);
        QVERIFY(m_fx->store->courseBySlug(u"meaning-of-work-in-age-of-ai"_s).value().has_value());
        QVERIFY(m_fx->store->courseBySlug(u"self-identity-and-expression-in-modern-arts"_s).value().has_value());

        const auto again = call("POST", u"/admin/template-courses/restore/"_s);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.object().value(u"courses"_s).toArray().size(), 3);
        QVERIFY(!again.object().value(u"log"_s).toString().contains(u"Created"_s));
        QCOMPARE(m_fx->store->courses()->size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCourseRoutes)
#include "test_courseroutes.moc"
