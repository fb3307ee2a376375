// SPDX-License-Identifier: GPL-3.0-or-later
// ExportPipeline over a real SQLite store: the one materialization of push, sync, preview and the CLI's export.
#include "demodata.h"
#include "exportpipeline.h"
#include "fakeclock.h"
#include "pushservice.h"
#include "store.h"
#include "syncstate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

const QDateTime kFirstRun(QDate(2026, 3, 1), QTime(9, 30, 15, 250), QTimeZone::UTC);

QMap<QString, QByteArray> filesOf(const ExportTree &tree)
{
    QMap<QString, QByteArray> files;
    for (const ExportFile &file : tree.files) {
        files.insert(file.path, file.bytes);
    }
    return files;
}

QString exportedAtOf(const ExportTree &tree)
{
    const ExportFile *manifest = tree.find(u"manifest.json"_s);
    return manifest ? QJsonDocument::fromJson(manifest->bytes).object().value(u"exported_at"_s).toString() : QString();
}

} // namespace

class TestExportPipeline : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    FakeClock m_clock{kFirstRun};
    std::unique_ptr<Store> m_store;

    ExportTree exportWith(const QByteArray &previousManifest)
    {
        auto tree = ExportPipeline(*m_store, m_clock, false).tree(previousManifest);
        if (!tree) {
            qWarning().noquote() << tree.error().message();
            return {};
        }
        return *tree;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock.set(kFirstRun);
        auto opened = Store::open(m_dir->filePath(u"data/notechondria.sqlite"_s), &m_clock);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
        m_store = std::move(*opened);
        DemoOptions demo;
        demo.notes = 12;
        QVERIFY(generateDemoData(*m_store, demo, m_clock));
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void sameInputGivesByteIdenticalFiles()
    {
        const ExportTree first = exportWith({});
        QVERIFY(first.files.size() > 12);
        const QByteArray manifest = first.find(u"manifest.json"_s)->bytes;
        QCOMPARE(filesOf(exportWith({})), filesOf(first));
        QCOMPARE(filesOf(exportWith(manifest)), filesOf(first));
    }

    void exportedAtIsTheClocksNowWithoutAPreviousManifest()
    {
        const ExportTree tree = exportWith({});
        QCOMPARE(tree.exportedAt, kFirstRun);
        QCOMPARE(exportedAtOf(tree), isoTimestamp(kFirstRun));
    }

    void keepsThePreviousManifestsTimestampsWhenNoFileChanged()
    {
        const ExportTree first = exportWith({});
        const QByteArray manifest = first.find(u"manifest.json"_s)->bytes;
        m_clock.advance(3600);
        const ExportTree later = exportWith(manifest);
        QCOMPARE(later.exportedAt, kFirstRun);
        QCOMPARE(filesOf(later), filesOf(first)); // README's "Last sync" too

        auto notes = m_store->notes();
        QVERIFY(notes && !notes->isEmpty());
        auto note = m_store->note(notes->first().id);
        QVERIFY(note && note->has_value());
        Note edited = **note;
        edited.content = u"edited after the first export"_s;
        QVERIFY(m_store->saveNote(edited));
        const ExportTree changed = exportWith(manifest);
        QCOMPARE(changed.exportedAt, m_clock.now());
        QCOMPARE(exportedAtOf(changed), isoTimestamp(m_clock.now()));
    }

    void invalidPreviousManifestIsIgnoredTheSameWayByEveryCaller_data()
    {
        QTest::addColumn<QByteArray>("manifest");
        QTest::newRow("not JSON") << "not a manifest"_ba;
        QTest::newRow("array") << "[1, 2]"_ba;
        QTest::newRow("no checksums_sha256") << R"({"exported_at": "2026-03-01T09:30:15+00:00"})"_ba;
        QTest::newRow("unparseable time") << R"({"exported_at": "yesterday", "checksums_sha256": "00"})"_ba;
        QTest::newRow("time not a string") << R"({"exported_at": 12, "checksums_sha256": "00"})"_ba;
    }

    void invalidPreviousManifestIsIgnoredTheSameWayByEveryCaller()
    {
        QFETCH(QByteArray, manifest);
        QVERIFY(!ExportPipeline::isUsableManifest(manifest));
        m_clock.advance(60);
        const QMap<QString, QByteArray> fresh = filesOf(exportWith({}));

        // The CLI's export and the preview route call the pipeline directly.
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(u"^Previous manifest ignored: Core.Sync/export \u2014 "_s));
        const ExportTree direct = exportWith(manifest);
        QCOMPARE(direct.exportedAt, m_clock.now());
        QCOMPARE(filesOf(direct), fresh);

        // Push, sync and the preview materialize through LocalState.
        Store::IntegrationUpdate link;
        link.installationId = u"7"_s;
        link.accountLogin = u"octo"_s;
        link.repoFullName = u"octo/backup"_s;
        QVERIFY(m_store->connectIntegration(link));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^Previous manifest ignored: "_s));
        auto local = LocalState::prepare(*m_store, m_clock, false, manifest);
        QVERIFY2(local, local ? "" : qPrintable(local.error().message()));
        QCOMPARE(filesOf(local->tree), fresh);
    }

    void previewMaterializesWithTheClocksNow()
    {
        Store::IntegrationUpdate link;
        link.installationId = u"7"_s;
        link.accountLogin = u"octo"_s;
        link.repoFullName = u"octo/backup"_s;
        QVERIFY(m_store->connectIntegration(link));
        m_clock.advance(120);
        PushService service(m_store.get(), nullptr, &m_clock);
        auto preview = service.previewExport(false);
        QVERIFY2(preview, preview ? "" : qPrintable(preview.error().message()));
        QCOMPARE(preview->tree.exportedAt, m_clock.now());
        QCOMPARE(filesOf(preview->tree), filesOf(exportWith({})));
        QVERIFY(std::ranges::all_of(preview->statuses, [](const auto &entry) { return entry.second == u"added"_s; }));
    }
};

QTEST_GUILESS_MAIN(TestExportPipeline)
#include "test_exportpipeline.moc"
