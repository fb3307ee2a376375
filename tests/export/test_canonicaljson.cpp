// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;

// Expected outputs were produced by Python 3: json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) + "\n".
class TestCanonicalJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesPythonJsonDumpsByteForByte_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty object") << QJsonValue(QJsonObject()) << QByteArray("{}\n");
        QTest::newRow("empty array") << QJsonValue(QJsonArray()) << QByteArray("[]\n");
        QTest::newRow("nested") << QJsonValue(QJsonObject{{u"b"_s, 1}, {u"a"_s, QJsonArray{1, 2.5, u"x"_s}},
            {u"c"_s, QJsonObject()}, {u"d"_s, QJsonArray()}, {u"e"_s, QJsonValue::Null}, {u"f"_s, true},
            {u"g"_s, QJsonObject{{u"y"_s, false}, {u"x"_s, QJsonArray{QJsonArray()}}}}})
                                << QByteArray(
                                       "{\n  \"a\": [\n    1,\n    2.5,\n    \"x\"\n  ],\n  \"b\": 1,\n  \"c\": {},\n"
                                       "  \"d\": [],\n  \"e\": null,\n  \"f\": true,\n  \"g\": {\n    \"x\": [\n"
                                       "      []\n    ],\n    \"y\": false\n  }\n}\n");
        QTest::newRow("escapes") << QJsonValue(
            QJsonArray{u"quote\" back\\ nl\n cr\r tab\t bs\b ff\f ctl\x01\x1f del\x7f \u00e9 \U0001F600 \u2028 /"_s})
                                 << QByteArray(
                                        "[\n  \"quote\\\" back\\\\ nl\\n cr\\r tab\\t bs\\b ff\\f ctl\\u0001\\u001f "
                                        "del\x7f \xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa8 /\"\n]\n");
        QTest::newRow("keys by code point")
            << QJsonValue(QJsonObject{
                   {u"\u00e9"_s, 1}, {u"z"_s, 2}, {u"\U0001F600"_s, 3}, {u"\uffff"_s, 4}, {u"A"_s, 5}, {u"a b"_s, 6}})
            << QByteArray("{\n  \"A\": 5,\n  \"a b\": 6,\n  \"z\": 2,\n  \"\xc3\xa9\": 1,\n"
                          "  \"\xef\xbf\xbf\": 4,\n  \"\xf0\x9f\x98\x80\": 3\n}\n");
        QTest::newRow("floats as Python repr")
            << QJsonValue(QJsonArray{
                   0.1, 1e16, 1e-5, 0.0001, 123456789.125, 1e22, -2.5e-7, 1.7976931348623157e308, 5e-324, 2.5})
            << QByteArray("[\n  0.1,\n  1e+16,\n  1e-05,\n  0.0001,\n  123456789.125,\n  1e+22,\n  -2.5e-07,\n"
                          "  1.7976931348623157e+308,\n  5e-324,\n  2.5\n]\n");
        QTest::newRow("integers") << QJsonValue(
            QJsonArray{0, -1, qint64(9007199254740993LL), std::numeric_limits<qint64>::min()})
                                  << QByteArray("[\n  0,\n  -1,\n  9007199254740993,\n  -9223372036854775808\n]\n");
        QTest::newRow("scalar string") << QJsonValue(u"x"_s) << QByteArray("\"x\"\n");
    }

    void matchesPythonJsonDumpsByteForByte()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(canonicalJson(value), expected);
    }

    void writesIntegralFloatsAsIntegersBecauseQJsonValueMergesThem()
    {
        // Known divergence: QJsonValue stores 1.0 as the integer 1 (and -0.0 as 0), so where Python writes
        // [1.0, 2, 100.0, -3] we write integers. Non-integral floats and all integers match byte for byte.
        const QJsonDocument parsed = QJsonDocument::fromJson("[1.0, 2, 1e2, -3, 0.5]");
        QCOMPARE(canonicalJson(parsed.array()), QByteArray("[\n  1,\n  2,\n  100,\n  -3,\n  0.5\n]\n"));
    }

    void formatsTimestampsLikePythonIsoformat_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("expected");
        QTest::newRow("milliseconds") << QDateTime(QDate(2026, 7, 20), QTime(12, 34, 56, 123), QTimeZone::UTC)
                                      << u"2026-07-20T12:34:56.123000+00:00"_s;
        QTest::newRow("no fraction when zero")
            << QDateTime(QDate(2026, 7, 20), QTime(12, 34, 56), QTimeZone::UTC) << u"2026-07-20T12:34:56+00:00"_s;
        QTest::newRow("converted to UTC")
            << QDateTime(QDate(2026, 1, 1), QTime(1, 0, 0, 5), QTimeZone::fromSecondsAheadOfUtc(2 * 3600))
            << u"2025-12-31T23:00:00.005000+00:00"_s;
        QTest::newRow("invalid is empty") << QDateTime() << QString();
    }

    void formatsTimestampsLikePythonIsoformat()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, expected);
        QCOMPARE(isoTimestamp(time), expected);
    }
};

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "test_canonicaljson.moc"
