// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpparse.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Notechondria::Http {

namespace {

constexpr qsizetype maxHeaders = 100;
constexpr qsizetype maxSizeLine = 1024;
constexpr qsizetype maxTrailerBytes = qsizetype(8) * 1024;

bool isTokenChar(char c)
{
    static constexpr QByteArrayView extra("!#$%&'*+-.^_`|~");
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::ranges::all_of(text, isTokenChar);
}

/// Field values may hold visible characters, spaces and tabs, never other control characters.
bool isFieldValue(QByteArrayView text)
{
    return std::ranges::none_of(text, [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t') || u == 0x7f;
    });
}

QHttpServerRequest::Method methodOf(QByteArrayView name)
{
    using Method = QHttpServerRequest::Method;
    static const QList<std::pair<QByteArrayView, Method>> methods{{"GET", Method::Get}, {"POST", Method::Post},
        {"PUT", Method::Put}, {"PATCH", Method::Patch}, {"DELETE", Method::Delete}, {"HEAD", Method::Head},
        {"OPTIONS", Method::Options}, {"TRACE", Method::Trace}, {"CONNECT", Method::Connect}};
    for (const auto &[text, method] : methods) {
        if (name == text) {
            return method;
        }
    }
    return Method::Unknown;
}

Result<void> parseRequestLine(QByteArrayView line, Head &head, bool &http10)
{
    const qsizetype first = line.indexOf(' ');
    const qsizetype last = line.lastIndexOf(' ');
    if (first <= 0 || last <= first + 1) {
        return refuse(400, u"the request line is not METHOD TARGET HTTP/1.1."_s);
    }
    const QByteArrayView method = line.first(first);
    const QByteArrayView target = line.sliced(first + 1, last - first - 1);
    const QByteArrayView version = line.sliced(last + 1);
    if (!isToken(method) || target.contains(' ')) {
        return refuse(400, u"the request line is not METHOD TARGET HTTP/1.1."_s);
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        return refuse(505, u"only HTTP/1.1 is served."_s);
    }
    http10 = version == "HTTP/1.0";
    if (!target.startsWith('/') || !isFieldValue(target) || target.contains('#')) {
        return refuse(400, u"the request target is not an absolute path."_s);
    }
    const QUrl url = QUrl::fromEncoded(QByteArray("http://localhost" + target.toByteArray()), QUrl::StrictMode);
    if (!url.isValid()) {
        return refuse(400, u"the request target is not a valid path."_s);
    }
    head.methodText = method.toByteArray();
    head.method = methodOf(method);
    head.path = url.path();
    head.query = QUrlQuery(url);
    return {};
}

Result<void> parseHeaderLine(QByteArrayView line, Head &head)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        return refuse(400, u"folded header lines are not accepted."_s);
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon))) {
        return refuse(400, u"a header line is not NAME: VALUE."_s);
    }
    const QByteArrayView value = line.sliced(colon + 1).trimmed();
    if (!isFieldValue(value)) {
        return refuse(400, u"a header value holds control characters."_s);
    }
    head.headers.append({line.first(colon).toByteArray().toLower(), value.toByteArray()});
    return {};
}

qsizetype countOf(const Head &head, QByteArrayView name)
{
    return std::ranges::count_if(head.headers, [name](const auto &header) { return header.first == name; });
}

/// Decides how the body is framed; refuses anything two parsers could read differently.
Result<void> decideFraming(Head &head, bool http10)
{
    const qsizetype lengths = countOf(head, "content-length");
    const qsizetype encodings = countOf(head, "transfer-encoding");
    if (lengths > 1) {
        return refuse(400, u"the request has more than one Content-Length header."_s);
    }
    if (encodings > 1) {
        return refuse(400, u"the request has more than one Transfer-Encoding header."_s);
    }
    if (lengths == 1 && encodings == 1) {
        return refuse(400, u"the request has both Content-Length and Transfer-Encoding."_s);
    }
    if (lengths == 1) {
        const QByteArray text = head.header("content-length");
        if (text.isEmpty() || text.size() > 15
            || !std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; })) {
            return refuse(400, u"the Content-Length is not a number."_s);
        }
        head.contentLength = text.toLongLong();
    }
    if (encodings == 1) {
        if (http10) {
            return refuse(400, u"HTTP/1.0 requests cannot use Transfer-Encoding."_s);
        }
        if (head.header("transfer-encoding").toLower() != "chunked") {
            return refuse(501, u"only Transfer-Encoding: chunked is accepted."_s);
        }
        head.chunked = true;
    }
    return {};
}

} // namespace

QByteArray Head::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

bool Head::hasHeader(QByteArrayView name) const
{
    return countOf(*this, name) > 0;
}

std::unexpected<Error> refuse(int status, const QString &cause)
{
    return fail(u"Request not accepted"_s, u"Core.Server/http"_s, cause, status);
}

Result<Head> parseHead(QByteArrayView bytes)
{
    Head head;
    bool http10 = false;
    qsizetype start = 0;
    qsizetype lineNumber = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf("\r\n", start);
        if (end < 0) {
            end = bytes.size();
        }
        const QByteArrayView line = bytes.sliced(start, end - start);
        if (line.contains('\r') || line.contains('\n')) {
            return refuse(400, u"header lines must end in CRLF."_s);
        }
        const auto parsed = lineNumber == 0 ? parseRequestLine(line, head, http10) : parseHeaderLine(line, head);
        if (!parsed) {
            return std::unexpected(parsed.error());
        }
        if (++lineNumber > maxHeaders) {
            return refuse(431, u"the request has more than %1 headers."_s.arg(maxHeaders));
        }
        start = end + 2;
    }
    if (const qsizetype hosts = countOf(head, "host"); hosts > 1 || (!http10 && hosts == 0)) {
        return refuse(400, u"the request must carry exactly one Host header."_s);
    }
    if (const auto framing = decideFraming(head, http10); !framing) {
        return std::unexpected(framing.error());
    }
    const QByteArray connection = head.header("connection").toLower();
    head.keepAlive = !http10 && !connection.split(',').contains("close");
    if (head.hasHeader("expect")) {
        if (head.header("expect").toLower() != "100-continue") {
            return refuse(417, u"only Expect: 100-continue is understood."_s);
        }
        head.expectContinue = true;
    }
    return head;
}

Result<void> ChunkedDecoder::readSizeLine(QByteArrayView line)
{
    const qsizetype semicolon = line.indexOf(';');
    const QByteArrayView digits = (semicolon < 0 ? line : line.first(semicolon)).trimmed();
    const bool hex = std::ranges::all_of(
        digits, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); });
    if (digits.isEmpty() || digits.size() > 15 || !hex) {
        return refuse(400, u"a chunk size is not a hexadecimal number."_s);
    }
    m_remaining = digits.toLongLong(nullptr, 16);
    if (m_limit > 0 && m_total + m_remaining > m_limit) {
        return refuse(413, u"the body is larger than %1 MB."_s.arg(m_limit / (qsizetype(1024) * 1024)));
    }
    m_state = m_remaining == 0 ? State::Trailer : State::Data;
    return {};
}

Result<void> ChunkedDecoder::feed(QByteArray &in, QByteArray &out)
{
    qsizetype used = 0;
    Result<void> result;
    while (result && m_state != State::Done && used < in.size()) {
        if (m_state == State::Data) {
            const qsizetype take = std::min<qint64>(m_remaining, in.size() - used);
            out.append(QByteArrayView(in).sliced(used, take));
            used += take;
            m_total += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                m_state = State::DataEnd;
            }
            continue;
        }
        const qsizetype end = in.indexOf("\r\n", used);
        const qsizetype cap = m_state == State::Trailer ? maxTrailerBytes - m_trailerBytes : maxSizeLine;
        if (end < 0) {
            if (in.size() - used > cap) {
                result = refuse(400, u"a chunk line is too long."_s);
            }
            break;
        }
        const QByteArrayView line = QByteArrayView(in).sliced(used, end - used);
        used = end + 2;
        if (line.contains('\r') || line.contains('\n')) {
            result = refuse(400, u"chunk lines must end in CRLF."_s);
        } else if (m_state == State::DataEnd) {
            result = line.isEmpty() ? Result<void>{} : refuse(400, u"a chunk is longer than its size says."_s);
            m_state = State::Size;
        } else if (m_state == State::Size) {
            result = readSizeLine(line);
        } else if (line.isEmpty()) {
            m_state = State::Done; // the empty line after the last chunk and its trailers
        } else {
            m_trailerBytes += line.size() + 2; // a trailer line and its CRLF
            if (m_trailerBytes > maxTrailerBytes || line.indexOf(':') <= 0) {
                result = refuse(400, u"a chunked trailer line is malformed."_s);
            }
        }
    }
    in.remove(0, used);
    return result;
}

} // namespace Notechondria::Http
