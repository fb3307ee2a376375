// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria {

ApiResponse ApiResponse::json(const QJsonValue &value, int status)
{
    QJsonDocument document;
    if (value.isArray()) {
        document.setArray(value.toArray());
    } else {
        document.setObject(value.toObject());
    }
    return ApiResponse{status, document.toJson(QJsonDocument::Compact), "application/json"};
}

ApiResponse ApiResponse::detail(int status, const QString &consequence, const QString &module, const QString &cause)
{
    return fromError(Error{consequence, module, cause, status}, status);
}

ApiResponse ApiResponse::fromError(const Error &error, int fallbackStatus)
{
    const int status = error.httpStatus >= 400 && error.httpStatus < 600 ? error.httpStatus : fallbackStatus;
    return json(QJsonObject{{u"detail"_s, redactSecrets(error.message())}}, status);
}

ApiResponse ApiResponse::fieldErrors(const QMap<QString, QStringList> &errors, int status)
{
    QJsonObject object;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        object.insert(it.key(), QJsonArray::fromStringList(it.value()));
    }
    return json(object, status);
}

ApiResponse ApiResponse::html(int status, const QString &title, const QString &text)
{
    const QString page = u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"_s
        % title.toHtmlEscaped() % u"</title></head>\n<body style=\"font-family: sans-serif; margin: 3em\"><h1>"_s
        % title.toHtmlEscaped() % u"</h1>\n<p>"_s % text.toHtmlEscaped() % u"</p></body></html>\n"_s;
    return ApiResponse{status, page.toUtf8(), "text/html; charset=utf-8"};
}

} // namespace Notechondria
