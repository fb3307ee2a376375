// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Notechondria {

/// A sign-in session of the local server (auth/login/): known by the SHA-256 of its token only, never the token.
struct AuthSession
{
    qint64 id = 0;
    QString deviceLabel; ///< from the User-Agent at sign-in, e.g. "Firefox on Linux"
    QString userAgent;
    QDateTime createdAt;
    QDateTime lastUsedAt; ///< moved forward at most once a minute
};

/// The local account's password as stored: an Argon2id hash string ("$argon2id$…"), never the password.
struct LocalPasswordHash
{
    QString hash;
    QDateTime updatedAt;
};

} // namespace Notechondria
