// SPDX-License-Identifier: GPL-3.0-or-later
#include "restoreplan.h"

#include "exporter.h"

#include <QHash>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

QHash<QString, QByteArray> exportedFiles(const AccountSnapshot &account, bool includeAssets)
{
    ExportOptions options;
    options.includeAssets = includeAssets;
    options.now = QDateTime::fromSecsSinceEpoch(0, QTimeZone::UTC);
    QHash<QString, QByteArray> files;
    for (const ExportFile &file : materialize(account, options).files) {
        if (file.path != u"manifest.json"_s && file.path != u"README.md"_s) {
            files.insert(file.path, file.bytes);
        }
    }
    return files;
}

} // namespace

QList<RestoreFileChange> planRestore(
    const AccountSnapshot &current, const AccountSnapshot &incoming, bool includeAssets)
{
    const QHash<QString, QByteArray> before = exportedFiles(current, includeAssets);
    const QHash<QString, QByteArray> after = exportedFiles(incoming, includeAssets);
    QList<RestoreFileChange> changes;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const auto old = before.constFind(it.key());
        if (old == before.cend()) {
            changes.append({it.key(), u"added"_s});
        } else if (*old != it.value()) {
            changes.append({it.key(), u"changed"_s});
        }
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key())) {
            changes.append({it.key(), u"removed"_s});
        }
    }
    std::ranges::sort(changes, {}, &RestoreFileChange::path);
    return changes;
}

} // namespace Notechondria
