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

/**
 * Splits lines[begin, end) (sorted by key, all below the prefix of @p bits bits) by the next bit until each part holds
 * at most kChecksumLinesPerFile lines.
 */
void split(const QList<const ChecksumLine *> &lines, qsizetype begin, qsizetype end, int bits, QList<ExportFile> &out)
{
    if (begin == end)
        return;
    if (end - begin <= kChecksumLinesPerFile || bits == 64) {
        QList<const ChecksumLine *> ordered = lines.sliced(begin, end - begin);
        std::sort(ordered.begin(), ordered.end(),
            [](const ChecksumLine *a, const ChecksumLine *b) { return a->path < b->path; });
        QByteArray bytes;
        for (const ChecksumLine *line : std::as_const(ordered))
            bytes += checksumLineText(line->sha256, line->path);
        bytes.squeeze();
        out.append({checksumFilePath(lines[begin]->key, bits), bytes});
        return;
    }
    const quint64 bit = quint64(1) << (63 - bits);
    const auto middle = std::partition_point(
        lines.begin() + begin, lines.begin() + end, [bit](const ChecksumLine *line) { return (line->key & bit) == 0; });
    const qsizetype mid = middle - lines.begin();
    split(lines, begin, mid, bits + 1, out);
    split(lines, mid, end, bits + 1, out);
}

} // namespace

bool isChecksumPath(const QString &path)
{
    return path.startsWith(u"checksums/"_s) && path.endsWith(u".sha256"_s) && path.count(u'/') == 1;
}

bool isChecksumCovered(const QString &path)
{
    return path != u"manifest.json"_s && path != u"README.md"_s && !isChecksumPath(path);
}

quint64 checksumKey(const QString &path)
{
    if (const QStringView hex = noteHexOf(path); !hex.isEmpty())
        return hex.first(16).toULongLong(nullptr, 16);
    const QByteArray digest = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1);
    return qFromBigEndian<quint64>(digest.constData());
}

QString checksumFilePath(quint64 key, int bits)
{
    if (bits == 0)
        return u"checksums/all.sha256"_s;
    QString name = u"checksums/"_s;
    name.reserve(10 + bits + 7);
    for (int i = 0; i < bits; ++i)
        name.append((key >> (63 - i)) & 1U ? u'1' : u'0');
    return name + u".sha256"_s;
}

std::optional<std::pair<quint64, int>> checksumPrefixOf(const QString &path)
{
    if (!isChecksumPath(path))
        return std::nullopt;
    const QStringView name = QStringView(path).sliced(10).chopped(7);
    if (name == u"all")
        return std::pair<quint64, int>{0, 0};
    if (name.isEmpty() || name.size() > 64)
        return std::nullopt;
    quint64 key = 0;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name.at(i) == u'1')
            key |= quint64(1) << (63 - i);
        else if (name.at(i) != u'0')
            return std::nullopt;
    }
    return std::pair<quint64, int>{key, int(name.size())};
}

QByteArray checksumLineText(const QByteArray &sha256, const QString &path)
{
    return sha256 + "  " + path.toUtf8() + '\n';
}

QList<ExportFile> checksumFilesOf(const QList<ChecksumLine> &lines, int bits)
{
    // Sorted by reference: the export's lines are not copied.
    QList<const ChecksumLine *> byKey;
    byKey.reserve(lines.size());
    for (const ChecksumLine &line : lines)
        byKey.append(&line);
    std::sort(byKey.begin(), byKey.end(), [](const ChecksumLine *a, const ChecksumLine *b) { return a->key < b->key; });
    QList<ExportFile> files;
    split(byKey, 0, byKey.size(), bits, files);
    return files;
}

QString checksumDigest(const QList<std::pair<QString, QByteArray>> &checksumFiles)
{
    QList<std::pair<QString, QByteArray>> ordered = checksumFiles;
    std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const auto &[path, sha256] : std::as_const(ordered))
        digest.addData(checksumLineText(sha256, path));
    return QString::fromLatin1(digest.result().toHex());
}

ChecksumIndex checksumIndex(const QList<ChecksumLine> &lines)
{
    ChecksumIndex index;
    index.files = checksumFilesOf(lines, 0);
    QList<std::pair<QString, QByteArray>> hashed;
    hashed.reserve(index.files.size());
    for (const ExportFile &file : std::as_const(index.files))
        hashed.append({file.path, QCryptographicHash::hash(file.bytes, QCryptographicHash::Sha256).toHex()});
    index.fileSha256 = hashed;
    index.digest = checksumDigest(hashed);
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
