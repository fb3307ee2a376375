// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "syncschedule.h"

#include <QCoroTask>
#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <optional>

namespace Notechondria {

class Clock;
class PushService;
class Store;

/**
 * Backups nobody has to think about (issue #15): runs the two-way sync (PushService::push with the pull, as
 * `notechondria-sync sync` does) on the store's SyncSchedule — every interval N, or once changes have settled (no
 * change for N since the last one) — and says how backups stand.
 *
 * The next run is kept in the store, so an app that was closed, or a computer that slept, finds it in the past and
 * catches up with one run (never one per missed interval); a clock that jumps ahead does the same. A run that fails
 * (or stops at a conflict or the mass-deletion guard) is tried again after N, 2N, 4N and then every 8N; after three
 * failures in a row keepsFailing() is emitted once, and overdue() when a due run is later than 2N (it could not
 * start: another sync ran, or the computer was away).
 *
 * The scheduler looks at the store every pollInterval (5 s by default, and on check()): the data revision tells it
 * when something changed, Store::changedItemCount() how much is not backed up, the integration row when the last
 * backup was made (by any sync, the card's Sync now included). Not connected (no repository chosen): nothing runs.
 */
class SyncScheduler : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Synced, ///< the last backup holds every local change
        ChangesWaiting, ///< local changes are not backed up yet
        Syncing, ///< a sync runs (this scheduler's or another one on the same PushService)
        NeedsAttention, ///< the last run failed or stopped (conflict, mass deletion), or backups are not set up
    };
    Q_ENUM(State)

    /// @p store, @p push and @p clock must outlive the scheduler.
    SyncScheduler(Store *store, PushService *push, const Clock *clock, QObject *parent = nullptr);
    ~SyncScheduler() override;

    /// Reads the stored schedule, looks at the store, catches up when the next run is past, and starts polling.
    void start();
    void setPollInterval(std::chrono::milliseconds interval);

    /// Changes and saves the mode and interval; the next run is counted from now.
    [[nodiscard]] Result<void> setSchedule(SyncSchedule::Mode mode, qint64 intervalSeconds);
    [[nodiscard]] const SyncSchedule &schedule() const { return m_schedule; }

    [[nodiscard]] State state() const { return m_state; }
    /// Local changes not backed up (Store::changedItemCount), as of the last look.
    [[nodiscard]] qint64 pendingChanges() const { return m_pending; }
    /// When the last backup was made (by any sync), as of the last look.
    [[nodiscard]] std::optional<QDateTime> lastBackup() const { return m_lastBackup; }
    /// Whether a repository is chosen (else nothing runs and the state needs attention).
    [[nodiscard]] bool isConnected() const { return m_connected; }
    /// The three-part message of what needs attention ("" otherwise).
    [[nodiscard]] const QString &attentionMessage() const { return m_attention; }
    [[nodiscard]] bool isRunning() const { return m_running; }

public Q_SLOTS:
    /// Looks at the store and starts a run when one is due (the poll timer calls it).
    void check();
    /// Runs a sync now (the tray's Sync now); ignored while one runs.
    void syncNow();

Q_SIGNALS:
    void stateChanged(Notechondria::SyncScheduler::State state);
    /// pendingChanges(), lastBackup(), schedule() or attentionMessage() changed.
    void statusChanged();
    void syncStarted();
    /// A run ended: @p ok when it synced; @p message is the three-part message otherwise.
    void syncFinished(bool ok, const QString &message);
    /// A run failed (an error, or a stop at the mass-deletion guard).
    void syncFailed(const QString &message);
    /// A run stopped because items changed on both sides; @p titles names them.
    void conflictsFound(const QStringList &titles);
    /// A due run is later than twice the interval; @p lateSeconds by how much.
    void overdue(qint64 lateSeconds);
    /// The third run in a row did not succeed; @p message is the last one's.
    void keepsFailing(const QString &message);

private:
    enum class Trigger { Scheduled, Manual };
    /// Re-reads the data revision, the pending count and the last backup; @p countAsChange: a new revision is a new
    /// change (the settle timer starts again).
    void look(bool countAsChange);
    /// The next run after a run that ended now with the current failure count.
    [[nodiscard]] std::optional<QDateTime> nextRunAfterRun(const QDateTime &now) const;
    [[nodiscard]] qint64 backoffSeconds() const;
    void save();
    void updateState();
    QCoro::Task<> run(Trigger trigger);
    void recordOutcome(bool ok, const QString &result, const QString &message);

    Store *m_store;
    PushService *m_push;
    const Clock *m_clock;
    QTimer m_timer;
    SyncSchedule m_schedule;
    State m_state = State::NeedsAttention;
    qint64 m_revision = -1;
    qint64 m_pending = 0;
    std::optional<QDateTime> m_lastBackup;
    bool m_connected = false;
    bool m_running = false;
    bool m_started = false;
    QString m_attention;
    std::optional<QDateTime> m_overdueAlerted; ///< the next-run time an overdue alert was emitted for
};

} // namespace Notechondria
