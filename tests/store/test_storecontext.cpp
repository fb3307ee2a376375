// SPDX-License-Identifier: GPL-3.0-or-later
// StoreContext (the connection and statement helpers every store part runs through) and the StoreSql conversions.
#include "account.h"
#include "storepartfixture.h"
#include "storesql.h"

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::StorePartFixture;

class TestStoreContext : public QObject
{
    Q_OBJECT

private:
    Files m_files;

    static qint64 fileCount(const StoreContext &context) { return scalar(context, u"SELECT count(*) FROM files"_s); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void aFailedStatementGivesAThreePartError()
    {
        auto context = m_files.freshContext();
        QVERIFY(context);
        auto q = context->exec(u"SELECT nope FROM nowhere"_s, {}, u"Cannot list things"_s, u"Core.Store/things"_s);
        QVERIFY(!q);
        QCOMPARE(q.error().consequence, u"Cannot list things"_s);
        QCOMPARE(q.error().module, u"Core.Store/things"_s);
        QVERIFY2(q.error().cause.contains(u"nowhere"_s), qPrintable(q.error().cause));
    }

    void saveRowInsertsThenUpdatesAndRefusesAMissingRow()
    {
        auto context = m_files.freshContext();
        QVERIFY(context);
        const QStringList columns{u"file_name"_s, u"content_type"_s, u"bytes"_s};
        auto id = context->saveRow(u"files"_s, columns, {u"a.txt"_s, u"text/plain"_s, QByteArray("one")}, 0, u"file"_s,
            u"Cannot save"_s, u"Test/save"_s);
        QVERIFY(id);
        QVERIFY(*id > 0);
        auto same = context->saveRow(u"files"_s, columns, {u"b.txt"_s, u"text/plain"_s, QByteArray("two")}, *id,
            u"file"_s, u"Cannot save"_s, u"Test/save"_s);
        QVERIFY(same);
        QCOMPARE(*same, *id);
        QCOMPARE(fileCount(*context), 1);
        auto q = context->exec(u"SELECT file_name, bytes FROM files WHERE id = ?"_s, {*id}, u"x"_s, u"y"_s);
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toString(), u"b.txt"_s);
        QCOMPARE(q->value(1).toByteArray(), QByteArray("two"));

        auto missing = context->saveRow(u"files"_s, columns, {u"c"_s, u""_s, QByteArray("x")}, *id + 100, u"file"_s,
            u"Cannot save"_s, u"Test/save"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().message(), u"Cannot save: Test/save \u2014 no file with id %1"_s.arg(*id + 100));
        QCOMPARE(fileCount(*context), 1);
    }

    void replaceFileDeletesTheOldFileAndSkipsAnEmptyOne()
    {
        auto context = m_files.freshContext();
        QVERIFY(context);
        auto first = context->insertFile(StoredFile{u"a.png"_s, u"image/png"_s, QByteArray("png")}, u"x"_s, u"y"_s);
        QVERIFY(first && first->has_value());
        auto second
            = context->replaceFile(*first, StoredFile{u"b.png"_s, u"image/png"_s, QByteArray("b")}, u"x"_s, u"y"_s);
        QVERIFY(second && second->has_value());
        QVERIFY(**second != **first);
        QCOMPARE(fileCount(*context), 1);
        QCOMPARE(scalar(*context, u"SELECT count(*) FROM files WHERE id = ?"_s, {**first}), 0);

        auto none = context->replaceFile(*second, StoredFile{}, u"x"_s, u"y"_s);
        QVERIFY(none);
        QVERIFY(!none->has_value());
        QCOMPARE(fileCount(*context), 0);
    }

    void aFailedTransactionRollsBackOnlyItsOwnWork()
    {
        auto context = m_files.freshContext();
        QVERIFY(context);
        const auto insert = [&](const QString &name) {
            return context->insertFile(StoredFile{name, u"text/plain"_s, QByteArray("x")}, u"x"_s, u"y"_s)
                .transform([](const std::optional<qint64> &) { });
        };
        auto outer = context->transaction([&]() -> Result<void> {
            if (auto kept = insert(u"kept"_s); !kept) {
                return kept;
            }
            auto inner = context->transaction([&]() -> Result<void> {
                if (auto lost = insert(u"lost"_s); !lost) {
                    return lost;
                }
                return fail(u"Cannot do it"_s, u"Test/inner"_s, u"on purpose"_s);
            });
            return inner ? fail(u"x"_s, u"y"_s, u"the inner work should have failed"_s) : Result<void>();
        });
        QVERIFY2(outer, qPrintable(outer ? QString() : outer.error().message()));
        QCOMPARE(fileCount(*context), 1);
        QCOMPARE(scalar(*context, u"SELECT count(*) FROM files WHERE file_name = 'kept'"_s), 1);

        auto failed = context->transaction([&]() -> Result<void> {
            if (auto lost = insert(u"lost again"_s); !lost) {
                return lost;
            }
            return fail(u"Cannot do it"_s, u"Test/outer"_s, u"on purpose"_s);
        });
        QVERIFY(!failed);
        QCOMPARE(failed.error().module, u"Test/outer"_s);
        QCOMPARE(fileCount(*context), 1);
    }

    void aReadSnapshotSeesOneStateOfTheFile()
    {
        const QString path = m_files.freshPath();
        auto reader = openContext(path, &m_files.clock);
        auto writer = openContext(path, &m_files.clock);
        QVERIFY(reader && writer);
        const auto addFile = [&] {
            return writer->run(u"INSERT INTO files (file_name, content_type, bytes) VALUES ('f', 't', x'00')"_s, {},
                u"Cannot write"_s, u"Test/write"_s);
        };
        QVERIFY(addFile());
        const QString count = u"SELECT count(*) FROM files"_s;
        qint64 before = -1;
        qint64 after = -1;
        QVERIFY(reader->readSnapshot([&]() -> Result<void> {
            before = scalar(*reader, count);
            if (auto written = addFile(); !written) {
                return written;
            }
            after = scalar(*reader, count);
            return {};
        }));
        QCOMPARE(before, 1);
        QCOMPARE(after, 1); // the other connection's write is not in the snapshot
        QCOMPARE(scalar(*reader, count), 2);
        // Inside a transaction it joins that one (no nested BEGIN); a failure inside still fails the snapshot.
        QVERIFY(reader->transaction([&]() -> Result<void> {
            return reader->readSnapshot([&]() -> Result<void> {
                return scalar(*reader, count) == 2 ? Result<void>() : std::unexpected(Error{u"x"_s, u"y"_s, u"z"_s});
            });
        }));
        const auto failed = reader->readSnapshot(
            []() -> Result<void> { return std::unexpected(Error{u"Cannot list"_s, u"Test"_s, u"on purpose"_s}); });
        QVERIFY(!failed);
        QCOMPARE(failed.error().cause, u"on purpose"_s);
        QCOMPARE(scalar(*reader, count), 2);
    }

    void nowIsTheClocksTimeInUtc()
    {
        auto context = m_files.freshContext();
        QVERIFY(context);
        m_files.clock.set(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::fromSecondsAheadOfUtc(3600)));
        QCOMPARE(context->now(), QDateTime(QDate(2026, 1, 2), QTime(2, 4, 5), QTimeZone::UTC));
        QCOMPARE(context->now().timeSpec(), Qt::UTC);
        m_files.clock.set(start);
    }

    void valuesBindAsTheSchemaExpects()
    {
        QCOMPARE(StoreSql::fromDateTime(start).toString(), u"2026-07-20T12:34:56.123Z"_s);
        QVERIFY(StoreSql::fromDateTime(std::optional<QDateTime>()).isNull());
        QCOMPARE(StoreSql::toDateTime(u"2026-07-20T12:34:56.123Z"_s), std::optional<QDateTime>(start));
        QCOMPARE(StoreSql::toDateTime(u"not a date"_s), std::nullopt);
        QCOMPARE(StoreSql::fromDate(QDate(2026, 2, 3)).toString(), u"2026-02-03"_s);
        QVERIFY(!StoreSql::text(QString()).isNull());
        QVERIFY(StoreSql::fromText(std::nullopt).isNull());
        QVERIFY(!StoreSql::blob(QByteArray()).isNull());
        QVERIFY(StoreSql::fromId(std::nullopt).isNull());
        QCOMPARE(StoreSql::toId(QVariant(qint64(7))), std::optional<qint64>(7));
        const QUuid uuid = QUuid::fromString(u"12345678-1234-1234-1234-123456789abc"_s);
        QCOMPARE(StoreSql::fromUuid(uuid).toString(), u"12345678-1234-1234-1234-123456789abc"_s);
    }
};

QTEST_GUILESS_MAIN(TestStoreContext)
#include "test_storecontext.moc"
