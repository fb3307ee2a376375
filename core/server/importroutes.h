// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accountimport.h"
#include "apirequest.h"
#include "apiresponse.h"

#include <QCoroTask>
#include <QNetworkAccessManager>
#include <QObject>

#include <optional>

namespace Notechondria {

class ApiRouter;
class Store;

/**
 * `POST /api/v1/import/` of the local server: brings an account from another Notechondria server home
 * (AccountImport) — the app's *Import from server…*. Body `{"api_base", "token", "dry_run", "include_assets"}`
 * (include_assets: the avatar, covers and attachments too); it answers 202 `{"running": true}` at once and imports
 * in the background (409 while an import runs). `GET import/` answers the progress: `{"running", "part", "done",
 * "total", "summary"` (the last import's, null before one), `"error"}` (the last import's stop, null when none).
 * The token is used for that one import and kept nowhere.
 */
class ImportRoutes : public QObject
{
    Q_OBJECT

public:
    ImportRoutes(Store *store, QObject *parent = nullptr);

    void registerOn(ApiRouter &router);
    [[nodiscard]] bool isImportRunning() const { return m_running; }

private:
    [[nodiscard]] ApiResponse start(const ApiRequest &request);
    [[nodiscard]] ApiResponse status() const;
    QCoro::Task<> runImport(QUrl base, QString token, ImportOptions options);

    Store *m_store;
    QNetworkAccessManager m_nam;
    bool m_running = false;
    QString m_part;
    int m_done = 0;
    int m_total = 0;
    std::optional<ImportSummary> m_summary;
    QString m_error;
};

} // namespace Notechondria
