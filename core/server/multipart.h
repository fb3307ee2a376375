// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Notechondria {

/// One part of a multipart/form-data body.
struct MultipartPart
{
    QString name; ///< the form field name
    QString fileName; ///< the uploaded file's name; empty for a plain field
    bool isFile = false; ///< whether the part had a `filename` parameter
    QByteArray contentType; ///< the part's Content-Type, empty when none
    QByteArray body;
};

/// Limits applied while parsing, so a hostile body cannot make us allocate without bound.
struct MultipartLimits
{
    qsizetype maxParts = 64;
    qsizetype maxHeaderBytes = qsizetype(8) * 1024; ///< per part
    qsizetype maxFieldBytes = qsizetype(1024) * 1024; ///< a plain (non-file) field
    qsizetype maxFileBytes = qsizetype(50) * 1024 * 1024; ///< one file (DECISIONS §3: 50 MB per asset)
};

/**
 * A strict multipart/form-data parser (RFC 7578). It takes the whole body (the HTTP server has already read it)
 * and the Content-Type header value, and fails with a three-part error on anything malformed: a missing or
 * over-long boundary, a part without `Content-Disposition: form-data; name=...`, a missing closing delimiter,
 * too many parts or a part over its limit. File names are reduced to their last path component.
 */
class MultipartParser
{
public:
    explicit MultipartParser(MultipartLimits limits = {});

    [[nodiscard]] Result<QList<MultipartPart>> parse(const QByteArray &contentType, const QByteArray &body) const;

    /// The `boundary` parameter of a multipart/form-data Content-Type; empty when it is not one.
    [[nodiscard]] static QByteArray boundaryOf(const QByteArray &contentType);

private:
    [[nodiscard]] Result<MultipartPart> parsePart(QByteArrayView raw) const;

    MultipartLimits m_limits;
};

} // namespace Notechondria
