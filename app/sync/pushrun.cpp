// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushrun.h"

#include "appconfig.h"
#include "context.h"
#include "githubapi.h"
#include "httpclient.h"
#include "store.h"

namespace Notechondria::Cli {

QCoro::Task<Result<PushOutcome>> runPushService(Context &context, Store &store, PushOptions options)
{
    HttpClient http(context.network(), context.clock());
    GitHubApi github(&http, AppConfig::fromEnvironment(), context.clock());
    PushService service(&store, &github, context.clock());
    auto outcome = co_await service.push(options);
    if (outcome) {
        for (const ExportProblem &problem : outcome->withheld) {
            context.err() << problem.message << '\n';
        }
    }
    co_return outcome;
}

int massDeletionStopped(Context &context, const QString &message)
{
    context.err() << message << '\n';
    context.err().flush();
    return 1;
}

} // namespace Notechondria::Cli
