// SPDX-License-Identifier: GPL-3.0-or-later
// GET notes/: paging, filters and `q=` search done by SQLite (listing indexes, the notes_fts FTS5 index), over real
// HTTP on loopback against the real LocalServer and a real Store (SQLite in a temp dir).
#include "fakeclock.h"
#include "localserverfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Notechondria;

class TestNoteListing : public QObject
{
    Q_OBJECT

    const QDateTime m_start = QDateTime(QDate(2026, 11, 30), QTime(9, 0), QTimeZone::UTC);
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Test::LocalServerFixture> m_fx;
    Store *m_store = nullptr;

    Note saved(Note note)
    {
        auto done = m_store->saveNote(std::move(note));
        if (!done) {
            qWarning("%s", qPrintable(done.error().message()));
            return {};
        }
        return *done;
    }

    Note makeNote(const QString &title, const QString &description = {}, const QString &content = {})
    {
        Note note;
        note.title = title;
        note.description = description;
        note.content = content;
        return saved(note);
    }

    /// GET notes/ with @p query (URL-encoded here), as parsed JSON; records a failure when the status is not 200.
    QJsonObject list(const QList<std::pair<QString, QString>> &query)
    {
        QUrlQuery items;
        for (const auto &[key, value] : query) {
            items.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        const Test::ServerAnswer answer = m_fx->call("GET", u"/notes/?"_s + items.toString(QUrl::FullyEncoded));
        if (!QTest::qCompare(answer.status, 200, "answer.status", "200", __FILE__, __LINE__)) {
            qWarning("%s", answer.body.constData());
        }
        return answer.object();
    }

    /// The titles of every match of @p query, read page by page (pages of @p pageSize), and the total of each page.
    QStringList titlesByPages(QList<std::pair<QString, QString>> query, int pageSize, int *total)
    {
        QStringList titles;
        query.append({u"limit"_s, QString::number(pageSize)});
        for (int offset = 0;; offset += pageSize) {
            auto paged = query;
            paged.append({u"offset"_s, QString::number(offset)});
            const QJsonObject page = list(paged);
            *total = page[u"total"_s].toInt();
            for (const QJsonValue &note : page[u"results"_s].toArray()) {
                titles.append(note[u"title"_s].toString());
            }
            if (!page[u"has_more"_s].toBool()) {
                return titles;
            }
        }
    }

    /// The sorted titles of every match of `q=` @p text.
    QStringList found(const QString &text)
    {
        QStringList titles;
        for (const QJsonValue &note : list({{u"q"_s, text}, {u"limit"_s, u"100"_s}})[u"results"_s].toArray()) {
            titles.append(note[u"title"_s].toString());
        }
        titles.sort();
        return titles;
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<FakeClock>(m_start);
        m_fx = std::make_unique<Test::LocalServerFixture>();
        auto options = Test::LocalServerFixture::offline(m_clock.get());
        options.push = false;
        QVERIFY2(m_fx->setUp(options), qPrintable(m_fx->problem));
        m_store = m_fx->store.get();
    }

    void cleanup()
    {
        m_store = nullptr;
        m_fx.reset();
    }

    void pagesKeepTheOrderAndTotalOfEveryFilter()
    {
        Course chem;
        chem.title = u"Chem"_s;
        chem.slug = u"chem"_s;
        const qint64 course = m_store->saveCourse(chem).value().id;
        QList<Note> live;
        for (int i = 0; i < 40; ++i) {
            Note note;
            note.title = u"N%1"_s.arg(i, 2, 10, QChar(u'0'));
            note.content = i % 4 == 0 ? u"shared needle"_s : u"plain"_s;
            note.isPublic = i % 3 == 0;
            note.courseId = i % 2 == 0 ? std::optional<qint64>(course) : std::nullopt;
            note.lastEdit = m_start.addSecs(i / 2); // pairs share a last_edit: the id breaks the tie
            note = saved(note);
            if (i % 10 == 9) {
                QVERIFY(m_store->softDeleteNote(note.id));
            } else {
                live.append(note);
            }
        }
        std::ranges::sort(live, [](const Note &a, const Note &b) {
            return a.lastEdit != b.lastEdit ? a.lastEdit > b.lastEdit : a.id > b.id;
        });
        const auto expected = [&](const std::function<bool(const Note &)> &keep) {
            QStringList titles;
            for (const Note &note : std::as_const(live)) {
                if (keep(note)) {
                    titles.append(note.title);
                }
            }
            return titles;
        };
        const QString id = QString::number(course);
        const QList<std::pair<QList<std::pair<QString, QString>>, std::function<bool(const Note &)>>> cases = {
            {{},
                [](const Note &) {
                    return true;
                }},
            {{{u"scope"_s, u"public"_s}},
                [](const Note &n) {
                    return n.isPublic;
                }},
            {{{u"scope"_s, u"private"_s}},
                [](const Note &n) {
                    return !n.isPublic;
                }},
            {{{u"course_id"_s, id}},
                [&](const Note &n) {
                    return n.courseId == course;
                }},
            {{{u"course_id"_s, u"none"_s}},
                [](const Note &n) {
                    return !n.courseId;
                }},
            {{{u"scope"_s, u"public"_s}, {u"course_id"_s, id}},
                [&](const Note &n) {
                    return n.isPublic && n.courseId == course;
                }},
            {{{u"scope"_s, u"private"_s}, {u"course_id"_s, u"none"_s}},
                [](const Note &n) {
                    return !n.isPublic && !n.courseId;
                }},
            {{{u"q"_s, u"NEEDLE"_s}},
                [](const Note &n) {
                    return n.content.contains(u"needle"_s);
                }},
            {{{u"q"_s, u"needle"_s}, {u"scope"_s, u"public"_s}},
                [](const Note &n) {
                    return n.isPublic && n.content.contains(u"needle"_s);
                }},
        };
        for (const auto &[query, keep] : cases) {
            int total = -1;
            const QStringList want = expected(keep);
            QCOMPARE(titlesByPages(query, 7, &total), want);
            QCOMPARE(total, want.size());
        }
        // Past the end: an empty page that still counts every match.
        const QJsonObject beyond = list({{u"limit"_s, u"20"_s}, {u"offset"_s, u"1000"_s}});
        QCOMPARE(beyond[u"results"_s].toArray().size(), 0);
        QCOMPARE(beyond[u"total"_s].toInt(), live.size());
        QCOMPARE(beyond[u"has_more"_s].toBool(), false);
    }

    void listEntriesCarryTheirCourseAndAuthorAsTheyAreNow()
    {
        // The route reads only the courses a page names, and keeps them and the profile per data revision: a
        // renamed or deleted course, or a new display name, shows on the next page.
        Course chem;
        chem.title = u"Chem"_s;
        chem.slug = u"chem"_s;
        chem = m_store->saveCourse(chem).value();
        Note inCourse;
        inCourse.title = u"In course"_s;
        inCourse.courseId = chem.id;
        inCourse.lastEdit = m_start.addSecs(10);
        saved(inCourse);
        makeNote(u"Loose"_s);
        const auto entries = [&] {
            return list({{u"limit"_s, u"5"_s}})[u"results"_s].toArray();
        };
        QJsonArray page = entries();
        QCOMPARE(page.size(), 2);
        QCOMPARE(page[0][u"course"_s].toObject(),
            (QJsonObject{{u"id"_s, chem.id}, {u"title"_s, u"Chem"_s}, {u"slug"_s, u"chem"_s}}));
        QVERIFY(page[1][u"course"_s].isNull());
        QCOMPARE(entries()[0][u"course"_s][u"title"_s].toString(), u"Chem"_s);
        chem.title = u"Chemistry"_s;
        QVERIFY(m_store->saveCourse(chem));
        QCOMPARE(entries()[0][u"course"_s][u"title"_s].toString(), u"Chemistry"_s);
        QVERIFY(m_store->deleteCourse(chem.id));
        page = entries();
        QVERIFY(page[0][u"course"_s].isNull());
        QVERIFY(page[0][u"course_id"_s].isNull());
        Profile profile = m_store->profile().value();
        profile.displayName = u"Ada"_s;
        QVERIFY(m_store->saveProfile(profile));
        QCOMPARE(entries()[1][u"author"_s][u"display_name"_s].toString(), u"Ada"_s);
    }

    void aPageIsTheJsonQtWritesForIt()
    {
        // The list is written straight to bytes: they must be what QJsonDocument writes for the parsed page (keys in
        // sorted order, the same escapes), for every kind of text a note holds.
        const QString tricky
            = u"quote \" backslash \\ slash / tab\t newline\n cr\r backspace\b formfeed\f bell\u0007 nul-less \u001f "
              "del \u007f é 学 🚀 👩\u200d🔬 \u2028 \uFEFF"_s;
        Note note;
        note.title = tricky;
        note.description = tricky;
        note.content = u"# "_s + tricky + u"\n\nsecond line"_s;
        note.clientDraftId = u"draft \"1\""_s;
        note.sourceNoteUuid = QUuid::createUuid();
        note.lastEdit = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 7), QTimeZone::UTC);
        saved(note);
        makeNote(u"plain"_s);
        for (const QString &query : {u"/notes/?limit=5"_s, u"/notes/"_s, u"/notes/?q=backslash&limit=5"_s}) {
            const Test::ServerAnswer answer = m_fx->call("GET", query);
            QCOMPARE(answer.status, 200);
            const QJsonDocument parsed = QJsonDocument::fromJson(answer.body);
            QVERIFY2(!parsed.isNull(), answer.body.constData());
            QCOMPARE(answer.body, parsed.toJson(QJsonDocument::Compact));
        }
        const QJsonObject page = list({{u"limit"_s, u"5"_s}});
        QCOMPARE(page[u"results"_s][1][u"title"_s].toString(), tricky);
        QCOMPARE(page[u"results"_s][1][u"client_draft_id"_s].toString(), u"draft \"1\""_s);
        QCOMPARE(page[u"results"_s][1][u"last_edit"_s].toString(), u"2026-01-02T03:04:05.007000+00:00"_s);
    }

    void listEntriesCarryTheBodysPreviewWithoutTheBody()
    {
        const Note note = makeNote(u"T"_s, {}, u"# Heading\n\n  first   line  \n\n## second\nthird\nfourth"_s);
        const QJsonObject entry = list({{u"limit"_s, u"5"_s}})[u"results"_s].toArray().first().toObject();
        QCOMPARE(entry[u"id"_s].toInteger(), note.id);
        QCOMPARE(entry[u"excerpt"_s].toString(), u"# Heading first line ## second third fourth"_s);
        QCOMPARE(entry[u"preview_lines"_s].toArray(), (QJsonArray{u"Heading"_s, u"first   line"_s, u"second"_s}));
        QVERIFY(!entry.contains(u"content"_s));
        const QJsonObject detail = m_fx->call("GET", u"/notes/%1/"_s.arg(note.id)).object();
        QCOMPARE(detail[u"excerpt"_s], entry[u"excerpt"_s]);
        QCOMPARE(detail[u"preview_lines"_s], entry[u"preview_lines"_s]);
    }

    void searchFindsTitleDescriptionAndBodyButNotTheRecycleBin()
    {
        makeNote(u"Eigenvalues"_s);
        makeNote(u"Second"_s, u"about Photosynthesis"_s);
        makeNote(u"Third"_s, {}, u"Body with Grüße and ÜBER text"_s);
        const Note binned = makeNote(u"Binned eigenvalues"_s);
        QVERIFY(m_store->softDeleteNote(binned.id));
        QCOMPARE(found(u"eigenVALUES"_s), QStringList{u"Eigenvalues"_s});
        QCOMPARE(found(u"photosynth"_s), QStringList{u"Second"_s});
        QCOMPARE(found(u"grüße"_s), QStringList{u"Third"_s});
        QCOMPARE(found(u"über"_s), QStringList{u"Third"_s});
        QCOMPARE(found(u"with grü"_s), QStringList{u"Third"_s}); // a substring across words
        QCOMPARE(found(u"values and"_s), QStringList{});
        QCOMPARE(found(u"   "_s), (QStringList{u"Eigenvalues"_s, u"Second"_s, u"Third"_s})); // trimmed: no filter
    }

    void shortQueriesLookInTitleAndDescriptionOnly()
    {
        makeNote(u"Ab note"_s);
        makeNote(u"Other"_s, u"has ab inside"_s);
        makeNote(u"Body only"_s, {}, u"ab in the body"_s);
        makeNote(u"100% sure"_s);
        makeNote(u"snake_case"_s);
        QCOMPARE(found(u"AB"_s), (QStringList{u"Ab note"_s, u"Other"_s}));
        QCOMPARE(found(u"%"_s), QStringList{u"100% sure"_s}); // LIKE wildcards are plain characters
        QCOMPARE(found(u"_"_s), QStringList{u"snake_case"_s});
        QCOMPARE(found(u"📚"_s), QStringList{});
    }

    void searchTakesOperatorsAndQuotesAsPlainText()
    {
        makeNote(u"Quote"_s, {}, u"she said \"hi there\" and left"_s);
        makeNote(u"Ops"_s, {}, u"cats AND dogs OR NOT birds* NEAR(x) title:y"_s);
        makeNote(u"Slash"_s, {}, u"a \\ backslash and 50%_off"_s);
        QCOMPARE(found(u"\"hi there\""_s), QStringList{u"Quote"_s});
        QCOMPARE(found(u"said \"hi"_s), QStringList{u"Quote"_s});
        QCOMPARE(found(u"AND dogs"_s), QStringList{u"Ops"_s});
        QCOMPARE(found(u"birds*"_s), QStringList{u"Ops"_s});
        QCOMPARE(found(u"NEAR(x)"_s), QStringList{u"Ops"_s});
        QCOMPARE(found(u"title:y"_s), QStringList{u"Ops"_s});
        QCOMPARE(found(u"\\ back"_s), QStringList{u"Slash"_s});
        QCOMPARE(found(u"50%_"_s), QStringList{u"Slash"_s});
        for (const QString &odd : {u"\""_s, u"\"\"\""_s, u"AND"_s, u"*"_s, u"NOT"_s, u"(("_s, u"a OR"_s, u"^x"_s,
                 u"-x"_s, u"{a b}"_s, u":"_s, u"'"_s, u"NEAR("_s}) {
            list({{u"q"_s, odd}, {u"limit"_s, u"10"_s}}); // 200, whatever the text
        }
    }

    void theIndexFollowsUpdatesDeletesRestoresAndImports()
    {
        Note note = makeNote(u"Kinetics"_s, {}, u"reaction rates"_s);
        note.content = u"equilibrium constants"_s;
        note = saved(note);
        QCOMPARE(found(u"reaction"_s), QStringList{});
        QCOMPARE(found(u"equilibrium"_s), QStringList{u"Kinetics"_s});
        QVERIFY(m_store->softDeleteNote(note.id));
        QCOMPARE(found(u"equilibrium"_s), QStringList{});
        QVERIFY(m_store->restoreNote(note.id));
        QCOMPARE(found(u"equilibrium"_s), QStringList{u"Kinetics"_s});
        // The API's find-or-update by draft id, which also takes a note out of the bin.
        note.clientDraftId = u"draft-1"_s;
        note = saved(note);
        QVERIFY(m_store->softDeleteNote(note.id));
        QCOMPARE(
            m_fx->callJson("POST", u"/notes/"_s,
                    {{u"client_draft_id"_s, u"draft-1"_s}, {u"title"_s, u"Kinetics"_s}, {u"content"_s, u"catalysts"_s}})
                .status,
            200);
        QCOMPARE(found(u"catalysts"_s), QStringList{u"Kinetics"_s});
        // A restore replaces the account, ids kept: the index holds exactly the imported notes.
        auto snapshot = m_store->snapshot();
        QVERIFY(snapshot);
        snapshot->notes.first().content = u"imported thermodynamics"_s;
        Note extra;
        extra.id = note.id + 50;
        extra.uuid = QUuid::createUuid();
        extra.title = u"Extra"_s;
        extra.content = u"more thermodynamics"_s;
        extra.lastEdit = m_start;
        extra.dateCreated = m_start;
        snapshot->notes.append(extra);
        QVERIFY(m_store->importAccount(*snapshot));
        QCOMPARE(found(u"catalysts"_s), QStringList{});
        QCOMPARE(found(u"thermodynamics"_s), (QStringList{u"Extra"_s, u"Kinetics"_s}));
        QVERIFY(m_store->clearAccount());
        QCOMPARE(found(u"thermodynamics"_s), QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestNoteListing)
#include "test_notelisting.moc"
