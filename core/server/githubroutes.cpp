// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubroutes.h"

#include "apirouter.h"
#include "entityjson.h"
#include "exporter.h"
#include "githubapi.h"
#include "installationid.h"
#include "logging.h"
#include "pushservice.h"
#include "store.h"

#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

using Method = QHttpServerRequest::Method;

const QString syncModule = u"Core.Server.GitHubSync"_s;

ApiResponse storeFailure(const Error &error)
{
    return ApiResponse::fromError(error, 500);
}

ApiResponse noApp(const QString &consequence, const QString &process)
{
    return ApiResponse::detail(400, consequence, syncModule % u'/' % process,
        u"no GitHub App is configured (set GITHUB_DATA_SYNC_APP_* or the App settings)."_s);
}

bool isRepoFullName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}$"_s);
    return pattern.match(name).hasMatch() && !name.endsWith(u"/."_s) && !name.endsWith(u"/.."_s);
}

/// The bytes as a JSON string when they are UTF-8 text, else null (binary files are not previewed).
QJsonValue textOrNull(const std::optional<QByteArray> &bytes)
{
    if (!bytes || bytes->contains('\0')) {
        return QJsonValue::Null;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(*bytes);
    if (decoder.hasError()) {
        return QJsonValue::Null;
    }
    return text;
}

} // namespace

GitHubRoutes::GitHubRoutes(Store *store, GitHubApi *github, PushService *push, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_github(github)
    , m_push(push)
{
}

void GitHubRoutes::registerOn(ApiRouter &router)
{
    const QString base = u"integrations/github/"_s;
    router.addRoute(base + u"status"_s, Method::Get, [this](const ApiRequest &r) { return status(r); });
    router.addAsyncRoute(base + u"status"_s, Method::Delete, [this](ApiRequest r) { return disconnect(std::move(r)); });
    router.addAsyncRoute(base + u"callback"_s, Method::Post, [this](ApiRequest r) { return callback(std::move(r)); });
    router.addAsyncRoute(
        base + u"callback"_s, Method::Get, [this](ApiRequest r) { return browserCallback(std::move(r)); },
        ApiRouter::Access::Public);
    router.addAsyncRoute(base + u"repos"_s, Method::Get, [this](ApiRequest r) { return repos(std::move(r)); });
    router.addAsyncRoute(base + u"push"_s, Method::Post, [this](ApiRequest r) { return push(std::move(r)); });
    router.addAsyncRoute(base + u"sync"_s, Method::Post, [this](ApiRequest r) { return sync(std::move(r)); });
    router.addAsyncRoute(
        base + u"installations"_s, Method::Get, [this](ApiRequest r) { return installations(std::move(r)); });
    router.addAsyncRoute(base + u"preview"_s, Method::Get, [this](ApiRequest r) { return preview(std::move(r)); });
    router.addRoute(base + u"runs"_s, Method::Get, [this](const ApiRequest &r) { return runs(r); });
}

ApiResponse GitHubRoutes::status(const ApiRequest &)
{
    const auto integration = m_store->integration();
    if (!integration) {
        return storeFailure(integration.error());
    }
    QJsonObject body{{u"connected"_s, false},
        {u"install_url"_s,
            m_github ? InstallState::withState(m_github->config().installUrl, m_installState.current()) : QString()},
        {u"app_name"_s, m_github ? m_github->config().appName : QString()}, {u"push_running"_s, m_pushRunning}};
    // A push waiting for GitHub's secondary limits: until when (the card and the CLI show the wait).
    if (m_github && m_github->writesPausedUntil().isValid()) {
        body.insert(u"push_paused_until"_s, m_github->writesPausedUntil().toUTC().toString(Qt::ISODate));
    }
    if (*integration) {
        const GitHubIntegration &row = **integration;
        body.insert(u"connected"_s, true);
        body.insert(u"installation_id"_s, row.installationId);
        body.insert(u"account_login"_s, row.accountLogin);
        body.insert(u"repo_full_name"_s, row.repoFullName);
        body.insert(u"repo_default_branch"_s, row.repoDefaultBranch);
        body.insert(u"last_push_at"_s, EntityJson::dateTime(row.lastPushAt));
        body.insert(u"last_push_sha"_s, row.lastPushSha);
        body.insert(u"last_error"_s, redactSecrets(row.lastError));
        body.insert(u"include_assets"_s, row.includeAssets);
    }
    return ApiResponse::json(body);
}

QCoro::Task<ApiResponse> GitHubRoutes::disconnect(ApiRequest)
{
    QPointer<GitHubRoutes> self(this);
    const auto integration = m_store->integration();
    if (!integration) {
        co_return storeFailure(integration.error());
    }
    if (*integration && m_github) {
        const QString installationId = (*integration)->installationId;
        const auto revoked = co_await m_github->revokeToken(installationId);
        if (!self) {
            co_return ApiResponse::detail(503, u"Disconnect not finished"_s, syncModule % u"/disconnect"_s,
                u"the local server is shutting down."_s);
        }
        if (!revoked) {
            qCWarning(lcServer).noquote() << "Cached installation token not revoked:" << syncModule % u"/disconnect"_s
                                          << u"\u2014"_s << redactSecrets(revoked.error().message());
        }
    }
    if (const auto deleted = m_store->deleteIntegration(); !deleted) {
        co_return storeFailure(deleted.error());
    }
    qCInfo(lcServer).noquote() << "GitHub sync disconnected:" << syncModule % u"/disconnect \u2014"_s
                               << "the integration row was deleted.";
    co_return ApiResponse::json(QJsonObject{{u"connected"_s, false}});
}

QCoro::Task<QString> GitHubRoutes::defaultBranchOf(QString installationId, QString repoFullName)
{
    if (!m_github || repoFullName.isEmpty()) {
        co_return u"main"_s;
    }
    const auto repositories = co_await m_github->listRepositories(installationId);
    if (!repositories) {
        qCWarning(lcServer).noquote() << "Default branch taken as main:" << syncModule % u"/install_callback \u2014"_s
                                      << redactSecrets(repositories.error().cause);
        co_return u"main"_s;
    }
    for (const Repository &repository : *repositories) {
        if (repository.fullName.compare(repoFullName, Qt::CaseInsensitive) == 0
            && !repository.defaultBranch.isEmpty()) {
            co_return repository.defaultBranch;
        }
    }
    co_return u"main"_s;
}

QCoro::Task<ApiResponse> GitHubRoutes::callback(ApiRequest request)
{
    QPointer<GitHubRoutes> self(this);
    const auto form = RequestForm::read(request);
    if (!form) {
        co_return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    in.require(u"installation_id"_s);
    Store::IntegrationUpdate update;
    update.installationId = in.string(u"installation_id"_s, 64, false).value_or(QString()).trimmed();
    update.accountLogin = in.string(u"account_login"_s, 80);
    update.repoFullName = in.string(u"repo_full_name"_s, 160);
    update.repoDefaultBranch = in.string(u"repo_default_branch"_s, 80);
    update.includeAssets = in.boolean(u"include_assets"_s);
    if (!update.installationId.isEmpty() && !isInstallationId(update.installationId)) {
        in.addError(u"installation_id"_s, u"A valid integer is required."_s); // a positive one (GitHub's ids)
    }
    if (update.repoFullName && !update.repoFullName->isEmpty() && !isRepoFullName(*update.repoFullName)) {
        in.addError(u"repo_full_name"_s, u"Enter a repository as owner/name."_s);
    }
    if (!in.ok()) {
        co_return in.errorResponse();
    }
    qCInfo(lcServer).noquote() << "GitHub sync install callback received:" << syncModule % u"/install_callback \u2014"_s
                               << redactSecrets(u"installation_id="_s % update.installationId % u" repo="
                                      % update.repoFullName.value_or(u"(kept)"_s) % u'.');
    const auto before = m_store->integration();
    if (!before) {
        co_return storeFailure(before.error());
    }
    const QString repo = update.repoFullName.value_or(*before ? (*before)->repoFullName : QString());
    const bool repoChanged = update.repoFullName && (!*before || (*before)->repoFullName != *update.repoFullName);
    const bool installationChanged = !*before || (*before)->installationId != update.installationId;
    const bool branchBlank = update.repoDefaultBranch && update.repoDefaultBranch->trimmed().isEmpty();
    if (branchBlank || (!update.repoDefaultBranch && repoChanged)) {
        const QString branch = co_await defaultBranchOf(update.installationId, repo);
        if (!self) {
            co_return ApiResponse::detail(503, u"GitHub App not linked"_s, syncModule % u"/install_callback"_s,
                u"the local server is shutting down."_s);
        }
        update.repoDefaultBranch = branch;
    }
    const auto saved = m_store->connectIntegration(update);
    if (!saved) {
        co_return storeFailure(saved.error());
    }
    if ((repoChanged || installationChanged) && m_github) {
        m_github->forgetTokens(); // a token narrowed to the old repo or installation must not be reused
    }
    qCInfo(lcServer).noquote() << "GitHub sync install persisted:" << syncModule % u"/install_callback \u2014"_s
                               << redactSecrets(u"installation_id="_s % saved->installationId % u" repo="
                                      % saved->repoFullName % u" created=" % (*before ? u"false"_s : u"true"_s) % u'.');
    co_return ApiResponse::json(QJsonObject{{u"connected"_s, true}, {u"installation_id"_s, saved->installationId},
        {u"account_login"_s, saved->accountLogin}, {u"repo_full_name"_s, saved->repoFullName},
        {u"repo_default_branch"_s, saved->repoDefaultBranch}});
}

QCoro::Task<ApiResponse> GitHubRoutes::browserCallback(ApiRequest request)
{
    QPointer<GitHubRoutes> self(this);
    const QString title = u"Notechondria Desktop"_s;
    const QString installationId = request.queryValue(u"installation_id"_s).trimmed();
    const QString setupAction = request.queryValue(u"setup_action"_s);
    // Only the browser that followed our own install link brings the state back; used once.
    if (!m_installState.isPending(request.queryValue(u"state"_s))) {
        co_return ApiResponse::html(403, title,
            u"GitHub App not linked: Core.Server.GitHubSync/browser_callback \u2014 the link does not carry the state of an install started from Notechondria Desktop (missing, wrong or already used); start the installation from the app again."_s);
    }
    if (!isInstallationId(installationId)) {
        co_return ApiResponse::html(400, title,
            u"GitHub App not linked: Core.Server.GitHubSync/browser_callback \u2014 the link has no valid installation_id."_s);
    }
    if (setupAction == u"request"_s) {
        m_installState.consume();
        co_return ApiResponse::html(200, title,
            u"The installation was requested; an organization owner must approve it before Notechondria Desktop can connect."_s);
    }
    if (!m_github) {
        co_return ApiResponse::html(400, title,
            u"GitHub App not linked: Core.Server.GitHubSync/browser_callback \u2014 no GitHub App is configured."_s);
    }
    // Only an installation of our own App is accepted: a link from elsewhere cannot plant a foreign one.
    const auto installations = co_await m_github->listInstallations();
    if (!self) {
        co_return ApiResponse::html(503, title, u"The local server is shutting down."_s);
    }
    if (!installations) {
        co_return ApiResponse::html(502, title,
            u"GitHub App not linked: Core.Server.GitHubSync/browser_callback \u2014 "_s
                % redactSecrets(installations.error().cause));
    }
    const auto found = std::ranges::find(*installations, installationId, &Installation::id);
    if (found == installations->end()) {
        co_return ApiResponse::html(400, title,
            u"GitHub App not linked: Core.Server.GitHubSync/browser_callback \u2014 installation %1 is not an installation of this App."_s
                .arg(installationId));
    }
    const auto before = m_store->integration();
    Store::IntegrationUpdate update;
    update.installationId = installationId;
    update.accountLogin = found->accountLogin;
    const auto saved = m_store->connectIntegration(update);
    if (!saved || !before) {
        co_return ApiResponse::html(500, title, (!saved ? saved.error() : before.error()).message());
    }
    m_installState.consume();
    if (!*before || (*before)->installationId != installationId) {
        m_github->forgetTokens();
    }
    qCInfo(lcServer).noquote() << "GitHub sync install persisted:" << syncModule % u"/browser_callback \u2014"_s
                               << redactSecrets(u"installation_id="_s % installationId % u'.');
    Q_EMIT installationLinked(installationId);
    co_return ApiResponse::html(200, title, u"Notechondria Desktop is connected \u2014 you can close this tab."_s);
}

QCoro::Task<ApiResponse> GitHubRoutes::repos(ApiRequest)
{
    const QString consequence = u"Cannot list repositories"_s;
    const QString module = syncModule % u"/list_repos"_s;
    const auto integration = m_store->integration();
    if (!integration) {
        co_return storeFailure(integration.error());
    }
    if (!*integration) {
        co_return ApiResponse::detail(400, consequence, module,
            u"no GitHub App installation linked to this account. Click \u201cInstall Notechondria GitHub App\u201d first."_s);
    }
    if (!m_github) {
        co_return noApp(consequence, u"list_repos"_s);
    }
    const auto repositories = co_await m_github->listRepositories((*integration)->installationId);
    if (!repositories) {
        co_return ApiResponse::detail(400, consequence, module, redactSecrets(repositories.error().cause));
    }
    QJsonArray list;
    for (const Repository &repository : *repositories) {
        list.append(QJsonObject{{u"full_name"_s, repository.fullName},
            {u"default_branch"_s, repository.defaultBranch.isEmpty() ? u"main"_s : repository.defaultBranch},
            {u"private"_s, repository.isPrivate}});
    }
    co_return ApiResponse::json(QJsonObject{{u"repositories"_s, list}});
}

QCoro::Task<ApiResponse> GitHubRoutes::installations(ApiRequest)
{
    if (!m_github) {
        co_return noApp(u"Cannot list installations"_s, u"list_installations"_s);
    }
    const auto list = co_await m_github->listInstallations();
    if (!list) {
        co_return ApiResponse::detail(400, u"Cannot list installations"_s, syncModule % u"/list_installations"_s,
            redactSecrets(list.error().cause));
    }
    QJsonArray array;
    for (const Installation &installation : *list) {
        array.append(QJsonObject{{u"id"_s, installation.id}, {u"account_login"_s, installation.accountLogin}});
    }
    co_return ApiResponse::json(QJsonObject{{u"installations"_s, array}});
}

QCoro::Task<ApiResponse> GitHubRoutes::preview(ApiRequest request)
{
    if (!m_push) {
        co_return noApp(u"Cannot preview the push"_s, u"preview"_s);
    }
    const bool includeAssets = isTruthy(request.queryValue(u"include_assets"_s));
    if (request.query.hasQueryItem(u"path"_s)) {
        co_return co_await previewFile(request.queryValue(u"path"_s), includeAssets);
    }
    const auto files = m_push->preview(includeAssets);
    if (!files) {
        co_return ApiResponse::fromError(files.error(), 400);
    }
    QJsonArray array;
    for (const auto &[path, state] : *files) {
        array.append(QJsonObject{{u"path"_s, path}, {u"status"_s, state}});
    }
    co_return ApiResponse::json(QJsonObject{{u"files"_s, array}});
}

QCoro::Task<ApiResponse> GitHubRoutes::previewFile(QString path, bool includeAssets)
{
    QPointer<GitHubRoutes> self(this);
    const QString consequence = u"Cannot show the file"_s;
    const QString module = syncModule % u"/preview"_s;
    if (path.isEmpty() || path.startsWith(u'/') || path.split(u'/').contains(u".."_s)) {
        co_return ApiResponse::detail(400, consequence, module, u"the path must be a relative path of the export."_s);
    }
    const auto preview = m_push->previewExport(includeAssets);
    if (!preview) {
        co_return ApiResponse::fromError(preview.error(), 400);
    }
    const QString status = [&] {
        const auto listed = std::ranges::find(preview->statuses, path, &std::pair<QString, QString>::first);
        return listed == preview->statuses.end() ? QString() : listed->second;
    }();
    if (status.isEmpty()) {
        co_return ApiResponse::detail(
            404, consequence, module, u"'%1' is neither in the export nor in the last push."_s.arg(path));
    }
    // Local: the file as the current export writes it (the export the statuses were judged on).
    std::optional<QByteArray> local;
    if (const ExportFile *file = preview->tree.find(path)) {
        local = file->bytes;
    }
    // Remote: the file on the pushed branch, when GitHub answers.
    std::optional<QByteArray> remote;
    if (m_github) {
        const auto fetched = co_await remoteFile(path);
        if (!self) {
            co_return ApiResponse::detail(503, consequence, module, u"the local server is shutting down."_s);
        }
        if (!fetched) {
            co_return ApiResponse::detail(502, consequence, module, redactSecrets(fetched.error().cause));
        }
        remote = *fetched;
    }
    co_return ApiResponse::json(QJsonObject{
        {u"path"_s, path}, {u"status"_s, status}, {u"local"_s, textOrNull(local)}, {u"remote"_s, textOrNull(remote)}});
}

QCoro::Task<Result<std::optional<QByteArray>>> GitHubRoutes::remoteFile(QString path)
{
    const QString module = syncModule % u"/preview"_s;
    const auto integration = m_store->integration();
    if (!integration) {
        co_return std::unexpected(integration.error());
    }
    if (!*integration || (*integration)->repoFullName.isEmpty()) {
        co_return std::optional<QByteArray>();
    }
    const GitHubIntegration linked = **integration;
    const QString branch = linked.repoDefaultBranch.isEmpty() ? u"main"_s : linked.repoDefaultBranch;
    const QString repoName = linked.repoFullName.section(u'/', 1);
    const QString treePath = u"/repos/%1/git/trees/%2?recursive=1"_s.arg(
        linked.repoFullName, QString::fromLatin1(QUrl::toPercentEncoding(branch)));
    const auto tree = co_await m_github->call("GET", treePath, linked.installationId, {}, true, repoName);
    if (!tree) {
        co_return std::unexpected(tree.error());
    }
    if (tree->status == 404 || tree->status == 409) { // no such branch yet, or an empty repository
        co_return std::optional<QByteArray>();
    }
    if (!tree->isSuccess()) {
        co_return fail(u"Cannot show the file"_s, module,
            u"GitHub returned %1 reading the tree of '%2': %3"_s.arg(tree->status)
                .arg(linked.repoFullName, excerpt(tree->body)));
    }
    QString blobSha;
    const QJsonArray entries = tree->json().object().value("tree"_L1).toArray();
    for (const auto &entry : entries) {
        const QJsonObject item = entry.toObject();
        if (item.value("path"_L1).toString() == path && item.value("type"_L1).toString() == "blob"_L1) {
            blobSha = item.value("sha"_L1).toString();
            break;
        }
    }
    if (blobSha.isEmpty()) {
        co_return std::optional<QByteArray>();
    }
    const auto blob = co_await m_github->call("GET", u"/repos/%1/git/blobs/%2"_s.arg(linked.repoFullName, blobSha),
        linked.installationId, {}, true, repoName);
    if (!blob) {
        co_return std::unexpected(blob.error());
    }
    if (!blob->isSuccess()) {
        co_return fail(u"Cannot show the file"_s, module,
            u"GitHub returned %1 reading blob %2: %3"_s.arg(blob->status).arg(blobSha, excerpt(blob->body)));
    }
    const QJsonObject object = blob->json().object();
    const QByteArray content = object.value("content"_L1).toString().toLatin1();
    if (object.value("encoding"_L1).toString() == "base64"_L1) {
        co_return std::optional<QByteArray>(QByteArray::fromBase64(content));
    }
    co_return std::optional<QByteArray>(content);
}

ApiResponse GitHubRoutes::runs(const ApiRequest &request)
{
    bool ok = false;
    int limit = request.queryValue(u"limit"_s).toInt(&ok);
    limit = ok && limit > 0 ? std::min(limit, 100) : 20;
    const auto list = m_store->runs(limit);
    if (!list) {
        return storeFailure(list.error());
    }
    QJsonArray array;
    for (const PushRun &run : *list) {
        array.append(EntityJson::run(run));
    }
    return ApiResponse::json(QJsonObject{{u"runs"_s, array}});
}

} // namespace Notechondria
