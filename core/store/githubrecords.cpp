// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubrecords.h"

#include "installationid.h"
#include "logging.h"
#include "storecontext.h"
#include "storesql.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

const QString connectConsequence = u"GitHub App not connected"_s;
const QString connectProcess = u"Core.Store/connect"_s;

GitHubIntegration readIntegration(const QSqlQuery &q)
{
    GitHubIntegration g;
    g.installationId = q.value(0).toString();
    g.accountLogin = q.value(1).toString();
    g.repoFullName = q.value(2).toString();
    g.repoDefaultBranch = q.value(3).toString();
    g.lastPushAt = toDateTime(q.value(4));
    g.lastPushSha = q.value(5).toString();
    g.lastPushTree = q.value(6).toString();
    g.lastError = q.value(7).toString();
    g.includeAssets = q.value(8).toBool();
    g.createdAt = toDateTime(q.value(9));
    g.updatedAt = toDateTime(q.value(10));
    g.syncedState = q.value(11).toString();
    return g;
}

const QRegularExpression &repoPattern()
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"_s);
    return pattern;
}

/// The trimmed installation id of a valid update.
Result<QString> validInstallationId(const Store::IntegrationUpdate &update)
{
    QString installationId = update.installationId.trimmed();
    if (!isInstallationId(installationId)) {
        return fail(connectConsequence, connectProcess, u"the installation id must be a positive integer"_s);
    }
    if (update.repoFullName && !update.repoFullName->isEmpty()
        && !repoPattern().match(*update.repoFullName).hasMatch()) {
        return fail(connectConsequence, connectProcess,
            u"'%1' is not a repository name of the form OWNER/NAME"_s.arg(update.repoFullName->left(160)));
    }
    return installationId;
}

/// Applies the given fields of @p update to @p row; clears the last error.
void applyUpdate(GitHubIntegration &row, const Store::IntegrationUpdate &update, const QString &installationId)
{
    row.installationId = installationId;
    if (update.accountLogin) {
        row.accountLogin = *update.accountLogin;
    }
    if (update.repoFullName) {
        row.repoFullName = *update.repoFullName;
    }
    if (update.repoDefaultBranch) {
        row.repoDefaultBranch = update.repoDefaultBranch->trimmed().isEmpty() ? u"main"_s : *update.repoDefaultBranch;
    }
    if (update.includeAssets) {
        row.includeAssets = *update.includeAssets;
    }
    row.lastError.clear();
}

} // namespace

GitHubRecords::GitHubRecords(StoreContext &context)
    : m_context(context)
{
}

// ---- the integration row -------------------------------------------------------------------------------------------

Result<std::optional<GitHubIntegration>> GitHubRecords::integration() const
{
    auto q = m_context.exec(u"SELECT installation_id, account_login, repo_full_name, repo_default_branch, "
                            "last_push_at, last_push_sha, last_push_tree, last_error, include_assets, created_at, "
                            "updated_at, synced_state FROM github_integration WHERE id = 1"_s,
        {}, u"Cannot read the GitHub integration"_s, u"Core.Store/integration"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (!q->next()) {
        return std::nullopt;
    }
    return readIntegration(*q);
}

Result<void> GitHubRecords::saveIntegration(const GitHubIntegration &integration)
{
    const QDateTime now = m_context.now();
    return m_context.run(
        u"INSERT INTO github_integration (id, installation_id, account_login, repo_full_name, repo_default_branch, "
        "last_push_at, last_push_sha, last_push_tree, last_error, include_assets, created_at, updated_at, "
        "synced_state) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "installation_id = excluded.installation_id, account_login = excluded.account_login, "
        "repo_full_name = excluded.repo_full_name, repo_default_branch = excluded.repo_default_branch, "
        "last_push_at = excluded.last_push_at, last_push_sha = excluded.last_push_sha, "
        "last_push_tree = excluded.last_push_tree, last_error = excluded.last_error, "
        "include_assets = excluded.include_assets, created_at = coalesce(github_integration.created_at, "
        "excluded.created_at), updated_at = excluded.updated_at, synced_state = excluded.synced_state"_s,
        {text(integration.installationId), text(integration.accountLogin), text(integration.repoFullName),
            text(integration.repoDefaultBranch.isEmpty() ? u"main"_s : integration.repoDefaultBranch),
            fromDateTime(integration.lastPushAt), text(integration.lastPushSha), text(integration.lastPushTree),
            text(integration.lastError), integration.includeAssets ? 1 : 0,
            fromDateTime(integration.createdAt.value_or(now)), fromDateTime(now), text(integration.syncedState)},
        u"Cannot save the GitHub integration"_s, u"Core.Store/save_integration"_s);
}

Result<GitHubIntegration> GitHubRecords::connectIntegration(const Store::IntegrationUpdate &update)
{
    const auto installationId = validInstallationId(update);
    if (!installationId) {
        return std::unexpected(installationId.error());
    }
    GitHubIntegration row;
    Result<void> done = m_context.transaction([&]() -> Result<void> {
        auto saved = mergeAndSave(update, *installationId);
        if (!saved) {
            return std::unexpected(saved.error());
        }
        row = std::move(*saved);
        return {};
    });
    if (!done) {
        return std::unexpected(done.error().withConsequence(connectConsequence));
    }
    qCInfo(lcStore).noquote() << u"GitHub integration saved: Core.Store/connect — installation %1, repo '%2'"_s.arg(
        row.installationId, row.repoFullName);
    return row;
}

Result<GitHubIntegration> GitHubRecords::mergeAndSave(
    const Store::IntegrationUpdate &update, const QString &installationId)
{
    auto existing = integration();
    if (!existing) {
        return std::unexpected(existing.error());
    }
    GitHubIntegration row = existing->value_or(GitHubIntegration{});
    const bool hadRow = existing->has_value();
    const QString oldInstallation = row.installationId;
    const QString oldRepo = row.repoFullName;
    applyUpdate(row, update, installationId);
    if (!hadRow || oldInstallation != row.installationId || oldRepo != row.repoFullName) {
        // A push to another repository (or through another installation) starts over.
        row.lastPushSha.clear();
        row.lastPushTree.clear();
        row.lastPushAt.reset();
        row.syncedState.clear();
        if (auto cleared = m_context.runAll(
                {u"DELETE FROM sync_base"_s, u"DELETE FROM export_index"_s}, connectConsequence, connectProcess);
            !cleared) {
            return std::unexpected(cleared.error());
        }
    }
    if (auto saved = saveIntegration(row); !saved) {
        return std::unexpected(saved.error());
    }
    auto reread = integration();
    if (!reread) {
        return std::unexpected(reread.error());
    }
    return reread->value_or(row);
}

Result<void> GitHubRecords::deleteIntegration()
{
    return m_context.transaction([&]() -> Result<void> {
        return m_context.runAll(
            {u"DELETE FROM github_integration"_s, u"DELETE FROM sync_base"_s, u"DELETE FROM export_index"_s},
            u"Cannot disconnect GitHub"_s, u"Core.Store/disconnect"_s);
    });
}

Result<void> GitHubRecords::setIntegrationError(const QString &message)
{
    return m_context.run(u"UPDATE github_integration SET last_error = ?, updated_at = ? WHERE id = 1"_s,
        {text(message), fromDateTime(m_context.now())}, u"Cannot save the last sync error"_s,
        u"Core.Store/save_integration"_s);
}

Result<void> GitHubRecords::recordUnchangedSync(const QDateTime &at)
{
    return m_context.run(
        u"UPDATE github_integration SET last_push_at = ?, last_error = '', updated_at = ? WHERE id = 1"_s,
        {fromDateTime(at), fromDateTime(m_context.now())}, u"Cannot record the sync"_s, u"Core.Store/record_sync"_s);
}

Result<qint64> GitHubRecords::dataRevision() const
{
    auto q = m_context.exec(u"SELECT revision FROM data_revision WHERE id = 1"_s, {},
        u"Cannot read the data revision"_s, u"Core.Store/data_revision"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->next() ? q->value(0).toLongLong() : 0;
}

// ---- the sync base -------------------------------------------------------------------------------------------------

Result<QHash<QString, SyncBaseEntry>> GitHubRecords::syncBase() const
{
    auto q = m_context.exec(u"SELECT path, base_blob, local_blob FROM sync_base"_s, {}, u"Cannot read the sync base"_s,
        u"Core.Store/sync_base"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    QHash<QString, SyncBaseEntry> base;
    while (q->next()) {
        base.insert(q->value(0).toString(), {q->value(1).toString(), q->value(2).toString()});
    }
    return base;
}

Result<void> GitHubRecords::recordSync(const GitHubIntegration &integration, const QHash<QString, SyncBaseEntry> &base)
{
    const QString consequence = u"Cannot record the sync"_s;
    auto old = syncBase();
    if (!old) {
        return std::unexpected(old.error().withConsequence(consequence));
    }
    Result<void> done = m_context.transaction([&]() -> Result<void> {
        if (auto saved = saveIntegration(integration); !saved) {
            return saved;
        }
        return writeSyncBase(*old, base);
    });
    if (!done) {
        return std::unexpected(done.error().withConsequence(consequence));
    }
    return {};
}

Result<void> GitHubRecords::recordSyncChanges(
    const GitHubIntegration &integration, const QHash<QString, SyncBaseEntry> &changed, const QStringList &removed)
{
    const QString consequence = u"Cannot record the sync"_s;
    const QString process = u"Core.Store/record_sync"_s;
    return m_context.transaction([&]() -> Result<void> {
        if (auto saved = saveIntegration(integration); !saved) {
            return saved;
        }
        for (const QString &path : removed) {
            if (auto q = m_context.run(u"DELETE FROM sync_base WHERE path = ?"_s, {path}, consequence, process); !q) {
                return q;
            }
        }
        for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
            auto q = m_context.run(u"INSERT OR REPLACE INTO sync_base (path, base_blob, local_blob) VALUES (?, ?, ?)"_s,
                {it.key(), text(it.value().base), text(it.value().local)}, consequence, process);
            if (!q) {
                return q;
            }
        }
        return {};
    });
}

Result<QHash<QString, SyncBaseEntry>> GitHubRecords::syncBaseEntries(const QStringList &paths) const
{
    QHash<QString, SyncBaseEntry> rows;
    for (const QString &path : paths) {
        auto q = m_context.exec(u"SELECT base_blob, local_blob FROM sync_base WHERE path = ?"_s, {path},
            u"Cannot read the sync base"_s, u"Core.Store/sync_base"_s);
        if (!q) {
            return std::unexpected(q.error());
        }
        if (q->next()) {
            rows.insert(path, {q->value(0).toString(), q->value(1).toString()});
        }
    }
    return rows;
}

Result<void> GitHubRecords::writeSyncBase(
    const QHash<QString, SyncBaseEntry> &old, const QHash<QString, SyncBaseEntry> &base)
{
    const QString consequence = u"Cannot record the sync"_s;
    const QString process = u"Core.Store/record_sync"_s;
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        if (base.contains(it.key())) {
            continue;
        }
        if (auto q = m_context.run(u"DELETE FROM sync_base WHERE path = ?"_s, {it.key()}, consequence, process); !q) {
            return q;
        }
    }
    for (auto it = base.cbegin(); it != base.cend(); ++it) {
        if (const auto found = old.constFind(it.key()); found != old.cend() && *found == it.value()) {
            continue;
        }
        auto q = m_context.run(u"INSERT OR REPLACE INTO sync_base (path, base_blob, local_blob) VALUES (?, ?, ?)"_s,
            {it.key(), text(it.value().base), text(it.value().local)}, consequence, process);
        if (!q) {
            return q;
        }
    }
    return {};
}

} // namespace Notechondria
