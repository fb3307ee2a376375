// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: what every part of it shares (the connection, the clock, statement helpers).
#pragma once

#include "error.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <optional>

namespace Notechondria {

class Clock;
struct StoredFile;

/**
 * The SQLite connection of one store and the helpers its parts (ProfileRecords, NoteRecords, ...) run statements
 * through. Every statement is prepared with positional bound values; every failure is a three-part Error naming the
 * consequence and the process the caller passes, and is logged to notechondria.store.
 *
 * Not a QObject; used from one thread. The connection gets a unique Qt connection name, removed on destruction.
 */
class StoreContext
{
public:
    /// A context for the file at @p path (not opened yet). @p clock must outlive it.
    StoreContext(QString path, const Clock *clock);
    ~StoreContext();
    StoreContext(const StoreContext &) = delete;
    StoreContext &operator=(const StoreContext &) = delete;

    /// Opens the connection (QSQLITE, 5 s busy timeout). Writes nothing to the file.
    [[nodiscard]] Result<void> connect(const QString &consequence, const QString &process);
    /// WAL journal, synchronous=FULL and foreign keys on, for this connection.
    [[nodiscard]] Result<void> configure(const QString &consequence, const QString &process);

    [[nodiscard]] const QString &path() const;
    [[nodiscard]] QSqlDatabase &database();
    /// The clock's time, in UTC.
    [[nodiscard]] QDateTime now() const;

    /// Prepares and runs @p sql with positional @p values; the error says what could not be done.
    [[nodiscard]] Result<QSqlQuery> exec(
        const QString &sql, const QVariantList &values, const QString &consequence, const QString &process) const;
    /// exec() for a statement whose result is not read.
    [[nodiscard]] Result<void> run(
        const QString &sql, const QVariantList &values, const QString &consequence, const QString &process) const;
    /// Runs @p statements (no bound values) in order, stopping at the first failure.
    [[nodiscard]] Result<void> runAll(
        const QStringList &statements, const QString &consequence, const QString &process) const;
    /// Runs an UPDATE (or DELETE) of one row; fails with "no <what> with id <id>" when it matches none.
    [[nodiscard]] Result<void> updateOne(const QString &sql, const QVariantList &values, const QString &what, qint64 id,
        const QString &consequence, const QString &process) const;
    /**
     * Writes one row of @p table: id 0 inserts @p columns = @p values and returns the new id; any other id updates
     * that row (failing with "no <what> with id <id>" when there is none) and returns it. @p table and @p columns
     * are the store's own names, never user input.
     */
    [[nodiscard]] Result<qint64> saveRow(const QString &table, const QStringList &columns, const QVariantList &values,
        qint64 id, const QString &what, const QString &consequence, const QString &process) const;
    /// @p row with the id saveRow() gave it (or saveRow's error).
    template<typename T>
    [[nodiscard]] static Result<T> withId(const Result<qint64> &id, T row)
    {
        if (!id) {
            return std::unexpected(id.error());
        }
        row.id = *id;
        return row;
    }
    /// Every row of a SELECT's result, read by @p read (or the SELECT's error).
    template<typename T>
    [[nodiscard]] static Result<QList<T>> readAll(Result<QSqlQuery> q, T (*read)(const QSqlQuery &))
    {
        if (!q) {
            return std::unexpected(q.error());
        }
        QList<T> list;
        while (q->next()) {
            list.append(read(*q));
        }
        return list;
    }
    /// The error of a query that failed, three-part (and logged).
    [[nodiscard]] static Error sqlError(const QSqlQuery &query, const QString &consequence, const QString &process);

    /// Inserts @p file into the files table; nullopt (and nothing written) for an empty file.
    [[nodiscard]] Result<std::optional<qint64>> insertFile(
        const StoredFile &file, const QString &consequence, const QString &process) const;
    /// Deletes a row of the files table; no-op for nullopt.
    [[nodiscard]] Result<void> deleteFile(
        std::optional<qint64> id, const QString &consequence, const QString &process) const;
    /// How many rows name the file @p id: note covers, attachments and the avatar.
    [[nodiscard]] Result<qint64> fileUses(qint64 id, const QString &consequence, const QString &process) const;
    /// Inserts @p file in place of @p oldId (if any) and returns the new id (nullopt when empty). The old file is
    /// deleted unless something besides the caller's row (still naming it) uses it too: a shared file stays.
    [[nodiscard]] Result<std::optional<qint64>> replaceFile(
        std::optional<qint64> oldId, const StoredFile &file, const QString &consequence, const QString &process) const;

    /// Runs @p work inside a savepoint: released when it succeeds, rolled back when it fails. Nests.
    [[nodiscard]] Result<void> transaction(const std::function<Result<void>()> &work);
    /// Whether a transaction() is running: what it writes may still be rolled back.
    [[nodiscard]] bool inTransaction() const { return m_transactionDepth > 0; }
    /**
     * Runs @p work, which only reads, so that all its statements see one state of the file (a deferred transaction:
     * other connections' writes in the meantime stay out of it). Inside a transaction() or another snapshot it just
     * runs @p work, which sees that one's state. Not a transaction() for inTransaction(): nothing in it can be
     * rolled back.
     */
    [[nodiscard]] Result<void> readSnapshot(const std::function<Result<void>()> &work);

private:
    QString m_path;
    QString m_connectionName;
    const Clock *m_clock = nullptr;
    QSqlDatabase m_db;
    int m_transactionDepth = 0;
    bool m_inSnapshot = false;
};

} // namespace Notechondria
