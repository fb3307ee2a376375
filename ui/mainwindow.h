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

/// The main window of Notechondria Desktop: settings (with the GitHub Sync card), the export preview, push history.
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

private:
    QTabWidget *m_tabs;
    SettingsPage *m_settings;
    ExportPreview *m_preview;
    PushHistoryView *m_history;
};

} // namespace Notechondria
