// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include "logging.h"

#include <qt6keychain/keychain.h>

#include <QCoroSignal>

#include <memory>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

struct DeleteLater
{
    void operator()(QObject *object) const { object->deleteLater(); }
};

template<typename Job>
using JobPtr = std::unique_ptr<Job, DeleteLater>;

template<typename Job>
JobPtr<Job> makeJob(const QString &service, const QString &key)
{
    JobPtr<Job> job(new Job(service));
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

Error keychainError(const QString &consequence, const QString &process, const QKeychain::Job &job)
{
    // errorString() describes the backend failure; it never contains the secret itself.
    return Error{consequence, u"Core.Secrets/"_s + process,
        u"the system keychain answered: "_s + redactSecrets(job.errorString()), 0,
        job.error() == QKeychain::OtherError};
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{
}

bool KeychainSecretStore::isAvailable()
{
    return QKeychain::isAvailable();
}

QCoro::Task<Result<std::optional<QString>>> KeychainSecretStore::read(QString key)
{
    auto job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    if (job->error() == QKeychain::EntryNotFound) {
        co_return std::optional<QString>();
    }
    if (job->error() != QKeychain::NoError) {
        co_return std::unexpected(keychainError(u"Cannot read a secret"_s, u"read"_s, *job));
    }
    co_return std::optional<QString>(job->textData());
}

QCoro::Task<Result<void>> KeychainSecretStore::write(QString key, QString value)
{
    auto job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(value);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    if (job->error() != QKeychain::NoError) {
        co_return std::unexpected(keychainError(u"Cannot save a secret"_s, u"write"_s, *job));
    }
    co_return Result<void>();
}

QCoro::Task<Result<void>> KeychainSecretStore::remove(QString key)
{
    auto job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
        co_return std::unexpected(keychainError(u"Cannot delete a secret"_s, u"remove"_s, *job));
    }
    co_return Result<void>();
}

QString KeychainSecretStore::backendName() const
{
    return u"system keychain"_s;
}

} // namespace Notechondria
