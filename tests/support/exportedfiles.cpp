// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportedfiles.h"

#include "exporter.h"

namespace Notechondria::Test {

QMap<QString, QByteArray> exportedFiles(const Store &store, const Clock &clock, bool includeAssets)
{
    ExportOptions options;
    options.now = clock.now();
    options.includeAssets = includeAssets;
    QMap<QString, QByteArray> files;
    const ExportTree tree = materialize(store.snapshot().value(), options);
    for (const ExportFile &file : tree.files) {
        if (file.path != QLatin1String("manifest.json") && file.path != QLatin1String("README.md")) {
            files.insert(file.path, file.bytes);
        }
    }
    return files;
}

bool writeBackupOf(const Store &store, const Clock &clock, const QString &folder)
{
    ExportOptions options;
    options.now = clock.now();
    options.includeAssets = true;
    return writeExportTree(materialize(store.snapshot().value(), options), folder).has_value();
}

int attachmentCount(const Store &store)
{
    int count = 0;
    const AccountSnapshot account = store.snapshot(false).value();
    for (const Note &note : account.notes) {
        count += int(note.attachments.size());
    }
    return count;
}

} // namespace Notechondria::Test
