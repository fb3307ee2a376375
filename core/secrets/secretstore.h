// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace Notechondria {

/**
 * Where secrets live: the App private key, the local API key, the remote server key, cached tokens.
 * Asynchronous because the OS keychain answers over D-Bus. Production uses FallbackSecretStore: KeychainSecretStore
 * (QtKeychain), and FileSecretStore as the clearly-warned fallback when the keychain does not answer at run time;
 * tests use MemorySecretStore.
 */
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~SecretStore() override = default;

    /// The secret under `key`; std::nullopt when there is none.
    [[nodiscard]] virtual QCoro::Task<Result<std::optional<QString>>> read(QString key) = 0;
    [[nodiscard]] virtual QCoro::Task<Result<void>> write(QString key, QString value) = 0;
    /// Removing a missing key succeeds.
    [[nodiscard]] virtual QCoro::Task<Result<void>> remove(QString key) = 0;
    /// A short description for the UI and logs ("system keychain", "file (unencrypted)", "memory").
    [[nodiscard]] virtual QString backendName() const = 0;

    /// Why secrets are not in the system keychain: what the keychain answered, and the owner-only file used instead.
    struct Fallback
    {
        QString reason; ///< the keychain's own error, e.g. "Cannot autolaunch D-Bus without X11 $DISPLAY"
        QString filePath;
    };
    /// Set once the store has fallen back to the file (see FallbackSecretStore); std::nullopt while all is well.
    [[nodiscard]] virtual std::optional<Fallback> fallback() const { return std::nullopt; }

Q_SIGNALS:
    /// The keychain did not answer and secrets now go to the owner-only file; fallback() says why and where.
    void fellBack();
};

/// Secrets kept in memory only (tests, --ephemeral runs).
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;
    [[nodiscard]] QCoro::Task<Result<std::optional<QString>>> read(QString key) override;
    [[nodiscard]] QCoro::Task<Result<void>> write(QString key, QString value) override;
    [[nodiscard]] QCoro::Task<Result<void>> remove(QString key) override;
    [[nodiscard]] QString backendName() const override;

private:
    QHash<QString, QString> m_values;
};

/// Well-known keys.
namespace SecretKeys {
inline constexpr char16_t AppPrivateKey[] = u"github-app-private-key";
inline constexpr char16_t LocalApiKey[] = u"local-api-key";
inline constexpr char16_t RemoteApiKey[] = u"remote-api-key";
} // namespace SecretKeys

} // namespace Notechondria
