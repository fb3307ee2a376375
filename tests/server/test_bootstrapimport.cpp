// SPDX-License-Identifier: GPL-3.0-or-later
// The local server's bootstrap calls (handshake/, ping/) as the apps send them, without a key, and its import/ route
// over real HTTP: it imports from a second real local server in the background, reports progress and the summary,
// refuses a second import while one runs and a bad address, and keeps the token out of its answers.
#include "demodata.h"
#include "localserverfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestBootstrapImport : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalServerFixture> m_fx;

    /// GET import/ until it no longer runs.
    QJsonObject waitForImport()
    {
        QJsonObject status;
        for (int i = 0; i < 600; ++i) {
            status = m_fx->callJson("GET", u"/import/"_s).object();
            if (!status.value(u"running"_s).toBool())
                return status;
            QTest::qWait(50);
        }
        return status;
    }

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<LocalServerFixture>();
        QVERIFY2(m_fx->setUp(LocalServerFixture::offline(nullptr)), qPrintable(m_fx->problem));
    }

    void cleanup() { m_fx.reset(); }

    void handshakeAndPingAnswerWithoutAKey()
    {
        const ServerAnswer handshake = m_fx->call("GET", u"/handshake/"_s, {}, {}, QByteArray());
        QCOMPARE(handshake.status, 200);
        const QJsonObject object = handshake.object();
        QCOMPARE(object.value(u"service"_s).toString(), u"notechondria-backend"_s);
        QCOMPARE(object.value(u"api_version"_s).toString(), u"v1"_s);
        QVERIFY(!object.value(u"version"_s).toString().isEmpty());
        QVERIFY(object.value(u"capabilities"_s).isObject());
        QVERIFY(!object.value(u"storage"_s).toObject().value(u"label"_s).toString().isEmpty());
        QVERIFY(object.value(u"min_frontend_version"_s).isDouble());
        const ServerAnswer ping = m_fx->call("GET", u"/ping/"_s, {}, {}, QByteArray());
        QCOMPARE(ping.status, 200);
        QCOMPARE(ping.object().value(u"pong"_s).toBool(), true);
        QCOMPARE(ping.object().value(u"service"_s).toString(), u"notechondria-backend"_s);
    }

    void theFrontPageShowsTheFirstCourseAndOnlyPublicNotesWithoutAKey()
    {
        const ServerAnswer empty = m_fx->call("GET", u"/front-page/"_s, {}, {}, QByteArray());
        QCOMPARE(empty.status, 200);
        QVERIFY(empty.object().value(u"default_course"_s).isNull());
        QCOMPARE(empty.object().value(u"recent_notes"_s).toArray().size(), 0);

        Course course;
        course.title = u"Biology"_s;
        course.slug = u"biology"_s;
        const auto saved = m_fx->store->saveCourse(course);
        QVERIFY(saved);
        for (int i = 0; i < 8; ++i) {
            Note note;
            note.uuid = QUuid::createUuid();
            note.title = u"Note %1"_s.arg(i);
            note.courseId = saved->id;
            note.isPublic = i % 2 == 0;
            QVERIFY(m_fx->store->saveNote(note));
        }
        const ServerAnswer anonymous = m_fx->call("GET", u"/front-page/"_s, {}, {}, QByteArray());
        QCOMPARE(anonymous.status, 200);
        const QJsonObject page = anonymous.object();
        QCOMPARE(page.value(u"default_course"_s).toObject().value(u"title"_s).toString(), u"Biology"_s);
        QCOMPARE(page.value(u"collections"_s).toArray().size(), 1);
        const QJsonArray publicNotes = page.value(u"recent_notes"_s).toArray();
        QCOMPARE(publicNotes.size(), 4);
        for (const QJsonValue note : publicNotes) {
            QVERIFY(note.toObject().value(u"is_public"_s).toBool());
        }
        const ServerAnswer owner = m_fx->callJson("GET", u"/front-page/"_s);
        QCOMPARE(owner.object().value(u"recent_notes"_s).toArray().size(), 6); // six, newest first
    }

    void jsonSentAsTextPlainIsReadAsJson()
    {
        // As the portal sends it: a settings change with Content-Type text/plain.
        const ServerAnswer patched = m_fx->call(
            "PATCH", u"/settings/"_s, R"({"motto": "Plain text, JSON inside"})", "text/plain;charset=UTF-8");
        QCOMPARE(patched.status, 200);
        QCOMPARE(m_fx->store->profile()->motto, u"Plain text, JSON inside"_s);
        const ServerAnswer notJson = m_fx->call("PATCH", u"/settings/"_s, "motto=x", "text/plain");
        QCOMPARE(notJson.status, 400);
        const ServerAnswer other = m_fx->call("PATCH", u"/settings/"_s, "<motto/>", "application/xml");
        QCOMPARE(other.status, 415);
    }

    void settingsTakeNullToClearATextField()
    {
        QCOMPARE(m_fx->callJson("PATCH", u"/settings/"_s,
                         QJsonObject{{u"api_base_url"_s, u"https://notes.example.org"_s}, {u"motto"_s, u"Hi"_s}})
                     .status,
            200);
        const ServerAnswer cleared = m_fx->callJson("PATCH", u"/settings/"_s,
            QJsonObject{{u"api_base_url"_s, QJsonValue::Null}, {u"motto"_s, QJsonValue::Null}});
        QCOMPARE(cleared.status, 200);
        QCOMPARE(cleared.object().value(u"api_base_url"_s).toString(), QString());
        QCOMPARE(m_fx->store->profile()->motto, QString());
        // The username is not a setting one clears.
        QCOMPARE(m_fx->callJson("PATCH", u"/settings/"_s, QJsonObject{{u"username"_s, QJsonValue::Null}}).status, 400);
    }

    void plannerEventsAndFeedsArePatchedAndDeleted()
    {
        const ServerAnswer event = m_fx->callJson("POST", u"/planner-events/"_s,
            QJsonObject{{u"title"_s, u"Exam"_s}, {u"event_date"_s, u"2026-12-24"_s}, {u"description"_s, u"Room 4"_s}});
        QCOMPARE(event.status, 201);
        const qint64 eventId = event.object().value(u"id"_s).toInteger();
        // The planner completes an event with only these two fields; the rest stays.
        const ServerAnswer done = m_fx->callJson("PATCH", u"/planner-events/%1/"_s.arg(eventId),
            QJsonObject{{u"is_completed"_s, true}, {u"completed_at"_s, u"2026-12-24T15:00:00Z"_s}});
        QCOMPARE(done.status, 200);
        QCOMPARE(done.object().value(u"is_completed"_s).toBool(), true);
        QCOMPARE(QDateTime::fromString(done.object().value(u"completed_at"_s).toString(), Qt::ISODateWithMs),
            QDateTime(QDate(2026, 12, 24), QTime(15, 0), QTimeZone::UTC));
        QCOMPARE(done.object().value(u"description"_s).toString(), u"Room 4"_s);
        QCOMPARE(m_fx->store->events()->first().isCompleted, true);
        QCOMPARE(
            m_fx->callJson("PATCH", u"/planner-events/%1/"_s.arg(eventId), QJsonObject{{u"difficulty_weight"_s, 9}})
                .status,
            400);
        QCOMPARE(m_fx->callJson("PATCH", u"/planner-events/999/"_s, QJsonObject{{u"title"_s, u"x"_s}}).status, 404);
        QCOMPARE(m_fx->callJson("DELETE", u"/planner-events/%1/"_s.arg(eventId)).status, 204);
        QVERIFY(m_fx->store->events()->isEmpty());

        const ServerAnswer feed = m_fx->callJson("POST", u"/calendar-feeds/"_s,
            QJsonObject{
                {u"title"_s, u"Uni"_s}, {u"source_kind"_s, u"S"_s}, {u"source_url"_s, u"https://example.org/a.ics"_s}});
        QCOMPARE(feed.status, 201);
        const qint64 feedId = feed.object().value(u"id"_s).toInteger();
        const ServerAnswer renamed = m_fx->callJson("PATCH", u"/calendar-feeds/%1/"_s.arg(feedId),
            QJsonObject{{u"title"_s, u"University"_s}, {u"is_enabled"_s, false}});
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.object().value(u"title"_s).toString(), u"University"_s);
        QCOMPARE(renamed.object().value(u"source_url"_s).toString(), u"https://example.org/a.ics"_s);
        QCOMPARE(m_fx->store->feeds()->first().isEnabled, false);
        QCOMPARE(m_fx->callJson("DELETE", u"/calendar-feeds/%1/"_s.arg(feedId)).status, 204);
        QVERIFY(m_fx->store->feeds()->isEmpty());
    }

    void theRecycleBinListsRestoresAndEmpties()
    {
        Note kept;
        kept.uuid = QUuid::createUuid();
        kept.title = u"Kept"_s;
        kept.content = u"stays"_s;
        auto keptNote = m_fx->store->saveNote(kept);
        QVERIFY(keptNote);
        QList<qint64> binned;
        for (const QString &title : {u"Old draft"_s, u"Older draft"_s}) {
            Note note;
            note.uuid = QUuid::createUuid();
            note.title = title;
            note.content = u"gone soon"_s;
            auto saved = m_fx->store->saveNote(note);
            QVERIFY(saved);
            QVERIFY(m_fx->store->softDeleteNote(saved->id));
            binned.append(saved->id);
        }
        Attachment file;
        file.uuid = QUuid::createUuid();
        file.originalFilename = u"a.txt"_s;
        file.file = StoredFile{u"a.txt"_s, u"text/plain"_s, "attached"};
        QVERIFY(m_fx->store->addAttachment(binned.first(), file));

        const ServerAnswer list = m_fx->callJson("GET", u"/notes/deleted/"_s);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.array().size(), 2);
        QVERIFY(!list.array().first().toObject().value(u"deleted_at"_s).toString().isEmpty());
        // A live note is not in the bin; a binned one comes back with its detail.
        QCOMPARE(m_fx->callJson("POST", u"/notes/%1/restore/"_s.arg(keptNote->id)).status, 404);
        const ServerAnswer back = m_fx->callJson("POST", u"/notes/%1/restore/"_s.arg(binned.last()));
        QCOMPARE(back.status, 200);
        QCOMPARE(back.object().value(u"title"_s).toString(), u"Older draft"_s);
        QVERIFY(!m_fx->store->note(binned.last()).value()->deletedAt);

        const ServerAnswer emptied = m_fx->callJson("DELETE", u"/notes/deleted/empty/"_s);
        QCOMPARE(emptied.status, 200);
        QCOMPARE(emptied.object().value(u"deleted"_s).toInt(), 1);
        QVERIFY(!m_fx->store->note(binned.first()).value().has_value());
        QVERIFY(m_fx->store->note(keptNote->id).value().has_value());
        QVERIFY(m_fx->store->note(binned.last()).value().has_value());
        QCOMPARE(m_fx->callJson("GET", u"/notes/deleted/"_s).array().size(), 0);
    }

    void importsFromAnotherServerInTheBackground()
    {
        LocalServerFixture source;
        QVERIFY2(source.setUp(LocalServerFixture::offline(nullptr)), qPrintable(source.problem));
        DemoOptions demo;
        demo.notes = 15;
        QVERIFY(generateDemoData(*source.store, demo, *source.clock));
        const QJsonObject body{
            {u"api_base"_s, source.server->baseUrl().toString()}, {u"token"_s, source.server->apiKey()}};
        const ServerAnswer started = m_fx->callJson("POST", u"/import/"_s, body);
        QCOMPARE(started.status, 202);
        QCOMPARE(started.object().value(u"running"_s).toBool(), true);
        const ServerAnswer again = m_fx->callJson("POST", u"/import/"_s, body);
        QCOMPARE(again.status, 409); // one import at a time
        const QJsonObject done = waitForImport();
        QVERIFY(!done.value(u"running"_s).toBool());
        QVERIFY(done.value(u"error"_s).isNull());
        const int notes = int(source.store->notes({}).value().size());
        QCOMPARE(done.value(u"summary"_s).toObject().value(u"notes"_s).toObject().value(u"created"_s).toInt(), notes);
        QCOMPARE(m_fx->store->notes({}).value().size(), notes);
        QVERIFY(!QJsonDocument(done).toJson().contains(source.server->apiKey().toUtf8()));
    }

    void refusesABadAddressAndReportsAStopInWords()
    {
        const ServerAnswer bad = m_fx->callJson(
            "POST", u"/import/"_s, QJsonObject{{u"api_base"_s, u"ftp://example"_s}, {u"token"_s, u"ntc_x"_s}});
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.object().contains(u"api_base"_s));
        // Nothing listens there: the import starts, then stops with a three-part message and nothing imported.
        const ServerAnswer started = m_fx->callJson("POST", u"/import/"_s,
            QJsonObject{{u"api_base"_s, u"http://127.0.0.1:9/api/v1"_s}, {u"token"_s, u"ntc_secret_token_value"_s}});
        QCOMPARE(started.status, 202);
        const QJsonObject done = waitForImport();
        const QString error = done.value(u"error"_s).toString();
        QVERIFY2(error.startsWith(u"Import stopped (what was imported is kept): "_s), qPrintable(error));
        QVERIFY(!error.contains(u"ntc_secret_token_value"_s));
    }
};

QTEST_GUILESS_MAIN(TestBootstrapImport)
#include "test_bootstrapimport.moc"
