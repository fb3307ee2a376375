// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubbackup.h"

#include "exporter.h"
#include "githubapi.h"
#include "httpclient.h"
#include "logging.h"

#include <KArchiveDirectory>
#include <KArchiveFile>
#include <KCompressionDevice>
#include <KTar>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString unpackModule = u"Core.Restore/unpack_tarball"_s;

class Unpacker
{
public:
    Unpacker(QString root, const UnpackLimits &limits, QStringList *skipped)
        : m_root(std::move(root))
        , m_limits(limits)
        , m_skipped(skipped)
    {
    }

    Result<void> unpack(const KArchiveDirectory &directory, const QString &relative)
    {
        QStringList names = directory.entries();
        names.sort();
        for (const QString &name : std::as_const(names)) {
            const KArchiveEntry *entry = directory.entry(name);
            const QString path = relative.isEmpty() ? name : relative + u'/' + name;
            if (!isPathComponent(name)) {
                skip(path, u"unsafe name"_s);
                continue;
            }
            if (!entry->symLinkTarget().isEmpty()) {
                skip(path, u"symbolic link"_s);
                continue;
            }
            if (entry->isDirectory()) {
                if (!QDir().mkpath(m_root + u'/' + path)) {
                    return fail(u"Restore aborted"_s, unpackModule, u"cannot create folder "_s + path);
                }
                if (auto result = unpack(*static_cast<const KArchiveDirectory *>(entry), path); !result) {
                    return result;
                }
                continue;
            }
            const auto *file = static_cast<const KArchiveFile *>(entry);
            if (file->size() > m_limits.maxFileBytes || m_total + file->size() > m_limits.maxTotalBytes) {
                skip(path, u"%1 bytes is over the limit"_s.arg(file->size()));
                continue;
            }
            QSaveFile out(m_root + u'/' + path);
            if (!out.open(QIODevice::WriteOnly) || out.write(file->data()) != file->size() || !out.commit()) {
                return fail(u"Restore aborted"_s, unpackModule, u"cannot write %1: %2"_s.arg(path, out.errorString()));
            }
            m_total += file->size();
            ++m_files;
        }
        return {};
    }

    [[nodiscard]] int files() const { return m_files; }

private:
    void skip(const QString &path, const QString &reason)
    {
        qCWarning(lcRestore).noquote() << u"Archive entry skipped: "_s + unpackModule + u" — "_s + path + u": "_s
                + reason;
        if (m_skipped) {
            m_skipped->append(path + u": "_s + reason);
        }
    }

    QString m_root;
    UnpackLimits m_limits;
    QStringList *m_skipped;
    qint64 m_total = 0;
    int m_files = 0;
};

} // namespace

Result<int> unpackBackupTarball(
    const QByteArray &tarGz, const QString &directory, QStringList *skipped, const UnpackLimits &limits)
{
    QBuffer buffer;
    buffer.setData(tarGz);
    KCompressionDevice gzip(&buffer, false, KCompressionDevice::GZip);
    KTar tar(&gzip);
    if (!tar.open(QIODevice::ReadOnly)) {
        return fail(u"Restore aborted"_s, unpackModule, u"the download is not a gzip-compressed tar archive"_s);
    }
    const KArchiveDirectory *top = tar.directory();
    const QStringList entries = top->entries();
    const KArchiveEntry *single = entries.size() == 1 ? top->entry(entries.first()) : nullptr;
    if (!single || !single->isDirectory()) {
        return fail(u"Restore aborted"_s, unpackModule,
            u"expected one top-level folder in the archive, found %1 entries"_s.arg(entries.size()));
    }
    if (!QDir().mkpath(directory)) {
        return fail(u"Restore aborted"_s, unpackModule, u"cannot create "_s + directory);
    }
    Unpacker unpacker(QDir(directory).absolutePath(), limits, skipped);
    if (auto result = unpacker.unpack(*static_cast<const KArchiveDirectory *>(single), QString()); !result) {
        return std::unexpected(result.error());
    }
    return unpacker.files();
}

QCoro::Task<Result<int>> downloadBackup(GitHubApi &github, QString installationId, QString repoFullName, QString ref,
    QString directory, QStringList *skipped)
{
    const QString path = u"/repos/%1/tarball/%2"_s.arg(repoFullName, QString::fromUtf8(QUrl::toPercentEncoding(ref)));
    const auto response = co_await github.call("GET", path, installationId, {}, true, QString());
    if (!response) {
        co_return std::unexpected(response.error().withConsequence(u"Cannot download the backup"_s));
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(GitHubApi::httpError(
            *response, u"Cannot download the backup"_s, u"Core.Restore/download"_s, u"for the tarball of "_s + ref));
    }
    co_return unpackBackupTarball(response->body, directory, skipped);
}

} // namespace Notechondria
