// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifestroutes.h"

#include "apirouter.h"
#include "appmanifest.h"
#include "appsettings.h"
#include "githubapi.h"
#include "logging.h"
#include "secretstore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

using Method = QHttpServerRequest::Method;

const QString appModule = u"Core.Server.GitHubApp"_s;
const QString pageTitle = u"Notechondria Desktop"_s;
constexpr auto autoSubmit = "document.getElementById('manifest').submit();"_L1;

QString randomState()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QString::fromLatin1(bytes.toHex());
}

QUrl joined(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = base.path();
    if (basePath.endsWith(u'/')) {
        basePath.chop(1);
    }
    url.setPath(basePath + u'/' + path);
    return url;
}

QString origin(const QUrl &url)
{
    return url.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
}

/// The page that posts the manifest to GitHub: only its own inline script runs, forms go only to GitHub.
ApiResponse formPage(const QUrl &action, const QJsonObject &manifest)
{
    const QString json = QString::fromUtf8(QJsonDocument(manifest).toJson(QJsonDocument::Compact));
    const QString page = u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"_s % pageTitle
        % u"</title></head>\n<body style=\"font-family: sans-serif; margin: 3em\"><h1>Creating the GitHub App</h1>\n"
          u"<p>Your browser is taking the App's description to GitHub. If nothing happens, press the button.</p>\n"
          u"<form id=\"manifest\" action=\""_s
        % action.toString().toHtmlEscaped() % u"\" method=\"post\"><input type=\"hidden\" name=\"manifest\" value=\""_s
        % json.toHtmlEscaped() % u"\"><button type=\"submit\">Continue to GitHub</button></form>\n<script>"_s
        % autoSubmit % u"</script></body></html>\n"_s;
    const QByteArray scriptHash
        = QCryptographicHash::hash(QByteArray(autoSubmit.data(), autoSubmit.size()), QCryptographicHash::Sha256)
              .toBase64();
    ApiResponse response{200, page.toUtf8(), "text/html; charset=utf-8"};
    response.headers.append(std::pair<QByteArray, QByteArray>("Content-Security-Policy",
        "default-src 'none'; script-src 'sha256-" + scriptHash + "'; style-src 'unsafe-inline'; form-action "
            + origin(action).toUtf8() + "; base-uri 'none'; frame-ancestors 'none'"));
    response.headers.append(std::pair<QByteArray, QByteArray>("Referrer-Policy", "no-referrer"));
    return response;
}

ApiResponse refusedState(const QString &process)
{
    return ApiResponse::html(403, pageTitle,
        u"GitHub App not created: %1/%2 \u2014 the link does not carry the state of an App creation started from "
        "Notechondria Desktop (missing, wrong, expired or already used); start again from the app."_s.arg(
            appModule, process));
}

} // namespace

ManifestRoutes::ManifestRoutes(SecretStore *secrets, GitHubApi *github, std::function<QUrl()> baseUrl, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_github(github)
    , m_baseUrl(std::move(baseUrl))
{
}

void ManifestRoutes::registerOn(ApiRouter &router)
{
    const QString base = u"integrations/github/"_s;
    router.addRoute(base + u"app-manifest"_s, Method::Post, [this](const ApiRequest &r) { return start(r); });
    router.addRoute(
        base + u"app-manifest/form"_s, Method::Get, [this](const ApiRequest &r) { return form(r); },
        ApiRouter::Access::Public);
    router.addAsyncRoute(
        base + u"app-manifest/callback"_s, Method::Get, [this](ApiRequest r) { return callback(std::move(r)); },
        ApiRouter::Access::Public);
    router.addAsyncRoute(
        base + u"installations/<id>"_s, Method::Get, [this](ApiRequest r) { return installation(std::move(r)); });
}

void ManifestRoutes::dropExpired()
{
    m_pending.removeIf([](QHash<QString, Pending>::iterator it) { return it->expiry.hasExpired(); });
}

Result<ManifestRoutes::Started> ManifestRoutes::begin(const Options &options)
{
    const QString consequence = u"GitHub App not created"_s;
    const QString module = appModule % u"/app_manifest"_s;
    if (!m_github) {
        return fail(consequence, module, u"the local server has no GitHub connection."_s, 400);
    }
    if (!options.owner.isEmpty() && !AppManifest::isOwnerLogin(options.owner)) {
        return fail(consequence, module, u"'%1' is not a GitHub organization name."_s.arg(options.owner), 400);
    }
    if (options.name.size() > 34) {
        return fail(consequence, module, u"GitHub App names have at most 34 characters."_s, 400);
    }
    const QUrl base = m_baseUrl();
    if (!base.isValid() || base.isEmpty()) {
        return fail(consequence, module, u"the local server is not listening yet."_s, 503);
    }
    dropExpired();
    const QString state = randomState();
    Pending pending{
        QDeadlineTimer(stateLifetime), options, joined(base, u"integrations/github/app-manifest/callback/"_s)};
    if (pending.options.name.trimmed().isEmpty()) {
        pending.options.name = AppManifest::defaultName();
    }
    if (pending.options.setupUrl.isEmpty()) {
        pending.options.setupUrl = joined(base, u"integrations/github/callback/"_s);
    }
    QUrl page = joined(base, u"integrations/github/app-manifest/form/"_s);
    page.setQuery(u"state="_s + state);
    m_pending.insert(state, pending);
    return Started{page.toString(), pending.redirectUrl.toString(), state};
}

ApiResponse ManifestRoutes::start(const ApiRequest &request)
{
    const auto body = RequestForm::read(request);
    if (!body) {
        return ApiResponse::fromError(body.error());
    }
    Options options;
    options.owner = body->fields.value("owner"_L1).toString().trimmed();
    options.name = body->fields.value("name"_L1).toString().trimmed();
    const auto started = begin(options);
    if (!started) {
        return ApiResponse::fromError(started.error());
    }
    return ApiResponse::json(
        QJsonObject{{u"url"_s, started->url}, {u"redirect_url"_s, started->redirectUrl}, {u"state"_s, started->state}});
}

ApiResponse ManifestRoutes::form(const ApiRequest &request)
{
    dropExpired();
    const auto found = m_pending.constFind(request.queryValue(u"state"_s));
    if (found == m_pending.cend() || !m_github) {
        return refusedState(u"manifest_form"_s);
    }
    const QUrl web = AppManifest::webUrl(m_github->config().apiUrl);
    const QJsonObject manifest
        = AppManifest::build(found->options.name, web, found->redirectUrl, found->options.setupUrl);
    return formPage(AppManifest::newAppUrl(web, found->options.owner, found.key()), manifest);
}

QCoro::Task<ApiResponse> ManifestRoutes::callback(ApiRequest request)
{
    QPointer<ManifestRoutes> self(this);
    dropExpired();
    if (!m_pending.remove(request.queryValue(u"state"_s)) || request.queryValue(u"state"_s).isEmpty()) {
        co_return refusedState(u"manifest_callback"_s);
    }
    const Result<QString> installUrl = co_await keep(request.queryValue(u"code"_s));
    if (!self) {
        co_return ApiResponse::html(503, pageTitle, u"The local server is shutting down."_s);
    }
    if (!installUrl) {
        const QString message = redactSecrets(installUrl.error().message());
        qCWarning(lcServer).noquote() << message;
        Q_EMIT appCreationFailed(message);
        co_return ApiResponse::html(502, pageTitle, message);
    }
    ApiResponse response = ApiResponse::html(
        303, pageTitle, u"The GitHub App is created. Continue to %1 to install it."_s.arg(*installUrl));
    response.headers.append(std::pair<QByteArray, QByteArray>("Location", installUrl->toUtf8()));
    co_return response;
}

QCoro::Task<Result<QString>> ManifestRoutes::keep(QString code)
{
    QPointer<ManifestRoutes> self(this);
    const QString consequence = u"GitHub App not created"_s;
    const QString module = appModule % u"/manifest_callback"_s;
    if (!m_github || !m_secrets) {
        co_return fail(consequence, module, u"the local server has no GitHub connection or secret store."_s);
    }
    const QUrl apiUrl = m_github->config().apiUrl;
    const Result<CreatedApp> created = co_await AppManifest::convert(m_github->http(), apiUrl, code);
    if (!self || !m_secrets) {
        co_return fail(consequence, module, u"the local server is shutting down."_s);
    }
    if (!created) {
        co_return std::unexpected(created.error());
    }
    const Result<void> stored
        = co_await m_secrets->write(QString::fromUtf16(SecretKeys::AppPrivateKey), created->privateKeyPem);
    if (!self) {
        co_return fail(consequence, module, u"the local server is shutting down."_s);
    }
    if (!stored) {
        co_return std::unexpected(
            stored.error().withConsequence(u"GitHub App %1 created but its private key not kept"_s.arg(created->slug)));
    }
    const QString installUrl = AppManifest::installUrl(AppManifest::webUrl(apiUrl), created->slug);
    AppSettings{created->name, created->clientId, created->id, created->slug, installUrl}.save();
    AppConfig config = m_github->config();
    config.appName = created->name;
    config.clientId = created->clientId;
    config.appId = created->id;
    config.installUrl = installUrl;
    config.privateKeyPem = created->privateKeyPem;
    config.privateKeyFile.clear();
    config.privateKeyFileError.clear();
    m_github->setConfig(config);
    qCInfo(lcServer).noquote()
        << u"GitHub App created: %1 \u2014 %2 (app id %3); its private key is in the %4 secret store."_s.arg(
               module, created->slug, created->id, m_secrets->backendName());
    Q_EMIT appCreated(created->id, created->slug, created->clientId);
    co_return installUrl;
}

QCoro::Task<ApiResponse> ManifestRoutes::installation(ApiRequest request)
{
    const QString id = request.segments.value(3);
    const QString consequence = u"Installation not accepted"_s;
    const QString module = appModule % u"/check_installation"_s;
    if (!m_github) {
        co_return ApiResponse::detail(400, consequence, module, u"no GitHub App is configured."_s);
    }
    const auto found = co_await AppManifest::fetchInstallation(m_github, id);
    if (!found) {
        co_return ApiResponse::detail(502, consequence, module, redactSecrets(found.error().cause));
    }
    if (!*found) {
        co_return ApiResponse::detail(404, consequence, module,
            u"GitHub knows no installation %1 of this App; copy the number from the installation's address "
            "(…/settings/installations/NUMBER) or pick one from the list."_s.arg(id));
    }
    co_return ApiResponse::json(QJsonObject{{u"id"_s, (*found)->id}, {u"account_login"_s, (*found)->accountLogin}});
}

} // namespace Notechondria
