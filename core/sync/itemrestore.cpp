// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemrestore.h"

#include "backuphistory.h"
#include "backupreader.h"
#include "clock.h"
#include "exporter.h"
#include "gitdataclient.h"
#include "logging.h"
#include "restoresnapshots.h"
#include "store.h"

#include <QDir>
#include <QSaveFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/restore_item"_s;
const QString kNotRestored = u"Note not restored"_s;

Result<void> writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return fail(kNotRestored, kModule, u"cannot write the scratch copy %1: %2"_s.arg(path, file.errorString()));
    }
    return {};
}

} // namespace

ItemRestore::ItemRestore(Store *store, GitHubApi *github, const Clock *clock)
    : m_store(store)
    , m_github(github)
    , m_clock(clock)
{
}

QString ItemRestore::copyTitle(const QString &title, const QDateTime &versionDate)
{
    const QString suffix = u" (restored %1)"_s.arg(versionDate.toUTC().date().toString(Qt::ISODate));
    return title.left(100 - suffix.size()).trimmed() + suffix;
}

QCoro::Task<Result<NoteAtCommit>> ItemRestore::noteAt(GitHubIntegration integration, QString commit, QUuid uuid)
{
    GitDataClient git(m_github, integration.installationId, integration.repoFullName);
    const QString markdownPath = BackupHistory::notePath(uuid);
    const QString metaPath = markdownPath.chopped(3) + u".meta.json"_s;
    auto markdown = co_await git.fileAt(commit, markdownPath);
    if (!markdown) {
        co_return std::unexpected(markdown.error().withConsequence(kNotRestored));
    }
    if (!*markdown) {
        co_return fail(kNotRestored, kModule,
            u"commit %1 holds no note %2 (it was made later, or deleted before)."_s.arg(
                commit.left(12), uuid.toString(QUuid::WithoutBraces)));
    }
    auto meta = co_await git.fileAt(commit, metaPath);
    if (!meta) {
        co_return std::unexpected(meta.error().withConsequence(kNotRestored));
    }
    // The backup reader reads the two files as it reads a whole backup: one way to turn files into a note.
    const QTemporaryDir scratch;
    if (!scratch.isValid()) {
        co_return fail(kNotRestored, kModule, u"no scratch folder: "_s + scratch.errorString());
    }
    for (const auto &[path, bytes] :
        {std::pair{markdownPath, **markdown}, std::pair{metaPath, meta->value_or(QByteArray())}}) {
        if (bytes.isEmpty() && path == metaPath) {
            continue;
        }
        if (auto written = writeFile(QDir(scratch.path()).filePath(path), bytes); !written) {
            co_return std::unexpected(written.error());
        }
    }
    auto backup = readBackup(scratch.path());
    if (!backup) {
        co_return std::unexpected(backup.error().withConsequence(kNotRestored));
    }
    const auto found = std::ranges::find(backup->account.notes, uuid, &Note::uuid);
    if (found == backup->account.notes.end()) {
        const QString why
            = backup->problems.isEmpty() ? u"it does not read as a note"_s : backup->problems.first().message;
        co_return fail(kNotRestored, kModule, u"%1 at %2: %3"_s.arg(markdownPath, commit.left(12), why));
    }
    NoteAtCommit version{*found, {}, **markdown};
    version.note.id = 0;
    if (const auto parsed = parseNoteMarkdown(**markdown)) {
        version.courseSlug = parsed->frontmatter.value(u"course_slug"_s).toString();
    }
    version.note.courseId.reset();
    if (!version.courseSlug.isEmpty()) {
        if (const auto course = m_store->courseBySlug(version.courseSlug); course && *course) {
            version.note.courseId = (*course)->id;
        }
    }
    co_return version;
}

QCoro::Task<Result<ItemRestored>> ItemRestore::restoreNote(
    GitHubIntegration integration, QString commit, QUuid uuid, bool asCopy)
{
    auto version = co_await noteAt(std::move(integration), commit, uuid);
    if (!version) {
        co_return std::unexpected(version.error());
    }
    co_return write(*version, commit, asCopy);
}

Result<ItemRestored> ItemRestore::write(const NoteAtCommit &version, const QString &commit, bool asCopy)
{
    auto existing = m_store->noteByUuid(version.note.uuid);
    if (!existing) {
        return std::unexpected(existing.error().withConsequence(kNotRestored));
    }
    const auto kept = RestoreSnapshots(RestoreSnapshots::directoryFor(m_store->path())).take(*m_store);
    if (!kept) {
        return std::unexpected(kept.error().withConsequence(kNotRestored));
    }
    ItemRestored restored;
    restored.asCopy = asCopy;
    restored.snapshotPath = kept->path;
    Note note = version.note;
    const QDateTime now = m_clock->now();
    if (asCopy) {
        note.uuid = QUuid::createUuid();
        note.sharingId = QUuid();
        note.clientDraftId.reset();
        note.title = copyTitle(version.note.title, version.note.lastEdit.isValid() ? version.note.lastEdit : now);
        note.dateCreated = now;
    } else if (*existing) {
        if (auto before = m_store->snapshotNote((*existing)->id, u"before_restore"_s); !before) {
            RestoreSnapshots::discard(*kept);
            return std::unexpected(before.error().withConsequence(kNotRestored));
        }
        Note current = **existing;
        current.title = note.title;
        current.description = note.description;
        current.content = note.content;
        current.editorMode = note.editorMode;
        current.noteType = note.noteType;
        current.metadataJson = note.metadataJson;
        current.customMeta = note.customMeta;
        current.courseId = note.courseId;
        current.isPublic = note.isPublic;
        current.coverImageUrl = note.coverImageUrl;
        current.deletedAt.reset();
        note = std::move(current);
    } else {
        restored.created = true;
    }
    note.deletedAt.reset();
    note.lastEdit = now;
    auto saved = m_store->saveNote(note);
    if (!saved) {
        RestoreSnapshots::discard(*kept);
        return std::unexpected(saved.error().withConsequence(kNotRestored));
    }
    if (!asCopy && *existing && (*existing)->deletedAt) {
        if (auto back = m_store->restoreNote(saved->id); !back) {
            return std::unexpected(back.error().withConsequence(kNotRestored));
        }
    }
    restored.note = std::move(*saved);
    qCInfo(lcSync).noquote() << u"Note restored: %1 — “%2” as of %3%4; the account before is kept in %5."_s.arg(
        kModule, restored.note.title, commit.left(12), asCopy ? u", as a copy"_s : QString(), kept->path);
    return restored;
}

} // namespace Notechondria
