// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: how values of the account types are bound to and read from SQLite columns.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QUuid>
#include <QVariant>

#include <optional>

namespace Notechondria::StoreSql {

/// A text column of a timestamp: UTC, ISO 8601 with milliseconds ("2026-07-20T12:34:56.123Z"), sortable as text.
[[nodiscard]] QVariant fromDateTime(const QDateTime &value);
[[nodiscard]] QVariant fromDateTime(const std::optional<QDateTime> &value);
[[nodiscard]] std::optional<QDateTime> toDateTime(const QVariant &value);
[[nodiscard]] QVariant fromDate(const std::optional<QDate> &value);
[[nodiscard]] QVariant fromDate(const QDate &value);
[[nodiscard]] std::optional<QDate> toDate(const QVariant &value);
[[nodiscard]] QVariant fromUuid(const QUuid &value);
[[nodiscard]] QVariant fromId(const std::optional<qint64> &value);
[[nodiscard]] std::optional<qint64> toId(const QVariant &value);
[[nodiscard]] QVariant fromInt(const std::optional<int> &value);
[[nodiscard]] std::optional<int> toInt(const QVariant &value);
[[nodiscard]] QVariant fromText(const std::optional<QString> &value);
/// Never a null text: "" for NULL (NOT NULL text columns stay non-null through Qt).
[[nodiscard]] QVariant text(const QString &value);
[[nodiscard]] QVariant blob(const QByteArray &value);

} // namespace Notechondria::StoreSql
