// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserver.h"

#include "httpconnection.h"
#include "logging.h"

#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Notechondria::Http {

Reply::Reply(Connection *connection, quint64 serial)
    : m_connection(connection)
    , m_serial(serial)
{
}

void Reply::send(const ApiResponse &response) const
{
    if (m_connection) {
        m_connection->respond(m_serial, response);
    }
}

Server::Server(Handler *handler, QObject *parent)
    : QTcpServer(parent)
    , m_handler(handler)
{
}

Server::~Server()
{
    close();
    // Connections report to this server when they go: let them go while it is still whole.
    qDeleteAll(findChildren<Connection *>(Qt::FindDirectChildrenOnly));
}

bool Server::reserveBody(qint64 bytes)
{
    if (bytes > 0 && m_reserved + bytes > m_limits.maxBufferedBodies) {
        return false;
    }
    m_reserved += std::max<qint64>(bytes, 0);
    return true;
}

void Server::releaseBody(qint64 bytes)
{
    m_reserved -= std::max<qint64>(bytes, 0);
}

void Server::connectionClosed()
{
    --m_connections;
    if (m_connections < m_limits.maxConnections) {
        m_capWarned = false;
    }
}

void Server::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_connections >= m_limits.maxConnections) {
        if (!m_capWarned) {
            m_capWarned = true;
            qCWarning(lcServer).noquote() << "Connections refused: Core.Server/http \u2014" << m_connections
                                          << "connections are open, the most this server keeps.";
        }
        const ApiResponse busy = ApiResponse::detail(503, u"Request not accepted"_s, u"Core.Server/http"_s,
            u"the server has too many open connections; try again."_s);
        socket->write(serialize(busy, false, true));
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        QTimer::singleShot(m_limits.lingerTimeout, socket, &QTcpSocket::abort);
        return;
    }
    ++m_connections;
    new Connection(this, socket);
}

} // namespace Notechondria::Http
