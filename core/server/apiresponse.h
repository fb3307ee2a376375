// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QStringList>

#include <utility>

namespace Notechondria {

/// What a local-server handler answers: a status, a body and its media type.
struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    /// Extra header lines (name, value), e.g. for /media/ files; the transport writes its own after them.
    QList<std::pair<QByteArray, QByteArray>> headers = {};

    /// A JSON answer (compact).
    [[nodiscard]] static ApiResponse json(const QJsonValue &value, int status = 200);
    /// `{"detail": "<consequence>: <module> — <cause>"}`.
    [[nodiscard]] static ApiResponse detail(
        int status, const QString &consequence, const QString &module, const QString &cause);
    /// `{"detail": error.message()}` with the error's HTTP status, or `fallbackStatus` when it has none.
    [[nodiscard]] static ApiResponse fromError(const Error &error, int fallbackStatus = 400);
    /// DRF-style field errors: `{"title": ["This field is required."]}`.
    [[nodiscard]] static ApiResponse fieldErrors(const QMap<QString, QStringList> &errors, int status = 400);
    /// A small UTF-8 HTML page.
    [[nodiscard]] static ApiResponse html(int status, const QString &title, const QString &text);
};

} // namespace Notechondria
