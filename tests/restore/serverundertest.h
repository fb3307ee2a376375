// SPDX-License-Identifier: GPL-3.0-or-later
// A local server over its own SQLite file, as `notechondria-sync serve` runs it, and what the restore tests read from a
// store: its export (assets included) as path → bytes.
#pragma once

#include "appconfig.h"
#include "clock.h"
#include "exporter.h"
#include "githubapi.h"
#include "httpclient.h"
#include "localserver.h"
#include "pushservice.h"
#include "secretstore.h"
#include "store.h"

#include <QMap>
#include <QNetworkAccessManager>

#include <memory>

namespace Notechondria::Test {

struct ServerUnderTest
{
    ServerUnderTest(const QString &databasePath, const Clock *clock)
        : store(Store::open(databasePath, clock).value())
        , http(&nam, clock)
        , github(&http, AppConfig{}, clock)
        , push(store.get(), &github, clock)
        , server(store.get(), &secrets, &github, &push, clock)
    {
    }
    std::unique_ptr<Store> store;
    QNetworkAccessManager nam;
    MemorySecretStore secrets;
    HttpClient http;
    GitHubApi github;
    PushService push;
    LocalServer server;
};

/// Every exported file of @p store but manifest.json and README.md, assets included when @p includeAssets.
inline QMap<QString, QByteArray> exportedFiles(const Store &store, const Clock &clock, bool includeAssets = true)
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

/// Writes the export of @p store (assets included) into @p folder, as a clone of the backup repository holds it.
inline bool writeBackupOf(const Store &store, const Clock &clock, const QString &folder)
{
    ExportOptions options;
    options.now = clock.now();
    options.includeAssets = true;
    return writeExportTree(materialize(store.snapshot().value(), options), folder).has_value();
}

/// How many attachments the notes of @p store carry.
inline int attachmentCount(const Store &store)
{
    int count = 0;
    const AccountSnapshot account = store.snapshot(false).value();
    for (const Note &note : account.notes) {
        count += int(note.attachments.size());
    }
    return count;
}

} // namespace Notechondria::Test
