// SPDX-License-Identifier: GPL-3.0-or-later
#include "privatefiles.h"

#include "logging.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Notechondria::PrivateFiles {

namespace {

constexpr mode_t folderMode = S_IRWXU;
constexpr mode_t fileMode = S_IRUSR | S_IWUSR;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

/// Sets `mode` on `path` when it is ours, not shared (sticky) and looser than `mode`.
Result<void> tighten(const QString &path, mode_t mode, const QString &consequence, const QString &process)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info{};
    if (::stat(native.constData(), &info) != 0) {
        return errno == ENOENT ? Result<void>()
                               : fail(consequence, process, u"cannot inspect %1: %2"_s.arg(path, systemError(errno)));
    }
    if (info.st_uid != ::geteuid() || (info.st_mode & S_ISVTX) != 0 || (info.st_mode & 07777 & ~mode) == 0) {
        return {};
    }
    if (::chmod(native.constData(), mode) != 0) {
        return fail(consequence, process,
            u"cannot make %1 private (mode %2): %3"_s.arg(path, QString::number(mode, 8), systemError(errno)));
    }
    qCInfo(lcStore).noquote() << u"Access tightened: %1 — %2 was mode %3, now %4 (owner only)."_s.arg(
        process, path, QString::number(info.st_mode & 07777, 8), QString::number(mode, 8));
    return {};
}

} // namespace

Result<void> ensureFolder(const QString &path, const QString &consequence, const QString &process)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QByteArray native = QFile::encodeName(absolute);
    if (!QFileInfo(absolute).isDir()) {
        if (!QDir().mkpath(QFileInfo(absolute).absolutePath())) {
            return fail(consequence, process, u"cannot create the folder %1"_s.arg(QFileInfo(absolute).absolutePath()));
        }
        if (::mkdir(native.constData(), folderMode) != 0 && errno != EEXIST) {
            return fail(consequence, process, u"cannot create the folder %1: %2"_s.arg(absolute, systemError(errno)));
        }
        if (!QFileInfo(absolute).isDir()) {
            return fail(consequence, process, u"%1 exists but is not a folder"_s.arg(absolute));
        }
    }
    return tighten(absolute, folderMode, consequence, process);
}

Result<void> tightenFile(const QString &path, const QString &consequence, const QString &process)
{
    return tighten(path, fileMode, consequence, process);
}

Result<void> ensureFile(const QString &path, const QString &consequence, const QString &process)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode);
    if (fd >= 0) {
        ::close(fd);
        return {};
    }
    if (errno != EEXIST) {
        return fail(consequence, process, u"cannot create %1: %2"_s.arg(path, systemError(errno)));
    }
    return tightenFile(path, consequence, process);
}

} // namespace Notechondria::PrivateFiles
