// SPDX-License-Identifier: GPL-3.0-or-later
// The incremental sync (issue #13) against the GitHub test server: after a complete sync on a branch that has not
// moved, only what changed is rendered, and git judges that the commit is exactly what the whole export would give.

#include "demodata.h"
#include "exporter.h"
#include "pushfixture.h"

#include <QCoroTask>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestIncrementalSync : public QObject
{
    Q_OBJECT

    std::unique_ptr<PushFixture> f;

    Result<PushOutcome> push(PushOptions options = {}) { return QCoro::waitFor(f->service->push(options)); }

    void demo(int notes, int touch = 0, int deleteCount = 0, quint32 seed = 1)
    {
        DemoOptions options;
        options.notes = notes;
        options.touch = touch;
        options.deleteCount = deleteCount;
        options.seed = seed;
        auto made = generateDemoData(*f->store, options, f->clock);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message()));
    }

    /// The clone equals the whole export byte for byte and fsck is clean.
    void verifyCloneEqualsExport()
    {
        const QString mismatch = f->cloneMismatch();
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    /// Runs @p sql on the database through a second connection (another process's write).
    void rawExec(const QString &sql, const QVariantList &values = {})
    {
        const QString name = u"raw-%1"_s.arg(++m_raw);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(f->store->path());
            QVERIFY(db.open());
            QSqlQuery pragma(db);
            QVERIFY(pragma.exec(u"PRAGMA foreign_keys = ON"_s));
            QSqlQuery q(db);
            QVERIFY(q.prepare(sql));
            for (const QVariant &value : values) {
                q.addBindValue(value);
            }
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(name);
    }

    Note liveNote(int index)
    {
        Store::NoteQuery query;
        auto notes = f->store->notes(query);
        return notes->at(index % notes->size());
    }

    int m_raw = 0;

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<PushFixture>();
        QVERIFY2(f->setUp(), qPrintable(f->error));
    }

    void cleanup() { f.reset(); }

    void editsAfterACompleteSyncAreRenderedAloneAndTheCloneEqualsTheExport()
    {
        demo(300);
        auto first = push();
        QVERIFY2(first, first ? "" : qPrintable(first.error().message()));
        QVERIFY(first->committed);
        QVERIFY(!first->incremental);
        verifyCloneEqualsExport();

        for (int i = 0; i < 3; ++i) {
            Note note = liveNote(i * 7);
            note.content += u"\n\nEdited %1 on this device."_s.arg(i);
            QVERIFY(f->store->saveNote(note));
        }
        const QString before = f->head();
        auto second = push();
        QVERIFY2(second, second ? "" : qPrintable(second.error().message()));
        QVERIFY(second->committed);
        QVERIFY(second->incremental);
        QCOMPARE(second->changed, 3);
        QCOMPARE(second->added, 0);
        QCOMPARE(second->deleted, 0);
        // The ref, one tree, the commit, the ref update: the head's tree is not read.
        QVERIFY2(second->requests <= 5, qPrintable(QString::number(second->requests)));
        QVERIFY(f->head() != before);
        verifyCloneEqualsExport();

        // Nothing changed since: one request, no commit.
        auto third = push();
        QVERIFY(third);
        QVERIFY(!third->committed);
        QCOMPARE(third->requests, 1);
    }

    void aNoteSavedWithTheSameTextCommitsNothingAndRecordsTheState()
    {
        demo(40);
        QVERIFY(push());
        const QString head = f->head();
        QVERIFY(f->store->saveNote(liveNote(3))); // same fields: the files come out the same
        auto again = push();
        QVERIFY(again);
        QVERIFY(again->incremental);
        QVERIFY(!again->committed);
        QCOMPARE(f->head(), head);
        auto after = push();
        QVERIFY(after);
        QCOMPARE(after->requests, 1); // the state was recorded: the shortcut holds again
    }

    void aCourseRenameRewritesItsNotesAndAnEmptiedBinDropsTheirFiles()
    {
        demo(120);
        Course course;
        course.slug = u"biology"_s;
        course.title = u"Biology"_s;
        auto saved = f->store->saveCourse(course);
        QVERIFY(saved);
        for (int i = 0; i < 5; ++i) {
            Note note = liveNote(i);
            note.courseId = saved->id;
            QVERIFY(f->store->saveNote(note));
        }
        QVERIFY(push());
        verifyCloneEqualsExport();

        Course renamed = *saved;
        renamed.slug = u"life-sciences"_s;
        QVERIFY(f->store->saveCourse(renamed));
        auto rename = push();
        QVERIFY2(rename, rename ? "" : qPrintable(rename.error().message()));
        QVERIFY(rename->incremental);
        QCOMPARE(rename->deleted, 1); // courses/biology.json
        QVERIFY(rename->changed >= 5); // every note of the course names its slug
        verifyCloneEqualsExport();

        // Another process soft-deletes one note and removes another from the bin for good.
        const Note binned = liveNote(10);
        const Note gone = liveNote(11);
        QVERIFY(f->store->softDeleteNote(binned.id));
        rawExec(u"DELETE FROM notes WHERE id = ?"_s, {gone.id});
        auto removed = push();
        QVERIFY2(removed, removed ? "" : qPrintable(removed.error().message()));
        QVERIFY(removed->incremental);
        QCOMPARE(removed->deleted, 4); // two files per note
        verifyCloneEqualsExport();

        QVERIFY(f->store->deleteCourse(renamed.id));
        auto dropped = push();
        QVERIFY(dropped);
        QVERIFY(dropped->incremental);
        verifyCloneEqualsExport();
    }

    void manyChangesOrAMovedBranchTakeTheWholeSync()
    {
        demo(260);
        QVERIFY(push());
        demo(0, 210); // more changed notes than an incremental sync renders
        auto many = push();
        QVERIFY2(many, many ? "" : qPrintable(many.error().message()));
        QVERIFY(many->committed);
        QVERIFY(!many->incremental);
        verifyCloneEqualsExport();

        // The export index was written by the whole sync: the next edit is incremental again.
        Note note = liveNote(0);
        note.title = u"Renamed after the big sync"_s;
        QVERIFY(f->store->saveNote(note));
        auto small = push();
        QVERIFY(small);
        QVERIFY(small->incremental);
        verifyCloneEqualsExport();

        // A commit from elsewhere: the branch moved, so the sync reads GitHub's tree.
        const QString bare = f->bare();
        const QString work = f->dir.filePath(u"other-device"_s);
        QVERIFY2(!f->run(u"git"_s, {u"clone"_s, u"-q"_s, bare, work}).isNull(), qPrintable(f->error));
        QFile extra(work + u"/notes-from-elsewhere.txt"_s);
        QVERIFY(extra.open(QIODevice::WriteOnly));
        extra.write("not ours\n");
        extra.close();
        const QStringList identity{u"-c"_s, u"user.name=Other"_s, u"-c"_s, u"user.email=o@example.org"_s};
        QVERIFY(!f->run(u"git"_s, {u"-C"_s, work, u"add"_s, u"-A"_s}).isNull());
        QVERIFY(!f->run(u"git"_s, QStringList{u"-C"_s, work} + identity + QStringList{u"commit"_s, u"-qm"_s, u"x"_s})
                .isNull());
        QVERIFY2(!f->run(u"git"_s, {u"-C"_s, work, u"push"_s, u"-q"_s, u"origin"_s, u"HEAD:main"_s}).isNull(),
            qPrintable(f->error));
        note.title = u"Renamed once more"_s;
        QVERIFY(f->store->saveNote(note));
        auto moved = push();
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message()));
        QVERIFY(moved->committed);
        QVERIFY(!moved->incremental);
        QVERIFY(f->cloneFiles().contains(u"notes-from-elsewhere.txt"_s));
    }

    void randomizedEditsKeepTheCloneEqualToTheWholeExport_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::newRow("seed 7") << 7U;
        QTest::newRow("seed 1234") << 1234U;
        QTest::newRow("seed 99991") << 99991U;
    }

    void randomizedEditsKeepTheCloneEqualToTheWholeExport()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        demo(150, 0, 0, seed);
        QList<qint64> courses;
        for (int i = 0; i < 3; ++i) {
            Course course;
            course.slug = u"course-%1"_s.arg(i);
            course.title = u"Course %1"_s.arg(i);
            auto saved = f->store->saveCourse(course);
            QVERIFY(saved);
            courses.append(saved->id);
        }
        QVERIFY(push());
        int incremental = 0;
        int rounds = 0;
        for (int round = 0; round < 14; ++round) {
            const int operations = 1 + int(random.bounded(4));
            for (int op = 0; op < operations; ++op) {
                const int kind = int(random.bounded(9));
                Note note = liveNote(int(random.bounded(1000)));
                switch (kind) {
                case 0: // edit a body
                    note.content += u"\nround %1 op %2"_s.arg(round).arg(op);
                    QVERIFY(f->store->saveNote(note));
                    break;
                case 1: // move to a course or out of one
                    note.courseId = random.bounded(3) == 0
                        ? std::nullopt
                        : std::optional<qint64>(courses.value(int(random.bounded(qsizetype(courses.size())))));
                    QVERIFY(f->store->saveNote(note));
                    break;
                case 2: // a batch of new notes: checksum files split
                    demo(10 + int(random.bounded(50)), 0, 0, seed * 31U + quint32(round) + 1U);
                    break;
                case 3: // into the bin
                    QVERIFY(f->store->softDeleteNote(note.id));
                    break;
                case 4: { // out of the bin, or emptied from it by another process
                    Store::NoteQuery bin;
                    bin.onlyDeleted = true;
                    auto binned = f->store->notes(bin);
                    QVERIFY(binned);
                    if (!binned->isEmpty()) {
                        const Note &first = binned->first();
                        if (random.bounded(2) == 0) {
                            QVERIFY(f->store->restoreNote(first.id));
                        } else {
                            rawExec(u"DELETE FROM notes WHERE id = ?"_s, {first.id});
                        }
                    }
                    break;
                }
                case 5: { // rename a course
                    if (courses.isEmpty()) {
                        break;
                    }
                    auto course = f->store->course(courses.first());
                    QVERIFY(course && *course);
                    Course renamed = **course;
                    renamed.slug = u"renamed-%1-%2"_s.arg(round).arg(op);
                    QVERIFY(f->store->saveCourse(renamed));
                    break;
                }
                case 6: // the profile
                {
                    auto profile = f->store->profile();
                    QVERIFY(profile);
                    profile->motto = u"round %1"_s.arg(round);
                    QVERIFY(f->store->saveProfile(*profile));
                    break;
                }
                case 7: { // a planner event
                    PlannerEvent event;
                    event.title = u"Event %1"_s.arg(round);
                    event.eventDate = QDate(2026, 12, 1).addDays(round);
                    QVERIFY(f->store->saveEvent(event));
                    break;
                }
                default: // many notes into the bin at once: checksum files merge
                    for (int i = 0; i < 8; ++i) {
                        QVERIFY(f->store->softDeleteNote(liveNote(int(random.bounded(1000))).id));
                    }
                    break;
                }
            }
            auto pushed = push();
            QVERIFY2(pushed, pushed ? "" : qPrintable(pushed.error().message()));
            ++rounds;
            incremental += pushed->incremental ? 1 : 0;
            verifyCloneEqualsExport();
            if (QTest::currentTestFailed()) {
                qWarning("round %d failed", round);
                return;
            }
        }
        // Every round ran on a branch only this device moves: all but those over the limits went incrementally.
        QVERIFY2(incremental >= rounds - 2, qPrintable(u"%1 of %2"_s.arg(incremental).arg(rounds)));
    }

    void theChangeLogFollowsWritesFromAnyConnection()
    {
        auto start = f->store->noteChangeSequence();
        QVERIFY(start);
        demo(3);
        auto afterInsert = f->store->noteChangeSequence();
        QVERIFY(afterInsert && *afterInsert > *start);
        Course course;
        course.slug = u"c"_s;
        course.title = u"C"_s;
        auto saved = f->store->saveCourse(course);
        QVERIFY(saved);
        Note note = liveNote(0);
        note.courseId = saved->id;
        QVERIFY(f->store->saveNote(note));
        auto mark = f->store->noteChangeSequence();
        QVERIFY(mark);
        rawExec(u"UPDATE courses SET slug = 'd' WHERE id = ?"_s, {saved->id});
        auto changed = f->store->changedNotes(*mark, 10);
        QVERIFY(changed && *changed);
        QCOMPARE((*changed)->uuids, QStringList{note.uuid.toString(QUuid::WithoutBraces)});
        rawExec(u"DELETE FROM notes WHERE id = ?"_s, {note.id});
        auto afterDelete = f->store->changedNotes(*mark, 10);
        QVERIFY(afterDelete && *afterDelete);
        QCOMPARE((*afterDelete)->uuids, QStringList{note.uuid.toString(QUuid::WithoutBraces)});
        QVERIFY((*afterDelete)->sequence > (*changed)->sequence);
        auto over = f->store->changedNotes(*start, 2);
        QVERIFY(over);
        QVERIFY(!*over); // more than the limit

        // The courses and the planner as parts: their files are rendered only when they changed.
        auto beforeParts = f->store->noteChangeSequence();
        QVERIFY(beforeParts);
        const auto partsSince = [&] {
            auto read = f->store->changedNotes(*beforeParts, 10);
            return read && *read ? **read : ChangedNotes{};
        };
        ChangedNotes parts = partsSince();
        QVERIFY(!parts.coursesChanged && !parts.plannerChanged);
        QVERIFY(parts.account.courses.isEmpty()); // no changed note names one
        PlannerEvent event;
        event.title = u"Exam"_s;
        event.eventDate = QDate(2026, 12, 24);
        event.courseId = saved->id;
        QVERIFY(f->store->saveEvent(event));
        parts = partsSince();
        QVERIFY(!parts.coursesChanged && parts.plannerChanged);
        auto allEvents = f->store->events();
        QVERIFY(allEvents);
        QCOMPARE(parts.account.events.size(), allEvents->size());
        // The events' and feeds' courses, for their slugs, and no other.
        QSet<qint64> eventCourses;
        for (const PlannerEvent &e : std::as_const(parts.account.events)) {
            if (e.courseId)
                eventCourses.insert(*e.courseId);
        }
        for (const CalendarFeed &feed : std::as_const(parts.account.feeds)) {
            if (feed.courseId)
                eventCourses.insert(*feed.courseId);
        }
        QSet<qint64> readCourses;
        for (const Course &c : std::as_const(parts.account.courses))
            readCourses.insert(c.id);
        QCOMPARE(readCourses, eventCourses);
        QVERIFY(readCourses.contains(saved->id));
        rawExec(u"UPDATE courses SET title = 'Renamed elsewhere' WHERE id = ?"_s, {saved->id});
        parts = partsSince();
        QVERIFY(parts.coursesChanged && parts.plannerChanged);
        auto allCourses = f->store->courses();
        QVERIFY(allCourses);
        QCOMPARE(parts.account.courses.size(), allCourses->size());
        auto notesOnly = f->store->changedNotes(*beforeParts, 10);
        QVERIFY(notesOnly && *notesOnly);
        QVERIFY((*notesOnly)->uuids.isEmpty()); // parts are not notes
    }
};

QTEST_GUILESS_MAIN(TestIncrementalSync)
#include "test_incrementalsync.moc"
