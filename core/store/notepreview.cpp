// SPDX-License-Identifier: GPL-3.0-or-later
// NotePreview: what a notes list shows of a body, computed once when the note is saved (and by migration 3).
#include "store.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr qsizetype previewWidth = 200;
constexpr qsizetype previewLineCount = 3;

/// The first lines of the markdown, without heading marks.
QStringList previewLines(const QString &content)
{
    QStringList lines;
    for (QStringView line : QStringView(content).tokenize(u'\n')) {
        QString text = line.trimmed().toString();
        while (text.startsWith(u'#')) {
            text.remove(0, 1);
        }
        text = text.trimmed();
        if (!text.isEmpty()) {
            lines.append(text.left(previewWidth));
            if (lines.size() == previewLineCount) {
                break;
            }
        }
    }
    return lines;
}

} // namespace

NotePreview NotePreview::of(const QString &content)
{
    return NotePreview{content.simplified().left(previewWidth), previewLines(content)};
}

} // namespace Notechondria
