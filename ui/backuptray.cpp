// SPDX-License-Identifier: GPL-3.0-or-later
#include "backuptray.h"

#include "clock.h"
#include "relativetime.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

QColor markColor(BackupStatus::State state)
{
    switch (state) {
    case BackupStatus::State::Synced:
        return {0x2e, 0x9d, 0x4f};
    case BackupStatus::State::ChangesWaiting:
        return {0xe0, 0x9a, 0x1a};
    case BackupStatus::State::Syncing:
        return {0x2f, 0x7c, 0xd6};
    case BackupStatus::State::NeedsAttention:
        break;
    }
    return {0xd0, 0x3b, 0x3b};
}

} // namespace

BackupTray::BackupTray(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_menu(std::make_unique<QMenu>())
    , m_tray(new QSystemTrayIcon(this))
    , m_statusLine(m_menu->addAction(QString()))
{
    m_menu->setObjectName(u"trayMenu"_s);
    m_statusLine->setEnabled(false);
    m_menu->addSeparator();
    m_syncNow = m_menu->addAction(tr("&Sync now"));
    m_syncNow->setObjectName(u"traySyncNowAction"_s);
    m_open = m_menu->addAction(tr("&Open Notechondria"));
    m_open->setObjectName(u"trayOpenAction"_s);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"));
    m_quit->setObjectName(u"trayQuitAction"_s);
    connect(m_syncNow, &QAction::triggered, this, &BackupTray::syncNowRequested);
    connect(m_open, &QAction::triggered, this, &BackupTray::openRequested);
    connect(m_quit, &QAction::triggered, this, &BackupTray::quitRequested);
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            Q_EMIT openRequested();
        }
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &BackupTray::openRequested);
    m_clockTimer.setInterval(std::chrono::minutes(1));
    connect(&m_clockTimer, &QTimer::timeout, this, &BackupTray::refresh);
    m_clockTimer.start();
    refresh();
}

BackupTray::~BackupTray() = default;

bool BackupTray::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void BackupTray::show()
{
    if (isAvailable()) {
        m_tray->show();
    }
}

void BackupTray::setStatus(const BackupStatus &status)
{
    m_status = status;
    refresh();
}

QString BackupTray::stateText(BackupStatus::State state)
{
    switch (state) {
    case BackupStatus::State::Synced:
        return tr("Backed up");
    case BackupStatus::State::ChangesWaiting:
        return tr("Changes waiting");
    case BackupStatus::State::Syncing:
        return tr("Backing up\u2026");
    case BackupStatus::State::NeedsAttention:
        break;
    }
    return tr("Needs attention");
}

QIcon BackupTray::iconFor(BackupStatus::State state)
{
    const QIcon base(u":/icons/notechondria.svg"_s);
    QIcon icon;
    for (const int size : {16, 22, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(size, size);
        if (pixmap.isNull()) {
            pixmap = QPixmap(size, size);
            pixmap.fill(Qt::transparent);
        }
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal mark = size * 0.45;
        const QRectF dot(size - mark, size - mark, mark, mark);
        painter.setPen(QPen(Qt::white, std::max(1.0, size / 16.0)));
        painter.setBrush(markColor(state));
        painter.drawEllipse(dot.adjusted(0.5, 0.5, -0.5, -0.5));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QString BackupTray::toolTip() const
{
    QStringList lines{tr("Notechondria: %1").arg(stateText(m_status.state))};
    if (m_status.pendingChanges == 1) {
        lines.append(tr("1 change not backed up yet"));
    } else if (m_status.pendingChanges > 1) {
        lines.append(
            tr("%n changes not backed up yet", nullptr, int(std::min<qint64>(m_status.pendingChanges, 1 << 30))));
    }
    if (m_status.lastBackup) {
        lines.append(tr("Last backup: %1").arg(relativeTimeText(*m_status.lastBackup, m_clock->now())));
    } else {
        lines.append(tr("No backup yet"));
    }
    if (m_status.state == BackupStatus::State::NeedsAttention && !m_status.attention.isEmpty()) {
        lines.append(m_status.attention);
    }
    return lines.join(u'\n');
}

void BackupTray::refresh()
{
    m_tray->setIcon(iconFor(m_status.state));
    m_tray->setToolTip(toolTip());
    m_statusLine->setText(toolTip().section(u'\n', 0, 1).replace(u'\n', u" \u00b7 "_s));
    m_syncNow->setEnabled(m_status.state != BackupStatus::State::Syncing);
}

void BackupTray::notify(const QString &title, const QString &body, bool critical)
{
    if (isAvailable() && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(title, body, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information);
    }
    Q_EMIT notified(title, body);
}

void BackupTray::notifyFailure(const QString &message)
{
    notify(tr("Backup failed"), message, true);
}

void BackupTray::notifyConflicts(const QStringList &titles)
{
    const QStringList named = titles.mid(0, 5);
    const QString names = named.join(u", "_s) + (titles.size() > named.size() ? u", \u2026"_s : QString());
    const QString body = titles.size() == 1
        ? tr("%1 changed here and on GitHub. Open Notechondria and choose which copy to keep.").arg(names)
        : tr("%n items changed here and on GitHub: %1. Open Notechondria and choose which copies to keep.", nullptr,
              int(titles.size()))
              .arg(names);
    notify(tr("Backup needs your choice"), body, false);
}

void BackupTray::notifyOverdue(qint64 lateSeconds)
{
    const int hours = int(std::min<qint64>(lateSeconds / 3600, 1 << 20));
    const int minutes = int(std::max<qint64>(1, lateSeconds / 60));
    QString late;
    if (hours == 1) {
        late = tr("1 hour");
    } else if (hours > 1) {
        late = tr("%n hours", nullptr, hours);
    } else {
        late = minutes == 1 ? tr("1 minute") : tr("%n minutes", nullptr, minutes);
    }
    notify(tr("Backup overdue"), tr("The scheduled backup is %1 late; it runs as soon as it can.").arg(late), false);
}

void BackupTray::notifyKeepsFailing(const QString &message)
{
    notify(tr("Backups keep failing"),
        tr("The last three backups did not complete. The last one said: %1").arg(message), true);
}

} // namespace Notechondria
