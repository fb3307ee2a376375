// SPDX-License-Identifier: GPL-3.0-or-later
#include "corspolicy.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

/// Only the headers the apps send; anything else a preflight asks for is not granted.
constexpr QByteArrayView grantedHeaders = "Authorization, Content-Type, Accept, Accept-Language, X-Requested-With";

bool isHeaderToken(const QByteArray &name)
{
    if (name.isEmpty()) {
        return false;
    }
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

} // namespace

QByteArray CorsPolicy::normalized(const QString &origin)
{
    const QString text = origin.trimmed();
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s) || url.host().isEmpty()
        || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()
        || (!url.path().isEmpty() && url.path() != u"/"_s) || text.contains(u'*')) {
        return {};
    }
    QByteArray out = scheme.toLatin1() + "://";
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    out += host.contains(u':') ? "[" + host.toLatin1() + "]" : host.toLatin1();
    const int defaultPort = scheme == u"https"_s ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort) {
        out += ':' + QByteArray::number(url.port());
    }
    return out;
}

Result<CorsPolicy> CorsPolicy::fromOrigins(const QStringList &origins)
{
    CorsPolicy policy;
    for (const QString &origin : origins) {
        const QByteArray value = normalized(origin);
        if (value.isEmpty()) {
            return fail(u"Browser origin not allowed"_s, u"Core.Server/cors"_s,
                u"\"%1\" is not an origin: name one as scheme://host[:port], e.g. http://localhost:5173 (no path, "
                u"no wildcard)."_s.arg(origin.left(200)));
        }
        if (!policy.m_origins.contains(value)) {
            policy.m_origins.append(value);
        }
    }
    return policy;
}

QStringList CorsPolicy::originsFromEnvironment()
{
    QStringList out;
    const QString text = qEnvironmentVariable(environmentVariable.toLatin1().constData());
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty()) {
            out.append(part.trimmed());
        }
    }
    return out;
}

bool CorsPolicy::allows(const QByteArray &origin) const
{
    if (m_origins.isEmpty() || origin.isEmpty()) {
        return false;
    }
    const QByteArray value = normalized(QString::fromLatin1(origin));
    return !value.isEmpty() && m_origins.contains(value);
}

QList<std::pair<QByteArray, QByteArray>> CorsPolicy::answerHeaders(const QByteArray &origin)
{
    return {{"Access-Control-Allow-Origin", origin}, {"Vary", "Origin"},
        {"Access-Control-Expose-Headers", "Content-Disposition, Retry-After"}};
}

QList<std::pair<QByteArray, QByteArray>> CorsPolicy::preflightHeaders(
    const QByteArray &origin, const QByteArray &requestedHeaders)
{
    QByteArray allowed = grantedHeaders.toByteArray();
    const QByteArray granted = allowed.toLower();
    for (const QByteArray &raw : requestedHeaders.split(',')) {
        const QByteArray name = raw.trimmed().toLower();
        // Echo a well-formed name the apps may add (e.g. a client version header), never a credential header.
        if (isHeaderToken(name) && !granted.contains(name) && name != "cookie") {
            allowed += ", " + name;
        }
    }
    return {{"Access-Control-Allow-Origin", origin}, {"Vary", "Origin"},
        {"Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS"},
        {"Access-Control-Allow-Headers", allowed}, {"Access-Control-Max-Age", "600"}};
}

} // namespace Notechondria
