// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clock.h"
#include "error.h"
#include "syncwire.h"
#include "verifyreport.h"

#include <QByteArray>
#include <QCoroTask>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace Notechondria {

class HttpClient;

/// Where a restore reads the backup from: the connected GitHub repository or a local folder.
struct RestoreSource
{
    bool fromGitHub = true;
    QString folder; ///< the backup folder when not fromGitHub

    [[nodiscard]] static RestoreSource gitHub() { return {}; }
    [[nodiscard]] static RestoreSource fromFolder(const QString &path) { return {false, path}; }
};

/// One file a restore would change, as the local export sees it.
struct RestoreChange
{
    QString path;
    QString status; ///< "added", "changed" or "removed"
};

/// What a restore would do (dry run).
struct RestorePlan
{
    QList<RestoreChange> changes;
    QStringList problems; ///< three-part messages about backup files that cannot be read
    int schemaVersion = 0;
};

/// What a restore did.
struct RestoreResult
{
    int notes = 0;
    int courses = 0;
    QStringList problems;
};

/// One commit of the backup branch as the History view lists it (`GET integrations/github/history/`).
struct BackupCommitInfo
{
    QString sha;
    QDateTime date;
    QString device; ///< "" for commits older than the device trailer
    int added = 0, changed = 0, deleted = 0;
    QStringList titles; ///< the titles of the notes it names
    QStringList lines; ///< what changed, in words ("Changed note “Title”")
    QUrl url; ///< the commit's page (the API's html_url), may be empty
};

/// A note as one backup commit holds it, with the note as the local account has it now (the look back).
struct BackupNoteVersion
{
    QString commit;
    QString uuid;
    QString title;
    QString content;
    QString courseSlug;
    QDateTime lastEdit;
    bool existsNow = false; ///< the local account still has the note (live or in the bin)
    QString currentTitle;
    QString currentContent;
};

/// What restoring one note from history did (`POST integrations/github/restore/item/`).
struct ItemRestoreResult
{
    QString uuid; ///< the note restored, or the copy made
    QString title;
    bool asCopy = false;
    bool created = false; ///< a new note (a copy, or a note that had been emptied from the bin)
};

/**
 * The REST client of a Notechondria `/api/v1` server: a remote backend or the local server started in-process
 * (DECISIONS §1). Asynchronous only: every call is a QCoro coroutine over the HttpClient job base (transfer
 * timeout, response-size cap, bounded retries of GET requests, Authorization never redirected to another origin),
 * so the GUI thread never waits.
 *
 * Failures come back as an Error shaped like upstream §7.2: a server detail that already contains "—" passes
 * through unchanged; 401 becomes `Session rejected: Backend.Auth/<METHOD> <path> — <detail>` and 403
 * `Request forbidden: Backend.Auth/<METHOD> <path> — <detail>`. The key never appears in a message.
 */
class NotechondriaClient : public QObject
{
    Q_OBJECT

public:
    explicit NotechondriaClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~NotechondriaClient() override;

    /// Any server URL; normalised so it ends in /api/v1 (e.g. "https://host" → "https://host/api/v1").
    void setBaseUrl(const QUrl &url);
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    /// `ntc_…` keys are sent as `Bearer`, others as `Token`. An empty key sends no Authorization header.
    void setApiKey(const QString &key);
    [[nodiscard]] bool hasApiKey() const { return !m_apiKey.isEmpty(); }
    /// A server URL is set (a key may still be missing).
    [[nodiscard]] bool isConfigured() const { return m_baseUrl.isValid() && !m_baseUrl.isEmpty(); }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    /// Pushes and syncs run longer than other calls.
    void setPushTimeout(std::chrono::milliseconds timeout) { m_pushTimeout = timeout; }
    /// Answers larger than this are refused ("Request failed: Frontend.Api/<METHOD> <path> — … limit …").
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    /// How often a GET is tried (first try included) on no answer, 5xx or 429, and the first retry's backoff.
    void setRetryPolicy(int maxAttempts, std::chrono::milliseconds baseBackoff);

    [[nodiscard]] static QUrl normalizedBaseUrl(const QUrl &url);
    [[nodiscard]] static QByteArray authorizationHeader(const QString &key);

    // GitHub sync (upstream §1, DECISIONS §2).
    [[nodiscard]] QCoro::Task<Result<SyncStatus>> status();
    [[nodiscard]] QCoro::Task<Result<QList<RepoInfo>>> repos();
    [[nodiscard]] QCoro::Task<Result<SyncStatus>> callback(CallbackRequest request);
    /// A 409 answer is not an error: it comes back with conflict = true and the paths.
    [[nodiscard]] QCoro::Task<Result<PushResult>> push(PushRequest request);
    /// A two-way sync (local server): GitHub's changes come in, this device's go out. A conflict comes back as
    /// for push, with conflictItems (titles); resend with the request's resolutions or resolveAll.
    [[nodiscard]] QCoro::Task<Result<PushResult>> sync(SyncRequest request);
    [[nodiscard]] QCoro::Task<Result<void>> disconnect();
    [[nodiscard]] QCoro::Task<Result<QList<InstallationInfo>>> installations();
    /// POST integrations/github/app-manifest/: starts a GitHub App creation; `{url, redirect_url, state}` (open `url`).
    [[nodiscard]] QCoro::Task<Result<QJsonObject>> startAppManifest(QString owner = {});
    /// GET integrations/github/installations/<id>/: the installation when GitHub knows it (an error with 404
    /// otherwise).
    [[nodiscard]] QCoro::Task<Result<InstallationInfo>> checkInstallation(QString installationId);
    [[nodiscard]] QCoro::Task<Result<QList<PreviewEntry>>> preview(bool includeAssets);
    /// One file of the preview with both sides (local export and GitHub's copy), for the conflict diff.
    [[nodiscard]] QCoro::Task<Result<PreviewEntry>> previewFile(QString path);
    [[nodiscard]] QCoro::Task<Result<QList<PushRun>>> runs();
    /// What restoring from @p source would change (POST restore/ with dry_run; local server only).
    [[nodiscard]] QCoro::Task<Result<RestorePlan>> restorePlan(RestoreSource source);
    /// Replaces the local account with the backup at @p source (local server only).
    [[nodiscard]] QCoro::Task<Result<RestoreResult>> restoreApply(RestoreSource source);
    /// Brings back the account from before the last restore (POST restore/undo/; local server only): what is back.
    [[nodiscard]] QCoro::Task<Result<RestoreResult>> restoreUndo();
    // The time machine (issue #16): the backup branch's commits (all, or those that touched @p noteUuid), newest
    // first; one note at one commit next to the note now; that version back in place or as a copy.
    [[nodiscard]] QCoro::Task<Result<QList<BackupCommitInfo>>> backupHistory(QString noteUuid = {}, int limit = 100);
    [[nodiscard]] QCoro::Task<Result<BackupNoteVersion>> noteAtCommit(QString commit, QString noteUuid);
    [[nodiscard]] QCoro::Task<Result<ItemRestoreResult>> restoreNoteVersion(
        QString commit, QString noteUuid, bool asCopy);
    /// Test restore (POST verify/; local server only): checks @p commit (a full sha, "" for the branch head) file by
    /// file and restores it into a scratch profile; damaged or missing files are in the report, not an error.
    [[nodiscard]] QCoro::Task<Result<VerifyReport>> verifyBackup(QString commit = {});
    /// The last test restore (GET verify/), nullopt when the backup was never verified.
    [[nodiscard]] QCoro::Task<Result<std::optional<VerifyReport>>> lastVerification();

    /// Starts bringing the account of the server at @p apiBase (key @p token) into the local store (POST import/;
    /// local server only): it runs in the server, importStatus() follows it. @p includeAssets: the avatar, covers and
    /// attachments too.
    [[nodiscard]] QCoro::Task<Result<void>> startImport(
        QUrl apiBase, QString token, bool dryRun, bool includeAssets = false);
    /// The import's progress and the last one's summary or stop (GET import/).
    [[nodiscard]] QCoro::Task<Result<QJsonObject>> importStatus();

    // The local account's sign-in password (auth/local-password/; local server only, with the API key). Each answers
    // {"password_set", "updated_at", "username", "email"}; the password is sent once and never kept.
    [[nodiscard]] QCoro::Task<Result<QJsonObject>> localPasswordState();
    [[nodiscard]] QCoro::Task<Result<QJsonObject>> setLocalPassword(QString password);
    [[nodiscard]] QCoro::Task<Result<QJsonObject>> clearLocalPassword();

    // Account data (upstream §10), used by restore and import.
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> settings();
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> updateSettings(QJsonObject changes);
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> courses();
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> createCourse(QJsonObject course);
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> notes(QUrlQuery query = {});
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> createNote(QJsonObject note);
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> events();
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> createEvent(QJsonObject event);
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> feeds();
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> createFeed(QJsonObject feed);

    /// An answer with its HTTP status (for callers that read non-2xx bodies themselves).
    struct Reply
    {
        int status = 0;
        QJsonDocument json;
    };
    /// One request to `<base>/<path>`; `path` is relative (e.g. "integrations/github/status/").
    [[nodiscard]] QCoro::Task<Result<Reply>> send(
        QByteArray method, QString path, QUrlQuery query = {}, QJsonDocument body = {});

    /// A file the server links to (avatar, cover, attachment) as it came.
    struct Download
    {
        int status = 0;
        QByteArray bytes;
        QString contentType; ///< the Content-Type without parameters, may be empty
    };
    /**
     * GET of a file URL (absolute, or relative to the server's origin); an answer over @p maxBytes is an Error. The
     * API key goes along only when the URL's scheme, host and port are the server's: it never goes to another host.
     * No message names the URL's path (a /media/ path is a credential).
     */
    [[nodiscard]] QCoro::Task<Result<Download>> download(QUrl url, qint64 maxBytes);
    /// Whether @p url has the server's scheme, host and port (so download() sends it the key).
    [[nodiscard]] bool isServerOrigin(const QUrl &url) const;

Q_SIGNALS:
    void baseUrlChanged();

private:
    /// send() that turns any non-2xx status into the shaped Error.
    [[nodiscard]] QCoro::Task<Result<QJsonValue>> call(
        QByteArray method, QString path, QUrlQuery query = {}, QJsonDocument body = {});
    /// push/ and sync/: the answer, a 409 conflict or mass-deletion stop as a result, other failures as errors.
    [[nodiscard]] QCoro::Task<Result<PushResult>> postPush(QString path, QJsonObject body);
    [[nodiscard]] Error shapeError(const QByteArray &method, const QString &path, const Reply &reply) const;

    QPointer<QNetworkAccessManager> m_nam;
    SystemClock m_clock; ///< for Retry-After dates and rate-limit resets
    std::unique_ptr<HttpClient> m_http;
    qint64 m_maxResponseBytes = 200LL * 1024 * 1024;
    QUrl m_baseUrl;
    QString m_apiKey;
    std::chrono::milliseconds m_timeout{30000};
    std::chrono::milliseconds m_pushTimeout{600000};
};

} // namespace Notechondria
