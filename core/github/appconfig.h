// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QString>
#include <QUrl>

namespace Notechondria {

/// The GitHub App the sync authenticates as, and the API it talks to.
struct AppConfig
{
    QString appName;
    QString clientId;
    QString appId;
    QString privateKeyPem; ///< PEM text as configured (may hold literal \n, CRLF, quotes)
    QString privateKeyFile; ///< GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE when the key was (to be) read from it
    QString
        privateKeyFileError; ///< why that file could not be read (a folder, no permission, not UTF-8); empty if read
    QString installUrl;
    QUrl apiUrl = QUrl(QStringLiteral("https://api.github.com")); ///< GitHub Enterprise: https://HOST/api/v3

    /// Reads GITHUB_DATA_SYNC_APP_{NAME,CLIENT_ID,ID,PRIVATE_KEY,PRIVATE_KEY_FILE,INSTALL_URL} and GITHUB_API_URL.
    /// PRIVATE_KEY wins over PRIVATE_KEY_FILE; an unreadable file leaves the key empty and validateForSigning names
    /// the file and the cause.
    [[nodiscard]] static AppConfig fromEnvironment();
    /// The JWT issuer: the client id when set, the app id otherwise.
    [[nodiscard]] QString issuer() const;
    /// Whether an App JWT can be signed: an issuer and a usable RSA key (≥ 2048 bits, unencrypted).
    [[nodiscard]] Result<void> validateForSigning() const;
};

} // namespace Notechondria
