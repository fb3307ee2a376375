// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>

#include <QByteArray>
#include <QString>

namespace Notechondria {

/**
 * Compact JSON written straight into bytes, for answers built often enough that assembling QJsonObjects first
 * costs more than the rest of the request (a notes page: 20 entries of 17 fields). The text is what
 * QJsonDocument::toJson(Compact) writes for the same values: strings escaped the same way (`"`, `\`, the
 * control characters, lone surrogates as \uXXXX; everything else as UTF-8), so a caller that writes an
 * object's keys in sorted order produces the same bytes as a QJsonObject would.
 */
class JsonWriter
{
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    /// The next member's name (an ASCII literal of ours, written as it is).
    JsonWriter &key(QLatin1StringView name);
    JsonWriter &value(const QString &text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(bool flag);
    JsonWriter &null();

    /// The text written so far; the writer is empty afterwards.
    [[nodiscard]] QByteArray take();

private:
    void separate();
    void appendEscaped(const QString &text);

    QByteArray m_out;
    bool m_needsComma = false;
};

} // namespace Notechondria
