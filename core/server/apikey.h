// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace Notechondria::ApiKey {

/// A fresh local API key: `ntc_` and 32 lowercase hex digits from the system's secure random source.
[[nodiscard]] QString generate();

/// Whether `key` has the shape `ntc_<32 hex>`.
[[nodiscard]] bool isWellFormed(QStringView key);

/// Compares two secrets in time that depends only on their lengths, not on where they differ.
[[nodiscard]] bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

/// The key sent in an `Authorization` header value (`Bearer <key>` or `Token <key>`, scheme case-insensitive);
/// empty when the header has another scheme or no key.
[[nodiscard]] QByteArray fromAuthorizationHeader(QByteArrayView headerValue);

} // namespace Notechondria::ApiKey
