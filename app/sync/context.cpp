// SPDX-License-Identifier: GPL-3.0-or-later
#include "context.h"

#include "appsettings.h"
#include "filesecretstore.h"
#include "secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

Context::Context(QString command, QStringList arguments, QString dataDir, QNetworkAccessManager *nam, Clock *clock)
    : m_command(std::move(command))
    , m_arguments(std::move(arguments))
    , m_dataDir(std::move(dataDir))
    , m_nam(nam)
    , m_clock(clock)
    , m_out(stdout)
    , m_err(stderr)
{
}

bool Context::parse(QCommandLineParser &parser, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (!parser.parse(m_arguments)) {
        usageError(parser.errorText());
        m_err << parser.helpText();
        m_err.flush();
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        m_out << parser.helpText();
        m_out.flush();
        std::exit(0);
    }
    return true;
}

QCoro::Task<AppConfig> Context::appConfig()
{
    AppConfig config = AppConfig::fromEnvironment();
    AppSettings::load().fillGaps(config);
    if (config.privateKeyPem.trimmed().isEmpty() && config.privateKeyFile.isEmpty()) {
        const auto secrets = createSecretStore(m_dataDir);
        const Result<std::optional<QString>> key
            = co_await secrets->read(QString::fromUtf16(SecretKeys::AppPrivateKey));
        if (key && *key) {
            config.privateKeyPem = **key;
        }
    }
    co_return config;
}

void Context::printJson(const QJsonDocument &document)
{
    m_out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    m_out.flush();
}

Result<ConnectedStore> Context::openConnected(const QString &consequence, const QString &module) const
{
    auto store = Store::open(QDir(m_dataDir).filePath(u"notechondria.sqlite"_s), m_clock);
    if (!store) {
        return std::unexpected(store.error());
    }
    const auto integration = (*store)->integration();
    if (!integration) {
        return std::unexpected(integration.error());
    }
    if (!*integration || (*integration)->repoFullName.isEmpty()) {
        return fail(consequence, module,
            u"no repository is connected (connect one in the app or with `notechondria-sync connect`)."_s);
    }
    return ConnectedStore{std::move(*store), **integration};
}

QString Context::fullCommitId(const QString &text)
{
    const QString commit = text.trimmed().toLower();
    static const QRegularExpression fullSha(u"^[0-9a-f]{40}$"_s);
    return fullSha.match(commit).hasMatch() ? commit : QString();
}

int Context::failure(const Error &error)
{
    m_err << error.message() << '\n';
    m_err.flush();
    return 1;
}

int Context::usageError(const QString &cause)
{
    m_err << QCoreApplication::translate("notechondria-sync", "Command not run") << u": notechondria-sync/"_s
          << m_command << u" — "_s << cause << '\n';
    m_err.flush();
    return 2;
}

} // namespace Notechondria::Cli
