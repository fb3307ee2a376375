// SPDX-License-Identifier: GPL-3.0-or-later
#include "runrecords.h"

#include "storecontext.h"
#include "storesql.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

PushRun readRun(const QSqlQuery &q)
{
    PushRun run;
    run.id = q.value(0).toLongLong();
    run.startedAt = toDateTime(q.value(1)).value_or(QDateTime());
    run.durationMs = q.value(2).toLongLong();
    run.added = q.value(3).toInt();
    run.changed = q.value(4).toInt();
    run.deleted = q.value(5).toInt();
    run.bytes = q.value(6).toLongLong();
    run.requests = q.value(7).toInt();
    run.commitSha = q.value(8).toString();
    run.outcome = q.value(9).toString();
    run.message = q.value(10).toString();
    return run;
}

} // namespace

RunRecords::RunRecords(StoreContext &context)
    : m_context(context)
{
}

Result<qint64> RunRecords::recordRun(const PushRun &run)
{
    return m_context.saveRow(u"push_runs"_s,
        {u"started_at"_s, u"duration_ms"_s, u"added"_s, u"changed"_s, u"deleted"_s, u"bytes"_s, u"requests"_s,
            u"commit_sha"_s, u"outcome"_s, u"message"_s},
        {fromDateTime(run.startedAt.isValid() ? run.startedAt : m_context.now()), run.durationMs, run.added,
            run.changed, run.deleted, run.bytes, run.requests, text(run.commitSha), text(run.outcome),
            text(run.message)},
        0, u"push run"_s, u"Cannot record the push run"_s, u"Core.Store/record_run"_s);
}

Result<QList<PushRun>> RunRecords::runs(int limit) const
{
    return StoreContext::readAll(
        m_context.exec(u"SELECT id, started_at, duration_ms, added, changed, deleted, bytes, requests, commit_sha, "
                       "outcome, message FROM push_runs ORDER BY started_at DESC, id DESC LIMIT ?"_s,
            {limit}, u"Cannot list push runs"_s, u"Core.Store/runs"_s),
        readRun);
}

} // namespace Notechondria
