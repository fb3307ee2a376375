// SPDX-License-Identifier: GPL-3.0-or-later
#include "restoreroutes.h"

#include "apirouter.h"
#include "githubapi.h"
#include "githubbackup.h"
#include "logging.h"
#include "restoreplan.h"
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

/// Puts the asset bytes the backup carried (avatar, note covers) into the account that will be imported.
void attachAssets(Backup &backup)
{
    for (const BackupAsset &asset : std::as_const(backup.assets)) {
        if (asset.kind == BackupAsset::Kind::Avatar) {
            backup.account.profile.avatar = asset.file;
            continue;
        }
        if (asset.kind != BackupAsset::Kind::Cover) {
            continue;
        }
        for (Note &note : backup.account.notes) {
            if (note.uuid.toString(QUuid::Id128) == asset.noteHex) {
                note.cover = asset.file;
            }
        }
    }
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
            backup = co_await fromGitHub(directory.path());
        }
    } else if (!QFileInfo(path).isDir()) {
        backup = refuse(400, u"%1 is not a folder."_s.arg(path));
    } else if (auto read = readBackup(path, withAssets()); !read) {
        backup = ApiResponse::fromError(read.error());
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

QCoro::Task<std::variant<Backup, ApiResponse>> RestoreRoutes::fromGitHub(QString directory)
{
    const auto integration = m_store->integration();
    if (!integration) {
        co_return ApiResponse::fromError(integration.error(), 500);
    }
    if (!*integration) {
        co_return refuse(400,
            u"no GitHub App installation linked to this account. Click \u201cInstall Notechondria GitHub App\u201d first."_s);
    }
    const GitHubIntegration &row = **integration;
    if (row.repoFullName.isEmpty()) {
        co_return refuse(400, u"no repository is selected; choose one in the GitHub Sync card first."_s);
    }
    if (!m_github) {
        co_return refuse(400, u"no GitHub App is configured (set GITHUB_DATA_SYNC_APP_* or the App settings)."_s);
    }
    const QString branch = row.repoDefaultBranch.isEmpty() ? u"main"_s : row.repoDefaultBranch;
    QStringList skipped;
    const auto files
        = co_await downloadBackup(*m_github, row.installationId, row.repoFullName, branch, directory, &skipped);
    if (!files) {
        co_return ApiResponse::json(QJsonObject{{u"detail"_s, redactSecrets(files.error().message())}}, 400);
    }
    qCInfo(lcServer).noquote() << "Backup downloaded:" << module << u"\u2014"_s
                               << redactSecrets(u"%1 files from %2 at %3."_s.arg(*files).arg(row.repoFullName, branch));
    auto read = readBackup(directory, withAssets());
    if (!read) {
        co_return ApiResponse::fromError(read.error());
    }
    for (const QString &path : std::as_const(skipped)) {
        read->problems.append({path,
            u"Item not restored: Core.Restore/download \u2014 %1 is a link or too big and was skipped."_s.arg(path)});
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
    attachAssets(backup);
    if (const auto imported = m_store->importAccount(backup.account); !imported) {
        return ApiResponse::fromError(imported.error(), 500);
    }
    int notes = 0;
    for (const Note &note : std::as_const(backup.account.notes)) {
        notes += note.deletedAt ? 0 : 1;
    }
    qCInfo(lcServer).noquote() << "Account restored:" << module << u"\u2014"_s
                               << u"%1 notes, %2 courses."_s.arg(notes).arg(backup.account.courses.size());
    Q_EMIT restored();
    return ApiResponse::json(QJsonObject{{u"restored"_s, true}, {u"notes"_s, notes},
        {u"courses"_s, static_cast<int>(backup.account.courses.size())},
        {u"problems"_s, problemsJson(backup.problems)}});
}

} // namespace Notechondria
