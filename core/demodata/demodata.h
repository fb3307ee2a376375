// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QtGlobal>

namespace Notechondria {

class Clock;
class Store;

/// What generateDemoData() should do.
struct DemoOptions
{
    int notes = 0; ///< new notes to generate (0: none; on an empty store, a profile is made anyway)
    quint32 seed = 1; ///< the same seed and clock give the same account
    int attachments = 0; ///< binary attachments spread over the new notes
    int touch = 0; ///< existing live notes to edit
    int deleteCount = 0; ///< existing live notes to soft-delete
};

/// What generateDemoData() did.
struct DemoSummary
{
    int notesCreated = 0;
    int coursesCreated = 0;
    int attachmentsCreated = 0;
    int eventsCreated = 0;
    int feedsCreated = 0;
    int notesTouched = 0;
    int notesDeleted = 0;
    int totalNotes = 0; ///< live notes afterwards
    int totalDeleted = 0; ///< notes in the recycle bin afterwards
};

/**
 * Fills @p store with a realistic synthetic account, in one transaction: a profile (with settings JSON and an
 * avatar), about notes/50 courses (at least 2), notes with Unicode (CJK, emoji, RTL, combining marks), long (~20 KB)
 * and empty bodies, custom meta (strings, numbers, nested lists/maps, keys colliding with system keys such as
 * "title"), metadata JSON, planner events (some recurring), calendar feeds (with raw iCal) and binary attachments.
 *
 * Deterministic: the same store content, options and clock give the same data (QRandomGenerator(seed); uuids and
 * timestamps derived from it and from the clock). On an existing account, `touch` edits K live notes and
 * `deleteCount` soft-deletes D others, chosen deterministically, without adding notes unless `notes` > 0.
 */
[[nodiscard]] Result<DemoSummary> generateDemoData(Store &store, const DemoOptions &options, const Clock &clock);

} // namespace Notechondria
