// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "exportpreview.h"
#include "pushhistoryview.h"
#include "settingspage.h"
#include "synccard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace Notechondria {

MainWindow::MainWindow(NotechondriaClient *client, SecretStore *secrets, const Clock *clock, QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_settings(new SettingsPage(client, secrets, clock, m_tabs))
    , m_preview(new ExportPreview(m_tabs))
    , m_history(new PushHistoryView(m_tabs))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Notechondria Desktop"));
    setWindowIcon(QIcon(u":/icons/notechondria.svg"_s));
    m_tabs->setObjectName(u"mainTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_settings, tr("&Settings"));
    m_tabs->addTab(m_preview, tr("Export p&review"));
    m_tabs->addTab(m_history, tr("Push &history"));
    setCentralWidget(m_tabs);
    m_preview->setClient(client);
    m_history->setClient(client);

    SyncCard *card = m_settings->syncCard();
    connect(card, &SyncCard::previewRequested, this, &MainWindow::showPreview);
    connect(card, &SyncCard::historyRequested, this, &MainWindow::showHistory);
    connect(card, &SyncCard::pushed, m_history, &PushHistoryView::reload);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_preview) {
            m_preview->reload();
        } else if (m_tabs->widget(index) == m_history) {
            m_history->setRepository(m_settings->syncCard()->status().repoFullName);
            m_history->reload();
        }
    });
    buildMenus();
    resize(960, 720);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(u"quitAction"_s);
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);
    if (quit->shortcut().isEmpty()) {
        quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    }
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Notechondria Desktop"));
    about->setObjectName(u"aboutAction"_s);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Notechondria Desktop"),
        tr("<p><b>Notechondria Desktop</b> %1</p><p>Your notes on this computer, backed up to your own GitHub "
           "repository.</p><p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(QApplication::applicationVersion().toHtmlEscaped()));
}

void MainWindow::setCloseToTray(bool closeToTray)
{
    m_closeToTray = closeToTray;
}

void MainWindow::showAndRaise()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeToTray) {
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showPreview()
{
    m_tabs->setCurrentWidget(m_preview);
}

void MainWindow::showHistory()
{
    m_tabs->setCurrentWidget(m_history);
}

} // namespace Notechondria
