// SPDX-License-Identifier: GPL-3.0-or-later
// Notechondria Desktop: the composition root of the GUI.
#include "mainwindow.h"

#include <QApplication>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Notechondria"_s);
    QApplication::setApplicationName(u"notechondria"_s);
    QApplication::setApplicationDisplayName(u"Notechondria Desktop"_s);
    QApplication::setApplicationVersion(QStringLiteral(NOTECHONDRIA_VERSION));
    QApplication::setDesktopFileName(u"io.github.notechondria.Desktop"_s);

    Notechondria::MainWindow window;
    window.show();
    return app.exec();
}
