// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiresponse.h"
#include "httpparse.h"

#include <QPointer>
#include <QTcpServer>

#include <chrono>

namespace Notechondria::Http {

class Connection;

/// The transport's limits; tests shorten the timeouts.
struct Limits
{
    std::chrono::milliseconds headerTimeout{10'000}; ///< a request's head must be complete this long after it began
    std::chrono::milliseconds idleTimeout{30'000}; ///< a kept-alive connection with no new request is closed
    std::chrono::milliseconds stallTimeout{30'000}; ///< a body (or an answer) that does not move is given up
    std::chrono::milliseconds lingerTimeout{2'000}; ///< after a refusal, unread input is drained this long
    int maxConnections = 128; ///< more concurrent connections get 503 and are closed
    qsizetype maxHeadBytes = qsizetype(16) * 1024; ///< request line and headers
    qint64 maxBufferedBodies = 256LL * 1024 * 1024; ///< request bodies held at once over all connections
};

/// The decision on a request head, taken before any body byte is read.
struct Admission
{
    std::optional<ApiResponse> refusal; ///< answered at once, the connection then closes
    qint64 bodyLimit = 0; ///< the largest body the route takes (413 above)
    int route = -1; ///< handed back to Handler::handle
};

/// Where an answer goes; safe to keep after the connection went away (then it does nothing).
class Reply
{
public:
    Reply() = default;
    Reply(Connection *connection, quint64 serial);
    void send(const ApiResponse &response) const;

private:
    QPointer<Connection> m_connection;
    quint64 m_serial = 0;
};

/// What the transport serves: it checks a head first, and gets the body only for an admitted head.
class Handler
{
public:
    virtual ~Handler() = default;
    [[nodiscard]] virtual Admission admit(const Head &head) const = 0;
    /// Answers through `reply`, at once or later (the connection reads nothing more until then).
    virtual void handle(int route, const Head &head, QByteArray body, Reply reply) = 0;
};

/**
 * A small, strict HTTP/1.1 server on a QTcpServer: it reads the head, lets the Handler refuse it before the body
 * is read, frames bodies strictly (Content-Length or chunked), enforces the Limits, keeps connections alive and
 * answers pipelined requests in order. Qt HttpServer 6.8 buffers the whole body before any handler sees the
 * request and has no timeouts, so it cannot make these promises.
 */
class Server final : public QTcpServer
{
    Q_OBJECT

public:
    explicit Server(Handler *handler, QObject *parent = nullptr);
    ~Server() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    [[nodiscard]] const Limits &limits() const { return m_limits; }
    [[nodiscard]] Handler *handler() const { return m_handler; }
    [[nodiscard]] int connectionCount() const { return m_connections; }

    /// Reserves room for a body of `bytes`; false when the bodies held at once would pass the limit.
    [[nodiscard]] bool reserveBody(qint64 bytes);
    void releaseBody(qint64 bytes);
    void connectionClosed();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Handler *m_handler;
    Limits m_limits;
    int m_connections = 0;
    qint64 m_reserved = 0;
    bool m_capWarned = false;
};

} // namespace Notechondria::Http
