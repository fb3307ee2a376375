// SPDX-License-Identifier: GPL-3.0-or-later
// The restore dialog and the card's Restore from GitHub button against the real local server, the GitHub test server
// (real bare repositories) and a real SQLite store: the plan is shown first, the account changes only on Restore.
#include "demodata.h"
#include "restoredialog.h"
#include "synccard.h"
#include "syncfixture.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestRestoreDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncFixture> m_fx;
    QTemporaryDir m_settingsDir;
    int m_notes = 0;

    /// Links octo/notes-backup, fills the store, pushes it and wipes the local account.
    void pushThenWipe()
    {
        const qint64 installation = m_fx->github.addInstallation(u"octo"_s);
        m_fx->github.addRepository(installation, u"octo/notes-backup"_s, u"main"_s, true, true);
        Store::IntegrationUpdate update;
        update.installationId = QString::number(installation);
        update.accountLogin = u"octo"_s;
        update.repoFullName = u"octo/notes-backup"_s;
        update.repoDefaultBranch = u"main"_s;
        QVERIFY(m_fx->store->connectIntegration(update));
        DemoOptions options;
        options.notes = 5;
        QVERIFY(generateDemoData(*m_fx->store, options, *m_fx->clock));
        m_notes = m_fx->store->noteCount().value_or(-1);
        const auto pushed = QCoro::waitFor(m_fx->push->push({}));
        QVERIFY2(pushed && pushed->committed, qPrintable(pushed ? QString() : pushed.error().message()));
        QVERIFY(m_fx->store->clearAccount());
        QCOMPARE(m_fx->store->noteCount().value_or(-1), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init()
    {
        m_fx = std::make_unique<SyncFixture>();
        const QString problem = m_fx->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void cleanup() { m_fx.reset(); }

    void showsThePlanAndRestoresOnlyOnRestoreClick()
    {
        pushThenWipe();
        RestoreDialog dialog(m_fx->client.get(), RestoreSource::gitHub());
        QCOMPARE(dialog.objectName(), u"restoreDialog"_s);
        QSignalSpy planned(&dialog, &RestoreDialog::planShown);
        QSignalSpy restored(&dialog, &RestoreDialog::restored);
        dialog.show();
        QVERIFY(planned.wait(30000));
        auto *list = dialog.findChild<QListWidget *>(u"restoreChangesList"_s);
        QVERIFY(list && list->count() > 0);
        QCOMPARE(planned.constFirst().constFirst().toInt(), list->count());
        int addedNotes = 0;
        for (int row = 0; row < list->count(); ++row) {
            const QString status = list->item(row)->data(Qt::UserRole).toString();
            QVERIFY(status == u"added"_s || status == u"changed"_s);
            QVERIFY(list->item(row)->text().startsWith(status));
            addedNotes
                += list->item(row)->data(Qt::UserRole + 1).toString().startsWith(u"notes/"_s) && status == u"added"_s;
        }
        QVERIFY(addedNotes >= m_notes);
        QVERIFY(dialog.findChild<QLabel *>(u"restoreSummaryLabel"_s)->text().contains(u"added"_s));
        QCOMPARE(m_fx->store->noteCount().value_or(-1), 0); // nothing restored before the click

        auto *confirm = dialog.findChild<QPushButton *>(u"restoreConfirmButton"_s);
        QVERIFY(confirm && confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QVERIFY(restored.wait(30000));
        QCOMPARE(restored.constFirst().constFirst().toInt(), m_notes);
        QCOMPARE(m_fx->store->noteCount().value_or(-1), m_notes);
        QVERIFY(!confirm->isEnabled());
        QVERIFY(!dialog.findChild<QLabel *>(u"restoreErrorLabel"_s)->isVisible());
    }

    void showsTheServersErrorInlineWhenNotConnected()
    {
        RestoreDialog dialog(m_fx->client.get(), RestoreSource::gitHub());
        QSignalSpy failed(&dialog, &RestoreDialog::failed);
        dialog.show();
        QVERIFY(failed.wait(30000));
        auto *error = dialog.findChild<QLabel *>(u"restoreErrorLabel"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(u"Restore not done: Core.Server.GitHubSync/restore \u2014 "_s),
            qPrintable(error->text()));
        QVERIFY(!dialog.findChild<QPushButton *>(u"restoreConfirmButton"_s)->isEnabled());
    }

    void undoRestoreBringsBackTheAccountFromBeforeTheRestore()
    {
        pushThenWipe();
        DemoOptions local;
        local.notes = 2;
        local.seed = 31;
        QVERIFY(generateDemoData(*m_fx->store, local, *m_fx->clock));
        const int before = m_fx->store->noteCount().value_or(-1);
        RestoreDialog dialog(m_fx->client.get(), RestoreSource::gitHub());
        QSignalSpy planned(&dialog, &RestoreDialog::planShown);
        QSignalSpy restored(&dialog, &RestoreDialog::restored);
        QSignalSpy undone(&dialog, &RestoreDialog::undone);
        dialog.show();
        QVERIFY(planned.wait(30000));
        auto *undo = dialog.findChild<QPushButton *>(u"restoreUndoButton"_s);
        QVERIFY(undo && !undo->isVisible());
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"restoreConfirmButton"_s), Qt::LeftButton);
        QVERIFY(restored.wait(30000));
        QCOMPARE(m_fx->store->noteCount().value_or(-1), m_notes);
        QVERIFY(undo->isVisible() && undo->isEnabled());
        QTest::mouseClick(undo, Qt::LeftButton);
        QVERIFY(undone.wait(30000));
        QCOMPARE(undone.constFirst().constFirst().toInt(), before);
        QCOMPARE(m_fx->store->noteCount().value_or(-1), before);
        QVERIFY(!undo->isVisible());
    }

    void refusesAFolderThatIsNotABackupInline()
    {
        DemoOptions local;
        local.notes = 3;
        QVERIFY(generateDemoData(*m_fx->store, local, *m_fx->clock));
        const QString folder = m_settingsDir.filePath(u"not-a-backup"_s);
        QVERIFY(QDir().mkpath(folder));
        RestoreDialog dialog(m_fx->client.get(), RestoreSource::fromFolder(folder));
        QSignalSpy failed(&dialog, &RestoreDialog::failed);
        dialog.show();
        QVERIFY(failed.wait(30000));
        auto *error = dialog.findChild<QLabel *>(u"restoreErrorLabel"_s);
        QVERIFY2(error->text().startsWith(u"Restore refused, nothing was changed: Core.Restore/check_backup \u2014 "_s),
            qPrintable(error->text()));
        QVERIFY(!dialog.findChild<QPushButton *>(u"restoreConfirmButton"_s)->isEnabled());
        QCOMPARE(m_fx->store->noteCount().value_or(-1), 3);
    }

    void connectedCardOpensTheRestoreDialog()
    {
        pushThenWipe();
        SyncCard card(m_fx->clock);
        card.show();
        card.setClient(m_fx->client.get());
        QTRY_COMPARE_WITH_TIMEOUT(card.state(), SyncCard::State::Connected, 30000);
        QTRY_VERIFY(!card.isBusy());
        auto *button = card.findChild<QPushButton *>(u"restoreFromGitHubButton"_s);
        QVERIFY(button && button->isVisible());
        QVERIFY(card.findChild<QPushButton *>(u"restoreFromFolderButton"_s));
        QSignalSpy opened(&card, &SyncCard::restoreDialogOpened);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(opened.count(), 1);
        auto *dialog = opened.constFirst().constFirst().value<RestoreDialog *>();
        QVERIFY(dialog);
        QSignalSpy planned(dialog, &RestoreDialog::planShown);
        QVERIFY(planned.wait(30000));
        QCOMPARE(m_fx->store->noteCount().value_or(-1), 0);
        dialog->reject();
    }
};

QTEST_MAIN(TestRestoreDialog)
#include "test_restoredialog.moc"
