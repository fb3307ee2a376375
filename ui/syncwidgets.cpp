// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncwidgets.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace Notechondria::SyncWidgets {

QLabel *makeLabel(const QString &objectName, QWidget *parent, bool wrap)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(wrap);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QProgressBar *makeThinBar(const QString &objectName, QWidget *parent)
{
    auto *bar = new QProgressBar(parent);
    bar->setObjectName(objectName);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumHeight(4);
    return bar;
}

QHBoxLayout *makeLabelledRow(const QString &label, QWidget *field, QWidget *parent)
{
    auto *row = new QHBoxLayout;
    auto *text = new QLabel(label, parent);
    text->setBuddy(field);
    row->addWidget(text);
    row->addWidget(field, 1);
    return row;
}

void setErrorColour(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xB3, 0x26, 0x1E));
    label->setPalette(palette);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

} // namespace Notechondria::SyncWidgets
