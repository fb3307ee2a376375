// SPDX-License-Identifier: GPL-3.0-or-later
// The GitHub test server's App Manifest flow (new-App page, code conversion, install page) and single installations.
#include "githubtestserver.h"
#include "githubtestserver_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Notechondria::Test {

namespace {

QByteArray randomText(int length)
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray out;
    for (int i = 0; i < length; ++i) {
        out += alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))];
    }
    return out;
}

/// A form field or query item; form bodies carry spaces as '+'.
QString formValue(const QByteArray &encoded, const QString &name)
{
    QString text = QString::fromUtf8(encoded);
    text.replace(u'+', u"%20"_s);
    return QUrlQuery(text).queryItemValue(name, QUrl::FullyDecoded);
}

QString slugOf(const QString &name)
{
    QString slug;
    for (const QChar c : name.toLower()) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (plain) {
            slug += c;
        } else if (!slug.isEmpty() && !slug.endsWith(u'-')) {
            slug += u'-';
        }
    }
    while (slug.endsWith(u'-')) {
        slug.chop(1);
    }
    return slug.isEmpty() ? u"app"_s : slug;
}

} // namespace

void GitHubTestServer::Private::addAppRoutes()
{
    using P = Private;
    const auto add = [this](const char *method, const QString &pattern, Auth auth, Handler P::*handler) {
        routes.append(Route{method, QRegularExpression(u'^' + pattern + u'$'), auth, handler});
    };
    for (const char *method : {"GET", "POST"}) {
        add(method, u"/settings/apps/new"_s, Auth::None, &P::newAppPage);
        add(method, u"/organizations/([A-Za-z0-9-]+)/settings/apps/new"_s, Auth::None, &P::newAppPage);
    }
    add("POST", u"/app-manifests/([^/]+)/conversions"_s, Auth::None, &P::convertManifest);
    add("GET", u"/app/installations/(\\d+)"_s, Auth::Jwt, &P::getInstallation);
    add("GET", u"/apps/([^/]+)/installations/new"_s, Auth::None, &P::installPage);
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::htmlPage(
    int status, const QString &title, const QString &text)
{
    const QString page
        = u"<!DOCTYPE html><html><head><title>%1</title></head><body><h1>%1</h1><p>%2</p></body></html>"_s.arg(
            title.toHtmlEscaped(), text.toHtmlEscaped());
    return Reply{status, page.toUtf8(), "text/html; charset=utf-8", {}};
}

const GitHubTestServer::Private::App *GitHubTestServer::Private::appByIssuer(const QString &issuer) const
{
    for (const auto &[id, app] : apps) {
        if (!issuer.isEmpty() && (app.clientId == issuer || QString::number(id) == issuer)) {
            return &app;
        }
    }
    return nullptr;
}

QJsonObject GitHubTestServer::Private::installationJson(const Installation &installation) const
{
    return QJsonObject{
        {u"id"_s, installation.id},
        {u"account"_s,
            QJsonObject{{u"login"_s, installation.login}, {u"id"_s, installation.accountId}, {u"type"_s, u"User"_s}}},
        {u"app_id"_s, installation.app == 0 ? 1 : installation.app},
        {u"target_type"_s, u"User"_s},
        {u"repository_selection"_s, u"selected"_s},
        {u"permissions"_s, QJsonObject{{u"contents"_s, u"write"_s}, {u"metadata"_s, u"read"_s}}},
        {u"html_url"_s, u"https://github.com/settings/installations/%1"_s.arg(installation.id)},
    };
}

/// GitHub's "Register new GitHub App" page: with a `manifest` (form field or query item) the App is registered as if
/// the user confirmed it, and the browser goes to the manifest's redirect_url with `code` and `state`.
GitHubTestServer::Private::Reply GitHubTestServer::Private::newAppPage(Call &call)
{
    QString text = formValue(call.request.body, u"manifest"_s);
    if (text.isEmpty()) {
        text = call.request.query.queryItemValue(u"manifest"_s, QUrl::FullyDecoded);
    }
    if (text.isEmpty()) {
        return htmlPage(200, u"Register new GitHub App"_s, u"Fill in the App's name, homepage and permissions."_s);
    }
    const QJsonObject manifest = QJsonDocument::fromJson(text.toUtf8()).object();
    const QUrl redirect(manifest.value("redirect_url"_L1).toString());
    if (manifest.value("name"_L1).toString().trimmed().isEmpty() || manifest.value("url"_L1).toString().isEmpty()
        || !redirect.isValid() || (redirect.scheme() != "http"_L1 && redirect.scheme() != "https"_L1)) {
        return htmlPage(422, u"Invalid GitHub App configuration"_s,
            u"The manifest needs a name, a url and an http(s) redirect_url."_s);
    }
    const QString code = QString::fromLatin1(randomText(20));
    manifestCodes.insert(code, {call.match.captured(1), manifest});
    QUrl target = redirect;
    QUrlQuery query(redirect);
    query.addQueryItem(u"code"_s, code);
    query.addQueryItem(u"state"_s, call.request.query.queryItemValue(u"state"_s, QUrl::FullyDecoded));
    target.setQuery(query);
    Reply reply = htmlPage(302, u"Redirecting"_s, target.toString());
    reply.headers.append(std::pair<QByteArray, QByteArray>("Location", target.toEncoded()));
    return reply;
}

/// POST /app-manifests/{code}/conversions: the App with a freshly made RSA key; a code converts once.
GitHubTestServer::Private::Reply GitHubTestServer::Private::convertManifest(Call &call)
{
    const auto found = manifestCodes.constFind(call.match.captured(1));
    if (found == manifestCodes.cend()) {
        return error(404, u"Not Found"_s);
    }
    const auto [owner, manifest] = found.value();
    manifestCodes.erase(found);
    const QCA::PrivateKey key = QCA::KeyGenerator().createRSA(2048);
    if (key.isNull()) {
        return error(500, u"Key generation failed"_s);
    }
    App app;
    app.id = nextAppId++;
    app.name = manifest.value("name"_L1).toString();
    app.slug = slugOf(app.name);
    for (const auto &[id, other] : apps) {
        if (other.slug == app.slug) {
            return error(422, u"Name is already in use"_s);
        }
    }
    app.clientId = u"Iv23"_s + QString::fromLatin1(randomText(16));
    app.owner = owner.isEmpty() ? u"octocat"_s : owner;
    app.manifest = manifest;
    app.key = key.toPublicKey();
    apps.emplace(app.id, app);
    return json(201,
        QJsonObject{{u"id"_s, app.id}, {u"slug"_s, app.slug}, {u"node_id"_s, u"A_kw%1"_s.arg(app.id)},
            {u"owner"_s,
                QJsonObject{{u"login"_s, app.owner}, {u"type"_s, owner.isEmpty() ? u"User"_s : u"Organization"_s}}},
            {u"name"_s, app.name}, {u"description"_s, manifest.value("description"_L1)},
            {u"external_url"_s, manifest.value("url"_L1)}, {u"html_url"_s, url(u"/apps/"_s + app.slug)},
            {u"permissions"_s, manifest.value("default_permissions"_L1)}, {u"events"_s, QJsonArray()},
            {u"client_id"_s, app.clientId}, {u"client_secret"_s, QString::fromLatin1(randomText(40))},
            {u"webhook_secret"_s, QJsonValue::Null}, {u"pem"_s, key.toPEM()}});
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::getInstallation(Call &call)
{
    const auto found = installations.find(call.match.captured(1).toLongLong());
    if (found == installations.end() || found->second.app != jwtApp) {
        return error(404, u"Not Found"_s);
    }
    return json(200, installationJson(found->second));
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::installPage(Call &call)
{
    for (const auto &[id, app] : apps) {
        if (app.slug == call.match.captured(1)) {
            return htmlPage(200, u"Install %1"_s.arg(app.name), u"Choose where to install the App."_s);
        }
    }
    return htmlPage(404, u"Page not found"_s, call.request.path);
}

qint64 GitHubTestServer::addAppInstallation(const QString &appSlug, const QString &accountLogin)
{
    for (const auto &[appId, app] : d->apps) {
        if (app.slug == appSlug) {
            const qint64 id = d->nextInstallationId++;
            d->installations.emplace(id, Private::Installation{id, accountLogin, 5000000 + id % 1000000, appId});
            return id;
        }
    }
    return 0;
}

QStringList GitHubTestServer::createdApps() const
{
    QStringList slugs;
    for (const auto &[id, app] : d->apps) {
        slugs.append(app.slug);
    }
    return slugs;
}

} // namespace Notechondria::Test
