// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the GitHub integration row and the sync base.
#pragma once

#include "account.h"
#include "error.h"
#include "store.h"

#include <QHash>

#include <optional>

namespace Notechondria {

class StoreContext;

/**
 * The GitHub side of the store: the integration row (id 1 of github_integration: installation, repository, branch,
 * the last push and the last error) and the sync base (DECISIONS §8), one sync_base row per path.
 */
class GitHubRecords
{
public:
    /// @p context must outlive the records.
    explicit GitHubRecords(StoreContext &context);

    /// The integration row, nullopt when not connected.
    [[nodiscard]] Result<std::optional<GitHubIntegration>> integration() const;
    /// The sync base: per path, the blob in the tree of the commit this device last synced with and the blob its own
    /// copy derives from. Empty when there is no last sync.
    [[nodiscard]] Result<QHash<QString, SyncBaseEntry>> syncBase() const;

    /**
     * The callback's merge (DECISIONS §2): omitted (nullopt) fields keep their stored value; a changed repo or
     * installation (or a first connect) resets last_push_sha/last_push_tree/last_push_at and the sync base;
     * last_error is cleared. A blank default branch becomes "main". The installation id must be a positive integer
     * and a given repository OWNER/NAME. Returns the new row.
     */
    [[nodiscard]] Result<GitHubIntegration> connectIntegration(const Store::IntegrationUpdate &update);
    /// Writes the row as given (insert or replace); updated_at = now, created_at kept or set; a blank default branch
    /// is stored as "main".
    [[nodiscard]] Result<void> saveIntegration(const GitHubIntegration &integration);
    /// Sets last_error on the integration row (no-op when not connected).
    [[nodiscard]] Result<void> setIntegrationError(const QString &message);
    /// Saves the integration row and the sync base, in one transaction; only rows that differ are written.
    [[nodiscard]] Result<void> recordSync(
        const GitHubIntegration &integration, const QHash<QString, SyncBaseEntry> &base);

    /// recordSync() by difference: the rows of @p changed written, those of @p removed deleted (one transaction).
    [[nodiscard]] Result<void> recordSyncChanges(
        const GitHubIntegration &integration, const QHash<QString, SyncBaseEntry> &changed, const QStringList &removed);
    /// The sync base rows of @p paths that exist.
    [[nodiscard]] Result<QHash<QString, SyncBaseEntry>> syncBaseEntries(const QStringList &paths) const;

    /// A sync that found nothing to do: last_push_at = @p at, last_error cleared; the sync base stays.
    [[nodiscard]] Result<void> recordUnchangedSync(const QDateTime &at);
    /// The data revision: a counter that every insert, update and delete of account data moves (by triggers, so a
    /// write from another process counts too). Equal revisions mean the same data.
    [[nodiscard]] Result<qint64> dataRevision() const;

    /// Deletes the integration row and the sync base.
    [[nodiscard]] Result<void> deleteIntegration();

private:
    /// The stored row merged with @p update and saved (connectIntegration inside its transaction).
    [[nodiscard]] Result<GitHubIntegration> mergeAndSave(
        const Store::IntegrationUpdate &update, const QString &installationId);
    /// Writes the rows of @p base that differ from @p old and deletes the paths that are gone.
    [[nodiscard]] Result<void> writeSyncBase(
        const QHash<QString, SyncBaseEntry> &old, const QHash<QString, SyncBaseEntry> &base);

    StoreContext &m_context;
};

} // namespace Notechondria
