// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifyroutes.h"

#include "apirouter.h"
#include "backupverify.h"
#include "logging.h"
#include "routesupport.h"
#include "store.h"

#include <QFileInfo>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kConsequence = u"Backup not verified"_s;
const QString kModule = u"Core.Server.GitHubSync/verify"_s;

} // namespace

VerifyRoutes::VerifyRoutes(
    Store *store, GitHubApi *github, const Clock *clock, std::function<bool()> busy, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_github(github)
    , m_clock(clock)
    , m_busy(std::move(busy))
{
}

void VerifyRoutes::registerOn(ApiRouter &router)
{
    using Method = QHttpServerRequest::Method;
    router.addAsyncRoute(
        u"integrations/github/verify"_s, Method::Post, [this](ApiRequest r) { return verify(std::move(r)); });
    router.addRoute(u"integrations/github/verify"_s, Method::Get, [this](const ApiRequest &) { return last(); });
}

QCoro::Task<ApiResponse> VerifyRoutes::verify(ApiRequest request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        co_return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    const QString commit = in.string(u"commit"_s, 40).value_or(QString()).trimmed().toLower();
    if (!commit.isEmpty() && !RouteSupport::isFullCommitId(commit)) {
        in.addError(u"commit"_s, u"A full 40-character commit id."_s);
    }
    if (!in.ok()) {
        co_return in.errorResponse();
    }
    if (m_running || (m_busy && m_busy())) {
        co_return ApiResponse::detail(409, kConsequence, kModule,
            u"a push, a restore or a test restore is already running; wait for it to finish."_s);
    }
    auto integration = RouteSupport::connectedRepository(*m_store, m_github, kConsequence, kModule);
    if (auto *answer = std::get_if<ApiResponse>(&integration)) {
        co_return *answer;
    }
    QPointer<VerifyRoutes> self(this);
    const QString databasePath = m_store->path();
    m_running = true;
    BackupVerifier verifier(m_github, m_clock);
    const auto result = co_await verifier.verify(
        std::get<GitHubIntegration>(integration), commit, QFileInfo(databasePath).absolutePath());
    if (!self) {
        co_return ApiResponse::detail(503, kConsequence, kModule, u"the local server is shutting down."_s);
    }
    m_running = false;
    if (!result) {
        co_return ApiResponse::fromError(result.error(), 502);
    }
    if (auto recorded = BackupVerifier::record(databasePath, *result); !recorded) {
        qCWarning(lcServer).noquote() << redactSecrets(recorded.error().message());
    }
    QJsonObject answer = result->toJson();
    answer.insert(u"complete"_s, result->complete());
    co_return ApiResponse::json(answer);
}

ApiResponse VerifyRoutes::last() const
{
    const auto verification = BackupVerifier::last(m_store->path());
    return ApiResponse::json(
        QJsonObject{{u"last"_s, verification ? QJsonValue(verification->toJson()) : QJsonValue(QJsonValue::Null)}});
}

} // namespace Notechondria
