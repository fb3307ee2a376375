// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

Note sampleNote()
{
    Note note;
    note.id = 7;
    note.uuid = QUuid(u"0f0e0d0c-0b0a-4908-8706-050403020100"_s);
    note.title = u"Hello"_s;
    note.content = u"Body text"_s;
    note.editorMode = u"G"_s;
    note.lastEdit = QDateTime(QDate(2026, 7, 20), QTime(12, 34, 56), QTimeZone::UTC);
    note.dateCreated = QDateTime(QDate(2026, 7, 1), QTime(8, 0, 0, 500), QTimeZone::UTC);
    note.customMeta = u"{\"tag\": \"demo\"}"_s;
    return note;
}

QStringList frontmatterLines(const QByteArray &file)
{
    const QString text = QString::fromUtf8(file);
    const qsizetype end = text.indexOf(u"\n---\n"_s, 3);
    return text.mid(4, end - 4).split(u'\n');
}

} // namespace

class TestFrontmatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersSystemKeysInUpstreamOrderThenCustomKeys()
    {
        const QByteArray expected = "---\n"
                                    "title: \"Hello\"\n"
                                    "uuid: \"0f0e0d0c-0b0a-4908-8706-050403020100\"\n"
                                    "course_slug: \"inbox\"\n"
                                    "is_public: false\n"
                                    "editor_mode: \"G\"\n"
                                    "last_edit: \"2026-07-20T12:34:56+00:00\"\n"
                                    "date_created: \"2026-07-01T08:00:00.500000+00:00\"\n"
                                    "tag: \"demo\"\n"
                                    "---\n"
                                    "\n"
                                    "Body text\n";
        QCOMPARE(renderNoteMarkdown(sampleNote(), u"inbox"_s), expected);
    }

    void writesNullCourseSlugWhenTheNoteHasNoCourse()
    {
        const QStringList lines = frontmatterLines(renderNoteMarkdown(sampleNote(), QString()));
        QVERIFY(lines.contains(u"course_slug: null"_s));
    }

    void customKeysNeverOverrideSystemKeys()
    {
        Note note = sampleNote();
        note.customMeta = u"{\"title\": \"evil\", \"zeta\": 1, \"course_slug\": \"other\", \"alpha\": [1, \"a\", 2.5],"
                          " \"is_public\": true, \"obj\": {\"k\": null}, \"flag\": false}"_s;
        const QStringList lines = frontmatterLines(renderNoteMarkdown(note, u"inbox"_s));
        const QStringList expected = {u"title: \"Hello\""_s, u"uuid: \"0f0e0d0c-0b0a-4908-8706-050403020100\""_s,
            u"course_slug: \"inbox\""_s, u"is_public: false"_s, u"editor_mode: \"G\""_s,
            u"last_edit: \"2026-07-20T12:34:56+00:00\""_s, u"date_created: \"2026-07-01T08:00:00.500000+00:00\""_s,
            u"zeta: 1"_s, u"alpha: [1, \"a\", 2.5]"_s, u"obj: {\"k\": null}"_s, u"flag: false"_s};
        QCOMPARE(lines, expected);
        const auto parsed = parseNoteMarkdown(renderNoteMarkdown(note, u"inbox"_s));
        QVERIFY(parsed);
        QCOMPARE(parsed->frontmatter.value(u"title"_s).toString(), u"Hello"_s);
        QCOMPARE(parsed->frontmatter.value(u"course_slug"_s).toString(), u"inbox"_s);
        QCOMPARE(parsed->frontmatter.value(u"is_public"_s).toBool(), false);
        QCOMPARE(parsed->frontmatter.value(u"zeta"_s).toLongLong(), 1);
        QCOMPARE(parsed->frontmatter.value(u"alpha"_s).toList().size(), 3);
        QVERIFY(parsed->frontmatter.value(u"obj"_s).toMap().value(u"k"_s).isNull());
    }

    void quotesCustomKeysThatAreNotPlainIdentifiers()
    {
        Note note = sampleNote();
        note.customMeta = u"{\"with space\": \"a\", \"true\": 1, \"x:y\": 2, \"\u00e9\": 3, \"ok_2\": 4}"_s;
        const QByteArray file = renderNoteMarkdown(note, QString());
        const QStringList lines = frontmatterLines(file).mid(7);
        const QStringList expected
            = {u"\"with space\": \"a\""_s, u"\"true\": 1"_s, u"\"x:y\": 2"_s, u"\"\u00e9\": 3"_s, u"ok_2: 4"_s};
        QCOMPARE(lines, expected);
        const auto parsed = parseNoteMarkdown(file, FrontmatterDialect::Yaml);
        QVERIFY(parsed);
        QCOMPARE(parsed->frontmatter.value(u"with space"_s).toString(), u"a"_s);
        QCOMPARE(parsed->frontmatter.value(u"true"_s).toLongLong(), 1);
        QCOMPARE(parsed->frontmatter.value(u"x:y"_s).toLongLong(), 2);
    }

    void keepsUndecodableCustomMetaAsInvalidJson()
    {
        Note note = sampleNote();
        note.customMeta = u"{not json"_s;
        QVERIFY(frontmatterLines(renderNoteMarkdown(note, QString())).contains(u"_invalid_json: \"{not json\""_s));
        note.customMeta = u"[1, 2]"_s; // not an object: ignored, as upstream
        QCOMPARE(frontmatterLines(renderNoteMarkdown(note, QString())).size(), 7);
    }

    void roundTripsTitleCustomValuesAndBody_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("content");
        QTest::newRow("plain") << u"Plain"_s << u"v"_s << u"text"_s;
        QTest::newRow("quotes") << u"He said \"hi\" and 'bye'"_s << u"\"quoted\""_s << u"\"x\""_s;
        QTest::newRow("backslashes") << u"C:\\new\\table"_s << u"\\\\server\\share \\\""_s << u"a\\nb"_s;
        QTest::newRow("newlines") << u"line one\nline two\r\nthree"_s << u"a\nb\tc"_s << u"p1\n\np2\n"_s;
        QTest::newRow("unicode") << u"\u00c9t\u00e9 \u4e2d\u6587 \U0001F600 \u00a0nbsp"_s << u"\u2028\u0085"_s
                                 << u"\u00fcber \U0001F600"_s;
        QTest::newRow("yaml lookalikes") << u"- [x]: {y} # z & *a !t | > % @"_s << u"true"_s << u"---\nnot fm\n---"_s;
        QTest::newRow("numbers as strings") << u"123"_s << u"1.5"_s << QString();
        QTest::newRow("spaces kept") << u"  padded  "_s << u" "_s << u"\n\nleading newlines"_s;
        QTest::newRow("control characters") << u"bell\x07 nul-less\x1b"_s << u"\x01"_s << u"\x7f"_s;
    }

    void roundTripsTitleCustomValuesAndBody()
    {
        QFETCH(QString, title);
        QFETCH(QString, value);
        QFETCH(QString, content);
        Note note = sampleNote();
        note.title = title;
        note.content = content;
        note.customMeta = QString::fromUtf8(QJsonDocument(QJsonObject{{u"custom"_s, value}}).toJson());
        const QByteArray file = renderNoteMarkdown(note, u"inbox"_s);
        QCOMPARE(frontmatterLines(file).size(), 8); // one line per key: newlines inside values are escapes
        const auto parsed = parseNoteMarkdown(file, FrontmatterDialect::Yaml);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message()));
        QCOMPARE(parsed->frontmatter.value(u"title"_s).toString(), title);
        QCOMPARE(parsed->frontmatter.value(u"custom"_s).toString(), value);
        QCOMPARE(parsed->frontmatter.value(u"custom"_s).typeId(), QMetaType::QString);
        QCOMPARE(parsed->frontmatter.value(u"uuid"_s).toString(), note.uuid.toString(QUuid::WithoutBraces));
        QCOMPARE(parsed->frontmatter.value(u"last_edit"_s).toString(), u"2026-07-20T12:34:56+00:00"_s);
        QCOMPARE(parsed->body, content);
    }

    void parsesUpstreamLineFormat()
    {
        // Upstream escapes only '"', leaves backslashes, quotes numbers and writes dicts as Python repr.
        const QByteArray upstream = "---\n"
                                    "title: \"He said \\\"hi\\\"\"\n"
                                    "uuid: \"0f0e0d0c-0b0a-4908-8706-050403020100\"\n"
                                    "course_slug: null\n"
                                    "is_public: true\n"
                                    "editor_mode: \"G\"\n"
                                    "last_edit: \"2026-07-20T12:34:56.123456+00:00\"\n"
                                    "date_created: \"2026-07-01T08:00:00+00:00\"\n"
                                    "path: \"C:\\Users\\me\"\n"
                                    "nested: \"{'a': 1, 'b': [True, None]}\"\n"
                                    "count: \"3\"\n"
                                    "---\n"
                                    "\n"
                                    "Body\n";
        const auto parsed = parseNoteMarkdown(upstream);
        QVERIFY(parsed);
        const QVariantMap &fm = parsed->frontmatter;
        QCOMPARE(fm.value(u"title"_s).toString(), u"He said \"hi\""_s);
        QVERIFY(fm.contains(u"course_slug"_s));
        QVERIFY(fm.value(u"course_slug"_s).isNull());
        QCOMPARE(fm.value(u"is_public"_s), QVariant(true));
        QCOMPARE(fm.value(u"path"_s).toString(), u"C:\\Users\\me"_s);
        QCOMPARE(fm.value(u"nested"_s).toString(), u"{'a': 1, 'b': [True, None]}"_s);
        QCOMPARE(fm.value(u"count"_s).toString(), u"3"_s);
        QCOMPARE(parsed->body, u"Body"_s);
    }

    void upstreamDialectLeavesBackslashesAlone()
    {
        const QByteArray upstream = "---\ntitle: \"a\\nb\"\nis_public: false\n---\n\nx\n";
        const auto lines = parseNoteMarkdown(upstream, FrontmatterDialect::UpstreamLines);
        QVERIFY(lines);
        QCOMPARE(lines->frontmatter.value(u"title"_s).toString(), u"a\\nb"_s);
        QCOMPARE(lines->frontmatter.value(u"is_public"_s), QVariant(false));
    }

    void upstreamLineReaderReadsOurSystemKeys()
    {
        // What the web backend's restore script reads from our files: title, course_slug, is_public, editor_mode.
        const auto parsed
            = parseNoteMarkdown(renderNoteMarkdown(sampleNote(), u"inbox"_s), FrontmatterDialect::UpstreamLines);
        QVERIFY(parsed);
        QCOMPARE(parsed->frontmatter.value(u"title"_s).toString(), u"Hello"_s);
        QCOMPARE(parsed->frontmatter.value(u"course_slug"_s).toString(), u"inbox"_s);
        QCOMPARE(parsed->frontmatter.value(u"is_public"_s), QVariant(false));
        QCOMPARE(parsed->frontmatter.value(u"editor_mode"_s).toString(), u"G"_s);
        QCOMPARE(parsed->frontmatter.value(u"tag"_s).toString(), u"demo"_s);
    }

    void toleratesCrlf()
    {
        QByteArray file = renderNoteMarkdown(sampleNote(), u"inbox"_s);
        file.replace("\n", "\r\n");
        const auto parsed = parseNoteMarkdown(file);
        QVERIFY(parsed);
        QCOMPARE(parsed->frontmatter.value(u"title"_s).toString(), u"Hello"_s);
        QCOMPARE(parsed->frontmatter.value(u"tag"_s).toString(), u"demo"_s);
        QCOMPARE(parsed->body, u"Body text"_s);
    }

    void readsFilesWithoutFrontmatterAsBody_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::newRow("none") << QByteArray("# Just markdown\n");
        QTest::newRow("unclosed") << QByteArray("---\ntitle: \"x\"\nno closing line\n");
        QTest::newRow("empty") << QByteArray();
    }

    void readsFilesWithoutFrontmatterAsBody()
    {
        QFETCH(QByteArray, file);
        const auto parsed = parseNoteMarkdown(file);
        QVERIFY(parsed);
        QVERIFY(parsed->frontmatter.isEmpty());
        QCOMPARE(parsed->body, QString::fromUtf8(file));
    }

    void rejectsInvalidUtf8()
    {
        const auto parsed = parseNoteMarkdown("---\ntitle: \"\xff\xfe\"\n---\n\nx\n");
        QVERIFY(!parsed);
        QVERIFY(parsed.error().message().contains(u"Core.Export/parse_note \u2014"_s));
    }
};

QTEST_GUILESS_MAIN(TestFrontmatter)
#include "test_frontmatter.moc"
