// SPDX-License-Identifier: GPL-3.0-or-later
// Where a backup's files come from (a folder, or memory) and the JSON field readers.
#include "backupreader_p.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Notechondria::BackupReading {

std::optional<QJsonObject> BackupSource::readObject(const QString &relative)
{
    const auto bytes = read(relative);
    if (!bytes) {
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        problem(relative,
            error.error != QJsonParseError::NoError
                ? u"invalid JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString())
                : u"the JSON is not an object"_s);
        return std::nullopt;
    }
    return document.object();
}

void BackupSource::problem(const QString &relative, const QString &cause)
{
    m_problems.append({relative, u"Item not restored: "_s + module + u" — "_s + relative + u": "_s + cause});
}

namespace {

/// Reads files of one backup folder, refusing anything outside it or too big.
class FolderReader final : public BackupSource
{
public:
    FolderReader(QString root, qint64 maxBytes, QList<BackupProblem> &problems)
        : BackupSource(problems)
        , m_root(std::move(root))
        , m_maxBytes(maxBytes)
    {
    }

    [[nodiscard]] bool exists(const QString &relative) const override
    {
        return QFileInfo::exists(m_root + u'/' + relative);
    }

    std::optional<QByteArray> read(const QString &relative) override
    {
        const QFileInfo info(m_root + u'/' + relative);
        if (!info.exists()) {
            return std::nullopt;
        }
        const QString canonical = info.canonicalFilePath();
        if (relative.contains(u".."_s) || !canonical.startsWith(m_root + u'/')) {
            problem(relative, u"the path leads outside the backup folder"_s);
            return std::nullopt;
        }
        if (!info.isFile()) {
            problem(relative, u"not a regular file"_s);
            return std::nullopt;
        }
        if (info.size() > m_maxBytes) {
            problem(relative, u"%1 bytes is over the %2-byte limit"_s.arg(info.size()).arg(m_maxBytes));
            return std::nullopt;
        }
        QFile file(canonical);
        if (!file.open(QIODevice::ReadOnly)) {
            problem(relative, file.errorString());
            return std::nullopt;
        }
        return file.readAll();
    }

    [[nodiscard]] QStringList list(const QString &folder, const QString &suffix) const override
    {
        QStringList names
            = QDir(m_root + u'/' + folder).entryList({u"*"_s + suffix}, QDir::Files | QDir::Hidden, QDir::Name);
        for (QString &name : names) {
            name = folder + u'/' + name;
        }
        return names;
    }

    [[nodiscard]] QStringList listAll(const QString &folder) const override
    {
        QDirIterator it(m_root + u'/' + folder, QDir::Files, QDirIterator::Subdirectories);
        QStringList paths;
        while (it.hasNext()) {
            paths.append(it.next().mid(m_root.size() + 1));
        }
        paths.sort();
        return paths;
    }

private:
    QString m_root;
    qint64 m_maxBytes;
};

/// Reads a backup held in memory (path → bytes), e.g. a sync's merged tree.
class MapReader final : public BackupSource
{
public:
    MapReader(const QHash<QString, QByteArray> &files, QList<BackupProblem> &problems)
        : BackupSource(problems)
        , m_files(files)
    {
    }

    [[nodiscard]] bool exists(const QString &relative) const override { return m_files.contains(relative); }

    std::optional<QByteArray> read(const QString &relative) override
    {
        const auto found = m_files.constFind(relative);
        return found == m_files.cend() ? std::nullopt : std::optional<QByteArray>(*found);
    }

    [[nodiscard]] QStringList list(const QString &folder, const QString &suffix) const override
    {
        QStringList names;
        const QString prefix = folder + u'/';
        for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
            if (it.key().startsWith(prefix) && it.key().endsWith(suffix)
                && !it.key().mid(prefix.size()).contains(u'/')) {
                names.append(it.key());
            }
        }
        names.sort();
        return names;
    }

    [[nodiscard]] QStringList listAll(const QString &folder) const override
    {
        QStringList names;
        for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
            if (it.key().startsWith(folder + u'/')) {
                names.append(it.key());
            }
        }
        names.sort();
        return names;
    }

private:
    const QHash<QString, QByteArray> &m_files;
};

} // namespace

std::unique_ptr<BackupSource> folderSource(QString root, qint64 maxBytes, QList<BackupProblem> &problems)
{
    return std::make_unique<FolderReader>(std::move(root), maxBytes, problems);
}

std::unique_ptr<BackupSource> memorySource(const QHash<QString, QByteArray> &files, QList<BackupProblem> &problems)
{
    return std::make_unique<MapReader>(files, problems);
}

std::optional<QDateTime> dateTime(const QJsonValue &value)
{
    if (!value.isString() || value.toString().isEmpty()) {
        return std::nullopt;
    }
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        return std::nullopt;
    }
    return parsed.toUTC();
}

std::optional<QDate> date(const QJsonValue &value)
{
    const QDate parsed = QDate::fromString(value.toString(), Qt::ISODate);
    return parsed.isValid() ? std::optional<QDate>(parsed) : std::nullopt;
}

std::optional<qint64> optionalId(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

QString text(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isObject()) {
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    if (value.isArray()) {
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace Notechondria::BackupReading
