// SPDX-License-Identifier: GPL-3.0-or-later
// The export's checksum index: a SHA-256 per file, in sha256sum's format, spread over small files under checksums/
// so that a change to a few notes rewrites a few small files and never one file that grows with the account.
#include "exporter.h"
#include "exportutil.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

/// At most this many lines per checksum file (one note's files always share a file, so one may hold a few more).
constexpr qsizetype kLinesPerFile = 64;

struct Line
{
    quint64 key = 0; ///< where the line lives: the note's uuid for its files, else a hash of the path
    QString path;
    QByteArray text; ///< "<sha256>  <path>\n"
};

/// The note a path belongs to (its 32 hex digits) for notes/<hex>.* and assets/notes/<hex>/…, else "".
QStringView noteHexOf(QStringView path)
{
    QStringView rest;
    if (path.startsWith(u"notes/"))
        rest = path.sliced(6);
    else if (path.startsWith(u"assets/notes/"))
        rest = path.sliced(13);
    else
        return {};
    if (rest.size() < 33 || (rest.at(32) != u'.' && rest.at(32) != u'/'))
        return {};
    const QStringView hex = rest.first(32);
    const bool allHex = std::all_of(
        hex.begin(), hex.end(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
    return allHex ? hex : QStringView();
}

quint64 keyOf(const QString &path)
{
    if (const QStringView hex = noteHexOf(path); !hex.isEmpty())
        return hex.first(16).toULongLong(nullptr, 16);
    const QByteArray digest = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1);
    return qFromBigEndian<quint64>(digest.constData());
}

/// The leading @p bits bits of @p key as '0'/'1' characters; "all" for none.
QString prefixName(quint64 key, int bits)
{
    if (bits == 0)
        return u"all"_s;
    QString name;
    name.reserve(bits);
    for (int i = 0; i < bits; ++i)
        name.append((key >> (63 - i)) & 1U ? u'1' : u'0');
    return name;
}

/**
 * Splits lines[begin, end) (sorted by key) by the next bit until each part holds at most kLinesPerFile lines: the
 * parts depend only on the set of keys, so an edit changes one file and adding or removing a note at most two or
 * three.
 */
void split(const QList<Line> &lines, qsizetype begin, qsizetype end, int bits, QList<ExportFile> &out)
{
    if (begin == end)
        return;
    if (end - begin <= kLinesPerFile || bits == 64) {
        QList<const Line *> ordered;
        for (qsizetype i = begin; i < end; ++i)
            ordered.append(&lines[i]);
        std::sort(ordered.begin(), ordered.end(), [](const Line *a, const Line *b) { return a->path < b->path; });
        QByteArray bytes;
        for (const Line *line : std::as_const(ordered))
            bytes += line->text;
        out.append({u"checksums/"_s + prefixName(lines[begin].key, bits) + u".sha256"_s, bytes});
        return;
    }
    const quint64 bit = quint64(1) << (63 - bits);
    const auto middle = std::partition_point(
        lines.begin() + begin, lines.begin() + end, [bit](const Line &line) { return (line.key & bit) == 0; });
    const qsizetype mid = middle - lines.begin();
    split(lines, begin, mid, bits + 1, out);
    split(lines, mid, end, bits + 1, out);
}

} // namespace

bool isChecksumPath(const QString &path)
{
    return path.startsWith(u"checksums/"_s) && path.endsWith(u".sha256"_s) && path.count(u'/') == 1;
}

ChecksumIndex checksumIndex(const QList<ExportFile> &files)
{
    QList<Line> lines;
    lines.reserve(files.size());
    for (const ExportFile &file : files) {
        if (file.path == u"manifest.json"_s || file.path == u"README.md"_s || isChecksumPath(file.path))
            continue;
        const QByteArray sha = QCryptographicHash::hash(file.bytes, QCryptographicHash::Sha256).toHex();
        lines.append({keyOf(file.path), file.path, sha + "  " + file.path.toUtf8() + '\n'});
    }
    std::sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) { return a.key < b.key; });

    ChecksumIndex index;
    split(lines, 0, lines.size(), 0, index.files);
    // The digest of every line in path order: equal exactly when every file is.
    std::sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) { return a.path < b.path; });
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const Line &line : std::as_const(lines))
        digest.addData(line.text);
    index.digest = QString::fromLatin1(digest.result().toHex());
    index.fileCount = lines.size();
    return index;
}

QStringList pathsInChecksumFile(const QByteArray &bytes)
{
    QStringList paths;
    for (const QByteArray &line : bytes.split('\n')) {
        // "<64 hex>  <path>" (text mode) or "<64 hex> *<path>" (binary mode), as sha256sum writes them.
        if (line.size() > 66 && (line.at(64) == ' ') && (line.at(65) == ' ' || line.at(65) == '*'))
            paths.append(QString::fromUtf8(line.sliced(66)));
    }
    return paths;
}

} // namespace Notechondria
