// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

namespace Notechondria {

const ExportFile *ExportTree::find(const QString &path) const
{
    for (const ExportFile &file : files) {
        if (file.path == path)
            return &file;
    }
    return nullptr;
}

ExportTree materialize(const AccountSnapshot &, const ExportOptions &)
{
    return {};
}

Result<void> writeExportTree(const ExportTree &, const QString &)
{
    return {};
}

QByteArray canonicalJson(const QJsonValue &)
{
    return {};
}

QString isoTimestamp(const QDateTime &)
{
    return {};
}

QByteArray renderNoteMarkdown(const Note &, const QString &)
{
    return {};
}

Result<ParsedNoteFile> parseNoteMarkdown(const QByteArray &)
{
    return ParsedNoteFile{};
}

QStringList findSecrets(const QByteArray &)
{
    return {};
}

bool isSafeSlug(const QString &)
{
    return false;
}

bool isSafeFileName(const QString &)
{
    return false;
}

} // namespace Notechondria
