// SPDX-License-Identifier: GPL-3.0-or-later
#include "apirequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString bodyConsequence = u"Request not accepted"_s;
const QString bodyModule = u"Core.Server/read_body"_s;

QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return contentType.left(semicolon < 0 ? contentType.size() : semicolon).trimmed().toLower();
}

Result<RequestForm> readJson(const QByteArray &body)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(bodyConsequence, bodyModule,
            u"the body is not valid JSON (%1 at offset %2)."_s.arg(parseError.errorString()).arg(parseError.offset),
            400);
    }
    if (!document.isObject()) {
        return fail(bodyConsequence, bodyModule, u"the JSON body is not an object."_s, 400);
    }
    RequestForm form;
    form.fields = document.object();
    form.isJson = true;
    return form;
}

/// DRF's ProhibitNullCharactersValidator message: text fields never store U+0000.
const QString nulMessage = u"Null characters are not allowed."_s;

bool holdsNul(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString().contains(QChar(u'\0'));
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::ranges::any_of(array, [](const QJsonValue &item) { return holdsNul(item); });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().contains(QChar(u'\0')) || holdsNul(it.value())) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

QString ApiRequest::uuidSegment(qsizetype index) const
{
    QString segment = segments.value(index).toLower();
    if (segment.size() != 32) {
        return segment;
    }
    return u"%1-%2-%3-%4-%5"_s.arg(
        segment.left(8), segment.mid(8, 4), segment.mid(12, 4), segment.mid(16, 4), segment.mid(20));
}

QString ApiRequest::queryValue(const QString &key) const
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

Result<RequestForm> RequestForm::read(const ApiRequest &request)
{
    const QByteArray type = mediaType(request.contentType);
    if (type == "multipart/form-data") {
        if (request.body.size() > BodyLimits::Multipart) {
            return fail(bodyConsequence, bodyModule,
                u"the upload is larger than %1 MB."_s.arg(BodyLimits::Multipart / (qsizetype(1024) * 1024)), 413);
        }
        auto parts = MultipartParser().parse(request.contentType, request.body);
        if (!parts) {
            return std::unexpected(parts.error());
        }
        RequestForm form;
        for (MultipartPart &part : *parts) {
            if (part.isFile) {
                form.files.insert(part.name, part);
            } else {
                form.fields.insert(part.name, QString::fromUtf8(part.body));
            }
        }
        return form;
    }
    if (request.body.size() > BodyLimits::Json) {
        return fail(bodyConsequence, bodyModule,
            u"the body is larger than %1 MB."_s.arg(BodyLimits::Json / (qsizetype(1024) * 1024)), 413);
    }
    if (request.body.trimmed().isEmpty()) {
        return RequestForm{};
    }
    // The portal sends its JSON as text/plain (a "simple" request a browser sends without a preflight), as the web
    // backend accepts it.
    if (type == "application/json" || type.isEmpty() || type.endsWith("+json") || type == "text/plain") {
        return readJson(request.body);
    }
    if (type == "application/x-www-form-urlencoded") {
        RequestForm form;
        const QUrlQuery query(QString::fromUtf8(request.body));
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            form.fields.insert(key, value);
        }
        return form;
    }
    return fail(bodyConsequence, bodyModule,
        u"the media type '%1' is not supported (send JSON or a form)."_s.arg(QString::fromLatin1(type.left(80))), 415);
}

FieldReader::FieldReader(const RequestForm &form)
    : m_fields(form.fields)
    , m_isJson(form.isJson)
{
    // No text field stores U+0000, whichever getter (or none) reads it.
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (it.key().contains(QChar(u'\0')) || holdsNul(it.value())) {
            addError(it.key(), nulMessage);
        }
    }
}

bool FieldReader::isNull(const QString &key) const
{
    return m_fields.value(key).isNull();
}

void FieldReader::addError(const QString &key, const QString &message)
{
    m_errors[key].append(message);
}

void FieldReader::require(const QString &key)
{
    if (!m_fields.contains(key)) {
        addError(key, u"This field is required."_s);
    }
}

std::optional<QJsonValue> FieldReader::raw(const QString &key) const
{
    if (!m_fields.contains(key)) {
        return std::nullopt;
    }
    return m_fields.value(key);
}

std::optional<QString> FieldReader::string(const QString &key, qsizetype maxLength, bool allowBlank)
{
    if (!m_fields.contains(key)) {
        return std::nullopt;
    }
    const QJsonValue value = m_fields.value(key);
    QString text;
    if (value.isString()) {
        text = value.toString();
    } else if (value.isDouble()) {
        text = QString::number(value.toDouble(), 'g', 17);
    } else if (value.isNull()) {
        addError(key, u"This field may not be null."_s);
        return std::nullopt;
    } else {
        addError(key, u"Not a valid string."_s);
        return std::nullopt;
    }
    if (text.contains(QChar(u'\0'))) {
        return std::nullopt; // refused in the constructor
    }
    if (!allowBlank && text.trimmed().isEmpty()) {
        addError(key, u"This field may not be blank."_s);
        return std::nullopt;
    }
    if (maxLength >= 0 && text.size() > maxLength) {
        addError(key, u"Ensure this field has no more than %1 characters."_s.arg(maxLength));
        return std::nullopt;
    }
    return text;
}

std::optional<bool> FieldReader::boolean(const QString &key)
{
    if (!m_fields.contains(key)) {
        return std::nullopt;
    }
    const QJsonValue value = m_fields.value(key);
    if (value.isBool()) {
        return value.toBool();
    }
    static const QStringList truthy{u"1"_s, u"true"_s, u"yes"_s, u"on"_s, u"y"_s, u"t"_s};
    static const QStringList falsy{u"0"_s, u"false"_s, u"no"_s, u"off"_s, u"n"_s, u"f"_s, u""_s};
    if (value.isString()) {
        const QString text = value.toString().trimmed().toLower();
        if (truthy.contains(text)) {
            return true;
        }
        if (falsy.contains(text)) {
            return false;
        }
    } else if (value.isDouble() && (value.toDouble() == 0.0 || value.toDouble() == 1.0)) {
        return value.toDouble() == 1.0;
    }
    addError(key, u"Must be a valid boolean."_s);
    return std::nullopt;
}

std::optional<qint64> FieldReader::integer(const QString &key, std::optional<qint64> min, std::optional<qint64> max)
{
    if (!m_fields.contains(key) || m_fields.value(key).isNull()) {
        return std::nullopt;
    }
    const QJsonValue value = m_fields.value(key);
    std::optional<qint64> number;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == std::floor(d) && std::abs(d) < 9e15) {
            number = static_cast<qint64>(d);
        }
    } else if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().trimmed().toLongLong(&ok);
        if (ok) {
            number = parsed;
        }
    }
    if (!number) {
        addError(key, u"A valid integer is required."_s);
        return std::nullopt;
    }
    if (min && *number < *min) {
        addError(key, u"Ensure this value is greater than or equal to %1."_s.arg(*min));
        return std::nullopt;
    }
    if (max && *number > *max) {
        addError(key, u"Ensure this value is less than or equal to %1."_s.arg(*max));
        return std::nullopt;
    }
    return number;
}

std::optional<QString> FieldReader::choice(const QString &key, const QStringList &choices)
{
    auto text = string(key);
    if (!text) {
        return std::nullopt;
    }
    if (!choices.contains(*text)) {
        addError(key, u"\"%1\" is not a valid choice."_s.arg(text->left(40)));
        return std::nullopt;
    }
    return text;
}

std::optional<QDateTime> FieldReader::dateTime(const QString &key)
{
    if (!m_fields.contains(key) || m_fields.value(key).isNull()) {
        return std::nullopt;
    }
    const QJsonValue value = m_fields.value(key);
    QDateTime time;
    if (value.isString()) {
        QString text = value.toString().trimmed();
        if (text.endsWith(u'Z') || text.endsWith(u'z')) {
            text.chop(1);
            text += u"+00:00"_s;
        }
        time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (time.isValid() && time.timeSpec() == Qt::LocalTime && !text.contains(u'+')) {
            time.setTimeZone(QTimeZone::UTC); // a naive time is taken as UTC (settings USE_TZ, TIME_ZONE=UTC)
        }
    }
    if (!time.isValid()) {
        addError(key,
            u"Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."_s);
        return std::nullopt;
    }
    return time.toUTC();
}

std::optional<QDate> FieldReader::date(const QString &key)
{
    if (!m_fields.contains(key) || m_fields.value(key).isNull()) {
        return std::nullopt;
    }
    const QDate day = QDate::fromString(m_fields.value(key).toString().trimmed(), Qt::ISODate);
    if (!day.isValid()) {
        addError(key, u"Date has wrong format. Use one of these formats instead: YYYY-MM-DD."_s);
        return std::nullopt;
    }
    return day;
}

std::optional<QJsonObject> FieldReader::object(const QString &key)
{
    if (!m_fields.contains(key) || m_fields.value(key).isNull()) {
        return std::nullopt;
    }
    QJsonValue value = m_fields.value(key);
    if (value.isString() && !m_isJson) {
        value = QJsonDocument::fromJson(value.toString().toUtf8()).object();
        if (value.toObject().isEmpty() && m_fields.value(key).toString().trimmed() != u"{}"_s) {
            addError(key, u"Value must be valid JSON."_s);
            return std::nullopt;
        }
    }
    if (!value.isObject()) {
        addError(key,
            u"Expected a dictionary of items but got type \"%1\"."_s.arg(
                value.isArray() ? u"list"_s : (value.isString() ? u"str"_s : u"value"_s)));
        return std::nullopt;
    }
    if (holdsNul(value)) {
        return std::nullopt; // refused in the constructor
    }
    return value.toObject();
}

bool isTruthy(const QJsonValue &value)
{
    QString text;
    if (value.isBool()) {
        text = value.toBool() ? u"true"_s : u"false"_s;
    } else if (value.isDouble()) {
        const double d = value.toDouble();
        text = d == std::floor(d) ? QString::number(static_cast<qint64>(d)) : QString::number(d);
    } else {
        text = value.toString();
    }
    text = text.toLower();
    return text == u"1"_s || text == u"true"_s || text == u"yes"_s || text == u"on"_s;
}

QString isoDateTime(const QDateTime &time)
{
    if (!time.isValid()) {
        return {};
    }
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (date.year() < 1 || date.year() > 9999) {
        return utc.toString(u"yyyy-MM-ddTHH:mm:ss"_s) % u'.'
            % QString::number(clock.msec() * 1000).rightJustified(6, u'0') % u"+00:00"_s;
    }
    // Every answer carries two of these per note: written digit by digit, not through QDateTime's format parser.
    QString text(u"0000-00-00T00:00:00.000000+00:00"_s);
    QChar *const out = text.data();
    const auto digits = [out](qsizetype at, int value, int width) {
        for (qsizetype i = at + width - 1; i >= at; --i, value /= 10) {
            out[i] = QChar(u'0' + value % 10);
        }
    };
    digits(0, date.year(), 4);
    digits(5, date.month(), 2);
    digits(8, date.day(), 2);
    digits(11, clock.hour(), 2);
    digits(14, clock.minute(), 2);
    digits(17, clock.second(), 2);
    digits(20, clock.msec() * 1000, 6);
    return text;
}

} // namespace Notechondria
