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
        for (const ExportFile &file : checksumFilesOf(lines, region.bits))
            written.insert(file.path, file.bytes);
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

/// Not applicable: the caller runs the whole sync. The reason goes to the debug log only.
bool stepAside(const char *reason)
{
    qCDebug(lcSync) << "Incremental sync not used:" << reason;
    return false;
}

/// IncrementalSync::prepare's steps; each gives false (logged) when the whole sync must run instead.
class Preparation
{
public:
    Preparation(const Store &store, const Clock &clock, const GitHubIntegration &integration,
        const QByteArray &previousManifest)
        : m_store(store)
        , m_clock(clock)
        , m_integration(integration)
        , m_previousManifest(previousManifest)
    {
    }

    /// Every step in order: true when the change is ready for finish(), false when the whole sync must run.
    Result<bool> ready(bool includeAssets)
    {
        if (auto read = readChanges(includeAssets); !read || !*read)
            return read;
        if (!render())
            return false;
        if (auto last = readLastExport(); !last || !*last)
            return last;
        if (!compare())
            return false;
        if (auto rewritten = rewriteChecksums(); !rewritten || !*rewritten)
            return rewritten;
        return renderGenerated();
    }

    /// The synced state, the kept manifest, and (in one read) what changed since.
    Result<bool> readChanges(bool includeAssets)
    {
        const auto synced = LocalState::parseSyncedState(m_integration.syncedState);
        if (!synced || m_integration.lastPushSha.isEmpty() || m_integration.lastPushTree.isEmpty())
            return stepAside("no complete last sync in this export format");
        if (includeAssets || synced->includeAssets)
            return stepAside("assets are included (their caps depend on the whole account)");
        m_manifest = QJsonDocument::fromJson(m_previousManifest).object();
        if (m_manifest.value(u"schema_version"_s).toInt() != 3 || !m_manifest.value(u"file_count"_s).isDouble()
            || m_manifest.contains(u"withheld"_s) || m_manifest.contains(u"skipped_assets"_s))
            return stepAside("the last synced manifest is not at hand");
        // The data revision first, then (in one read) the change log and what it names: a write after either is
        // read again by the next sync.
        auto revision = m_store.dataRevision();
        if (!revision)
            return std::unexpected(revision.error());
        m_revision = *revision;
        auto changed = m_store.changedNotes(synced->changeSequence, IncrementalSync::kMaxChangedNotes);
        if (!changed)
            return std::unexpected(changed.error());
        if (!*changed)
            return stepAside("too many notes changed");
        m_changed = std::move(**changed);
        m_coursesChanged = m_changed.coursesChanged;
        m_plannerChanged = m_changed.plannerChanged;
        return true;
    }

    /// The changed notes and the account's small files (courses/ and planner/ only when they changed).
    bool render()
    {
        ExportOptions options;
        options.generatedFiles = false;
        options.courseFiles = m_coursesChanged;
        options.now = m_now = m_clock.now();
        m_rendered = materialize(m_changed.account, options);
        if (!m_rendered.withheld.isEmpty() || !m_rendered.rejected.isEmpty())
            return stepAside("a file is withheld or rejected");
        if (!m_plannerChanged) {
            // Rendered from nothing: GitHub keeps the files of the last sync.
            m_rendered.files.removeIf([](const ExportFile &file) { return file.path.startsWith(u"planner/"_s); });
            m_rendered.index.removeIf(
                [](const ExportIndexEntry &entry) { return entry.path.startsWith(u"planner/"_s); });
        }
        return true;
    }

    /// What the last sync exported of the same items, and its checksum files.
    Result<bool> readLastExport()
    {
        auto oldAccount = m_store.exportIndexAccountFiles(m_coursesChanged, m_plannerChanged);
        if (!oldAccount)
            return std::unexpected(oldAccount.error());
        QStringList notePaths;
        for (const QString &uuid : std::as_const(m_changed.uuids))
            notePaths += notePathsOf(uuid);
        auto oldNotes = m_store.exportIndexEntries(notePaths);
        if (!oldNotes)
            return std::unexpected(oldNotes.error());
        for (const QList<ExportIndexEntry> *rows : {&std::as_const(*oldAccount), &std::as_const(*oldNotes)}) {
            for (const ExportIndexEntry &entry : *rows)
                m_old.insert(entry.path, entry);
        }
        auto checksumRows = m_store.exportIndexChecksumFiles();
        if (!checksumRows)
            return std::unexpected(checksumRows.error());
        QList<std::pair<QString, QByteArray>> list;
        for (const ExportIndexEntry &entry : std::as_const(*checksumRows)) {
            m_oldChecksums.insert(entry.path, entry.sha256);
            list.append({entry.path, entry.sha256});
        }
        if (checksumDigest(list) != m_manifest.value(u"checksums_sha256"_s).toString())
            return stepAside("the export index is not the one of the last synced manifest");
        return true;
    }

    /// The covered files that differ: uploads, removals and the changed checksum lines.
    bool compare()
    {
        PublishPlan &publish = m_change.publish;
        for (const ExportIndexEntry &line : std::as_const(m_rendered.index)) {
            const auto previous = m_old.constFind(line.path);
            if (previous != m_old.cend() && previous->sha256 == line.sha256)
                continue;
            m_delta.upsert({*line.key, line.path, line.sha256}, previous == m_old.cend());
            if (previous == m_old.cend()) {
                ++publish.added;
                publish.created.insert(line.path);
            } else {
                ++publish.changed;
            }
            m_uploads.append(*m_rendered.find(line.path));
        }
        QSet<QString> renderedPaths;
        for (const ExportFile &file : std::as_const(m_rendered.files))
            renderedPaths.insert(file.path);
        for (auto it = m_old.cbegin(); it != m_old.cend(); ++it) {
            if (!renderedPaths.contains(it.key())) {
                m_delta.remove(it.key(), it->key.value_or(0));
                publish.remove.append(it.key());
            }
        }
        publish.deleted = int(publish.remove.size());
        if (publish.deleted >= 20)
            return stepAside("many files deleted (the mass-deletion guard decides)");
        return true;
    }

    /// The checksum files the changed lines fall into, and the digest of them all.
    Result<bool> rewriteChecksums()
    {
        ChecksumRewrite checksums(m_store, m_delta, m_oldChecksums);
        auto rewritten = checksums.run();
        if (!rewritten)
            return std::unexpected(rewritten.error());
        if (!*rewritten)
            return stepAside("the export index does not match its checksum files");
        QHash<QString, QByteArray> final = m_oldChecksums;
        for (const QString &path : std::as_const(checksums.replaced))
            final.remove(path);
        for (auto it = checksums.written.cbegin(); it != checksums.written.cend(); ++it) {
            const QByteArray sha = sha256Hex(it.value());
            final.insert(it.key(), sha);
            if (m_oldChecksums.value(it.key()) != sha) {
                m_uploads.append({it.key(), it.value()});
                m_change.index.entries.append({it.key(), std::nullopt, sha});
            }
        }
        for (const QString &path : std::as_const(checksums.replaced)) {
            if (!checksums.written.contains(path)) {
                m_change.publish.remove.append(path);
                m_change.index.removed.append(path);
            }
        }
        QList<std::pair<QString, QByteArray>> list;
        for (auto it = final.cbegin(); it != final.cend(); ++it)
            list.append({it.key(), it.value()});
        m_digest = checksumDigest(list);
        return true;
    }

    /// manifest.json and README.md, uploaded when they differ from the synced ones.
    Result<bool> renderGenerated()
    {
        ManifestInput input;
        input.username = m_changed.account.profile.username;
        input.checksumsDigest = m_digest;
        input.fileCount = m_fileCount
            = m_manifest.value(u"file_count"_s).toInteger() + m_delta.addedCount() - m_delta.removedCount();
        input.previousManifest = m_previousManifest;
        input.now = m_now;
        m_generated = renderManifest(input);
        if (!findSecrets(m_generated.manifest).isEmpty() || !findSecrets(m_generated.readme).isEmpty())
            return stepAside("a secret in the manifest or README");
        auto base = m_store.syncBaseEntries({u"manifest.json"_s, u"README.md"_s});
        if (!base)
            return std::unexpected(base.error());
        const std::pair<QString, QByteArray> generated[]
            = {{u"manifest.json"_s, m_generated.manifest}, {u"README.md"_s, m_generated.readme}};
        for (const auto &[path, bytes] : generated) {
            if (base->value(path).local.toLatin1() != GitBlob::id(bytes))
                m_uploads.append({path, bytes});
        }
        if (m_generated.manifest != m_previousManifest)
            m_change.manifest = m_generated.manifest;
        if (m_uploads.size() >= PackUpload::kMinFiles)
            return stepAside("as many files as a git pack takes");
        return true;
    }

    /// The change: the tree to upload, the base and index rows to record, the synced state.
    IncrementalChange finish()
    {
        IncrementalChange &change = m_change;
        PublishPlan &publish = change.publish;
        for (const ChecksumLine &line : m_delta.upserted())
            change.index.entries.append({line.path, line.key, line.sha256});
        for (auto it = m_delta.removed().cbegin(); it != m_delta.removed().cend(); ++it)
            change.index.removed.append(it.key());
        LocalState &local = change.local;
        local.integration = m_integration;
        local.hasLastSync = true;
        local.revision = m_revision;
        local.changeSequence = m_changed.sequence;
        std::sort(m_uploads.begin(), m_uploads.end(),
            [](const ExportFile &a, const ExportFile &b) { return a.path < b.path; });
        for (const ExportFile &file : std::as_const(m_uploads)) {
            const QByteArray blob = GitBlob::id(file.bytes);
            local.indexByPath.insert(file.path, local.tree.files.size());
            local.blobIds.insert(file.path, blob);
            local.tree.files.append(file);
            publish.upload.append(file.path);
            change.baseChanged.insert(file.path, {QString::fromLatin1(blob), QString::fromLatin1(blob)});
        }
        local.tree.exportedAt = m_generated.exportedAt;
        publish.remove.sort();
        change.baseRemoved = publish.remove;
        publish.tracked = int(m_fileCount);
        change.syncedState = LocalState::syncedStateFor(m_revision, m_changed.sequence, false);
        qCDebug(lcSync).noquote() << u"Incremental sync: %1 note(s) changed, %2 file(s) to send, %3 to delete"_s.arg(
            QString::number(m_changed.uuids.size()), QString::number(publish.upload.size()),
            QString::number(publish.remove.size()));
        return std::move(m_change);
    }

private:
    const Store &m_store;
    const Clock &m_clock;
    const GitHubIntegration &m_integration;
    const QByteArray &m_previousManifest;
    QJsonObject m_manifest;
    qint64 m_revision = -1;
    ChangedNotes m_changed;
    bool m_coursesChanged = false;
    bool m_plannerChanged = false;
    QDateTime m_now;
    ExportTree m_rendered;
    QHash<QString, ExportIndexEntry> m_old;
    QHash<QString, QByteArray> m_oldChecksums;
    LineDelta m_delta;
    QList<ExportFile> m_uploads;
    QString m_digest;
    qint64 m_fileCount = 0;
    ManifestFiles m_generated;
    IncrementalChange m_change;
};

} // namespace

Result<std::optional<IncrementalChange>> IncrementalSync::prepare(const Store &store, const Clock &clock,
    const GitHubIntegration &integration, bool includeAssets, const QByteArray &previousManifest)
{
    Preparation preparation(store, clock, integration, previousManifest);
    auto ready = preparation.ready(includeAssets);
    if (!ready) {
        return std::unexpected(ready.error());
    }
    if (!*ready) {
        return std::optional<IncrementalChange>();
    }
    return std::optional<IncrementalChange>(preparation.finish());
}

} // namespace Notechondria
