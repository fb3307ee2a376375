// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Notechondria {

/// How backups stand, as the tray and the schedule section show it (plain data: the app fills it from the scheduler).
struct BackupStatus
{
    enum class State {
        Synced, ///< the last backup holds every local change
        ChangesWaiting, ///< local changes are not backed up yet
        Syncing, ///< a backup runs
        NeedsAttention, ///< the last backup failed or stopped, or backups are not set up
    };

    State state = State::NeedsAttention;
    qint64 pendingChanges = 0; ///< local changes not backed up
    std::optional<QDateTime> lastBackup;
    std::optional<QDateTime> nextRun; ///< the next scheduled backup, when one is due
    QString attention; ///< what needs attention (three-part message), "" otherwise
};

/// The backup schedule the settings page edits (plain data: the app saves it through the scheduler).
struct BackupScheduleChoice
{
    enum class Mode {
        Off,
        Every, ///< every `minutes`
        AfterSettle, ///< once no change was made for `minutes`
    };

    Mode mode = Mode::Off;
    int minutes = 15;

    friend bool operator==(const BackupScheduleChoice &, const BackupScheduleChoice &) = default;
};

} // namespace Notechondria

Q_DECLARE_METATYPE(Notechondria::BackupStatus)
Q_DECLARE_METATYPE(Notechondria::BackupScheduleChoice)
