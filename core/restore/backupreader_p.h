// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The parts of readBackup(): where a backup's files come from and the JSON field readers (backupsource.cpp), the
// notes and the recycle bin (backupnotes.cpp); profile, courses, planner and assets are read in backupreader.cpp.

#include "backupreader.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <memory>
#include <optional>

namespace Notechondria::BackupReading {

inline const QString module = QStringLiteral("Core.Restore/read_backup");

/// Reads the files of one backup, from a folder or from memory, reporting what cannot be read.
class BackupSource
{
public:
    explicit BackupSource(QList<BackupProblem> &problems)
        : m_problems(problems)
    {
    }
    virtual ~BackupSource() = default;

    [[nodiscard]] virtual bool exists(const QString &relative) const = 0;
    virtual std::optional<QByteArray> read(const QString &relative) = 0;
    /// Relative paths of the files directly in @p folder whose names end with @p suffix, sorted.
    [[nodiscard]] virtual QStringList list(const QString &folder, const QString &suffix) const = 0;
    /// Relative paths of every file below @p folder, sorted.
    [[nodiscard]] virtual QStringList listAll(const QString &folder) const = 0;

    std::optional<QJsonObject> readObject(const QString &relative);
    /// Reports @p relative as not restored, for @p cause.
    void problem(const QString &relative, const QString &cause);

private:
    QList<BackupProblem> &m_problems;
};

/// The files of the folder @p root (a canonical path): refuses paths that lead outside it and files over @p maxBytes.
[[nodiscard]] std::unique_ptr<BackupSource> folderSource(QString root, qint64 maxBytes, QList<BackupProblem> &problems);
/// The files of a backup held in memory (relative path → bytes), which must outlive the source.
[[nodiscard]] std::unique_ptr<BackupSource> memorySource(
    const QHash<QString, QByteArray> &files, QList<BackupProblem> &problems);

/// An ISO date-time as UTC, or nothing when @p value is not one.
[[nodiscard]] std::optional<QDateTime> dateTime(const QJsonValue &value);
/// An ISO date, or nothing when @p value is not one.
[[nodiscard]] std::optional<QDate> date(const QJsonValue &value);
/// A number as an id, or nothing.
[[nodiscard]] std::optional<qint64> optionalId(const QJsonValue &value);
/// The string at @p key, or an empty one.
[[nodiscard]] QString text(const QJsonObject &object, const QString &key);
/// Upstream writes JSON text fields as strings; tolerate objects and arrays (re-encoded) too.
[[nodiscard]] QString jsonText(const QJsonValue &value);

/// The notes: every notes/<uuid>.meta.json with its .md, then each .md without a .meta.json.
void readNotes(BackupSource &reader, Backup &backup, const QHash<QString, qint64> &courseIds);
/// The recycle bin's notes (deletedAt set, no content).
void readRecycleBin(BackupSource &reader, Backup &backup);

} // namespace Notechondria::BackupReading
