// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncschedule.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Notechondria {

QString SyncSchedule::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Every:
        return u"every"_s;
    case Mode::AfterSettle:
        return u"after_settle"_s;
    case Mode::Off:
        break;
    }
    return u"off"_s;
}

std::optional<SyncSchedule::Mode> SyncSchedule::modeNamed(const QString &name)
{
    for (const Mode mode : {Mode::Off, Mode::Every, Mode::AfterSettle}) {
        if (modeName(mode) == name) {
            return mode;
        }
    }
    return std::nullopt;
}

Result<qint64> SyncSchedule::parseDuration(const QString &text)
{
    static const QRegularExpression pattern(u"^(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,8})s)?$"_s);
    const QString trimmed = text.trimmed().toLower();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    const QString consequence = u"Schedule not set"_s;
    const QString process = u"Core.Sync/schedule"_s;
    if (trimmed.isEmpty() || !match.hasMatch()) {
        return fail(consequence, process,
            u"'%1' is not a duration; write hours, minutes and seconds such as 15m, 30s, 1h or 2h30m"_s.arg(
                text.left(40)));
    }
    const qint64 seconds
        = match.captured(1).toLongLong() * 3600 + match.captured(2).toLongLong() * 60 + match.captured(3).toLongLong();
    if (seconds < 1 || seconds > maxIntervalSeconds) {
        return fail(consequence, process,
            u"'%1' is outside the range of a schedule (1s to 7 days, i.e. 168h)"_s.arg(text.left(40)));
    }
    return seconds;
}

QString SyncSchedule::formatDuration(qint64 seconds)
{
    QString text;
    if (seconds >= 3600) {
        text += u"%1h"_s.arg(seconds / 3600);
    }
    if (seconds % 3600 >= 60) {
        text += u"%1m"_s.arg(seconds % 3600 / 60);
    }
    if (seconds % 60 != 0 || text.isEmpty()) {
        text += u"%1s"_s.arg(seconds % 60);
    }
    return text;
}

} // namespace Notechondria
