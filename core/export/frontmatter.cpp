// SPDX-License-Identifier: GPL-3.0-or-later
// A note's Markdown file: YAML frontmatter (emitted and parsed with yaml-cpp) kept one `key: value` per line so
// upstream's line-based restore script still reads it; the parser also reads upstream's own line format.
#include "exporter.h"
#include "exportutil.h"

#include <yaml-cpp/yaml.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <charconv>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr std::array systemKeys
    = {"title", "uuid", "course_slug", "is_public", "editor_mode", "last_edit", "date_created"};

bool isSystemKey(const QString &key)
{
    return std::any_of(
        systemKeys.begin(), systemKeys.end(), [&key](const char *system) { return key == QLatin1StringView(system); });
}

/// The keys of the top-level object of an (already validated) JSON text, in the order they first appear.
/// QJsonObject sorts its keys; upstream writes custom keys in the user's order, and so do we.
QStringList topLevelKeysInOrder(const QByteArray &json)
{
    QStringList keys;
    qsizetype i = json.indexOf('{');
    if (i < 0)
        return keys;
    int depth = 0;
    bool expectKey = true;
    for (++i; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            const qsizetype start = i;
            for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                if (json.at(i) == '\\')
                    ++i;
            }
            if (depth == 0 && expectKey) {
                const QByteArray raw = json.mid(start, i - start + 1);
                const QString key = QJsonDocument::fromJson('[' + raw + ']').array().at(0).toString();
                if (!keys.contains(key))
                    keys.append(key);
                expectKey = false;
            }
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth-- == 0)
                break;
        } else if (c == ',' && depth == 0) {
            expectKey = true;
        }
    }
    return keys;
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

void emitJsonValue(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        break;
    case QJsonValue::Bool:
        out << value.toBool();
        break;
    case QJsonValue::Double:
        if (value.toVariant().typeId() == QMetaType::LongLong)
            out << static_cast<long long>(value.toInteger());
        else
            out << pythonFloatRepr(value.toDouble()).toStdString();
        break;
    case QJsonValue::String:
        out << YAML::DoubleQuoted << utf8(value.toString());
        break;
    case QJsonValue::Array:
        out << YAML::Flow << YAML::BeginSeq;
        for (const auto &item : value.toArray())
            emitJsonValue(out, item);
        out << YAML::EndSeq;
        break;
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        out << YAML::Flow << YAML::BeginMap;
        for (auto it = object.begin(); it != object.end(); ++it) {
            out << YAML::Key << YAML::DoubleQuoted << utf8(it.key()) << YAML::Value;
            emitJsonValue(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    }
}

void emitString(YAML::Emitter &out, const char *key, const QString &value)
{
    out << YAML::Key << YAML::DoubleQuoted << key << YAML::Value << YAML::DoubleQuoted << utf8(value);
}

void emitCustomMeta(YAML::Emitter &out, const QString &customMeta)
{
    const QByteArray raw = customMeta.toUtf8();
    if (raw.trimmed().isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(raw, &error);
    if (error.error != QJsonParseError::NoError) {
        emitString(out, "_invalid_json", customMeta);
        return;
    }
    if (!document.isObject())
        return; // upstream ignores a custom_meta that is not an object; .meta.json keeps it verbatim
    const QJsonObject object = document.object();
    for (const QString &key : topLevelKeysInOrder(raw)) {
        if (isSystemKey(key))
            continue; // never override a system key (upstream §3.3 finding); .meta.json keeps the full custom meta
        out << YAML::Key << YAML::DoubleQuoted << utf8(key) << YAML::Value;
        emitJsonValue(out, object.value(key));
    }
}

bool isIdentifierChar(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
}

/// Words other YAML readers take for a bool or null: such a key stays quoted.
bool isYamlKeyword(QByteArrayView word)
{
    static const QList<QByteArray> keywords = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"};
    const QByteArray lower = word.toByteArray().toLower();
    return keywords.contains(lower);
}

/**
 * Every top-level key is emitted double-quoted (yaml-cpp's check for a plain scalar costs ~7 us per key, which is
 * most of the time of 10,000 notes); a key that is a plain identifier is written unquoted again here, which is the
 * same YAML and is the `key: value` shape upstream's line-based reader expects. Each line starts with a key: values
 * never span lines.
 */
void appendWithPlainKeys(QByteArray &file, QByteArrayView yaml)
{
    qsizetype lineStart = 0;
    while (lineStart < yaml.size()) {
        qsizetype lineEnd = yaml.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = yaml.size();
        const QByteArrayView line = yaml.sliced(lineStart, lineEnd - lineStart);
        qsizetype end = 1;
        while (end < line.size() && isIdentifierChar(line[end], end == 1))
            ++end;
        const bool plain = line.startsWith('"') && end > 1 && line.sliced(end).startsWith("\":")
            && !isYamlKeyword(line.sliced(1, end - 1));
        if (plain) {
            file.append(line.sliced(1, end - 1));
            file.append(line.sliced(end + 1));
        } else {
            file.append(line);
        }
        if (lineEnd < yaml.size())
            file.append('\n');
        lineStart = lineEnd + 1;
    }
}

} // namespace

QByteArray renderNoteMarkdown(const Note &note, const QString &courseSlug)
{
    YAML::Emitter out;
    out.SetOutputCharset(YAML::EmitNonAscii);
    out.SetNullFormat(YAML::LowerNull);
    out.SetBoolFormat(YAML::TrueFalseBool);
    out.SetBoolFormat(YAML::LowerCase);
    out << YAML::BeginMap;
    emitString(out, "title", note.title);
    emitString(out, "uuid", note.uuid.toString(QUuid::WithoutBraces));
    if (courseSlug.isEmpty())
        out << YAML::Key << YAML::DoubleQuoted << "course_slug" << YAML::Value << YAML::Null;
    else
        emitString(out, "course_slug", courseSlug);
    out << YAML::Key << YAML::DoubleQuoted << "is_public" << YAML::Value << note.isPublic;
    emitString(out, "editor_mode", note.editorMode);
    emitString(out, "last_edit", isoTimestamp(note.lastEdit));
    emitString(out, "date_created", isoTimestamp(note.dateCreated));
    emitCustomMeta(out, note.customMeta);
    out << YAML::EndMap;

    const QByteArray content = note.content.toUtf8();
    QByteArray file;
    file.reserve(qsizetype(out.size()) + content.size() + 16);
    file.append("---\n");
    appendWithPlainKeys(file, QByteArrayView(out.c_str(), qsizetype(out.size())));
    file.append("\n---\n\n");
    file.append(content);
    file.append('\n');
    return file;
}

namespace {

QVariant plainScalar(const std::string &text)
{
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
        return QVariant::fromValue(nullptr);
    if (text == "true" || text == "True" || text == "TRUE")
        return true;
    if (text == "false" || text == "False" || text == "FALSE")
        return false;
    const char *end = text.data() + text.size();
    long long integer = 0;
    if (auto [ptr, ec] = std::from_chars(text.data(), end, integer); ec == std::errc() && ptr == end)
        return integer;
    double real = 0;
    if (auto [ptr, ec] = std::from_chars(text.data(), end, real); ec == std::errc() && ptr == end)
        return real;
    return QString::fromStdString(text);
}

QVariant yamlToVariant(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        // A quoted scalar carries the non-specific tag "!": it is a string whatever it looks like.
        return node.Tag() == "!" ? QVariant(QString::fromStdString(node.Scalar())) : plainScalar(node.Scalar());
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const YAML::Node &item : node)
            list.append(yamlToVariant(item));
        return list;
    }
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (const auto &entry : node)
            map.insert(QString::fromStdString(entry.first.as<std::string>()), yamlToVariant(entry.second));
        return map;
    }
    default:
        return QVariant::fromValue(nullptr);
    }
}

std::optional<QVariantMap> parseYamlBlock(const QString &block)
{
    try {
        const YAML::Node root = YAML::Load(block.toStdString());
        if (!root.IsMap())
            return std::nullopt;
        return yamlToVariant(root).toMap();
    } catch (const YAML::Exception &) {
        return std::nullopt;
    }
}

/// Upstream's format: `key: "value"` with only `"` escaped, `null`, `true`/`false`, everything else a string.
QVariantMap parseUpstreamLines(const QStringList &lines)
{
    QVariantMap map;
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (value == "null"_L1)
            map.insert(key, QVariant::fromValue(nullptr));
        else if (value == "true"_L1 || value == "false"_L1)
            map.insert(key, value == "true"_L1);
        else if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            map.insert(key, value.mid(1, value.size() - 2).replace(u"\\\""_s, u"\""_s));
        else
            map.insert(key, value);
    }
    return map;
}

} // namespace

Result<ParsedNoteFile> parseNoteMarkdown(const QByteArray &bytes, FrontmatterDialect dialect)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return fail(u"Cannot read the note file"_s, u"Core.Export/parse_note"_s, u"the file is not valid UTF-8."_s);
    if (text.startsWith(u"---\r\n"_s))
        text.replace(u"\r\n"_s, u"\n"_s); // a CRLF checkout of the whole file

    ParsedNoteFile parsed;
    if (!text.startsWith(u"---\n"_s)) {
        parsed.body = text;
        return parsed;
    }
    qsizetype closing = -1;
    qsizetype afterClosing = -1;
    for (qsizetype lineStart = 4; lineStart < text.size();) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        const qsizetype next = lineEnd < 0 ? text.size() : lineEnd + 1;
        if (lineEnd < 0)
            lineEnd = text.size();
        if (QStringView(text).sliced(lineStart, lineEnd - lineStart).trimmed() == u"---") {
            closing = lineStart;
            afterClosing = next;
            break;
        }
        lineStart = next;
    }
    if (closing < 0) {
        parsed.body = text; // no closing line: the whole file is the body, as upstream reads it
        return parsed;
    }
    const QString block = text.sliced(4, closing - 4);
    std::optional<QVariantMap> frontmatter;
    if (dialect != FrontmatterDialect::UpstreamLines)
        frontmatter = parseYamlBlock(block);
    if (!frontmatter && dialect == FrontmatterDialect::Yaml)
        return fail(
            u"Cannot read the note file"_s, u"Core.Export/parse_note"_s, u"the frontmatter is not a YAML mapping."_s);
    parsed.frontmatter = frontmatter ? *frontmatter : parseUpstreamLines(block.split(u'\n'));

    QString body = text.sliced(afterClosing);
    if (body.startsWith(u'\n'))
        body.remove(0, 1); // the blank line after the frontmatter
    if (body.endsWith(u'\n'))
        body.chop(1); // the trailing newline the writer adds
    parsed.body = body;
    return parsed;
}

} // namespace Notechondria
