// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backupreader.h"

#include <QCoroTask>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>

namespace Notechondria {

class HttpClient;
struct HttpResponse;

struct RestoreOptions
{
    QUrl apiBase; ///< e.g. http://127.0.0.1:8765/api/v1 (a trailing slash is fine)
    QString token; ///< ntc_… API keys and JWTs go as Bearer, other keys as Token
    bool dryRun = false; ///< print each request, send nothing
    bool verbose = false; ///< a line per section and item
    bool includeAssets = false; ///< re-upload assets/ after the rest
};

/// What a restore did. Counts are items now on the server (created, updated or already there).
struct RestoreSummary
{
    int courses = 0;
    int notes = 0;
    int recycledNotes = 0;
    int plannerEvents = 0;
    int calendarFeeds = 0;
    int created = 0; ///< requests that created something new
    int avatar = 0;
    int covers = 0;
    int attachments = 0;
    int assetsSkipped = 0;
    int failed = 0; ///< items that could not be restored (each reported)

    [[nodiscard]] QJsonObject toJson(bool withAssets, bool dryRun) const;
};

/**
 * Replays a backup into any Notechondria /api/v1 (a real backend or the local server) in upstream's order:
 * settings, courses, notes, events, feeds, assets. Course ids are remapped for notes, events and feeds; events and
 * feeds already on the server (same content) are not posted again; notes are matched by client_draft_id and
 * attachments by uuid or by name and size, so a rerun creates nothing. One failing item is reported through problem()
 * and the run goes on. The old server's api_base_url is never copied.
 */
class Restorer : public QObject
{
    Q_OBJECT

public:
    Restorer(HttpClient *http, RestoreOptions options, QObject *parent = nullptr);

    [[nodiscard]] QCoro::Task<RestoreSummary> run(const Backup &backup);

Q_SIGNALS:
    /// A line for stdout: dry-run requests, verbose progress.
    void output(const QString &line);
    /// A three-part message for stderr: an item that failed.
    void problem(const QString &message);

private:
    struct Answer
    {
        bool ok = false;
        int status = 0;
        QJsonValue json;
    };
    [[nodiscard]] QCoro::Task<Answer> request(QByteArray method, QString path, QJsonObject body, QString section);
    [[nodiscard]] QCoro::Task<Answer> get(QString path, QString section);
    [[nodiscard]] QCoro::Task<Answer> upload(
        QByteArray method, QString path, QString field, StoredFile file, QString section);
    [[nodiscard]] QUrl url(const QString &path) const;
    [[nodiscard]] QList<std::pair<QByteArray, QByteArray>> headers() const;
    void report(const QString &section, const QString &cause);
    void verbose(const QString &line);

    /// Items to post unless the server already holds an equal one (a rerun then posts nothing).
    struct MissingItems
    {
        QString listPath; ///< GET that lists what the server holds
        QString listKey; ///< the list's key when the answer is an object
        QString postPath;
        QString section;
        QList<QJsonObject> bodies;
        std::function<QString(const QJsonObject &)> key; ///< what makes two items the same
    };
    /// Posts the missing items; returns how many are on the server afterwards.
    [[nodiscard]] QCoro::Task<int> postMissing(MissingItems items);
    [[nodiscard]] std::optional<qint64> remappedCourse(const std::optional<qint64> &backupCourseId) const;

    QCoro::Task<> restoreSettings(const Profile &profile);
    QCoro::Task<> restoreCourses(const Backup &backup);
    QCoro::Task<> restoreNotes(const Backup &backup);
    QCoro::Task<> restoreEvents(const Backup &backup);
    QCoro::Task<> restoreFeeds(const Backup &backup);
    QCoro::Task<> restoreAssets(const Backup &backup);
    /// The uuids and "name\x1fsize" keys of the attachments the server holds on note @p noteId.
    [[nodiscard]] QCoro::Task<QSet<QString>> attachmentsOn(qint64 noteId);
    QCoro::Task<> restoreAttachment(const BackupAsset &asset, qint64 noteId, QSet<QString> &present);

    HttpClient *m_http;
    RestoreOptions m_options;
    RestoreSummary m_summary;
    QHash<qint64, qint64> m_courseIds; ///< backup course id → server course id
    QHash<QString, qint64> m_noteIds; ///< note uuid hex → server note id
};

} // namespace Notechondria
