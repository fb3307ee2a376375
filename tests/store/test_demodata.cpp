// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodata.h"
#include "fakeclock.h"
#include "store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

const QDateTime start = QDateTime(QDate(2026, 7, 20), QTime(12, 0), QTimeZone::UTC);

DemoOptions demo(int notes, quint32 seed = 1, int attachments = 0)
{
    DemoOptions options;
    options.notes = notes;
    options.seed = seed;
    options.attachments = attachments;
    return options;
}

DemoOptions edits(int touch, int deleteCount)
{
    DemoOptions options;
    options.touch = touch;
    options.deleteCount = deleteCount;
    return options;
}

Store::NoteQuery onlyDeleted()
{
    Store::NoteQuery q;
    q.onlyDeleted = true;
    return q;
}

/// A comparable digest of everything in the store (ids excluded: they are local).
QStringList digest(Store &store)
{
    QStringList lines;
    const AccountSnapshot snap = *store.snapshot();
    lines << snap.profile.username << snap.profile.appSettingsJson
          << QString::fromLatin1(snap.profile.avatar.bytes.toHex());
    for (const Course &c : snap.courses) {
        lines << c.slug + u'|' + c.title + u'|' + c.clientCourseId + u'|' + c.dateCreated->toString(Qt::ISODateWithMs);
    }
    for (const Note &n : snap.notes) {
        lines << n.uuid.toString() + n.sharingId.toString() + n.title + n.content + n.customMeta + n.metadataJson
                + n.lastEdit.toString(Qt::ISODateWithMs) + (n.deletedAt ? u"deleted"_s : u"live"_s)
                + QString::fromLatin1(n.cover.bytes.toHex());
        for (const Attachment &a : n.attachments) {
            lines << a.uuid.toString() + a.originalFilename + QString::fromLatin1(a.file.bytes.toHex());
        }
    }
    for (const PlannerEvent &e : snap.events) {
        lines << e.title + e.eventDate.toString() + e.recurrenceFreq;
    }
    for (const CalendarFeed &f : snap.feeds) {
        lines << f.title + f.rawIcal;
    }
    return lines;
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    std::unique_ptr<Store> openFresh(const Clock &clock)
    {
        auto store = Store::open(m_dir.filePath(u"demo-%1.sqlite"_s.arg(++m_counter)), &clock);
        if (!store) {
            qWarning("%s", qPrintable(store.error().message()));
            return nullptr;
        }
        return std::move(*store);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sameSeedGivesTheSameAccount()
    {
        FakeClock clock(start);
        auto a = openFresh(clock);
        auto b = openFresh(clock);
        QVERIFY(a && b);
        QVERIFY(generateDemoData(*a, demo(120, 7, 10), clock));
        QVERIFY(generateDemoData(*b, demo(120, 7, 10), clock));
        QCOMPARE(digest(*a), digest(*b));

        auto c = openFresh(clock);
        QVERIFY(c);
        QVERIFY(generateDemoData(*c, demo(120, 8, 10), clock));
        QVERIFY(digest(*a) != digest(*c));
    }

    void generatesARealisticAccount()
    {
        FakeClock clock(start);
        auto store = openFresh(clock);
        QVERIFY(store);
        auto summary = generateDemoData(*store, demo(300, 1, 12), clock);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message()));
        QCOMPARE(summary->notesCreated, 300);
        QCOMPARE(summary->attachmentsCreated, 12);
        QCOMPARE(summary->totalNotes, 300);
        QCOMPARE(summary->coursesCreated, 6);
        QVERIFY(summary->eventsCreated >= 3);
        QCOMPARE(summary->feedsCreated, 2);

        const AccountSnapshot snap = *store->snapshot();
        QCOMPARE(snap.profile.username, u"demo"_s);
        QVERIFY(!snap.profile.avatar.bytes.isEmpty());
        QCOMPARE(snap.courses.size(), 6);
        for (const Course &c : snap.courses) {
            QVERIFY2(Store::isSafeSlug(c.slug), qPrintable(c.slug));
        }
        bool cjk = false, emoji = false, rtl = false, combining = false, empty = false, longNote = false;
        bool collidingMeta = false, nestedMeta = false, metadata = false;
        int attachments = 0;
        for (const Note &n : snap.notes) {
            cjk |= n.content.contains(u"线性代数"_s);
            emoji |= n.content.contains(u"🚀"_s);
            rtl |= n.content.contains(u"שלום"_s) || n.content.contains(u"مرحبا"_s);
            combining |= n.content.contains(u"e\u0301"_s);
            empty |= n.content.isEmpty();
            longNote |= n.content.toUtf8().size() >= 20 * 1024;
            QVERIFY(n.title.size() <= 100);
            const QJsonObject meta = QJsonDocument::fromJson(n.customMeta.toUtf8()).object();
            collidingMeta |= meta.contains(u"title"_s);
            nestedMeta |= meta.value(u"nested"_s).isObject() && meta.value(u"tags"_s).isArray();
            metadata |= !n.metadataJson.isEmpty();
            attachments += int(n.attachments.size());
            for (const Attachment &a : n.attachments) {
                QVERIFY(!a.file.bytes.isEmpty());
            }
            QVERIFY(n.lastEdit <= start);
            QVERIFY(n.dateCreated <= n.lastEdit);
        }
        QVERIFY(cjk && emoji && rtl && combining);
        QVERIFY(empty);
        QVERIFY(longNote);
        QVERIFY(collidingMeta && nestedMeta && metadata);
        QCOMPARE(attachments, 12);
        QVERIFY(std::ranges::any_of(snap.events, [](const PlannerEvent &e) { return e.recurrenceFreq != u"N"_s; }));
        QVERIFY(std::ranges::all_of(
            snap.feeds, [](const CalendarFeed &f) { return f.rawIcal.startsWith(u"BEGIN:VCALENDAR"_s); }));
    }

    void touchesAndDeletesExistingNotesWithoutAddingAny()
    {
        FakeClock clock(start);
        auto store = openFresh(clock);
        QVERIFY(store);
        QVERIFY(generateDemoData(*store, demo(100), clock));
        clock.advance(3600);
        auto summary = generateDemoData(*store, edits(5, 3), clock);
        QVERIFY(summary);
        QCOMPARE(summary->notesCreated, 0);
        QCOMPARE(summary->coursesCreated, 0);
        QCOMPARE(summary->eventsCreated, 0);
        QCOMPARE(summary->notesTouched, 5);
        QCOMPARE(summary->notesDeleted, 3);
        QCOMPARE(summary->totalNotes, 97);
        QCOMPARE(summary->totalDeleted, 3);
        QCOMPARE(*store->noteCount(), 97);
        QCOMPARE(*store->noteCount(onlyDeleted()), 3);
        const QList<Note> live = *store->notes();
        QCOMPARE(std::ranges::count_if(live, [&](const Note &n) { return n.lastEdit == clock.now(); }), 5);
        const QList<Note> deleted = *store->notes(onlyDeleted());
        for (const Note &n : deleted) {
            QCOMPARE(n.deletedAt, clock.now());
        }
    }

    void choosesTheSameNotesToTouchForTheSameSeed()
    {
        FakeClock clock(start);
        auto a = openFresh(clock);
        auto b = openFresh(clock);
        QVERIFY(a && b);
        QVERIFY(generateDemoData(*a, demo(60), clock));
        QVERIFY(generateDemoData(*b, demo(60), clock));
        clock.advance(60);
        QVERIFY(generateDemoData(*a, edits(4, 2), clock));
        QVERIFY(generateDemoData(*b, edits(4, 2), clock));
        QCOMPARE(digest(*a), digest(*b));
    }

    void capsEditsAtTheLiveNotes()
    {
        FakeClock clock(start);
        auto store = openFresh(clock);
        QVERIFY(store);
        QVERIFY(generateDemoData(*store, demo(4), clock));
        auto summary = generateDemoData(*store, edits(3, 10), clock);
        QVERIFY(summary);
        QCOMPARE(summary->notesTouched, 3);
        QCOMPARE(summary->notesDeleted, 1);
        QCOMPARE(summary->totalNotes, 3);
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "test_demodata.moc"
