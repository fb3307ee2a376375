// SPDX-License-Identifier: GPL-3.0-or-later
#include "appmanifest.h"

#include "httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Notechondria::AppManifest {

namespace {

const QString manifestModule = u"Core.GitHub/app_manifest"_s;
const QString installationModule = u"Core.GitHub/installation"_s;

HttpRequest githubRequest(const QByteArray &method, const QUrl &url)
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.headers = {
        {"Accept", "application/vnd.github+json"},
        {"X-GitHub-Api-Version", "2022-11-28"},
        {"User-Agent", "Notechondria-Desktop/" NOTECHONDRIA_VERSION},
    };
    return request;
}

QString idText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString::number(value.toInteger());
}

} // namespace

QUrl webUrl(const QUrl &apiUrl)
{
    QUrl web;
    web.setScheme(apiUrl.scheme());
    web.setHost(apiUrl.host().startsWith("api."_L1) ? apiUrl.host().mid(4) : apiUrl.host());
    web.setPort(apiUrl.port());
    return web;
}

QJsonObject build(const QString &name, const QUrl &homepage, const QUrl &redirectUrl, const QUrl &setupUrl)
{
    return QJsonObject{
        {u"name"_s, name},
        {u"url"_s, homepage.toString()},
        {u"description"_s, u"Backs a Notechondria account up to a GitHub repository you choose."_s},
        {u"redirect_url"_s, redirectUrl.toString()},
        {u"setup_url"_s, setupUrl.toString()},
        {u"setup_on_update"_s, false},
        {u"public"_s, false},
        {u"hook_attributes"_s, QJsonObject{{u"active"_s, false}}},
        {u"default_permissions"_s, QJsonObject{{u"contents"_s, u"write"_s}, {u"metadata"_s, u"read"_s}}},
        {u"default_events"_s, QJsonArray()},
        {u"request_oauth_on_install"_s, false},
    };
}

QUrl newAppUrl(const QUrl &webUrl, const QString &owner, const QString &state)
{
    QUrl url = webUrl;
    url.setPath(owner.isEmpty() ? u"/settings/apps/new"_s : u"/organizations/%1/settings/apps/new"_s.arg(owner));
    QUrlQuery query;
    query.addQueryItem(u"state"_s, state);
    url.setQuery(query);
    return url;
}

QString installUrl(const QUrl &webUrl, const QString &slug)
{
    QUrl url = webUrl;
    url.setPath(u"/apps/%1/installations/new"_s.arg(slug));
    return url.toString();
}

bool isOwnerLogin(const QString &owner)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"_s);
    return pattern.match(owner).hasMatch();
}

QString defaultName()
{
    return u"Notechondria backup %1"_s.arg(QRandomGenerator::system()->bounded(0x100000, 0xffffff), 6, 16, QChar(u'0'));
}

QCoro::Task<Result<CreatedApp>> convert(HttpClient *http, QUrl apiUrl, QString code)
{
    const QString consequence = u"GitHub App not created"_s;
    static const QRegularExpression codePattern(u"^[A-Za-z0-9_-]{1,200}$"_s);
    if (!codePattern.match(code).hasMatch()) {
        co_return fail(consequence, manifestModule, u"GitHub sent no usable code back."_s);
    }
    QUrl url = apiUrl;
    url.setPath(
        apiUrl.path().chopped(apiUrl.path().endsWith(u'/') ? 1 : 0) + u"/app-manifests/"_s + code + u"/conversions"_s);
    HttpRequest request = githubRequest("POST", url);
    request.idempotent = false; // a code converts once
    const Result<HttpResponse> response = co_await http->send(request);
    if (!response) {
        co_return std::unexpected(response.error().withConsequence(consequence));
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(
            GitHubApi::httpError(*response, consequence, manifestModule, u"converting the manifest code"_s));
    }
    const QJsonObject object = response->json().object();
    CreatedApp app{idText(object.value("id"_L1)), object.value("slug"_L1).toString(),
        object.value("name"_L1).toString(), object.value("client_id"_L1).toString(), object.value("pem"_L1).toString()};
    if (app.id.isEmpty() || app.id == "0"_L1 || app.slug.isEmpty() || app.clientId.isEmpty()
        || !app.privateKeyPem.contains("PRIVATE KEY-----"_L1)) {
        co_return fail(consequence, manifestModule,
            u"GitHub's answer lacks the App id, slug, client id or private key."_s, response->status);
    }
    co_return app;
}

QCoro::Task<Result<std::optional<Installation>>> fetchInstallation(GitHubApi *api, QString id)
{
    const QString consequence = u"Installation not checked"_s;
    const Result<QByteArray> jwt = api->appJwt();
    if (!jwt) {
        co_return std::unexpected(jwt.error().withConsequence(consequence));
    }
    HttpRequest request = githubRequest("GET", api->apiUrl(u"/app/installations/"_s + id));
    request.headers.append(std::pair<QByteArray, QByteArray>("Authorization", "Bearer " + *jwt));
    const Result<HttpResponse> response = co_await api->http()->send(request);
    if (!response) {
        co_return std::unexpected(response.error().withConsequence(consequence));
    }
    if (response->status == 404) {
        co_return std::optional<Installation>();
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(
            GitHubApi::httpError(*response, consequence, installationModule, u"reading installation "_s + id));
    }
    const QJsonObject object = response->json().object();
    co_return Installation{
        idText(object.value("id"_L1)), object.value("account"_L1).toObject().value("login"_L1).toString()};
}

} // namespace Notechondria::AppManifest
