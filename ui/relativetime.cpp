// SPDX-License-Identifier: GPL-3.0-or-later
#include "relativetime.h"

#include <QCoreApplication>
#include <QLocale>

namespace Notechondria {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RelativeTime", text);
}

QString count(qint64 n, const char *one, const char *many)
{
    return n == 1 ? tr(one) : tr(many).arg(n);
}

} // namespace

QString relativeTimeText(const QDateTime &then, const QDateTime &now)
{
    const qint64 seconds = then.secsTo(now);
    if (seconds < 0) {
        return tr("just now");
    }
    if (seconds < 45) {
        return tr("just now");
    }
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 60) {
        return count(minutes, "1 minute ago", "%1 minutes ago");
    }
    const qint64 hours = (minutes + 30) / 60;
    if (hours < 24) {
        return count(hours, "1 hour ago", "%1 hours ago");
    }
    const qint64 days = then.toLocalTime().date().daysTo(now.toLocalTime().date());
    if (days <= 1) {
        return tr("yesterday");
    }
    if (days < 30) {
        return count(days, "1 day ago", "%1 days ago");
    }
    return tr("on %1").arg(QLocale().toString(then.toLocalTime().date(), QLocale::ShortFormat));
}

} // namespace Notechondria
