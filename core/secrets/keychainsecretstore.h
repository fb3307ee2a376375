// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

namespace Notechondria {

/// Secrets in the OS keychain (Secret Service, KWallet, macOS Keychain, Windows Credential Store) through QtKeychain.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Notechondria Desktop"), QObject *parent = nullptr);

    /// Whether a secure keychain backend answers on this machine.
    [[nodiscard]] static bool isAvailable();

    [[nodiscard]] QCoro::Task<Result<std::optional<QString>>> read(QString key) override;
    [[nodiscard]] QCoro::Task<Result<void>> write(QString key, QString value) override;
    [[nodiscard]] QCoro::Task<Result<void>> remove(QString key) override;
    [[nodiscard]] QString backendName() const override;

private:
    QString m_service;
};

} // namespace Notechondria
