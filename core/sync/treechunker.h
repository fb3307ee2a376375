// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Notechondria {

/// Splits the entries of one `POST git/trees` into requests GitHub handles without timing out: at most
/// 200 entries and 2 MB of body each. Each chunk is posted with the previous chunk's tree as `base_tree`.
class TreeChunker
{
public:
    static constexpr qsizetype kMaxEntries = 200;
    static constexpr qsizetype kMaxBodyBytes = qsizetype(2) * 1024 * 1024;
    /// UTF-8 text files larger than this go through `POST git/blobs` instead of inline content, so
    /// every inline entry fits a request with room to spare.
    static constexpr qsizetype kMaxInlineBytes = qsizetype(1024) * 1024;

    struct Chunk
    {
        qsizetype first = 0;
        qsizetype count = 0;
    };

    /// Consecutive chunks covering `entries` (each one compact JSON object), in order.
    [[nodiscard]] static QList<Chunk> chunk(const QList<QByteArray> &entries);

    /// The request body `{"base_tree": ..., "tree": [...]}` for one chunk (no base_tree when empty).
    [[nodiscard]] static QByteArray body(const QString &baseTree, const QList<QByteArray> &entries, Chunk chunk);

    /// One serialized tree entry: inline `content` (UTF-8 text), a blob `sha`, or a deletion (`"sha": null`).
    [[nodiscard]] static QByteArray inlineEntry(const QString &path, const QByteArray &utf8Content);
    [[nodiscard]] static QByteArray shaEntry(const QString &path, const QByteArray &blobSha);
    [[nodiscard]] static QByteArray deletionEntry(const QString &path);
};

} // namespace Notechondria
