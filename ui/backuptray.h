// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backupstatus.h"

#include <QIcon>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Notechondria {

class Clock;

/**
 * The tray icon of Notechondria Desktop (issue #15): its icon and tooltip say how backups stand (synced, changes
 * waiting, syncing, needs attention), with the number of local changes not backed up and the time of the last backup;
 * its menu has Sync now, Open Notechondria and Quit. Failures, conflicts, an overdue backup and backups that keep
 * failing come as desktop notifications (QSystemTrayIcon::showMessage); clicking one opens the window.
 *
 * Shown only where a system tray exists (isAvailable()); the menu and the texts exist either way (tests).
 * objectNames of the actions: traySyncNowAction, trayOpenAction, trayQuitAction.
 */
class BackupTray : public QObject
{
    Q_OBJECT

public:
    explicit BackupTray(const Clock *clock, QObject *parent = nullptr);
    ~BackupTray() override;

    /// Whether the desktop has a system tray (else closing the window quits, as without a tray icon).
    [[nodiscard]] static bool isAvailable();
    /// Shows the icon when a tray exists.
    void show();

    void setStatus(const BackupStatus &status);
    [[nodiscard]] const BackupStatus &status() const { return m_status; }
    [[nodiscard]] QString toolTip() const;
    /// The state's icon (the app icon with a coloured mark).
    [[nodiscard]] static QIcon iconFor(BackupStatus::State state);
    /// "Synced", "Changes waiting", "Syncing…", "Needs attention".
    [[nodiscard]] static QString stateText(BackupStatus::State state);

    [[nodiscard]] QMenu *menu() const { return m_menu.get(); }
    [[nodiscard]] QSystemTrayIcon *trayIcon() const { return m_tray; }
    [[nodiscard]] QAction *syncNowAction() const { return m_syncNow; }

    void notifyFailure(const QString &message);
    void notifyConflicts(const QStringList &titles);
    void notifyOverdue(qint64 lateSeconds);
    void notifyKeepsFailing(const QString &message);

Q_SIGNALS:
    void syncNowRequested();
    void openRequested();
    void quitRequested();
    /// A notification was shown (also where no tray exists: tests read it).
    void notified(const QString &title, const QString &body);

private:
    void notify(const QString &title, const QString &body, bool critical);
    void refresh();

    const Clock *m_clock;
    BackupStatus m_status;
    std::unique_ptr<QMenu> m_menu; ///< a widget: no QObject parent
    QTimer m_clockTimer; ///< the tooltip's "5 minutes ago" moves on
    QSystemTrayIcon *m_tray;
    QAction *m_statusLine;
    QAction *m_syncNow;
    QAction *m_open;
    QAction *m_quit;
};

} // namespace Notechondria
