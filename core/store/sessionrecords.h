// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the note sessions the planner records.
#pragma once

#include "error.h"
#include "store.h"

#include <optional>

namespace Notechondria {

class StoreContext;

/// The note sessions (note_sessions, schema 6): stretches of work on one note, read with the note's course.
class SessionRecords
{
public:
    /// @p context must outlive the records.
    explicit SessionRecords(StoreContext &context);

    /// id 0 inserts (the note must exist); otherwise writes title, summary, started_at and ended_at of that row.
    [[nodiscard]] Result<NoteSession> save(NoteSession session);
    [[nodiscard]] Result<std::optional<NoteSession>> session(qint64 id) const;
    /// Newest start first, then highest id.
    [[nodiscard]] Result<QList<NoteSession>> sessions(const NoteSessionQuery &query) const;

private:
    StoreContext &m_context;
};

} // namespace Notechondria
