// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "githubapi.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace Notechondria {

class HttpClient;

/// What GitHub answers when a manifest code is converted: the new App and its private key (never logged).
struct CreatedApp
{
    QString id;
    QString slug;
    QString name;
    QString clientId;
    QString privateKeyPem;
};

/**
 * GitHub's App Manifest flow (docs: "Registering a GitHub App from a manifest"): a browser form posts the manifest
 * to <github>/settings/apps/new?state=S (or /organizations/ORG/settings/apps/new), GitHub creates the App after the
 * user confirms and sends the browser to the manifest's redirect_url with `code` and `state`;
 * POST /app-manifests/{code}/conversions (no authentication) turns the code into the App's id, slug, client id and
 * private key.
 */
namespace AppManifest {

/// The web address of the GitHub an API URL belongs to: https://api.github.com → https://github.com,
/// https://HOST/api/v3 → https://HOST (GitHub Enterprise), anything else → its scheme, host and port.
[[nodiscard]] QUrl webUrl(const QUrl &apiUrl);
/// The manifest: Contents read/write, Metadata read, no webhook, the local callback as redirect and Setup URL.
[[nodiscard]] QJsonObject build(
    const QString &name, const QUrl &homepage, const QUrl &redirectUrl, const QUrl &setupUrl);
/// Where the form posts the manifest: <web>/settings/apps/new?state=S, or the organization's page when `owner` is set.
[[nodiscard]] QUrl newAppUrl(const QUrl &webUrl, const QString &owner, const QString &state);
/// <web>/apps/<slug>/installations/new
[[nodiscard]] QString installUrl(const QUrl &webUrl, const QString &slug);
/// Whether `owner` can be a GitHub organization login (1–39 letters, digits and single dashes).
[[nodiscard]] bool isOwnerLogin(const QString &owner);
/// A default App name ("Notechondria backup" and a short random suffix, as App names are unique on GitHub).
[[nodiscard]] QString defaultName();

/// POST /app-manifests/{code}/conversions on the API.
[[nodiscard]] QCoro::Task<Result<CreatedApp>> convert(HttpClient *http, QUrl apiUrl, QString code);
/// GET /app/installations/{id} as the App: the installation, std::nullopt when GitHub does not know it (404).
[[nodiscard]] QCoro::Task<Result<std::optional<Installation>>> fetchInstallation(GitHubApi *api, QString id);

} // namespace AppManifest

} // namespace Notechondria
