// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backupstatus.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QSpinBox;

namespace Notechondria {

class Clock;

/**
 * Settings → Automatic backup (local mode, issue #15): off, every N minutes, or once changes have settled for N
 * minutes; below it when the next backup is due and how the last one went. A change is reported with
 * scheduleChosen() (the app saves it with the backup schedule in the local store) and shown again through
 * setSchedule().
 *
 * objectNames: scheduleSection, scheduleModeCombo, scheduleMinutesSpin, scheduleStatusLabel.
 */
class ScheduleSection : public QGroupBox
{
    Q_OBJECT

public:
    explicit ScheduleSection(const Clock *clock, QWidget *parent = nullptr);

    /// Shows @p choice without reporting it.
    void setSchedule(const BackupScheduleChoice &choice);
    [[nodiscard]] BackupScheduleChoice schedule() const;
    /// The next run, the last backup and what needs attention, under the choice.
    void setStatus(const BackupStatus &status);
    /// Shows why the schedule could not be saved ("" clears it).
    void setError(const QString &message);

Q_SIGNALS:
    void scheduleChosen(const Notechondria::BackupScheduleChoice &choice);

private:
    void chosen();
    void showStatus();

    const Clock *m_clock;
    QComboBox *m_mode;
    QSpinBox *m_minutes;
    QLabel *m_status;
    QLabel *m_error;
    BackupStatus m_last;
    bool m_updating = false;
};

} // namespace Notechondria
