// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Notechondria {

/// The one KSyntaxHighlighting repository of the app (loading definitions is expensive; share it).
[[nodiscard]] KSyntaxHighlighting::Repository &syntaxRepository();

/**
 * A read-only text view highlighted by KSyntaxHighlighting: the definition follows the file name (JSON, Markdown,
 * YAML…), the theme follows the palette (themeForPalette) and is re-applied when the palette changes (dark mode).
 */
class HighlightedView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit HighlightedView(QWidget *parent = nullptr);
    ~HighlightedView() override;

    /// Shows `text` highlighted as the file `fileName` would be.
    void showFile(const QString &fileName, const QString &text);
    /// Lines (0-based) to mark as differing from the other side of a diff, with the given background.
    void markLines(const QList<int> &lines, const QColor &background);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
};

} // namespace Notechondria
