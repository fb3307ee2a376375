// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filesecretstore.h"

#include <memory>

namespace Notechondria {

/**
 * The system keychain, falling back at run time to the owner-only file when the keychain does not answer: no
 * session bus (ssh, a server, a minimal window manager), no Secret Service, a locked keyring whose prompt was
 * dismissed — any keychain error other than "entry not found". The switch is logged once as a three-part warning and
 * signalled (fellBack()) so the app can show a banner; from then on this process uses the file only.
 *
 * Secrets left in the file by an earlier run without a keychain are still found while the keychain answers: a read
 * that the keychain cannot answer looks in the file and moves the secret into the keychain (the file entry is
 * removed, and the file once it is empty); a write or remove in the keychain also removes the file's copy, so an
 * old file value never hides a newer keychain one.
 */
class FallbackSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    FallbackSecretStore(
        std::unique_ptr<SecretStore> keychain, std::unique_ptr<FileSecretStore> file, QObject *parent = nullptr);
    ~FallbackSecretStore() override;

    [[nodiscard]] QCoro::Task<Result<std::optional<QString>>> read(QString key) override;
    [[nodiscard]] QCoro::Task<Result<void>> write(QString key, QString value) override;
    [[nodiscard]] QCoro::Task<Result<void>> remove(QString key) override;
    [[nodiscard]] QString backendName() const override;
    [[nodiscard]] std::optional<Fallback> fallback() const override { return m_fallback; }

private:
    void fallBack(const Error &keychainError);
    [[nodiscard]] bool fileExists() const;
    [[nodiscard]] QCoro::Task<Result<std::optional<QString>>> moveFromFile(QString key);

    std::unique_ptr<SecretStore> m_keychain;
    std::unique_ptr<FileSecretStore> m_file;
    std::optional<Fallback> m_fallback;
};

} // namespace Notechondria
