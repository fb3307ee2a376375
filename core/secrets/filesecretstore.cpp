// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesecretstore.h"

#include "fallbacksecretstore.h"
#include "keychainsecretstore.h"
#include "logging.h"
#include "privatefiles.h"

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
}

Result<QHash<QString, QString>> FileSecretStore::load() const
{
    const QString consequence = u"Cannot read a secret"_s;
    QHash<QString, QString> values;
    const QFileInfo info(m_filePath);
    if (!info.exists() && !info.isSymLink()) {
        return values;
    }
    if (info.isDir()) {
        return fail(consequence, module, u"%1 is a folder, not the secrets file"_s.arg(m_filePath));
    }
    if (auto tightened = PrivateFiles::tightenFile(m_filePath, consequence, module); !tightened) {
        return std::unexpected(tightened.error());
    }
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(consequence, module, u"cannot open %1: %2"_s.arg(m_filePath, file.errorString()));
    }
    // The parse error names the offset only: the file's bytes may be a secret and never reach a message.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        return fail(consequence, module,
            u"%1 is not a JSON object (%2 at byte %3)"_s.arg(m_filePath, parseError.errorString())
                .arg(parseError.offset));
    }
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString()) {
            return fail(consequence, module, u"%1: the entry \"%2\" is not a text"_s.arg(m_filePath, it.key()));
        }
        values.insert(it.key(), it.value().toString());
    }
    return values;
}

Result<void> FileSecretStore::save(const QHash<QString, QString> &values) const
{
    const QString consequence = u"Cannot save a secret"_s;
    if (values.isEmpty()) {
        // Nothing left to keep (every secret moved to the keychain or was removed): no file at all.
        QFile file(m_filePath);
        if (file.exists() && !file.remove()) {
            return fail(consequence, module, u"cannot remove %1: %2"_s.arg(m_filePath, file.errorString()));
        }
        return {};
    }
    QJsonObject object;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        object.insert(it.key(), it.value());
    }
    if (auto folder = PrivateFiles::ensureFolder(QFileInfo(m_filePath).absolutePath(), consequence, module); !folder) {
        return folder;
    }
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(consequence, module, u"cannot write %1: %2"_s.arg(m_filePath, file.errorString()));
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return fail(consequence, module, u"cannot write %1: %2"_s.arg(m_filePath, file.errorString()));
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
        qCWarning(lcSecrets).noquote() << u"Secrets stored unencrypted: Core.Secrets/file_store — "
                                          u"NOTECHONDRIA_SECRET_STORE=file; secrets are kept in %1, readable only "
                                          u"by you."_s.arg(filePath);
        return std::make_unique<FileSecretStore>(filePath, parent);
    }
    auto keychain = std::make_unique<KeychainSecretStore>(u"Notechondria Desktop"_s);
    if (forced == u"keychain"_s) {
        keychain->setParent(parent);
        return keychain;
    }
    return std::make_unique<FallbackSecretStore>(
        std::move(keychain), std::make_unique<FileSecretStore>(filePath), parent);
}

} // namespace Notechondria
