// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpconnection.h"

#include "logging.h"

#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace Notechondria::Http {

namespace {

constexpr qint64 readChunk = qint64(64) * 1024;

QByteArrayView reasonPhrase(int status)
{
    static const QList<std::pair<int, QByteArrayView>> reasons{{200, "OK"}, {201, "Created"}, {202, "Accepted"},
        {303, "See Other"}, {204, "No Content"}, {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"},
        {404, "Not Found"}, {405, "Method Not Allowed"}, {408, "Request Timeout"}, {409, "Conflict"},
        {413, "Content Too Large"}, {415, "Unsupported Media Type"}, {417, "Expectation Failed"},
        {422, "Unprocessable Content"}, {431, "Request Header Fields Too Large"}, {500, "Internal Server Error"},
        {501, "Not Implemented"}, {502, "Bad Gateway"}, {503, "Service Unavailable"},
        {505, "HTTP Version Not Supported"}};
    for (const auto &[code, text] : reasons) {
        if (code == status) {
            return text;
        }
    }
    return "Status";
}

} // namespace

QByteArray serialize(const ApiResponse &response, bool headOnly, bool close)
{
    const bool noBody = response.status == 204 || response.status == 304;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status).toByteArray() + "\r\nContent-Type: " + response.contentType
        + "\r\nContent-Length: " + QByteArray::number(noBody ? 0 : response.body.size());
    for (const auto &[name, value] : response.headers) {
        out += "\r\n" + name + ": " + value;
    }
    out += QByteArray("\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: ")
        + (close ? "close" : "keep-alive") + "\r\n\r\n";
    if (!headOnly && !noBody) {
        out += response.body;
    }
    return out;
}

Connection::Connection(Server *server, QTcpSocket *socket)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(readChunk); // the kernel holds the rest: TCP flow control, not our memory
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::processInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    arm(m_server->limits().headerTimeout); // the first request's head is due from the start
}

Connection::~Connection()
{
    m_server->releaseBody(m_reserved);
    m_server->connectionClosed();
}

void Connection::arm(std::chrono::milliseconds timeout)
{
    m_timer.start(timeout);
}

bool Connection::pull(qint64 maxBytes)
{
    if (maxBytes <= 0 || m_socket->bytesAvailable() <= 0) {
        return false;
    }
    m_input += m_socket->read(std::min(maxBytes, readChunk));
    return true;
}

void Connection::processInput()
{
    if (m_state == State::Lingering) {
        while (m_socket->bytesAvailable() > 0) {
            m_socket->skip(m_socket->bytesAvailable()); // drained, never kept
        }
        return;
    }
    bool progress = true;
    while (progress && m_socket->state() == QAbstractSocket::ConnectedState) {
        switch (m_state) {
        case State::Idle:
        case State::Head:
            progress = readHead();
            break;
        case State::Body:
            progress = readBody();
            break;
        default:
            return; // an answer is pending: the next request waits in the socket
        }
    }
}

bool Connection::readHead()
{
    while (m_input.startsWith("\r\n")) {
        m_input.remove(0, 2); // empty lines before a request line are ignored (RFC 9112 §2.2)
    }
    if (m_state == State::Idle && !m_input.isEmpty()) {
        m_state = State::Head;
        if (!m_firstRequest) {
            arm(m_server->limits().headerTimeout);
        }
    }
    const qsizetype end = m_input.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_input.size() > m_server->limits().maxHeadBytes) {
            reject(431, u"the request head is larger than %1 KB."_s.arg(m_server->limits().maxHeadBytes / 1024));
            return false;
        }
        return pull(m_server->limits().maxHeadBytes + 4 - m_input.size());
    }
    auto head = parseHead(QByteArrayView(m_input).first(end));
    m_input.remove(0, end + 4);
    if (!head) {
        reject(head.error());
        return false;
    }
    m_head = std::move(*head);
    admit();
    return m_state == State::Body;
}

void Connection::admit()
{
    m_admission = m_server->handler()->admit(m_head);
    if (m_admission.refusal) {
        write(*m_admission.refusal, true);
        return;
    }
    const qint64 limit = m_admission.bodyLimit;
    if (m_head.contentLength.value_or(0) > limit) {
        reject(413, u"the body is larger than %1 MB."_s.arg(limit / (qsizetype(1024) * 1024)));
        return;
    }
    const qint64 size = m_head.contentLength.value_or(0);
    if (!m_server->reserveBody(size)) {
        reject(503, u"the server holds too many request bodies; try again."_s);
        return;
    }
    m_reserved = size;
    m_body.clear();
    m_body.reserve(size);
    m_chunks = ChunkedDecoder(limit);
    if (!m_head.hasBody()) {
        dispatch();
        return;
    }
    if (m_head.expectContinue) {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    m_state = State::Body;
    arm(m_server->limits().stallTimeout);
}

bool Connection::readBody()
{
    const qsizetype before = m_body.size();
    if (m_head.chunked) {
        if (m_input.isEmpty() && !pull(readChunk)) {
            return false;
        }
        const auto fed = m_chunks.feed(m_input, m_body);
        if (!fed) {
            reject(fed.error());
            return false;
        }
        const qint64 grown = m_body.size() - m_reserved;
        if (grown > 0 && !m_server->reserveBody(grown)) {
            reject(503, u"the server holds too many request bodies; try again."_s);
            return false;
        }
        m_reserved += std::max<qint64>(grown, 0);
        if (m_chunks.isDone()) {
            dispatch();
            return false;
        }
        if (m_body.size() == before && !pull(readChunk)) {
            return false;
        }
    } else {
        const qint64 missing = *m_head.contentLength - m_body.size();
        const qsizetype fromInput = std::min<qint64>(missing, m_input.size());
        m_body.append(QByteArrayView(m_input).first(fromInput));
        m_input.remove(0, fromInput);
        if (m_body.size() < *m_head.contentLength && m_socket->bytesAvailable() > 0) {
            m_body.append(m_socket->read(std::min(*m_head.contentLength - m_body.size(), readChunk)));
        }
        if (m_body.size() == *m_head.contentLength) {
            dispatch();
            return false;
        }
    }
    if (m_body.size() > before) {
        arm(m_server->limits().stallTimeout);
        return true;
    }
    return false;
}

void Connection::dispatch()
{
    m_state = State::Handling;
    m_timer.stop(); // a handler may take long (a push); the client waits
    ++m_serial;
    m_server->handler()->handle(m_admission.route, m_head, std::exchange(m_body, {}), Reply(this, m_serial));
}

void Connection::respond(quint64 serial, const ApiResponse &response)
{
    if (serial != m_serial || m_state != State::Handling) {
        return;
    }
    m_server->releaseBody(std::exchange(m_reserved, 0));
    write(response, !m_head.keepAlive);
}

void Connection::reject(int status, const QString &cause)
{
    reject(Http::refuse(status, cause).error());
}

void Connection::reject(const Error &error)
{
    qCInfo(lcServer).noquote() << redactSecrets(
        u"Request refused: Core.Server/http \u2014 %1 %2"_s.arg(error.httpStatus).arg(error.cause));
    write(ApiResponse::fromError(error), true);
}

void Connection::write(const ApiResponse &response, bool close)
{
    m_state = State::Writing;
    m_closeAfterWrite = close;
    m_socket->write(serialize(response, m_head.method == QHttpServerRequest::Method::Head, close));
    if (m_socket->bytesToWrite() == 0) {
        finishWrite();
    } else {
        arm(m_server->limits().stallTimeout);
    }
}

void Connection::onBytesWritten()
{
    if (m_state == State::Writing) {
        if (m_socket->bytesToWrite() == 0) {
            finishWrite();
        } else {
            arm(m_server->limits().stallTimeout);
        }
    }
}

void Connection::finishWrite()
{
    if (m_closeAfterWrite) {
        startLinger();
        return;
    }
    m_state = State::Idle;
    m_firstRequest = false;
    m_head = {};
    m_admission = {};
    arm(m_server->limits().idleTimeout);
    // A pipelined request may already wait in our buffer or the socket's, with no readyRead to come.
    QMetaObject::invokeMethod(this, &Connection::processInput, Qt::QueuedConnection);
}

void Connection::startLinger()
{
    m_state = State::Lingering;
    m_input.clear();
    m_server->releaseBody(std::exchange(m_reserved, 0));
    m_body = {};
#ifdef Q_OS_UNIX
    // Half-close: the client reads our answer to the end while what it still sends is drained, not kept.
    if (m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() >= 0) {
        ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
    }
#endif
    arm(m_server->limits().lingerTimeout);
    processInput();
}

void Connection::onTimeout()
{
    switch (m_state) {
    case State::Head:
        reject(408, u"the request head did not arrive in time."_s);
        break;
    case State::Body:
        reject(408, u"the request body stalled."_s);
        break;
    case State::Idle:
        m_socket->disconnectFromHost(); // nothing was asked: close quietly
        break;
    default:
        m_socket->abort(); // an answer nobody reads, or a client that keeps sending after a refusal
        deleteLater();
        break;
    }
}

} // namespace Notechondria::Http
