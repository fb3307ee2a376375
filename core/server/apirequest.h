// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiresponse.h"
#include "multipart.h"

#include <QDateTime>
#include <QHash>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

namespace Notechondria {

/// Body size limits of the local server (checked before parsing; larger bodies get 413).
namespace BodyLimits {
inline constexpr qsizetype Json = qsizetype(2) * 1024 * 1024; ///< JSON and url-encoded bodies: 2 MB
inline constexpr qsizetype Multipart
    = qsizetype(60) * 1024 * 1024; ///< multipart uploads: 60 MB (one 50 MB asset + fields)
} // namespace BodyLimits

/// A request as the handlers see it, copied out of QHttpServerRequest so it can outlive the call.
struct ApiRequest
{
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QStringList segments; ///< the path after /api/v1/, split on '/', e.g. {"notes", "12", "cover"}
    QUrlQuery query;
    QByteArray contentType;
    QByteArray body;
    QByteArray authorization; ///< the Authorization header as sent (a credential: never log it)
    QByteArray userAgent; ///< the User-Agent header as sent (names the device of a sign-in session)
    bool authenticated = false; ///< it carries a valid credential (always true on a route that needs one)
    QByteArray host; ///< the Host header, one of the allowed ones (the router checked it): URLs of this server use it

    [[nodiscard]] QString queryValue(const QString &key) const;
    /// The `<uuid>` segment at @p index in its stored form: dashed, lowercase (a route pattern matched it).
    [[nodiscard]] QString uuidSegment(qsizetype index) const;
};

/// The fields of a request body (JSON object, url-encoded or multipart form) and its uploaded files.
struct RequestForm
{
    QJsonObject fields; ///< form and multipart fields arrive as strings
    QHash<QString, MultipartPart> files;
    bool isJson = false;

    /// Reads the body by its Content-Type. An empty body is an empty form. Errors carry 400, 413 or 415.
    [[nodiscard]] static Result<RequestForm> read(const ApiRequest &request);
};

/**
 * Validates form fields the way DRF serializers do, collecting `{"field": ["message"]}` errors.
 * Each getter returns std::nullopt when the field is absent or invalid (then an error is recorded).
 */
class FieldReader
{
public:
    explicit FieldReader(const RequestForm &form);

    [[nodiscard]] bool has(const QString &key) const { return m_fields.contains(key); }
    [[nodiscard]] bool isNull(const QString &key) const;
    void addError(const QString &key, const QString &message);
    void require(const QString &key);

    [[nodiscard]] std::optional<QString> string(const QString &key, qsizetype maxLength = -1, bool allowBlank = true);
    [[nodiscard]] std::optional<bool> boolean(const QString &key);
    [[nodiscard]] std::optional<qint64> integer(
        const QString &key, std::optional<qint64> min = std::nullopt, std::optional<qint64> max = std::nullopt);
    [[nodiscard]] std::optional<QString> choice(const QString &key, const QStringList &choices);
    [[nodiscard]] std::optional<QDateTime> dateTime(const QString &key);
    [[nodiscard]] std::optional<QDate> date(const QString &key);
    [[nodiscard]] std::optional<QJsonObject> object(const QString &key);
    [[nodiscard]] std::optional<QJsonValue> raw(const QString &key) const;

    [[nodiscard]] bool ok() const { return m_errors.isEmpty(); }
    [[nodiscard]] ApiResponse errorResponse() const { return ApiResponse::fieldErrors(m_errors); }

private:
    const QJsonObject &m_fields;
    bool m_isJson;
    QMap<QString, QStringList> m_errors;
};

/// Upstream's flag rule: true when `str(value).lower()` is one of 1, true, yes, on.
[[nodiscard]] bool isTruthy(const QJsonValue &value);

/// ISO 8601 with microseconds and an explicit offset, as DRF renders datetimes ("" for an invalid time).
[[nodiscard]] QString isoDateTime(const QDateTime &time);

} // namespace Notechondria
