// SPDX-License-Identifier: GPL-3.0-or-later
// NotechondriaClient: the GitHub App creation (App Manifest flow) and the installation check (issue #15).
#include "notechondriaclient.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria {

QCoro::Task<Result<QJsonObject>> NotechondriaClient::startAppManifest(QString owner)
{
    QJsonObject body;
    if (!owner.isEmpty()) {
        body.insert(u"owner"_s, owner);
    }
    const Result<QJsonValue> answer
        = co_await call("POST", u"integrations/github/app-manifest/"_s, {}, QJsonDocument(body));
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    co_return answer->toObject();
}

QCoro::Task<Result<InstallationInfo>> NotechondriaClient::checkInstallation(QString installationId)
{
    const Result<QJsonValue> answer = co_await call("GET",
        u"integrations/github/installations/%1/"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(installationId))));
    if (!answer) {
        co_return std::unexpected(answer.error());
    }
    const QJsonObject object = answer->toObject();
    co_return InstallationInfo{
        object.value("id"_L1).toVariant().toString(), object.value("account_login"_L1).toString()};
}

} // namespace Notechondria
