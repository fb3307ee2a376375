// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportpipeline.h"

#include "clock.h"
#include "gitblob.h"
#include "logging.h"
#include "store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/export"_s;
/// Notes read and rendered at a time.
constexpr qsizetype kNotesPerBatch = 1000;

} // namespace

ExportPipeline::ExportPipeline(const Store &store, const Clock &clock, bool includeAssets)
    : m_store(store)
    , m_clock(clock)
    , m_includeAssets(includeAssets)
{
}

Result<MaterializedExport> ExportPipeline::run(const QByteArray &previousManifest) const
{
    return materialize(previousManifest, true);
}

Result<MaterializedExport> ExportPipeline::materialize(const QByteArray &previousManifest, bool forSync) const
{
    MaterializedExport result;
    if (previousManifest.isEmpty() || isUsableManifest(previousManifest)) {
        result.previousManifest = previousManifest;
    } else if (!isEarlierManifest(previousManifest)) {
        qCWarning(lcSync).noquote() << u"Previous manifest ignored: %1 — it is not a manifest (no exported_at or "
                                       u"checksums_sha256); the export takes the current time as exported_at."_s.arg(
                                           kModule);
    }
    ExportOptions options;
    options.includeAssets = m_includeAssets;
    options.previousManifest = result.previousManifest;
    options.now = m_clock.now();
    options.keepIndex = forSync;
    // The notes are read and rendered a page at a time: the export holds its files, not the account's notes too.
    ExportBuilder builder(options);
    auto read = m_store.readAccount(
        m_includeAssets, kNotesPerBatch,
        [&](const AccountSnapshot &parts) {
            result.account = parts;
            builder.begin(parts);
        },
        [&](const QList<Note> &notes) {
            result.noteCount += notes.size();
            builder.addNotes(notes);
            if (!forSync) {
                return;
            }
            for (const Note &note : notes) {
                const QString hex = note.uuid.toString(QUuid::Id128);
                result.noteTitles.insert(hex, note.title);
                if (!note.deletedAt) {
                    result.liveNoteIds.insert(hex);
                }
            }
        });
    if (!read) {
        return std::unexpected(read.error());
    }
    result.tree = builder.finish();
    return result;
}

Result<ExportTree> ExportPipeline::tree(const QByteArray &previousManifest) const
{
    auto materialized = materialize(previousManifest, false);
    if (!materialized) {
        return std::unexpected(materialized.error());
    }
    return std::move(materialized->tree);
}

bool ExportPipeline::isUsableManifest(const QByteArray &manifest)
{
    const QJsonObject object = QJsonDocument::fromJson(manifest).object();
    const QJsonValue exportedAt = object.value(u"exported_at"_s);
    return exportedAt.isString() && QDateTime::fromString(exportedAt.toString(), Qt::ISODateWithMs).isValid()
        && object.value(u"checksums_sha256"_s).isString();
}

bool ExportPipeline::isEarlierManifest(const QByteArray &manifest)
{
    const int schema = QJsonDocument::fromJson(manifest).object().value(u"schema_version"_s).toInt();
    return schema == 1 || schema == 2;
}

QString ExportPipeline::lastManifestPathFor(const QString &databasePath)
{
    return QFileInfo(databasePath).dir().filePath(u"last-push-manifest.json"_s);
}

QByteArray ExportPipeline::readManifest(const QString &path, const QByteArray &blobId)
{
    QFile file(path);
    if (blobId.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray bytes = file.readAll();
    return GitBlob::id(bytes) == blobId ? bytes : QByteArray();
}

Result<QByteArray> ExportPipeline::lastSyncedManifest(const Store &store)
{
    auto base = store.syncBase();
    if (!base) {
        return std::unexpected(base.error());
    }
    return readManifest(lastManifestPathFor(store.path()), base->value(u"manifest.json"_s).base.toLatin1());
}

} // namespace Notechondria
