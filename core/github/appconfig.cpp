// SPDX-License-Identifier: GPL-3.0-or-later
#include "appconfig.h"

#include "jwtsigner.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Notechondria {

AppConfig AppConfig::fromEnvironment()
{
    AppConfig config;
    config.appName = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_NAME");
    config.clientId = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_CLIENT_ID").trimmed();
    config.appId = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_ID").trimmed();
    config.installUrl = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_INSTALL_URL").trimmed();
    config.privateKeyPem = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_PRIVATE_KEY");
    if (config.privateKeyPem.trimmed().isEmpty()) {
        const QString path = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE").trimmed();
        if (!path.isEmpty()) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                config.privateKeyPem = QString::fromUtf8(file.readAll());
            }
        }
    }
    const QString api = qEnvironmentVariable("GITHUB_API_URL").trimmed();
    if (!api.isEmpty()) {
        config.apiUrl = QUrl(api);
    }
    return config;
}

QString AppConfig::issuer() const
{
    return clientId.isEmpty() ? appId : clientId;
}

Result<void> AppConfig::validateForSigning() const
{
    const QString consequence = u"GitHub sync unavailable"_s;
    const QString module = u"Core.GitHub/app_jwt"_s;
    if (privateKeyPem.trimmed().isEmpty()) {
        return fail(consequence, module,
            u"GITHUB_DATA_SYNC_APP_PRIVATE_KEY (or GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE) is not configured."_s);
    }
    if (issuer().isEmpty()) {
        return fail(
            consequence, module, u"GITHUB_DATA_SYNC_APP_CLIENT_ID (or GITHUB_DATA_SYNC_APP_ID) is not configured."_s);
    }
    if (!apiUrl.isValid() || (apiUrl.scheme() != u"https"_s && apiUrl.scheme() != u"http"_s)) {
        return fail(consequence, module, u"GITHUB_API_URL is not an http(s) URL."_s);
    }
    const auto signer = JwtSigner::fromPem(privateKeyPem.toUtf8());
    if (!signer) {
        return std::unexpected(signer.error());
    }
    return {};
}

} // namespace Notechondria
