// SPDX-License-Identifier: GPL-3.0-or-later
// What keeps an export safe to publish: path-safe names and a secret scan over every file.
#include "exporter.h"
#include "exportutil.h"

#include <QByteArrayView>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr qsizetype maxNameLength = 100;

bool isAlnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

qsizetype runLength(QByteArrayView bytes, qsizetype from, bool (*accept)(char))
{
    qsizetype i = from;
    while (i < bytes.size() && accept(bytes[i]))
        ++i;
    return i - from;
}

bool isPatChar(char c)
{
    return isAlnum(c) || c == '_';
}

/// Windows refuses these base names (with any extension): CON, PRN, AUX, NUL, COM1-9, LPT1-9.
bool isReservedWindowsName(const QString &name)
{
    const QString base = name.section(u'.', 0, 0).trimmed().toUpper();
    if (base == "CON"_L1 || base == "PRN"_L1 || base == "AUX"_L1 || base == "NUL"_L1)
        return true;
    return base.size() == 4 && (base.startsWith("COM"_L1) || base.startsWith("LPT"_L1)) && base.at(3) >= u'1'
        && base.at(3) <= u'9';
}

} // namespace

QStringList findSecrets(const QByteArray &bytes)
{
    bool githubToken = false;
    bool apiKey = false;
    const QByteArrayView view(bytes);
    if (view.isEmpty())
        return {}; // memchr may not be handed the null data() of an empty array
    // Every token kind we look for has a '_' at a fixed place: scan the underscores (memchr-fast) and look around.
    for (const char *p = static_cast<const char *>(std::memchr(view.data(), '_', view.size())); p;) {
        const qsizetype at = p - view.data();
        if (at >= 3) {
            const QByteArrayView prefix = view.sliced(at - 3, 3);
            if (!githubToken && prefix.size() == 3 && prefix[0] == 'g' && prefix[1] == 'h'
                && QByteArrayView("pousr").contains(prefix[2]) && runLength(view, at + 1, isAlnum) >= 36)
                githubToken = true;
            if (!apiKey && prefix == "ntc" && runLength(view, at + 1, isHex) >= 32)
                apiKey = true;
        }
        if (!githubToken && at >= 6 && view.sliced(at - 6, 6) == "github" && view.sliced(at).startsWith("_pat_")
            && runLength(view, at + 5, isPatChar) >= 22)
            githubToken = true;
        if (githubToken && apiKey)
            break;
        const qsizetype next = at + 1;
        p = next < view.size() ? static_cast<const char *>(std::memchr(view.data() + next, '_', view.size() - next))
                               : nullptr;
    }
    bool privateKey = false;
    for (qsizetype at = view.indexOf("PRIVATE KEY-----"); at >= 0 && !privateKey;
        at = view.indexOf("PRIVATE KEY-----", at + 1)) {
        const qsizetype lineStart = view.first(at).lastIndexOf('\n') + 1;
        privateKey = view.sliced(lineStart, at - lineStart).contains("-----BEGIN ");
    }
    QStringList kinds;
    if (githubToken)
        kinds.append(u"GitHub token"_s);
    if (privateKey)
        kinds.append(u"private key"_s);
    if (apiKey)
        kinds.append(u"Notechondria API key"_s);
    return kinds;
}

bool isPathComponent(const QString &name)
{
    if (name.isEmpty() || name == u"."_s || name == u".."_s || name.size() > 255)
        return false;
    return std::ranges::none_of(
        name, [](QChar c) { return c == u'/' || c == u'\\' || c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

bool isSafeFileName(const QString &name)
{
    if (name.isEmpty() || name.size() > maxNameLength || name.startsWith(u'.') || name.contains(u".."_s))
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        // Separators, NUL/control characters, and what Windows cannot store in a file name.
        if (u < 0x20 || u == 0x7f || u == u'/' || u == u'\\' || u == u':' || u == u'*' || u == u'?' || u == u'"'
            || u == u'<' || u == u'>' || u == u'|')
            return false;
    }
    // Windows silently drops a trailing dot or space, so such a name would not survive a checkout there.
    if (name.endsWith(u'.') || name.endsWith(u' '))
        return false;
    return !isReservedWindowsName(name);
}

bool isSafeSlug(const QString &slug)
{
    return isSafeFileName(slug);
}

QString printableName(const QString &text)
{
    QString out = redactSecrets(text.left(120));
    for (QChar &c : out) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    }
    return out;
}

} // namespace Notechondria
