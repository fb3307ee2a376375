// SPDX-License-Identifier: GPL-3.0-or-later
#include "restoresnapshots.h"

#include "clock.h"
#include "logging.h"
#include "store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString takeModule = u"Core.Restore/snapshot"_s;
const QString undoModule = u"Core.Restore/undo"_s;
constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions ownerOnlyFolder = ownerOnlyFile | QFileDevice::ExeOwner;

const QRegularExpression &snapshotName()
{
    static const QRegularExpression pattern(u"^restore-(\\d{1,9})(\\.undone)?\\.sqlite$"_s);
    return pattern;
}

int sequenceOf(const RestoreSnapshot &snapshot)
{
    return snapshotName().match(QFileInfo(snapshot.path).fileName()).captured(1).toInt();
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        QFile::remove(path + suffix);
    }
}

/// `VACUUM INTO` through a connection of its own: a consistent copy of what is committed, the open store untouched.
Result<void> vacuumInto(const QString &databasePath, const QString &target)
{
    const QString connection = u"notechondria-snapshot-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.prepare(u"VACUUM INTO ?"_s)) {
                failure = query.lastError().text();
            } else {
                query.addBindValue(target);
                if (!query.exec()) {
                    failure = query.lastError().text();
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!failure.isEmpty()) {
        return fail(u"Cannot keep the account for undo"_s, takeModule, u"%1 (%2)"_s.arg(failure, databasePath));
    }
    return {};
}

} // namespace

RestoreSnapshots::RestoreSnapshots(QString directory, int keep)
    : m_directory(std::move(directory))
    , m_keep(std::max(1, keep))
{
}

QString RestoreSnapshots::directoryFor(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(u"restore-snapshots"_s);
}

Result<void> RestoreSnapshots::prepareDirectory() const
{
    if (!QDir().mkpath(m_directory) || !QFile::setPermissions(m_directory, ownerOnlyFolder)) {
        return fail(u"Cannot keep the account for undo"_s, takeModule,
            u"the folder %1 cannot be created or made owner-only"_s.arg(m_directory));
    }
    return {};
}

QList<RestoreSnapshot> RestoreSnapshots::list() const
{
    QList<RestoreSnapshot> snapshots;
    const QFileInfoList files = QDir(m_directory).entryInfoList({u"restore-*.sqlite"_s}, QDir::Files);
    for (const QFileInfo &file : files) {
        const auto match = snapshotName().match(file.fileName());
        if (match.hasMatch()) {
            snapshots.append({file.absoluteFilePath(), file.lastModified().toUTC(), match.hasCaptured(2)});
        }
    }
    std::ranges::sort(snapshots, {}, sequenceOf);
    return snapshots;
}

std::optional<RestoreSnapshot> RestoreSnapshots::pending() const
{
    const QList<RestoreSnapshot> snapshots = list();
    if (snapshots.isEmpty() || snapshots.last().undone) {
        return std::nullopt;
    }
    return snapshots.last();
}

void RestoreSnapshots::dropOldest() const
{
    QList<RestoreSnapshot> snapshots = list();
    while (snapshots.size() > m_keep) {
        removeDatabaseFiles(snapshots.takeFirst().path);
    }
}

Result<RestoreSnapshot> RestoreSnapshots::take(const Store &store)
{
    if (auto ready = prepareDirectory(); !ready) {
        return std::unexpected(ready.error());
    }
    const QList<RestoreSnapshot> existing = list();
    const int next = existing.isEmpty() ? 1 : sequenceOf(existing.last()) + 1;
    const QString path = QDir(m_directory).filePath(u"restore-%1.sqlite"_s.arg(next, 6, 10, QChar(u'0')));
    removeDatabaseFiles(path);
    if (auto copied = vacuumInto(store.path(), path); !copied) {
        removeDatabaseFiles(path);
        return std::unexpected(copied.error());
    }
    if (!QFile::setPermissions(path, ownerOnlyFile)) {
        removeDatabaseFiles(path);
        return fail(u"Cannot keep the account for undo"_s, takeModule, u"%1 cannot be made owner-only"_s.arg(path));
    }
    dropOldest();
    qCInfo(lcRestore).noquote() << u"Account kept for undo: "_s + takeModule + u" \u2014 "_s + path;
    return RestoreSnapshot{path, QFileInfo(path).lastModified().toUTC(), false};
}

void RestoreSnapshots::discard(const RestoreSnapshot &snapshot)
{
    removeDatabaseFiles(snapshot.path);
}

Result<RestoreUndone> RestoreSnapshots::undo(Store &store)
{
    const auto snapshot = pending();
    if (!snapshot) {
        return fail(u"Nothing to undo"_s, undoModule,
            list().isEmpty() ? u"no restore has been made here yet (no snapshot in %1)."_s.arg(m_directory)
                             : u"the last restore was already undone."_s,
            404);
    }
    AccountSnapshot account;
    {
        const SystemClock clock; // the snapshot is only read
        auto kept = Store::open(snapshot->path, &clock);
        if (!kept) {
            return std::unexpected(kept.error().withConsequence(u"Cannot undo the restore"_s));
        }
        auto read = (*kept)->snapshot(true);
        if (!read) {
            return std::unexpected(read.error().withConsequence(u"Cannot undo the restore"_s));
        }
        account = std::move(*read);
    }
    if (auto imported = store.importAccount(account); !imported) {
        return std::unexpected(imported.error().withConsequence(u"Cannot undo the restore"_s));
    }
    const QString undonePath = snapshot->path.chopped(int(qstrlen(".sqlite"))) + u".undone.sqlite"_s;
    removeDatabaseFiles(undonePath);
    if (!QFile::rename(snapshot->path, undonePath)) {
        qCWarning(lcRestore).noquote() << u"Undo not recorded: "_s + undoModule + u" \u2014 "_s + snapshot->path
                + u" could not be renamed; a second undo would bring it back again."_s;
    }
    RestoreUndone undone{*snapshot, 0, int(account.courses.size())};
    undone.snapshot.undone = true;
    undone.snapshot.path = undonePath;
    undone.notes = int(std::ranges::count_if(account.notes, [](const Note &note) { return !note.deletedAt; }));
    qCInfo(lcRestore).noquote() << u"Restore undone: "_s + undoModule + u" \u2014 the account from "_s
            + snapshot->takenAt.toString(Qt::ISODate) + u" is back (%1 notes)."_s.arg(undone.notes);
    return undone;
}

} // namespace Notechondria
