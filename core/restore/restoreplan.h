// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"

#include <QList>
#include <QString>

namespace Notechondria {

/// How a backup file differs from what the local store would export now.
struct RestoreFileChange
{
    QString path; ///< e.g. notes/<hex>.md
    QString status; ///< "added", "changed" or "removed" (in the store, not in the backup)
};

/**
 * What restoring @p incoming over @p current would change, file by file of the export (manifest.json and README.md
 * aside), sorted by path. Empty when the restore would change nothing.
 */
[[nodiscard]] QList<RestoreFileChange> planRestore(
    const AccountSnapshot &current, const AccountSnapshot &incoming, bool includeAssets = false);

} // namespace Notechondria
