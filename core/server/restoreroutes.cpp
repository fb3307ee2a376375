// SPDX-License-Identifier: GPL-3.0-or-later
#include "restoreroutes.h"

#include "accountrestore.h"
#include "apirouter.h"
#include "backupcheck.h"
#include "githubapi.h"
#include "githubbackup.h"
#include "logging.h"
#include "restoreplan.h"
#include "restoresnapshots.h"
#include "routesupport.h"
#include "store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString consequence = u"Restore not done"_s;
const QString module = u"Core.Server.GitHubSync/restore"_s;

ApiResponse refuse(int status, const QString &cause)
{
    return ApiResponse::detail(status, consequence, module, cause);
}

QJsonArray problemsJson(const QList<BackupProblem> &problems)
{
    QJsonArray array;
    for (const BackupProblem &problem : problems) {
        array.append(QJsonObject{{u"path"_s, problem.path}, {u"message"_s, redactSecrets(problem.message)}});
    }
    return array;
}

BackupReadOptions withAssets()
{
    BackupReadOptions options;
    options.includeAssets = true;
    return options;
}

QString isoOrNull(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

RestoreRoutes::RestoreRoutes(Store *store, GitHubApi *github, std::function<bool()> pushRunning, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_github(github)
    , m_pushRunning(std::move(pushRunning))
{
}

void RestoreRoutes::registerOn(ApiRouter &router)
{
    router.addAsyncRoute(u"integrations/github/restore"_s, QHttpServerRequest::Method::Post,
        [this](ApiRequest r) { return restore(std::move(r)); });
    router.addRoute(u"integrations/github/restore/undo"_s, QHttpServerRequest::Method::Get,
        [this](const ApiRequest &) { return undoStatus(); });
    router.addRoute(u"integrations/github/restore/undo"_s, QHttpServerRequest::Method::Post,
        [this](const ApiRequest &) { return undo(); });
}

QCoro::Task<ApiResponse> RestoreRoutes::restore(ApiRequest request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        co_return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    in.require(u"source"_s);
    const auto source = in.choice(u"source"_s, {u"github"_s, u"folder"_s});
    const QString path = in.string(u"path"_s, 4096).value_or(QString()).trimmed();
    const bool dryRun = in.boolean(u"dry_run"_s).value_or(false);
    const QString commit = in.string(u"commit"_s, 40).value_or(QString()).trimmed().toLower();
    if (!commit.isEmpty() && !RouteSupport::isFullCommitId(commit)) {
        in.addError(u"commit"_s, u"A full 40-character commit id."_s);
    }
    if (source == u"folder"_s && path.isEmpty()) {
        in.addError(u"path"_s, u"This field is required."_s);
    }
    if (!in.ok()) {
        co_return in.errorResponse();
    }
    if (m_running || (m_pushRunning && m_pushRunning())) {
        co_return refuse(409, u"a push or a restore is already running; wait for it to finish."_s);
    }
    QPointer<RestoreRoutes> self(this);
    m_running = true;
    std::variant<Backup, ApiResponse> backup;
    if (*source == u"github"_s) {
        QTemporaryDir directory;
        if (!directory.isValid()) {
            backup = refuse(500, u"no temporary folder for the download: "_s + directory.errorString());
        } else {
            backup = co_await fromGitHub(directory.path(), commit);
        }
    } else if (!QFileInfo(path).isDir()) {
        backup = refuse(400, u"%1 is not a folder."_s.arg(path));
    } else if (auto read = readBackup(path, withAssets()); !read) {
        backup = ApiResponse::fromError(read.error());
    } else if (auto refused = checkIsBackup(*read, path); !refused) {
        backup = ApiResponse::fromError(refused.error());
    } else {
        backup = std::move(*read);
    }
    if (!self) {
        co_return ApiResponse::detail(503, consequence, module, u"the local server is shutting down."_s);
    }
    m_running = false;
    if (auto *answer = std::get_if<ApiResponse>(&backup)) {
        co_return *answer;
    }
    co_return dryRun ? plan(std::get<Backup>(backup)) : apply(std::move(std::get<Backup>(backup)));
}

QCoro::Task<std::variant<Backup, ApiResponse>> RestoreRoutes::fromGitHub(QString directory, QString commit)
{
    auto connected = RouteSupport::connectedRepository(*m_store, m_github, consequence, module);
    if (auto *answer = std::get_if<ApiResponse>(&connected)) {
        co_return *answer;
    }
    const GitHubIntegration &row = std::get<GitHubIntegration>(connected);
    const QString ref = !commit.isEmpty() ? commit
        : row.repoDefaultBranch.isEmpty() ? u"main"_s
                                          : row.repoDefaultBranch;
    auto read = co_await readGitHubBackup(*m_github, row, ref, directory);
    if (!read) {
        co_return ApiResponse::json(QJsonObject{{u"detail"_s, redactSecrets(read.error().message())}}, 400);
    }
    co_return std::move(*read);
}

ApiResponse RestoreRoutes::plan(const Backup &backup)
{
    const auto current = m_store->snapshot(false);
    if (!current) {
        return ApiResponse::fromError(current.error(), 500);
    }
    QJsonArray changes;
    for (const RestoreFileChange &change : planRestore(*current, backup.account)) {
        changes.append(QJsonObject{{u"path"_s, change.path}, {u"status"_s, change.status}});
    }
    return ApiResponse::json(QJsonObject{{u"changes"_s, changes}, {u"problems"_s, problemsJson(backup.problems)},
        {u"schema_version"_s, backup.schemaVersion}});
}

ApiResponse RestoreRoutes::apply(Backup backup)
{
    const auto restored = replaceAccount(*m_store, std::move(backup));
    if (!restored) {
        return ApiResponse::fromError(restored.error(), 500);
    }
    return ApiResponse::json(
        QJsonObject{{u"restored"_s, true}, {u"notes"_s, restored->notes}, {u"courses"_s, restored->courses},
            {u"problems"_s, problemsJson(restored->problems)}, {u"undo_available"_s, true}});
}

ApiResponse RestoreRoutes::undoStatus()
{
    const auto pending = RestoreSnapshots(RestoreSnapshots::directoryFor(m_store->path())).pending();
    return ApiResponse::json(QJsonObject{{u"available"_s, pending.has_value()},
        {u"taken_at"_s, pending ? QJsonValue(isoOrNull(pending->takenAt)) : QJsonValue()}});
}

ApiResponse RestoreRoutes::undo()
{
    if (m_running || (m_pushRunning && m_pushRunning())) {
        return ApiResponse::detail(
            409, u"Restore not undone"_s, module, u"a push or a restore is already running; wait for it to finish."_s);
    }
    const auto undone = RestoreSnapshots(RestoreSnapshots::directoryFor(m_store->path())).undo(*m_store);
    if (!undone) {
        return ApiResponse::fromError(undone.error(), 500);
    }
    return ApiResponse::json(QJsonObject{{u"undone"_s, true}, {u"notes"_s, undone->notes},
        {u"courses"_s, undone->courses}, {u"taken_at"_s, isoOrNull(undone->snapshot.takenAt)}});
}

} // namespace Notechondria
