// SPDX-License-Identifier: GPL-3.0-or-later
// Backups you don't think about, offscreen (issue #15): the tray icon's state and tooltip follow the scheduler through
// changes waiting, syncing, synced and needs attention (a real sync against the GitHub test server), its Sync now runs
// one, failures and conflicts become notifications; the settings page's schedule is saved through the scheduler; the
// window has File → Quit (Ctrl+Q) and Help → About and closes to the tray when there is one.
#include "backuptray.h"
#include "backupwiring.h"
#include "fakeclock.h"
#include "filesecretstore.h"
#include "mainwindow.h"
#include "notechondriaclient.h"
#include "pushfixture.h"
#include "schedulesection.h"
#include "settingspage.h"
#include "syncscheduler.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

Note noteTitled(const QString &title)
{
    Note n;
    n.title = title;
    n.content = u"Body of "_s + title;
    return n;
}

QStringList actionNames(const QMenu *menu)
{
    QStringList names;
    for (const QAction *action : menu->actions()) {
        if (!action->objectName().isEmpty()) {
            names.append(action->objectName());
        }
    }
    return names;
}

} // namespace

class TestBackupTray : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<PushFixture> m_fixture;
    std::unique_ptr<SyncScheduler> m_scheduler;

    bool waitForRun()
    {
        QSignalSpy finished(m_scheduler.get(), &SyncScheduler::syncFinished);
        return finished.wait(60'000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(u"NotechondriaTest"_s);
        QCoreApplication::setApplicationName(u"test_backuptray"_s);
    }

    void init()
    {
        m_scheduler.reset();
        m_fixture = std::make_unique<PushFixture>();
        m_clock = std::make_unique<FakeClock>(QDateTime::currentDateTimeUtc());
        m_fixture->time = m_clock.get();
        QVERIFY2(m_fixture->setUp(), qPrintable(m_fixture->error));
        m_scheduler = std::make_unique<SyncScheduler>(m_fixture->store.get(), m_fixture->service.get(), m_clock.get());
        m_scheduler->setPollInterval(std::chrono::hours(1));
    }

    void cleanup()
    {
        m_scheduler.reset();
        m_fixture.reset();
    }

    void theTrayFollowsTheSchedulerStates()
    {
        BackupTray tray(m_clock.get());
        ScheduleSection section(m_clock.get());
        wireBackups(m_scheduler.get(), &tray, &section, nullptr);
        QVERIFY(m_fixture->store->saveNote(noteTitled(u"First"_s)));
        QVERIFY(m_fixture->store->saveNote(noteTitled(u"Second"_s)));
        m_scheduler->start();
        QCOMPARE(tray.status().state, BackupStatus::State::ChangesWaiting);
        QCOMPARE(tray.status().pendingChanges, 2);
        QVERIFY2(tray.toolTip().contains(u"Changes waiting"_s), qPrintable(tray.toolTip()));
        QVERIFY2(tray.toolTip().contains(u"2 changes not backed up yet"_s), qPrintable(tray.toolTip()));
        QVERIFY2(tray.toolTip().contains(u"No backup yet"_s), qPrintable(tray.toolTip()));
        QCOMPARE(tray.trayIcon()->toolTip(), tray.toolTip());

        // Sync now from the tray menu: syncing while it runs, then synced with the time of the backup.
        QList<BackupStatus::State> seen;
        connect(m_scheduler.get(), &SyncScheduler::stateChanged, &tray, [&] { seen.append(tray.status().state); });
        QSignalSpy finished(m_scheduler.get(), &SyncScheduler::syncFinished);
        tray.syncNowAction()->trigger();
        QCOMPARE(tray.status().state, BackupStatus::State::Syncing);
        QVERIFY(!tray.syncNowAction()->isEnabled());
        QVERIFY(tray.toolTip().contains(u"Backing up"_s));
        QVERIFY(finished.wait(60'000));
        QCOMPARE(seen, (QList{BackupStatus::State::Syncing, BackupStatus::State::Synced}));
        QVERIFY(!m_fixture->head().isEmpty());
        QVERIFY2(tray.toolTip().contains(u"Backed up"_s), qPrintable(tray.toolTip()));
        QVERIFY2(tray.toolTip().contains(u"Last backup: just now"_s), qPrintable(tray.toolTip()));
        QVERIFY(!tray.toolTip().contains(u"not backed up"_s));
        QVERIFY(tray.syncNowAction()->isEnabled());

        // GitHub fails: needs attention, with the reason, and a notification.
        QVERIFY(m_fixture->store->saveNote(noteTitled(u"Third"_s)));
        GitHubTestServer::Fault fault;
        fault.path = QRegularExpression(u"^/repos/"_s);
        fault.status = 404;
        fault.times = 100;
        m_fixture->server.injectFault(fault);
        QSignalSpy notified(&tray, &BackupTray::notified);
        m_clock->advance(600);
        m_fixture->server.setClockSkew(QDateTime::currentDateTimeUtc().secsTo(m_clock->now()));
        tray.syncNowAction()->trigger();
        QVERIFY(finished.wait(60'000));
        QCOMPARE(tray.status().state, BackupStatus::State::NeedsAttention);
        QVERIFY2(tray.toolTip().contains(u"Needs attention"_s), qPrintable(tray.toolTip()));
        QVERIFY2(tray.toolTip().contains(u"1 change not backed up yet"_s), qPrintable(tray.toolTip()));
        QVERIFY2(tray.toolTip().contains(u"Last backup: 10 minutes ago"_s), qPrintable(tray.toolTip()));
        QVERIFY(tray.toolTip().contains(u" \u2014 "_s)); // the three-part reason
        QCOMPARE(notified.count(), 1);
        QCOMPARE(notified.first().at(0).toString(), u"Backup failed"_s);
        QVERIFY(section.findChild<QLabel *>(u"scheduleStatusLabel"_s)->text().contains(u"Needs attention"_s));
    }

    void aConflictIsANotificationThatNamesTheNotes()
    {
        BackupTray tray(m_clock.get());
        wireBackups(m_scheduler.get(), &tray, nullptr, nullptr);
        auto note = m_fixture->store->saveNote(noteTitled(u"Shared plan"_s));
        QVERIFY(note);
        m_scheduler->start();
        m_scheduler->syncNow();
        QVERIFY(waitForRun());
        // The same note changed on GitHub (another device) and here.
        const QString path = u"notes/%1.md"_s.arg(note->uuid.toString(QUuid::Id128));
        const QMap<QString, QByteArray> files = m_fixture->cloneFiles();
        QVERIFY2(files.contains(path), qPrintable(files.keys().join(u", "_s)));
        QByteArray remote = files.value(path);
        remote.replace("Body of Shared plan", "Body changed on the laptop");
        m_fixture->server.commitFromAnotherDevice(m_fixture->repo, u"main"_s, {{path, remote}}, u"laptop"_s);
        note->content = u"Body changed here"_s;
        QVERIFY(m_fixture->store->saveNote(*note));
        QSignalSpy notified(&tray, &BackupTray::notified);
        m_scheduler->syncNow();
        QVERIFY(waitForRun());
        QCOMPARE(tray.status().state, BackupStatus::State::NeedsAttention);
        QCOMPARE(notified.count(), 1);
        QCOMPARE(notified.first().at(0).toString(), u"Backup needs your choice"_s);
        QVERIFY2(notified.first().at(1).toString().contains(u"Shared plan"_s),
            qPrintable(notified.first().at(1).toString()));
    }

    void theScheduleChosenOnTheSettingsPageIsSaved()
    {
        BackupTray tray(m_clock.get());
        ScheduleSection section(m_clock.get());
        m_scheduler->start();
        wireBackups(m_scheduler.get(), &tray, &section, nullptr);
        auto *mode = section.findChild<QComboBox *>(u"scheduleModeCombo"_s);
        auto *minutes = section.findChild<QSpinBox *>(u"scheduleMinutesSpin"_s);
        QVERIFY(mode && minutes);
        QVERIFY(!minutes->isEnabled()); // off
        minutes->setValue(30);
        mode->setCurrentIndex(mode->findData(int(BackupScheduleChoice::Mode::AfterSettle)));
        QCOMPARE(m_scheduler->schedule().mode, SyncSchedule::Mode::AfterSettle);
        QCOMPARE(m_scheduler->schedule().intervalSeconds, 1800);
        QVERIFY(minutes->isEnabled());
        const auto stored = m_fixture->store->syncSchedule();
        QVERIFY(stored);
        QCOMPARE(stored->mode, SyncSchedule::Mode::AfterSettle);
        QCOMPARE(stored->intervalSeconds, 1800);
        // Shown again as stored.
        ScheduleSection again(m_clock.get());
        wireBackups(m_scheduler.get(), &tray, &again, nullptr);
        QCOMPARE(again.schedule(), (BackupScheduleChoice{BackupScheduleChoice::Mode::AfterSettle, 30}));
    }

    void theMenusHaveSyncNowOpenQuitAndAbout()
    {
        BackupTray tray(m_clock.get());
        QCOMPARE(
            actionNames(tray.menu()), (QStringList{u"traySyncNowAction"_s, u"trayOpenAction"_s, u"trayQuitAction"_s}));
        QSignalSpy quit(&tray, &BackupTray::quitRequested);
        QSignalSpy open(&tray, &BackupTray::openRequested);
        tray.menu()->findChild<QAction *>(u"trayQuitAction"_s)->trigger();
        tray.menu()->findChild<QAction *>(u"trayOpenAction"_s)->trigger();
        QCOMPARE(quit.count(), 1);
        QCOMPARE(open.count(), 1);
        // Every state has its own icon.
        QCOMPARE(BackupTray::iconFor(BackupStatus::State::Synced).pixmap(32).toImage().pixelColor(26, 26),
            QColor(0x2e, 0x9d, 0x4f));
        QCOMPARE(BackupTray::iconFor(BackupStatus::State::NeedsAttention).pixmap(32).toImage().pixelColor(26, 26),
            QColor(0xd0, 0x3b, 0x3b));

        QNetworkAccessManager network;
        NotechondriaClient client(&network);
        FileSecretStore secrets(m_fixture->dir.filePath(u"secrets.json"_s));
        MainWindow window(&client, &secrets, m_clock.get());
        auto *quitAction = window.menuBar()->findChild<QAction *>(u"quitAction"_s);
        QVERIFY(quitAction);
        QCOMPARE(quitAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
        QVERIFY(window.menuBar()->findChild<QAction *>(u"aboutAction"_s));
        QSignalSpy quitRequested(&window, &MainWindow::quitRequested);
        quitAction->trigger();
        QCOMPARE(quitRequested.count(), 1);
        QVERIFY(window.settingsPage()->scheduleSection());

        // Close-to-tray: closing hides the window and the app goes on; without a tray closing closes.
        window.setCloseToTray(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.close());
        QVERIFY(window.isHidden());
        window.showAndRaise();
        QVERIFY(window.isVisible());
        window.setCloseToTray(false);
        QVERIFY(window.close());
        QVERIFY(window.isHidden());
    }
};

QTEST_MAIN(TestBackupTray)
#include "test_backuptray.moc"
