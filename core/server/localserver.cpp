// SPDX-License-Identifier: GPL-3.0-or-later
#include "localserver.h"

#include "apikey.h"
#include "apirouter.h"
#include "authroutes.h"
#include "bootstraproutes.h"
#include "dataroutes.h"
#include "githubroutes.h"
#include "historyroutes.h"
#include "importroutes.h"
#include "logging.h"
#include "manifestroutes.h"
#include "restoreroutes.h"
#include "secretstore.h"
#include "verifyroutes.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {
const QString startConsequence = u"Local server not started"_s;
const QString startModule = u"Core.Server/start"_s;
} // namespace

LocalServer::LocalServer(
    Store *store, SecretStore *secrets, GitHubApi *github, PushService *push, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_router(new ApiRouter(this))
    , m_github(new GitHubRoutes(store, github, push, this))
    , m_data(std::make_unique<DataRoutes>(store, clock, [this] { return m_apiKey.left(8); }))
{
    m_data->registerOn(*m_router);
    m_github->registerOn(*m_router);
    m_restore = new RestoreRoutes(store, github, [this] { return m_github->isPushRunning(); }, this);
    m_restore->registerOn(*m_router);
    const auto pushOrRestoreRunning = [this] {
        return m_github->isPushRunning() || m_restore->isRestoreRunning();
    };
    m_history = new HistoryRoutes(store, github, clock, pushOrRestoreRunning, this);
    m_history->registerOn(*m_router);
    m_verify = new VerifyRoutes(store, github, clock, pushOrRestoreRunning, this);
    m_verify->registerOn(*m_router);
    m_import = new ImportRoutes(store, this);
    m_import->registerOn(*m_router);
    registerBootstrapRoutes(*m_router);
    m_manifest = new ManifestRoutes(secrets, github, [this] { return baseUrl(); }, this);
    m_manifest->registerOn(*m_router);
    connect(m_manifest, &ManifestRoutes::appCreated, this, &LocalServer::appCreated);
    connect(m_manifest, &ManifestRoutes::appCreationFailed, this, &LocalServer::appCreationFailed);
    AuthRoutes::Hooks hooks;
    hooks.apiKey = [this] {
        return m_apiKey;
    };
    hooks.rotateApiKey = [this] {
        return rotateApiKey();
    };
    m_auth = std::make_unique<AuthRoutes>(store, clock, std::move(hooks));
    m_auth->registerOn(*m_router);
    m_router->setTokenValidator([this](const QByteArray &token) { return m_auth->acceptsSession(token); });
    m_github->setOtherWorkRunning([this] { return m_restore->isRestoreRunning() || m_verify->isVerifyRunning(); });
    connect(m_github, &GitHubRoutes::installationLinked, this, &LocalServer::installationLinked);
    connect(m_github, &GitHubRoutes::pushFinished, this, &LocalServer::pushFinished);
}

LocalServer::~LocalServer() = default;

Result<LocalServer::AppManifestStart> LocalServer::beginAppManifest(
    const QString &owner, const QString &name, const QUrl &setupUrl)
{
    const auto started = m_manifest->begin(ManifestRoutes::Options{owner, name, setupUrl});
    if (!started) {
        return std::unexpected(started.error());
    }
    return AppManifestStart{started->url, started->redirectUrl, started->state};
}

QCoro::Task<Result<QString>> LocalServer::ensureApiKey(SecretStore *secrets)
{
    const QString key = QString::fromUtf16(SecretKeys::LocalApiKey);
    const auto stored = co_await secrets->read(key);
    if (!stored) {
        co_return std::unexpected(stored.error().withConsequence(u"Local API key not available"_s));
    }
    if (*stored && ApiKey::isWellFormed(**stored)) {
        co_return **stored;
    }
    const QString fresh = ApiKey::generate();
    const auto written = co_await secrets->write(key, fresh);
    if (!written) {
        co_return std::unexpected(written.error().withConsequence(u"Local API key not saved"_s));
    }
    qCInfo(lcServer).noquote() << "Local API key created: Core.Server/api_key \u2014 kept in the"
                               << secrets->backendName() << "secret store.";
    co_return fresh;
}

QCoro::Task<Result<QString>> LocalServer::rotateApiKey()
{
    const QString fresh = ApiKey::generate();
    const auto written = co_await m_secrets->write(QString::fromUtf16(SecretKeys::LocalApiKey), fresh);
    if (!written) {
        co_return std::unexpected(written.error().withConsequence(u"Local API key not rotated"_s));
    }
    m_apiKey = fresh;
    m_router->setApiKey(m_apiKey.toLatin1());
    qCInfo(lcServer).noquote()
        << "Local API key rotated: Core.Server/api_key \u2014 the old key is refused from now on.";
    Q_EMIT apiKeyRotated(fresh);
    co_return fresh;
}

QCoro::Task<Result<void>> LocalServer::start(QHostAddress address, quint16 port, PortChoice choice)
{
    if (!address.isLoopback()) {
        co_return fail(startConsequence, startModule,
            u"%1 is not a loopback address; the local server only listens on 127.0.0.1 or ::1."_s.arg(
                address.toString()));
    }
    if (m_port != 0) {
        co_return fail(startConsequence, startModule, u"the server is already listening on port %1."_s.arg(m_port));
    }
    const auto key = co_await ensureApiKey(m_secrets);
    if (!key) {
        co_return std::unexpected(key.error());
    }
    auto *tcp = new Http::Server(m_router, m_router);
    tcp->setLimits(m_limits);
    const int last = choice == PortChoice::NextFree && port != 0 ? std::min(65535, port + portsTried) : port;
    int tried = port;
    while (!tcp->listen(address, static_cast<quint16>(tried))) {
        if (tried >= last || tcp->serverError() != QAbstractSocket::AddressInUseError) {
            const QString range = tried == port ? QString::number(port) : u"%1–%2"_s.arg(port).arg(tried);
            const QString cause
                = u"cannot listen on %1 port %2: %3."_s.arg(address.toString(), range, tcp->errorString());
            delete tcp;
            co_return fail(startConsequence, startModule, cause);
        }
        ++tried;
    }
    if (tried != port) {
        qCInfo(lcServer).noquote() << u"Local server on another port: Core.Server/start — port %1 is taken, "
                                      u"listening on %2."_s.arg(port)
                                          .arg(tried);
    }
    m_apiKey = *key;
    m_address = address;
    m_port = tcp->serverPort();
    const QByteArray portText = QByteArray::number(m_port);
    QList<QByteArray> hosts{"localhost:" + portText};
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        hosts.append("[" + address.toString().toLatin1().toLower() + "]:" + portText);
    } else {
        hosts.append(address.toString().toLatin1() + ":" + portText);
    }
    m_router->setAllowedHosts(hosts);
    m_router->setApiKey(m_apiKey.toLatin1());
    qCInfo(lcServer).noquote() << "Local server listening: Core.Server/start \u2014" << baseUrl().toString();
    co_return {};
}

void LocalServer::setCorsPolicy(const CorsPolicy &policy)
{
    m_router->setCorsPolicy(policy);
}

QUrl LocalServer::baseUrl() const
{
    if (m_port == 0) {
        return {};
    }
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_address.toString());
    url.setPort(m_port);
    url.setPath(u"/api/v1"_s);
    return url;
}

QString LocalServer::apiKey() const
{
    return m_apiKey;
}

bool LocalServer::isPushRunning() const
{
    return m_github->isPushRunning();
}

} // namespace Notechondria
