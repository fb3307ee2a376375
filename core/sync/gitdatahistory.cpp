// SPDX-License-Identifier: GPL-3.0-or-later
// GitDataClient's reading of the past: the commit listing and one file at a commit (DECISIONS §9, the time machine).
#include "gitdataclient.h"
#include "githubapi.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/history"_s;
const QString kUnread = u"Backup history not read"_s;

QString encodedPath(const QString &path)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(path, "/"));
}

} // namespace

QCoro::Task<Result<GitDataClient::CommitPage>> GitDataClient::commits(QString from, QString path, int perPage, int page)
{
    QString query = u"/commits?sha="_s + QString::fromUtf8(QUrl::toPercentEncoding(from));
    if (!path.isEmpty()) {
        query += u"&path="_s + encodedPath(path);
    }
    query += u"&per_page=%1&page=%2"_s.arg(perPage).arg(page);
    auto response = co_await send("GET", repoPath(query), {}, true);
    if (!response) {
        co_return std::unexpected(response.error().withConsequence(kUnread));
    }
    if (response->status == 409 || response->status == 404) {
        co_return CommitPage{}; // an empty repository or no such branch: nothing backed up yet
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(GitHubApi::httpError(*response, kUnread, kModule, u"listing the commits"_s));
    }
    const QJsonDocument document = response->json();
    if (!document.isArray()) {
        co_return fail(kUnread, kModule, u"GitHub's commit listing is not a JSON array."_s);
    }
    co_return CommitPage{document.array(), response->header("Link").contains("rel=\"next\"")};
}

QCoro::Task<Result<std::optional<QByteArray>>> GitDataClient::fileAt(QString commit, QString path)
{
    const QString what = u"reading %1 at %2"_s.arg(path, commit.left(12));
    auto response = co_await send(
        "GET", repoPath(u"/contents/"_s + encodedPath(path) + u"?ref="_s + encodedPath(commit)), {}, true);
    if (!response) {
        co_return std::unexpected(response.error().withConsequence(kUnread));
    }
    if (response->status == 404) {
        co_return std::nullopt;
    }
    if (!response->isSuccess()) {
        co_return std::unexpected(GitHubApi::httpError(*response, kUnread, kModule, what));
    }
    const QJsonObject file = response->json().object();
    if (file.value(u"type"_s).toString() != u"file"_s) {
        co_return fail(kUnread, kModule, u"%1 is not a file at %2."_s.arg(path, commit.left(12)));
    }
    if (file.value(u"encoding"_s).toString() == u"base64"_s) {
        auto decoded
            = QByteArray::fromBase64Encoding(file.value(u"content"_s).toString().toLatin1().replace('\n', QByteArray()),
                QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            co_return fail(kUnread, kModule, u"GitHub's copy of %1 is not valid Base64."_s.arg(path));
        }
        co_return std::optional<QByteArray>(std::move(*decoded));
    }
    // Over 1 MB the Contents API answers no content: the blob it names has it.
    auto bytes = co_await blob(file.value(u"sha"_s).toString());
    if (!bytes) {
        co_return std::unexpected(bytes.error());
    }
    co_return std::optional<QByteArray>(std::move(*bytes));
}

} // namespace Notechondria
