// SPDX-License-Identifier: GPL-3.0-or-later
// POST integrations/github/push/ (upstream §1.5) and sync/ (DECISIONS §8): one engine run each, the same body
// (include_assets, force, keep_remote, confirm_mass_deletion, prune_orphans, resolutions, resolve_all), the same
// guards and the same answers; sync/ pulls GitHub's changes into the store before it pushes.
#include "githubroutes.h"
#include "logging.h"
#include "pushservice.h"

#include <QJsonArray>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString pushModule = u"Core.Server.GitHubSync"_s;

/// A flag from the body, else from the query (upstream: true when str(value).lower() in 1/true/yes/on).
bool flag(const RequestForm &form, const ApiRequest &request, const QString &key)
{
    if (form.fields.contains(key)) {
        return isTruthy(form.fields.value(key));
    }
    return request.query.hasQueryItem(key) && isTruthy(request.queryValue(key));
}

const QStringList resolutionNames{u"mine"_s, u"theirs"_s, u"both"_s};

SyncResolution resolutionFrom(const QString &name)
{
    if (name == u"theirs"_s) {
        return SyncResolution::Theirs;
    }
    return name == u"both"_s ? SyncResolution::Both : SyncResolution::Mine;
}

/// The options of the body; nullopt with the 400 answer in @p error when a value is not valid.
std::optional<PushOptions> readOptions(
    const RequestForm &form, const ApiRequest &request, bool pull, std::optional<ApiResponse> &error)
{
    PushOptions options;
    options.pull = pull;
    options.includeAssets = flag(form, request, u"include_assets"_s);
    options.force = flag(form, request, u"force"_s);
    options.keepRemote = flag(form, request, u"keep_remote"_s);
    options.pruneOrphans = flag(form, request, u"prune_orphans"_s);
    options.confirmMassDeletion = flag(form, request, u"confirm_mass_deletion"_s);
    FieldReader in(form);
    if (const auto all = in.choice(u"resolve_all"_s, resolutionNames)) {
        options.resolveAll = resolutionFrom(*all);
    }
    if (const auto resolutions = in.object(u"resolutions"_s)) {
        for (auto it = resolutions->begin(); it != resolutions->end(); ++it) {
            const QString name = it.value().toString();
            if (it.key().isEmpty() || !resolutionNames.contains(name)) {
                in.addError(u"resolutions"_s,
                    u"\"%1\" is not a valid choice for '%2' (mine, theirs or both)."_s.arg(
                        name.left(40), it.key().left(200)));
                continue;
            }
            options.resolutions.insert(it.key(), resolutionFrom(name));
        }
    }
    if (!in.ok()) {
        error = in.errorResponse();
        return std::nullopt;
    }
    if (options.force && options.keepRemote) {
        error = ApiResponse::detail(400, pull ? u"Sync not started"_s : u"Push not started"_s,
            pushModule % (pull ? u"/sync"_s : u"/push"_s), u"force and keep_remote cannot both be set."_s);
        return std::nullopt;
    }
    return options;
}

QString itemOf(const QString &path)
{
    if (path.startsWith(u"notes/"_s)) {
        return u"note"_s;
    }
    if (path.startsWith(u"courses/"_s)) {
        return u"course"_s;
    }
    if (path.startsWith(u"planner/events.json"_s)) {
        return u"event"_s;
    }
    if (path.startsWith(u"planner/feeds.json"_s)) {
        return u"feed"_s;
    }
    return path.startsWith(u"profile/"_s) ? u"profile"_s : u"file"_s;
}

/// The 409 of a conflict: the upstream shape ({"detail", "conflict": true, "paths"}) plus the items with titles.
ApiResponse conflictAnswer(const PushOutcome &outcome, const QString &module, bool pull)
{
    QList<SyncConflict> items = outcome.conflicts;
    for (const QString &path : outcome.conflictPaths) { // the push gate names paths only
        if (std::ranges::find(items, path, &SyncConflict::path) == items.end()) {
            items.append(SyncConflict{path, QString(), u"both_changed"_s, itemOf(path)});
        }
    }
    QJsonArray paths;
    QJsonArray list;
    for (const SyncConflict &item : std::as_const(items)) {
        paths.append(item.path);
        list.append(QJsonObject{
            {u"path"_s, item.path}, {u"title"_s, item.title}, {u"kind"_s, item.kind}, {u"item"_s, item.item}});
    }
    const QString detail = pull
        ? u"GitHub sync conflict: %1 \u2014 %2 item(s) changed both here and on GitHub; resend with resolutions "
          u"(mine, theirs or both per path) or resolve_all."_s.arg(module)
              .arg(items.size())
        : u"GitHub sync conflict: %1 \u2014 the branch changed on GitHub since the last push; resend with force to "
          u"overwrite or keep_remote to keep GitHub's copies."_s.arg(module);
    return ApiResponse::json(
        QJsonObject{{u"detail"_s, detail}, {u"conflict"_s, true}, {u"paths"_s, paths}, {u"items"_s, list}}, 409);
}

QJsonObject countsJson(int added, int changed, int deleted)
{
    return QJsonObject{{u"added"_s, added}, {u"changed"_s, changed}, {u"deleted"_s, deleted}};
}

ApiResponse successAnswer(const PushOutcome &outcome, const PushOptions &options)
{
    QJsonArray withheld;
    for (const ExportProblem &problem : outcome.withheld) {
        withheld.append(problem.path);
    }
    return ApiResponse::json(
        QJsonObject{{u"commit_sha"_s, outcome.commitSha}, {u"include_assets"_s, options.includeAssets},
            {u"prune_orphans"_s, options.pruneOrphans}, {u"committed"_s, outcome.committed},
            {u"added"_s, outcome.added}, {u"changed"_s, outcome.changed}, {u"deleted"_s, outcome.deleted},
            {u"withheld"_s, withheld}, {u"pushed"_s, countsJson(outcome.added, outcome.changed, outcome.deleted)},
            {u"pulled"_s, countsJson(outcome.pulled.added, outcome.pulled.changed, outcome.pulled.deleted)},
            {u"merged"_s, QJsonArray::fromStringList(outcome.merged)}, {u"requests"_s, outcome.requests}});
}

} // namespace

QCoro::Task<ApiResponse> GitHubRoutes::push(ApiRequest request)
{
    co_return co_await runPush(std::move(request), false);
}

QCoro::Task<ApiResponse> GitHubRoutes::sync(ApiRequest request)
{
    co_return co_await runPush(std::move(request), true);
}

QCoro::Task<ApiResponse> GitHubRoutes::runPush(ApiRequest request, bool pull)
{
    const QString consequence = pull ? u"Sync not started"_s : u"Push not started"_s;
    const QString module = pushModule % (pull ? u"/sync"_s : u"/push"_s);
    const auto form = RequestForm::read(request);
    if (!form) {
        co_return ApiResponse::fromError(form.error());
    }
    if (!m_push || !m_github) {
        co_return ApiResponse::detail(400, consequence, module,
            u"no GitHub App is configured (set GITHUB_DATA_SYNC_APP_* or the App settings)."_s);
    }
    if (m_pushRunning || m_push->isRunning()) {
        co_return ApiResponse::detail(409, consequence, module,
            u"a push or sync is already running; wait for it to finish (GET status shows push_running)."_s);
    }
    if (m_otherWorkRunning && m_otherWorkRunning()) {
        co_return ApiResponse::detail(
            409, consequence, module, u"a restore or a test restore is running; wait for it to finish."_s);
    }
    std::optional<ApiResponse> invalid;
    const std::optional<PushOptions> options = readOptions(*form, request, pull, invalid);
    if (!options) {
        co_return std::move(*invalid);
    }
    QPointer<GitHubRoutes> self(this);
    m_pushRunning = true;
    const auto outcome = co_await m_push->push(*options);
    if (!self) {
        co_return ApiResponse::detail(503, pull ? u"Sync result unknown"_s : u"Push result unknown"_s, module,
            u"the local server is shutting down."_s);
    }
    m_pushRunning = false;
    Q_EMIT pushFinished();
    if (!outcome) {
        co_return ApiResponse::json(QJsonObject{{u"detail"_s, redactSecrets(outcome.error().message())}}, 400);
    }
    if (outcome->conflict) {
        co_return conflictAnswer(*outcome, module, pull);
    }
    if (outcome->massDeletionBlocked) {
        co_return ApiResponse::json(QJsonObject{{u"detail"_s,
                                                    QString((pull ? u"Sync stopped: "_s : u"Push stopped: "_s) % module
                                                        % u" \u2014 it would delete %1 files; resend with "_s
                                                          u"confirm_mass_deletion to go ahead."_s)
                                                        .arg(outcome->wouldDelete)},
                                        {u"mass_deletion"_s, true}, {u"would_delete"_s, outcome->wouldDelete}},
            409);
    }
    co_return successAnswer(*outcome, *options);
}

} // namespace Notechondria
