// SPDX-License-Identifier: GPL-3.0-or-later
#include "multipart.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString consequence = u"Upload not accepted"_s;
const QString module = u"Core.Server/multipart"_s;

std::unexpected<Error> malformed(const QString &cause)
{
    return fail(consequence, module, cause, 400);
}

/// Splits `a=b; c="d"` parameters (after the first `;`) into name/value pairs; names are lowercased.
QList<std::pair<QByteArray, QByteArray>> parameters(QByteArrayView header)
{
    QList<std::pair<QByteArray, QByteArray>> out;
    qsizetype pos = header.indexOf(';');
    while (pos >= 0 && pos < header.size()) {
        ++pos;
        while (pos < header.size() && (header[pos] == ' ' || header[pos] == '\t')) {
            ++pos;
        }
        const qsizetype equals = header.indexOf('=', pos);
        if (equals < 0) {
            break;
        }
        const QByteArray name = header.sliced(pos, equals - pos).trimmed().toByteArray().toLower();
        pos = equals + 1;
        QByteArray value;
        if (pos < header.size() && header[pos] == '"') {
            ++pos;
            while (pos < header.size() && header[pos] != '"') {
                if (header[pos] == '\\' && pos + 1 < header.size()) {
                    ++pos;
                }
                value.append(header[pos]);
                ++pos;
            }
            ++pos; // closing quote
            const qsizetype next = header.indexOf(';', pos);
            pos = next < 0 ? header.size() : next;
        } else {
            const qsizetype next = header.indexOf(';', pos);
            const qsizetype end = next < 0 ? header.size() : next;
            value = header.sliced(pos, end - pos).trimmed().toByteArray();
            pos = end;
        }
        out.append({name, value});
    }
    return out;
}

QString baseName(const QByteArray &raw)
{
    QString name = QString::fromUtf8(raw);
    const qsizetype slash = std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\'));
    if (slash >= 0) {
        name = name.mid(slash + 1);
    }
    name.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    return name;
}

} // namespace

MultipartParser::MultipartParser(MultipartLimits limits)
    : m_limits(limits)
{
}

QByteArray MultipartParser::boundaryOf(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray type = contentType.left(semicolon < 0 ? contentType.size() : semicolon).trimmed().toLower();
    if (type != "multipart/form-data") {
        return {};
    }
    for (const auto &[name, value] : parameters(contentType)) {
        if (name == "boundary") {
            return value;
        }
    }
    return {};
}

Result<QList<MultipartPart>> MultipartParser::parse(const QByteArray &contentType, const QByteArray &body) const
{
    const QByteArray boundary = boundaryOf(contentType);
    if (boundary.isEmpty() || boundary.size() > 70) {
        return malformed(u"the Content-Type is not multipart/form-data with a boundary of 1 to 70 characters."_s);
    }
    const QByteArray delimiter = QByteArray("--") + boundary;
    // The body starts with the first delimiter (a preamble before it is allowed and ignored).
    const QByteArray separator = QByteArray("\r\n") + delimiter;
    qsizetype pos = body.startsWith(delimiter) ? 0 : body.indexOf(separator);
    if (pos < 0) {
        return malformed(u"the body has no opening boundary."_s);
    }
    pos = body.startsWith(delimiter) ? delimiter.size() : pos + 2 + delimiter.size();
    QList<MultipartPart> parts;
    while (true) {
        if (body.sliced(pos).startsWith("--")) {
            return parts; // closing delimiter; an epilogue after it is ignored
        }
        // Transport padding then CRLF after the delimiter.
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) {
            ++pos;
        }
        if (!body.sliced(pos).startsWith("\r\n")) {
            return malformed(u"a boundary line is not followed by a line break."_s);
        }
        pos += 2;
        const qsizetype next = body.indexOf(separator, pos);
        if (next < 0) {
            return malformed(u"the body ends without its closing boundary."_s);
        }
        if (parts.size() >= m_limits.maxParts) {
            return malformed(u"the form has more than %1 parts."_s.arg(m_limits.maxParts));
        }
        auto part = parsePart(QByteArrayView(body).sliced(pos, next - pos));
        if (!part) {
            return std::unexpected(part.error());
        }
        parts.append(std::move(*part));
        pos = next + separator.size();
    }
}

Result<MultipartPart> MultipartParser::parsePart(QByteArrayView raw) const
{
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    if (headerEnd < 0 && !raw.startsWith("\r\n")) {
        return malformed(u"a part has no blank line after its headers."_s);
    }
    const qsizetype headerSize = headerEnd < 0 ? 0 : headerEnd;
    if (headerSize > m_limits.maxHeaderBytes) {
        return malformed(u"a part's headers are longer than %1 bytes."_s.arg(m_limits.maxHeaderBytes));
    }
    MultipartPart part;
    bool hasDisposition = false;
    const QList<QByteArray> lines = raw.first(headerSize).toByteArray().split('\n');
    for (QByteArray line : lines) {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.isEmpty()) {
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            return malformed(u"a part has a header line without a colon."_s);
        }
        const QByteArray name = line.first(colon).trimmed().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed();
        if (name == "content-disposition") {
            if (!value.toLower().startsWith("form-data")) {
                return malformed(u"a part's Content-Disposition is not form-data."_s);
            }
            hasDisposition = true;
            for (const auto &[key, parameter] : parameters(value)) {
                if (key == "name") {
                    part.name = QString::fromUtf8(parameter);
                } else if (key == "filename") {
                    part.isFile = true;
                    part.fileName = baseName(parameter);
                }
            }
        } else if (name == "content-type") {
            part.contentType = value;
        }
    }
    if (!hasDisposition || part.name.isEmpty()) {
        return malformed(u"a part has no Content-Disposition form-data name."_s);
    }
    const qsizetype bodyStart = headerEnd < 0 ? 2 : headerEnd + 4;
    const qsizetype size = raw.size() - bodyStart;
    const qsizetype limit = part.isFile ? m_limits.maxFileBytes : m_limits.maxFieldBytes;
    if (size > limit) {
        return fail(
            consequence, module, u"the part '%1' is larger than %2 bytes."_s.arg(part.name.left(64)).arg(limit), 413);
    }
    part.body = raw.sliced(bodyStart).toByteArray();
    return part;
}

} // namespace Notechondria
