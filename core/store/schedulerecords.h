// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the backup schedule and what is not backed up yet (issue #15).
#pragma once

#include "error.h"
#include "syncschedule.h"

namespace Notechondria {

class StoreContext;

/**
 * The sync_schedule row (schema 7; id 1, absent until first saved: then the schedule is off) and the count of local
 * changes the last sync did not take along, read from the note change log (schema 5) against the synced state the
 * last sync recorded on the integration row.
 */
class ScheduleRecords
{
public:
    /// @p context must outlive the records.
    explicit ScheduleRecords(StoreContext &context);

    /// The stored schedule, or the default one (off, 15 minutes) when none was saved.
    [[nodiscard]] Result<SyncSchedule> schedule() const;
    /// Writes the schedule as given (interval clamped to 1 s … 7 days, failures to ≥ 0).
    [[nodiscard]] Result<void> save(const SyncSchedule &schedule);

    /**
     * How many local changes are not in the last backup: the notes (by uuid) changed since the change sequence of the
     * last sync's recorded state, plus one each for courses and the planner; at least 1 when anything else (the
     * profile, a file) moved the data revision since. 0 when the data revision is the one the last sync recorded.
     * Without a recorded state: every change the log holds when nothing was ever pushed, else 1 (unknown, the next
     * sync compares everything).
     */
    [[nodiscard]] Result<qint64> changedItemCount() const;

private:
    [[nodiscard]] Result<qint64> count(const QString &sql, const QVariantList &values) const;

    StoreContext &m_context;
};

} // namespace Notechondria
