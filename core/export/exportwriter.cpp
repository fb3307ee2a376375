// SPDX-License-Identifier: GPL-3.0-or-later
// Writing an export tree into a folder (`export --out`): atomic per file, one sync at the end.
#include "exporter.h"
#include "exportutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <filesystem>
#include <system_error>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

bool isSafeRelativePath(const QString &path)
{
    const QStringList parts = path.split(u'/');
    return std::all_of(parts.begin(), parts.end(), [](const QString &part) { return isSafeFileName(part); });
}

/// Whether @p target already holds exactly @p bytes (then it is left alone, keeping its modification time).
bool holds(const QString &target, const QByteArray &bytes)
{
    QFile existing(target);
    return existing.size() == bytes.size() && existing.open(QIODevice::ReadOnly) && existing.readAll() == bytes;
}

/**
 * Replaces @p target with @p bytes atomically (a temporary file renamed over it), without waiting for the disk: a
 * crash leaves the old file or the new one, never half of one. writeExportTree syncs the folder once at the end.
 */
Result<void> writeFile(const QString &target, const QByteArray &bytes)
{
    const QString module = u"Core.Export/write"_s;
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return fail(u"Export not written"_s, module, u"cannot create the folder of %1."_s.arg(target));
    if (holds(target, bytes))
        return {};
    QFile file(target + u".ntc-partial"_s);
    const bool written
        = file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size() && file.flush();
    const QString cause = file.errorString();
    file.close();
    std::error_code renamed;
    if (written)
        std::filesystem::rename(
            QFile::encodeName(file.fileName()).toStdString(), QFile::encodeName(target).toStdString(), renamed);
    if (!written || renamed) {
        file.remove();
        return fail(u"Export not written"_s, module,
            u"cannot write %1: %2."_s.arg(target, written ? QString::fromStdString(renamed.message()) : cause));
    }
    return {};
}

/// The same, durably (QSaveFile: written, flushed to the disk, then renamed): for the file written last.
Result<void> writeFileDurably(const QString &target, const QByteArray &bytes)
{
    if (holds(target, bytes))
        return {};
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(
            u"Export not written"_s, u"Core.Export/write"_s, u"cannot write %1: %2."_s.arg(target, file.errorString()));
    return {};
}

/// Flushes everything written under @p directory to the disk (one syncfs instead of one fsync per file).
void syncFolder(const QString &directory)
{
#ifdef Q_OS_LINUX
    const int folder = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        [[maybe_unused]] const int synced = ::syncfs(folder);
        ::close(folder);
    }
#else
    Q_UNUSED(directory);
#endif
}

/// The files a previous export wrote into @p root: its manifest's list (schema 1 and 2) or its checksum files and
/// the paths they list (schema 3).
QStringList previousExportFiles(const QDir &root)
{
    QFile manifestFile(root.filePath(u"manifest.json"_s));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    QStringList paths;
    for (const auto &value : manifest.value(u"files"_s).toArray())
        paths.append(value.toString());
    const QStringList checksumFiles
        = QDir(root.filePath(u"checksums"_s)).entryList({u"*.sha256"_s}, QDir::Files | QDir::Hidden);
    for (const QString &name : checksumFiles) {
        const QString path = u"checksums/"_s + name;
        QFile file(root.filePath(path));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        paths.append(path);
        paths.append(pathsInChecksumFile(file.readAll()));
    }
    return paths;
}

void removeStale(const QDir &root, const QSet<QString> &current)
{
    for (const QString &path : previousExportFiles(root)) {
        // Only paths that are safe and inside the folder: a tampered manifest must not delete anything else.
        if (current.contains(path) || !isSafeRelativePath(path))
            continue;
        if (!QFile::remove(root.filePath(path)))
            continue;
        for (QString dir = QFileInfo(path).path(); dir != u"."_s && root.rmdir(dir); dir = QFileInfo(dir).path()) { }
    }
}

} // namespace

Result<void> writeExportTree(const ExportTree &tree, const QString &directory)
{
    const QString module = u"Core.Export/write"_s;
    QDir root(directory);
    if (!root.mkpath(u"."_s))
        return fail(u"Export not written"_s, module, u"cannot create %1."_s.arg(directory));
    QSet<QString> current;
    for (const ExportFile &file : tree.files) {
        if (!isSafeRelativePath(file.path))
            return fail(u"Export not written"_s, module, u"unsafe path \"%1\"."_s.arg(printableName(file.path)));
        current.insert(file.path);
    }
    removeStale(root, current);
    // Stale files go first, while the previous manifest and checksum files still list them; the manifest goes last.
    const ExportFile *manifest = nullptr;
    for (const ExportFile &file : tree.files) {
        if (file.path == u"manifest.json"_s) {
            manifest = &file;
            continue;
        }
        if (auto written = writeFile(root.filePath(file.path), file.bytes); !written)
            return written;
    }
    // Every other file is on the disk before the manifest that lists them.
    syncFolder(root.absolutePath());
    if (manifest)
        return writeFileDurably(root.filePath(manifest->path), manifest->bytes);
    return {};
}

} // namespace Notechondria
