// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "error.h"
#include "exporter.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

namespace Notechondria {

class Clock;
class Store;

/// The account materialized once: what the sync needs of the account it was built from, and its export tree.
struct MaterializedExport
{
    AccountSnapshot account; ///< profile, courses, events, feeds: the notes were rendered in batches, not kept
    QHash<QString, QString> noteTitles; ///< note uuid hex → title, the recycle bin's too
    QSet<QString> liveNoteIds; ///< uuid hex of the notes not in the bin
    qsizetype noteCount = 0; ///< all notes, the bin's too
    ExportTree tree;
    QByteArray previousManifest; ///< the previous manifest the export compared itself with ("" when none was usable)
};

/**
 * The one way the account's export is materialized "with the previous manifest": the push, the sync, the preview
 * and the CLI's export all go through it, so the same account gives the same bytes everywhere.
 *
 * It reads the store's snapshot, checks the previous manifest and passes the clock's time. A previous manifest that
 * is not one (not a JSON object, no parseable `exported_at`, no `checksums_sha256`) is dropped with a warning, as if
 * there were none: `exported_at` is then the clock's now.
 */
class ExportPipeline
{
public:
    ExportPipeline(const Store &store, const Clock &clock, bool includeAssets);

    /// The snapshot and its export; an Error (three-part) when the store cannot be read.
    [[nodiscard]] Result<MaterializedExport> run(const QByteArray &previousManifest) const;
    /// run()'s tree alone, without what only a sync needs (the notes' titles and ids, ExportTree::index).
    [[nodiscard]] Result<ExportTree> tree(const QByteArray &previousManifest) const;

    /// Whether @p manifest can keep exported_at: a JSON object with a parseable `exported_at` and a
    /// `checksums_sha256` (schema 3).
    [[nodiscard]] static bool isUsableManifest(const QByteArray &manifest);
    /// Whether @p manifest is one of schema 1 or 2 (no checksums/): the next export rewrites it, with no warning.
    [[nodiscard]] static bool isEarlierManifest(const QByteArray &manifest);
    /// Where the manifest.json of the last sync is kept for the database at @p databasePath (next to it).
    [[nodiscard]] static QString lastManifestPathFor(const QString &databasePath);
    /// The manifest kept at @p path when its blob id is @p blobId, else "".
    [[nodiscard]] static QByteArray readManifest(const QString &path, const QByteArray &blobId);
    /// The manifest of the last synced tree as kept next to @p store's database: "" when there is none, or when the
    /// kept copy is not the one the sync base names.
    [[nodiscard]] static Result<QByteArray> lastSyncedManifest(const Store &store);

private:
    [[nodiscard]] Result<MaterializedExport> materialize(const QByteArray &previousManifest, bool forSync) const;

    const Store &m_store;
    const Clock &m_clock;
    bool m_includeAssets;
};

} // namespace Notechondria
