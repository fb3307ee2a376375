// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <expected>

namespace Notechondria {

/**
 * A failure, in the three-part shape every message of the product uses:
 * `<consequence>: <Module/process> — <cause>` (em dash U+2014).
 *
 * Messages built from an Error never carry secrets: callers pass causes that were already
 * scrubbed (GitHub bodies cut to 200 bytes, no token, JWT, PEM or API key).
 */
struct Error
{
    QString consequence; ///< what can no longer be done, e.g. "GitHub sync rejected"
    QString module; ///< stable module/process id, e.g. "Core.GitHub/refresh_token"
    QString cause; ///< the specific reason
    int httpStatus = 0; ///< HTTP status of the answer that caused it, 0 when none
    bool retryable = false; ///< whether trying again later may succeed

    /// The whole message: `<consequence>: <module> — <cause>`.
    [[nodiscard]] QString message() const;

    /// An error with the same module and cause but another consequence (when a caller re-frames it).
    [[nodiscard]] Error withConsequence(const QString &newConsequence) const;

    /// Parses a message already in the three-part shape; returns an Error whose cause is the whole text otherwise.
    [[nodiscard]] static Error fromMessage(const QString &text, const QString &consequence, const QString &module);
};

template<typename T>
using Result = std::expected<T, Error>;

/// Shorthand: `return fail(u"Cannot list repositories"_s, u"Core.GitHub/list_repos"_s, cause);`
[[nodiscard]] inline std::unexpected<Error> fail(
    const QString &consequence, const QString &module, const QString &cause, int httpStatus = 0, bool retryable = false)
{
    return std::unexpected(Error{consequence, module, cause, httpStatus, retryable});
}

/// Removes anything that looks like a secret (GitHub tokens, JWTs, PEM blocks, ntc_ API keys) from a text.
[[nodiscard]] QString redactSecrets(const QString &text);

/// Cuts a body for use in a message: at most 200 bytes of UTF-8, secrets redacted, single line.
[[nodiscard]] QString excerpt(const QByteArray &body, qsizetype maxBytes = 200);

} // namespace Notechondria
