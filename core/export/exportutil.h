// SPDX-License-Identifier: GPL-3.0-or-later
// Internal helpers shared by the export's source files (not part of the public API).
#pragma once

#include "exporter.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Notechondria {

/// Python's repr() of a float (shortest round-trip digits, "1.0", "1e+16", "1e-05").
[[nodiscard]] QByteArray pythonFloatRepr(double value);

/// The export's checksum index (checksums/*.sha256).
struct ChecksumIndex
{
    QList<ExportFile> files; ///< checksums/<bit prefix>.sha256, each "<sha256>  <path>" lines sorted by path
    QList<std::pair<QString, QByteArray>> fileSha256; ///< per checksum file its SHA-256 (hex)
    QString digest; ///< manifest.json's checksums_sha256 (checksumDigest of the checksum files)
    qsizetype fileCount = 0; ///< how many files the index covers
};

/// The checksum index of the covered files' @p lines (manifest.json, README.md and the checksum files themselves are
/// not covered).
[[nodiscard]] ChecksumIndex checksumIndex(const QList<ChecksumLine> &lines);
/// The paths a checksum file lists (sha256sum's text and binary formats).
[[nodiscard]] QStringList pathsInChecksumFile(const QByteArray &bytes);

/// Printable, secret-free and short: for a bad name quoted in a message.
[[nodiscard]] QString printableName(const QString &text);

} // namespace Notechondria
