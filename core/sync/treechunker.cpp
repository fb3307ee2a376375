// SPDX-License-Identifier: GPL-3.0-or-later
#include "treechunker.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

// `{"base_tree":"<40 hex>","tree":[` + `]}`, with room to spare.
constexpr qsizetype kEnvelopeBytes = 128;

QByteArray serialize(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QList<TreeChunker::Chunk> TreeChunker::chunk(const QList<QByteArray> &entries)
{
    QList<Chunk> chunks;
    Chunk current;
    qsizetype bytes = kEnvelopeBytes;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const qsizetype entryBytes = entries[i].size() + 1; // the separating comma
        if (current.count > 0 && (current.count == kMaxEntries || bytes + entryBytes > kMaxBodyBytes)) {
            chunks.append(current);
            current = Chunk{i, 0};
            bytes = kEnvelopeBytes;
        }
        ++current.count;
        bytes += entryBytes;
    }
    if (current.count > 0) {
        chunks.append(current);
    }
    return chunks;
}

QByteArray TreeChunker::body(const QString &baseTree, const QList<QByteArray> &entries, Chunk chunk)
{
    QByteArray out;
    qsizetype size = kEnvelopeBytes;
    for (qsizetype i = chunk.first; i < chunk.first + chunk.count; ++i) {
        size += entries[i].size() + 1;
    }
    out.reserve(size);
    out += '{';
    if (!baseTree.isEmpty()) {
        out += "\"base_tree\":\"" + baseTree.toLatin1() + "\",";
    }
    out += "\"tree\":[";
    for (qsizetype i = chunk.first; i < chunk.first + chunk.count; ++i) {
        if (i > chunk.first) {
            out += ',';
        }
        out += entries[i];
    }
    out += "]}";
    return out;
}

QByteArray TreeChunker::inlineEntry(const QString &path, const QByteArray &utf8Content)
{
    return serialize(QJsonObject{{u"path"_s, path}, {u"mode"_s, u"100644"_s}, {u"type"_s, u"blob"_s},
        {u"content"_s, QString::fromUtf8(utf8Content)}});
}

QByteArray TreeChunker::shaEntry(const QString &path, const QByteArray &blobSha)
{
    return serialize(QJsonObject{
        {u"path"_s, path}, {u"mode"_s, u"100644"_s}, {u"type"_s, u"blob"_s}, {u"sha"_s, QString::fromLatin1(blobSha)}});
}

QByteArray TreeChunker::deletionEntry(const QString &path)
{
    return serialize(
        QJsonObject{{u"path"_s, path}, {u"mode"_s, u"100644"_s}, {u"type"_s, u"blob"_s}, {u"sha"_s, QJsonValue::Null}});
}

} // namespace Notechondria
