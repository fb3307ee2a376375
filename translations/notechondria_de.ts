<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Notechondria::ConflictDialog</name>
    <message>
        <source>GitHub has changes this device does not have</source>
        <translation>GitHub hat Änderungen, die dieses Gerät nicht hat</translation>
    </message>
    <message>
        <source>Push conflict</source>
        <translation>Push-Konflikt</translation>
    </message>
    <message>
        <source>These files changed both here and on GitHub since the last push. Choose which version GitHub keeps; other files are pushed either way.</source>
        <translation>Diese Dateien wurden seit dem letzten Push sowohl hier als auch auf GitHub geändert. Wählen Sie, welche Version GitHub behält; alle anderen Dateien werden in jedem Fall gepusht.</translation>
    </message>
    <message>
        <source>Conflicting files</source>
        <translation>Dateien mit Konflikt</translation>
    </message>
    <message>
        <source>This device&apos;s version</source>
        <translation>Version dieses Geräts</translation>
    </message>
    <message>
        <source>GitHub&apos;s version</source>
        <translation>Version auf GitHub</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Overwrite GitHub</source>
        <translation>GitHub überschreiben</translation>
    </message>
    <message>
        <source>Push this device&apos;s version of these files over GitHub&apos;s.</source>
        <translation>Die Version dieses Geräts über die Dateien auf GitHub pushen.</translation>
    </message>
    <message>
        <source>Keep GitHub&apos;s version</source>
        <translation>GitHub-Version behalten</translation>
    </message>
    <message>
        <source>Push everything else and leave GitHub&apos;s copy of these files as it is.</source>
        <translation>Alles andere pushen und diese Dateien auf GitHub unverändert lassen.</translation>
    </message>
</context>
<context>
    <name>Notechondria::ConnectionSection</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Local mode — this computer keeps the data and talks to GitHub itself</source>
        <translation>&amp;Lokaler Modus — dieser Computer speichert die Daten und spricht selbst mit GitHub</translation>
    </message>
    <message>
        <source>&amp;Remote server</source>
        <translation>&amp;Entfernter Server</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation>Im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>Server &amp;URL</source>
        <translation>Server-&amp;URL</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>Connection not saved: Frontend.Settings/connection — the server URL is not a valid http(s) URL.</source>
        <translation>Verbindung nicht gespeichert: Frontend.Settings/connection — die Server-URL ist keine gültige http(s)-URL.</translation>
    </message>
</context>
<context>
    <name>Notechondria::ExportPreview</name>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>Include &amp;assets</source>
        <translation>&amp;Assets einschließen</translation>
    </message>
    <message>
        <source>Export preview</source>
        <translation>Exportvorschau</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Files of the next push</source>
        <translation>Dateien des nächsten Pushs</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Selected file</source>
        <translation>Ausgewählte Datei</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Vorschau wird vorbereitet …</translation>
    </message>
    <message>
        <source>Cannot preview the next push</source>
        <translation>Vorschau des nächsten Pushs nicht möglich</translation>
    </message>
    <message>
        <source>Nothing to push: GitHub already has this account as it is.</source>
        <translation>Nichts zu pushen: GitHub hat dieses Konto bereits im aktuellen Stand.</translation>
    </message>
    <message>
        <source>Next push: %1 added, %2 changed, %3 deleted.</source>
        <translation>Nächster Push: %1 hinzugefügt, %2 geändert, %3 gelöscht.</translation>
    </message>
</context>
<context>
    <name>Notechondria::GitHubAppSection</name>
    <message>
        <source>GitHub App (local mode)</source>
        <translation>GitHub-App (lokaler Modus)</translation>
    </message>
    <message>
        <source>&amp;Import private key…</source>
        <translation>Privaten Schlüssel &amp;importieren …</translation>
    </message>
    <message>
        <source>App &amp;name</source>
        <translation>App-&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Client id</source>
        <translation>&amp;Client-ID</translation>
    </message>
    <message>
        <source>Install &amp;URL</source>
        <translation>Installations-&amp;URL</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>Import the GitHub App private key</source>
        <translation>Privaten Schlüssel der GitHub-App importieren</translation>
    </message>
    <message>
        <source>PEM private keys (*.pem);;All files (*)</source>
        <translation>Private PEM-Schlüssel (*.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Private key not imported: Frontend.Settings/github_app.import_key — cannot read %1 (missing, unreadable or larger than 64 KiB).</source>
        <translation>Privater Schlüssel nicht importiert: Frontend.Settings/github_app.import_key — %1 kann nicht gelesen werden (fehlt, ist nicht lesbar oder größer als 64 KiB).</translation>
    </message>
    <message>
        <source>Private key not imported: Frontend.Settings/github_app.import_key — %1 is not a PEM private key.</source>
        <translation>Privater Schlüssel nicht importiert: Frontend.Settings/github_app.import_key — %1 ist kein privater PEM-Schlüssel.</translation>
    </message>
    <message>
        <source>Private key stored in the %1.</source>
        <translation>Privater Schlüssel gespeichert in: %1.</translation>
    </message>
    <message>
        <source>No private key yet: import the .pem file GitHub gave you for the App.</source>
        <translation>Noch kein privater Schlüssel: Importieren Sie die .pem-Datei, die GitHub Ihnen für die App gegeben hat.</translation>
    </message>
</context>
<context>
    <name>Notechondria::MainWindow</name>
    <message>
        <source>Notechondria Desktop</source>
        <translation>Notechondria Desktop</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Export p&amp;review</source>
        <translation>Export&amp;vorschau</translation>
    </message>
    <message>
        <source>Push &amp;history</source>
        <translation>Push-&amp;Verlauf</translation>
    </message>
</context>
<context>
    <name>Notechondria::PushHistoryView</name>
    <message>
        <source>committed</source>
        <translation>committet</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>nichts geändert</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Push history</source>
        <translation>Push-Verlauf</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Recorded pushes</source>
        <translation>Aufgezeichnete Pushs</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Cannot show the push history</source>
        <translation>Push-Verlauf kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>No pushes recorded yet.</source>
        <translation>Noch keine Pushs aufgezeichnet.</translation>
    </message>
    <message>
        <source>%1 recorded pushes.</source>
        <translation>%1 aufgezeichnete Pushs.</translation>
    </message>
</context>
<context>
    <name>Notechondria::SyncCard</name>
    <message>
        <source>GitHub Sync</source>
        <translation>GitHub-Sync</translation>
    </message>
    <message>
        <source>Experimental — GitHub Sync</source>
        <translation>Experimentell — GitHub-Sync</translation>
    </message>
    <message>
        <source>Push your full account (profile, settings, MCP skill, courses, notes, custom meta, planner events) to a GitHub repo you own so you can recover everything if our server is wiped. Static assets we host (avatars, attachments, cover images) are referenced by URL, not committed. See docs/integrations/github-sync.md for the full flow.</source>
        <translation>Pushen Sie Ihr gesamtes Konto (Profil, Einstellungen, MCP-Skill, Kurse, Notizen, eigene Metadaten, Planer-Termine) in ein GitHub-Repository, das Ihnen gehört, damit Sie alles wiederherstellen können, falls unser Server gelöscht wird. Statische Assets, die wir hosten (Avatare, Anhänge, Titelbilder), werden per URL referenziert und nicht committet. Den vollständigen Ablauf beschreibt docs/integrations/github-sync.md.</translation>
    </message>
    <message>
        <source>GitHub Sync error</source>
        <translation>GitHub-Sync-Fehler</translation>
    </message>
    <message>
        <source>Sign in to enable GitHub Sync.</source>
        <translation>Melden Sie sich an, um GitHub-Sync zu aktivieren.</translation>
    </message>
    <message>
        <source>Loading GitHub Sync status</source>
        <translation>GitHub-Sync-Status wird geladen</translation>
    </message>
    <message>
        <source>Operator note: GITHUB_DATA_SYNC_APP_INSTALL_URL is not configured on this backend. See docs/integrations/github-sync.md for the env-var contract.</source>
        <translation>Hinweis für Betreiber: GITHUB_DATA_SYNC_APP_INSTALL_URL ist auf diesem Backend nicht konfiguriert. Die Umgebungsvariablen beschreibt docs/integrations/github-sync.md.</translation>
    </message>
    <message>
        <source>Install Notechondria GitHub App</source>
        <translation>Notechondria-GitHub-App installieren</translation>
    </message>
    <message>
        <source>After approving the install, GitHub redirects back here and we persist your installation id automatically. The app stays installed until you remove it from your GitHub settings.</source>
        <translation>Nachdem Sie die Installation bestätigt haben, leitet GitHub hierher zurück und Ihre Installations-ID wird automatisch gespeichert. Die App bleibt installiert, bis Sie sie in Ihren GitHub-Einstellungen entfernen.</translation>
    </message>
    <message>
        <source>Waiting for the installation to finish in your browser…</source>
        <translation>Warten, bis die Installation im Browser abgeschlossen ist …</translation>
    </message>
    <message>
        <source>Or paste the &amp;installation id:</source>
        <translation>Oder die &amp;Installations-ID einfügen:</translation>
    </message>
    <message>
        <source>Installation id</source>
        <translation>Installations-ID</translation>
    </message>
    <message>
        <source>e.g. 12345678</source>
        <translation>z. B. 12345678</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Verknüpfen</translation>
    </message>
    <message>
        <source>Sync target &amp;repository</source>
        <translation>&amp;Repository für die Synchronisation</translation>
    </message>
    <message>
        <source>Sync target repository</source>
        <translation>Repository für die Synchronisation</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry listing repositories</source>
        <translation>Repositorys erneut auflisten</translation>
    </message>
    <message>
        <source>No repositories visible to this installation. Open GitHub settings → Applications → Notechondria data sync, and grant access to a repo.</source>
        <translation>Diese Installation sieht keine Repositorys. Öffnen Sie die GitHub-Einstellungen → Applications → Notechondria data sync und gewähren Sie Zugriff auf ein Repository.</translation>
    </message>
    <message>
        <source>Include &amp;assets</source>
        <translation>&amp;Assets einschließen</translation>
    </message>
    <message>
        <source>&amp;Push now</source>
        <translation>Jetzt &amp;pushen</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Pre&amp;view next push</source>
        <translation>Nächsten Push &amp;ansehen</translation>
    </message>
    <message>
        <source>Push &amp;history</source>
        <translation>Push-&amp;Verlauf</translation>
    </message>
    <message>
        <source>Push in progress</source>
        <translation>Push läuft</translation>
    </message>
    <message>
        <source>GitHub App installed.</source>
        <translation>GitHub-App installiert.</translation>
    </message>
    <message>
        <source>GitHub App installed on @%1.</source>
        <translation>GitHub-App auf @%1 installiert.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Not pushed yet.</source>
        <translation>Noch nicht gepusht.</translation>
    </message>
    <message>
        <source>Last push: %1</source>
        <translation>Letzter Push: %1</translation>
    </message>
    <message>
        <source>Last push: %1.</source>
        <translation>Letzter Push: %1.</translation>
    </message>
    <message>
        <source>Last push: %1 (commit %2).</source>
        <translation>Letzter Push: %1 (Commit %2).</translation>
    </message>
    <message>
        <source>Avatar, cover images, and attachments are inlined under assets/. Subject to per-file (50 MB) and per-push (200 MB) caps.</source>
        <translation>Avatar, Titelbilder und Anhänge werden unter assets/ eingebettet. Es gelten Obergrenzen pro Datei (50 MB) und pro Push (200 MB).</translation>
    </message>
    <message>
        <source>Static assets stay referenced by URL only. Faster push, but a fresh server can&apos;t recover the bytes.</source>
        <translation>Statische Assets bleiben nur per URL referenziert. Der Push ist schneller, aber ein neuer Server kann die Dateien nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>Cannot load GitHub Sync status</source>
        <translation>GitHub-Sync-Status kann nicht geladen werden</translation>
    </message>
    <message>
        <source>Cannot list repositories</source>
        <translation>Repositorys können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot select repository</source>
        <translation>Repository kann nicht ausgewählt werden</translation>
    </message>
    <message>
        <source>GitHub Sync push failed</source>
        <translation>GitHub-Sync-Push fehlgeschlagen</translation>
    </message>
    <message>
        <source>Pushed to GitHub: Frontend.GithubSync/push — commit %1.</source>
        <translation>Zu GitHub gepusht: Frontend.GithubSync/push — Commit %1.</translation>
    </message>
    <message>
        <source>Cannot disconnect GitHub Sync</source>
        <translation>GitHub-Sync kann nicht getrennt werden</translation>
    </message>
    <message>
        <source>Cannot install GitHub App</source>
        <translation>GitHub-App kann nicht installiert werden</translation>
    </message>
    <message>
        <source>no install_url configured.</source>
        <translation>keine install_url konfiguriert.</translation>
    </message>
    <message>
        <source>install_url is not a valid http(s) URL.</source>
        <translation>install_url ist keine gültige http(s)-URL.</translation>
    </message>
    <message>
        <source>no web browser could be opened; open %1 yourself and paste the installation id.</source>
        <translation>es konnte kein Webbrowser geöffnet werden; öffnen Sie %1 selbst und fügen Sie die Installations-ID ein.</translation>
    </message>
    <message>
        <source>Cannot complete GitHub App install</source>
        <translation>GitHub-App-Installation kann nicht abgeschlossen werden</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>vor 1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>vor %1 Minuten</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>vor 1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>vor %1 Stunden</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>vor 1 Tag</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Local server at %1.</source>
        <translation>Lokaler Server unter %1.</translation>
    </message>
</context>
</TS>
