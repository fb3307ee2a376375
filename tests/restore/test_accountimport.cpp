// SPDX-License-Identifier: GPL-3.0-or-later
// `notechondria-sync import` run as a user would (the built binary through QProcess) against a second, real local
// server on loopback filled with demo data: the account comes home with the same note files, a rerun imports nothing
// and fetches no note, an edit on the server comes in alone, and a dry run writes nothing.
#include "demodata.h"
#include "exporter.h"
#include "localserverfixture.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

struct Run
{
    int exitCode = -1;
    QJsonObject summary; ///< the last stdout line
    QString err;
};

/// The export's files below notes/ and courses/, by path.
QHash<QString, QByteArray> noteAndCourseFiles(const Store &store, const Clock &clock)
{
    auto snapshot = store.snapshot(false);
    ExportOptions options;
    options.now = clock.now();
    QHash<QString, QByteArray> files;
    for (const ExportFile &file : materialize(snapshot.value(), options).files) {
        if (file.path.startsWith(u"notes/"_s) && file.path.endsWith(u".md"_s))
            files.insert(file.path, file.bytes);
        else if (file.path.startsWith(u"courses/"_s))
            files.insert(file.path, file.bytes);
    }
    return files;
}

} // namespace

class TestAccountImport : public QObject
{
    Q_OBJECT

    FakeClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::UTC)};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalServerFixture> m_source;

    /// Runs the CLI on the target data folder while this event loop keeps serving the source server.
    Run run(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            QStringList{u"--data"_s, m_dir->filePath(u"target"_s), u"import"_s, u"--api-base"_s,
                m_source->server->baseUrl().toString(), u"--token"_s, m_source->server->apiKey()}
                + arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        Run result;
        if (!finished.wait(120'000)) {
            process.kill();
            process.waitForFinished();
        }
        result.exitCode = process.exitCode();
        const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
        result.summary = QJsonDocument::fromJson(lines.join('\n')).object();
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    std::unique_ptr<Store> openTarget()
    {
        auto store = Store::open(QDir(m_dir->filePath(u"target"_s)).filePath(u"notechondria.sqlite"_s), &m_clock);
        return store ? std::move(*store) : nullptr;
    }

    static int count(const Run &r, const QString &part, const QString &what)
    {
        return r.summary.value(part).toObject().value(what).toInt(-1);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_source = std::make_unique<LocalServerFixture>();
        QVERIFY2(m_source->setUp(LocalServerFixture::offline(&m_clock, m_dir->filePath(u"source.sqlite"_s))),
            qPrintable(m_source->problem));
        DemoOptions demo;
        demo.notes = 40;
        demo.seed = 11;
        QVERIFY(generateDemoData(*m_source->store, demo, m_clock));
    }

    void cleanup()
    {
        m_source.reset();
        m_dir.reset();
    }

    void theAccountComesHomeAndARerunImportsNothing()
    {
        const Run first = run({});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        auto liveNotes = m_source->store->notes({});
        QVERIFY(liveNotes);
        QCOMPARE(count(first, u"notes"_s, u"created"_s), liveNotes->size());
        QCOMPARE(count(first, u"notes"_s, u"failed"_s), 0);
        QVERIFY(first.summary.value(u"changed"_s).toBool());

        {
            auto target = openTarget();
            QVERIFY(target);
            // Every note's Markdown (frontmatter: title, uuid, course slug, times, custom meta; the content) and every
            // course file but its local id is the source's.
            const QHash<QString, QByteArray> source = noteAndCourseFiles(*m_source->store, m_clock);
            const QHash<QString, QByteArray> home = noteAndCourseFiles(*target, m_clock);
            QCOMPARE(home.keys().size(), source.keys().size());
            for (auto it = source.cbegin(); it != source.cend(); ++it) {
                QVERIFY2(home.contains(it.key()), qPrintable(it.key()));
                if (it.key().endsWith(u".md"_s))
                    QCOMPARE(home.value(it.key()), it.value());
            }
            QCOMPARE(target->events()->size(), m_source->store->events()->size());
            QCOMPARE(target->feeds()->size(), m_source->store->feeds()->size());
            QCOMPARE(target->profile()->username, m_source->store->profile()->username);
        }

        const Run again = run({});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(!again.summary.value(u"changed"_s).toBool(), QJsonDocument(again.summary).toJson().constData());
        QCOMPARE(count(again, u"notes"_s, u"unchanged"_s), liveNotes->size());
        // The lists only: settings, courses, one page of notes, the bin, events, feeds. No note is fetched again.
        QCOMPARE(again.summary.value(u"requests"_s).toInt(), 6);
    }

    void anEditOnTheServerComesInAlone()
    {
        QVERIFY(run({}).exitCode == 0);
        auto notes = m_source->store->notes({});
        QVERIFY(notes && !notes->isEmpty());
        Note edited = *m_source->store->note(notes->first().id).value();
        edited.content += u"\n\nEdited on the web."_s;
        edited.lastEdit = m_clock.now().addSecs(60);
        QVERIFY(m_source->store->saveNote(edited));

        const Run dry = run({u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY(dry.summary.value(u"dry_run"_s).toBool());
        QCOMPARE(count(dry, u"notes"_s, u"updated"_s), 1);
        {
            auto target = openTarget();
            QVERIFY(target);
            QVERIFY(!target->noteByUuid(edited.uuid).value()->content.endsWith(u"Edited on the web."_s));
        }

        const Run real = run({});
        QVERIFY2(real.exitCode == 0, qPrintable(real.err));
        QCOMPARE(count(real, u"notes"_s, u"updated"_s), 1);
        QCOMPARE(count(real, u"notes"_s, u"unchanged"_s), notes->size() - 1);
        auto target = openTarget();
        QVERIFY(target);
        QCOMPARE(target->noteByUuid(edited.uuid).value()->content, edited.content);
    }

    void aWrongKeyStopsWithAClearErrorAndAssetsAreRefused()
    {
        QProcess process;
        process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            {u"--data"_s, m_dir->filePath(u"target"_s), u"import"_s, u"--api-base"_s,
                m_source->server->baseUrl().toString(), u"--token"_s, u"ntc_0000000000000000000000000000wrong"_s});
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(60'000));
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(u"Import stopped (what was imported is kept): "_s), qPrintable(err));
        QVERIFY(!err.contains(u"wrong"_s)); // the key is never printed

        const Run assets = run({u"--include-assets"_s});
        QCOMPARE(assets.exitCode, 2);
        QVERIFY(assets.err.contains(u"--include-assets is not supported yet"_s));
    }
};

QTEST_GUILESS_MAIN(TestAccountImport)
#include "test_accountimport.moc"
