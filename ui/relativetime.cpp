// SPDX-License-Identifier: GPL-3.0-or-later
#include "relativetime.h"

#include <QCoreApplication>
#include <QLocale>

namespace Notechondria {

namespace {

// Every text is marked with QT_TRANSLATE_NOOP so that lupdate files it under the context used here.
QString translated(const char *text)
{
    return QCoreApplication::translate("RelativeTime", text);
}

QString count(qint64 n, const char *one, const char *many)
{
    return n == 1 ? translated(one) : translated(many).arg(n);
}

} // namespace

QString relativeTimeText(const QDateTime &then, const QDateTime &now)
{
    const qint64 seconds = then.secsTo(now);
    if (seconds < 0) {
        return translated(QT_TRANSLATE_NOOP("RelativeTime", "just now"));
    }
    if (seconds < 45) {
        return translated(QT_TRANSLATE_NOOP("RelativeTime", "just now"));
    }
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 60) {
        return count(minutes, QT_TRANSLATE_NOOP("RelativeTime", "1 minute ago"),
            QT_TRANSLATE_NOOP("RelativeTime", "%1 minutes ago"));
    }
    const qint64 hours = (minutes + 30) / 60;
    if (hours < 24) {
        return count(
            hours, QT_TRANSLATE_NOOP("RelativeTime", "1 hour ago"), QT_TRANSLATE_NOOP("RelativeTime", "%1 hours ago"));
    }
    const qint64 days = then.toLocalTime().date().daysTo(now.toLocalTime().date());
    if (days <= 1) {
        return translated(QT_TRANSLATE_NOOP("RelativeTime", "yesterday"));
    }
    if (days < 30) {
        return count(
            days, QT_TRANSLATE_NOOP("RelativeTime", "1 day ago"), QT_TRANSLATE_NOOP("RelativeTime", "%1 days ago"));
    }
    return translated(QT_TRANSLATE_NOOP("RelativeTime", "on %1"))
        .arg(QLocale().toString(then.toLocalTime().date(), QLocale::ShortFormat));
}

} // namespace Notechondria
