// SPDX-License-Identifier: GPL-3.0-or-later
// import: a web account read through its public API into the local store.
#include "accountimport.h"
#include "command.h"
#include "context.h"
#include "notechondriaclient.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

QCoro::Task<int> importAccount(Context &context)
{
    QCommandLineParser parser;
    parser.addOptions({
        {u"api-base"_s,
            QCoreApplication::translate(
                "notechondria-sync", "The Notechondria server to read from, e.g. https://notes.example.org/api/v1."),
            u"URL"_s},
        {u"token"_s,
            QCoreApplication::translate(
                "notechondria-sync", "The account's API key (ntc_…) on that server; default: $NOTECHONDRIA_API_KEY."),
            u"KEY"_s},
        {u"include-assets"_s,
            QCoreApplication::translate("notechondria-sync", "Also the avatar, note covers and attachments.")},
        {u"dry-run"_s, QCoreApplication::translate("notechondria-sync", "Read and compare everything, write nothing.")},
    });
    if (!context.parse(parser,
            QCoreApplication::translate("notechondria-sync",
                "Import a Notechondria account from a server into the local store (a rerun brings only what "
                "changed). Prints a line per problem on stderr and a JSON summary."))) {
        co_return 2;
    }
    const QUrl base(parser.value(u"api-base"_s));
    const QString token
        = parser.isSet(u"token"_s) ? parser.value(u"token"_s) : qEnvironmentVariable("NOTECHONDRIA_API_KEY");
    if (!base.isValid() || (base.scheme() != u"http"_s && base.scheme() != u"https"_s) || base.host().isEmpty()) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "--api-base is not an http(s) URL: ")
            + parser.value(u"api-base"_s));
    }
    if (token.isEmpty()) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "no API key: pass --token or set NOTECHONDRIA_API_KEY"));
    }
    auto store = Store::open(QDir(context.dataDir()).filePath(u"notechondria.sqlite"_s), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    NotechondriaClient client(context.network());
    client.setBaseUrl(base);
    client.setApiKey(token);
    ImportOptions options;
    options.dryRun = parser.isSet(u"dry-run"_s);
    options.includeAssets = parser.isSet(u"include-assets"_s);
    AccountImport import(**store, client, options);
    QObject::connect(&import, &AccountImport::problem, &import, [&context](const QString &message) {
        context.err() << message << '\n';
        context.err().flush();
    });
    auto summary = co_await import.run();
    if (!summary) {
        co_return context.failure(summary.error());
    }
    context.printJson(QJsonDocument(summary->toJson()));
    co_return summary->failed() > 0 ? 1 : 0;
}

} // namespace

void registerImportCommands(QList<Command> &commands)
{
    commands.append({u"import"_s,
        QCoreApplication::translate("notechondria-sync", "Import an account from a Notechondria server (--api-base)"),
        importAccount});
}

} // namespace Notechondria::Cli
