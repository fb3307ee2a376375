// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesecretstore.h"

#include "keychainsecretstore.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {
const QString module = u"Core.Secrets/file_store"_s;
}

FileSecretStore::FileSecretStore(QString filePath, QObject *parent)
    : SecretStore(parent)
    , m_filePath(std::move(filePath))
{
    qCWarning(lcSecrets).noquote() << u"Secrets stored unencrypted: Core.Secrets/file_fallback — no system keychain "
                                      u"answers; secrets are kept in %1, readable only by you."_s.arg(m_filePath);
}

Result<QHash<QString, QString>> FileSecretStore::load() const
{
    QHash<QString, QString> values;
    QFile file(m_filePath);
    if (!file.exists()) {
        return values;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(u"Cannot read a secret"_s, module, u"cannot open %1: %2"_s.arg(m_filePath, file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        return fail(u"Cannot read a secret"_s, module,
            u"%1 is not a JSON object (%2)"_s.arg(m_filePath, parseError.errorString()));
    }
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        values.insert(it.key(), it.value().toString());
    }
    return values;
}

Result<void> FileSecretStore::save(const QHash<QString, QString> &values) const
{
    QJsonObject object;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        object.insert(it.key(), it.value());
    }
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(u"Cannot save a secret"_s, module, u"cannot write %1: %2"_s.arg(m_filePath, file.errorString()));
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return fail(u"Cannot save a secret"_s, module, u"cannot write %1: %2"_s.arg(m_filePath, file.errorString()));
    }
    return {};
}

QCoro::Task<Result<std::optional<QString>>> FileSecretStore::read(QString key)
{
    const auto values = load();
    if (!values) {
        co_return std::unexpected(values.error());
    }
    const auto it = values->constFind(key);
    co_return it == values->cend() ? std::optional<QString>() : std::optional<QString>(*it);
}

QCoro::Task<Result<void>> FileSecretStore::write(QString key, QString value)
{
    auto values = load();
    if (!values) {
        co_return std::unexpected(values.error());
    }
    values->insert(key, value);
    co_return save(*values);
}

QCoro::Task<Result<void>> FileSecretStore::remove(QString key)
{
    auto values = load();
    if (!values) {
        co_return std::unexpected(values.error());
    }
    if (values->remove(key) == 0) {
        co_return Result<void>();
    }
    co_return save(*values);
}

QString FileSecretStore::backendName() const
{
    return u"file (unencrypted)"_s;
}

std::unique_ptr<SecretStore> createSecretStore(const QString &dataDir, QObject *parent)
{
    const QString forced = qEnvironmentVariable("NOTECHONDRIA_SECRET_STORE");
    const QString filePath = QDir(dataDir).filePath(u"secrets.json"_s);
    if (forced == u"memory"_s) {
        return std::make_unique<MemorySecretStore>(parent);
    }
    if (forced == u"file"_s) {
        return std::make_unique<FileSecretStore>(filePath, parent);
    }
    if (forced == u"keychain"_s || KeychainSecretStore::isAvailable()) {
        return std::make_unique<KeychainSecretStore>(u"Notechondria Desktop"_s, parent);
    }
    return std::make_unique<FileSecretStore>(filePath, parent);
}

} // namespace Notechondria
