// SPDX-License-Identifier: GPL-3.0-or-later
#include "routesupport.h"

#include "store.h"

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

} // namespace Notechondria::RouteSupport
