// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: what an incremental sync reads instead of the whole account (issue #13).
#pragma once

#include "account.h"
#include "error.h"

#include <QList>
#include <QStringList>

namespace Notechondria {

class StoreContext;

/**
 * The change log of the notes and the export index (schema 5).
 *
 * sync_changes gives every note (by uuid) a sequence number of its last change, and the courses and the planner one
 * each, written by triggers (so writes from any process count), with the uuid of a deleted row kept; export_index is
 * the export of the last complete sync: per file that checksums/ covers its checksum key and SHA-256, per checksum file
 * its SHA-256. A sync that knows the sequence number it last exported at reads only what changed since, and rewrites
 * only the checksum files those changes fall into.
 */
class SyncIndexRecords
{
public:
    /// @p context must outlive the records.
    explicit SyncIndexRecords(StoreContext &context);

    /// The highest change sequence number (0 when no note ever changed).
    [[nodiscard]] Result<qint64> noteChangeSequence() const;
    /// The uuids (with dashes) of the notes changed after sequence number @p after, deleted ones included; nullopt
    /// when more than @p limit changed.
    [[nodiscard]] Result<std::optional<QStringList>> changedUuids(qint64 after, qsizetype limit) const;

    /// The index rows of @p paths that exist.
    [[nodiscard]] Result<QList<ExportIndexEntry>> entries(const QStringList &paths) const;
    /// The covered files with a key in [@p first, @p last], in key order.
    [[nodiscard]] Result<QList<ExportIndexEntry>> lines(quint64 first, quint64 last) const;
    /// How many covered files have a key in [@p first, @p last], counted up to @p cap.
    [[nodiscard]] Result<qsizetype> lineCount(quint64 first, quint64 last, qsizetype cap) const;
    /// Which of "#courses" and "#planner" changed after sequence number @p after.
    [[nodiscard]] Result<QStringList> changedParts(qint64 after) const;
    /// The covered files outside notes/ and assets/: profile/, recycle_bin.json, and courses/ and planner/ when asked.
    [[nodiscard]] Result<QList<ExportIndexEntry>> accountFiles(bool withCourses, bool withPlanner) const;
    /// The checksum files (checksums/*.sha256), by path.
    [[nodiscard]] Result<QList<ExportIndexEntry>> checksumFiles() const;

    /// Applies @p update (inside the caller's transaction); a replacement writes only the rows that differ.
    [[nodiscard]] Result<void> write(const ExportIndexUpdate &update);
    /// Empties the export index (a disconnect, another repository).
    [[nodiscard]] Result<void> clear();

private:
    [[nodiscard]] Result<QList<ExportIndexEntry>> select(const QString &where, const QVariantList &values) const;

    StoreContext &m_context;
};

} // namespace Notechondria
