// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include "clock.h"
#include "logging.h"

#include <QCoroNetworkReply>
#include <QCoroSignal>
#include <QCoroTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Notechondria {

namespace {

constexpr int maxRedirects = 10;
const QString module = u"Core.Net/http"_s;

struct ReplyDeleter
{
    void operator()(QNetworkReply *reply) const
    {
        reply->disconnect();
        if (!reply->isFinished()) {
            reply->abort();
        }
        reply->deleteLater();
    }
};
using ReplyPtr = std::unique_ptr<QNetworkReply, ReplyDeleter>;

bool isWrite(const QByteArray &method)
{
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == u"https"_s ? 443 : 80);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && effectivePort(a) == effectivePort(b);
}

/// Method, host and path for logs: never the query (it could carry a signed URL's parameters).
QString describe(const QByteArray &method, const QUrl &url)
{
    return QString::fromLatin1(method) % u' ' % url.host() % u':' % QString::number(effectivePort(url)) % url.path();
}

void removeHeader(HttpRequest &request, QByteArrayView name)
{
    request.headers.removeIf(
        [name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QJsonDocument HttpResponse::json() const
{
    return QJsonDocument::fromJson(body);
}

HttpClient::HttpClient(QNetworkAccessManager *nam, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_clock(clock)
{
}

HttpClient::~HttpClient() = default;

int HttpClient::requestCount() const
{
    return m_requestCount;
}

void HttpClient::setRetryPolicy(int maxAttempts, std::chrono::milliseconds baseBackoff)
{
    m_maxAttempts = std::max(1, maxAttempts);
    m_baseBackoff = std::max(baseBackoff, 0ms);
}

void HttpClient::setMaxWait(std::chrono::seconds maxWait)
{
    m_maxWait = std::max(maxWait, 0s);
}

std::chrono::milliseconds HttpClient::backoff(int retry) const
{
    const qint64 base = m_baseBackoff.count() << std::min(retry - 1, 10);
    const qint64 jitter = base > 0 ? QRandomGenerator::global()->bounded(base / 2 + 1) : 0;
    return std::chrono::milliseconds(base + jitter);
}

QCoro::Task<Result<HttpResponse>> HttpClient::send(HttpRequest request)
{
    // Writes go one at a time (GitHub advises serial writes; it also keeps secondary limits away).
    const bool write = isWrite(request.method);
    if (write) {
        while (m_writeBusy) {
            co_await qCoro(this, &HttpClient::writeSlotReleased);
        }
        m_writeBusy = true;
    }
    const auto releaseWrite = qScopeGuard([this, write] {
        if (write) {
            m_writeBusy = false;
            QMetaObject::invokeMethod(this, [this] { Q_EMIT writeSlotReleased(); }, Qt::QueuedConnection);
        }
    });

    for (int attempt = 1;; ++attempt) {
        if (auto waited = co_await waitForRateLimit(request); !waited) {
            co_return std::unexpected(waited.error());
        }
        Result<HttpResponse> result = co_await sendFollowingRedirects(request);
        const bool mayRetry = request.idempotent && attempt < m_maxAttempts;
        if (!result) {
            if (!mayRetry || !result.error().retryable) {
                co_return result;
            }
            const auto delay = backoff(attempt);
            qCInfo(lcNet).noquote()
                << u"Retrying request: Core.Net/http — %1 got no answer (%2); attempt %3 of %4 in %5 ms"_s
                       .arg(describe(request.method, request.url), result.error().cause)
                       .arg(attempt + 1)
                       .arg(m_maxAttempts)
                       .arg(delay.count());
            co_await QCoro::sleepFor(delay);
            continue;
        }
        noteRateLimit(*result);
        const std::optional<std::chrono::milliseconds> delay = retryDelay(*result, attempt);
        if (!delay || !mayRetry) {
            co_return result;
        }
        if (*delay > m_maxWait) {
            qCWarning(lcNet).noquote()
                << u"Request not retried: Core.Net/http — %1 answered %2 and asks for a %3 s wait, longer than the %4 s allowed"_s
                       .arg(describe(request.method, request.url))
                       .arg(result->status)
                       .arg(std::chrono::duration_cast<std::chrono::seconds>(*delay).count())
                       .arg(m_maxWait.count());
            co_return result;
        }
        qCInfo(lcNet).noquote() << u"Retrying request: Core.Net/http — %1 answered %2; attempt %3 of %4 in %5 ms"_s
                                       .arg(describe(request.method, request.url))
                                       .arg(result->status)
                                       .arg(attempt + 1)
                                       .arg(m_maxAttempts)
                                       .arg(delay->count());
        co_await QCoro::sleepFor(*delay);
    }
}

std::optional<std::chrono::milliseconds> HttpClient::retryDelay(const HttpResponse &response, int attempt) const
{
    const int status = response.status;
    const QByteArray retryAfter = response.header("retry-after").trimmed();
    bool numeric = false;
    const qint64 retryAfterSeconds = retryAfter.toLongLong(&numeric);
    std::optional<std::chrono::milliseconds> hinted;
    if (numeric && retryAfterSeconds >= 0) {
        hinted = std::chrono::seconds(retryAfterSeconds);
    } else if (!retryAfter.isEmpty()) {
        const QDateTime at = QDateTime::fromString(QString::fromLatin1(retryAfter), Qt::RFC2822Date);
        if (at.isValid()) {
            hinted = std::chrono::seconds(std::max<qint64>(0, m_clock->now().secsTo(at)));
        }
    }
    const bool exhausted = response.header("x-ratelimit-remaining").trimmed() == "0";
    if (!hinted && exhausted && (status == 403 || status == 429)) {
        bool ok = false;
        const qint64 reset = response.header("x-ratelimit-reset").trimmed().toLongLong(&ok);
        if (ok) {
            hinted = std::chrono::seconds(std::max<qint64>(1, reset - m_clock->now().toSecsSinceEpoch() + 1));
        }
    }
    if (status >= 500 || status == 429) {
        if (hinted)
            return hinted;
        return backoff(attempt);
    }
    if (status == 403) {
        if (hinted) {
            return hinted;
        }
        if (response.body.contains("secondary rate limit")) {
            return backoff(attempt);
        }
    }
    return std::nullopt;
}

void HttpClient::noteRateLimit(const HttpResponse &response)
{
    const QByteArray remaining = response.header("x-ratelimit-remaining").trimmed();
    if (remaining.isEmpty()) {
        return;
    }
    bool ok = false;
    const qint64 reset = response.header("x-ratelimit-reset").trimmed().toLongLong(&ok);
    if (remaining == "0" && ok) {
        m_rateLimitResetAt = QDateTime::fromSecsSinceEpoch(reset + 1, QTimeZone::UTC);
    } else {
        m_rateLimitResetAt = QDateTime();
    }
}

QCoro::Task<Result<void>> HttpClient::waitForRateLimit(const HttpRequest &request)
{
    if (!m_rateLimitResetAt.isValid()) {
        co_return Result<void>{};
    }
    const qint64 wait = m_clock->now().secsTo(m_rateLimitResetAt);
    if (wait <= 0) {
        m_rateLimitResetAt = QDateTime();
        co_return Result<void>{};
    }
    if (std::chrono::seconds(wait) > m_maxWait) {
        co_return fail(u"Request not sent"_s, module,
            u"the GitHub rate limit is used up until %1 (x-ratelimit-reset), %2 s away, longer than the %3 s wait allowed."_s
                .arg(m_rateLimitResetAt.toString(Qt::ISODate))
                .arg(wait)
                .arg(m_maxWait.count()),
            0, true);
    }
    qCInfo(lcNet).noquote()
        << u"Request delayed: Core.Net/http — rate limit used up; %1 waits %2 s for x-ratelimit-reset"_s
               .arg(describe(request.method, request.url))
               .arg(wait);
    co_await QCoro::sleepFor(std::chrono::seconds(wait));
    m_rateLimitResetAt = QDateTime();
    co_return Result<void>{};
}

QCoro::Task<Result<HttpResponse>> HttpClient::sendFollowingRedirects(const HttpRequest &request)
{
    HttpRequest current = request;
    for (int hop = 0; hop <= maxRedirects; ++hop) {
        Result<HttpResponse> result = co_await sendOnce(current);
        if (!result || !isRedirect(result->status)) {
            co_return result;
        }
        const QByteArray location = result->header("location");
        if (location.isEmpty()) {
            co_return result;
        }
        const QUrl next = current.url.resolved(QUrl::fromEncoded(location));
        if (!next.isValid() || (next.scheme() != u"https"_s && next.scheme() != u"http"_s)) {
            co_return fail(u"Request failed"_s, module,
                u"%1 redirected to an unusable location."_s.arg(describe(current.method, current.url)));
        }
        if (!sameOrigin(next, current.url)) {
            // Credentials stay with the origin they were meant for.
            removeHeader(current, "authorization");
        }
        if (result->status == 303 || ((result->status == 301 || result->status == 302) && current.method == "POST")) {
            current.method = "GET";
            current.body.clear();
            removeHeader(current, "content-type");
        }
        current.url = next;
    }
    co_return fail(u"Request failed"_s, module,
        u"%1 was redirected more than %2 times."_s.arg(describe(request.method, request.url)).arg(maxRedirects));
}

QCoro::Task<Result<HttpResponse>> HttpClient::sendOnce(const HttpRequest &request)
{
    QNetworkRequest networkRequest(request.url);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setTransferTimeout(std::chrono::duration_cast<std::chrono::milliseconds>(request.timeout));
    for (const auto &[name, value] : request.headers) {
        networkRequest.setRawHeader(name, value);
    }
    ++m_requestCount;
    ReplyPtr reply(m_nam->sendCustomRequest(networkRequest, request.method, request.body));
    bool tooLarge = false;
    const qint64 cap = request.maxResponseBytes;
    QNetworkReply *raw = reply.get();
    connect(raw, &QNetworkReply::downloadProgress, raw, [raw, cap, &tooLarge](qint64 received, qint64 total) {
        if (!tooLarge && (received > cap || total > cap)) {
            tooLarge = true;
            raw->abort();
        }
    });
    co_await reply.get();

    const QString what = describe(request.method, request.url);
    if (tooLarge) {
        co_return fail(u"Request failed"_s, module,
            u"the answer to %1 is larger than the %2-byte limit; the transfer was stopped."_s.arg(what).arg(cap));
    }
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        co_return fail(u"Request failed"_s, module,
            u"%1 timed out after %2 ms without data."_s.arg(what).arg(request.timeout.count()), 0, true);
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        co_return fail(u"Request failed"_s, module,
            u"network error on %1: %2."_s.arg(what, redactSecrets(reply->errorString())), 0, true);
    }
    HttpResponse response;
    response.status = statusAttribute.toInt();
    response.url = request.url;
    response.body = reply->readAll();
    if (response.body.size() > cap) {
        co_return fail(
            u"Request failed"_s, module, u"the answer to %1 is larger than the %2-byte limit."_s.arg(what).arg(cap));
    }
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        response.headers.append({name, value});
    }
    co_return response;
}

} // namespace Notechondria
