// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QString>

namespace Notechondria::PrivateFiles {

/**
 * Owner-only data: the data folder is 0700, the store and every file next to it 0600, created so from the start and
 * tightened when found looser. Folders or files owned by someone else, and sticky shared folders such as /tmp, are
 * never changed.
 */

/// Creates `path` (and its missing parents) with mode 0700, or tightens an existing folder to 0700.
[[nodiscard]] Result<void> ensureFolder(const QString &path, const QString &consequence, const QString &process);

/// Tightens an existing file to 0600; succeeds when there is none.
[[nodiscard]] Result<void> tightenFile(const QString &path, const QString &consequence, const QString &process);

/// Creates an empty file with mode 0600 when there is none (O_CREAT | O_EXCL), tightens it otherwise.
[[nodiscard]] Result<void> ensureFile(const QString &path, const QString &consequence, const QString &process);

} // namespace Notechondria::PrivateFiles
