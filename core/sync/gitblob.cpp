// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitblob.h"

#include <QCryptographicHash>
#include <QStringDecoder>

namespace Notechondria {

QByteArray GitBlob::id(const QByteArray &bytes)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const QByteArray header = "blob " + QByteArray::number(bytes.size()) + '\0';
    hash.addData(header);
    hash.addData(bytes);
    return hash.result().toHex();
}

bool GitBlob::isInlineText(const QByteArray &bytes)
{
    if (bytes.contains('\0')) {
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

} // namespace Notechondria
