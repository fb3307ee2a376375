// SPDX-License-Identifier: GPL-3.0-or-later
#include "highlightedview.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QFontDatabase>
#include <QTextBlock>

namespace Notechondria {

KSyntaxHighlighting::Repository &syntaxRepository()
{
    static KSyntaxHighlighting::Repository repository;
    return repository;
}

HighlightedView::HighlightedView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    applyTheme();
}

HighlightedView::~HighlightedView() = default;

void HighlightedView::showFile(const QString &fileName, const QString &text)
{
    m_highlighter->setDefinition(syntaxRepository().definitionForFileName(fileName));
    setExtraSelections({});
    setPlainText(text);
}

void HighlightedView::markLines(const QList<int> &lines, const QColor &background)
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const int line : lines) {
        const QTextBlock block = document()->findBlockByNumber(line);
        if (!block.isValid()) {
            continue;
        }
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.format.setBackground(background);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
    }
    setExtraSelections(selections);
}

void HighlightedView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
    }
}

void HighlightedView::applyTheme()
{
    const KSyntaxHighlighting::Theme theme = syntaxRepository().themeForPalette(palette());
    if (theme.name() == m_highlighter->theme().name() && m_highlighter->theme().isValid()) {
        return;
    }
    m_highlighter->setTheme(theme);
    m_highlighter->rehighlight();
}

} // namespace Notechondria
