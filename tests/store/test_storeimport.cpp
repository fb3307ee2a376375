// SPDX-License-Identifier: GPL-3.0-or-later
// Store::importAccount: a restore that keeps every id, and leaves the store as it was when it fails; importNotes:
// the same for some notes (a pull of a few changes), the other rows untouched.
#include "store.h"
#include "storepartfixture.h"

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::StorePartFixture;

namespace {

Course courseWith(qint64 id, const QString &slug)
{
    Course c;
    c.id = id;
    c.slug = slug;
    c.title = slug.toUpper();
    return c;
}

Note noteWith(qint64 id, const QString &title, std::optional<qint64> courseId = std::nullopt)
{
    Note n;
    n.id = id;
    n.uuid = QUuid::createUuid();
    n.title = title;
    n.courseId = courseId;
    n.dateCreated = start;
    n.lastEdit = start;
    return n;
}

AccountSnapshot sampleAccount()
{
    AccountSnapshot account;
    account.profile.username = u"ada"_s;
    account.profile.avatar = StoredFile{u"me.png"_s, u"image/png"_s, QByteArray("png")};
    account.courses = {courseWith(9, u"physics"_s), courseWith(3, u"maths"_s)};
    Note covered = noteWith(12, u"Covered"_s, 9);
    covered.cover = StoredFile{u"c.png"_s, u"image/png"_s, QByteArray("cover")};
    Attachment a;
    a.id = 500;
    a.file = StoredFile{u"a.pdf"_s, u"application/pdf"_s, QByteArray("pdf")};
    covered.attachments = {a};
    Note binned = noteWith(0, u"From the bin"_s);
    binned.deletedAt = start;
    account.notes = {binned, covered, noteWith(4, u"Plain"_s, 3)};
    PlannerEvent e;
    e.id = 21;
    e.title = u"Exam"_s;
    e.eventDate = QDate(2026, 8, 1);
    e.courseId = 3;
    account.events = {e};
    CalendarFeed f;
    f.id = 8;
    f.title = u"Timetable"_s;
    account.feeds = {f};
    return account;
}

} // namespace

class TestStoreImport : public QObject
{
    Q_OBJECT

private:
    Files m_files;

    /// The whole Store on a fresh file (importAccount is the façade's own).
    std::unique_ptr<Store> openFresh()
    {
        auto store = Store::open(m_files.freshPath(), &m_files.clock);
        return store ? std::move(*store) : nullptr;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void anImportKeepsEveryIdAndWhatHangsOffTheNotes()
    {
        auto store = openFresh();
        QVERIFY(store);
        QVERIFY(store->saveNote(noteWith(0, u"Replaced"_s)));
        QVERIFY(store->recordRun(PushRun{}));
        const auto imported = store->importAccount(sampleAccount());
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message()));

        QCOMPARE(store->profile()->username, u"ada"_s);
        QCOMPARE(store->profile()->avatar.bytes, QByteArray("png"));
        QCOMPARE((*store->courseBySlug(u"physics"_s))->id, 9);
        QCOMPARE((*store->courseBySlug(u"maths"_s))->id, 3);
        const auto covered = store->note(12);
        QVERIFY(covered && covered->has_value());
        QCOMPARE((*covered)->title, u"Covered"_s);
        QCOMPARE((*covered)->courseId, std::optional<qint64>(9));
        QCOMPARE((*covered)->cover.bytes, QByteArray("cover"));
        QCOMPARE((*covered)->attachments.size(), 1);
        QCOMPARE((*covered)->attachments.first().file.bytes, QByteArray("pdf"));
        QCOMPARE((*store->note(4))->title, u"Plain"_s);
        // The note without an id gets a fresh one after every kept id.
        Store::NoteQuery bin;
        bin.onlyDeleted = true;
        const auto binned = store->notes(bin);
        QVERIFY(binned);
        QCOMPARE(binned->size(), 1);
        QCOMPARE(binned->first().title, u"From the bin"_s);
        QVERIFY(binned->first().id > 12);
        QCOMPARE(*store->noteCount(), 2);
        QCOMPARE(store->events()->first().id, 21);
        QCOMPARE(store->events()->first().courseId, std::optional<qint64>(3));
        QCOMPARE(store->feeds()->first().id, 8);
        // The push history is not part of the account.
        QCOMPARE(store->runs()->size(), 1);
    }

    void aFailedImportLeavesTheStoreAsItWas()
    {
        auto store = openFresh();
        QVERIFY(store);
        QVERIFY(store->importAccount(sampleAccount()));
        AccountSnapshot broken = sampleAccount();
        broken.profile.username = u"someone else"_s;
        broken.courses.append(courseWith(10, u"physics"_s)); // the slug is taken: the insert fails
        const auto imported = store->importAccount(broken);
        QVERIFY(!imported);
        QCOMPARE(imported.error().module, u"Core.Store/save_course"_s);
        QCOMPARE(store->profile()->username, u"ada"_s);
        QCOMPARE(store->courses()->size(), 2);
        QCOMPARE((*store->note(12))->attachments.size(), 1);
    }

    void importingNotesWritesThemAndLeavesTheRestAlone()
    {
        auto store = openFresh();
        QVERIFY(store);
        QVERIFY(store->importAccount(sampleAccount()));
        Note covered = **store->note(12);
        covered.title = u"Covered, edited elsewhere"_s;
        covered.content = u"new body"_s;
        covered.lastEdit = start.addSecs(60);
        covered.cover = {};
        covered.attachments.clear();
        Note fresh = noteWith(40, u"Made elsewhere"_s, 3);
        const auto imported = store->importNotes({covered, fresh});
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message()));

        const Note updated = **store->note(12);
        QCOMPARE(updated.title, u"Covered, edited elsewhere"_s);
        QCOMPARE(updated.content, u"new body"_s);
        QCOMPARE(updated.lastEdit, start.addSecs(60)); // as the other device wrote it, not now
        QCOMPARE(updated.cover.bytes, QByteArray("cover")); // what the tree cannot hold stays
        QCOMPARE(updated.attachments.size(), 1);
        const Note inserted = **store->note(40);
        QCOMPARE(inserted.uuid, fresh.uuid);
        QCOMPARE(inserted.courseId, std::optional<qint64>(3));
        QCOMPARE((*store->note(4))->title, u"Plain"_s);
        QCOMPARE(*store->noteCount(), 3);
    }

    void importingANoteOverAnotherNotesIdChangesNothing()
    {
        auto store = openFresh();
        QVERIFY(store);
        QVERIFY(store->importAccount(sampleAccount()));
        Note plain = **store->note(4);
        plain.title = u"Plain, edited"_s;
        Note intruder = noteWith(12, u"Someone else's 12"_s); // another uuid on the id of "Covered"
        const auto imported = store->importNotes({plain, intruder});
        QVERIFY(!imported);
        QVERIFY2(imported.error().message().startsWith(u"Cannot restore the account: Core.Store/import_notes — "_s),
            qPrintable(imported.error().message()));
        QCOMPARE((*store->note(4))->title, u"Plain"_s);
        QCOMPARE((*store->note(12))->title, u"Covered"_s);
    }
};

QTEST_GUILESS_MAIN(TestStoreImport)
#include "test_storeimport.moc"
