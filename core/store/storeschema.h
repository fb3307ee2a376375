// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the schema versions and the migrations between them.
#pragma once

#include "error.h"

#include <QStringList>

namespace Notechondria {

class StoreContext;

/**
 * The store's schema: an ordered list of migrations, migration N taking the file from version N-1 to N in one
 * transaction and recording N in the schema_version table. Never edit a released migration: append one (and raise
 * Store::schemaVersion).
 */
class StoreSchema
{
public:
    StoreSchema() = delete;

    /// The version recorded in the file; 0 for a file without a schema_version table (a new file). Writes nothing.
    [[nodiscard]] static Result<int> storedVersion(const StoreContext &context);
    /// Runs the migrations from @p from + 1 up to @p to (by default the version this build writes), each in its own
    /// transaction: a failed one is rolled back and leaves the file at the version before it.
    [[nodiscard]] static Result<void> migrate(StoreContext &context, int from, int to = -1);
    /// The statements of migration @p version (1 .. Store::schemaVersion).
    [[nodiscard]] static QStringList statements(int version);
    /// The tables of the account's data: a write to any of them moves the data revision (from version 4 on).
    [[nodiscard]] static QStringList accountTables();
};

} // namespace Notechondria
