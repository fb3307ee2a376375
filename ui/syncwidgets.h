// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QWidget;

namespace Notechondria {

/// The small widgets the GitHub Sync card and its pages are made of.
namespace SyncWidgets {

/// A plain-text label, word-wrapped unless `wrap` is false.
[[nodiscard]] QLabel *makeLabel(const QString &objectName, QWidget *parent, bool wrap = true);
/// A thin busy indicator (no text, 4 px high).
[[nodiscard]] QProgressBar *makeThinBar(const QString &objectName, QWidget *parent);
/// A row of a label (with its mnemonic) and the field it names, stretched.
[[nodiscard]] QHBoxLayout *makeLabelledRow(const QString &label, QWidget *field, QWidget *parent);
/// Shows `label` in the error colour, its text selectable.
void setErrorColour(QLabel *label);

} // namespace SyncWidgets

} // namespace Notechondria
