// SPDX-License-Identifier: GPL-3.0-or-later
#include "routesupport.h"

#include "store.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Notechondria::RouteSupport {

ApiResponse storeFailure(const Error &error)
{
    return ApiResponse::fromError(error, 500);
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s) && !url.host().isEmpty();
}

std::optional<ApiResponse> checkCourse(Store &store, const std::optional<qint64> &id, const QString &consequence)
{
    if (!id) {
        return std::nullopt;
    }
    const auto course = store.course(*id);
    if (!course) {
        return storeFailure(course.error());
    }
    if (!*course) {
        return ApiResponse::detail(
            404, consequence, u"Core.Server/course_lookup"_s, u"course %1 does not exist."_s.arg(*id));
    }
    return std::nullopt;
}

bool isFullCommitId(const QString &text)
{
    static const QRegularExpression fullSha(u"^[0-9a-f]{40}$"_s);
    return fullSha.match(text).hasMatch();
}

std::variant<GitHubIntegration, ApiResponse> connectedRepository(
    Store &store, const GitHubApi *github, const QString &consequence, const QString &module)
{
    const auto integration = store.integration();
    if (!integration) {
        return storeFailure(integration.error());
    }
    if (!*integration) {
        return ApiResponse::detail(400, consequence, module,
            u"no GitHub App installation linked to this account. Click \u201cInstall Notechondria GitHub App\u201d "
            u"first."_s);
    }
    if ((*integration)->repoFullName.isEmpty()) {
        return ApiResponse::detail(
            400, consequence, module, u"no repository is connected; choose one in the GitHub Sync card first."_s);
    }
    if (github == nullptr) {
        return ApiResponse::detail(400, consequence, module,
            u"no GitHub App is configured (set GITHUB_DATA_SYNC_APP_* or the App settings)."_s);
    }
    return **integration;
}

} // namespace Notechondria::RouteSupport
