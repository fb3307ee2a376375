// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Notechondria {

/// Git blob helpers computed locally, so a push can skip files the remote already holds.
class GitBlob
{
public:
    /// The git object id of a blob: lowercase hex SHA-1 of `"blob <size>\0" + bytes`.
    [[nodiscard]] static QByteArray id(const QByteArray &bytes);

    /// Whether the bytes can travel inline as a JSON string in `POST git/trees`: valid UTF-8 without NUL.
    [[nodiscard]] static bool isInlineText(const QByteArray &bytes);
};

} // namespace Notechondria
