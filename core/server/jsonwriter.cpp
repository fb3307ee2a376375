// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <algorithm>
#include <utility>

namespace Notechondria {

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

void appendUnicodeEscape(QByteArray &out, char16_t unit)
{
    const char escape[] = {'\\', 'u', hexDigits[(unit >> 12) & 0xf], hexDigits[(unit >> 8) & 0xf],
        hexDigits[(unit >> 4) & 0xf], hexDigits[unit & 0xf]};
    out.append(escape, sizeof escape);
}

void appendUtf8(QByteArray &out, char32_t code)
{
    if (code < 0x800) {
        out.append(char(0xc0 | (code >> 6)));
    } else if (code < 0x10000) {
        out.append(char(0xe0 | (code >> 12)));
        out.append(char(0x80 | ((code >> 6) & 0x3f)));
    } else {
        out.append(char(0xf0 | (code >> 18)));
        out.append(char(0x80 | ((code >> 12) & 0x3f)));
        out.append(char(0x80 | ((code >> 6) & 0x3f)));
    }
    out.append(char(0x80 | (code & 0x3f)));
}

/// `"`, `\` and the control characters, as QJsonDocument escapes them: a letter where JSON has one, else \u00XX.
void appendAsciiEscape(QByteArray &out, char16_t u)
{
    static constexpr std::pair<char16_t, char> shortForms[]
        = {{u'"', '"'}, {u'\\', '\\'}, {u'\b', 'b'}, {u'\f', 'f'}, {u'\n', 'n'}, {u'\r', 'r'}, {u'\t', 't'}};
    for (const auto &[unit, letter] : shortForms) {
        if (unit == u) {
            out.append('\\').append(letter);
            return;
        }
    }
    appendUnicodeEscape(out, u);
}

} // namespace

void JsonWriter::separate()
{
    if (m_needsComma) {
        m_out.append(',');
    }
    m_needsComma = false;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_needsComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_needsComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    separate();
    m_out.append('"').append(name.data(), name.size()).append("\":", 2);
    return *this;
}

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    appendEscaped(text);
    m_needsComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    m_needsComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? QByteArrayView("true") : QByteArrayView("false"));
    m_needsComma = true;
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null", 4);
    m_needsComma = true;
    return *this;
}

QByteArray JsonWriter::take()
{
    m_needsComma = false;
    return std::exchange(m_out, {});
}

void JsonWriter::appendEscaped(const QString &text)
{
    m_out.append('"');
    const char16_t *unit = QStringView(text).utf16();
    const char16_t *const end = unit + text.size();
    while (unit != end) {
        // A run of characters that stand for themselves goes in at once.
        const char16_t *run = unit;
        while (unit != end && *unit >= 0x20 && *unit < 0x80 && *unit != u'"' && *unit != u'\\') {
            ++unit;
        }
        if (unit != run) {
            const qsizetype at = m_out.size();
            m_out.resize(at + (unit - run));
            std::copy(run, unit, m_out.data() + at);
            continue;
        }
        const char16_t u = *unit++;
        if (u < 0x80) {
            appendAsciiEscape(m_out, u);
        } else if (QChar::isHighSurrogate(u) && unit != end && QChar::isLowSurrogate(*unit)) {
            appendUtf8(m_out, QChar::surrogateToUcs4(u, *unit++));
        } else if (QChar::isSurrogate(u)) {
            appendUnicodeEscape(m_out, u); // no valid UTF-8 for it: QJsonDocument escapes it too
        } else {
            appendUtf8(m_out, u);
        }
    }
    m_out.append('"');
}

} // namespace Notechondria
