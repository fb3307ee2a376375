// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the connection, statement helpers and value conversions shared by its .cpp files.
#pragma once

#include "store.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace Notechondria {

class Clock;

namespace StoreSql {

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

} // namespace StoreSql

struct Store::Private
{
    QString path;
    QString connectionName;
    const Clock *clock = nullptr;
    QSqlDatabase db;
    int transactionDepth = 0;

    /// Prepares and runs @p sql with positional @p values; the error says what could not be done.
    [[nodiscard]] Result<QSqlQuery> exec(
        const QString &sql, const QVariantList &values, const QString &consequence, const QString &process) const;
    /// The error of a query that failed, three-part.
    [[nodiscard]] static Error sqlError(const QSqlQuery &query, const QString &consequence, const QString &process);

    [[nodiscard]] QDateTime now() const;

    // Files (BLOB table).
    [[nodiscard]] Result<std::optional<qint64>> insertFile(
        const StoredFile &file, const QString &consequence, const QString &process);
    [[nodiscard]] Result<void> deleteFile(std::optional<qint64> id, const QString &consequence, const QString &process);

    [[nodiscard]] Result<std::optional<Course>> selectOneCourse(const QString &where, const QVariant &value) const;

    // Notes (storenotes.cpp).
    [[nodiscard]] Result<QList<Note>> selectNotes(const QString &where, const QVariantList &values,
        const QString &orderAndLimit, bool withFileBytes, const QString &consequence, const QString &process) const;
    [[nodiscard]] Result<std::optional<Note>> selectOneNote(
        const QString &where, const QVariantList &values, const QString &process) const;

    // Migrations (storemigrations.cpp).
    [[nodiscard]] Result<int> storedSchemaVersion() const;
    [[nodiscard]] Result<void> migrate(int from);
};

} // namespace Notechondria
