// SPDX-License-Identifier: GPL-3.0-or-later
// Notes by uuid and the version history (history, snapshot, restore-to-version) of the local server: real HTTP on
// loopback against the real LocalServer and a real Store (SQLite in a temp dir).
#include "fakeclock.h"
#include "localserverfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;

class TestNoteHistory : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Test::LocalServerFixture> m_fx;

    Test::ServerAnswer call(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return m_fx->callJson(method, path, body);
    }

    /// A new note: its id and uuid (dashed).
    std::pair<qint64, QString> createNote(const QString &title, const QString &content)
    {
        const auto created = call(
            "POST", u"/notes/"_s, {{u"title"_s, title}, {u"content"_s, content}, {u"metadata_json"_s, u"{\"v\":1}"_s}});
        if (!QTest::qCompare(created.status, 201, "created.status", "201", __FILE__, __LINE__)) {
            return {-1, {}};
        }
        return {created.object().value(u"id"_s).toInteger(), created.object().value(u"uuid"_s).toString()};
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<FakeClock>(QDateTime(QDate(2026, 12, 2), QTime(10, 0), QTimeZone::UTC));
        m_fx = std::make_unique<Test::LocalServerFixture>();
        auto options = Test::LocalServerFixture::offline(m_clock.get());
        options.push = false;
        QVERIFY2(m_fx->setUp(options), qPrintable(m_fx->problem));
    }

    void cleanup() { m_fx.reset(); }

    // --- notes/uuid/<uuid>/ --------------------------------------------------------------------------------------

    void uuidWithAndWithoutDashesAnswersAsTheIdDoes()
    {
        const auto [id, uuid] = createNote(u"By uuid"_s, u"body"_s);
        const auto byId = call("GET", u"/notes/%1/"_s.arg(id));
        for (const QString &form : {uuid, QString(uuid).remove(u'-'), uuid.toUpper()}) {
            const auto byUuid = call("GET", u"/notes/uuid/%1/"_s.arg(form));
            QCOMPARE(byUuid.status, 200);
            QJsonObject object = byUuid.object();
            QCOMPARE(object.take(u"can_edit"_s).toBool(), true);
            QCOMPARE(object, byId.object());
        }
        QCOMPARE(call("GET", u"/notes/uuid/00000000-0000-4000-8000-000000000000/"_s).status, 404);
        QCOMPARE(call("GET", u"/notes/uuid/not-a-uuid/"_s).status, 404);
    }

    void uuidPatchAndDeleteWorkLikeTheIdRoutes()
    {
        const auto [id, uuid] = createNote(u"Before"_s, u"old body"_s);
        const auto patched = call("PATCH", u"/notes/uuid/%1/"_s.arg(QString(uuid).remove(u'-')),
            {{u"title"_s, u"After"_s}, {u"content"_s, u"new body"_s}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.object().value(u"title"_s).toString(), u"After"_s);
        QCOMPARE(patched.object().value(u"can_edit"_s).toBool(), true);
        QCOMPARE(m_fx->store->note(id).value()->content, u"new body"_s);
        QCOMPARE(call("PATCH", u"/notes/uuid/%1/"_s.arg(uuid), {{u"title"_s, QString(101, u'x')}}).status, 400);

        QCOMPARE(call("DELETE", u"/notes/uuid/%1/"_s.arg(uuid)).status, 204);
        QVERIFY(m_fx->store->note(id).value()->deletedAt.has_value()); // in the recycle bin, not gone
        QCOMPARE(call("GET", u"/notes/uuid/%1/"_s.arg(uuid)).status, 404);
        QCOMPARE(call("DELETE", u"/notes/uuid/%1/"_s.arg(uuid)).status, 404);
    }

    // --- history -------------------------------------------------------------------------------------------------

    void snapshotAndHistoryShowTheVersionsNewestFirst()
    {
        const auto [id, uuid] = createNote(u"Draft"_s, u"first"_s);
        QCOMPARE(call("GET", u"/notes/%1/history/"_s.arg(id)).array().size(), 0);
        const auto manual = call("POST", u"/notes/%1/snapshot/"_s.arg(id));
        QCOMPARE(manual.status, 201);
        QCOMPARE(manual.object().value(u"reason"_s).toString(), u"manual"_s);
        QCOMPARE(manual.object().value(u"content"_s).toString(), u"first"_s);
        QCOMPARE(manual.object().value(u"metadata_json"_s).toString(), u"{\"v\":1}"_s);
        QCOMPARE(QDateTime::fromString(manual.object().value(u"date_created"_s).toString(), Qt::ISODateWithMs),
            m_clock->now());

        m_clock->advance(60);
        QCOMPARE(call("PATCH", u"/notes/%1/"_s.arg(id), {{u"content"_s, u"second"_s}}).status, 200);
        const auto autosave = call("POST", u"/notes/%1/snapshot/"_s.arg(id), {{u"reason"_s, u"autosave_1m"_s}});
        QCOMPARE(autosave.status, 201);
        QCOMPARE(autosave.object().value(u"label"_s).toString(), u"AutoSave-1m"_s);

        const QJsonArray history = call("GET", u"/notes/%1/history/"_s.arg(id)).array();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).toObject().value(u"content"_s).toString(), u"second"_s);
        QCOMPARE(history.at(1).toObject().value(u"content"_s).toString(), u"first"_s);
        for (const QString &key : {u"id"_s, u"title"_s, u"description"_s, u"editor_mode"_s, u"label"_s}) {
            QVERIFY2(history.at(1).toObject().contains(key), qPrintable(key));
        }
    }

    void snapshotRefusesBadBodiesAndUnknownNotes()
    {
        const auto [id, uuid] = createNote(u"Draft"_s, u"body"_s);
        const auto tooLong = call("POST", u"/notes/%1/snapshot/"_s.arg(id), {{u"reason"_s, QString(65, u'r')}});
        QCOMPARE(tooLong.status, 400);
        QVERIFY(tooLong.object().value(u"reason"_s).isArray());
        QCOMPARE(call("POST", u"/notes/%1/snapshot/"_s.arg(id), {{u"reason"_s, QJsonArray{1}}}).status, 400);
        QCOMPARE(call("GET", u"/notes/%1/history/"_s.arg(id)).array().size(), 0);
        QCOMPARE(call("GET", u"/notes/9999/history/"_s).status, 404);
        QCOMPARE(call("POST", u"/notes/9999/snapshot/"_s).status, 404);
        QCOMPARE(call("POST", u"/notes/9999/restore/1/"_s).status, 404);
        QCOMPARE(call("POST", u"/notes/%1/restore/9999/"_s.arg(id)).status, 404);
        QCOMPARE(call("DELETE", u"/notes/%1/"_s.arg(id)).status, 204);
        QCOMPARE(call("GET", u"/notes/%1/history/"_s.arg(id)).status, 404); // a binned note has no live history
    }

    void restoreBringsTheVersionBackAndKeepsThePresentInHistory()
    {
        const auto [id, uuid] = createNote(u"Essay"_s, u"version one"_s);
        const qint64 versionOne = call("POST", u"/notes/%1/snapshot/"_s.arg(id)).object().value(u"id"_s).toInteger();
        m_clock->advance(120);
        QCOMPARE(call("PATCH", u"/notes/%1/"_s.arg(id),
                     {{u"title"_s, u"Essay, rewritten"_s}, {u"content"_s, u"version two"_s},
                         {u"metadata_json"_s, u"{\"v\":2}"_s}})
                     .status,
            200);
        const qint64 before = *m_fx->store->noteChangeSequence();
        m_clock->advance(120);

        const auto restored = call("POST", u"/notes/%1/restore/%2/"_s.arg(id).arg(versionOne));
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.object().value(u"content"_s).toString(), u"version one"_s);
        QCOMPARE(restored.object().value(u"title"_s).toString(), u"Essay"_s);
        QCOMPARE(restored.object().value(u"metadata_json"_s).toString(), u"{\"v\":1}"_s);
        const Note stored = *m_fx->store->note(id).value();
        QCOMPARE(stored.content, u"version one"_s);
        QCOMPARE(stored.lastEdit, m_clock->now());

        // The state before the restore is the newest version: nothing is lost.
        const QJsonArray history = call("GET", u"/notes/%1/history/"_s.arg(id)).array();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).toObject().value(u"reason"_s).toString(), u"before_restore"_s);
        QCOMPARE(history.at(0).toObject().value(u"content"_s).toString(), u"version two"_s);
        QCOMPARE(history.at(0).toObject().value(u"title"_s).toString(), u"Essay, rewritten"_s);

        // The change log carries the restore, so the next sync exports it.
        const auto changed = m_fx->store->changedNotes(before, 100);
        QVERIFY(changed && *changed);
        QVERIFY((*changed)->uuids.contains(uuid));

        // And back again: the restored-away state comes back from its before_restore version.
        const qint64 present = history.at(0).toObject().value(u"id"_s).toInteger();
        QCOMPARE(call("POST", u"/notes/%1/restore/%2/"_s.arg(id).arg(present)).object().value(u"content"_s).toString(),
            u"version two"_s);
    }

    void historyKeepsTheNewestTwelve()
    {
        const auto [id, uuid] = createNote(u"Busy"_s, u"v0"_s);
        for (int i = 1; i <= 14; ++i) {
            QCOMPARE(call("PATCH", u"/notes/%1/"_s.arg(id), {{u"content"_s, u"v%1"_s.arg(i)}}).status, 200);
            QCOMPARE(call("POST", u"/notes/%1/snapshot/"_s.arg(id)).status, 201);
        }
        const QJsonArray history = call("GET", u"/notes/%1/history/"_s.arg(id)).array();
        QCOMPARE(history.size(), 12);
        QCOMPARE(history.first().toObject().value(u"content"_s).toString(), u"v14"_s);
        QCOMPARE(history.last().toObject().value(u"content"_s).toString(), u"v3"_s);
    }

    void historyAndSubscriptionsSurviveAnAccountReplacement()
    {
        // A restore and every sync that brings changes replace the account (Store::importAccount): the versions and
        // the subscriptions of the notes and courses that stay must stay with them.
        const auto [id, uuid] = createNote(u"Kept"_s, u"one"_s);
        const auto [goneId, goneUuid] = createNote(u"Gone"_s, u"two"_s);
        const qint64 version = call("POST", u"/notes/%1/snapshot/"_s.arg(id)).object().value(u"id"_s).toInteger();
        QCOMPARE(call("POST", u"/notes/%1/snapshot/"_s.arg(goneId)).status, 201);
        const qint64 course
            = call("POST", u"/courses/"_s, {{u"title"_s, u"Physics"_s}}).object().value(u"id"_s).toInteger();
        QCOMPARE(call("POST", u"/courses/%1/subscribe-private/"_s.arg(course)).status, 200);

        AccountSnapshot account = m_fx->store->snapshot().value();
        account.notes.removeIf([&](const Note &note) { return note.id == goneId; });
        QVERIFY(m_fx->store->importAccount(account));

        const QJsonArray history = call("GET", u"/notes/%1/history/"_s.arg(id)).array();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().toObject().value(u"id"_s).toInteger(), version);
        QCOMPARE(history.first().toObject().value(u"content"_s).toString(), u"one"_s);
        QCOMPARE(m_fx->store->noteVersions(goneId)->size(), 0);
        const auto detail = call("GET", u"/courses/%1/"_s.arg(course)).object();
        QCOMPARE(detail.value(u"is_subscribed"_s).toBool(), true);
        QCOMPARE(detail.value(u"is_private_subscription"_s).toBool(), true);
    }

    void emptyingTheBinTakesTheVersionsWithIt()
    {
        const auto [id, uuid] = createNote(u"Doomed"_s, u"body"_s);
        const auto [keptId, keptUuid] = createNote(u"Kept"_s, u"body"_s);
        QCOMPARE(call("POST", u"/notes/%1/snapshot/"_s.arg(id)).status, 201);
        QCOMPARE(call("POST", u"/notes/%1/snapshot/"_s.arg(keptId)).status, 201);
        QCOMPARE(call("DELETE", u"/notes/%1/"_s.arg(id)).status, 204);
        QCOMPARE(m_fx->store->noteVersions(id)->size(), 1); // the bin keeps them until it is emptied
        QCOMPARE(call("DELETE", u"/notes/deleted/empty/"_s).status, 200);
        QCOMPARE(m_fx->store->noteVersions(id)->size(), 0);
        QCOMPARE(m_fx->store->noteVersions(keptId)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNoteHistory)
#include "test_notehistory.moc"
