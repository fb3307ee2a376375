// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace Notechondria::Http {

/// The bytes of an answer: status line, our fixed headers, and the body unless `headOnly`.
[[nodiscard]] QByteArray serialize(const ApiResponse &response, bool headOnly, bool close);

/**
 * One client connection of the Server: reads a head (bounded in size and time), asks the Handler, reads the body
 * only when the head was admitted (bounded by the route's limit, timed out when it stalls), hands the request over
 * and reads nothing more until it is answered. Closes after a refusal (draining what the client still sends for a
 * moment, so it can read the answer), when idle, on `Connection: close` and on HTTP/1.0.
 */
class Connection final : public QObject
{
    Q_OBJECT

public:
    Connection(Server *server, QTcpSocket *socket);
    ~Connection() override;

    /// The answer to request `serial` (ignored when it is not the one waiting).
    void respond(quint64 serial, const ApiResponse &response);

private:
    enum class State { Idle, Head, Body, Handling, Writing, Lingering };

    void processInput();
    [[nodiscard]] bool readHead();
    [[nodiscard]] bool readBody();
    void admit();
    void dispatch();
    void write(const ApiResponse &response, bool close);
    void reject(int status, const QString &cause);
    void reject(const Error &error);
    void finishWrite();
    void startLinger();
    void onBytesWritten();
    void onTimeout();
    void arm(std::chrono::milliseconds timeout);
    [[nodiscard]] bool pull(qint64 maxBytes);

    Server *m_server;
    QTcpSocket *m_socket;
    QTimer m_timer;
    State m_state = State::Idle;
    QByteArray m_input;
    Head m_head;
    Admission m_admission;
    QByteArray m_body;
    ChunkedDecoder m_chunks;
    qint64 m_reserved = 0;
    quint64 m_serial = 0;
    bool m_closeAfterWrite = false;
    bool m_firstRequest = true;
};

} // namespace Notechondria::Http
