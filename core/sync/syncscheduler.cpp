// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncscheduler.h"

#include "clock.h"
#include "logging.h"
#include "pushservice.h"
#include "store.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/schedule"_s;
constexpr int kBackoffCap = 8; ///< the longest wait after failures, in intervals
constexpr int kFailureAlert = 3; ///< keepsFailing() after this many failures in a row

} // namespace

SyncScheduler::SyncScheduler(Store *store, PushService *push, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_push(push)
    , m_clock(clock)
{
    m_timer.setInterval(std::chrono::seconds(5));
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::check);
}

SyncScheduler::~SyncScheduler() = default;

void SyncScheduler::setPollInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void SyncScheduler::start()
{
    if (auto stored = m_store->syncSchedule(); stored) {
        m_schedule = *stored;
    } else {
        qCWarning(lcSync).noquote() << stored.error().message();
    }
    m_started = true;
    look(false);
    const QDateTime now = m_clock->now();
    // A schedule without a next run (just turned on by another process, or settled with nothing waiting) gets one.
    if (!m_schedule.nextRun && m_schedule.mode == SyncSchedule::Mode::Every) {
        m_schedule.nextRun = now.addSecs(m_schedule.intervalSeconds);
        save();
    } else if (!m_schedule.nextRun && m_schedule.mode == SyncSchedule::Mode::AfterSettle && m_pending > 0) {
        m_schedule.nextRun = now.addSecs(m_schedule.intervalSeconds);
        save();
    }
    m_timer.start();
    check();
}

Result<void> SyncScheduler::setSchedule(SyncSchedule::Mode mode, qint64 intervalSeconds)
{
    if (intervalSeconds < 1 || intervalSeconds > SyncSchedule::maxIntervalSeconds) {
        return fail(u"Schedule not set"_s, kModule, u"the interval must be from 1 s to 7 days"_s);
    }
    if (m_started && mode == m_schedule.mode && intervalSeconds == m_schedule.intervalSeconds) {
        return {}; // the same schedule again (serve started with the stored one): its next run and back-off stay
    }
    m_schedule.mode = mode;
    m_schedule.intervalSeconds = intervalSeconds;
    m_schedule.consecutiveFailures = 0;
    m_overdueAlerted.reset();
    const QDateTime now = m_clock->now();
    const bool due = mode == SyncSchedule::Mode::Every || (mode == SyncSchedule::Mode::AfterSettle && m_pending > 0);
    m_schedule.nextRun = due ? std::optional(now.addSecs(intervalSeconds)) : std::nullopt;
    if (auto saved = m_store->saveSyncSchedule(m_schedule); !saved) {
        return saved;
    }
    qCInfo(lcSync).noquote() << u"Backup schedule: %1 %2"_s.arg(
        SyncSchedule::modeName(mode), SyncSchedule::formatDuration(intervalSeconds));
    updateState();
    Q_EMIT statusChanged();
    return {};
}

void SyncScheduler::look(bool countAsChange)
{
    const qint64 pendingBefore = m_pending;
    const std::optional<QDateTime> backupBefore = m_lastBackup;
    const bool connectedBefore = m_connected;
    auto revision = m_store->dataRevision();
    auto integration = m_store->integration();
    if (!revision || !integration) {
        m_attention = (!revision ? revision.error() : integration.error()).message();
        qCWarning(lcSync).noquote() << m_attention;
        return;
    }
    m_connected = integration->has_value() && !(*integration)->repoFullName.isEmpty();
    m_lastBackup = integration->has_value() ? (*integration)->lastPushAt : std::nullopt;
    // A backup made elsewhere (the window's Sync now) after a failed run: the failure no longer needs attention.
    if (m_schedule.consecutiveFailures > 0 && m_lastBackup && m_schedule.lastRun && *m_lastBackup > *m_schedule.lastRun
        && !m_running) {
        m_schedule.consecutiveFailures = 0;
        m_schedule.lastResult = u"synced"_s;
        m_schedule.lastMessage.clear();
        if (m_schedule.nextRun && m_schedule.mode == SyncSchedule::Mode::Every) {
            m_schedule.nextRun = m_lastBackup->addSecs(m_schedule.intervalSeconds);
        }
        save();
    }
    const bool changed = *revision != m_revision;
    if (changed || m_revision < 0) {
        m_pending = m_store->changedItemCount().value_or(m_pending);
    }
    m_revision = *revision;
    // Settling: every change seen starts the quiet interval again; nothing waiting, nothing due (unless backing off).
    if (countAsChange && changed && m_schedule.mode == SyncSchedule::Mode::AfterSettle
        && m_schedule.consecutiveFailures == 0) {
        m_schedule.nextRun
            = m_pending > 0 ? std::optional(m_clock->now().addSecs(m_schedule.intervalSeconds)) : std::nullopt;
        save();
    }
    if (pendingBefore != m_pending || backupBefore != m_lastBackup || connectedBefore != m_connected) {
        Q_EMIT statusChanged();
    }
}

void SyncScheduler::check()
{
    if (!m_started) {
        return;
    }
    look(true);
    const QDateTime now = m_clock->now();
    const qint64 interval = m_schedule.intervalSeconds;
    if (m_schedule.mode != SyncSchedule::Mode::Off && m_schedule.nextRun && now > *m_schedule.nextRun
        && m_schedule.nextRun->secsTo(now) > 2 * interval && m_overdueAlerted != m_schedule.nextRun) {
        m_overdueAlerted = m_schedule.nextRun;
        qCWarning(lcSync).noquote() << u"Scheduled backup overdue: %1 — due %2, %3 s late"_s.arg(
            kModule, m_schedule.nextRun->toString(Qt::ISODate), QString::number(m_schedule.nextRun->secsTo(now)));
        Q_EMIT overdue(m_schedule.nextRun->secsTo(now));
    }
    const bool busy = m_running || m_push->isRunning();
    if (!busy && m_connected && m_schedule.mode != SyncSchedule::Mode::Off && m_schedule.nextRun
        && *m_schedule.nextRun <= now) {
        run(Trigger::Scheduled);
        return;
    }
    updateState();
}

void SyncScheduler::syncNow()
{
    if (m_running || m_push->isRunning()) {
        return;
    }
    run(Trigger::Manual);
}

qint64 SyncScheduler::backoffSeconds() const
{
    const int failures = m_schedule.consecutiveFailures;
    const qint64 factor = failures <= 0 ? 1 : std::min<qint64>(kBackoffCap, qint64(1) << std::min(failures - 1, 3));
    return m_schedule.intervalSeconds * factor;
}

std::optional<QDateTime> SyncScheduler::nextRunAfterRun(const QDateTime &now) const
{
    switch (m_schedule.mode) {
    case SyncSchedule::Mode::Every:
        return now.addSecs(backoffSeconds());
    case SyncSchedule::Mode::AfterSettle:
        if (m_schedule.consecutiveFailures > 0) {
            return now.addSecs(backoffSeconds());
        }
        return m_pending > 0 ? std::optional(now.addSecs(m_schedule.intervalSeconds)) : std::nullopt;
    case SyncSchedule::Mode::Off:
        break;
    }
    return std::nullopt;
}

QCoro::Task<> SyncScheduler::run(Trigger trigger)
{
    auto integration = m_store->integration();
    if (!integration || !integration->has_value() || (*integration)->repoFullName.isEmpty()) {
        updateState();
        co_return;
    }
    m_running = true;
    updateState();
    Q_EMIT syncStarted();
    qCInfo(lcSync).noquote() << (trigger == Trigger::Scheduled ? u"Scheduled backup started"_s
                                                               : u"Backup started from the tray"_s);
    PushOptions options;
    options.pull = true;
    options.includeAssets = (*integration)->includeAssets;
    const Result<PushOutcome> outcome = co_await m_push->push(options);
    m_running = false;
    if (!outcome) {
        recordOutcome(false, u"failed"_s, outcome.error().message());
        Q_EMIT syncFailed(outcome.error().message());
    } else if (outcome->conflict) {
        QStringList titles;
        for (const SyncConflict &conflict : outcome->conflicts) {
            titles.append(conflict.title.isEmpty() ? conflict.path : conflict.title);
        }
        recordOutcome(false, u"conflict"_s,
            u"Backup stopped: %1 — %2 item(s) changed here and on GitHub: %3"_s.arg(
                kModule, QString::number(titles.size()), titles.join(u", "_s)));
        Q_EMIT conflictsFound(titles);
    } else if (outcome->massDeletionBlocked) {
        const QString message
            = u"Backup stopped: %1 — it would delete %2 files on GitHub; confirm with Sync now in the window"_s.arg(
                kModule, QString::number(outcome->wouldDelete));
        recordOutcome(false, u"blocked"_s, message);
        Q_EMIT syncFailed(message);
    } else {
        recordOutcome(true, u"synced"_s, QString());
    }
}

void SyncScheduler::recordOutcome(bool ok, const QString &result, const QString &message)
{
    const QDateTime now = m_clock->now();
    m_schedule.lastRun = now;
    m_schedule.lastResult = result;
    m_schedule.lastMessage = message;
    m_schedule.consecutiveFailures = ok ? 0 : m_schedule.consecutiveFailures + 1;
    m_revision = -1; // the sync recorded a new synced state: count again even when no account data moved
    look(false);
    m_schedule.nextRun = nextRunAfterRun(now);
    m_overdueAlerted.reset();
    save();
    updateState();
    Q_EMIT statusChanged();
    Q_EMIT syncFinished(ok, message);
    if (!ok && m_schedule.consecutiveFailures == kFailureAlert) {
        Q_EMIT keepsFailing(message);
    }
}

void SyncScheduler::save()
{
    if (auto saved = m_store->saveSyncSchedule(m_schedule); !saved) {
        qCWarning(lcSync).noquote() << saved.error().message();
    }
}

void SyncScheduler::updateState()
{
    State state = State::Synced;
    QString attention;
    if (m_running || m_push->isRunning()) {
        state = State::Syncing;
    } else if (!m_connected) {
        state = State::NeedsAttention;
        attention = u"Backups not set up: %1 — no GitHub repository is chosen"_s.arg(kModule);
    } else if (m_schedule.consecutiveFailures > 0 && !m_schedule.lastMessage.isEmpty()) {
        state = State::NeedsAttention;
        attention = m_schedule.lastMessage;
    } else if (m_pending > 0) {
        state = State::ChangesWaiting;
    }
    const bool attentionChanged = attention != m_attention;
    m_attention = attention;
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
    if (attentionChanged) {
        Q_EMIT statusChanged();
    }
}

} // namespace Notechondria
