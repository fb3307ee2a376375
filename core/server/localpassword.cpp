// SPDX-License-Identifier: GPL-3.0-or-later
#include "localpassword.h"

#include "logging.h"
#include "store.h"

#include <sodium.h>

#include <QCoroSignal>
#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString setConsequence = u"Local password not set"_s;
const QString setProcess = u"Core.Server.Auth/set_password"_s;
constexpr qsizetype tokenHexDigits = 40;

bool sodiumReady()
{
    // sodium_init() is idempotent and thread-safe; 1 means it was already initialised.
    return sodium_init() >= 0;
}

} // namespace

QString LocalPassword::weakness(const QString &password)
{
    if (password.isEmpty()) {
        return u"the password is empty."_s;
    }
    if (password.size() < minimumLength) {
        return u"the password has %1 characters; it needs at least %2."_s.arg(password.size()).arg(minimumLength);
    }
    if (password.size() > maximumLength) {
        return u"the password has %1 characters; at most %2 are taken."_s.arg(password.size()).arg(maximumLength);
    }
    if (password.trimmed().isEmpty()) {
        return u"the password is only spaces."_s;
    }
    return {};
}

Result<QString> LocalPassword::hash(const QString &password)
{
    if (!sodiumReady()) {
        return fail(setConsequence, setProcess, u"libsodium could not be initialised."_s);
    }
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return fail(setConsequence, setProcess, u"Argon2id hashing ran out of memory (it needs 64 MiB)."_s);
    }
    return QString::fromLatin1(out);
}

bool LocalPassword::verify(const QString &stored, const QString &password)
{
    if (stored.isEmpty() || !sodiumReady()) {
        return false;
    }
    const QByteArray hashText = stored.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(
               hashText.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size()))
        == 0;
}

QCoro::Task<Result<QString>> LocalPassword::hashLater(QString password)
{
    QFutureWatcher<Result<QString>> watcher;
    watcher.setFuture(QtConcurrent::run([password = std::move(password)] { return hash(password); }));
    if (!watcher.isFinished()) {
        co_await qCoro(&watcher, &QFutureWatcherBase::finished);
    }
    co_return watcher.result();
}

QCoro::Task<bool> LocalPassword::verifyLater(QString stored, QString password)
{
    QFutureWatcher<bool> watcher;
    watcher.setFuture(QtConcurrent::run(
        [stored = std::move(stored), password = std::move(password)] { return verify(stored, password); }));
    if (!watcher.isFinished()) {
        co_await qCoro(&watcher, &QFutureWatcherBase::finished);
    }
    co_return watcher.result();
}

Result<void> LocalPassword::set(Store &store, const QString &password)
{
    if (const QString cause = weakness(password); !cause.isEmpty()) {
        return fail(setConsequence, setProcess, cause, 400);
    }
    const auto hashed = hash(password);
    if (!hashed) {
        return std::unexpected(hashed.error());
    }
    return save(store, *hashed);
}

Result<void> LocalPassword::save(Store &store, const QString &hashText)
{
    if (auto saved = store.setLocalPassword(hashText); !saved) {
        return saved;
    }
    qCInfo(lcServer).noquote() << u"Local password set: Core.Server.Auth/set_password — stored as an Argon2id hash; "
                                  u"every sign-in session was revoked."_s;
    return {};
}

Result<void> LocalPassword::clear(Store &store)
{
    if (auto saved = store.setLocalPassword(QString()); !saved) {
        return saved;
    }
    qCInfo(lcServer).noquote()
        << u"Local password removed: Core.Server.Auth/set_password — sign-in is refused until one is set."_s;
    return {};
}

QString SessionToken::generate()
{
    QByteArray random(tokenHexDigits / 2, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return u"ntcs_"_s + QString::fromLatin1(random.toHex());
}

bool SessionToken::isWellFormed(QByteArrayView token)
{
    if (token.size() != 5 + tokenHexDigits || !token.startsWith("ntcs_")) {
        return false;
    }
    return std::ranges::all_of(
        token.sliced(5), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

QString SessionToken::digest(QByteArrayView token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

} // namespace Notechondria
