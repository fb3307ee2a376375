// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncmerge.h"

#include "exporter.h"
#include "textmerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

/// Keys whose later value wins when both sides changed them: they record when, not what.
bool isTimestampKey(const QString &key)
{
    return key == u"last_edit"_s || key == u"app_settings_updated_at"_s || key == u"last_sync"_s
        || key == u"last_login"_s;
}

/// A list file: its array key and the key that identifies an item.
struct ListKind
{
    QString array;
    QString id;
};

std::optional<ListKind> listKindOf(const QString &path)
{
    if (path == u"planner/events.json"_s) {
        return ListKind{u"events"_s, u"id"_s};
    }
    if (path == u"planner/feeds.json"_s) {
        return ListKind{u"feeds"_s, u"id"_s};
    }
    if (path == u"recycle_bin.json"_s) {
        return ListKind{u"notes"_s, u"uuid"_s};
    }
    return std::nullopt;
}

struct KeyedMerge
{
    bool conflict = false;
};

/// Per-key three-way merge of maps of comparable values; nested JSON objects are merged recursively.
QJsonObject mergeObjects(const QJsonObject &base, const QJsonObject &ours, const QJsonObject &theirs, bool &conflict)
{
    QJsonObject merged;
    QStringList keys = ours.keys() + theirs.keys() + base.keys();
    std::ranges::sort(keys);
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue b = base.value(key), o = ours.value(key), t = theirs.value(key);
        QJsonValue value;
        if (o == t) {
            value = o;
        } else if (o == b) {
            value = t;
        } else if (t == b) {
            value = o;
        } else if (o.isObject() && t.isObject() && (b.isObject() || b.isUndefined())) {
            value = mergeObjects(b.toObject(), o.toObject(), t.toObject(), conflict);
        } else if (isTimestampKey(key) && o.isString() && t.isString()) {
            value = std::max(o.toString(), t.toString());
        } else {
            conflict = true;
            value = o;
        }
        if (!value.isUndefined()) {
            merged.insert(key, value);
        }
    }
    return merged;
}

std::optional<QJsonObject> parseObject(const FileContent &bytes)
{
    if (!bytes) {
        return QJsonObject{};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    return document.object();
}

QString itemIdOf(const QJsonObject &item, const ListKind &kind)
{
    const QJsonValue id = item.value(kind.id);
    return id.isDouble() ? QString::number(id.toInteger()) : id.toString();
}

QMap<QString, QJsonObject> itemsOf(const QJsonObject &file, const ListKind &kind)
{
    QMap<QString, QJsonObject> items;
    for (const auto &value : file.value(kind.array).toArray()) {
        items.insert(itemIdOf(value.toObject(), kind), value.toObject());
    }
    return items;
}

QString noteKeyOfUuid(const QString &uuid)
{
    QString hex = uuid.toLower();
    hex.remove(u'-');
    return u"notes/"_s + hex + u".md"_s;
}

struct ListMerge
{
    const QString &path;
    const ListKind &kind;
    MergeContext &context;
    MergedFile &result;

    QString keyOf(const QString &id) const { return kind.id == u"uuid"_s ? noteKeyOfUuid(id) : path + u'#' + id; }

    /// One item present or absent on each side; returns the merged item (nullopt: none).
    std::optional<QJsonObject> item(const QString &id, const std::optional<QJsonObject> &b,
        const std::optional<QJsonObject> &o, const std::optional<QJsonObject> &t)
    {
        if (o == t) {
            return o;
        }
        if (o == b) {
            return t;
        }
        if (t == b) {
            return o;
        }
        const auto resolution = context.resolve ? context.resolve(keyOf(id)) : std::nullopt;
        if (resolution == SyncResolution::Theirs) {
            return t;
        }
        if (resolution == SyncResolution::Mine || resolution == SyncResolution::Both) {
            return o;
        }
        if (kind.id == u"uuid"_s) {
            // The recycle bin follows the note files: a restored note (no entry) wins, else the later deletion.
            if (!o || !t) {
                return std::nullopt;
            }
            return o->value(u"deleted_at"_s).toString() >= t->value(u"deleted_at"_s).toString() ? o : t;
        }
        if (!o || !t) {
            result.conflicts.append({keyOf(id), o ? u"deleted_on_github"_s : u"deleted_here"_s});
            return o ? o : t;
        }
        bool conflict = false;
        QJsonObject merged = mergeObjects(b.value_or(QJsonObject{}), *o, *t, conflict);
        if (conflict) {
            result.conflicts.append({keyOf(id), u"both_changed"_s});
        }
        return merged;
    }

    QJsonArray merge(const QJsonObject &base, const QJsonObject &ours, const QJsonObject &theirs)
    {
        const auto b = itemsOf(base, kind), o = itemsOf(ours, kind), t = itemsOf(theirs, kind);
        QMap<QString, QJsonObject> merged;
        QList<QJsonObject> renumbered;
        QStringList ids = o.keys() + t.keys() + b.keys();
        std::ranges::sort(ids);
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        for (const QString &id : std::as_const(ids)) {
            const auto pick = [&](const QMap<QString, QJsonObject> &m) {
                return m.contains(id) ? std::optional<QJsonObject>(m.value(id)) : std::nullopt;
            };
            const auto bi = pick(b), oi = pick(o), ti = pick(t);
            if (!bi && oi && ti && *oi != *ti && kind.id == u"id"_s) {
                // Two different items were added with one id: keep both, ours under a fresh id.
                QJsonObject moved = *oi;
                moved.insert(kind.id, context.nextId++);
                renumbered.append(moved);
                merged.insert(id, *ti);
                continue;
            }
            if (const auto value = item(id, bi, oi, ti)) {
                merged.insert(id, *value);
            }
        }
        QList<QJsonObject> list = merged.values();
        list.append(renumbered);
        std::ranges::sort(list, [this](const QJsonObject &x, const QJsonObject &y) {
            if (kind.id == u"id"_s) {
                return x.value(kind.id).toInteger() < y.value(kind.id).toInteger();
            }
            return x.value(kind.id).toString() < y.value(kind.id).toString();
        });
        QJsonArray array;
        for (const QJsonObject &entry : std::as_const(list)) {
            array.append(entry);
        }
        return array;
    }
};

MergedFile mergeJson(const QString &path, const FileContent &base, const QByteArray &ours, const QByteArray &theirs,
    MergeContext &context)
{
    MergedFile result;
    const auto b = parseObject(base), o = parseObject(ours), t = parseObject(theirs);
    if (!b || !o || !t) {
        result.conflicts.append({itemKeyOf(path), u"both_changed"_s});
        return result;
    }
    const auto kind = listKindOf(path);
    QJsonObject bo = *b, oo = *o, to = *t;
    QJsonArray list;
    if (kind) {
        ListMerge lists{path, *kind, context, result};
        list = lists.merge(bo, oo, to);
        bo.remove(kind->array);
        oo.remove(kind->array);
        to.remove(kind->array);
    }
    bool conflict = false;
    QJsonObject merged = mergeObjects(bo, oo, to, conflict);
    if (conflict) {
        result.conflicts.append({itemKeyOf(path), u"both_changed"_s});
    }
    if (kind) {
        merged.insert(kind->array, list);
    }
    result.bytes = canonicalJson(merged);
    return result;
}

/// A note file split into its frontmatter lines (key → line) in order, and the text after the closing `---`.
struct NoteParts
{
    QList<QByteArray> order;
    QHash<QByteArray, QByteArray> lines;
    QByteArray body;
};

std::optional<NoteParts> splitNote(const QByteArray &text)
{
    if (!text.startsWith("---\n")) {
        return std::nullopt;
    }
    const qsizetype end = text.indexOf("\n---\n", 3);
    if (end < 0) {
        return std::nullopt;
    }
    NoteParts parts;
    for (const QByteArray &line : text.mid(4, end - 4).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            return std::nullopt; // not one key per line: leave it to the text merge
        }
        QByteArray key = line.left(colon);
        if (parts.lines.contains(key)) {
            return std::nullopt;
        }
        parts.order.append(key);
        parts.lines.insert(key, line);
    }
    parts.body = text.mid(end + 5);
    return parts;
}

MergedFile mergeNote(const QString &path, const FileContent &base, const QByteArray &ours, const QByteArray &theirs)
{
    MergedFile result;
    const auto o = splitNote(ours), t = splitNote(theirs);
    const auto b = base ? splitNote(*base) : std::optional<NoteParts>(NoteParts{});
    if (!o || !t || !b) {
        if (const auto merged = mergeText(base.value_or(QByteArray()), ours, theirs)) {
            result.bytes = *merged;
        } else {
            result.conflicts.append({itemKeyOf(path), u"both_changed"_s});
        }
        return result;
    }
    QByteArray header = "---\n";
    QList<QByteArray> keys = o->order;
    for (const QByteArray &key : t->order) {
        if (!keys.contains(key)) {
            keys.append(key);
        }
    }
    bool conflict = false;
    for (const QByteArray &key : std::as_const(keys)) {
        const QByteArray bl = b->lines.value(key), ol = o->lines.value(key), tl = t->lines.value(key);
        QByteArray line;
        if (ol == tl || tl == bl) {
            line = ol;
        } else if (ol == bl) {
            line = tl;
        } else if (isTimestampKey(QString::fromUtf8(key)) && !ol.isEmpty() && !tl.isEmpty()) {
            line = std::max(ol, tl);
        } else {
            conflict = true;
        }
        if (!line.isEmpty()) {
            header += line + '\n';
        }
    }
    const auto body = mergeText(b->body, o->body, t->body);
    if (conflict || !body) {
        result.conflicts.append({itemKeyOf(path), u"both_changed"_s});
        return result;
    }
    result.bytes = header + "---\n" + *body;
    return result;
}

} // namespace

QString itemKeyOf(const QString &path)
{
    if (path.startsWith(u"notes/"_s) && path.endsWith(u".meta.json"_s)) {
        return path.chopped(int(qstrlen(".meta.json"))) + u".md"_s;
    }
    return path;
}

qint64 maxListId(const QString &path, const QByteArray &bytes)
{
    const auto kind = listKindOf(path);
    const auto object = parseObject(bytes);
    if (!kind || kind->id != u"id"_s || !object) {
        return 0;
    }
    qint64 max = 0;
    for (const auto &value : object->value(kind->array).toArray()) {
        max = std::max(max, value.toObject().value(kind->id).toInteger());
    }
    return max;
}

MergedFile mergeFile(const QString &path, const FileContent &base, const QByteArray &ours, const QByteArray &theirs,
    MergeContext &context)
{
    if (path.endsWith(u".json"_s)) {
        return mergeJson(path, base, ours, theirs, context);
    }
    if (path.startsWith(u"notes/"_s) && path.endsWith(u".md"_s)) {
        return mergeNote(path, base, ours, theirs);
    }
    MergedFile result;
    if (path.endsWith(u".md"_s)) {
        if (const auto merged = mergeText(base.value_or(QByteArray()), ours, theirs)) {
            result.bytes = *merged;
            return result;
        }
    }
    result.conflicts.append({itemKeyOf(path), u"both_changed"_s});
    return result;
}

} // namespace Notechondria
