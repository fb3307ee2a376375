// SPDX-License-Identifier: GPL-3.0-or-later
// The composition of "backups you don't think about" (issue #15): the scheduler (core/sync) drives the tray and the
// schedule section (ui/, which sees only plain structs and signals).
#pragma once

#include "backupstatus.h"
#include "syncschedule.h"

namespace Notechondria {

class BackupTray;
class ScheduleSection;
class SyncCard;
class SyncScheduler;

/// How the scheduler's state reads for the tray and the settings page.
[[nodiscard]] BackupStatus backupStatusOf(const SyncScheduler &scheduler);
/// The stored schedule as the settings page edits it (whole minutes, at least 1).
[[nodiscard]] BackupScheduleChoice scheduleChoiceOf(const SyncSchedule &schedule);

/**
 * Connects @p scheduler with @p tray (state, tooltip, Sync now, notifications on failure, conflict, an overdue backup
 * and backups that keep failing), @p section (the schedule shown and saved through the scheduler) and @p card (its
 * status reloaded after a scheduled backup; the scheduler looks again after the card's own sync). @p section and
 * @p card may be null.
 */
void wireBackups(SyncScheduler *scheduler, BackupTray *tray, ScheduleSection *section, SyncCard *card);

} // namespace Notechondria
