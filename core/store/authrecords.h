// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the local sign-in (password hash and sessions).
#pragma once

#include "authsession.h"
#include "error.h"

#include <QList>

#include <optional>

namespace Notechondria {

class StoreContext;

/**
 * The local sign-in of the local server (schema version 6): the one local_password row (an Argon2id hash string made
 * by the caller, never the password) and the auth_sessions rows, each known by the SHA-256 of its token. Neither is
 * account data: a restore or an import keeps them, and writing them moves no data revision.
 */
class AuthRecords
{
public:
    /// @p context must outlive the records.
    explicit AuthRecords(StoreContext &context);

    /// The stored hash; nullopt when no password is set.
    [[nodiscard]] Result<std::optional<LocalPasswordHash>> localPassword() const;
    /// Stores @p hash (an empty one removes the password) and revokes every session, in one transaction.
    [[nodiscard]] Result<void> setLocalPassword(const QString &hash);

    /// A new session for the token whose SHA-256 (hex) is @p tokenSha256.
    [[nodiscard]] Result<AuthSession> createSession(
        const QString &tokenSha256, const QString &deviceLabel, const QString &userAgent);
    /// The live (not revoked) session of @p tokenSha256, its last use moved to now when older than a minute.
    [[nodiscard]] Result<std::optional<AuthSession>> useSession(const QString &tokenSha256);
    /// The live session of @p tokenSha256, as it is (nothing written).
    [[nodiscard]] Result<std::optional<AuthSession>> sessionByToken(const QString &tokenSha256) const;
    /// The live sessions, most recently used first.
    [[nodiscard]] Result<QList<AuthSession>> sessions() const;
    /// Revokes the live session @p id; false when there is none.
    [[nodiscard]] Result<bool> revokeSession(qint64 id);

private:
    StoreContext &m_context;
};

} // namespace Notechondria
