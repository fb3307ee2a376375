// SPDX-License-Identifier: GPL-3.0-or-later
// NotechondriaClient: test restore of the backup (issue #16) and the last verification.
#include "notechondriaclient.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria {

QCoro::Task<Result<VerifyReport>> NotechondriaClient::verifyBackup(QString commit)
{
    QJsonObject body;
    if (!commit.isEmpty()) {
        body.insert(u"commit"_s, commit);
    }
    const Result<QJsonValue> answer = co_await call("POST", u"integrations/github/verify/"_s, {}, QJsonDocument(body));
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    const auto report = VerifyReport::fromJson(answer->toObject());
    if (!report) {
        co_return fail(u"Backup not verified"_s, u"Frontend.Api/POST integrations/github/verify/"_s,
            u"the server's answer names no commit."_s);
    }
    co_return *report;
}

QCoro::Task<Result<std::optional<VerifyReport>>> NotechondriaClient::lastVerification()
{
    const Result<QJsonValue> answer = co_await call("GET", u"integrations/github/verify/"_s);
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    co_return VerifyReport::fromJson(answer->toObject().value("last"_L1).toObject());
}

} // namespace Notechondria
