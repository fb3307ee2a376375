// SPDX-License-Identifier: GPL-3.0-or-later
// "Import from server…" clicked offscreen: the app's local server imports an account from a second real local server
// (demo data, real SQLite, real HTTP on loopback), the dialog follows it and says what came in; importing again says
// nothing came; a wrong key is said in words and changes nothing.
#include "demodata.h"
#include "importdialog.h"
#include "localserverfixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestImportDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalServerFixture> m_source;
    std::unique_ptr<LocalServerFixture> m_app;

    /// Fills the form and clicks Import; waits for the outcome (finished or failed).
    static void importWith(ImportDialog &dialog, const QString &url, const QString &key)
    {
        dialog.findChild<QLineEdit *>(u"importUrlEdit"_s)->setText(url);
        dialog.findChild<QLineEdit *>(u"importKeyEdit"_s)->setText(key);
        auto *start = dialog.findChild<QPushButton *>(u"importStartButton"_s);
        QVERIFY(start && start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
    }

private Q_SLOTS:
    void init()
    {
        m_source = std::make_unique<LocalServerFixture>();
        QVERIFY2(m_source->setUp(LocalServerFixture::offline(nullptr)), qPrintable(m_source->problem));
        DemoOptions demo;
        demo.notes = 12;
        QVERIFY(generateDemoData(*m_source->store, demo, *m_source->clock));
        m_app = std::make_unique<LocalServerFixture>();
        auto options = LocalServerFixture::offline(nullptr);
        options.client = true;
        QVERIFY2(m_app->setUp(options), qPrintable(m_app->problem));
    }

    void cleanup()
    {
        m_app.reset();
        m_source.reset();
    }

    void importsFollowsTheProgressAndSaysWhatCameIn()
    {
        ImportDialog dialog(m_app->client.get());
        QSignalSpy finished(&dialog, &ImportDialog::finished);
        dialog.show();
        auto *start = dialog.findChild<QPushButton *>(u"importStartButton"_s);
        QVERIFY(!start->isEnabled()); // nothing to import from yet
        importWith(dialog, m_source->server->baseUrl().toString(), m_source->server->apiKey());
        QVERIFY(finished.wait(60000));
        const int notes = int(m_source->store->notes({}).value().size());
        QCOMPARE(m_app->store->notes({}).value().size(), notes);
        const QString said = dialog.findChild<QLabel *>(u"importStatusLabel"_s)->text();
        QVERIFY2(said.startsWith(u"Imported %1 notes (%1 new, 0 changed)"_s.arg(notes)), qPrintable(said));
        QVERIFY(!said.contains(u"Core."_s)); // a sentence, not an error shape

        importWith(dialog, m_source->server->baseUrl().toString(), m_source->server->apiKey());
        QVERIFY(finished.wait(60000));
        QCOMPARE(dialog.findChild<QLabel *>(u"importStatusLabel"_s)->text(),
            u"Nothing to import: this computer already has everything the server has."_s);
    }

    void aWrongKeyIsSaidInWordsAndChangesNothing()
    {
        ImportDialog dialog(m_app->client.get());
        QSignalSpy failed(&dialog, &ImportDialog::failed);
        dialog.show();
        importWith(dialog, m_source->server->baseUrl().toString(), u"ntc_0000000000000000000000000000wrong"_s);
        QVERIFY(failed.wait(60000));
        auto *error = dialog.findChild<QLabel *>(u"importErrorLabel"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(
            error->text().startsWith(u"The import stopped; what came in so far is kept."_s), qPrintable(error->text()));
        QVERIFY(!error->text().contains(u"wrong"_s));
        QCOMPARE(m_app->store->notes({}).value().size(), 0);
        QVERIFY(dialog.findChild<QPushButton *>(u"importStartButton"_s)->isEnabled()); // try again
    }
};

QTEST_MAIN(TestImportDialog)
#include "test_importdialog.moc"
