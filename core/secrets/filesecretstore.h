// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

namespace Notechondria {

/**
 * The fallback when no keychain answers (a headless server, a minimal container): secrets in a JSON file readable
 * only by the owner (mode 0600, its folder 0700), written atomically, removed when it holds nothing. Unencrypted —
 * FallbackSecretStore warns when it switches to one, and the UI shows a banner. A file that cannot be read (a folder
 * at its path, no permission, not JSON) is an error naming the file and the cause, never "no secret".
 */
class FileSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit FileSecretStore(QString filePath, QObject *parent = nullptr);

    [[nodiscard]] QString filePath() const { return m_filePath; }
    [[nodiscard]] QCoro::Task<Result<std::optional<QString>>> read(QString key) override;
    [[nodiscard]] QCoro::Task<Result<void>> write(QString key, QString value) override;
    [[nodiscard]] QCoro::Task<Result<void>> remove(QString key) override;
    [[nodiscard]] QString backendName() const override;

private:
    [[nodiscard]] Result<QHash<QString, QString>> load() const;
    [[nodiscard]] Result<void> save(const QHash<QString, QString> &values) const;

    QString m_filePath;
};

/**
 * The secret store of the app and the CLI. NOTECHONDRIA_SECRET_STORE=keychain|file|memory forces one; otherwise a
 * FallbackSecretStore: the system keychain while it answers, else the warned file `<dataDir>/secrets.json`.
 */
[[nodiscard]] std::unique_ptr<SecretStore> createSecretStore(const QString &dataDir, QObject *parent = nullptr);

} // namespace Notechondria
