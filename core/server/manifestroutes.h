// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "error.h"

#include <QCoroTask>
#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>

namespace Notechondria {

class ApiRouter;
class GitHubApi;
class SecretStore;

/**
 * One-click GitHub App creation (GitHub's App Manifest flow, issue #15) and the App's installations:
 *
 * - `POST integrations/github/app-manifest/` (body optional `{owner, name}`) starts a creation: `{url, redirect_url,
 *   state}` — `url` is the page to open in a browser, `redirect_url` where GitHub sends `code` and `state`.
 * - `GET integrations/github/app-manifest/form/?state=S` (no API key; the state is the credential) is a page that
 *   posts the manifest to GitHub's new-App page at once (strict CSP: only its own script, forms only to GitHub).
 * - `GET integrations/github/app-manifest/callback/?code&state` (no API key) refuses a missing, wrong, used or
 *   expired state with 403; otherwise converts the code, keeps the private key in the SecretStore and the App's id,
 *   slug, client id, name and install URL in the settings (AppSettings), points the GitHubApi at the new App, emits
 *   appCreated and sends the browser on to the App's install page (303).
 * - `GET integrations/github/installations/<id>/` checks a pasted installation id against GitHub (404 when GitHub
 *   does not know it as an installation of this App).
 *
 * A state is random (128 bits), used once and expires after stateLifetime.
 */
class ManifestRoutes : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::minutes stateLifetime{10};

    struct Options
    {
        QString owner; ///< an organization login; empty: the user's own account
        QString name; ///< the App's name; empty: AppManifest::defaultName()
        QUrl setupUrl; ///< where GitHub sends the browser after an installation; empty: this server's callback
    };
    struct Started
    {
        QString url; ///< the page to open
        QString redirectUrl; ///< the manifest's redirect_url (this server's callback)
        QString state;
    };

    /// `baseUrl` gives this server's http://127.0.0.1:PORT/api/v1 once it listens.
    ManifestRoutes(SecretStore *secrets, GitHubApi *github, std::function<QUrl()> baseUrl, QObject *parent = nullptr);

    void registerOn(ApiRouter &router);
    /// Starts a creation (what POST app-manifest/ answers).
    [[nodiscard]] Result<Started> begin(const Options &options);

Q_SIGNALS:
    /// The App exists, its key is stored and the settings name it.
    void appCreated(const QString &appId, const QString &slug, const QString &clientId);
    /// A creation whose state was accepted failed (conversion, secret store); the state is used up.
    void appCreationFailed(const QString &message);

private:
    struct Pending
    {
        QDeadlineTimer expiry;
        Options options;
        QUrl redirectUrl;
    };

    [[nodiscard]] ApiResponse start(const ApiRequest &request);
    [[nodiscard]] ApiResponse form(const ApiRequest &request);
    [[nodiscard]] QCoro::Task<ApiResponse> callback(ApiRequest request);
    [[nodiscard]] QCoro::Task<ApiResponse> installation(ApiRequest request);
    [[nodiscard]] QCoro::Task<Result<QString>> keep(QString code);
    void dropExpired();

    QPointer<SecretStore> m_secrets;
    GitHubApi *m_github;
    std::function<QUrl()> m_baseUrl;
    QHash<QString, Pending> m_pending;
};

} // namespace Notechondria
