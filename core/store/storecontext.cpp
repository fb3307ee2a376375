// SPDX-License-Identifier: GPL-3.0-or-later
#include "storecontext.h"

#include "account.h"
#include "clock.h"
#include "logging.h"
#include "storesql.h"

#include <QSqlError>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

StoreContext::StoreContext(QString path, const Clock *clock)
    : m_path(std::move(path))
    , m_connectionName(u"notechondria-store-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_clock(clock)
{
}

StoreContext::~StoreContext()
{
    if (m_db.isValid()) {
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<void> StoreContext::connect(const QString &consequence, const QString &process)
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!m_db.open()) {
        return fail(consequence, process, u"%1 (%2)"_s.arg(m_db.lastError().text(), m_path));
    }
    return {};
}

Result<void> StoreContext::configure(const QString &consequence, const QString &process)
{
    return runAll({u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s, u"PRAGMA foreign_keys = ON"_s},
        consequence, process);
}

const QString &StoreContext::path() const
{
    return m_path;
}

QSqlDatabase &StoreContext::database()
{
    return m_db;
}

QDateTime StoreContext::now() const
{
    return m_clock->now().toUTC();
}

// ---- statements ----------------------------------------------------------------------------------------------------

Result<QSqlQuery> StoreContext::exec(
    const QString &sql, const QVariantList &values, const QString &consequence, const QString &process) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        return std::unexpected(sqlError(query, consequence, process));
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        return std::unexpected(sqlError(query, consequence, process));
    }
    return query;
}

Result<void> StoreContext::run(
    const QString &sql, const QVariantList &values, const QString &consequence, const QString &process) const
{
    return exec(sql, values, consequence, process).transform([](const QSqlQuery &) { });
}

Result<void> StoreContext::runAll(
    const QStringList &statements, const QString &consequence, const QString &process) const
{
    for (const QString &sql : statements) {
        if (auto done = run(sql, {}, consequence, process); !done) {
            return done;
        }
    }
    return {};
}

Result<void> StoreContext::updateOne(const QString &sql, const QVariantList &values, const QString &what, qint64 id,
    const QString &consequence, const QString &process) const
{
    auto q = exec(sql, values, consequence, process);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (q->numRowsAffected() == 0) {
        return fail(consequence, process, u"no %1 with id %2"_s.arg(what).arg(id));
    }
    return {};
}

Result<qint64> StoreContext::saveRow(const QString &table, const QStringList &columns, const QVariantList &values,
    qint64 id, const QString &what, const QString &consequence, const QString &process) const
{
    Q_ASSERT(columns.size() == values.size());
    if (id != 0) {
        const QString sql = u"UPDATE %1 SET %2 = ? WHERE id = ?"_s.arg(table, columns.join(u" = ?, "_s));
        return updateOne(sql, values + QVariantList{id}, what, id, consequence, process).transform([id] { return id; });
    }
    const QStringList marks(columns.size(), u"?"_s);
    const QString sql = u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, columns.join(u", "_s), marks.join(u", "_s));
    return exec(sql, values, consequence, process).transform([](const QSqlQuery &q) {
        return q.lastInsertId().toLongLong();
    });
}

Error StoreContext::sqlError(const QSqlQuery &query, const QString &consequence, const QString &process)
{
    const QSqlError error = query.lastError();
    QString cause = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (cause.isEmpty()) {
        cause = u"unknown SQLite error"_s;
    }
    Error result{consequence, process, cause};
    qCWarning(lcStore).noquote() << result.message();
    return result;
}

// ---- files ---------------------------------------------------------------------------------------------------------

Result<std::optional<qint64>> StoreContext::insertFile(
    const StoredFile &file, const QString &consequence, const QString &process) const
{
    if (file.isEmpty()) {
        return std::nullopt;
    }
    return exec(u"INSERT INTO files (file_name, content_type, bytes) VALUES (?, ?, ?)"_s,
        {text(file.fileName), text(file.contentType), blob(file.bytes)}, consequence, process)
        .transform([](const QSqlQuery &q) { return std::optional<qint64>(q.lastInsertId().toLongLong()); });
}

Result<void> StoreContext::deleteFile(
    std::optional<qint64> id, const QString &consequence, const QString &process) const
{
    if (!id) {
        return {};
    }
    return run(u"DELETE FROM files WHERE id = ?"_s, {*id}, consequence, process);
}

Result<qint64> StoreContext::fileUses(qint64 id, const QString &consequence, const QString &process) const
{
    auto q = exec(u"SELECT (SELECT count(*) FROM notes WHERE cover_file_id = ?) "
                  "+ (SELECT count(*) FROM attachments WHERE file_id = ?) "
                  "+ (SELECT count(*) FROM profile WHERE avatar_file_id = ?)"_s,
        {id, id, id}, consequence, process);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<std::optional<qint64>> StoreContext::replaceFile(
    std::optional<qint64> oldId, const StoredFile &file, const QString &consequence, const QString &process) const
{
    if (oldId) {
        const auto uses = fileUses(*oldId, consequence, process);
        if (!uses) {
            return std::unexpected(uses.error());
        }
        if (*uses <= 1) {
            if (auto removed = deleteFile(oldId, consequence, process); !removed) {
                return std::unexpected(removed.error());
            }
        }
    }
    return insertFile(file, consequence, process);
}

// ---- transactions --------------------------------------------------------------------------------------------------

Result<void> StoreContext::transaction(const std::function<Result<void>()> &work)
{
    const QString consequence = u"Cannot save changes"_s;
    const QString process = u"Core.Store/transaction"_s;
    const QString savepoint = u"sp%1"_s.arg(m_transactionDepth);
    if (auto begun = run(u"SAVEPOINT "_s + savepoint, {}, consequence, process); !begun) {
        return begun;
    }
    ++m_transactionDepth;
    Result<void> result = work();
    --m_transactionDepth;
    if (result) {
        result = run(u"RELEASE "_s + savepoint, {}, consequence, process);
        if (result) {
            return {};
        }
    }
    (void)run(u"ROLLBACK TO "_s + savepoint, {}, consequence, process);
    (void)run(u"RELEASE "_s + savepoint, {}, consequence, process);
    return result;
}

Result<void> StoreContext::readSnapshot(const std::function<Result<void>()> &work)
{
    if (m_transactionDepth > 0 || m_inSnapshot) {
        return work();
    }
    const QString consequence = u"Cannot read the local store"_s;
    const QString process = u"Core.Store/snapshot"_s;
    if (auto begun = run(u"BEGIN"_s, {}, consequence, process); !begun) {
        return begun;
    }
    m_inSnapshot = true;
    Result<void> result = work();
    m_inSnapshot = false;
    const auto ended = run(result ? u"COMMIT"_s : u"ROLLBACK"_s, {}, consequence, process);
    return result ? ended : result;
}

} // namespace Notechondria
