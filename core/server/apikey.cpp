// SPDX-License-Identifier: GPL-3.0-or-later
#include "apikey.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria::ApiKey {

namespace {
constexpr qsizetype hexDigits = 32;
}

QString generate()
{
    QByteArray random(hexDigits / 2, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return u"ntc_"_s + QString::fromLatin1(random.toHex());
}

bool isWellFormed(QStringView key)
{
    if (key.size() != 4 + hexDigits || !key.startsWith(u"ntc_")) {
        return false;
    }
    return std::ranges::all_of(key.mid(4), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
    });
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // Walk the longer input completely so the time does not reveal the length of a matching prefix.
    const qsizetype length = std::max(a.size(), b.size());
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < length; ++i) {
        const auto x = static_cast<unsigned char>(i < a.size() ? a[i] : 0);
        const auto y = static_cast<unsigned char>(i < b.size() ? b[i] : 0);
        difference |= static_cast<unsigned char>(x ^ y);
    }
    return difference == 0;
}

QByteArray fromAuthorizationHeader(QByteArrayView headerValue)
{
    const QByteArrayView value = headerValue.trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space <= 0) {
        return {};
    }
    const QByteArrayView scheme = value.first(space);
    if (scheme.compare("Bearer", Qt::CaseInsensitive) != 0 && scheme.compare("Token", Qt::CaseInsensitive) != 0) {
        return {};
    }
    return value.sliced(space + 1).trimmed().toByteArray();
}

} // namespace Notechondria::ApiKey
