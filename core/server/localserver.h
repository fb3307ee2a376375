// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "corspolicy.h"
#include "error.h"
#include "httpserver.h"

#include <QCoroTask>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

namespace Notechondria {

class ApiRouter;
class AuthRoutes;
class Clock;
class DataRoutes;
class GitHubApi;
class GitHubRoutes;
class PushService;
class HistoryRoutes;
class RestoreRoutes;
class ImportRoutes;
class ManifestRoutes;
class SecretStore;
class Store;
class VerifyRoutes;

/**
 * The local-server mode: the Notechondria /api/v1 served on loopback from the local Store, with the GitHub work
 * done in-process (upstream-contract §1, §10; DECISIONS §1, §2).
 *
 * Binds 127.0.0.1 or ::1 only; every data route needs `Authorization: Bearer ntc_<32 hex>` (or `Token <key>`) or a
 * sign-in session's token from POST auth/login/ (AuthRoutes);
 * requests whose Host is not this address and port (or localhost:port) are refused (DNS rebinding); CORS only for
 * the origins the user allowed (setCorsPolicy; none by default).
 * Request bodies: JSON and url-encoded up to 2 MB, multipart up to 60 MB. A request without the key, with a
 * foreign Host or Origin, or announcing a body over its limit is answered before any body byte is read; heads,
 * bodies and idle connections time out and the number of connections is capped (Http::Limits).
 *
 * All pointers must outlive the server; `github` and `push` may be null (no App configured).
 */
class LocalServer : public QObject
{
    Q_OBJECT

public:
    LocalServer(Store *store, SecretStore *secrets, GitHubApi *github, PushService *push, const Clock *clock,
        QObject *parent = nullptr);
    ~LocalServer() override;

    /// The port the desktop app and `serve` listen on unless told otherwise (DECISIONS §10).
    static constexpr quint16 defaultPort = 8765;
    /// How many ports after a taken one start() tries with PortChoice::NextFree.
    static constexpr int portsTried = 20;
    enum class PortChoice {
        Exact, ///< the port asked for, or an error when it is taken
        NextFree, ///< the port asked for, else the next free one of the following portsTried
    };

    /**
     * Starts listening; makes the API key on first start (kept in the SecretStore under SecretKeys::LocalApiKey).
     * Refuses a non-loopback address. Port 0 picks a free port.
     */
    [[nodiscard]] QCoro::Task<Result<void>> start(
        QHostAddress address = QHostAddress::LocalHost, quint16 port = 0, PortChoice choice = PortChoice::Exact);
    /// The browser origins allowed to call the server (CORS); takes effect at once.
    void setCorsPolicy(const CorsPolicy &policy);

    /// http://127.0.0.1:PORT/api/v1 (or http://[::1]:PORT/api/v1); empty before start().
    [[nodiscard]] QUrl baseUrl() const;
    /// The API key `ntc_<32 hex>`; empty before start().
    [[nodiscard]] QString apiKey() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] bool isPushRunning() const;
    /// The transport's timeouts and caps; takes effect at start().
    void setLimits(const Http::Limits &limits) { m_limits = limits; }

    /// Reads the local API key from the secret store, creating and storing it when there is none.
    [[nodiscard]] static QCoro::Task<Result<QString>> ensureApiKey(SecretStore *secrets);
    /**
     * Replaces the API key with a fresh one (POST auth/rotate-api-key/): stored in the SecretStore under
     * SecretKeys::LocalApiKey first, then the only key accepted; the old one is refused from then on. Sign-in sessions
     * stay valid. Emits apiKeyRotated.
     */
    [[nodiscard]] QCoro::Task<Result<QString>> rotateApiKey();

    /// A GitHub App creation through the App Manifest flow, as POST integrations/github/app-manifest/ answers it.
    struct AppManifestStart
    {
        QString url; ///< the page to open in a browser (it posts the manifest to GitHub)
        QString redirectUrl; ///< where GitHub sends `code` and `state` (this server's callback)
        QString state;
    };
    /// Starts one (after start()): `owner` an organization or empty, `name` empty for the default, `setupUrl` empty
    /// for this server's install callback. appCreated or appCreationFailed tells how it ended.
    [[nodiscard]] Result<AppManifestStart> beginAppManifest(
        const QString &owner, const QString &name, const QUrl &setupUrl = {});

Q_SIGNALS:
    void installationLinked(const QString &installationId); ///< the browser came back through the callback
    void pushFinished();
    /// The API key was replaced (rotateApiKey): clients of this server need @p key from now on.
    void apiKeyRotated(const QString &key);
    /// A GitHub App was created through the App Manifest flow: its key is in the SecretStore, its id, slug and client
    /// id in the settings (AppSettings), and the GitHubApi now acts as it.
    void appCreated(const QString &appId, const QString &slug, const QString &clientId);
    /// A creation whose state was accepted failed (three-part message); that state is used up.
    void appCreationFailed(const QString &message);

private:
    SecretStore *m_secrets;
    ApiRouter *m_router;
    GitHubRoutes *m_github;
    RestoreRoutes *m_restore = nullptr;
    HistoryRoutes *m_history = nullptr;
    VerifyRoutes *m_verify = nullptr;
    ImportRoutes *m_import = nullptr;
    ManifestRoutes *m_manifest = nullptr;
    std::unique_ptr<DataRoutes> m_data;
    std::unique_ptr<AuthRoutes> m_auth;
    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_apiKey;
    Http::Limits m_limits;
};

} // namespace Notechondria
