// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulesection.h"

#include "backuptray.h"
#include "clock.h"
#include "relativetime.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

ScheduleSection::ScheduleSection(const Clock *clock, QWidget *parent)
    : QGroupBox(tr("Automatic backup"), parent)
    , m_clock(clock)
    , m_mode(new QComboBox(this))
    , m_minutes(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"scheduleSection"_s);
    m_mode->setObjectName(u"scheduleModeCombo"_s);
    m_minutes->setObjectName(u"scheduleMinutesSpin"_s);
    m_status->setObjectName(u"scheduleStatusLabel"_s);
    m_error->setObjectName(u"scheduleErrorLabel"_s);
    m_mode->addItem(tr("Off: back up only with Sync now"), int(BackupScheduleChoice::Mode::Off));
    m_mode->addItem(tr("Every few minutes"), int(BackupScheduleChoice::Mode::Every));
    m_mode->addItem(tr("After changes have settled"), int(BackupScheduleChoice::Mode::AfterSettle));
    m_minutes->setRange(1, 24 * 60);
    m_minutes->setValue(15);
    m_minutes->setSuffix(tr(" min"));
    m_status->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: palette(link-visited);"_s);
    m_error->hide();
    auto *text = new QLabel(tr("Back up to GitHub by itself: every N minutes, or once you have stopped changing things "
                               "for N minutes. A backup missed while the computer slept or the app was closed runs "
                               "once when it is back."),
        this);
    text->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Back up"), m_mode);
    form->addRow(tr("&Interval"), m_minutes);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ScheduleSection::chosen);
    connect(m_minutes, &QSpinBox::editingFinished, this, &ScheduleSection::chosen);
    setSchedule({});
}

void ScheduleSection::setSchedule(const BackupScheduleChoice &choice)
{
    m_updating = true;
    m_mode->setCurrentIndex(m_mode->findData(int(choice.mode)));
    m_minutes->setValue(choice.minutes);
    m_minutes->setEnabled(choice.mode != BackupScheduleChoice::Mode::Off);
    m_updating = false;
    showStatus();
}

BackupScheduleChoice ScheduleSection::schedule() const
{
    BackupScheduleChoice choice;
    choice.mode = BackupScheduleChoice::Mode(m_mode->currentData().toInt());
    choice.minutes = m_minutes->value();
    return choice;
}

void ScheduleSection::setStatus(const BackupStatus &status)
{
    m_last = status;
    showStatus();
}

void ScheduleSection::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ScheduleSection::chosen()
{
    m_minutes->setEnabled(schedule().mode != BackupScheduleChoice::Mode::Off);
    if (!m_updating) {
        Q_EMIT scheduleChosen(schedule());
    }
}

void ScheduleSection::showStatus()
{
    QStringList lines{BackupTray::stateText(m_last.state)};
    if (m_last.lastBackup) {
        lines.append(tr("Last backup %1.").arg(relativeTimeText(*m_last.lastBackup, m_clock->now())));
    }
    if (schedule().mode != BackupScheduleChoice::Mode::Off && m_last.nextRun) {
        lines.append(tr("Next backup at %1.")
                .arg(QLocale().toString(m_last.nextRun->toLocalTime().time(), QLocale::ShortFormat)));
    } else if (schedule().mode == BackupScheduleChoice::Mode::AfterSettle) {
        lines.append(tr("Next backup once you change something."));
    }
    m_status->setText(lines.join(u' '));
}

} // namespace Notechondria
