// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

namespace Notechondria {

/**
 * Signs GitHub App JWTs (RS256) with the App's private key. QCA stays inside the implementation.
 */
class JwtSigner
{
public:
    /// Loads an RSA private key: PKCS#1 or PKCS#8 PEM, tolerating literal "\n" escapes, CRLF, surrounding quotes
    /// and blanks. Empty, truncated, garbage, encrypted, non-RSA or < 2048-bit keys give an error naming the
    /// problem and never any key material.
    [[nodiscard]] static Result<JwtSigner> fromPem(const QByteArray &pem);

    JwtSigner(JwtSigner &&) noexcept;
    JwtSigner &operator=(JwtSigner &&) noexcept;
    JwtSigner(const JwtSigner &) = delete;
    JwtSigner &operator=(const JwtSigner &) = delete;
    ~JwtSigner();

    /// A JWT with iat = now − 60 s, exp = now + 540 s, iss = issuer; base64url without padding.
    [[nodiscard]] QByteArray sign(const QString &issuer, const QDateTime &now) const;

    [[nodiscard]] int keyBits() const;

    /// Normalises configured PEM text: unquotes, turns literal "\n" into newlines, drops CR and blank edges.
    [[nodiscard]] static QByteArray normalizePem(const QByteArray &pem);

private:
    struct Private;
    explicit JwtSigner(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace Notechondria
