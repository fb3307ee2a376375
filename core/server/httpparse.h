// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QHttpServerRequest>
#include <QList>
#include <QUrlQuery>

#include <optional>
#include <utility>

namespace Notechondria::Http {

/// The request line and headers of one HTTP/1.1 request, checked and with its framing decided.
struct Head
{
    QByteArray methodText; ///< as sent, e.g. "PATCH"
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QString path; ///< decoded, e.g. "/api/v1/notes/12/"
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers; ///< names lowercase, values trimmed
    std::optional<qint64> contentLength; ///< the one Content-Length, when sent
    bool chunked = false; ///< Transfer-Encoding: chunked
    bool keepAlive = true; ///< HTTP/1.1 without Connection: close
    bool expectContinue = false; ///< Expect: 100-continue

    /// The value of the first header named `name` (lowercase); empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
    [[nodiscard]] bool hasBody() const { return chunked || contentLength.value_or(0) > 0; }
};

/**
 * Parses a request head (everything before the empty line, without it). Strict: CRLF line ends, no folded or
 * malformed header lines, exactly one Host, at most one Content-Length (digits only) and never together with
 * Transfer-Encoding, which may only be `chunked`. Errors carry the status to answer (400, 417, 501, 505).
 */
[[nodiscard]] Result<Head> parseHead(QByteArrayView bytes);

/**
 * Decodes a `Transfer-Encoding: chunked` body as it arrives: chunk sizes in hex (extensions ignored), each chunk
 * followed by CRLF, a last chunk of size 0 and optional trailer lines (dropped). Anything else is an error (400);
 * a body growing past `limit` is an error (413).
 */
class ChunkedDecoder
{
public:
    explicit ChunkedDecoder(qint64 limit = 0)
        : m_limit(limit)
    {
    }

    /// Consumes what it can from `in` (removing it), appending decoded bytes to `out`.
    [[nodiscard]] Result<void> feed(QByteArray &in, QByteArray &out);
    [[nodiscard]] bool isDone() const { return m_state == State::Done; }

private:
    enum class State { Size, Data, DataEnd, Trailer, Done };
    [[nodiscard]] Result<void> readSizeLine(QByteArrayView line);

    State m_state = State::Size;
    qint64 m_limit;
    qint64 m_remaining = 0;
    qint64 m_total = 0;
    qsizetype m_trailerBytes = 0;
};

/// `fail()` for the transport: consequence "Request not accepted", module Core.Server/http.
[[nodiscard]] std::unexpected<Error> refuse(int status, const QString &cause);

} // namespace Notechondria::Http
