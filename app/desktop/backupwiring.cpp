// SPDX-License-Identifier: GPL-3.0-or-later
#include "backupwiring.h"

#include "backuptray.h"
#include "schedulesection.h"
#include "synccard.h"
#include "syncscheduler.h"

#include <QPointer>

namespace Notechondria {

namespace {

BackupStatus::State stateOf(SyncScheduler::State state)
{
    switch (state) {
    case SyncScheduler::State::Synced:
        return BackupStatus::State::Synced;
    case SyncScheduler::State::ChangesWaiting:
        return BackupStatus::State::ChangesWaiting;
    case SyncScheduler::State::Syncing:
        return BackupStatus::State::Syncing;
    case SyncScheduler::State::NeedsAttention:
        break;
    }
    return BackupStatus::State::NeedsAttention;
}

SyncSchedule::Mode modeOf(BackupScheduleChoice::Mode mode)
{
    switch (mode) {
    case BackupScheduleChoice::Mode::Every:
        return SyncSchedule::Mode::Every;
    case BackupScheduleChoice::Mode::AfterSettle:
        return SyncSchedule::Mode::AfterSettle;
    case BackupScheduleChoice::Mode::Off:
        break;
    }
    return SyncSchedule::Mode::Off;
}

} // namespace

BackupStatus backupStatusOf(const SyncScheduler &scheduler)
{
    BackupStatus status;
    status.state = stateOf(scheduler.state());
    status.pendingChanges = scheduler.pendingChanges();
    status.lastBackup = scheduler.lastBackup();
    status.nextRun = scheduler.schedule().mode == SyncSchedule::Mode::Off ? std::nullopt : scheduler.schedule().nextRun;
    status.attention = scheduler.attentionMessage();
    return status;
}

BackupScheduleChoice scheduleChoiceOf(const SyncSchedule &schedule)
{
    BackupScheduleChoice choice;
    switch (schedule.mode) {
    case SyncSchedule::Mode::Every:
        choice.mode = BackupScheduleChoice::Mode::Every;
        break;
    case SyncSchedule::Mode::AfterSettle:
        choice.mode = BackupScheduleChoice::Mode::AfterSettle;
        break;
    case SyncSchedule::Mode::Off:
        choice.mode = BackupScheduleChoice::Mode::Off;
        break;
    }
    choice.minutes = int(std::clamp<qint64>((schedule.intervalSeconds + 59) / 60, 1, 24LL * 60));
    return choice;
}

void wireBackups(SyncScheduler *scheduler, BackupTray *tray, ScheduleSection *section, SyncCard *card)
{
    const QPointer<ScheduleSection> schedule(section);
    const auto show = [scheduler, tray, schedule] {
        const BackupStatus status = backupStatusOf(*scheduler);
        tray->setStatus(status);
        if (schedule) {
            schedule->setStatus(status);
        }
    };
    QObject::connect(scheduler, &SyncScheduler::stateChanged, tray, show);
    QObject::connect(scheduler, &SyncScheduler::statusChanged, tray, show);
    QObject::connect(tray, &BackupTray::syncNowRequested, scheduler, &SyncScheduler::syncNow);
    QObject::connect(scheduler, &SyncScheduler::syncFailed, tray, &BackupTray::notifyFailure);
    QObject::connect(scheduler, &SyncScheduler::conflictsFound, tray, &BackupTray::notifyConflicts);
    QObject::connect(scheduler, &SyncScheduler::overdue, tray, &BackupTray::notifyOverdue);
    QObject::connect(scheduler, &SyncScheduler::keepsFailing, tray, &BackupTray::notifyKeepsFailing);
    if (section) {
        section->setSchedule(scheduleChoiceOf(scheduler->schedule()));
        QObject::connect(section, &ScheduleSection::scheduleChosen, scheduler,
            [scheduler, schedule](const BackupScheduleChoice &choice) {
                const Result<void> saved = scheduler->setSchedule(modeOf(choice.mode), qint64(choice.minutes) * 60);
                if (schedule) {
                    schedule->setError(saved ? QString() : saved.error().message());
                }
            });
    }
    if (card) {
        QObject::connect(scheduler, &SyncScheduler::syncFinished, card, &SyncCard::refresh);
        QObject::connect(card, &SyncCard::pushed, scheduler, &SyncScheduler::check);
        QObject::connect(card, &SyncCard::busyChanged, scheduler, &SyncScheduler::check);
    }
    show();
}

} // namespace Notechondria
