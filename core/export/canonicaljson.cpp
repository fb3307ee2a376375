// SPDX-License-Identifier: GPL-3.0-or-later
// canonicalJson and isoTimestamp: the byte-exact serialization conventions of upstream's export (Python's json and
// datetime.isoformat), so a backup written here is byte-identical to what the same data gives upstream.
#include "exporter.h"
#include "exportutil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVariant>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace Notechondria {

namespace {

void appendIndent(QByteArray &out, int level)
{
    out.append('\n');
    out.append(QByteArray(qsizetype(level) * 2, ' '));
}

void appendString(QByteArray &out, const QString &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    const char *begin = utf8.constData();
    const char *run = begin;
    const char *const end = begin + utf8.size();
    for (const char *p = begin; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(escape, sizeof escape);
        }
        }
    }
    out.append(run, end - run);
    out.append('"');
}

void appendValue(QByteArray &out, const QJsonValue &value, int level);

void appendObject(QByteArray &out, const QJsonObject &object, int level)
{
    if (object.isEmpty()) {
        out.append("{}");
        return;
    }
    // Python sorts str keys by code point; UTF-8 byte order is the same order (QJsonObject's UTF-16 order is not).
    QList<std::pair<QByteArray, QString>> keys;
    keys.reserve(object.size());
    for (auto it = object.begin(); it != object.end(); ++it)
        keys.append({it.key().toUtf8(), it.key()});
    std::sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    out.append('{');
    bool first = true;
    for (const auto &[utf8, key] : keys) {
        if (!first)
            out.append(',');
        first = false;
        appendIndent(out, level + 1);
        appendString(out, key);
        out.append(": ");
        appendValue(out, object.value(key), level + 1);
    }
    appendIndent(out, level);
    out.append('}');
}

void appendArray(QByteArray &out, const QJsonArray &array, int level)
{
    if (array.isEmpty()) {
        out.append("[]");
        return;
    }
    out.append('[');
    bool first = true;
    for (const auto &item : array) {
        if (!first)
            out.append(',');
        first = false;
        appendIndent(out, level + 1);
        appendValue(out, item, level + 1);
    }
    appendIndent(out, level);
    out.append(']');
}

void appendValue(QByteArray &out, const QJsonValue &value, int level)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        if (value.toVariant().typeId() == QMetaType::LongLong)
            out.append(QByteArray::number(value.toInteger()));
        else
            out.append(pythonFloatRepr(value.toDouble()));
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array:
        appendArray(out, value.toArray(), level);
        break;
    case QJsonValue::Object:
        appendObject(out, value.toObject(), level);
        break;
    }
}

} // namespace

QByteArray pythonFloatRepr(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value < 0 ? QByteArrayLiteral("-Infinity") : QByteArrayLiteral("Infinity");
    // Shortest round-trip digits (what Python's repr uses), then Python's layout rules around them.
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::scientific);
    const std::string_view sci(buffer, result.ptr - buffer);
    const auto ePos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, ePos)) {
        if (c != '.')
            digits.push_back(c);
    }
    int exponent = 0;
    std::from_chars(sci.data() + ePos + (sci[ePos + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exponent);
    const int decpt = exponent + 1;
    const int count = int(digits.size());
    QByteArray out;
    if (std::signbit(value))
        out.append('-');
    if (decpt <= -4 || decpt > 16) {
        out.append(digits[0]);
        if (count > 1) {
            out.append('.');
            out.append(digits.data() + 1, count - 1);
        }
        out.append('e');
        out.append(exponent < 0 ? '-' : '+');
        const int magnitude = std::abs(exponent);
        if (magnitude < 10)
            out.append('0');
        out.append(QByteArray::number(magnitude));
    } else if (decpt <= 0) {
        out.append("0.");
        out.append(QByteArray(-decpt, '0'));
        out.append(digits.data(), count);
    } else if (decpt >= count) {
        out.append(digits.data(), count);
        out.append(QByteArray(decpt - count, '0'));
        out.append(".0");
    } else {
        out.append(digits.data(), decpt);
        out.append('.');
        out.append(digits.data() + decpt, count - decpt);
    }
    return out;
}

QByteArray canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    out.reserve(256);
    appendValue(out, value, 0);
    out.append('\n');
    return out;
}

QString isoTimestamp(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime t = utc.toUTC();
    const QDate date = t.date();
    const QTime time = t.time();
    QString out = QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02d", date.year(), date.month(), date.day(), time.hour(),
        time.minute(), time.second());
    if (time.msec() != 0)
        out += QString::asprintf(".%03d000", time.msec());
    out += QLatin1StringView("+00:00");
    return out;
}

} // namespace Notechondria
