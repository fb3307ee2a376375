// SPDX-License-Identifier: GPL-3.0-or-later
// Git's smart HTTP for GitHubTestServer: `git http-backend` run as a CGI over the bare repositories, so a client can
// push (and fetch) over HTTP with HTTP Basic `x-access-token:<installation token>`, as github.com accepts.
#include "githubtestserver_p.h"

#include <QFileInfo>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace Notechondria::Test {

GitHubTestServer::Private::Reply GitHubTestServer::Private::parseCgi(const QByteArray &output)
{
    Reply reply;
    qsizetype end = output.indexOf("\r\n\r\n");
    qsizetype skip = 4;
    if (end < 0) {
        end = output.indexOf("\n\n");
        skip = 2;
    }
    if (end < 0) {
        reply.status = 502;
        reply.body = "git http-backend gave no CGI header block";
        return reply;
    }
    reply.contentType = "application/octet-stream";
    for (QByteArray line : output.left(end).split('\n')) {
        line = line.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            continue;
        }
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Status", Qt::CaseInsensitive) == 0) {
            reply.status = value.left(3).toInt();
        } else if (name.compare("Content-Type", Qt::CaseInsensitive) == 0) {
            reply.contentType = value;
        } else {
            reply.headers.append(std::pair(name, value));
        }
    }
    reply.body = output.mid(end + skip);
    return reply;
}

void GitHubTestServer::Private::addGitHttpRoutes()
{
    const QString base = u"^/([^/]+)/([^/]+?)\\.git/"_s;
    routes.append(Route{"GET", QRegularExpression(base + u"(info/refs)$"_s), Auth::Git, &Private::gitHttp});
    routes.append(Route{
        "POST", QRegularExpression(base + u"(git-receive-pack|git-upload-pack)$"_s), Auth::Git, &Private::gitHttp});
}

GitHubTestServer::Private::Reply GitHubTestServer::Private::gitHttp(Call &call)
{
    const QFileInfo bare(call.repo->git->path());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"GIT_PROJECT_ROOT"_s, bare.absolutePath());
    environment.insert(u"GIT_HTTP_EXPORT_ALL"_s, u"1"_s);
    environment.insert(u"PATH_INFO"_s, u'/' + bare.fileName() + u'/' + call.match.captured(3));
    environment.insert(u"REQUEST_METHOD"_s, QString::fromLatin1(call.request.method));
    environment.insert(u"QUERY_STRING"_s, call.request.query.toString(QUrl::FullyEncoded));
    environment.insert(u"CONTENT_TYPE"_s, QString::fromLatin1(call.request.headers.value("content-type")));
    environment.insert(u"CONTENT_LENGTH"_s, QString::number(call.request.body.size()));
    environment.insert(u"REMOTE_USER"_s, u"x-access-token"_s); // authenticated: http-backend then allows pushes
    environment.insert(u"REMOTE_ADDR"_s, u"127.0.0.1"_s);
    const QByteArray encoding = call.request.headers.value("content-encoding");
    if (!encoding.isEmpty()) {
        environment.insert(u"HTTP_CONTENT_ENCODING"_s, QString::fromLatin1(encoding));
    }
    QProcess backend;
    backend.setProcessEnvironment(environment);
    backend.start(u"git"_s, {u"http-backend"_s});
    if (!backend.waitForStarted()) {
        return error(500, u"git http-backend did not start"_s);
    }
    backend.write(call.request.body);
    backend.closeWriteChannel();
    if (!backend.waitForFinished(300000) || backend.exitCode() != 0) {
        return error(500, u"git http-backend failed: %1"_s.arg(QString::fromUtf8(backend.readAllStandardError())));
    }
    Reply reply = parseCgi(backend.readAllStandardOutput());
    if (call.match.captured(3) == "git-receive-pack"_L1) {
        call.repo->empty = !call.repo->git->hasCommits();
    }
    return reply;
}

} // namespace Notechondria::Test
