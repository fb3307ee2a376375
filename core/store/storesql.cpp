// SPDX-License-Identifier: GPL-3.0-or-later
#include "storesql.h"

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

std::optional<QDateTime> toDateTime(const QVariant &value)
{
    if (value.isNull()) {
        return std::nullopt;
    }
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
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
