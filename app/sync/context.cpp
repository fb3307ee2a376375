// SPDX-License-Identifier: GPL-3.0-or-later
#include "context.h"

#include "appsettings.h"
#include "filesecretstore.h"
#include "secretstore.h"

#include <QCoreApplication>

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
