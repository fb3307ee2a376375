// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QCoroTask>
#include <QString>

namespace Notechondria {

class Store;

/**
 * The password of the local account, with which the apps sign in to the local server (POST auth/login/).
 *
 * Kept in the Store as a salted Argon2id hash string made by libsodium (crypto_pwhash_str_alg, interactive limits:
 * 64 MiB, 2 passes; the salt and parameters are inside the string, "$argon2id$v=19$m=65536,t=2,p=1$…"). The password
 * itself is never stored, logged or put in a message. Setting or removing it signs every session out.
 */
namespace LocalPassword {

inline constexpr qsizetype minimumLength = 8; ///< as the web backend's password fields
inline constexpr qsizetype maximumLength = 1024; ///< bounds the hashing work a request can ask for

/// Why @p password cannot be the local password (a cause for a three-part message); empty when it can.
[[nodiscard]] QString weakness(const QString &password);
/// The Argon2id hash string of @p password (a fresh random salt each time).
[[nodiscard]] Result<QString> hash(const QString &password);
/// Whether @p password matches the hash string @p stored (constant time, by libsodium).
[[nodiscard]] bool verify(const QString &stored, const QString &password);

/// hash() on a worker thread (the event loop goes on meanwhile).
[[nodiscard]] QCoro::Task<Result<QString>> hashLater(QString password);
/// verify() on a worker thread.
[[nodiscard]] QCoro::Task<bool> verifyLater(QString stored, QString password);

/// Stores the hash string @p hashText (from hash()) in @p store, revoking every session.
[[nodiscard]] Result<void> save(Store &store, const QString &hashText);
/// Checks, hashes and stores @p password in @p store, revoking every session. The error says what is wrong.
[[nodiscard]] Result<void> set(Store &store, const QString &password);
/// Removes the password (sign-in is refused until one is set again), revoking every session.
[[nodiscard]] Result<void> clear(Store &store);

} // namespace LocalPassword

/// The sign-in tokens of the local server: `ntcs_` and 40 lowercase hex digits (160 random bits), sent by the apps as
/// `Token ntcs_…`; the store keeps only their SHA-256.
namespace SessionToken {

/// A fresh token from the system's secure random source.
[[nodiscard]] QString generate();
/// Whether @p token has the shape `ntcs_<40 hex>`.
[[nodiscard]] bool isWellFormed(QByteArrayView token);
/// The lowercase hex SHA-256 of @p token, the only form the store sees.
[[nodiscard]] QString digest(QByteArrayView token);

} // namespace SessionToken

} // namespace Notechondria
