// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the sync: the local side of a sync that renders only what changed since the last one (issue #13).
#pragma once

#include "account.h"
#include "error.h"
#include "syncstate.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <optional>

namespace Notechondria {

class Clock;
class Store;

/// What an incremental sync sends and records.
struct IncrementalChange
{
    LocalState local; ///< integration, and as tree only the files to upload (indexByPath and blobIds over them)
    PublishPlan publish; ///< upload / remove and the counts, as the whole export's plan would have them
    QHash<QString, SyncBaseEntry> baseChanged; ///< sync base rows after the commit (uploaded paths)
    QStringList baseRemoved; ///< sync base rows deleted (removed paths)
    ExportIndexUpdate index; ///< the export index after the commit
    QByteArray manifest; ///< the new manifest.json ("" when it did not change)
    QString syncedState; ///< GitHubIntegration::syncedState after the commit
};

/**
 * The local side of a sync when the last one was complete and the branch has not moved since (DECISIONS §12): both
 * sides then hold the export the store's export index describes, so only what the note change log names (and the
 * account's small files: profile, courses, planner, recycle bin) is rendered, and only the checksum files those
 * changes fall into are rewritten. The result is exactly what the whole export would have sent.
 *
 * prepare() answers nullopt whenever that shortcut does not apply, and the caller runs the whole sync: no complete
 * last sync in this format, assets included, more than kMaxChangedNotes changed notes, a withheld or rejected file,
 * 20 or more deletions (the mass-deletion guard's business), or as many uploads as a git pack takes.
 */
class IncrementalSync
{
public:
    static constexpr qsizetype kMaxChangedNotes = 200;

    [[nodiscard]] static Result<std::optional<IncrementalChange>> prepare(const Store &store, const Clock &clock,
        const GitHubIntegration &integration, bool includeAssets, const QByteArray &previousManifest);
};

} // namespace Notechondria
