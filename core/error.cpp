// SPDX-License-Identifier: GPL-3.0-or-later
#include "error.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {
constexpr QChar emDash(0x2014);
}

QString Error::message() const
{
    return consequence % u": "_s % module % u' ' % emDash % u' ' % cause;
}

Error Error::withConsequence(const QString &newConsequence) const
{
    Error copy = *this;
    copy.consequence = newConsequence;
    return copy;
}

Error Error::fromMessage(const QString &text, const QString &consequence, const QString &module)
{
    const qsizetype colon = text.indexOf(u": "_s);
    const qsizetype dash = text.indexOf(u' ' % QString(emDash) % u' ');
    if (colon > 0 && dash > colon) {
        return Error{text.left(colon), text.mid(colon + 2, dash - colon - 2), text.mid(dash + 3)};
    }
    return Error{consequence, module, text};
}

QString redactSecrets(const QString &text)
{
    static const QList<QRegularExpression> patterns = {
        QRegularExpression(u"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)"_s,
            QRegularExpression::DotMatchesEverythingOption),
        // No word boundaries: a key glued to other text ("x_ntc_<key>abc" in a path) is still a key.
        QRegularExpression(u"(gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{20,})"_s),
        QRegularExpression(u"ntc_[0-9a-fA-F]{32}"_s),
        QRegularExpression(u"ntcs_[0-9a-fA-F]{40}"_s), // the local server's sign-in session tokens
        QRegularExpression(u"\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"_s),
        // The hint "Bearer ntc_…" names no secret and stays readable.
        QRegularExpression(
            u"((?:Bearer|Token)\\s+)(?!ntc_\u2026)[^\\s\"']+"_s, QRegularExpression::CaseInsensitiveOption),
    };
    QString out = text;
    for (const QRegularExpression &re : patterns) {
        if (re.pattern().startsWith(u"((?:Bearer"_s)) {
            out.replace(re, u"\\1[redacted]"_s);
        } else {
            out.replace(re, u"[redacted]"_s);
        }
    }
    return out;
}

QString excerpt(const QByteArray &body, qsizetype maxBytes)
{
    QByteArray cut = body.left(maxBytes);
    // Do not end inside a UTF-8 sequence.
    while (!cut.isEmpty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) {
        cut.chop(1);
    }
    if (!cut.isEmpty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0xC0) {
        cut.chop(1);
    }
    QString text = QString::fromUtf8(cut).simplified();
    return redactSecrets(text);
}

} // namespace Notechondria
