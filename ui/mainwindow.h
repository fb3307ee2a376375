// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QTabWidget;

namespace Notechondria {

class Clock;
class ExportPreview;
class NotechondriaClient;
class PushHistoryView;
class SecretStore;
class SettingsPage;

/// The main window of Notechondria Desktop: settings (with the GitHub Sync card), the export preview, push history;
/// the menus File → Quit (Ctrl+Q, objectName quitAction) and Help → About (aboutAction).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(NotechondriaClient *client, SecretStore *secrets, const Clock *clock, QWidget *parent = nullptr);

    [[nodiscard]] SettingsPage *settingsPage() const { return m_settings; }
    [[nodiscard]] ExportPreview *exportPreview() const { return m_preview; }
    [[nodiscard]] PushHistoryView *pushHistory() const { return m_history; }
    void showPreview();
    void showHistory();
    /// With a tray icon, closing the window only hides it (backups go on); without, closing quits as before.
    void setCloseToTray(bool closeToTray);
    [[nodiscard]] bool closesToTray() const { return m_closeToTray; }
    /// Brings the window back (the tray's Open).
    void showAndRaise();

Q_SIGNALS:
    /// File → Quit (Ctrl+Q): the app ends, tray or not.
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void showAbout();

    QTabWidget *m_tabs;
    SettingsPage *m_settings;
    ExportPreview *m_preview;
    PushHistoryView *m_history;
    bool m_closeToTray = false;
};

} // namespace Notechondria
