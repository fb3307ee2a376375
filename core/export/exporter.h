// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtTypes>
#include <QVariantMap>

#include <memory>
#include <optional>
#include <utility>

namespace Notechondria {

/**
 * The revision of the export's format. Raise it whenever the same data would export to different bytes (a new key, a
 * changed layout): a sync compares it to skip exporting an account that has not changed since the last sync.
 */
inline constexpr int exportFormatRevision = 3;

/// How to materialize an account.
struct ExportOptions
{
    bool includeAssets = false; ///< inline avatar, covers and attachments under assets/
    qint64 perFileCap = 50LL << 20; ///< an asset larger than this is skipped
    qint64 totalCap = 200LL << 20; ///< assets beyond this running total are skipped
    QByteArray previousManifest; ///< the manifest.json of the last export/push ("" when none)
    QDateTime now; ///< the clock's time; used only when some file changed
    /// With checksums/, manifest.json and README.md. Without (an incremental sync's part of the account): only the
    /// files of what the snapshot holds, with their checksum lines in ExportTree::index.
    bool generatedFiles = true;
    /// With courses/<slug>.json (an incremental sync leaves them out when no course changed; the slugs still name
    /// the notes' courses).
    bool courseFiles = true;
    /// With ExportTree::index (what a sync records); an export to a folder or a preview does not need it.
    bool keepIndex = true;
};

/// One file of the export: its repository path and its exact bytes.
struct ExportFile
{
    QString path;
    QByteArray bytes;
};

/// An asset left out of the export (over a cap), as listed in manifest.skipped_assets.
struct SkippedAsset
{
    QString path; ///< the path it would have had
    qint64 sizeBytes = 0;
    QString reason; ///< "exceeds_per_file_or_total_cap"
};

/// A file that was not written, with a message in the three-part shape.
struct ExportProblem
{
    QString path;
    QString message;
};

/// The whole export, in memory.
struct ExportTree
{
    QList<ExportFile> files; ///< sorted by path; includes manifest.json and README.md
    QList<SkippedAsset> skipped;
    QList<ExportProblem> rejected; ///< unsafe names: reported, never written
    QList<ExportProblem> withheld; ///< secret scan hits: not in `files`, reported by path
    QList<ExportFile> withheldFiles; ///< their bytes, for the sync's own bookkeeping only: never pushed or written
    QDateTime exportedAt; ///< the manifest's exported_at (the previous one when nothing changed)
    /// Per covered file its checksum key and SHA-256, per checksum file its SHA-256 (no key): the store's export index.
    QList<ExportIndexEntry> index;

    /// The file at @p path, or nullptr.
    [[nodiscard]] const ExportFile *find(const QString &path) const;
};

/// What manifest.json and README.md say about an export.
struct ManifestInput
{
    QString username;
    bool includeAssets = false;
    QString checksumsDigest; ///< checksums_sha256
    qsizetype fileCount = 0; ///< the files checksums/ covers
    QList<SkippedAsset> skipped;
    QList<ExportProblem> withheld;
    QHash<QString, QStringList> withheldKinds; ///< per withheld path the kinds of secret found
    QByteArray previousManifest; ///< exported_at is kept from it when its checksums_sha256 is the same
    QDateTime now;
};

/// manifest.json, README.md and the exported_at they carry.
struct ManifestFiles
{
    QByteArray manifest;
    QByteArray readme;
    QDateTime exportedAt;
};

/// The manifest and README of an export: the same bytes for the whole export and for an incremental sync's.
[[nodiscard]] ManifestFiles renderManifest(const ManifestInput &input);

/**
 * materialize() in parts, so an account's notes can be read and rendered in batches instead of all being held at
 * once: begin() with the account's other parts, addNotes() with every note in export order (by uuid), the recycle
 * bin's too, then finish(). The same account gives the same bytes either way.
 */
class ExportBuilder
{
public:
    explicit ExportBuilder(const ExportOptions &options);
    ~ExportBuilder();
    ExportBuilder(const ExportBuilder &) = delete;
    ExportBuilder &operator=(const ExportBuilder &) = delete;

    /// Profile, courses, events and feeds (@p account's notes are ignored: give them to addNotes()).
    void begin(const AccountSnapshot &account);
    void addNotes(const QList<Note> &notes);
    [[nodiscard]] ExportTree finish();

private:
    class Builder;
    std::unique_ptr<Builder> m_builder;
};

/**
 * Builds the export tree of @p account: upstream's layout (profile/, courses/, notes/, planner/, assets/,
 * manifest.json, README.md) plus recycle_bin.json. Deterministic: the same account and options give the same
 * bytes; options.now is used only when some file differs from options.previousManifest.
 */
[[nodiscard]] ExportTree materialize(const AccountSnapshot &account, const ExportOptions &options);

/**
 * Writes @p tree below @p directory (created when missing), and removes the files that a previous export in that
 * folder wrote (listed in its manifest.json) that are no longer part of the tree.
 */
[[nodiscard]] Result<void> writeExportTree(const ExportTree &tree, const QString &directory);

/// Python's json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) + "\n", byte for byte.
[[nodiscard]] QByteArray canonicalJson(const QJsonValue &value);

/// Python's isoformat() of a UTC datetime: 2026-07-20T12:34:56.123000+00:00; the fraction omitted when zero.
[[nodiscard]] QString isoTimestamp(const QDateTime &utc);

/// A note's Markdown file: YAML frontmatter, a blank line, the content, "\n". @p courseSlug "" = course_slug: null.
[[nodiscard]] QByteArray renderNoteMarkdown(const Note &note, const QString &courseSlug);

/// A note file split into its frontmatter and body.
struct ParsedNoteFile
{
    QVariantMap frontmatter;
    QString body;
};

/// How parseNoteMarkdown reads the frontmatter.
enum class FrontmatterDialect {
    Auto, ///< YAML when the block parses as a YAML mapping, else upstream's line format
    Yaml, ///< ours only: a block that is not a YAML mapping is an error
    UpstreamLines, ///< upstream's line format (schema_version 1 backups): `key: "value"`, only `\"` unescaped
};

/**
 * Reads a note file: ours (YAML) and upstream's line-based format; tolerant of CRLF. The body is the text after the
 * closing `---` line without the one blank line and the one trailing newline the writer adds. YAML null values come
 * back as a null QVariant (std::nullptr_t), quoted scalars as strings, plain ones as bool/qint64/double/string.
 */
[[nodiscard]] Result<ParsedNoteFile> parseNoteMarkdown(
    const QByteArray &bytes, FrontmatterDialect dialect = FrontmatterDialect::Auto);

/// The kinds of secrets found in @p bytes: "GitHub token", "private key", "Notechondria API key" (never the values).
[[nodiscard]] QStringList findSecrets(const QByteArray &bytes);

/// Whether @p path is one of the export's checksum files (checksums/<name>.sha256): generated, never merged.
[[nodiscard]] bool isChecksumPath(const QString &path);

/// At most this many lines per checksum file (one note's files always share a file, so one may hold a few more).
inline constexpr qsizetype kChecksumLinesPerFile = 64;

/// One line of the checksum index: a file checksums/ covers.
struct ChecksumLine
{
    quint64 key = 0; ///< where the line lives: the note's uuid for its files, else a hash of the path (checksumKey)
    QString path;
    QByteArray sha256; ///< lowercase hex
};

/// Whether checksums/ lists @p path: every export file but manifest.json, README.md and the checksum files.
[[nodiscard]] bool isChecksumCovered(const QString &path);
/// The 64-bit key that places @p path's line: the first 16 hex digits of the note for a note's files, else the first
/// 8 bytes of SHA-1(path).
[[nodiscard]] quint64 checksumKey(const QString &path);
/// checksums/<the first @p bits bits of @p key as 0/1>.sha256; checksums/all.sha256 for 0 bits.
[[nodiscard]] QString checksumFilePath(quint64 key, int bits);
/// The prefix (key with the low bits zero, bit count) a checksum file's path names; nullopt when it names none.
[[nodiscard]] std::optional<std::pair<quint64, int>> checksumPrefixOf(const QString &path);
/// "<sha256>  <path>\n", sha256sum's text-mode line.
[[nodiscard]] QByteArray checksumLineText(const QByteArray &sha256, const QString &path);
/**
 * The checksum files of @p lines, all below the prefix of @p bits bits (0: the whole index): split by the next bit
 * until each holds at most kChecksumLinesPerFile lines. The split depends only on the set of keys, so an edit changes
 * one file and adding or removing a note at most two or three, and a part of the index splits as the whole would.
 */
[[nodiscard]] QList<ExportFile> checksumFilesOf(const QList<ChecksumLine> &lines, int bits);
/// manifest.json's checksums_sha256: the SHA-256 of the checksum files' own sha256sum lines (path, SHA-256), in path
/// order. Equal exactly when every covered file is, and computed from the few hundred checksum files, not every file.
[[nodiscard]] QString checksumDigest(const QList<std::pair<QString, QByteArray>> &checksumFiles);

/// Whether @p slug can name a file: no "..", separators, NUL, control characters, reserved names, leading dot, and
/// at most 100 characters.
[[nodiscard]] bool isSafeSlug(const QString &slug);

/// Whether @p name is a safe single path component (same rules as isSafeSlug).
[[nodiscard]] bool isSafeFileName(const QString &name);

/// Whether @p name is one path component that cannot step out of its folder: not empty, ".", "..", over 255
/// characters, and without separators, NUL or control characters. Looser than isSafeFileName: for names we only
/// store or unpack (uploads, archive entries), never for names we export.
[[nodiscard]] bool isPathComponent(const QString &name);

} // namespace Notechondria
