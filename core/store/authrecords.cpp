// SPDX-License-Identifier: GPL-3.0-or-later
#include "authrecords.h"

#include "storecontext.h"
#include "storesql.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

const QString sessionColumns = u"id, device_label, user_agent, created_at, last_used_at"_s;

AuthSession readSession(const QSqlQuery &q)
{
    AuthSession session;
    session.id = q.value(0).toLongLong();
    session.deviceLabel = q.value(1).toString();
    session.userAgent = q.value(2).toString();
    session.createdAt = toDateTime(q.value(3)).value_or(QDateTime());
    session.lastUsedAt = toDateTime(q.value(4)).value_or(QDateTime());
    return session;
}

} // namespace

AuthRecords::AuthRecords(StoreContext &context)
    : m_context(context)
{
}

Result<std::optional<LocalPasswordHash>> AuthRecords::localPassword() const
{
    auto q = m_context.exec(u"SELECT hash, updated_at FROM local_password WHERE id = 1"_s, {},
        u"Cannot read the local password"_s, u"Core.Store/local_password"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (!q->next() || q->value(0).toString().isEmpty()) {
        return std::nullopt;
    }
    return LocalPasswordHash{q->value(0).toString(), toDateTime(q->value(1)).value_or(QDateTime())};
}

Result<void> AuthRecords::setLocalPassword(const QString &hash)
{
    const QString consequence = hash.isEmpty() ? u"Local password not removed"_s : u"Local password not set"_s;
    const QString process = u"Core.Store/set_local_password"_s;
    const QVariant now = fromDateTime(m_context.now());
    return m_context.transaction([&]() -> Result<void> {
        auto written = hash.isEmpty()
            ? m_context.run(u"DELETE FROM local_password"_s, {}, consequence, process)
            : m_context.run(u"INSERT INTO local_password (id, hash, updated_at) VALUES (1, ?, ?) "
                            "ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at"_s,
                  {text(hash), now}, consequence, process);
        if (!written) {
            return written;
        }
        // A new (or no) password signs every device out, as a password change does on the web backend.
        return m_context.run(
            u"UPDATE auth_sessions SET revoked_at = ? WHERE revoked_at IS NULL"_s, {now}, consequence, process);
    });
}

Result<AuthSession> AuthRecords::createSession(
    const QString &tokenSha256, const QString &deviceLabel, const QString &userAgent)
{
    AuthSession session{0, deviceLabel, userAgent, m_context.now(), m_context.now()};
    const auto id = m_context.saveRow(u"auth_sessions"_s,
        {u"token_sha256"_s, u"device_label"_s, u"user_agent"_s, u"created_at"_s, u"last_used_at"_s},
        {text(tokenSha256), text(deviceLabel), text(userAgent), fromDateTime(session.createdAt),
            fromDateTime(session.lastUsedAt)},
        0, u"session"_s, u"Sign-in session not started"_s, u"Core.Store/create_session"_s);
    return StoreContext::withId(id, session);
}

Result<std::optional<AuthSession>> AuthRecords::sessionByToken(const QString &tokenSha256) const
{
    auto q = m_context.exec(
        u"SELECT "_s + sessionColumns + u" FROM auth_sessions WHERE token_sha256 = ? AND revoked_at IS NULL"_s,
        {text(tokenSha256)}, u"Cannot check the sign-in session"_s, u"Core.Store/session"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (!q->next()) {
        return std::nullopt;
    }
    return readSession(*q);
}

Result<std::optional<AuthSession>> AuthRecords::useSession(const QString &tokenSha256)
{
    auto session = sessionByToken(tokenSha256);
    if (!session || !*session) {
        return session;
    }
    const QDateTime now = m_context.now();
    if ((*session)->lastUsedAt.secsTo(now) >= 60) {
        auto touched = m_context.run(u"UPDATE auth_sessions SET last_used_at = ? WHERE id = ?"_s,
            {fromDateTime(now), (*session)->id}, u"Cannot record the session's use"_s, u"Core.Store/use_session"_s);
        if (!touched) {
            return std::unexpected(touched.error());
        }
        (*session)->lastUsedAt = now;
    }
    return session;
}

Result<QList<AuthSession>> AuthRecords::sessions() const
{
    return StoreContext::readAll(
        m_context.exec(u"SELECT "_s + sessionColumns
                + u" FROM auth_sessions WHERE revoked_at IS NULL ORDER BY last_used_at DESC, id DESC"_s,
            {}, u"Cannot list the sign-in sessions"_s, u"Core.Store/sessions"_s),
        readSession);
}

Result<bool> AuthRecords::revokeSession(qint64 id)
{
    auto q = m_context.exec(u"UPDATE auth_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"_s,
        {fromDateTime(m_context.now()), id}, u"Session not revoked"_s, u"Core.Store/revoke_session"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->numRowsAffected() > 0;
}

} // namespace Notechondria
