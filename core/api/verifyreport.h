// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Notechondria {

/// A test restore's result as the local server answers it (`POST` / `GET integrations/github/verify/`).
struct VerifyReport
{
    /// One damaged or missing file.
    struct Problem
    {
        QString kind; ///< "missing", "damaged", "unlisted", "unreadable" or "restores_differently"
        QString path;
        QString title; ///< the note's or course's title, "" when the file has none
        QString message; ///< three-part, for the log and the details
    };

    QString commit;
    QDateTime verifiedAt;
    bool complete = false;
    int files = 0; ///< files of the commit checked against their git blob ids
    int notes = 0;
    int courses = 0;
    QList<Problem> problems;

    /// The report in @p object; nullopt when it names no commit or time (a `"last": null`).
    [[nodiscard]] static std::optional<VerifyReport> fromJson(const QJsonObject &object);
};

} // namespace Notechondria
