// SPDX-License-Identifier: GPL-3.0-or-later
#include "storesql.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Notechondria::StoreSql {

QVariant fromDateTime(const QDateTime &value)
{
    return value.isValid() ? QVariant(value.toUTC().toString(Qt::ISODateWithMs))
                           : QVariant(QMetaType::fromType<QString>());
}

QVariant fromDateTime(const std::optional<QDateTime> &value)
{
    return value ? fromDateTime(*value) : QVariant(QMetaType::fromType<QString>());
}

namespace {

/// The shape fromDateTime() writes, "2026-01-02T03:04:05.678Z", read without QDateTime::fromString's general parser
/// (a few times faster; an export reads three per note). nullopt for any other text.
std::optional<QDateTime> parseStoredUtc(QStringView text)
{
    if (text.size() != 24 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':'
        || text[16] != u':' || text[19] != u'.' || text[23] != u'Z') {
        return std::nullopt;
    }
    bool ok = true;
    const auto number = [&](qsizetype from, qsizetype length) {
        int value = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9') {
                ok = false;
                return 0;
            }
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
    if (!ok || !date.isValid() || !time.isValid()) {
        return std::nullopt;
    }
    return QDateTime(date, time, QTimeZone::UTC);
}

} // namespace

std::optional<QDateTime> toDateTime(const QVariant &value)
{
    if (value.isNull()) {
        return std::nullopt;
    }
    const QString text = value.toString();
    if (auto fast = parseStoredUtc(text)) {
        return fast;
    }
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        return std::nullopt;
    }
    return parsed.toUTC();
}

QVariant fromDate(const QDate &value)
{
    return value.isValid() ? QVariant(value.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QVariant fromDate(const std::optional<QDate> &value)
{
    return value ? fromDate(*value) : QVariant(QMetaType::fromType<QString>());
}

std::optional<QDate> toDate(const QVariant &value)
{
    if (value.isNull()) {
        return std::nullopt;
    }
    const QDate parsed = QDate::fromString(value.toString(), Qt::ISODate);
    return parsed.isValid() ? std::optional<QDate>(parsed) : std::nullopt;
}

QVariant fromUuid(const QUuid &value)
{
    return value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value.toString(QUuid::WithoutBraces));
}

QVariant fromId(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qlonglong>());
}

std::optional<qint64> toId(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QVariant fromInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

std::optional<int> toInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

QVariant fromText(const std::optional<QString> &value)
{
    return value ? text(*value) : QVariant(QMetaType::fromType<QString>());
}

QVariant text(const QString &value)
{
    // A null QString binds as SQL NULL; NOT NULL text columns want "".
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

QVariant blob(const QByteArray &value)
{
    return value.isNull() ? QVariant(QByteArray("", 0)) : QVariant(value);
}

} // namespace Notechondria::StoreSql
