// SPDX-License-Identifier: GPL-3.0-or-later
#include "backuphistory.h"

#include "account.h"
#include "gitdataclient.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr int kPage = 100; // GitHub's largest page of the commit listing

BackupCommit commitOf(const QJsonObject &entry)
{
    const QJsonObject commit = entry.value(u"commit"_s).toObject();
    BackupCommit backup;
    backup.sha = entry.value(u"sha"_s).toString();
    backup.htmlUrl = entry.value(u"html_url"_s).toString();
    const QString date = commit.value(u"committer"_s).toObject().value(u"date"_s).toString();
    backup.date = QDateTime::fromString(date, Qt::ISODate).toUTC();
    backup.summary = CommitSummary::parse(commit.value(u"message"_s).toString());
    return backup;
}

} // namespace

QJsonObject BackupCommit::toJson() const
{
    return QJsonObject{{u"sha"_s, sha}, {u"date"_s, date.toString(Qt::ISODate)}, {u"device"_s, summary.device},
        {u"added"_s, summary.added}, {u"changed"_s, summary.changed}, {u"deleted"_s, summary.deleted},
        {u"titles"_s, QJsonArray::fromStringList(summary.titles)}};
}

BackupHistory::BackupHistory(GitHubApi *github)
    : m_github(github)
{
}

QUuid BackupHistory::parseUuid(const QString &text)
{
    QString hex = text.trimmed().toLower();
    hex.remove(QRegularExpression(u"[{}-]"_s));
    static const QRegularExpression valid(u"^[0-9a-f]{32}$"_s);
    if (!valid.match(hex).hasMatch()) {
        return {};
    }
    return QUuid::fromString(
        u"%1-%2-%3-%4-%5"_s.arg(hex.left(8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20)));
}

QString BackupHistory::notePath(const QUuid &note)
{
    return u"notes/"_s + note.toString(QUuid::Id128) + u".md"_s;
}

QCoro::Task<Result<QList<BackupCommit>>> BackupHistory::list(GitHubIntegration integration, QUuid note, int limit)
{
    GitDataClient git(m_github, integration.installationId, integration.repoFullName);
    const QString branch = integration.repoDefaultBranch.isEmpty() ? u"main"_s : integration.repoDefaultBranch;
    const QString path = note.isNull() ? QString() : notePath(note);
    QList<BackupCommit> commits;
    const int perPage = std::min(kPage, limit); // GitHub pages by per_page: every request asks the same size
    for (int page = 1; commits.size() < limit; ++page) {
        auto listed = co_await git.commits(branch, path, perPage, page);
        if (!listed) {
            co_return std::unexpected(listed.error());
        }
        for (const QJsonValue entry : std::as_const(listed->commits)) {
            if (commits.size() < limit) {
                commits.append(commitOf(entry.toObject()));
            }
        }
        if (!listed->more || listed->commits.isEmpty()) {
            break;
        }
    }
    co_return commits;
}

} // namespace Notechondria
