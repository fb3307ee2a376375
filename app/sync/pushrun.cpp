// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushrun.h"

#include "appconfig.h"
#include "clock.h"
#include "context.h"
#include "githubapi.h"
#include "httpclient.h"
#include "store.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

QList<QCommandLineOption> sharedPushOptions()
{
    return {{u"include-assets"_s,
                QCoreApplication::translate(
                    "notechondria-sync", "Include the avatar, note covers and attachments under assets/.")},
        {u"yes"_s,
            QCoreApplication::translate(
                "notechondria-sync", "Confirm a mass deletion (more than 25 % of the tracked files).")},
        {u"json"_s, QCoreApplication::translate("notechondria-sync", "Print the outcome as JSON.")}};
}

QCoro::Task<int> pushAndReport(Context &context, Store &store, PushOptions options, PushReport report)
{
    HttpClient http(context.network(), context.clock());
    GitHubApi github(&http, co_await context.appConfig(), context.clock());
    PushService service(&store, &github, context.clock());
    QObject::connect(&github, &GitHubApi::writesPaused, &github, [&context](const QDateTime &until) {
        const qint64 seconds = std::max<qint64>(1, context.clock()->now().secsTo(until));
        context.err() << QCoreApplication::translate("notechondria-sync",
            "Waiting %n s for GitHub's write limits (about 80 changes a minute, 500 an hour)…", nullptr, int(seconds))
                      << '\n';
        context.err().flush();
    });
    auto outcome = co_await service.push(options);
    if (!outcome) {
        co_return context.failure(outcome.error());
    }
    for (const ExportProblem &problem : outcome->withheld) {
        context.err() << problem.message << '\n';
    }
    if (outcome->conflict) {
        co_return report.conflict(context, *outcome, report.json);
    }
    if (outcome->massDeletionBlocked) {
        context.err() << report.massDeletion.arg(outcome->wouldDelete) << '\n';
        context.err().flush();
        co_return 1;
    }
    report.done(context, *outcome, report.json);
    co_return 0;
}

} // namespace Notechondria::Cli
