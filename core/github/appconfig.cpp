// SPDX-License-Identifier: GPL-3.0-or-later
#include "appconfig.h"

#include "jwtsigner.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

/// The PEM text of config.privateKeyFile, or why it cannot be had (in config.privateKeyFileError).
void readPrivateKeyFile(AppConfig &config)
{
    const QFileInfo info(config.privateKeyFile);
    QFile file(config.privateKeyFile);
    if (info.isDir()) {
        config.privateKeyFileError = u"it is a folder, not a file"_s;
    } else if (!file.open(QIODevice::ReadOnly)) {
        config.privateKeyFileError = file.errorString();
    } else {
        const QByteArray bytes = file.readAll();
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString text = utf8(bytes);
        if (utf8.hasError()) {
            config.privateKeyFileError = u"it is not text (invalid UTF-8); a PEM key starts with -----BEGIN"_s;
        } else if (text.trimmed().isEmpty()) {
            config.privateKeyFileError = u"it is empty"_s;
        } else {
            config.privateKeyPem = text;
        }
    }
}

QString keyFileCause(const AppConfig &config, const QString &cause)
{
    return u"cannot use the App private key file %1 (GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE): %2"_s.arg(
        config.privateKeyFile, cause);
}

} // namespace

AppConfig AppConfig::fromEnvironment()
{
    AppConfig config;
    config.appName = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_NAME");
    config.clientId = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_CLIENT_ID").trimmed();
    config.appId = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_ID").trimmed();
    config.installUrl = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_INSTALL_URL").trimmed();
    config.privateKeyPem = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_PRIVATE_KEY");
    if (config.privateKeyPem.trimmed().isEmpty()) {
        config.privateKeyFile = qEnvironmentVariable("GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE").trimmed();
        if (!config.privateKeyFile.isEmpty()) {
            readPrivateKeyFile(config);
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
    if (!privateKeyFileError.isEmpty() && privateKeyPem.trimmed().isEmpty()) {
        return fail(consequence, module, keyFileCause(*this, privateKeyFileError));
    }
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
    if (!signer && !privateKeyFile.isEmpty() && privateKeyFileError.isEmpty()) {
        return fail(consequence, module, keyFileCause(*this, signer.error().cause));
    }
    if (!signer) {
        return std::unexpected(signer.error());
    }
    return {};
}

} // namespace Notechondria
