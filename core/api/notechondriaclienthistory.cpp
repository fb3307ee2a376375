// SPDX-License-Identifier: GPL-3.0-or-later
// NotechondriaClient: the time machine's routes (issue #16) — history, one note at a commit, restoring it.
#include "notechondriaclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue item : value.toArray()) {
        list.append(item.toString());
    }
    return list;
}

BackupCommitInfo commitFromJson(const QJsonObject &object)
{
    BackupCommitInfo commit;
    commit.sha = object.value("sha"_L1).toString();
    commit.date = QDateTime::fromString(object.value("date"_L1).toString(), Qt::ISODate);
    commit.device = object.value("device"_L1).toString();
    commit.added = object.value("added"_L1).toInt();
    commit.changed = object.value("changed"_L1).toInt();
    commit.deleted = object.value("deleted"_L1).toInt();
    commit.titles = strings(object.value("titles"_L1));
    commit.lines = strings(object.value("lines"_L1));
    commit.url = QUrl(object.value("url"_L1).toString());
    return commit;
}

} // namespace

QCoro::Task<Result<QList<BackupCommitInfo>>> NotechondriaClient::backupHistory(QString noteUuid, int limit)
{
    QUrlQuery query;
    if (!noteUuid.isEmpty()) {
        query.addQueryItem(u"note"_s, noteUuid);
    }
    query.addQueryItem(u"limit"_s, QString::number(limit));
    const Result<QJsonValue> answer = co_await call("GET", u"integrations/github/history/"_s, query);
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    QList<BackupCommitInfo> commits;
    for (const QJsonValue commit : answer->toObject().value("commits"_L1).toArray()) {
        commits.append(commitFromJson(commit.toObject()));
    }
    co_return commits;
}

QCoro::Task<Result<BackupNoteVersion>> NotechondriaClient::noteAtCommit(QString commit, QString noteUuid)
{
    const QUrlQuery query{{u"commit"_s, commit}, {u"note"_s, noteUuid}};
    const Result<QJsonValue> answer = co_await call("GET", u"integrations/github/history/note/"_s, query);
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    const QJsonObject object = answer->toObject();
    BackupNoteVersion version;
    version.commit = object.value("commit"_L1).toString();
    version.uuid = object.value("uuid"_L1).toString();
    version.title = object.value("title"_L1).toString();
    version.content = object.value("content"_L1).toString();
    version.courseSlug = object.value("course_slug"_L1).toString();
    version.lastEdit = QDateTime::fromString(object.value("last_edit"_L1).toString(), Qt::ISODateWithMs);
    if (const QJsonObject current = object.value("current"_L1).toObject(); !current.isEmpty()) {
        version.existsNow = true;
        version.currentTitle = current.value("title"_L1).toString();
        version.currentContent = current.value("content"_L1).toString();
    }
    co_return version;
}

QCoro::Task<Result<ItemRestoreResult>> NotechondriaClient::restoreNoteVersion(
    QString commit, QString noteUuid, bool asCopy)
{
    const QJsonObject body{{u"commit"_s, commit}, {u"note"_s, noteUuid}, {u"as_copy"_s, asCopy}};
    const Result<QJsonValue> answer
        = co_await call("POST", u"integrations/github/restore/item/"_s, {}, QJsonDocument(body));
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    const QJsonObject object = answer->toObject();
    co_return ItemRestoreResult{object.value("uuid"_L1).toString(), object.value("title"_L1).toString(),
        object.value("as_copy"_L1).toBool(), object.value("created"_L1).toBool()};
}

} // namespace Notechondria
