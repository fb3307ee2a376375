<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Notechondria::BackupHistoryDialog</name>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n gelöscht</numerusform>
            <numerusform>%n gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing counted</source>
        <translation>nichts gezählt</translation>
    </message>
    <message>
        <source>an unnamed device</source>
        <translation>einem unbenannten Gerät</translation>
    </message>
    <message>
        <source>Backup history</source>
        <translation>Sicherungsverlauf</translation>
    </message>
    <message>
        <source>Find a note by its title, or paste its id</source>
        <translation>Eine Notiz nach ihrem Titel suchen oder ihre Kennung einfügen</translation>
    </message>
    <message>
        <source>Find a note</source>
        <translation>Notiz suchen</translation>
    </message>
    <message>
        <source>Show &amp;every backup</source>
        <translation>&amp;Alle Sicherungen zeigen</translation>
    </message>
    <message>
        <source>Notes found</source>
        <translation>Gefundene Notizen</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Sicherungen, die neuesten zuerst</translation>
    </message>
    <message>
        <source>Show &amp;older backups</source>
        <translation>Ä&amp;ltere Sicherungen zeigen</translation>
    </message>
    <message>
        <source>The note in this backup</source>
        <translation>Die Notiz in dieser Sicherung</translation>
    </message>
    <message>
        <source>The note now</source>
        <translation>Die Notiz jetzt</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>Diese Fassung &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Restore as a &amp;copy</source>
        <translation>Als &amp;Kopie wiederherstellen</translation>
    </message>
    <message>
        <source>A new note is made from this version; the note as it is now stays as it is.</source>
        <translation>Aus dieser Fassung wird eine neue Notiz; die Notiz, wie sie jetzt ist, bleibt unverändert.</translation>
    </message>
    <message>
        <source>Every backup of the account, newest first.</source>
        <translation>Jede Sicherung des Kontos, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>The backups that changed this note, newest first.</source>
        <translation>Die Sicherungen, die diese Notiz geändert haben, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>The backups that changed “%1”, newest first.</source>
        <translation>Die Sicherungen, die „%1“ geändert haben, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>%1 (%2), %3
%4</source>
        <translation>%1 (%2), %3
%4</translation>
    </message>
    <message>
        <source>The repository has no backup yet.</source>
        <translation>Das Repository enthält noch keine Sicherung.</translation>
    </message>
    <message>
        <source>No backup holds this note yet.</source>
        <translation>Noch keine Sicherung enthält diese Notiz.</translation>
    </message>
    <message>
        <source>Backed up %1 from %2: %3</source>
        <translation>Gesichert am %1 von %2: %3</translation>
    </message>
    <message>
        <source>To look at one note as this backup holds it, find the note above.</source>
        <translation>Um eine Notiz so zu sehen, wie diese Sicherung sie enthält, suchen Sie sie oben.</translation>
    </message>
    <message>
        <source>Open this backup on GitHub</source>
        <translation>Diese Sicherung auf GitHub öffnen</translation>
    </message>
    <message>
        <source>Left: “%1” in the backup of %2. Right: the note now. Lines that differ are marked.</source>
        <translation>Links: „%1“ in der Sicherung vom %2. Rechts: die Notiz jetzt. Abweichende Zeilen sind markiert.</translation>
    </message>
    <message>
        <source>Left: “%1” in the backup of %2. The note is no longer on this computer; restoring brings it back.</source>
        <translation>Links: „%1“ in der Sicherung vom %2. Die Notiz ist nicht mehr auf diesem Computer; Wiederherstellen holt sie zurück.</translation>
    </message>
    <message>
        <source>No note on this computer matches “%1”.</source>
        <translation>Keine Notiz auf diesem Computer passt zu „%1“.</translation>
    </message>
    <message>
        <source>“%1” was made from the backup of %2. The next sync backs it up.</source>
        <translation>„%1“ wurde aus der Sicherung vom %2 erstellt. Die nächste Synchronisierung sichert sie.</translation>
    </message>
    <message>
        <source>“%1” is back as it was in the backup of %2. The next sync backs it up.</source>
        <translation>„%1“ ist wieder so wie in der Sicherung vom %2. Die nächste Synchronisierung sichert sie.</translation>
    </message>
    <message>
        <source>The note becomes this version again; the note as it is now stays in its own history, and Undo takes it back.</source>
        <translation>Die Notiz wird wieder zu dieser Fassung; die Notiz, wie sie jetzt ist, bleibt in ihrem eigenen Verlauf, und „Rückgängig“ nimmt es zurück.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Bring back the account as it was just before this restore.</source>
        <translation>Das Konto so zurückholen, wie es direkt vor dieser Wiederherstellung war.</translation>
    </message>
    <message>
        <source>The account is as it was before the restore.</source>
        <translation>Das Konto ist wieder so wie vor der Wiederherstellung.</translation>
    </message>
</context>
<context>
    <name>Notechondria::BackupTray</name>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Open Notechondria</source>
        <translation>Notechondria &amp;öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>Änderungen warten</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Wird gesichert…</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Notechondria: %1</source>
        <translation>Notechondria: %1</translation>
    </message>
    <message>
        <source>1 change not backed up yet</source>
        <translation>1 Änderung noch nicht gesichert</translation>
    </message>
    <message numerus="yes">
        <source>%n changes not backed up yet</source>
        <translation>
            <numerusform>%n Änderung noch nicht gesichert</numerusform>
            <numerusform>%n Änderungen noch nicht gesichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>Letzte Sicherung: %1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Noch keine Sicherung</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 changed here and on GitHub. Open Notechondria and choose which copy to keep.</source>
        <translation>%1 wurde hier und auf GitHub geändert. Öffnen Sie Notechondria und wählen Sie, welche Fassung bleibt.</translation>
    </message>
    <message numerus="yes">
        <source>%n items changed here and on GitHub: %1. Open Notechondria and choose which copies to keep.</source>
        <translation>
            <numerusform>%n Eintrag wurde hier und auf GitHub geändert: %1. Öffnen Sie Notechondria und wählen Sie, welche Fassung bleibt.</numerusform>
            <numerusform>%n Einträge wurden hier und auf GitHub geändert: %1. Öffnen Sie Notechondria und wählen Sie, welche Fassungen bleiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup needs your choice</source>
        <translation>Die Sicherung braucht Ihre Entscheidung</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup overdue</source>
        <translation>Sicherung überfällig</translation>
    </message>
    <message>
        <source>The scheduled backup is %1 late; it runs as soon as it can.</source>
        <translation>Die geplante Sicherung ist %1 zu spät; sie läuft, sobald es geht.</translation>
    </message>
    <message>
        <source>Backups keep failing</source>
        <translation>Sicherungen schlagen wiederholt fehl</translation>
    </message>
    <message>
        <source>The last three backups did not complete. The last one said: %1</source>
        <translation>Die letzten drei Sicherungen wurden nicht abgeschlossen. Die letzte meldete: %1</translation>
    </message>
</context>
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
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>MCP skill</source>
        <translation>MCP-Skill</translation>
    </message>
    <message>
        <source>Planner events</source>
        <translation>Planer-Termine</translation>
    </message>
    <message>
        <source>Calendar feeds</source>
        <translation>Kalender-Feeds</translation>
    </message>
    <message>
        <source>Deleted here, edited on GitHub</source>
        <translation>Hier gelöscht, auf GitHub bearbeitet</translation>
    </message>
    <message>
        <source>Deleted on GitHub, edited here</source>
        <translation>Auf GitHub gelöscht, hier bearbeitet</translation>
    </message>
    <message>
        <source>Changed here and on GitHub</source>
        <translation>Hier und auf GitHub geändert</translation>
    </message>
    <message>
        <source>Keep GitHub&apos;s</source>
        <translation>GitHub-Version behalten</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Beide behalten</translation>
    </message>
    <message>
        <source>Keep this device&apos;s</source>
        <translation>Version dieses Geräts behalten</translation>
    </message>
    <message>
        <source>Sync conflict</source>
        <translation>Sync-Konflikt</translation>
    </message>
    <message>
        <source>These items changed both here and on GitHub since the last sync, and the changes could not be combined. Choose which version to keep for each; nothing changes until you do.</source>
        <translation>Diese Einträge wurden seit der letzten Synchronisation sowohl hier als auch auf GitHub geändert, und die Änderungen ließen sich nicht zusammenführen. Wählen Sie für jeden Eintrag, welche Version erhalten bleibt; bis dahin ändert sich nichts.</translation>
    </message>
    <message>
        <source>Conflicting items</source>
        <translation>Einträge mit Konflikt</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>Ihre Wahl</translation>
    </message>
    <message>
        <source>Keep this &amp;device&apos;s</source>
        <translation>Version dieses &amp;Geräts behalten</translation>
    </message>
    <message>
        <source>Keep this device&apos;s for all</source>
        <translation>Für alle die Version dieses Geräts behalten</translation>
    </message>
    <message>
        <source>This device&apos;s version goes to GitHub.</source>
        <translation>Die Version dieses Geräts wird an GitHub gesendet.</translation>
    </message>
    <message>
        <source>Keep &amp;GitHub&apos;s</source>
        <translation>Git&amp;Hub-Version behalten</translation>
    </message>
    <message>
        <source>Keep GitHub&apos;s for all</source>
        <translation>Für alle die GitHub-Version behalten</translation>
    </message>
    <message>
        <source>GitHub&apos;s version is written on this device.</source>
        <translation>Die Version auf GitHub wird auf dieses Gerät geschrieben.</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>&amp;Beide behalten</translation>
    </message>
    <message>
        <source>Keep both for all</source>
        <translation>Für alle beide behalten</translation>
    </message>
    <message>
        <source>This device&apos;s note stays; GitHub&apos;s becomes a copy titled “&lt;title&gt; (GitHub, &lt;date&gt;)”. Notes only.</source>
        <translation>Die Notiz dieses Geräts bleibt; die Version auf GitHub wird zu einer Kopie mit dem Titel „&lt;title&gt; (GitHub, &lt;date&gt;)“. Nur für Notizen.</translation>
    </message>
    <message>
        <source>This item:</source>
        <translation>Dieser Eintrag:</translation>
    </message>
    <message>
        <source>All items:</source>
        <translation>Alle Einträge:</translation>
    </message>
    <message>
        <source>&amp;Sync with these choices</source>
        <translation>Mit dieser Auswahl &amp;synchronisieren</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
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
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Local server address</source>
        <translation>Adresse des lokalen Servers</translation>
    </message>
    <message>
        <source>The address to give the Notechondria apps (and a GitHub App&apos;s Setup URL) for this computer&apos;s server.</source>
        <translation>Die Adresse, die Sie den Notechondria-Apps (und der Setup-URL einer GitHub-App) für den Server dieses Computers geben.</translation>
    </message>
    <message>
        <source>Local server port</source>
        <translation>Port des lokalen Servers</translation>
    </message>
    <message>
        <source>Used from the next start; when it is taken, the next free port after it is used.</source>
        <translation>Gilt ab dem nächsten Start; ist er belegt, wird der nächste freie Port danach verwendet.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
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
    <message>
        <source>&amp;Create the GitHub App for me</source>
        <translation>GitHub-App für mich &amp;erstellen</translation>
    </message>
    <message>
        <source>GitHub creates the App from a description this app sends (its name, read and write access to repository contents, no webhook); the fields below are then filled in.</source>
        <translation>GitHub erstellt die App aus einer Beschreibung, die diese Anwendung sendet (Name, Lese- und Schreibzugriff auf Repository-Inhalte, kein Webhook); danach werden die Felder unten ausgefüllt.</translation>
    </message>
    <message>
        <source>Preparing the App&apos;s description…</source>
        <translation>Beschreibung der App wird vorbereitet…</translation>
    </message>
    <message>
        <source>Open this page in your browser to create the App: %1</source>
        <translation>Öffnen Sie diese Seite im Browser, um die App zu erstellen: %1</translation>
    </message>
    <message>
        <source>GitHub is open in your browser: press Create there, then install the App on the account that owns the backup repository.</source>
        <translation>GitHub ist im Browser geöffnet: Klicken Sie dort auf „Create“ und installieren Sie die App dann auf dem Konto, dem das Sicherungs-Repository gehört.</translation>
    </message>
    <message>
        <source>GitHub App %1 created and its private key stored. Install it on the account that owns the backup repository.</source>
        <translation>GitHub-App %1 erstellt und ihr privater Schlüssel gespeichert. Installieren Sie sie auf dem Konto, dem das Sicherungs-Repository gehört.</translation>
    </message>
</context>
<context>
    <name>Notechondria::ImportDialog</name>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>courses</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <source>planner events</source>
        <translation>Planertermine</translation>
    </message>
    <message>
        <source>calendar feeds</source>
        <translation>Kalender-Feeds</translation>
    </message>
    <message>
        <source>the recycle bin</source>
        <translation>den Papierkorb</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>das Profil</translation>
    </message>
    <message>
        <source>Import from server</source>
        <translation>Vom Server importieren</translation>
    </message>
    <message>
        <source>Brings your account from a Notechondria server (the web service, or another computer&apos;s app) into this computer&apos;s notes: settings, courses, notes, planner events and calendar feeds. Importing again brings only what changed.</source>
        <translation>Holt Ihr Konto von einem Notechondria-Server (dem Webdienst oder der App auf einem anderen Computer) in die Notizen dieses Computers: Einstellungen, Kurse, Notizen, Planertermine und Kalender-Feeds. Ein erneuter Import holt nur, was sich geändert hat.</translation>
    </message>
    <message>
        <source>API key (ntc_…), from the server&apos;s settings</source>
        <translation>API-Schlüssel (ntc_…), aus den Einstellungen des Servers</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Serveradresse:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>%1 %2 (%3 new, %4 changed)</source>
        <translation>%1 %2 (%3 neu, %4 geändert)</translation>
    </message>
    <message>
        <source>Nothing to import: this computer already has everything the server has.</source>
        <translation>Nichts zu importieren: Dieser Computer hat bereits alles, was der Server hat.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>Importiert: %1.</translation>
    </message>
    <message>
        <source>Your profile and settings were updated.</source>
        <translation>Ihr Profil und Ihre Einstellungen wurden aktualisiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be imported; the list is below.</source>
        <translation>
            <numerusform>%n Eintrag konnte nicht importiert werden; die Liste steht unten.</numerusform>
            <numerusform>%n Einträge konnten nicht importiert werden; die Liste steht unten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Verbindung zum Server wird hergestellt…</translation>
    </message>
    <message>
        <source>The import could not start. %1</source>
        <translation>Der Import konnte nicht beginnen. %1</translation>
    </message>
    <message>
        <source>Lost track of the import. %1</source>
        <translation>Der Stand des Imports ist nicht mehr abrufbar. %1</translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation>Das Konto wird gelesen…</translation>
    </message>
    <message>
        <source>Importing %1: %2 of %3</source>
        <translation>%1 werden importiert: %2 von %3</translation>
    </message>
    <message>
        <source>Importing %1: %2</source>
        <translation>%1 werden importiert: %2</translation>
    </message>
    <message>
        <source>The import stopped; what came in so far is kept. %1</source>
        <translation>Der Import wurde abgebrochen; was bisher ankam, bleibt erhalten. %1</translation>
    </message>
    <message>
        <source>files (covers, attachments, avatar)</source>
        <translation>Dateien (Titelbilder, Anhänge, Profilbild)</translation>
    </message>
    <message>
        <source>Also covers, attachments and the avatar</source>
        <translation>Auch Titelbilder, Anhänge und das Profilbild</translation>
    </message>
</context>
<context>
    <name>Notechondria::LocalPasswordSection</name>
    <message>
        <source>Local server</source>
        <translation>Lokaler Server</translation>
    </message>
    <message>
        <source>The Notechondria apps can sign in to the server on this computer with your username or email and a password. Only a salted hash of it is kept.</source>
        <translation>Die Notechondria-Apps können sich mit Ihrem Benutzernamen oder Ihrer E-Mail-Adresse und einem Passwort am Server auf diesem Computer anmelden. Gespeichert wird nur ein gesalzener Hash davon.</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>Mindestens 8 Zeichen</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <source>Remove password</source>
        <translation>Passwort entfernen</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>No password is set: the apps cannot sign in yet.</source>
        <translation>Kein Passwort festgelegt: Die Apps können sich noch nicht anmelden.</translation>
    </message>
    <message>
        <source>A password is set: the apps sign in as %1 with it.</source>
        <translation>Ein Passwort ist festgelegt: Die Apps melden sich damit als %1 an.</translation>
    </message>
    <message>
        <source>Cannot tell whether a password is set. %1</source>
        <translation>Es lässt sich nicht feststellen, ob ein Passwort festgelegt ist. %1</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>Die beiden Passwörter unterscheiden sich; geben Sie zweimal dasselbe ein.</translation>
    </message>
    <message>
        <source>The password was not set. %1</source>
        <translation>Das Passwort wurde nicht festgelegt. %1</translation>
    </message>
    <message>
        <source>The password was not removed. %1</source>
        <translation>Das Passwort wurde nicht entfernt. %1</translation>
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
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Notechondria Desktop</source>
        <translation>Über Notechondria Desktop</translation>
    </message>
    <message>
        <source>About Notechondria Desktop</source>
        <translation>Über Notechondria Desktop</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Notechondria Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Your notes on this computer, backed up to your own GitHub repository.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Notechondria Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Ihre Notizen auf diesem Computer, gesichert in Ihrem eigenen GitHub-Repository.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder neuer.&lt;/p&gt;</translation>
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
    <name>Notechondria::RestoreDialog</name>
    <message>
        <source>Restore from GitHub</source>
        <translation>Von GitHub wiederherstellen</translation>
    </message>
    <message>
        <source>Restore from folder</source>
        <translation>Aus Ordner wiederherstellen</translation>
    </message>
    <message>
        <source>The backup in the connected GitHub repository replaces the account on this computer.</source>
        <translation>Die Sicherung im verbundenen GitHub-Repository ersetzt das Konto auf diesem Computer.</translation>
    </message>
    <message>
        <source>The backup in %1 replaces the account on this computer.</source>
        <translation>Die Sicherung in %1 ersetzt das Konto auf diesem Computer.</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>Sicherung wird gelesen …</translation>
    </message>
    <message>
        <source>Files the restore changes</source>
        <translation>Dateien, die die Wiederherstellung ändert</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>%n backup file(s) cannot be read and will be left out:</source>
        <translation>
            <numerusform>%n Sicherungsdatei kann nicht gelesen werden und wird ausgelassen:</numerusform>
            <numerusform>%n Sicherungsdateien können nicht gelesen werden und werden ausgelassen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore not available: Frontend.Restore/plan — the local server is not running.</source>
        <translation>Wiederherstellung nicht verfügbar: Frontend.Restore/plan — der lokale Server läuft nicht.</translation>
    </message>
    <message>
        <source>The backup could not be read.</source>
        <translation>Die Sicherung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>The backup matches the account on this computer; restoring changes nothing.</source>
        <translation>Die Sicherung entspricht dem Konto auf diesem Computer; eine Wiederherstellung ändert nichts.</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed. Files marked removed exist only on this computer and will be deleted.</source>
        <translation>%1 hinzugefügt, %2 geändert, %3 entfernt. Als entfernt markierte Dateien gibt es nur auf diesem Computer; sie werden gelöscht.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n note(s)</source>
        <translation>
            <numerusform>%n Notiz wiederhergestellt</numerusform>
            <numerusform>%n Notizen wiederhergestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n course(s).</source>
        <translation>
            <numerusform>%n Kurs.</numerusform>
            <numerusform>%n Kurse.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo restore</source>
        <translation>Wiederherstellung &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Bring back the account as it was just before this restore.</source>
        <translation>Das Konto so zurückholen, wie es unmittelbar vor dieser Wiederherstellung war.</translation>
    </message>
    <message numerus="yes">
        <source>The restore was undone: the account from before it is back (%n note(s)).</source>
        <translation>
            <numerusform>Die Wiederherstellung wurde rückgängig gemacht: Das vorherige Konto ist wieder da (%n Notiz).</numerusform>
            <numerusform>Die Wiederherstellung wurde rückgängig gemacht: Das vorherige Konto ist wieder da (%n Notizen).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notechondria::ScheduleSection</name>
    <message>
        <source>Automatic backup</source>
        <translation>Automatische Sicherung</translation>
    </message>
    <message>
        <source>Off: back up only with Sync now</source>
        <translation>Aus: nur mit „Jetzt synchronisieren“ sichern</translation>
    </message>
    <message>
        <source>Every few minutes</source>
        <translation>Alle paar Minuten</translation>
    </message>
    <message>
        <source>After changes have settled</source>
        <translation>Wenn die Änderungen zur Ruhe gekommen sind</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Back up to GitHub by itself: every N minutes, or once you have stopped changing things for N minutes. A backup missed while the computer slept or the app was closed runs once when it is back.</source>
        <translation>Von selbst auf GitHub sichern: alle N Minuten oder wenn Sie N Minuten lang nichts geändert haben. Eine Sicherung, die verpasst wurde, während der Computer schlief oder die Anwendung geschlossen war, läuft einmal, sobald sie wieder da ist.</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Sichern</translation>
    </message>
    <message>
        <source>&amp;Interval</source>
        <translation>&amp;Intervall</translation>
    </message>
    <message>
        <source>Last backup %1.</source>
        <translation>Letzte Sicherung %1.</translation>
    </message>
    <message>
        <source>Next backup at %1.</source>
        <translation>Nächste Sicherung um %1.</translation>
    </message>
    <message>
        <source>Next backup once you change something.</source>
        <translation>Nächste Sicherung, sobald Sie etwas ändern.</translation>
    </message>
</context>
<context>
    <name>Notechondria::SecretStoreBanner</name>
    <message>
        <source>Secrets are stored unencrypted: no system keychain answered, so your API keys and the GitHub App key are kept in %1, readable only by you.
Why: %2.
To use a keychain, install and unlock one in your desktop session — gnome-keyring (or KeePassXC&apos;s Secret Service) or KWallet — then restart Notechondria Desktop; the secrets in the file move into it.</source>
        <translation>Geheimnisse werden unverschlüsselt gespeichert: Kein Schlüsselbund des Systems hat geantwortet, daher werden Ihre API-Schlüssel und der Schlüssel der GitHub-App in %1 aufbewahrt, nur für Sie lesbar.
Grund: %2.
Um einen Schlüsselbund zu verwenden, installieren und entsperren Sie einen in Ihrer Desktop-Sitzung — gnome-keyring (oder den Secret Service von KeePassXC) oder KWallet — und starten Sie Notechondria Desktop dann neu; die Geheimnisse aus der Datei werden dorthin übertragen.</translation>
    </message>
</context>
<context>
    <name>Notechondria::SettingsPage</name>
    <message>
        <source>Bring an account home</source>
        <translation>Ein Konto nach Hause holen</translation>
    </message>
    <message>
        <source>Copy your account from a Notechondria server (such as the web service) into the notes on this computer, to keep working without it.</source>
        <translation>Kopieren Sie Ihr Konto von einem Notechondria-Server (etwa dem Webdienst) in die Notizen auf diesem Computer, um ohne ihn weiterzuarbeiten.</translation>
    </message>
    <message>
        <source>Import from server…</source>
        <translation>Vom Server importieren…</translation>
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
    <message>
        <source>Restore from &amp;GitHub…</source>
        <translation>Von &amp;GitHub wiederherstellen …</translation>
    </message>
    <message>
        <source>Restore from &amp;folder…</source>
        <translation>Aus &amp;Ordner wiederherstellen …</translation>
    </message>
    <message>
        <source>Choose a backup folder</source>
        <translation>Sicherungsordner wählen</translation>
    </message>
    <message>
        <source>Delete files on GitHub?</source>
        <translation>Dateien auf GitHub löschen?</translation>
    </message>
    <message numerus="yes">
        <source>This push would delete %n file(s) from the repository on GitHub.</source>
        <translation>
            <numerusform>Dieser Push würde %n Datei aus dem Repository auf GitHub löschen.</numerusform>
            <numerusform>Dieser Push würde %n Dateien aus dem Repository auf GitHub löschen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete and push</source>
        <translation>Löschen und pushen</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Bring in what changed on GitHub, then send what changed on this device.</source>
        <translation>Änderungen von GitHub übernehmen, dann die Änderungen dieses Geräts senden.</translation>
    </message>
    <message>
        <source>GitHub Sync failed</source>
        <translation>GitHub-Sync fehlgeschlagen</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to sync: this device and GitHub already agree.</source>
        <translation>Nichts zu synchronisieren: Dieses Gerät und GitHub sind bereits auf demselben Stand.</translation>
    </message>
    <message>
        <source>Synced: %1 came in from GitHub.</source>
        <translation>Synchronisiert: %1 von GitHub übernommen.</translation>
    </message>
    <message>
        <source>Synced: %1 went out to GitHub.</source>
        <translation>Synchronisiert: %1 an GitHub gesendet.</translation>
    </message>
    <message>
        <source>Synced: %1 came in from GitHub, %2 went out.</source>
        <translation>Synchronisiert: %1 von GitHub übernommen, %2 gesendet.</translation>
    </message>
    <message>
        <source>Changes made on both sides were combined in %1.</source>
        <translation>Änderungen von beiden Seiten wurden in %1 zusammengeführt.</translation>
    </message>
    <message>
        <source>Commit %1.</source>
        <translation>Commit %1.</translation>
    </message>
    <message numerus="yes">
        <source>Waiting %n s for GitHub&apos;s limit on writes (about 80 a minute and 500 an hour); the sync goes on by itself.</source>
        <translation>
            <numerusform>Warte %n Sekunde auf GitHubs Grenze für Schreibzugriffe (etwa 80 pro Minute und 500 pro Stunde); die Synchronisierung läuft danach von selbst weiter.</numerusform>
            <numerusform>Warte %n Sekunden auf GitHubs Grenze für Schreibzugriffe (etwa 80 pro Minute und 500 pro Stunde); die Synchronisierung läuft danach von selbst weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Existing installations of the GitHub App</source>
        <translation>Vorhandene Installationen der GitHub-App</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>&amp;Verwenden</translation>
    </message>
    <message>
        <source>Or use an &amp;existing installation:</source>
        <translation>Oder eine &amp;vorhandene Installation verwenden:</translation>
    </message>
    <message>
        <source>@%1 (installation %2)</source>
        <translation>@%1 (Installation %2)</translation>
    </message>
    <message>
        <source>&amp;Browse backups…</source>
        <translation>Sicherungen &amp;durchsehen…</translation>
    </message>
    <message>
        <source>Every backup on GitHub: what changed when, and any note as a backup held it.</source>
        <translation>Jede Sicherung auf GitHub: was sich wann geändert hat, und jede Notiz so, wie eine Sicherung sie enthielt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln files</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 Notiz</translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes</source>
        <translation>
            <numerusform>%Ln Notiz</numerusform>
            <numerusform>%Ln Notizen</numerusform>
        </translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>not covered by the checksums</source>
        <translation>von keiner Prüfsumme erfasst</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>comes back different from a restore</source>
        <translation>kommt nach einer Wiederherstellung anders zurück</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>“%1” (%2): %3</source>
        <translation>„%1“ (%2): %3</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Testing the backup…</source>
        <translation>Backup wird geprüft …</translation>
    </message>
    <message>
        <source>Never verified.</source>
        <translation>Noch nie geprüft.</translation>
    </message>
    <message>
        <source>Last verified %1: complete — %2, %3.</source>
        <translation>Zuletzt geprüft %1: vollständig — %2, %3.</translation>
    </message>
    <message>
        <source>Commit %1, tested %2: every file matches its checksum, and the backup restores as it was made.</source>
        <translation>Commit %1, geprüft %2: Jede Datei stimmt mit ihrer Prüfsumme überein, und das Backup lässt sich so wiederherstellen, wie es angelegt wurde.</translation>
    </message>
    <message>
        <source>Last verified %1: %2 damaged or missing.</source>
        <translation>Zuletzt geprüft %1: %2 beschädigt oder fehlend.</translation>
    </message>
    <message>
        <source>Commit %1, tested %2. Damaged or missing:</source>
        <translation>Commit %1, geprüft %2. Beschädigt oder fehlend:</translation>
    </message>
    <message>
        <source>Test restore failed</source>
        <translation>Probewiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>T&amp;est restore</source>
        <translation>Wiederherstellung t&amp;esten</translation>
    </message>
    <message>
        <source>Check every file of the latest backup and restore it into a scratch profile, without touching this device&apos;s notes.</source>
        <translation>Jede Datei des neuesten Backups prüfen und es in ein Testprofil wiederherstellen, ohne die Notizen auf diesem Gerät anzutasten.</translation>
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
<context>
    <name>notechondria-sync</name>
    <message>
        <source>Usage: notechondria-sync [--data DIR] COMMAND [OPTIONS]

Back a Notechondria account up to GitHub, restore it, or serve it on loopback.

Global options:
  --data DIR   the local data folder (default: the app&apos;s data folder; env NOTECHONDRIA_DATA_DIR)
  -h, --help   this help; COMMAND --help shows a command&apos;s options
  --version    the version

Commands:
</source>
        <translation>Aufruf: notechondria-sync [--data ORDNER] BEFEHL [OPTIONEN]

Sichert ein Notechondria-Konto auf GitHub, stellt es wieder her oder stellt es auf Loopback bereit.

Globale Optionen:
  --data ORDNER  der lokale Datenordner (Standard: der Datenordner der App; Umgebungsvariable NOTECHONDRIA_DATA_DIR)
  -h, --help     diese Hilfe; BEFEHL --help zeigt die Optionen eines Befehls
  --version      die Version

Befehle:
</translation>
    </message>
    <message>
        <source>Command not run: notechondria-sync/main — unknown option %1</source>
        <translation>Befehl nicht ausgeführt: notechondria-sync/main — unbekannte Option %1</translation>
    </message>
    <message>
        <source>Command not run: notechondria-sync/main — no command given</source>
        <translation>Befehl nicht ausgeführt: notechondria-sync/main — kein Befehl angegeben</translation>
    </message>
    <message>
        <source>Command not run: notechondria-sync/main — unknown command &apos;%1&apos; (notechondria-sync --help lists them)</source>
        <translation>Befehl nicht ausgeführt: notechondria-sync/main — unbekannter Befehl „%1“ (notechondria-sync --help listet alle auf)</translation>
    </message>
    <message>
        <source>Command not run</source>
        <translation>Befehl nicht ausgeführt</translation>
    </message>
    <message>
        <source>Prints a fresh GitHub App JWT (valid 9 minutes) for the configured App.</source>
        <translation>Gibt ein frisches GitHub-App-JWT (9 Minuten gültig) für die konfigurierte App aus.</translation>
    </message>
    <message>
        <source>app-jwt takes no arguments</source>
        <translation>app-jwt nimmt keine Argumente</translation>
    </message>
    <message>
        <source>Lists the installations of the configured GitHub App.</source>
        <translation>Listet die Installationen der konfigurierten GitHub-App auf.</translation>
    </message>
    <message>
        <source>installations takes no arguments</source>
        <translation>installations nimmt keine Argumente</translation>
    </message>
    <message>
        <source>The GitHub App installation whose repositories to list.</source>
        <translation>Die GitHub-App-Installation, deren Repositorys aufgelistet werden.</translation>
    </message>
    <message>
        <source>Lists the repositories a GitHub App installation can reach.</source>
        <translation>Listet die Repositorys auf, auf die eine GitHub-App-Installation zugreifen kann.</translation>
    </message>
    <message>
        <source>--installation-id N is required</source>
        <translation>--installation-id N ist erforderlich</translation>
    </message>
    <message>
        <source>--installation-id takes a number, got &apos;%1&apos;</source>
        <translation>--installation-id erwartet eine Zahl, erhalten: „%1“</translation>
    </message>
    <message>
        <source>repos takes no positional arguments</source>
        <translation>repos nimmt keine Positionsargumente</translation>
    </message>
    <message>
        <source>print a fresh GitHub App JWT (for debugging the App setup)</source>
        <translation>ein frisches GitHub-App-JWT ausgeben (zur Fehlersuche in der App-Einrichtung)</translation>
    </message>
    <message>
        <source>list the GitHub App&apos;s installations (id, account)</source>
        <translation>die Installationen der GitHub-App auflisten (ID, Konto)</translation>
    </message>
    <message>
        <source>list the repositories of an installation (--installation-id N)</source>
        <translation>die Repositorys einer Installation auflisten (--installation-id N)</translation>
    </message>
    <message>
        <source>--%1 must be a non-negative integer, not &apos;%2&apos;</source>
        <translation>--%1 muss eine nicht negative ganze Zahl sein, nicht „%2“</translation>
    </message>
    <message>
        <source>New notes to generate.</source>
        <translation>Anzahl neu zu erzeugender Notizen.</translation>
    </message>
    <message>
        <source>Random seed (default 1): the same seed gives the same account.</source>
        <translation>Zufalls-Seed (Standard 1): derselbe Seed ergibt dasselbe Konto.</translation>
    </message>
    <message>
        <source>Binary attachments to add to the new notes.</source>
        <translation>Anzahl binärer Anhänge für die neuen Notizen.</translation>
    </message>
    <message>
        <source>Existing notes to edit.</source>
        <translation>Anzahl zu bearbeitender vorhandener Notizen.</translation>
    </message>
    <message>
        <source>Existing notes to move to the recycle bin.</source>
        <translation>Anzahl vorhandener Notizen, die in den Papierkorb verschoben werden.</translation>
    </message>
    <message>
        <source>Generate a realistic synthetic account in the local store.</source>
        <translation>Erzeugt ein realistisches synthetisches Konto im lokalen Speicher.</translation>
    </message>
    <message>
        <source>give --notes N (or --touch K / --delete D on an existing account)</source>
        <translation>geben Sie --notes N an (oder --touch K / --delete D bei einem vorhandenen Konto)</translation>
    </message>
    <message>
        <source>The GitHub App installation id.</source>
        <translation>Die ID der GitHub-App-Installation.</translation>
    </message>
    <message>
        <source>The repository to push to.</source>
        <translation>Das Repository, in das gepusht wird.</translation>
    </message>
    <message>
        <source>The branch to push to (default: main).</source>
        <translation>Der Branch, in den gepusht wird (Standard: main).</translation>
    </message>
    <message>
        <source>The login that owns the installation.</source>
        <translation>Der Login, dem die Installation gehört.</translation>
    </message>
    <message>
        <source>Link the local account to a GitHub App installation and repository.</source>
        <translation>Verknüpft das lokale Konto mit einer GitHub-App-Installation und einem Repository.</translation>
    </message>
    <message>
        <source>--repo OWNER/NAME is required</source>
        <translation>--repo OWNER/NAME ist erforderlich</translation>
    </message>
    <message>
        <source>Print the GitHub sync status (the API&apos;s GET status, as JSON).</source>
        <translation>Gibt den GitHub-Sync-Status aus (GET status der API, als JSON).</translation>
    </message>
    <message>
        <source>Forget the GitHub App installation and repository (the App stays installed).</source>
        <translation>Vergisst die GitHub-App-Installation und das Repository (die App bleibt installiert).</translation>
    </message>
    <message>
        <source>generate a synthetic account (--notes N, --touch K, --delete D)</source>
        <translation>ein synthetisches Konto erzeugen (--notes N, --touch K, --delete D)</translation>
    </message>
    <message>
        <source>link a GitHub App installation and repository</source>
        <translation>eine GitHub-App-Installation und ein Repository verknüpfen</translation>
    </message>
    <message>
        <source>print the GitHub sync status as JSON</source>
        <translation>den GitHub-Sync-Status als JSON ausgeben</translation>
    </message>
    <message>
        <source>forget the GitHub integration</source>
        <translation>die GitHub-Anbindung vergessen</translation>
    </message>
    <message>
        <source>The folder to write the export to (created when missing).</source>
        <translation>Der Ordner, in den exportiert wird (wird bei Bedarf angelegt).</translation>
    </message>
    <message>
        <source>Include the avatar, note covers and attachments under assets/.</source>
        <translation>Avatar, Titelbilder der Notizen und Anhänge unter assets/ einschließen.</translation>
    </message>
    <message>
        <source>Write the account&apos;s backup tree (what a push sends) to a folder.</source>
        <translation>Schreibt den Sicherungsbaum des Kontos (das, was ein Push sendet) in einen Ordner.</translation>
    </message>
    <message>
        <source>give --out DIR</source>
        <translation>geben Sie --out ORDNER an</translation>
    </message>
    <message>
        <source>On a conflict, overwrite the remote copies of the conflicting paths.</source>
        <translation>Bei einem Konflikt die entfernten Kopien der betroffenen Pfade überschreiben.</translation>
    </message>
    <message>
        <source>On a conflict, keep the remote copies of the conflicting paths.</source>
        <translation>Bei einem Konflikt die entfernten Kopien der betroffenen Pfade behalten.</translation>
    </message>
    <message>
        <source>Confirm a mass deletion (more than 25 % of the tracked files).</source>
        <translation>Eine Massenlöschung bestätigen (mehr als 25 % der verfolgten Dateien).</translation>
    </message>
    <message>
        <source>Print the outcome as JSON.</source>
        <translation>Das Ergebnis als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Push the account to its GitHub repository as one commit (or none).</source>
        <translation>Pusht das Konto als einen Commit (oder keinen) in sein GitHub-Repository.</translation>
    </message>
    <message>
        <source>--force and --keep-remote exclude each other</source>
        <translation>--force und --keep-remote schließen einander aus</translation>
    </message>
    <message>
        <source>How many runs to list (default 20).</source>
        <translation>Wie viele Läufe aufgelistet werden (Standard 20).</translation>
    </message>
    <message>
        <source>List the last push runs, newest first, as JSON.</source>
        <translation>Listet die letzten Push-Läufe als JSON auf, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>--limit must be a positive integer, not &apos;%1&apos;</source>
        <translation>--limit muss eine positive ganze Zahl sein, nicht „%1“</translation>
    </message>
    <message>
        <source>Write the backup tree to a folder (--out DIR).</source>
        <translation>Den Sicherungsbaum in einen Ordner schreiben (--out ORDNER).</translation>
    </message>
    <message>
        <source>Push the account to GitHub as one commit (or none).</source>
        <translation>Das Konto als einen Commit (oder keinen) zu GitHub pushen.</translation>
    </message>
    <message>
        <source>List the last push runs as JSON.</source>
        <translation>Die letzten Push-Läufe als JSON auflisten.</translation>
    </message>
    <message>
        <source>Serve the account&apos;s Notechondria /api/v1 on loopback until SIGINT or SIGTERM.</source>
        <translation>Stellt die Notechondria-/api/v1 des Kontos auf Loopback bereit, bis SIGINT oder SIGTERM eintrifft.</translation>
    </message>
    <message>
        <source>--listen takes a loopback ADDR:PORT such as 127.0.0.1:8765 or [::1]:8765</source>
        <translation>--listen erwartet eine Loopback-ADRESSE:PORT wie 127.0.0.1:8765 oder [::1]:8765</translation>
    </message>
    <message>
        <source>Print the local server&apos;s API key (ntc_…), creating it when there is none.</source>
        <translation>Gibt den API-Schlüssel des lokalen Servers (ntc_…) aus und erzeugt ihn, falls noch keiner existiert.</translation>
    </message>
    <message>
        <source>Serve the Notechondria /api/v1 on loopback (--listen 127.0.0.1:PORT)</source>
        <translation>Die Notechondria-/api/v1 auf Loopback bereitstellen (--listen 127.0.0.1:PORT)</translation>
    </message>
    <message>
        <source>Print the local server&apos;s API key (creating it if needed)</source>
        <translation>Den API-Schlüssel des lokalen Servers ausgeben (bei Bedarf erzeugen)</translation>
    </message>
    <message>
        <source>The backup: a clone or an export folder of the backup repository.</source>
        <translation>Die Sicherung: ein Klon oder ein Exportordner des Sicherungs-Repositorys.</translation>
    </message>
    <message>
        <source>The Notechondria API to restore into, e.g. http://127.0.0.1:8765/api/v1.</source>
        <translation>Die Notechondria-API, in die wiederhergestellt wird, z. B. http://127.0.0.1:8765/api/v1.</translation>
    </message>
    <message>
        <source>The destination account&apos;s API key (ntc_…); default: $NOTECHONDRIA_API_KEY.</source>
        <translation>Der API-Schlüssel des Zielkontos (ntc_…); Standard: $NOTECHONDRIA_API_KEY.</translation>
    </message>
    <message>
        <source>Print each request it would send (bodies shortened, no secrets) and send nothing.</source>
        <translation>Jede Anfrage ausgeben, die gesendet würde (Inhalte gekürzt, ohne Geheimnisse), und nichts senden.</translation>
    </message>
    <message>
        <source>A line per section and item.</source>
        <translation>Eine Zeile pro Abschnitt und Eintrag.</translation>
    </message>
    <message>
        <source>Re-upload assets/ (avatar, covers, attachments) after the rest.</source>
        <translation>assets/ (Avatar, Titelbilder, Anhänge) nach dem Rest erneut hochladen.</translation>
    </message>
    <message>
        <source>--repo-path and --api-base are required</source>
        <translation>--repo-path und --api-base sind erforderlich</translation>
    </message>
    <message>
        <source>--repo-path is not a directory: </source>
        <translation>--repo-path ist kein Ordner: </translation>
    </message>
    <message>
        <source>--api-base is not an http(s) URL: </source>
        <translation>--api-base ist keine http(s)-URL: </translation>
    </message>
    <message>
        <source>no API key: pass --token or set NOTECHONDRIA_API_KEY</source>
        <translation>kein API-Schlüssel: geben Sie --token an oder setzen Sie NOTECHONDRIA_API_KEY</translation>
    </message>
    <message>
        <source>Replay a backup folder into a Notechondria /api/v1</source>
        <translation>Einen Sicherungsordner in eine Notechondria-/api/v1 einspielen</translation>
    </message>
    <message>
        <source>GitHub sync stopped: notechondria-sync/push — these paths changed on GitHub and here; run push --force to overwrite them or push --keep-remote to keep GitHub&apos;s copies:</source>
        <translation>GitHub-Sync angehalten: notechondria-sync/push — diese Pfade wurden auf GitHub und hier geändert; führen Sie push --force aus, um sie zu überschreiben, oder push --keep-remote, um die Kopien auf GitHub zu behalten:</translation>
    </message>
    <message>
        <source>GitHub sync stopped: notechondria-sync/push — this push would delete %1 tracked files; run push --yes to confirm.</source>
        <translation>GitHub-Sync angehalten: notechondria-sync/push — dieser Push würde %1 verfolgte Dateien löschen; führen Sie push --yes aus, um das zu bestätigen.</translation>
    </message>
    <message>
        <source>Pushed %1: %2 added, %3 changed, %4 deleted in %5 requests.</source>
        <translation>%1 gepusht: %2 hinzugefügt, %3 geändert, %4 gelöscht mit %5 Anfragen.</translation>
    </message>
    <message>
        <source>Nothing to push: the repository already holds this account (%1 requests).</source>
        <translation>Nichts zu pushen: Das Repository enthält dieses Konto bereits (%1 Anfragen).</translation>
    </message>
    <message>
        <source>Serving from %1 (secrets: %2). `notechondria-sync api-key` prints the API key. Stop with Ctrl+C.</source>
        <translation>Bereitstellung aus %1 (Geheimnisse: %2). `notechondria-sync api-key` gibt den API-Schlüssel aus. Beenden mit Strg+C.</translation>
    </message>
    <message>
        <source>Local server stopped.</source>
        <translation>Lokaler Server angehalten.</translation>
    </message>
    <message>
        <source>
Exit status: 0 ok, 1 failure, 2 usage error, 3 push or sync conflict.
</source>
        <translation>
Exit-Status: 0 OK, 1 Fehler, 2 Aufruffehler, 3 Push- oder Sync-Konflikt.
</translation>
    </message>
    <message>
        <source>--mine and --theirs exclude each other</source>
        <translation>--mine und --theirs schließen einander aus</translation>
    </message>
    <message>
        <source>--resolve takes PATH=mine, PATH=theirs or PATH=both, not &apos;%1&apos;</source>
        <translation>--resolve erwartet PATH=mine, PATH=theirs oder PATH=both, nicht „%1“</translation>
    </message>
    <message>
        <source>Nothing to sync: this device and GitHub already agree (%1 requests).</source>
        <translation>Nichts zu synchronisieren: Dieses Gerät und GitHub sind bereits auf demselben Stand (%1 Anfragen).</translation>
    </message>
    <message>
        <source>Synced: %1 item(s) came in from GitHub (%2 merged), %3 file(s) went out%4 in %5 requests.</source>
        <translation>Synchronisiert: %1 Eintrag/Einträge von GitHub übernommen (%2 zusammengeführt), %3 Datei(en) gesendet%4 mit %5 Anfragen.</translation>
    </message>
    <message>
        <source>Resolve one conflict: PATH=mine (this device&apos;s), PATH=theirs (GitHub&apos;s) or PATH=both (GitHub&apos;s becomes a copy). Repeatable.</source>
        <translation>Einen Konflikt auflösen: PATH=mine (Version dieses Geräts), PATH=theirs (Version auf GitHub) oder PATH=both (die Version auf GitHub wird zu einer Kopie). Mehrfach angebbar.</translation>
    </message>
    <message>
        <source>Resolve every conflict with this device&apos;s version.</source>
        <translation>Jeden Konflikt mit der Version dieses Geräts auflösen.</translation>
    </message>
    <message>
        <source>Resolve every conflict with GitHub&apos;s version.</source>
        <translation>Jeden Konflikt mit der Version auf GitHub auflösen.</translation>
    </message>
    <message>
        <source>Sync the account with its GitHub repository: bring GitHub&apos;s changes in, merge what changed on both sides, send this device&apos;s changes out as one commit (or none).</source>
        <translation>Synchronisiert das Konto mit seinem GitHub-Repository: übernimmt die Änderungen von GitHub, führt zusammen, was sich auf beiden Seiten geändert hat, und sendet die Änderungen dieses Geräts als einen Commit (oder keinen).</translation>
    </message>
    <message>
        <source>GitHub sync stopped: notechondria-sync/sync — %1 item(s) changed here and on GitHub in ways that cannot be merged; nothing was changed. Run sync --resolve PATH=mine|theirs|both (or --mine / --theirs).</source>
        <translation>GitHub-Sync angehalten: notechondria-sync/sync — %1 Eintrag/Einträge wurde(n) hier und auf GitHub so geändert, dass sie sich nicht zusammenführen lassen; es wurde nichts geändert. Führen Sie sync --resolve PATH=mine|theirs|both aus (oder --mine / --theirs).</translation>
    </message>
    <message>
        <source>GitHub sync stopped: notechondria-sync/sync — this sync would delete %1 tracked files; run sync --yes to confirm.</source>
        <translation>GitHub-Sync angehalten: notechondria-sync/sync — diese Synchronisation würde %1 verfolgte Dateien löschen; führen Sie sync --yes aus, um das zu bestätigen.</translation>
    </message>
    <message>
        <source>Two-way sync with GitHub: pull, merge, push as one commit (or none).</source>
        <translation>Zwei-Wege-Synchronisation mit GitHub: pullen, zusammenführen, als einen Commit (oder keinen) pushen.</translation>
    </message>
    <message>
        <source>Undo the last restore into the local store (the app&apos;s or the local server&apos;s): bring back the account kept just before it. Offline; needs no other option.</source>
        <translation>Macht die letzte Wiederherstellung in den lokalen Speicher (der App oder des lokalen Servers) rückgängig: holt das unmittelbar davor aufbewahrte Konto zurück. Offline; benötigt keine weitere Option.</translation>
    </message>
    <message>
        <source>Replay a backup into a Notechondria /api/v1 (a real backend or the local server), in the order settings, courses, notes, events, feeds, assets. Reruns change nothing. A folder that is not a backup (no manifest.json of schema 1 or 2, no account files) is refused and nothing is sent. The last stdout line is a JSON summary; exit 1 when any item failed. --undo brings back the local account from before the last in-app restore.</source>
        <translation>Spielt eine Sicherung in eine Notechondria-/api/v1 ein (ein echtes Backend oder den lokalen Server), in der Reihenfolge Einstellungen, Kurse, Notizen, Termine, Feeds, Assets. Wiederholte Läufe ändern nichts. Ein Ordner, der keine Sicherung ist (keine manifest.json mit Schema 1 oder 2, keine Kontodateien), wird abgelehnt, und es wird nichts gesendet. Die letzte Zeile auf stdout ist eine JSON-Zusammenfassung; Exit-Status 1, wenn ein Eintrag fehlgeschlagen ist. --undo holt das lokale Konto von vor der letzten Wiederherstellung in der App zurück.</translation>
    </message>
    <message>
        <source> as commit %1</source>
        <translation> als Commit %1</translation>
    </message>
    <message numerus="yes">
        <source>Waiting %n s for GitHub&apos;s write limits (about 80 changes a minute, 500 an hour)…</source>
        <translation>
            <numerusform>Warte %n s auf die Schreibgrenzen von GitHub (etwa 80 Änderungen pro Minute, 500 pro Stunde)…</numerusform>
            <numerusform>Warte %n s auf die Schreibgrenzen von GitHub (etwa 80 Änderungen pro Minute, 500 pro Stunde)…</numerusform>
        </translation>
    </message>
    <message>
        <source>The Notechondria server to read from, e.g. https://notes.example.org/api/v1.</source>
        <translation>Der Notechondria-Server, von dem gelesen wird, z. B. https://notes.example.org/api/v1.</translation>
    </message>
    <message>
        <source>The account&apos;s API key (ntc_…) on that server; default: $NOTECHONDRIA_API_KEY.</source>
        <translation>Der API-Schlüssel (ntc_…) des Kontos auf diesem Server; Standard: $NOTECHONDRIA_API_KEY.</translation>
    </message>
    <message>
        <source>Also the avatar, note covers and attachments.</source>
        <translation>Auch den Avatar, die Notizcover und die Anhänge.</translation>
    </message>
    <message>
        <source>Read and compare everything, write nothing.</source>
        <translation>Alles lesen und vergleichen, nichts schreiben.</translation>
    </message>
    <message>
        <source>Import a Notechondria account from a server into the local store (a rerun brings only what changed). Prints a line per problem on stderr and a JSON summary.</source>
        <translation>Importiert ein Notechondria-Konto von einem Server in den lokalen Speicher (ein erneuter Lauf holt nur, was sich geändert hat). Gibt je Problem eine Zeile auf stderr und eine JSON-Zusammenfassung aus.</translation>
    </message>
    <message>
        <source>Import an account from a Notechondria server (--api-base)</source>
        <translation>Ein Konto von einem Notechondria-Server importieren (--api-base)</translation>
    </message>
    <message>
        <source>New local password: </source>
        <translation>Neues lokales Passwort: </translation>
    </message>
    <message>
        <source>Read the new password from one line of standard input.</source>
        <translation>Das neue Passwort aus einer Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Remove the password (sign-in is refused).</source>
        <translation>Das Passwort entfernen (die Anmeldung wird abgelehnt).</translation>
    </message>
    <message>
        <source>Sets the local account&apos;s password, with which the Notechondria apps sign in to the local server (username or email and this password). It is stored as an Argon2id hash; every session is signed out.</source>
        <translation>Legt das Passwort des lokalen Kontos fest, mit dem sich die Notechondria-Apps am lokalen Server anmelden (Benutzername oder E-Mail-Adresse und dieses Passwort). Es wird als Argon2id-Hash gespeichert; jede Sitzung wird abgemeldet.</translation>
    </message>
    <message>
        <source>give either --stdin (the password on one line of standard input) or --clear; the password is never taken as an argument</source>
        <translation>geben Sie entweder --stdin (das Passwort in einer Zeile der Standardeingabe) oder --clear an; das Passwort wird nie als Argument angenommen</translation>
    </message>
    <message>
        <source>Set the local account&apos;s sign-in password (--stdin) or remove it (--clear)</source>
        <translation>Das Anmeldepasswort des lokalen Kontos festlegen (--stdin) oder entfernen (--clear)</translation>
    </message>
    <message>
        <source>Note: the local account has no username yet; sign in as &quot;local&quot; until it has one (set it in the settings or import an account).</source>
        <translation>Hinweis: Das lokale Konto hat noch keinen Benutzernamen; melden Sie sich als &quot;local&quot; an, bis es einen hat (legen Sie ihn in den Einstellungen fest oder importieren Sie ein Konto).</translation>
    </message>
    <message>
        <source>Loopback address and port to listen on (default 127.0.0.1:8765, or the next free port after it; port 0 picks one).</source>
        <translation>Loopback-Adresse und Port, auf denen gelauscht wird (Standard 127.0.0.1:8765 oder der nächste freie Port danach; Port 0 wählt einen).</translation>
    </message>
    <message>
        <source>Let the web app at this browser origin (e.g. http://localhost:5173) call the server (CORS); repeatable, also from $NOTECHONDRIA_ALLOWED_ORIGINS (comma-separated). None by default.</source>
        <translation>Erlaubt der Web-App unter diesem Browser-Ursprung (z. B. http://localhost:5173), den Server aufzurufen (CORS); mehrfach angebbar, auch über $NOTECHONDRIA_ALLOWED_ORIGINS (durch Kommas getrennt). Standardmäßig keiner.</translation>
    </message>
    <message>
        <source>Browser origins allowed: %1.</source>
        <translation>Erlaubte Browser-Ursprünge: %1.</translation>
    </message>
    <message>
        <source>The commit to verify (its full 40-character id, as `history` prints it); default: the branch head.</source>
        <translation>Der zu prüfende Commit (seine volle 40-stellige ID, wie `history` sie ausgibt); Standard: der Stand des Branches.</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>Das Ergebnis als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Test-restore a backup commit of the connected repository: download it, check every file against its git blob id and its SHA-256 in checksums/, restore it into a scratch profile and compare what comes back. The account is not touched. Exit 0 when the backup is complete, 1 naming every damaged or missing file. The result is kept as &quot;last verified&quot;.</source>
        <translation>Probewiederherstellung eines Backup-Commits des verbundenen Repositorys: herunterladen, jede Datei mit ihrer Git-Blob-ID und ihrer SHA-256 in checksums/ vergleichen, in ein Testprofil wiederherstellen und vergleichen, was zurückkommt. Das Konto bleibt unberührt. Exit 0, wenn das Backup vollständig ist, 1 mit jeder beschädigten oder fehlenden Datei. Das Ergebnis wird als „zuletzt geprüft“ gespeichert.</translation>
    </message>
    <message>
        <source>The backup is complete: %1 at %2 — %3 files match their git blob ids and checksums; %4 notes, %5 courses, %6 events and %7 feeds restore.</source>
        <translation>Das Backup ist vollständig: %1 bei %2 — %3 Dateien stimmen mit ihren Git-Blob-IDs und Prüfsummen überein; %4 Notizen, %5 Kurse, %6 Termine und %7 Feeds lassen sich wiederherstellen.</translation>
    </message>
    <message numerus="yes">
        <source>The backup is not complete: %1 at %2 — %n file(s) damaged or missing.</source>
        <translation>
            <numerusform>Das Backup ist nicht vollständig: %1 bei %2 — %n Datei beschädigt oder fehlend.</numerusform>
            <numerusform>Das Backup ist nicht vollständig: %1 bei %2 — %n Dateien beschädigt oder fehlend.</numerusform>
        </translation>
    </message>
    <message>
        <source>--commit takes a full 40-character commit id, not &apos;%1&apos;</source>
        <translation>--commit erwartet eine volle 40-stellige Commit-ID, nicht „%1“</translation>
    </message>
    <message>
        <source>Test-restore a backup commit and check every file</source>
        <translation>Einen Backup-Commit probeweise wiederherstellen und jede Datei prüfen</translation>
    </message>
    <message>
        <source>Also back up to GitHub on a schedule: a sync every DURATION (e.g. 15m, 30s, 1h, 2h30m), caught up once after the computer slept. Off by default.</source>
        <translation>Zusätzlich planmäßig auf GitHub sichern: eine Synchronisierung alle DURATION (z. B. 15m, 30s, 1h, 2h30m), nach dem Ruhezustand einmal nachgeholt. Standardmäßig aus.</translation>
    </message>
    <message>
        <source>Backed up to GitHub.</source>
        <translation>Auf GitHub gesichert.</translation>
    </message>
    <message>
        <source>Backups keep failing: three scheduled backups in a row did not complete.</source>
        <translation>Sicherungen schlagen wiederholt fehl: drei geplante Sicherungen nacheinander wurden nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Backups every %1 to GitHub.</source>
        <translation>Sicherungen alle %1 auf GitHub.</translation>
    </message>
    <message>
        <source>Create the App for this GitHub organization (default: your own account).</source>
        <translation>Die App für diese GitHub-Organisation erstellen (Standard: Ihr eigenes Konto).</translation>
    </message>
    <message>
        <source>The App&apos;s name (unique on GitHub, at most 34 characters; default: a generated one).</source>
        <translation>Der Name der App (auf GitHub eindeutig, höchstens 34 Zeichen; Standard: ein erzeugter).</translation>
    </message>
    <message>
        <source>Do not open a browser: print {&quot;url&quot;, &quot;redirect_url&quot;, &quot;state&quot;} as one JSON line and wait for GitHub&apos;s redirect.</source>
        <translation>Keinen Browser öffnen: {&quot;url&quot;, &quot;redirect_url&quot;, &quot;state&quot;} als eine JSON-Zeile ausgeben und auf die Weiterleitung von GitHub warten.</translation>
    </message>
    <message>
        <source>Create the GitHub App the sync acts as, with GitHub&apos;s App Manifest flow: a browser page sends the App&apos;s description to GitHub, GitHub sends the browser back here, and the App&apos;s private key goes to the secret store (never to the screen). Prints {&quot;app_id&quot;, &quot;slug&quot;, &quot;client_id&quot;} when done. Afterwards app-jwt, installations and repos work without GITHUB_DATA_SYNC_APP_* variables.</source>
        <translation>Die GitHub-App, als die die Synchronisierung handelt, mit GitHubs App-Manifest-Ablauf erstellen: eine Browserseite sendet die Beschreibung der App an GitHub, GitHub schickt den Browser hierher zurück, und der private Schlüssel der App kommt in den Geheimnisspeicher (nie auf den Bildschirm). Gibt danach {&quot;app_id&quot;, &quot;slug&quot;, &quot;client_id&quot;} aus. Anschließend funktionieren app-jwt, installations und repos ohne GITHUB_DATA_SYNC_APP_*-Variablen.</translation>
    </message>
    <message>
        <source>app-create takes no positional arguments</source>
        <translation>app-create nimmt keine Positionsargumente</translation>
    </message>
    <message>
        <source>--owner takes a GitHub organization name (letters, digits, single dashes), not &apos;%1&apos;</source>
        <translation>--owner erwartet den Namen einer GitHub-Organisation (Buchstaben, Ziffern, einzelne Bindestriche), nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Open this page in a browser: %1</source>
        <translation>Öffnen Sie diese Seite in einem Browser: %1</translation>
    </message>
    <message>
        <source>create the GitHub App in one step ([--owner ORG] [--name NAME] [--no-browser])</source>
        <translation>die GitHub-App in einem Schritt erstellen ([--owner ORG] [--name NAME] [--no-browser])</translation>
    </message>
    <message>
        <source>Restore the local account as it was at this backup commit of the connected repository (its full 40-character id, as `history` prints it): downloaded in one request, the account from before kept for --undo. Needs no other option; with --dry-run only the planned file changes are printed.</source>
        <translation>Das lokale Konto so wiederherstellen, wie es in diesem Sicherungs-Commit des verbundenen Repositorys war (seine volle 40-stellige Kennung, wie `history` sie ausgibt): in einer Anfrage heruntergeladen, das Konto von vorher für --undo aufbewahrt. Braucht keine weitere Option; mit --dry-run werden nur die geplanten Dateiänderungen ausgegeben.</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 deleted</source>
        <translation>%1 hinzugefügt, %2 geändert, %3 gelöscht</translation>
    </message>
    <message>
        <source>Only the commits that touched this note (its uuid, with or without dashes), its creation included.</source>
        <translation>Nur die Commits, die diese Notiz berührt haben (ihre UUID, mit oder ohne Bindestriche), ihre Erstellung eingeschlossen.</translation>
    </message>
    <message>
        <source>At most N commits (default 100).</source>
        <translation>Höchstens N Commits (Standard 100).</translation>
    </message>
    <message>
        <source>Print [{&quot;sha&quot;, &quot;date&quot;, &quot;device&quot;, &quot;added&quot;, &quot;changed&quot;, &quot;deleted&quot;, &quot;titles&quot;}], newest first.</source>
        <translation>[{&quot;sha&quot;, &quot;date&quot;, &quot;device&quot;, &quot;added&quot;, &quot;changed&quot;, &quot;deleted&quot;, &quot;titles&quot;}] ausgeben, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>The backups on the connected repository&apos;s branch, newest first: when, from which device, and what changed (notes by title, courses, events). One request per 100 commits.</source>
        <translation>Die Sicherungen im Branch des verbundenen Repositorys, die neuesten zuerst: wann, von welchem Gerät und was sich geändert hat (Notizen nach Titel, Kurse, Termine). Eine Anfrage je 100 Commits.</translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 10000, not &apos;%1&apos;</source>
        <translation>--limit erwartet eine Zahl von 1 bis 10000, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--note takes a note&apos;s uuid, not &apos;%1&apos;</source>
        <translation>--note erwartet die UUID einer Notiz, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The backup commit (its full 40-character id).</source>
        <translation>Der Sicherungs-Commit (seine volle 40-stellige Kennung).</translation>
    </message>
    <message>
        <source>The note&apos;s uuid, with or without dashes.</source>
        <translation>Die UUID der Notiz, mit oder ohne Bindestriche.</translation>
    </message>
    <message>
        <source>Bring it back as a new note &quot;&lt;title&gt; (restored &lt;date&gt;)&quot; and leave the current one as it is.</source>
        <translation>Als neue Notiz „&lt;title&gt; (restored &lt;date&gt;)“ zurückholen und die aktuelle unverändert lassen.</translation>
    </message>
    <message>
        <source>Bring back one note as a backup commit holds it (two requests), into the local store: in place (the current version kept in the note&apos;s history, a binned note taken out of the bin) or as a copy. The account from before is kept; `restore --undo` takes it back. The next sync carries the note.</source>
        <translation>Eine Notiz so zurückholen, wie ein Sicherungs-Commit sie enthält (zwei Anfragen), in den lokalen Speicher: an Ort und Stelle (die aktuelle Fassung bleibt im Verlauf der Notiz, eine Notiz im Papierkorb kommt heraus) oder als Kopie. Das Konto von vorher wird aufbewahrt; `restore --undo` nimmt es zurück. Die nächste Synchronisierung überträgt die Notiz.</translation>
    </message>
    <message>
        <source>restore-item needs --commit with a full 40-character commit id and --note with a note&apos;s uuid</source>
        <translation>restore-item braucht --commit mit einer vollen 40-stelligen Commit-Kennung und --note mit der UUID einer Notiz</translation>
    </message>
    <message>
        <source>The backups on GitHub, newest first, told in words</source>
        <translation>Die Sicherungen auf GitHub, die neuesten zuerst, in Worten</translation>
    </message>
    <message>
        <source>Bring back one note from a backup commit (--commit SHA --note UUID [--as-copy])</source>
        <translation>Eine Notiz aus einem Sicherungs-Commit zurückholen (--commit SHA --note UUID [--as-copy])</translation>
    </message>
</context>
</TS>
