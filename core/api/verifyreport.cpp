// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifyreport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Notechondria {

std::optional<VerifyReport> VerifyReport::fromJson(const QJsonObject &object)
{
    VerifyReport report;
    report.commit = object.value("commit"_L1).toString();
    report.verifiedAt = QDateTime::fromString(object.value("verified_at"_L1).toString(), Qt::ISODateWithMs);
    if (report.commit.isEmpty() || !report.verifiedAt.isValid()) {
        return std::nullopt;
    }
    report.complete = object.value("complete"_L1).toBool();
    report.files = object.value("files"_L1).toInt();
    report.notes = object.value("notes"_L1).toInt();
    report.courses = object.value("courses"_L1).toInt();
    for (const QJsonValue value : object.value("problems"_L1).toArray()) {
        const QJsonObject entry = value.toObject();
        report.problems.append(Problem{entry.value("kind"_L1).toString(), entry.value("path"_L1).toString(),
            entry.value("title"_L1).toString(), entry.value("message"_L1).toString()});
    }
    return report;
}

} // namespace Notechondria
