// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QCoroTask>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace Notechondria {

class NotechondriaClient;
class Store;

/// What an import does besides reading.
struct ImportOptions
{
    bool dryRun = false; ///< read and compare everything, write nothing
    /// Also the avatar, every note's cover and attachments (downloaded; counted in the "assets" part).
    bool includeAssets = false;
    qint64 maxAssetBytes = 50LL * 1024 * 1024; ///< a larger file is a problem, not imported
};

/// Per part of the account what an import did.
struct ImportCounts
{
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int failed = 0;

    [[nodiscard]] QJsonObject toJson() const;
};

/// An import's outcome: counts per part ("profile", "courses", "notes", "recycle_bin", "events", "feeds", and with
/// ImportOptions::includeAssets "assets": the avatar, covers and attachments, one count per file).
struct ImportSummary
{
    QHash<QString, ImportCounts> parts;
    QStringList problems; ///< one three-part message per item that failed
    bool dryRun = false;
    bool recycleBinOffered = true; ///< false when the server has no `notes/deleted/`
    int requests = 0; ///< requests sent to the server

    [[nodiscard]] int failed() const;
    /// Nothing was (or, in a dry run, would be) created or changed.
    [[nodiscard]] bool nothingChanged() const;
    [[nodiscard]] QJsonObject toJson() const;
};

/**
 * Brings a Notechondria account home: reads it through the public `/api/v1` of @p client's server (settings,
 * courses, every note with its content, the recycle bin, planner events and calendar feeds) into @p store.
 *
 * Items are matched so that a rerun changes only what changed on the server: notes by uuid (a note whose list entry
 * says nothing changed is not even fetched), courses by client id, else slug, events by title and date, feeds by
 * title and source. A failing item is reported through problem() and in the summary, and the import goes on; a
 * failure to read a whole part (its list) ends it with an Error.
 *
 * With ImportOptions::includeAssets the files come too, downloaded from the URLs the server gives (the key sent only
 * to the server's own origin): an attachment is matched by uuid (else its original file name) and size and then not
 * downloaded again; a cover or the avatar whose URL is the one imported before and whose file is held is not either,
 * and one whose bytes (size and SHA-256) are the held file's is not written. A dry run downloads nothing.
 */
class AccountImport : public QObject
{
    Q_OBJECT

public:
    AccountImport(Store &store, NotechondriaClient &client, ImportOptions options, QObject *parent = nullptr);
    ~AccountImport() override;

    [[nodiscard]] QCoro::Task<Result<ImportSummary>> run();

Q_SIGNALS:
    /// @p part ("notes", …): @p done of @p total items looked at (total 0 when not known yet).
    void progress(const QString &part, int done, int total);
    void problem(const QString &message);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Notechondria
