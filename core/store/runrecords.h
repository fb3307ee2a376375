// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the push history.
#pragma once

#include "account.h"
#include "error.h"

#include <QList>

namespace Notechondria {

class StoreContext;

/// The push history: one push_runs row per push or sync attempt, kept across account restores.
class RunRecords
{
public:
    /// @p context must outlive the records.
    explicit RunRecords(StoreContext &context);

    /// Appends a push run (started_at defaults to now); returns its id.
    [[nodiscard]] Result<qint64> recordRun(const PushRun &run);
    /// The last @p limit runs, newest (by started_at, then id) first.
    [[nodiscard]] Result<QList<PushRun>> runs(int limit = 20) const;

private:
    StoreContext &m_context;
};

} // namespace Notechondria
