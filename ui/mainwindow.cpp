// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QLabel>

namespace Notechondria {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Notechondria Desktop"));
    setCentralWidget(new QLabel(tr("Notechondria Desktop"), this));
    resize(900, 640);
}

} // namespace Notechondria
