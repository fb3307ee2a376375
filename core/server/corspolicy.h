// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <utility>

namespace Notechondria {

/**
 * The browser origins the user allowed to call the local server (DECISIONS §10): none by default; each one named
 * with `serve --allow-origin ORIGIN` or in NOTECHONDRIA_ALLOWED_ORIGINS (comma-separated). An allowed origin gets
 * the CORS answer headers (and its preflight a 204); every other foreign origin is refused, as before. The Host
 * check against DNS rebinding is not affected.
 */
class CorsPolicy
{
public:
    /// The environment variable with the allowed origins, comma-separated.
    static constexpr QStringView environmentVariable = u"NOTECHONDRIA_ALLOWED_ORIGINS";

    CorsPolicy() = default;

    /**
     * The policy for these origins: each `scheme://host[:port]` (http or https, no path, no wildcard), compared
     * lowercase with the default port dropped. The first origin that is not one is the error.
     */
    [[nodiscard]] static Result<CorsPolicy> fromOrigins(const QStringList &origins);
    /// The origins of NOTECHONDRIA_ALLOWED_ORIGINS (empty entries ignored).
    [[nodiscard]] static QStringList originsFromEnvironment();

    [[nodiscard]] bool isEmpty() const { return m_origins.isEmpty(); }
    [[nodiscard]] const QList<QByteArray> &origins() const { return m_origins; }
    /// True when @p origin (an Origin header as sent) is one of the allowed origins.
    [[nodiscard]] bool allows(const QByteArray &origin) const;

    /// The headers of an answer to an allowed origin.
    [[nodiscard]] static QList<std::pair<QByteArray, QByteArray>> answerHeaders(const QByteArray &origin);
    /// The headers of a preflight answer (204) to an allowed origin.
    [[nodiscard]] static QList<std::pair<QByteArray, QByteArray>> preflightHeaders(
        const QByteArray &origin, const QByteArray &requestedHeaders);

    /// "HTTPS://Example.org:443/" → "https://example.org"; empty when @p origin is not a plain origin.
    [[nodiscard]] static QByteArray normalized(const QString &origin);

private:
    QList<QByteArray> m_origins;
};

} // namespace Notechondria
