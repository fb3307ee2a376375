// SPDX-License-Identifier: GPL-3.0-or-later
// Test restore: a commit of the backup repository checked file by file (git blob ids, checksums/, manifest.json) and
// restored into a scratch profile whose export must give the same account files back.
#include "backupverify.h"

#include "backupcheck.h"
#include "backupreader.h"
#include "clock.h"
#include "exporter.h"
#include "exportpipeline.h"
#include "gitblob.h"
#include "gitdataclient.h"
#include "githubapi.h"
#include "githubbackup.h"
#include "store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString incomplete = u"Backup incomplete"_s;
const QString notVerified = u"Backup not verified"_s;
const QString module = u"Core.Sync/verify"_s;

/// The files of the unpacked commit: path → bytes.
using Files = QHash<QString, QByteArray>;

/// What a verification step needs while it runs.
struct Check
{
    Files files;
    QHash<QString, QString> titles; ///< path → the note's or course's title
    BackupVerification result;

    void add(VerifyProblem::Kind kind, const QString &path, const QString &cause)
    {
        VerifyProblem problem;
        problem.kind = kind;
        problem.path = path;
        problem.title = titles.value(path);
        const QString named = problem.title.isEmpty() ? path : u"%1 (\u201c%2\u201d)"_s.arg(path, problem.title);
        problem.message = u"%1: %2 \u2014 %3 %4"_s.arg(incomplete, module, named, cause);
        result.problems.append(problem);
    }
};

Error failed(const QString &cause)
{
    return Error{notVerified, module, cause};
}

Files readFolder(const QString &directory)
{
    Files files;
    const QDir root(directory);
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            files.insert(root.relativeFilePath(path), file.readAll());
        }
    }
    return files;
}

/// Every blob of the tree must be in the download with the same git blob id, and the download holds nothing else.
void checkBlobIds(Check &check, const QHash<QString, QByteArray> &tree, const QStringList &skipped)
{
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        const auto file = check.files.constFind(it.key());
        if (file == check.files.cend()) {
            check.add(VerifyProblem::Kind::Missing, it.key(),
                skipped.contains(it.key()) ? u"could not be downloaded (a link, or over the size limit)."_s
                                           : u"is in the commit but not in its download."_s);
            continue;
        }
        ++check.result.blobIdsChecked;
        if (GitBlob::id(*file) != it.value()) {
            check.add(VerifyProblem::Kind::Damaged, it.key(),
                u"does not match its git blob id %1: its bytes were changed after the commit was made."_s.arg(
                    QString::fromLatin1(it.value().left(12))));
        }
    }
    for (auto it = check.files.cbegin(); it != check.files.cend(); ++it) {
        if (!tree.contains(it.key())) {
            check.add(VerifyProblem::Kind::Unlisted, it.key(), u"is in the download but not in the commit's tree."_s);
        }
    }
}

/// The lines of the checksum files: path → (SHA-256, the checksum file listing it).
QHash<QString, std::pair<QByteArray, QString>> checksumLines(Check &check)
{
    static const QRegularExpression line(u"^([0-9a-f]{64})  (.+)$"_s);
    QHash<QString, std::pair<QByteArray, QString>> lines;
    for (auto it = check.files.cbegin(); it != check.files.cend(); ++it) {
        if (!isChecksumPath(it.key())) {
            continue;
        }
        for (const QByteArray &text : it.value().split('\n')) {
            if (text.isEmpty()) {
                continue;
            }
            const auto match = line.match(QString::fromUtf8(text));
            if (!match.hasMatch()) {
                check.add(VerifyProblem::Kind::Unreadable, it.key(),
                    u"holds a line that is not \u201c<sha256>  <path>\u201d."_s);
                break;
            }
            lines.insert(match.captured(2), {match.captured(1).toLatin1(), it.key()});
        }
    }
    return lines;
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

/// Schema 3: every covered file has its line and SHA-256, every line its file, and the manifest the checksum files'
/// digest.
void checkChecksums(Check &check, const QJsonObject &manifest)
{
    const auto lines = checksumLines(check);
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        const auto file = check.files.constFind(it.key());
        if (file == check.files.cend()) {
            check.add(
                VerifyProblem::Kind::Missing, it.key(), u"is listed in %1 but not in the backup."_s.arg(it->second));
            continue;
        }
        ++check.result.sha256Checked;
        if (sha256Hex(*file) != it->first) {
            check.add(VerifyProblem::Kind::Damaged, it.key(), u"does not match its SHA-256 in %1."_s.arg(it->second));
        }
    }
    QList<std::pair<QString, QByteArray>> checksumFiles;
    for (auto it = check.files.cbegin(); it != check.files.cend(); ++it) {
        if (isChecksumPath(it.key())) {
            checksumFiles.append({it.key(), sha256Hex(it.value())});
        } else if (isChecksumCovered(it.key()) && !lines.contains(it.key())) {
            check.add(VerifyProblem::Kind::Unlisted, it.key(), u"is not listed in any checksums/ file."_s);
        }
    }
    std::ranges::sort(checksumFiles);
    if (checksumDigest(checksumFiles) != manifest.value(u"checksums_sha256"_s).toString()) {
        check.add(VerifyProblem::Kind::Damaged, u"manifest.json"_s,
            u"does not match the checksum files (its checksums_sha256 differs): a checksum file was changed or lost."_s);
    }
    if (manifest.contains(u"file_count"_s) && manifest.value(u"file_count"_s).toInt() != lines.size()) {
        check.add(VerifyProblem::Kind::Missing, u"manifest.json"_s,
            u"counts %1 files, the checksum files list %2."_s.arg(manifest.value(u"file_count"_s).toInt())
                .arg(lines.size()));
    }
}

/// Schema 1 (the web backend's: a list of paths) and 2 (ours before checksums/: paths with their SHA-256).
void checkListedFiles(Check &check, const QJsonObject &manifest)
{
    for (const QJsonValue entry : manifest.value(u"files"_s).toArray()) {
        const QString path = entry.isString() ? entry.toString() : entry.toObject().value(u"path"_s).toString();
        const QByteArray sha = entry.toObject().value(u"sha256"_s).toString().toLatin1();
        const auto file = check.files.constFind(path);
        if (file == check.files.cend()) {
            check.add(VerifyProblem::Kind::Missing, path, u"is listed in manifest.json but not in the backup."_s);
        } else if (!sha.isEmpty()) {
            ++check.result.sha256Checked;
            if (sha256Hex(*file) != sha) {
                check.add(VerifyProblem::Kind::Damaged, path, u"does not match its SHA-256 in manifest.json."_s);
            }
        }
    }
}

/// The manifest: readable, of a known schema, and the files it vouches for all there and intact.
void checkManifest(Check &check)
{
    const auto file = check.files.constFind(u"manifest.json"_s);
    if (file == check.files.cend()) {
        check.add(VerifyProblem::Kind::Missing, u"manifest.json"_s, u"is missing: this commit is not a backup."_s);
        return;
    }
    const QJsonObject manifest = QJsonDocument::fromJson(*file).object();
    check.result.schemaVersion = manifest.value(u"schema_version"_s).toInt();
    if (!isKnownBackupSchema(check.result.schemaVersion)) {
        check.add(VerifyProblem::Kind::Unreadable, u"manifest.json"_s,
            u"is not a manifest of a known backup schema (1, 2 or 3)."_s);
        return;
    }
    if (check.result.schemaVersion >= 3) {
        checkChecksums(check, manifest);
    } else {
        checkListedFiles(check, manifest);
    }
}

/// Note and course titles by the paths that belong to them, so problems name them as people know them.
void nameFiles(Check &check, const Backup &backup)
{
    for (const Note &note : backup.account.notes) {
        const QString hex = note.uuid.toString(QUuid::Id128);
        check.titles.insert(u"notes/%1.md"_s.arg(hex), note.title);
        check.titles.insert(u"notes/%1.meta.json"_s.arg(hex), note.title);
    }
    for (const Course &course : backup.account.courses) {
        check.titles.insert(u"courses/%1.json"_s.arg(backup.courseSlugById.value(course.id)), course.title);
    }
    for (auto it = check.files.cbegin(); it != check.files.cend(); ++it) {
        if (it.key().startsWith(u"assets/notes/"_s)) {
            const QString hex = it.key().section(u'/', 2, 2);
            check.titles.insert(it.key(), check.titles.value(u"notes/%1.md"_s.arg(hex)));
        }
    }
}

void countAccount(BackupVerification &result, const AccountSnapshot &account)
{
    result.notes = int(std::ranges::count_if(account.notes, [](const Note &note) { return !note.deletedAt; }));
    result.courses = int(account.courses.size());
    result.events = int(account.events.size());
    result.feeds = int(account.feeds.size());
}

/// The account files the re-export of a restored profile must give back (assets and the generated files aside).
bool isComparedAccountFile(const QString &path)
{
    return isChecksumCovered(path) && !path.startsWith(u"assets/"_s);
}

/// Restores @p backup into a new store under @p directory, exports it again and compares the account files.
Result<void> checkRestores(Check &check, const Backup &backup, const QString &directory, const Clock *clock)
{
    auto store = Store::open(QDir(directory).filePath(u"notechondria.sqlite"_s), clock);
    if (!store) {
        return std::unexpected(store.error().withConsequence(notVerified));
    }
    if (auto imported = (*store)->importAccount(backup.account); !imported) {
        check.add(VerifyProblem::Kind::RestoresDifferently, u"manifest.json"_s,
            u"cannot be restored into a scratch profile: "_s + imported.error().cause);
        return {};
    }
    const auto tree = ExportPipeline(**store, *clock, false).tree(check.files.value(u"manifest.json"_s));
    if (!tree) {
        return std::unexpected(tree.error().withConsequence(notVerified));
    }
    QSet<QString> exported;
    for (const ExportFile &file : tree->files) {
        if (!isComparedAccountFile(file.path)) {
            continue;
        }
        exported.insert(file.path);
        ++check.result.restoredFilesCompared;
        const auto original = check.files.constFind(file.path);
        if (original == check.files.cend()) {
            check.add(VerifyProblem::Kind::RestoresDifferently, file.path,
                u"appears after a restore but is not in the backup."_s);
        } else if (*original != file.bytes) {
            check.add(VerifyProblem::Kind::RestoresDifferently, file.path,
                u"comes back different after a restore (its data cannot be read back as written)."_s);
        }
    }
    for (auto it = check.files.cbegin(); it != check.files.cend(); ++it) {
        if (isComparedAccountFile(it.key()) && !exported.contains(it.key())) {
            check.add(VerifyProblem::Kind::RestoresDifferently, it.key(), u"is lost in a restore."_s);
        }
    }
    return {};
}

/// Reads the download (already in memory) as a backup and restores it into a scratch profile under @p profileDir.
Result<void> checkBackup(Check &check, const QString &profileDir, const Clock *clock)
{
    const Backup backup = readBackup(check.files);
    nameFiles(check, backup);
    countAccount(check.result, backup.account);
    if (auto refused = checkIsBackup(backup, check.result.repoFullName); !refused) {
        check.add(VerifyProblem::Kind::Unreadable, u"manifest.json"_s, refused.error().cause);
        return {};
    }
    for (const BackupProblem &problem : std::as_const(backup.problems)) {
        check.add(VerifyProblem::Kind::Unreadable, problem.path, u"cannot be read: "_s + problem.message);
    }
    if (backup.schemaVersion < 3) {
        return {}; // an older export's bytes are not what this version writes: counts and hashes only
    }
    return checkRestores(check, backup, profileDir, clock);
}

QJsonArray problemsJson(const QList<VerifyProblem> &problems)
{
    QJsonArray array;
    for (const VerifyProblem &problem : problems) {
        array.append(QJsonObject{{u"kind"_s, VerifyProblem::kindName(problem.kind)}, {u"path"_s, problem.path},
            {u"title"_s, problem.title}, {u"message"_s, problem.message}});
    }
    return array;
}

} // namespace

QString VerifyProblem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Missing:
        return u"missing"_s;
    case Kind::Damaged:
        return u"damaged"_s;
    case Kind::Unlisted:
        return u"unlisted"_s;
    case Kind::Unreadable:
        return u"unreadable"_s;
    case Kind::RestoresDifferently:
        return u"restores_differently"_s;
    }
    return {};
}

QJsonObject BackupVerification::toJson() const
{
    return QJsonObject{{u"repo"_s, repoFullName}, {u"branch"_s, branch}, {u"commit"_s, commitSha},
        {u"verified_at"_s, verifiedAt.toUTC().toString(Qt::ISODateWithMs)}, {u"complete"_s, complete()},
        {u"schema_version"_s, schemaVersion}, {u"files"_s, files}, {u"blob_ids_checked"_s, blobIdsChecked},
        {u"sha256_checked"_s, sha256Checked}, {u"restored_files_compared"_s, restoredFilesCompared},
        {u"notes"_s, notes}, {u"courses"_s, courses}, {u"events"_s, events}, {u"feeds"_s, feeds},
        {u"requests"_s, requests}, {u"problems"_s, problemsJson(problems)}};
}

std::optional<BackupVerification> BackupVerification::fromJson(const QJsonObject &object)
{
    BackupVerification result;
    result.commitSha = object.value(u"commit"_s).toString();
    result.verifiedAt = QDateTime::fromString(object.value(u"verified_at"_s).toString(), Qt::ISODateWithMs);
    if (result.commitSha.isEmpty() || !result.verifiedAt.isValid()) {
        return std::nullopt;
    }
    result.repoFullName = object.value(u"repo"_s).toString();
    result.branch = object.value(u"branch"_s).toString();
    result.schemaVersion = object.value(u"schema_version"_s).toInt();
    result.files = object.value(u"files"_s).toInt();
    result.blobIdsChecked = object.value(u"blob_ids_checked"_s).toInt();
    result.sha256Checked = object.value(u"sha256_checked"_s).toInt();
    result.restoredFilesCompared = object.value(u"restored_files_compared"_s).toInt();
    result.notes = object.value(u"notes"_s).toInt();
    result.courses = object.value(u"courses"_s).toInt();
    result.events = object.value(u"events"_s).toInt();
    result.feeds = object.value(u"feeds"_s).toInt();
    result.requests = object.value(u"requests"_s).toInt();
    for (const QJsonValue value : object.value(u"problems"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        VerifyProblem problem;
        const QString kind = entry.value(u"kind"_s).toString();
        for (const auto k : {VerifyProblem::Kind::Missing, VerifyProblem::Kind::Damaged, VerifyProblem::Kind::Unlisted,
                 VerifyProblem::Kind::Unreadable, VerifyProblem::Kind::RestoresDifferently}) {
            if (VerifyProblem::kindName(k) == kind) {
                problem.kind = k;
            }
        }
        problem.path = entry.value(u"path"_s).toString();
        problem.title = entry.value(u"title"_s).toString();
        problem.message = entry.value(u"message"_s).toString();
        result.problems.append(problem);
    }
    return result;
}

BackupVerifier::BackupVerifier(GitHubApi *github, const Clock *clock)
    : m_github(github)
    , m_clock(clock)
{
}

QCoro::Task<Result<QString>> BackupVerifier::resolveCommit(GitDataClient &git, QString branch, QString commit)
{
    if (!commit.isEmpty()) {
        co_return commit;
    }
    const auto ref = co_await git.ref(branch);
    if (!ref) {
        co_return std::unexpected(ref.error().withConsequence(notVerified));
    }
    if (ref->state != GitDataClient::RefState::Found) {
        co_return std::unexpected(
            failed(u"%1 has no branch %2 yet: nothing has been backed up."_s.arg(git.repoFullName(), branch)));
    }
    co_return ref->sha;
}

QCoro::Task<Result<BackupVerification>> BackupVerifier::verify(
    GitHubIntegration integration, QString commit, QString scratchDir)
{
    Check check;
    check.result.repoFullName = integration.repoFullName;
    check.result.branch = integration.repoDefaultBranch.isEmpty() ? u"main"_s : integration.repoDefaultBranch;
    const int requestsBefore = m_github->requestCount();
    QDir().mkpath(scratchDir);
    const QTemporaryDir work(QDir(scratchDir).filePath(u"verify-XXXXXX"_s));
    if (!work.isValid()) {
        co_return std::unexpected(failed(u"no scratch folder in %1: %2"_s.arg(scratchDir, work.errorString())));
    }
    GitDataClient git(m_github, integration.installationId, integration.repoFullName);
    const auto sha = co_await resolveCommit(git, check.result.branch, commit);
    if (!sha) {
        co_return std::unexpected(sha.error());
    }
    check.result.commitSha = *sha;
    const auto treeSha = co_await git.commitTree(*sha);
    const auto tree = treeSha ? co_await git.completeTree(*treeSha)
                              : Result<GitDataClient::RemoteTree>(std::unexpected(treeSha.error()));
    if (!tree) {
        co_return std::unexpected(tree.error().withConsequence(notVerified));
    }
    check.result.files = int(tree->blobs.size());
    const QString filesDir = QDir(work.path()).filePath(u"files"_s);
    QStringList skipped;
    const auto downloaded = co_await downloadBackup(
        *m_github, integration.installationId, integration.repoFullName, *sha, filesDir, &skipped);
    if (!downloaded) {
        co_return std::unexpected(downloaded.error().withConsequence(notVerified));
    }
    check.files = readFolder(filesDir);
    const QString profileDir = QDir(work.path()).filePath(u"profile"_s);
    QDir().mkpath(profileDir);
    if (auto checked = checkBackup(check, profileDir, m_clock); !checked) {
        co_return std::unexpected(checked.error());
    }
    checkBlobIds(check, tree->blobs, skipped);
    checkManifest(check);
    check.result.requests = m_github->requestCount() - requestsBefore;
    check.result.verifiedAt = m_clock->now();
    co_return std::move(check.result);
}

QString BackupVerifier::lastPathFor(const QString &databasePath)
{
    return QFileInfo(databasePath).dir().filePath(u"last-verification.json"_s);
}

Result<void> BackupVerifier::record(const QString &databasePath, const BackupVerification &verification)
{
    QSaveFile file(lastPathFor(databasePath));
    if (!file.open(QIODevice::WriteOnly)) {
        return std::unexpected(Error{u"Verification not recorded"_s, module, file.errorString()});
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(verification.toJson()).toJson());
    if (!file.commit()) {
        return std::unexpected(Error{u"Verification not recorded"_s, module, file.errorString()});
    }
    return {};
}

std::optional<BackupVerification> BackupVerifier::last(const QString &databasePath)
{
    QFile file(lastPathFor(databasePath));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return BackupVerification::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

} // namespace Notechondria
