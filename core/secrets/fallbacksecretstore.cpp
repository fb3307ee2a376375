// SPDX-License-Identifier: GPL-3.0-or-later
#include "fallbacksecretstore.h"

#include "logging.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Notechondria {

FallbackSecretStore::FallbackSecretStore(
    std::unique_ptr<SecretStore> keychain, std::unique_ptr<FileSecretStore> file, QObject *parent)
    : SecretStore(parent)
    , m_keychain(std::move(keychain))
    , m_file(std::move(file))
{
}

FallbackSecretStore::~FallbackSecretStore() = default;

void FallbackSecretStore::fallBack(const Error &keychainError)
{
    if (m_fallback) {
        return;
    }
    m_fallback = Fallback{keychainError.cause, m_file->filePath()};
    qCWarning(lcSecrets).noquote()
        << u"Secrets stored unencrypted: Core.Secrets/keychain_fallback — no usable system keychain (%1); "
           u"secrets are kept in %2, readable only by you. To use a keychain, install and unlock a Secret Service "
           u"(gnome-keyring, KeePassXC) or KWallet in a desktop session; secrets in the file move into it."_s.arg(
               keychainError.cause, m_file->filePath());
    Q_EMIT fellBack();
}

bool FallbackSecretStore::fileExists() const
{
    const QFileInfo info(m_file->filePath());
    return info.exists() || info.isSymLink();
}

QCoro::Task<Result<std::optional<QString>>> FallbackSecretStore::moveFromFile(QString key)
{
    if (!fileExists()) {
        co_return std::optional<QString>();
    }
    const auto stored = co_await m_file->read(key);
    if (!stored || !stored->has_value()) {
        co_return stored;
    }
    if (const auto moved = co_await m_keychain->write(key, **stored); !moved) {
        fallBack(moved.error());
        co_return stored;
    }
    if (const auto removed = co_await m_file->remove(key); !removed) {
        qCWarning(lcSecrets).noquote() << u"Secret copy left behind: Core.Secrets/keychain_fallback — moved \"%1\" "
                                          u"into the system keychain but %2"_s.arg(key, removed.error().message());
    } else {
        qCInfo(lcSecrets).noquote() << u"Secret moved into the system keychain: Core.Secrets/keychain_fallback — "
                                       u"\"%1\" was in %2."_s.arg(key, m_file->filePath());
    }
    co_return stored;
}

QCoro::Task<Result<std::optional<QString>>> FallbackSecretStore::read(QString key)
{
    if (!m_fallback) {
        auto found = co_await m_keychain->read(key);
        if (found && found->has_value()) {
            co_return found;
        }
        if (found) {
            co_return co_await moveFromFile(key);
        }
        fallBack(found.error());
    }
    co_return co_await m_file->read(key);
}

QCoro::Task<Result<void>> FallbackSecretStore::write(QString key, QString value)
{
    if (!m_fallback) {
        const auto written = co_await m_keychain->write(key, value);
        if (written) {
            // The keychain holds the newest value; an older copy in the file must not come back.
            co_return fileExists() ? co_await m_file->remove(key) : written;
        }
        fallBack(written.error());
    }
    co_return co_await m_file->write(key, value);
}

QCoro::Task<Result<void>> FallbackSecretStore::remove(QString key)
{
    if (!m_fallback) {
        if (const auto removed = co_await m_keychain->remove(key); !removed) {
            fallBack(removed.error());
        }
    }
    if (!m_fallback && !fileExists()) {
        co_return Result<void>();
    }
    co_return co_await m_file->remove(key);
}

QString FallbackSecretStore::backendName() const
{
    return m_fallback ? m_file->backendName() : m_keychain->backendName();
}

} // namespace Notechondria
