// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the restore tests read from a store: its export (assets included) as path → bytes, written as a backup folder.

#include "clock.h"
#include "store.h"

#include <QMap>

namespace Notechondria::Test {

/// Every exported file of @p store but manifest.json and README.md, assets included when @p includeAssets.
[[nodiscard]] QMap<QString, QByteArray> exportedFiles(
    const Store &store, const Clock &clock, bool includeAssets = true);

/// Writes the export of @p store (assets included) into @p folder, as a clone of the backup repository holds it.
bool writeBackupOf(const Store &store, const Clock &clock, const QString &folder);

/// How many attachments the notes of @p store carry.
[[nodiscard]] int attachmentCount(const Store &store);

} // namespace Notechondria::Test
