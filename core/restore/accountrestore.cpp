// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountrestore.h"

#include "account.h"
#include "backupcheck.h"
#include "githubbackup.h"
#include "logging.h"
#include "restoresnapshots.h"
#include "store.h"

#include <QMimeDatabase>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

QUuid uuidFromHex(const QString &hex)
{
    if (hex.size() != 32) {
        return {};
    }
    return QUuid::fromString(
        u"%1-%2-%3-%4-%5"_s.arg(hex.left(8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20)));
}

} // namespace

QCoro::Task<Result<Backup>> readGitHubBackup(
    GitHubApi &github, const GitHubIntegration &integration, QString ref, QString directory)
{
    QStringList skipped;
    const auto files = co_await downloadBackup(
        github, integration.installationId, integration.repoFullName, ref, directory, &skipped);
    if (!files) {
        co_return std::unexpected(files.error());
    }
    qCInfo(lcRestore).noquote() << u"Backup downloaded: Core.Restore/download — %1 files from %2 at %3."_s.arg(*files)
                                       .arg(integration.repoFullName, ref);
    BackupReadOptions options;
    options.includeAssets = true;
    auto read = readBackup(directory, options);
    if (!read) {
        co_return std::unexpected(read.error());
    }
    if (auto refused = checkIsBackup(*read, u"%1 at %2"_s.arg(integration.repoFullName, ref)); !refused) {
        co_return std::unexpected(refused.error());
    }
    for (const QString &path : std::as_const(skipped)) {
        read->problems.append({path,
            u"Item not restored: Core.Restore/download \u2014 %1 is a link or too big and was skipped."_s.arg(path)});
    }
    co_return std::move(*read);
}

void attachAssets(Backup &backup)
{
    QHash<QString, Note *> notes;
    for (Note &note : backup.account.notes) {
        notes.insert(note.uuid.toString(QUuid::Id128), &note);
    }
    const QMimeDatabase mimeTypes;
    for (const BackupAsset &asset : std::as_const(backup.assets)) {
        StoredFile file = asset.file;
        if (file.contentType.isEmpty()) {
            file.contentType = mimeTypes.mimeTypeForFileNameAndData(file.fileName, file.bytes).name();
        }
        if (asset.kind == BackupAsset::Kind::Avatar) {
            backup.account.profile.avatar = file;
            continue;
        }
        Note *note = notes.value(asset.noteHex);
        if (!note || note->deletedAt) {
            backup.problems.append({asset.path,
                u"Item not restored: Core.Restore/assets \u2014 %1 belongs to a note that is not in the backup."_s.arg(
                    asset.path)});
        } else if (asset.kind == BackupAsset::Kind::Cover) {
            note->cover = file;
        } else {
            Attachment attachment;
            attachment.uuid = uuidFromHex(file.fileName.section(u'.', 0, 0));
            attachment.originalFilename = file.fileName;
            attachment.file = std::move(file);
            note->attachments.append(attachment);
        }
    }
}

Result<AccountRestored> replaceAccount(Store &store, Backup backup)
{
    const QString consequence = u"Restore not done"_s;
    attachAssets(backup);
    const auto kept = RestoreSnapshots(RestoreSnapshots::directoryFor(store.path())).take(store);
    if (!kept) {
        return std::unexpected(kept.error().withConsequence(consequence));
    }
    if (const auto imported = store.importAccount(backup.account); !imported) {
        RestoreSnapshots::discard(*kept);
        return std::unexpected(imported.error());
    }
    AccountRestored restored;
    for (const Note &note : std::as_const(backup.account.notes)) {
        restored.notes += note.deletedAt ? 0 : 1;
    }
    restored.courses = int(backup.account.courses.size());
    restored.snapshotPath = kept->path;
    restored.problems = std::move(backup.problems);
    qCInfo(lcRestore).noquote() << u"Account restored: Core.Restore/replace_account — %1 notes, %2 courses; the "
                                   "account before is kept in %3."_s.arg(restored.notes)
                                       .arg(restored.courses)
                                       .arg(kept->path);
    return restored;
}

} // namespace Notechondria
