// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncindexrecords.h"

#include "storecontext.h"
#include "storesql.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kReadConsequence = u"Cannot read the export index"_s;
const QString kWriteConsequence = u"Cannot record the sync"_s;
const QString kProcess = u"Core.Store/export_index"_s;

/// SQLite integers are signed: the key is stored with its top bit flipped, so unsigned order is integer order.
qint64 stored(quint64 key)
{
    return static_cast<qint64>(key ^ (quint64(1) << 63));
}

quint64 loaded(qint64 value)
{
    return static_cast<quint64>(value) ^ (quint64(1) << 63);
}

} // namespace

SyncIndexRecords::SyncIndexRecords(StoreContext &context)
    : m_context(context)
{
}

Result<qint64> SyncIndexRecords::noteChangeSequence() const
{
    auto q = m_context.exec(u"SELECT coalesce(max(seq), 0) FROM sync_changes"_s, {}, u"Cannot read the change log"_s,
        u"Core.Store/sync_changes"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<std::optional<QStringList>> SyncIndexRecords::changedUuids(qint64 after, qsizetype limit) const
{
    auto q
        // Through sync_changes_seq, the LIMIT inside: only the rows after @p after are read, at most limit + 1, then
        // sorted. Left to itself SQLite walks the whole change log in key order for `seq > ?` (a one-sided range).
        = m_context.exec(u"SELECT item FROM (SELECT item FROM sync_changes INDEXED BY sync_changes_seq "
                         "WHERE seq > ? AND item NOT LIKE '#%' LIMIT ?) ORDER BY item"_s,
            {after, qint64(limit) + 1}, u"Cannot read the change log"_s, u"Core.Store/sync_changes"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    QStringList uuids;
    while (q->next()) {
        uuids.append(q->value(0).toString());
    }
    if (uuids.size() > limit) {
        return std::optional<QStringList>();
    }
    return std::optional<QStringList>(std::move(uuids));
}

Result<QStringList> SyncIndexRecords::changedParts(qint64 after) const
{
    auto q = m_context.exec(u"SELECT item FROM sync_changes WHERE item IN ('#courses', '#planner') AND seq > ? "
                            "ORDER BY item"_s,
        {after}, u"Cannot read the change log"_s, u"Core.Store/sync_changes"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    QStringList parts;
    while (q->next()) {
        parts.append(q->value(0).toString());
    }
    return parts;
}

Result<QList<ExportIndexEntry>> SyncIndexRecords::select(const QString &where, const QVariantList &values) const
{
    auto q = m_context.exec(
        u"SELECT path, key, sha256 FROM export_index WHERE "_s + where, values, kReadConsequence, kProcess);
    if (!q) {
        return std::unexpected(q.error());
    }
    QList<ExportIndexEntry> rows;
    while (q->next()) {
        ExportIndexEntry entry{q->value(0).toString(), std::nullopt, q->value(2).toString().toLatin1()};
        if (!q->value(1).isNull()) {
            entry.key = loaded(q->value(1).toLongLong());
        }
        rows.append(std::move(entry));
    }
    return rows;
}

Result<QList<ExportIndexEntry>> SyncIndexRecords::entries(const QStringList &paths) const
{
    QList<ExportIndexEntry> rows;
    for (const QString &path : paths) {
        auto found = select(u"path = ?"_s, {path});
        if (!found) {
            return std::unexpected(found.error());
        }
        rows.append(*found);
    }
    return rows;
}

Result<QList<ExportIndexEntry>> SyncIndexRecords::lines(quint64 first, quint64 last) const
{
    return select(u"key IS NOT NULL AND key BETWEEN ? AND ? ORDER BY key, path"_s, {stored(first), stored(last)});
}

Result<qsizetype> SyncIndexRecords::lineCount(quint64 first, quint64 last, qsizetype cap) const
{
    auto q = m_context.exec(
        u"SELECT count(*) FROM (SELECT 1 FROM export_index WHERE key IS NOT NULL AND key BETWEEN ? AND ? LIMIT ?)"_s,
        {stored(first), stored(last), qint64(cap)}, kReadConsequence, kProcess);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QList<ExportIndexEntry>> SyncIndexRecords::accountFiles(bool withCourses, bool withPlanner) const
{
    // Primary-key reads only: the fixed files, and the courses/ range when asked for.
    QString where = u"path IN ('profile/creator.json', 'profile/settings.json', 'profile/skill.md', "
                    "'recycle_bin.json'"_s;
    if (withPlanner) {
        where += u", 'planner/events.json', 'planner/feeds.json'"_s;
    }
    where += u')';
    if (withCourses) {
        where += u" OR (path >= 'courses/' AND path < 'courses0')"_s;
    }
    return select(u"key IS NOT NULL AND ("_s + where + u") ORDER BY path"_s, {});
}

Result<QList<ExportIndexEntry>> SyncIndexRecords::checksumFiles() const
{
    return select(u"path >= 'checksums/' AND path < 'checksums0' AND key IS NULL ORDER BY path"_s, {});
}

Result<void> SyncIndexRecords::write(const ExportIndexUpdate &update)
{
    QHash<QString, ExportIndexEntry> old;
    if (update.replace) {
        auto rows = select(u"1"_s, {});
        if (!rows) {
            return std::unexpected(rows.error());
        }
        for (const ExportIndexEntry &row : std::as_const(*rows)) {
            old.insert(row.path, row);
        }
    }
    QStringList removed = update.removed;
    if (update.replace) {
        removed.clear();
        QSet<QString> kept;
        for (const ExportIndexEntry &entry : update.entries) {
            kept.insert(entry.path);
        }
        for (auto it = old.cbegin(); it != old.cend(); ++it) {
            if (!kept.contains(it.key())) {
                removed.append(it.key());
            }
        }
    }
    for (const QString &path : std::as_const(removed)) {
        if (auto done
            = m_context.run(u"DELETE FROM export_index WHERE path = ?"_s, {path}, kWriteConsequence, kProcess);
            !done) {
            return done;
        }
    }
    for (const ExportIndexEntry &entry : update.entries) {
        if (const auto found = old.constFind(entry.path); found != old.cend() && *found == entry) {
            continue;
        }
        const QVariant key = entry.key ? QVariant(stored(*entry.key)) : QVariant(QMetaType::fromType<qlonglong>());
        auto done = m_context.run(u"INSERT OR REPLACE INTO export_index (path, key, sha256) VALUES (?, ?, ?)"_s,
            {entry.path, key, QString::fromLatin1(entry.sha256)}, kWriteConsequence, kProcess);
        if (!done) {
            return done;
        }
    }
    return {};
}

Result<void> SyncIndexRecords::clear()
{
    return m_context.run(u"DELETE FROM export_index"_s, {}, kWriteConsequence, kProcess);
}

} // namespace Notechondria
