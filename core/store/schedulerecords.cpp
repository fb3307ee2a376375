// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulerecords.h"

#include "storecontext.h"
#include "storesql.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

const QString readConsequence = u"Cannot read the backup schedule"_s;
const QString readProcess = u"Core.Store/sync_schedule"_s;

/// "revision=R;changes=S;…" (LocalState::syncedStateFor) → (R, S); nullopt when either is missing.
std::optional<std::pair<qint64, qint64>> parseSyncedState(const QString &state)
{
    QHash<QString, QString> parts;
    for (const QString &part : state.split(u';')) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals > 0) {
            parts.insert(part.first(equals), part.sliced(equals + 1));
        }
    }
    bool revisionOk = false;
    bool sequenceOk = false;
    const qint64 revision = parts.value(u"revision"_s).toLongLong(&revisionOk);
    const qint64 sequence = parts.value(u"changes"_s).toLongLong(&sequenceOk);
    if (!revisionOk || !sequenceOk || sequence < 0) {
        return std::nullopt;
    }
    return std::pair{revision, sequence};
}

} // namespace

ScheduleRecords::ScheduleRecords(StoreContext &context)
    : m_context(context)
{
}

Result<SyncSchedule> ScheduleRecords::schedule() const
{
    auto q = m_context.exec(u"SELECT mode, interval_seconds, next_run, last_run, last_result, last_message, "
                            "consecutive_failures FROM sync_schedule WHERE id = 1"_s,
        {}, readConsequence, readProcess);
    if (!q) {
        return std::unexpected(q.error());
    }
    SyncSchedule schedule;
    if (!q->next()) {
        return schedule;
    }
    schedule.mode = SyncSchedule::modeNamed(q->value(0).toString()).value_or(SyncSchedule::Mode::Off);
    schedule.intervalSeconds = std::clamp<qint64>(q->value(1).toLongLong(), 1, SyncSchedule::maxIntervalSeconds);
    schedule.nextRun = toDateTime(q->value(2));
    schedule.lastRun = toDateTime(q->value(3));
    schedule.lastResult = q->value(4).toString();
    schedule.lastMessage = q->value(5).toString();
    schedule.consecutiveFailures = std::max(0, q->value(6).toInt());
    return schedule;
}

Result<void> ScheduleRecords::save(const SyncSchedule &schedule)
{
    return m_context.run(
        u"INSERT INTO sync_schedule (id, mode, interval_seconds, next_run, last_run, last_result, "
        "last_message, consecutive_failures) VALUES (1, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
        "SET mode = excluded.mode, interval_seconds = excluded.interval_seconds, "
        "next_run = excluded.next_run, last_run = excluded.last_run, "
        "last_result = excluded.last_result, last_message = excluded.last_message, "
        "consecutive_failures = excluded.consecutive_failures"_s,
        {SyncSchedule::modeName(schedule.mode),
            std::clamp<qint64>(schedule.intervalSeconds, 1, SyncSchedule::maxIntervalSeconds),
            fromDateTime(schedule.nextRun), fromDateTime(schedule.lastRun), text(schedule.lastResult),
            text(schedule.lastMessage), std::max(0, schedule.consecutiveFailures)},
        u"Cannot save the backup schedule"_s, u"Core.Store/save_sync_schedule"_s);
}

Result<qint64> ScheduleRecords::count(const QString &sql, const QVariantList &values) const
{
    auto q = m_context.exec(sql, values, u"Cannot count the changes not backed up"_s, u"Core.Store/changed_items"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<qint64> ScheduleRecords::changedItemCount() const
{
    auto q = m_context.exec(u"SELECT synced_state, last_push_sha FROM github_integration WHERE id = 1"_s, {},
        u"Cannot count the changes not backed up"_s, u"Core.Store/changed_items"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    const bool connected = q->next();
    const QString state = connected ? q->value(0).toString() : QString();
    const bool pushed = connected && !q->value(1).toString().isEmpty();
    q->finish();
    const auto synced = parseSyncedState(state);
    if (!synced) {
        if (pushed) {
            return 1;
        }
        return count(u"SELECT count(*) FROM sync_changes"_s, {});
    }
    auto revision = count(u"SELECT revision FROM data_revision WHERE id = 1"_s, {});
    if (!revision || *revision == synced->first) {
        return revision.transform([](qint64) { return qint64(0); });
    }
    auto changed = count(u"SELECT count(*) FROM sync_changes WHERE seq > ?"_s, {synced->second});
    return changed.transform([](qint64 n) { return std::max<qint64>(n, 1); });
}

} // namespace Notechondria
