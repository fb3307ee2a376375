// SPDX-License-Identifier: GPL-3.0-or-later
// NoteRecords' listing cache across writes: the kept orders brought up to date from the change log by difference.
#include "notequerysql.h"
#include "noterecords.h"
#include "storecontext.h"
#include "syncindexrecords.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

/// More changed notes than this since the kept revision: the orders are read again rather than updated.
constexpr qsizetype maxChangesApplied = 200;
/// How many ids of an order insertPosition() reads the sort keys of per step (one statement each).
constexpr qsizetype positionSamples = 64;

const QString consequence = u"Cannot list notes"_s;
const QString process = u"Core.Store/note_listing"_s;

/// @p ids as a JSON array, for `json_each(?)`.
QString jsonIds(const QList<qint64> &ids)
{
    QString list = u"["_s;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0) {
            list += u',';
        }
        list += QString::number(ids.at(i));
    }
    return list + u']';
}

/// Whether the note (@p lastEdit, @p id) comes before (@p otherEdit, @p otherId) in list order: last_edit, then id,
/// both descending, compared as SQLite compares the stored text.
bool before(const QString &lastEdit, qint64 id, const QString &otherEdit, qint64 otherId)
{
    const int edits = QString::compare(lastEdit, otherEdit, Qt::CaseSensitive);
    return edits != 0 ? edits > 0 : id > otherId;
}

} // namespace

Result<bool> NoteRecords::syncListing(const QString &consequenceOfCaller, const QString &processOfCaller) const
{
    auto revision = m_context.exec(
        u"SELECT revision FROM data_revision WHERE id = 1"_s, {}, consequenceOfCaller, processOfCaller);
    if (!revision) {
        return std::unexpected(revision.error());
    }
    // Read before the listing: a write in between leaves newer values under an older revision and change log
    // position, and is applied again next time (applying a change twice gives the same order).
    const qint64 current = revision->next() ? revision->value(0).toLongLong() : -1;
    if (current != m_listing.revision) {
        const auto refreshed
            = m_context.readSnapshot([&]() { return refreshListing(current, consequenceOfCaller, processOfCaller); });
        if (!refreshed) {
            return std::unexpected(refreshed.error());
        }
    }
    return !m_context.inTransaction();
}

Result<void> NoteRecords::refreshListing(
    qint64 revision, const QString &consequenceOfCaller, const QString &processOfCaller) const
{
    // Inside the snapshot the revision and the change log describe one state: read both again.
    auto state = m_context.exec(u"SELECT (SELECT revision FROM data_revision WHERE id = 1), "
                                "(SELECT coalesce(max(seq), 0) FROM sync_changes)"_s,
        {}, consequenceOfCaller, processOfCaller);
    if (!state) {
        return std::unexpected(state.error());
    }
    if (!state->next()) {
        m_listing = ListingCache{revision, -1, {}, {}, {}, 0};
        return {};
    }
    const qint64 current = state->value(0).toLongLong();
    const qint64 seq = state->value(1).toLongLong();
    if (current == m_listing.revision) {
        return {};
    }
    // A transaction's writes may still be rolled back and their revision and sequence numbers handed out again.
    if (m_context.inTransaction() || m_listing.changeSeq < 0) {
        m_listing = ListingCache{current, m_context.inTransaction() ? -1 : seq, {}, {}, {}, 0};
        return {};
    }
    const auto applied = applyListingChanges();
    if (!applied) {
        return std::unexpected(applied.error());
    }
    if (!*applied) {
        m_listing = ListingCache{current, seq, {}, {}, {}, 0};
        return {};
    }
    m_listing.revision = current;
    m_listing.changeSeq = seq;
    return {};
}

Result<bool> NoteRecords::applyListingChanges() const
{
    // In refreshListing()'s snapshot: the change log holds nothing after the sequence number read there.
    const auto uuids = SyncIndexRecords(m_context).changedUuids(m_listing.changeSeq, maxChangesApplied);
    if (!uuids) {
        return std::unexpected(uuids.error());
    }
    if (!*uuids) {
        return false;
    }
    if ((*uuids)->isEmpty()) {
        return true; // courses, events or the profile changed: no note's place in any list
    }
    auto rows = m_context.exec(u"SELECT id FROM notes WHERE uuid IN (SELECT value FROM json_each(?))"_s,
        {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(**uuids)).toJson(QJsonDocument::Compact))},
        consequence, process);
    if (!rows) {
        return std::unexpected(rows.error());
    }
    QList<qint64> changed;
    while (rows->next()) {
        changed.append(rows->value(0).toLongLong());
    }
    if (changed.size() < (*uuids)->size()) {
        return false; // a note deleted for good: its id is no longer known, so it cannot be taken out
    }
    std::ranges::sort(changed);
    for (auto order = m_listing.orders.cbegin(); order != m_listing.orders.cend();) {
        const QString key = order.key();
        ++order;
        QList<qint64> &pending = m_listing.pending[key];
        QList<qint64> merged;
        std::ranges::set_union(pending, changed, std::back_inserter(merged));
        pending = std::move(merged);
        if (pending.size() > maxChangesApplied) {
            dropOrder(key);
        }
    }
    return true;
}

Result<void> NoteRecords::settleOrder(const QString &key) const
{
    if (!m_listing.pending.contains(key)) {
        return {};
    }
    return m_context.readSnapshot([&]() -> Result<void> {
        // In the snapshot, first the revision: a write since the last look adds its notes to the pending ones, so
        // what reorder() reads is the state the kept revision names.
        const auto kept = syncListing(consequence, process);
        if (!kept) {
            return std::unexpected(kept.error());
        }
        const auto order = m_listing.orders.find(key);
        const auto pending = m_listing.pending.constFind(key);
        if (order == m_listing.orders.end() || pending == m_listing.pending.constEnd()) {
            return {};
        }
        const qsizetype before = order->size();
        const auto done = reorder(*order, m_listing.filters.value(key), *pending);
        if (!done) {
            return std::unexpected(done.error());
        }
        if (!*done) {
            dropOrder(key);
            return {};
        }
        m_listing.orderedIds += order->size() - before;
        m_listing.pending.remove(key);
        return {};
    });
}

void NoteRecords::dropOrder(const QString &key) const
{
    m_listing.orderedIds -= m_listing.orders.value(key).size();
    m_listing.orders.remove(key);
    m_listing.filters.remove(key);
    m_listing.pending.remove(key);
}

Result<bool> NoteRecords::reorder(
    QList<qint64> &order, const StoreNoteQuery &filters, const QList<qint64> &changed) const
{
    order.removeIf([&](qint64 id) { return std::ranges::binary_search(changed, id); });
    const auto [where, values] = NoteQuerySql::where(filters, NoteQuerySql::TextMatch::PerRow);
    // CROSS JOIN: the changed rows looked up by id, never a walk of a listing index that the filter could use.
    auto matching = m_context.exec(u"SELECT n.id, n.last_edit FROM json_each(?) AS changed CROSS JOIN notes n "
                                   "ON n.id = changed.value"_s
            + (where.isEmpty() ? QString() : u" WHERE "_s + where) + u" ORDER BY n.last_edit DESC, n.id DESC"_s,
        QVariantList{jsonIds(changed)} + values, consequence, process);
    if (!matching) {
        return std::unexpected(matching.error());
    }
    while (matching->next()) {
        const qint64 id = matching->value(0).toLongLong();
        const auto position = insertPosition(order, matching->value(1).toString(), id);
        if (!position || !*position) {
            return position ? Result<bool>(false) : std::unexpected(position.error());
        }
        order.insert(**position, id);
    }
    return true;
}

Result<std::optional<qsizetype>> NoteRecords::insertPosition(
    const QList<qint64> &order, const QString &lastEdit, qint64 id) const
{
    // The answer lies in [low, high]: every id before low comes before the note, every id from high on after it.
    qsizetype low = 0;
    qsizetype high = order.size();
    while (low < high) {
        const qsizetype step = std::max<qsizetype>(1, (high - low + positionSamples - 1) / positionSamples);
        QList<qsizetype> positions;
        QList<qint64> ids;
        for (qsizetype at = low; at < high; at += step) {
            positions.append(at);
            ids.append(order.at(at));
        }
        auto keys = m_context.exec(u"SELECT id, last_edit FROM notes WHERE id IN (SELECT value FROM json_each(?))"_s,
            {jsonIds(ids)}, consequence, process);
        if (!keys) {
            return std::unexpected(keys.error());
        }
        QHash<qint64, QString> edits;
        while (keys->next()) {
            edits.insert(keys->value(0).toLongLong(), keys->value(1).toString());
        }
        if (edits.size() < ids.size()) {
            return std::optional<qsizetype>();
        }
        // The sampled ids that come before the note are a prefix of the samples.
        qsizetype ahead = 0;
        while (ahead < positions.size() && before(edits.value(ids.at(ahead)), ids.at(ahead), lastEdit, id)) {
            ++ahead;
        }
        if (ahead == 0) {
            high = low;
        } else {
            const qsizetype next = ahead < positions.size() ? positions.at(ahead) : high;
            low = positions.at(ahead - 1) + 1;
            high = next;
        }
    }
    return std::optional<qsizetype>(low);
}

} // namespace Notechondria
