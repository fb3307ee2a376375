// SPDX-License-Identifier: GPL-3.0-or-later
#include "incrementalsync.h"

#include "clock.h"
#include "exporter.h"
#include "gitblob.h"
#include "logging.h"
#include "packupload.h"
#include "store.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

/// The checksum files below this prefix: the first @p bits bits of @p key.
struct Prefix
{
    quint64 key = 0;
    int bits = 0;

    [[nodiscard]] quint64 mask() const { return bits == 0 ? 0 : ~quint64(0) << (64 - bits); }
    [[nodiscard]] quint64 first() const { return key & mask(); }
    [[nodiscard]] quint64 last() const { return first() | ~mask(); }
    [[nodiscard]] bool contains(quint64 other) const { return (other & mask()) == first(); }
    [[nodiscard]] bool contains(const Prefix &other) const { return other.bits >= bits && contains(other.key); }
};

/// The export's covered files as the last sync left them, and what this sync changes among them.
class LineDelta
{
public:
    void upsert(const ChecksumLine &line, bool added)
    {
        m_upserted.insert(line.path, line);
        if (added)
            m_added.append(line.key);
    }
    void remove(const QString &path, quint64 key)
    {
        m_removed.insert(path, key);
        m_removedKeys.append(key);
    }
    [[nodiscard]] bool isEmpty() const { return m_upserted.isEmpty() && m_removed.isEmpty(); }
    [[nodiscard]] qsizetype addedCount() const { return m_added.size(); }
    [[nodiscard]] qsizetype removedCount() const { return m_removed.size(); }
    [[nodiscard]] const QHash<QString, ChecksumLine> &upserted() const { return m_upserted; }
    [[nodiscard]] const QHash<QString, quint64> &removed() const { return m_removed; }

    /// Every key a changed line has: the checksum files to look at.
    [[nodiscard]] QList<quint64> keys() const
    {
        QList<quint64> keys = m_removedKeys;
        for (const ChecksumLine &line : m_upserted)
            keys.append(line.key);
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        return keys;
    }

    [[nodiscard]] qsizetype addedIn(const Prefix &prefix) const { return countIn(m_added, prefix); }
    [[nodiscard]] qsizetype removedIn(const Prefix &prefix) const { return countIn(m_removedKeys, prefix); }

private:
    static qsizetype countIn(const QList<quint64> &keys, const Prefix &prefix)
    {
        return std::count_if(keys.begin(), keys.end(), [&](quint64 key) { return prefix.contains(key); });
    }

    QHash<QString, ChecksumLine> m_upserted; ///< added or changed lines
    QHash<QString, quint64> m_removed; ///< path → key
    QList<quint64> m_added; ///< keys of the added lines
    QList<quint64> m_removedKeys;
};

/// Not applicable: the caller runs the whole sync. The reason goes to the debug log only.
std::optional<IncrementalChange> wholeSync(const char *reason)
{
    qCDebug(lcSync) << "Incremental sync not used:" << reason;
    return std::nullopt;
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

/// The checksum layout after the change: the new checksum files of every region the change touches, and which old
/// ones they replace.
class ChecksumRewrite
{
public:
    ChecksumRewrite(const Store &store, const LineDelta &delta, const QHash<QString, QByteArray> &oldFiles)
        : m_store(store)
        , m_delta(delta)
        , m_oldFiles(oldFiles)
    {
    }

    [[nodiscard]] Result<bool> run()
    {
        QList<Prefix> regions;
        for (const quint64 key : m_delta.keys()) {
            auto region = regionOf(key);
            if (!region) {
                return std::unexpected(region.error());
            }
            if (!*region) {
                return false; // the index names no checksum file for this key: not the layout we wrote
            }
            regions.append(**region);
        }
        std::sort(regions.begin(), regions.end(), [](const Prefix &a, const Prefix &b) { return a.bits < b.bits; });
        QList<Prefix> kept;
        for (const Prefix &region : std::as_const(regions)) {
            if (std::none_of(kept.begin(), kept.end(), [&](const Prefix &outer) { return outer.contains(region); }))
                kept.append(region);
        }
        for (const Prefix &region : std::as_const(kept)) {
            if (auto rewritten = rewrite(region); !rewritten) {
                return std::unexpected(rewritten.error());
            }
        }
        return true;
    }

    QHash<QString, QByteArray> written; ///< new checksum files: path → bytes
    QSet<QString> replaced; ///< old checksum files inside a rewritten region

private:
    /// How many lines below @p prefix after the change; exact up to kChecksumLinesPerFile + 1.
    [[nodiscard]] Result<qsizetype> newCount(const Prefix &prefix) const
    {
        const qsizetype removed = m_delta.removedIn(prefix);
        auto old = m_store.exportIndexLineCount(prefix.first(), prefix.last(), kChecksumLinesPerFile + 1 + removed);
        if (!old) {
            return std::unexpected(old.error());
        }
        return *old + m_delta.addedIn(prefix) - removed;
    }

    /// The region to rewrite for @p key: the shorter of its old checksum file and its new one.
    [[nodiscard]] Result<std::optional<Prefix>> regionOf(quint64 key) const
    {
        int bits = -1;
        for (int b = 0; b <= 64 && bits < 0; ++b) {
            if (m_oldFiles.contains(checksumFilePath(key, b)))
                bits = b;
        }
        for (int b = 0; b <= 64 && bits < 0; ++b) {
            // No file: the key falls into a part the old split left empty (no lines, no file). It sits where the
            // split stopped: the first prefix with at most kChecksumLinesPerFile old lines.
            auto old = m_store.exportIndexLineCount(
                Prefix{key, b}.first(), Prefix{key, b}.last(), kChecksumLinesPerFile + 1);
            if (!old) {
                return std::unexpected(old.error());
            }
            if (*old <= kChecksumLinesPerFile) {
                if (*old > 0)
                    return std::optional<Prefix>(); // lines but no file: not the layout we wrote
                bits = b;
            }
        }
        const int oldBits = bits;
        auto count = newCount({key, bits});
        if (!count) {
            return std::unexpected(count.error());
        }
        if (*count > kChecksumLinesPerFile)
            return std::optional<Prefix>(Prefix{key, oldBits}); // it splits: rewrite below the old file
        while (bits > 0) {
            auto parent = newCount({key, bits - 1});
            if (!parent) {
                return std::unexpected(parent.error());
            }
            if (*parent > kChecksumLinesPerFile)
                break;
            --bits; // it merges with its sibling
        }
        return std::optional<Prefix>(Prefix{key, bits});
    }

    [[nodiscard]] Result<void> rewrite(const Prefix &region)
    {
        auto old = m_store.exportIndexLines(region.first(), region.last());
        if (!old) {
            return std::unexpected(old.error());
        }
        QList<ChecksumLine> lines;
        QSet<QString> seen;
        for (const ExportIndexEntry &entry : std::as_const(*old)) {
            seen.insert(entry.path);
            if (m_delta.removed().contains(entry.path))
                continue;
            const auto upserted = m_delta.upserted().constFind(entry.path);
            lines.append(
                upserted != m_delta.upserted().cend() ? *upserted : ChecksumLine{*entry.key, entry.path, entry.sha256});
        }
        for (const ChecksumLine &line : m_delta.upserted()) {
            if (region.contains(line.key) && !seen.contains(line.path))
                lines.append(line);
        }
        for (ExportFile &file : checksumFilesOf(lines, region.bits))
            written.insert(file.path, std::move(file.bytes));
        for (auto it = m_oldFiles.cbegin(); it != m_oldFiles.cend(); ++it) {
            const auto prefix = checksumPrefixOf(it.key());
            if (prefix && region.contains(Prefix{prefix->first, prefix->second}))
                replaced.insert(it.key());
        }
        return {};
    }

    const Store &m_store;
    const LineDelta &m_delta;
    const QHash<QString, QByteArray> &m_oldFiles;
};

/// The note files an export has for the note with @p uuid (dashes): notes/<hex>.md and notes/<hex>.meta.json.
QStringList notePathsOf(const QString &uuid)
{
    const QString hex = QUuid::fromString(uuid).toString(QUuid::Id128);
    return {u"notes/%1.md"_s.arg(hex), u"notes/%1.meta.json"_s.arg(hex)};
}

} // namespace

Result<std::optional<IncrementalChange>> IncrementalSync::prepare(const Store &store, const Clock &clock,
    const GitHubIntegration &integration, bool includeAssets, const QByteArray &previousManifest)
{
    const auto synced = LocalState::parseSyncedState(integration.syncedState);
    if (!synced || integration.lastPushSha.isEmpty() || integration.lastPushTree.isEmpty())
        return wholeSync("no complete last sync in this export format");
    if (includeAssets || synced->includeAssets)
        return wholeSync("assets are included (their caps depend on the whole account)");
    const QJsonObject manifest = QJsonDocument::fromJson(previousManifest).object();
    if (manifest.value(u"schema_version"_s).toInt() != 3 || !manifest.value(u"file_count"_s).isDouble()
        || manifest.contains(u"withheld"_s) || manifest.contains(u"skipped_assets"_s))
        return wholeSync("the last synced manifest is not at hand");

    // The data revision first, then (in one read) the change log and what it names: a write after either is read
    // again by the next sync.
    auto revision = store.dataRevision();
    if (!revision) {
        return std::unexpected(revision.error());
    }
    auto changed = store.changedNotes(synced->changeSequence, kMaxChangedNotes);
    if (!changed) {
        return std::unexpected(changed.error());
    }
    if (!*changed)
        return wholeSync("too many notes changed");

    // Read after the notes: a change of a course or an event after that read is rendered now and again next time.
    auto parts = store.changedParts(synced->changeSequence);
    if (!parts) {
        return std::unexpected(parts.error());
    }
    const bool coursesChanged = parts->contains(u"#courses"_s);
    const bool plannerChanged = parts->contains(u"#planner"_s);

    ExportOptions options;
    options.generatedFiles = false;
    options.courseFiles = coursesChanged;
    options.now = clock.now();
    AccountSnapshot &account = (*changed)->account;
    if (!plannerChanged) {
        account.events.clear();
        account.feeds.clear();
    }
    ExportTree rendered = materialize(account, options);
    if (!rendered.withheld.isEmpty() || !rendered.rejected.isEmpty())
        return wholeSync("a file is withheld or rejected");
    if (!plannerChanged) {
        // Rendered from nothing: GitHub keeps the files of the last sync.
        rendered.files.removeIf([](const ExportFile &file) { return file.path.startsWith(u"planner/"_s); });
        rendered.index.removeIf([](const ExportIndexEntry &entry) { return entry.path.startsWith(u"planner/"_s); });
    }

    // What the last sync exported of the same items: the account's small files and the changed notes' files.
    auto oldAccount = store.exportIndexAccountFiles(coursesChanged, plannerChanged);
    if (!oldAccount) {
        return std::unexpected(oldAccount.error());
    }
    QStringList notePaths;
    for (const QString &uuid : std::as_const((*changed)->uuids))
        notePaths += notePathsOf(uuid);
    auto oldNotes = store.exportIndexEntries(notePaths);
    if (!oldNotes) {
        return std::unexpected(oldNotes.error());
    }
    QHash<QString, ExportIndexEntry> old;
    for (const QList<ExportIndexEntry> *rows : {&std::as_const(*oldAccount), &std::as_const(*oldNotes)}) {
        for (const ExportIndexEntry &entry : *rows)
            old.insert(entry.path, entry);
    }
    auto checksumRows = store.exportIndexChecksumFiles();
    if (!checksumRows) {
        return std::unexpected(checksumRows.error());
    }
    QHash<QString, QByteArray> oldChecksums;
    QList<std::pair<QString, QByteArray>> oldChecksumList;
    for (const ExportIndexEntry &entry : std::as_const(*checksumRows)) {
        oldChecksums.insert(entry.path, entry.sha256);
        oldChecksumList.append({entry.path, entry.sha256});
    }
    if (checksumDigest(oldChecksumList) != manifest.value(u"checksums_sha256"_s).toString())
        return wholeSync("the export index is not the one of the last synced manifest");

    IncrementalChange change;
    PublishPlan &publish = change.publish;
    LineDelta delta;
    QList<ExportFile> uploads;
    for (const ExportIndexEntry &line : rendered.index) {
        const auto previous = old.constFind(line.path);
        if (previous != old.cend() && previous->sha256 == line.sha256)
            continue;
        delta.upsert({*line.key, line.path, line.sha256}, previous == old.cend());
        ++(previous == old.cend() ? publish.added : publish.changed);
        uploads.append(*rendered.find(line.path));
    }
    QSet<QString> renderedPaths;
    for (const ExportFile &file : rendered.files)
        renderedPaths.insert(file.path);
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        if (!renderedPaths.contains(it.key())) {
            delta.remove(it.key(), it->key.value_or(0));
            publish.remove.append(it.key());
        }
    }
    publish.deleted = int(publish.remove.size());
    if (publish.deleted >= 20)
        return wholeSync("many files deleted (the mass-deletion guard decides)");

    // The checksum files the changed lines fall into.
    ChecksumRewrite checksums(store, delta, oldChecksums);
    auto rewritten = checksums.run();
    if (!rewritten) {
        return std::unexpected(rewritten.error());
    }
    if (!*rewritten)
        return wholeSync("the export index does not match its checksum files");
    QHash<QString, QByteArray> finalChecksums = oldChecksums;
    for (const QString &path : std::as_const(checksums.replaced))
        finalChecksums.remove(path);
    for (auto it = checksums.written.cbegin(); it != checksums.written.cend(); ++it) {
        const QByteArray sha = sha256Hex(it.value());
        finalChecksums.insert(it.key(), sha);
        if (oldChecksums.value(it.key()) != sha) {
            uploads.append({it.key(), it.value()});
            change.index.entries.append({it.key(), std::nullopt, sha});
        }
    }
    for (const QString &path : std::as_const(checksums.replaced)) {
        if (!checksums.written.contains(path)) {
            publish.remove.append(path);
            change.index.removed.append(path);
        }
    }
    QList<std::pair<QString, QByteArray>> finalList;
    for (auto it = finalChecksums.cbegin(); it != finalChecksums.cend(); ++it)
        finalList.append({it.key(), it.value()});

    ManifestInput input;
    input.username = (*changed)->account.profile.username;
    input.checksumsDigest = checksumDigest(finalList);
    input.fileCount = manifest.value(u"file_count"_s).toInteger() + delta.addedCount() - delta.removedCount();
    input.previousManifest = previousManifest;
    input.now = options.now;
    const ManifestFiles generated = renderManifest(input);
    if (!findSecrets(generated.manifest).isEmpty() || !findSecrets(generated.readme).isEmpty())
        return wholeSync("a secret in the manifest or README");
    auto generatedBase = store.syncBaseEntries({u"manifest.json"_s, u"README.md"_s});
    if (!generatedBase) {
        return std::unexpected(generatedBase.error());
    }
    const std::pair<QString, QByteArray> generatedFiles[]
        = {{u"manifest.json"_s, generated.manifest}, {u"README.md"_s, generated.readme}};
    for (const auto &[path, bytes] : generatedFiles) {
        if (generatedBase->value(path).local.toLatin1() != GitBlob::id(bytes))
            uploads.append({path, bytes});
    }
    if (generated.manifest != previousManifest)
        change.manifest = generated.manifest;
    if (uploads.size() >= PackUpload::kMinFiles)
        return wholeSync("as many files as a git pack takes");

    // The index rows of the changed lines; the tree to upload.
    for (const ChecksumLine &line : delta.upserted())
        change.index.entries.append({line.path, line.key, line.sha256});
    for (auto it = delta.removed().cbegin(); it != delta.removed().cend(); ++it)
        change.index.removed.append(it.key());
    LocalState &local = change.local;
    local.integration = integration;
    local.includeAssets = false;
    local.hasLastSync = true;
    local.revision = *revision;
    local.changeSequence = (*changed)->sequence;
    std::sort(uploads.begin(), uploads.end(), [](const ExportFile &a, const ExportFile &b) { return a.path < b.path; });
    for (const ExportFile &file : std::as_const(uploads)) {
        const QByteArray blob = GitBlob::id(file.bytes);
        local.indexByPath.insert(file.path, local.tree.files.size());
        local.blobIds.insert(file.path, blob);
        local.tree.files.append(file);
        publish.upload.append(file.path);
        change.baseChanged.insert(file.path, {QString::fromLatin1(blob), QString::fromLatin1(blob)});
    }
    local.tree.exportedAt = generated.exportedAt;
    publish.remove.sort();
    change.baseRemoved = publish.remove;
    publish.tracked = int(input.fileCount);
    change.syncedState = LocalState::syncedStateFor(*revision, (*changed)->sequence, false);
    qCDebug(lcSync).noquote() << u"Incremental sync: %1 note(s) changed, %2 file(s) to send, %3 to delete"_s.arg(
        QString::number((*changed)->uuids.size()), QString::number(publish.upload.size()),
        QString::number(publish.remove.size()));
    return std::optional<IncrementalChange>(std::move(change));
}

} // namespace Notechondria
