// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QCoroTask>
#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <optional>
#include <utility>

class QNetworkAccessManager;

namespace Notechondria {

class Clock;

/// One HTTP request as the job base sends it.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool idempotent = true; ///< may be retried on network errors, timeouts, 5xx, 429, secondary-limit 403
    std::chrono::milliseconds timeout{30000}; ///< transfer timeout (no data for this long aborts the attempt)
    qint64 maxResponseBytes = 200LL * 1024 * 1024; ///< larger answers are aborted with an error
};

/// The answer to an HttpRequest (the last one, after redirects and retries).
struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QUrl url; ///< the URL that answered (after redirects)

    /// The first header of that name (case-insensitive), empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    /// The body parsed as JSON (a null document when it is not JSON).
    [[nodiscard]] QJsonDocument json() const;
    [[nodiscard]] bool isSuccess() const { return status >= 200 && status < 300; }
};

/**
 * The one HTTP job base of core: transfer timeout, response-size cap, redirects followed by hand (an
 * `Authorization` header never goes to another scheme/host/port), bounded retries with exponential backoff and
 * jitter for idempotent requests (network errors, timeouts, 5xx, 429, secondary-limit 403), `Retry-After` and
 * `x-ratelimit-remaining`/`-reset` honoured, writes (non-GET/HEAD) serialised one at a time. Every reply is deleted
 * on every path.
 */
class HttpClient : public QObject
{
    Q_OBJECT

public:
    HttpClient(QNetworkAccessManager *nam, const Clock *clock, QObject *parent = nullptr);
    ~HttpClient() override;

    /// Any HTTP status comes back as a response (after retries); an Error only when no answer came (network
    /// error, timeout, size cap, rate-limit wait beyond the max wait) after the bounded retries.
    [[nodiscard]] QCoro::Task<Result<HttpResponse>> send(HttpRequest request);

    [[nodiscard]] int requestCount() const; ///< attempts actually sent (redirect hops and retries included)
    /// maxAttempts ≥ 1 (first try included); the n-th retry waits about baseBackoff·2^(n-1) plus jitter.
    void setRetryPolicy(int maxAttempts, std::chrono::milliseconds baseBackoff);
    /// Longest Retry-After / rate-limit wait accepted; a longer one ends the request with its answer or an error.
    void setMaxWait(std::chrono::seconds maxWait);

    [[nodiscard]] QNetworkAccessManager *network() const { return m_nam; }

Q_SIGNALS:
    /// Emitted when a write finished, so the next queued write can go.
    void writeSlotReleased();

private:
    [[nodiscard]] QCoro::Task<Result<HttpResponse>> sendFollowingRedirects(const HttpRequest &request);
    [[nodiscard]] QCoro::Task<Result<HttpResponse>> sendOnce(const HttpRequest &request);
    [[nodiscard]] QCoro::Task<Result<void>> waitForRateLimit(const HttpRequest &request);
    void noteRateLimit(const HttpResponse &response);
    [[nodiscard]] std::chrono::milliseconds backoff(int retry) const;
    /// How long to wait before retrying this answer; nullopt when it is final.
    [[nodiscard]] std::optional<std::chrono::milliseconds> retryDelay(const HttpResponse &response, int attempt) const;

    QNetworkAccessManager *m_nam;
    const Clock *m_clock;
    int m_requestCount = 0;
    int m_maxAttempts = 4;
    std::chrono::milliseconds m_baseBackoff{1000};
    std::chrono::seconds m_maxWait{120};
    bool m_writeBusy = false;
    QDateTime m_rateLimitResetAt; ///< when set, no request goes before this time (remaining reached 0)
};

} // namespace Notechondria
