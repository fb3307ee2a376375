// SPDX-License-Identifier: GPL-3.0-or-later
// NoteRecords: notes, the recycle bin, covers and attachments, and the note queries.
#include "courserecords.h"
#include "noterecords.h"
#include "storepartfixture.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::StorePartFixture;

namespace {

Note noteTitled(const QString &title, std::optional<qint64> courseId = std::nullopt)
{
    Note n;
    n.title = title;
    n.courseId = courseId;
    return n;
}

Attachment attachmentOf(const QString &name, const QByteArray &bytes)
{
    Attachment a;
    a.file = StoredFile{name, u"application/octet-stream"_s, bytes};
    return a;
}

/// The ids of @p summaries, in order.
QList<qint64> idsOf(const QList<NoteSummary> &summaries)
{
    QList<qint64> ids;
    for (const NoteSummary &summary : summaries) {
        ids.append(summary.note.id);
    }
    return ids;
}

} // namespace

class TestNoteRecords : public QObject
{
    Q_OBJECT

private:
    Files m_files;
    Fresh<NoteRecords> m_records;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }
    void init()
    {
        m_files.clock.set(start);
        QVERIFY(m_records.open(m_files));
    }

    void aNewNoteGetsIdsAndTheClocksTime()
    {
        const auto saved = m_records->saveNote(noteTitled(u"First"_s));
        QVERIFY(saved);
        QVERIFY(saved->id > 0);
        QVERIFY(!saved->uuid.isNull());
        QVERIFY(!saved->sharingId.isNull());
        QVERIFY(saved->uuid != saved->sharingId);
        QCOMPARE(saved->dateCreated, start);
        QCOMPARE(saved->lastEdit, start);
        const auto read = m_records->noteByUuid(saved->uuid);
        QVERIFY(read && read->has_value());
        QCOMPARE((*read)->title, u"First"_s);
        QCOMPARE((*read)->dateCreated, start);
        QVERIFY(!m_records->noteByUuid(QUuid())->has_value());
        QVERIFY(!m_records->noteByClientDraftId(QString())->has_value());
    }

    void updatingAMissingNoteFails()
    {
        Note ghost = noteTitled(u"Ghost"_s);
        ghost.id = 77;
        const auto saved = m_records->saveNote(ghost);
        QVERIFY(!saved);
        QCOMPARE(saved.error().message(), u"Cannot save note: Core.Store/save_note \u2014 no note with id 77"_s);
        QCOMPARE(scalar(m_records.context(), u"SELECT count(*) FROM notes"_s), 0);
    }

    void theRecycleBinKeepsTheFirstDeletionTime()
    {
        const auto saved = m_records->saveNote(noteTitled(u"Bin me"_s));
        QVERIFY(saved);
        m_files.clock.advance(60);
        QVERIFY(m_records->softDeleteNote(saved->id));
        m_files.clock.advance(60);
        QVERIFY(m_records->softDeleteNote(saved->id));
        QCOMPARE((*m_records->note(saved->id))->deletedAt, std::optional<QDateTime>(start.addSecs(60)));
        QCOMPARE(*m_records->noteCount(), 0);
        StoreNoteQuery bin;
        bin.onlyDeleted = true;
        QCOMPARE(*m_records->noteCount(bin), 1);

        QVERIFY(m_records->restoreNote(saved->id));
        QCOMPARE((*m_records->note(saved->id))->deletedAt, std::nullopt);
        QCOMPARE(*m_records->noteCount(bin), 0);

        const auto missing = m_records->restoreNote(saved->id + 1);
        QVERIFY(!missing);
        QCOMPARE(missing.error().cause, u"no note with id %1"_s.arg(saved->id + 1));
        QVERIFY(!m_records->softDeleteNote(saved->id + 1));
    }

    void aNewCoverReplacesTheOldFile()
    {
        const auto saved = m_records->saveNote(noteTitled(u"Covered"_s));
        QVERIFY(saved);
        QVERIFY(m_records->setNoteCover(saved->id, StoredFile{u"a.png"_s, u"image/png"_s, QByteArray("a")}));
        QVERIFY(m_records->setNoteCover(saved->id, StoredFile{u"b.png"_s, u"image/png"_s, QByteArray("bb")}));
        QCOMPARE((*m_records->note(saved->id))->cover.bytes, QByteArray("bb"));
        QCOMPARE(scalar(m_records.context(), u"SELECT count(*) FROM files"_s), 1);
        // Listing leaves the bytes out.
        QCOMPARE(m_records->notes()->first().cover.fileName, u"b.png"_s);
        QVERIFY(m_records->notes()->first().cover.bytes.isEmpty());

        QVERIFY(m_records->setNoteCover(saved->id, StoredFile{}));
        QVERIFY((*m_records->note(saved->id))->cover.isEmpty());
        QCOMPARE(scalar(m_records.context(), u"SELECT count(*) FROM files"_s), 0);
        const auto missing = m_records->setNoteCover(saved->id + 1, StoredFile{u"c"_s, u""_s, QByteArray("c")});
        QVERIFY(!missing);
        QCOMPARE(missing.error().module, u"Core.Store/save_cover"_s);
    }

    void attachmentsComeWithTheirNoteInOrder()
    {
        const auto one = m_records->saveNote(noteTitled(u"One"_s));
        const auto two = m_records->saveNote(noteTitled(u"Two"_s));
        QVERIFY(one && two);
        const auto first = m_records->addAttachment(one->id, attachmentOf(u"a.pdf"_s, "pdf-bytes"));
        const auto second = m_records->addAttachment(one->id, attachmentOf(u"b.txt"_s, "text"));
        const auto other = m_records->addAttachment(two->id, attachmentOf(u"c.bin"_s, QByteArray()));
        QVERIFY(first && second && other);
        QVERIFY(!first->uuid.isNull());
        QCOMPARE(first->originalFilename, u"a.pdf"_s);

        const auto read = m_records->note(one->id);
        QVERIFY(read && read->has_value());
        QCOMPARE((*read)->attachments.size(), 2);
        QCOMPARE((*read)->attachments.at(0).id, first->id);
        QCOMPARE((*read)->attachments.at(0).file.bytes, QByteArray("pdf-bytes"));
        QCOMPARE((*read)->attachments.at(1).originalFilename, u"b.txt"_s);
        // An empty attachment keeps its row.
        QCOMPARE((*m_records->note(two->id))->attachments.size(), 1);
        QVERIFY(!m_records->addAttachment(9999, attachmentOf(u"x"_s, "x")));
    }

    void queriesFilterByCourseAndPageNewestFirst()
    {
        CourseRecords courses(m_records.context());
        const auto course = courses.saveCourse(with(Course(), [&](Course &c) { c.title = u"Physics"_s; }));
        QVERIFY(course);
        for (int i = 0; i < 5; ++i) {
            m_files.clock.advance(10);
            Note n = noteTitled(u"n%1"_s.arg(i), i % 2 == 0 ? std::optional<qint64>(course->id) : std::nullopt);
            n.lastEdit = start.addSecs(i);
            QVERIFY(m_records->saveNote(n));
        }
        StoreNoteQuery page;
        page.limit = 2;
        page.offset = 1;
        const auto listed = m_records->notes(page);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).title, u"n3"_s);
        QCOMPARE(listed->at(1).title, u"n2"_s);
        QCOMPARE(*m_records->noteCount(page), 5);

        StoreNoteQuery inCourse;
        inCourse.courseId = course->id;
        QCOMPARE(*m_records->noteCount(inCourse), 3);
        QCOMPARE(m_records->notes(inCourse)->first().title, u"n4"_s);
    }

    void deepPagesAndSearchPagesKeepTheListOrderAcrossWrites()
    {
        // Pages within 200 notes of either end come from the listing index (from the end backwards), pages between
        // and every page of a search through notes_fts from the ids of all matches in list order, kept per data
        // revision; each must equal the same page of the whole list read straight from the index.
        CourseRecords courses(m_records.context());
        const auto course = courses.saveCourse(with(Course(), [&](Course &c) { c.title = u"Physics"_s; }));
        QVERIFY(course);
        QVERIFY(m_records.context().transaction([&]() -> Result<void> {
            for (int i = 0; i < 700; ++i) {
                Note n = noteTitled(u"n%1"_s.arg(i), i % 3 == 0 ? std::optional<qint64>(course->id) : std::nullopt);
                n.isPublic = i % 4 == 0;
                n.content = i % 5 == 0 ? u"a Needle here"_s : u"hay"_s;
                n.lastEdit = start.addSecs((i * 37) % 101); // shared last_edits: the id breaks the tie
                if (auto saved = m_records->saveNote(n); !saved) {
                    return std::unexpected(saved.error());
                }
            }
            return {};
        }));
        const auto query = [&](int variant) {
            StoreNoteQuery q;
            if (variant == 1) {
                q.uncategorized = true;
                q.isPublic = false;
            } else if (variant == 2) {
                q.text = u"needle"_s;
            } else if (variant == 3) {
                q.courseId = course->id;
                q.text = u"NEEDLE"_s;
            } else if (variant == 4) {
                q.includeDeleted = true;
            }
            return q;
        };
        const auto checkEveryPage = [&](const char *when) {
            for (int variant = 0; variant <= 4; ++variant) {
                StoreNoteQuery all = query(variant);
                const auto listed = m_records->notes(all);
                QVERIFY(listed);
                QList<qint64> expected;
                for (const Note &note : *listed) {
                    expected.append(note.id);
                }
                QCOMPARE(*m_records->noteCount(all), expected.size());
                for (const int offset :
                    {0, 13, 199, 200, 201, 230, 255, 259, 300, 450, 490, 493, 494, 650, 696, 699, 700, 900}) {
                    StoreNoteQuery page = query(variant);
                    page.limit = 7;
                    page.offset = offset;
                    const auto summaries = m_records->noteSummaries(page);
                    QVERIFY(summaries);
                    QVERIFY2(idsOf(*summaries) == expected.mid(offset, 7),
                        qPrintable(
                            u"%1, variant %2, offset %3"_s.arg(QLatin1StringView(when)).arg(variant).arg(offset)));
                }
            }
        };
        checkEveryPage("fresh");
        checkEveryPage("again, from the kept orders");
        // Writes move the data revision: a note becomes the newest, one leaves for the recycle bin, a new match.
        auto moved = m_records->note(650);
        QVERIFY(moved && *moved);
        (*moved)->lastEdit = start.addSecs(500);
        (*moved)->content = u"needle"_s;
        QVERIFY(m_records->saveNote(**moved));
        QVERIFY(m_records->softDeleteNote(3));
        Note fresh = noteTitled(u"fresh"_s, course->id);
        fresh.content = u"needle"_s;
        fresh.lastEdit = start.addSecs(-5);
        QVERIFY(m_records->saveNote(fresh));
        checkEveryPage("after writes");
    }

    void aSearchWithThousandsOfMatchesKeepsTheListOrder()
    {
        // From 2,000 matches on, a search's order walks the listing index instead of looking each match up.
        QVERIFY(m_records.context().transaction([&]() -> Result<void> {
            for (int i = 0; i < 2100; ++i) {
                Note n = noteTitled(u"n%1"_s.arg(i));
                n.content = i % 40 == 0 ? u"hay"_s : u"a needle"_s;
                n.isPublic = i % 3 == 0;
                n.lastEdit = start.addSecs((i * 7919) % 1013);
                if (auto saved = m_records->saveNote(n); !saved) {
                    return std::unexpected(saved.error());
                }
            }
            return {};
        }));
        QVERIFY(m_records->softDeleteNote(2));
        for (const bool onlyPublic : {false, true}) {
            StoreNoteQuery all;
            all.text = u"NEEDLE"_s;
            if (onlyPublic) {
                all.isPublic = true;
            }
            const auto listed = m_records->notes(all);
            QVERIFY(listed);
            QList<qint64> expected;
            for (const Note &note : *listed) {
                expected.append(note.id);
            }
            QCOMPARE(expected.size(), onlyPublic ? 682 : 2046);
            QCOMPARE(*m_records->noteCount(all), expected.size());
            for (const int offset : {0, 20, 681, 1000, 2040}) {
                StoreNoteQuery page = all;
                page.limit = 20;
                page.offset = offset;
                QCOMPARE(idsOf(*m_records->noteSummaries(page)), expected.mid(offset, 20));
            }
        }
    }

    void keptListingsFollowRandomWritesFromTwoConnections()
    {
        // After a write the kept orders and totals are brought up to date from the change log by difference, not
        // read again. After every few random writes, through this connection or another one (another process), every
        // total and page must equal what the table gives read straight, in list order.
        auto otherContext = openContext(m_records.context().path(), &m_files.clock);
        QVERIFY(otherContext);
        NoteRecords other(*otherContext);
        CourseRecords courses(m_records.context());
        const auto course = courses.saveCourse(with(Course(), [&](Course &c) { c.title = u"Physics"_s; }));
        QVERIFY(course);
        QRandomGenerator random(20261203); // a fixed seed, so a failure replays
        const QStringList texts{u"a needle"_s, u"hay"_s, u"Needles and pins"_s, u"stack"_s};
        const auto shuffled = [&](Note n) {
            n.title = u"n%1 %2"_s.arg(random.bounded(1000)).arg(random.bounded(2) == 0 ? u"ne"_s : u"x"_s);
            n.content = texts.at(random.bounded(texts.size()));
            n.isPublic = random.bounded(3) == 0;
            n.courseId = random.bounded(3) == 0 ? std::optional<qint64>(course->id) : std::nullopt;
            n.lastEdit = start.addSecs(random.bounded(300)); // shared last_edits: the id breaks the tie
            return n;
        };
        QVERIFY(m_records.context().transaction([&]() -> Result<void> {
            for (int i = 0; i < 460; ++i) { // over 400: pages 200 from both ends are cut from the kept orders
                if (auto saved = m_records->saveNote(shuffled(Note())); !saved) {
                    return std::unexpected(saved.error());
                }
            }
            return {};
        }));
        QList<StoreNoteQuery> queries(9);
        queries[1].uncategorized = true;
        queries[1].isPublic = false;
        queries[2].text = u"needle"_s;
        queries[3].courseId = course->id;
        queries[3].text = u"NEEDLE"_s;
        queries[4].includeDeleted = true;
        queries[5].onlyDeleted = true;
        queries[6].isPublic = true;
        queries[7].text = u"ne"_s;
        queries[8].includeDeleted = true;
        queries[8].text = u"and pins"_s;
        const auto check = [&](int round) {
            for (qsizetype variant = 0; variant < queries.size(); ++variant) {
                const auto listed = m_records->notes(queries.at(variant));
                QVERIFY(listed);
                QList<qint64> expected;
                for (const Note &note : *listed) {
                    expected.append(note.id);
                }
                const QString where = u"round %1, variant %2"_s.arg(round).arg(variant);
                QVERIFY2(*m_records->noteCount(queries.at(variant)) == expected.size(), qPrintable(where));
                for (qsizetype offset = 0; offset < expected.size() + 7; offset += 11) {
                    StoreNoteQuery page = queries.at(variant);
                    page.limit = 7;
                    page.offset = static_cast<int>(offset);
                    QVERIFY2(idsOf(*m_records->noteSummaries(page)) == expected.mid(offset, 7),
                        qPrintable(where + u", offset %1"_s.arg(offset)));
                }
            }
        };
        check(-1);
        for (int round = 0; round < 40; ++round) {
            for (int write = 1 + random.bounded(4); write > 0; --write) {
                NoteRecords &writer = random.bounded(3) == 0 ? other : *m_records;
                StoreNoteQuery everything;
                everything.includeDeleted = true;
                const auto all = writer.notes(everything);
                QVERIFY(all && !all->isEmpty());
                const Note picked = all->at(random.bounded(all->size()));
                const int action = random.bounded(round % 13 == 12 ? 7 : 6);
                if (action == 0) {
                    QVERIFY(writer.saveNote(shuffled(Note())));
                } else if (action == 1) {
                    QVERIFY(writer.softDeleteNote(picked.id));
                } else if (action == 2) {
                    QVERIFY(writer.restoreNote(picked.id));
                } else if (action == 6) {
                    QVERIFY(writer.emptyRecycleBin()); // notes gone for good: the orders are read again
                } else {
                    Note changed = shuffled(picked);
                    changed.id = picked.id;
                    changed.deletedAt = picked.deletedAt;
                    QVERIFY(writer.saveNote(changed));
                }
            }
            check(round);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
    }

    void ordersReadInsideATransactionAreNotKept()
    {
        // A transaction's own writes move the revision, and a rollback hands the same number to the next write:
        // what was read inside must not be taken for that write's state.
        QVERIFY(m_records.context().transaction([&]() -> Result<void> {
            for (int i = 0; i < 210; ++i) {
                Note n = noteTitled(u"n%1"_s.arg(i));
                n.content = u"a needle"_s;
                n.lastEdit = start.addSecs(i);
                if (auto saved = m_records->saveNote(n); !saved) {
                    return std::unexpected(saved.error());
                }
            }
            return {};
        }));
        StoreNoteQuery last; // a search: its pages are cut from the order of its matches
        last.text = u"needle"_s;
        last.limit = 5;
        last.offset = 205;
        QCOMPARE(idsOf(*m_records->noteSummaries(last)), (QList<qint64>{5, 4, 3, 2, 1}));
        const auto rolledBack = m_records.context().transaction([&]() -> Result<void> {
            Note newest = noteTitled(u"newest"_s);
            newest.content = u"needle"_s;
            newest.lastEdit = start.addSecs(1000);
            if (auto saved = m_records->saveNote(newest); !saved) {
                return std::unexpected(saved.error());
            }
            const auto inside = m_records->noteSummaries(last);
            if (!inside || idsOf(*inside) != QList<qint64>{6, 5, 4, 3, 2}) {
                return std::unexpected(Error{u"Wrong page"_s, u"Test"_s, u"inside the transaction"_s});
            }
            return std::unexpected(Error{u"Rolled back"_s, u"Test"_s, u"on purpose"_s});
        });
        QCOMPARE(rolledBack.error().cause, u"on purpose"_s);
        // The next write gets the rolled-back revision number; its page must be read again.
        QVERIFY(m_records->softDeleteNote(210));
        QCOMPARE(idsOf(*m_records->noteSummaries(last)), (QList<qint64>{4, 3, 2, 1}));
        QCOMPARE(*m_records->noteCount(last), 209);
    }

    void aSnapshotOfManyNotesHoldsEveryAttachment()
    {
        // More than 500 notes: the attachments are read in one pass instead of by note id.
        QVERIFY(m_records.context().transaction([&]() -> Result<void> {
            for (int i = 0; i < 501; ++i) {
                auto saved = m_records->saveNote(noteTitled(u"n%1"_s.arg(i)));
                if (!saved) {
                    return std::unexpected(saved.error());
                }
                if (i % 100 == 0) {
                    if (auto added = m_records->addAttachment(saved->id, attachmentOf(u"f"_s, "bytes")); !added) {
                        return std::unexpected(added.error());
                    }
                }
            }
            return {};
        }));
        QVERIFY(m_records->softDeleteNote(1));
        const auto withBytes = m_records->snapshotNotes(true);
        QVERIFY(withBytes);
        QCOMPARE(withBytes->size(), 501);
        qsizetype attachments = 0;
        QUuid previous;
        for (const Note &note : *withBytes) {
            QVERIFY(previous.isNull() || previous.toString() < note.uuid.toString());
            previous = note.uuid;
            for (const Attachment &a : note.attachments) {
                QCOMPARE(a.file.bytes, QByteArray("bytes"));
                ++attachments;
            }
        }
        QCOMPARE(attachments, 6);
        const auto withoutBytes = m_records->snapshotNotes(false);
        QVERIFY(withoutBytes);
        for (const Note &note : *withoutBytes) {
            for (const Attachment &a : note.attachments) {
                QVERIFY(a.file.bytes.isEmpty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestNoteRecords)
#include "test_noterecords.moc"
