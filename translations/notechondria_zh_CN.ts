<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Notechondria::BackupHistoryDialog</name>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>新增 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>修改 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>删除 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing counted</source>
        <translation>未计入任何更改</translation>
    </message>
    <message>
        <source>an unnamed device</source>
        <translation>未命名的设备</translation>
    </message>
    <message>
        <source>Backup history</source>
        <translation>备份历史</translation>
    </message>
    <message>
        <source>Find a note by its title, or paste its id</source>
        <translation>按标题查找笔记，或粘贴其 ID</translation>
    </message>
    <message>
        <source>Find a note</source>
        <translation>查找笔记</translation>
    </message>
    <message>
        <source>Show &amp;every backup</source>
        <translation>显示所有备份(&amp;E)</translation>
    </message>
    <message>
        <source>Notes found</source>
        <translation>找到的笔记</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>备份，最新的在前</translation>
    </message>
    <message>
        <source>Show &amp;older backups</source>
        <translation>显示更早的备份(&amp;O)</translation>
    </message>
    <message>
        <source>The note in this backup</source>
        <translation>此备份中的笔记</translation>
    </message>
    <message>
        <source>The note now</source>
        <translation>笔记的当前内容</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>恢复此版本(&amp;R)</translation>
    </message>
    <message>
        <source>Restore as a &amp;copy</source>
        <translation>恢复为副本(&amp;C)</translation>
    </message>
    <message>
        <source>A new note is made from this version; the note as it is now stays as it is.</source>
        <translation>用此版本新建一条笔记；当前笔记保持不变。</translation>
    </message>
    <message>
        <source>Every backup of the account, newest first.</source>
        <translation>账户的所有备份，最新的在前。</translation>
    </message>
    <message>
        <source>The backups that changed this note, newest first.</source>
        <translation>更改过此笔记的备份，最新的在前。</translation>
    </message>
    <message>
        <source>The backups that changed “%1”, newest first.</source>
        <translation>更改过“%1”的备份，最新的在前。</translation>
    </message>
    <message>
        <source>%1 (%2), %3
%4</source>
        <translation>%1（%2），%3
%4</translation>
    </message>
    <message>
        <source>The repository has no backup yet.</source>
        <translation>仓库中还没有备份。</translation>
    </message>
    <message>
        <source>No backup holds this note yet.</source>
        <translation>还没有备份包含此笔记。</translation>
    </message>
    <message>
        <source>Backed up %1 from %2: %3</source>
        <translation>%1 从 %2 备份：%3</translation>
    </message>
    <message>
        <source>To look at one note as this backup holds it, find the note above.</source>
        <translation>要查看此备份中某条笔记的内容，请在上方查找该笔记。</translation>
    </message>
    <message>
        <source>Open this backup on GitHub</source>
        <translation>在 GitHub 上打开此备份</translation>
    </message>
    <message>
        <source>Left: “%1” in the backup of %2. Right: the note now. Lines that differ are marked.</source>
        <translation>左侧：%2 备份中的“%1”。右侧：笔记的当前内容。不同的行已标出。</translation>
    </message>
    <message>
        <source>Left: “%1” in the backup of %2. The note is no longer on this computer; restoring brings it back.</source>
        <translation>左侧：%2 备份中的“%1”。此笔记已不在这台电脑上；恢复即可找回。</translation>
    </message>
    <message>
        <source>No note on this computer matches “%1”.</source>
        <translation>这台电脑上没有与“%1”匹配的笔记。</translation>
    </message>
    <message>
        <source>“%1” was made from the backup of %2. The next sync backs it up.</source>
        <translation>已从 %2 的备份创建“%1”。下次同步会备份它。</translation>
    </message>
    <message>
        <source>“%1” is back as it was in the backup of %2. The next sync backs it up.</source>
        <translation>“%1”已恢复为 %2 备份中的样子。下次同步会备份它。</translation>
    </message>
    <message>
        <source>The note becomes this version again; the note as it is now stays in its own history, and Undo takes it back.</source>
        <translation>笔记将恢复为此版本；笔记的当前内容会保留在它自己的历史中，“撤销”可以还原。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Bring back the account as it was just before this restore.</source>
        <translation>将账户还原到此次恢复之前的状态。</translation>
    </message>
    <message>
        <source>The account is as it was before the restore.</source>
        <translation>账户已还原到恢复之前的状态。</translation>
    </message>
</context>
<context>
    <name>Notechondria::BackupTray</name>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open Notechondria</source>
        <translation>打开 Notechondria(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>已备份</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>有待备份的更改</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Notechondria: %1</source>
        <translation>Notechondria：%1</translation>
    </message>
    <message>
        <source>1 change not backed up yet</source>
        <translation>1 项更改尚未备份</translation>
    </message>
    <message numerus="yes">
        <source>%n changes not backed up yet</source>
        <translation>
            <numerusform>%n 项更改尚未备份</numerusform>
        </translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>上次备份：%1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>%1 changed here and on GitHub. Open Notechondria and choose which copy to keep.</source>
        <translation>%1 在本机和 GitHub 上都被修改了。请打开 Notechondria 选择保留哪一份。</translation>
    </message>
    <message numerus="yes">
        <source>%n items changed here and on GitHub: %1. Open Notechondria and choose which copies to keep.</source>
        <translation>
            <numerusform>%n 个条目在本机和 GitHub 上都被修改了：%1。请打开 Notechondria 选择保留哪些版本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup needs your choice</source>
        <translation>备份需要您做出选择</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup overdue</source>
        <translation>备份已逾期</translation>
    </message>
    <message>
        <source>The scheduled backup is %1 late; it runs as soon as it can.</source>
        <translation>计划的备份已晚了 %1；将尽快运行。</translation>
    </message>
    <message>
        <source>Backups keep failing</source>
        <translation>备份多次失败</translation>
    </message>
    <message>
        <source>The last three backups did not complete. The last one said: %1</source>
        <translation>最近三次备份均未完成。最后一次的信息：%1</translation>
    </message>
</context>
<context>
    <name>Notechondria::ConflictDialog</name>
    <message>
        <source>GitHub has changes this device does not have</source>
        <translation>GitHub 上有本设备没有的更改</translation>
    </message>
    <message>
        <source>Push conflict</source>
        <translation>推送冲突</translation>
    </message>
    <message>
        <source>These files changed both here and on GitHub since the last push. Choose which version GitHub keeps; other files are pushed either way.</source>
        <translation>自上次推送以来，这些文件在本机和 GitHub 上都有更改。请选择 GitHub 保留哪个版本；其他文件无论如何都会推送。</translation>
    </message>
    <message>
        <source>This device&apos;s version</source>
        <translation>本设备的版本</translation>
    </message>
    <message>
        <source>GitHub&apos;s version</source>
        <translation>GitHub 上的版本</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Overwrite GitHub</source>
        <translation>覆盖 GitHub</translation>
    </message>
    <message>
        <source>Push this device&apos;s version of these files over GitHub&apos;s.</source>
        <translation>用本设备的版本覆盖 GitHub 上的这些文件。</translation>
    </message>
    <message>
        <source>Keep GitHub&apos;s version</source>
        <translation>保留 GitHub 版本</translation>
    </message>
    <message>
        <source>Push everything else and leave GitHub&apos;s copy of these files as it is.</source>
        <translation>推送其余所有内容，GitHub 上的这些文件保持不变。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>个人资料</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>MCP skill</source>
        <translation>MCP 技能</translation>
    </message>
    <message>
        <source>Planner events</source>
        <translation>日程事件</translation>
    </message>
    <message>
        <source>Calendar feeds</source>
        <translation>日历订阅源</translation>
    </message>
    <message>
        <source>Deleted here, edited on GitHub</source>
        <translation>本机已删除，GitHub 上已编辑</translation>
    </message>
    <message>
        <source>Deleted on GitHub, edited here</source>
        <translation>GitHub 上已删除，本机已编辑</translation>
    </message>
    <message>
        <source>Changed here and on GitHub</source>
        <translation>本机和 GitHub 上都有更改</translation>
    </message>
    <message>
        <source>Keep GitHub&apos;s</source>
        <translation>保留 GitHub 版本</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <source>Keep this device&apos;s</source>
        <translation>保留本设备版本</translation>
    </message>
    <message>
        <source>Sync conflict</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>These items changed both here and on GitHub since the last sync, and the changes could not be combined. Choose which version to keep for each; nothing changes until you do.</source>
        <translation>自上次同步以来，这些条目在本机和 GitHub 上都有更改，且这些更改无法合并。请为每个条目选择要保留的版本；在您做出选择之前，不会有任何更改。</translation>
    </message>
    <message>
        <source>Conflicting items</source>
        <translation>冲突条目</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>您的选择</translation>
    </message>
    <message>
        <source>Keep this &amp;device&apos;s</source>
        <translation>保留本设备版本(&amp;D)</translation>
    </message>
    <message>
        <source>Keep this device&apos;s for all</source>
        <translation>全部保留本设备版本</translation>
    </message>
    <message>
        <source>This device&apos;s version goes to GitHub.</source>
        <translation>本设备的版本将发送到 GitHub。</translation>
    </message>
    <message>
        <source>Keep &amp;GitHub&apos;s</source>
        <translation>保留 GitHub 版本(&amp;G)</translation>
    </message>
    <message>
        <source>Keep GitHub&apos;s for all</source>
        <translation>全部保留 GitHub 版本</translation>
    </message>
    <message>
        <source>GitHub&apos;s version is written on this device.</source>
        <translation>GitHub 上的版本将写入本设备。</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>两者都保留(&amp;B)</translation>
    </message>
    <message>
        <source>Keep both for all</source>
        <translation>全部保留两者</translation>
    </message>
    <message>
        <source>This device&apos;s note stays; GitHub&apos;s becomes a copy titled “&lt;title&gt; (GitHub, &lt;date&gt;)”. Notes only.</source>
        <translation>本设备的笔记保留；GitHub 上的版本成为一份标题为“&lt;title&gt; (GitHub, &lt;date&gt;)”的副本。仅适用于笔记。</translation>
    </message>
    <message>
        <source>This item:</source>
        <translation>此条目:</translation>
    </message>
    <message>
        <source>All items:</source>
        <translation>所有条目:</translation>
    </message>
    <message>
        <source>&amp;Sync with these choices</source>
        <translation>按这些选择同步(&amp;S)</translation>
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
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;Local mode — this computer keeps the data and talks to GitHub itself</source>
        <translation>本地模式(&amp;L) — 由这台计算机保存数据并直接与 GitHub 通信</translation>
    </message>
    <message>
        <source>&amp;Remote server</source>
        <translation>远程服务器(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>服务器 URL</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation>已保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Server &amp;URL</source>
        <translation>服务器 URL(&amp;U)</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API 密钥(&amp;K)</translation>
    </message>
    <message>
        <source>Connection not saved: Frontend.Settings/connection — the server URL is not a valid http(s) URL.</source>
        <translation>连接未保存: Frontend.Settings/connection — 服务器 URL 不是有效的 http(s) URL。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Local server address</source>
        <translation>本地服务器地址</translation>
    </message>
    <message>
        <source>The address to give the Notechondria apps (and a GitHub App&apos;s Setup URL) for this computer&apos;s server.</source>
        <translation>提供给 Notechondria 应用（以及 GitHub App 的 Setup URL）的本机服务器地址。</translation>
    </message>
    <message>
        <source>Local server port</source>
        <translation>本地服务器端口</translation>
    </message>
    <message>
        <source>Used from the next start; when it is taken, the next free port after it is used.</source>
        <translation>下次启动时生效；若端口被占用，则使用其后的下一个空闲端口。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>Notechondria::ExportPreview</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Include &amp;assets</source>
        <translation>包含资源文件(&amp;A)</translation>
    </message>
    <message>
        <source>Export preview</source>
        <translation>导出预览</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Files of the next push</source>
        <translation>下次推送的文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Selected file</source>
        <translation>所选文件</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <source>Cannot preview the next push</source>
        <translation>无法预览下次推送</translation>
    </message>
    <message>
        <source>Nothing to push: GitHub already has this account as it is.</source>
        <translation>无需推送: GitHub 上已有此账户的当前状态。</translation>
    </message>
    <message>
        <source>Next push: %1 added, %2 changed, %3 deleted.</source>
        <translation>下次推送: 新增 %1 个，更改 %2 个，删除 %3 个。</translation>
    </message>
</context>
<context>
    <name>Notechondria::GitHubAppSection</name>
    <message>
        <source>GitHub App (local mode)</source>
        <translation>GitHub 应用（本地模式）</translation>
    </message>
    <message>
        <source>&amp;Import private key…</source>
        <translation>导入私钥(&amp;I)…</translation>
    </message>
    <message>
        <source>App &amp;name</source>
        <translation>应用名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Client id</source>
        <translation>客户端 ID(&amp;C)</translation>
    </message>
    <message>
        <source>Install &amp;URL</source>
        <translation>安装 URL(&amp;U)</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>Import the GitHub App private key</source>
        <translation>导入 GitHub 应用私钥</translation>
    </message>
    <message>
        <source>PEM private keys (*.pem);;All files (*)</source>
        <translation>PEM 私钥 (*.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Private key not imported: Frontend.Settings/github_app.import_key — cannot read %1 (missing, unreadable or larger than 64 KiB).</source>
        <translation>私钥未导入: Frontend.Settings/github_app.import_key — 无法读取 %1（文件不存在、不可读或大于 64 KiB）。</translation>
    </message>
    <message>
        <source>Private key not imported: Frontend.Settings/github_app.import_key — %1 is not a PEM private key.</source>
        <translation>私钥未导入: Frontend.Settings/github_app.import_key — %1 不是 PEM 私钥。</translation>
    </message>
    <message>
        <source>Private key stored in the %1.</source>
        <translation>私钥已保存到%1。</translation>
    </message>
    <message>
        <source>No private key yet: import the .pem file GitHub gave you for the App.</source>
        <translation>尚无私钥: 请导入 GitHub 为此应用提供给您的 .pem 文件。</translation>
    </message>
    <message>
        <source>&amp;Create the GitHub App for me</source>
        <translation>为我创建 GitHub App(&amp;C)</translation>
    </message>
    <message>
        <source>GitHub creates the App from a description this app sends (its name, read and write access to repository contents, no webhook); the fields below are then filled in.</source>
        <translation>GitHub 会根据本应用发送的描述（名称、仓库内容的读写权限、无 webhook）创建该 App，随后下面的字段会自动填好。</translation>
    </message>
    <message>
        <source>Preparing the App&apos;s description…</source>
        <translation>正在准备 App 的描述…</translation>
    </message>
    <message>
        <source>Open this page in your browser to create the App: %1</source>
        <translation>请在浏览器中打开此页面以创建 App：%1</translation>
    </message>
    <message>
        <source>GitHub is open in your browser: press Create there, then install the App on the account that owns the backup repository.</source>
        <translation>GitHub 已在浏览器中打开：请在那里点击 Create，然后把 App 安装到拥有备份仓库的账户上。</translation>
    </message>
    <message>
        <source>GitHub App %1 created and its private key stored. Install it on the account that owns the backup repository.</source>
        <translation>已创建 GitHub App %1 并保存其私钥。请将其安装到拥有备份仓库的账户上。</translation>
    </message>
</context>
<context>
    <name>Notechondria::ImportDialog</name>
    <message>
        <source>notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>courses</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>planner events</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>calendar feeds</source>
        <translation>日历订阅</translation>
    </message>
    <message>
        <source>the recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>个人资料</translation>
    </message>
    <message>
        <source>Import from server</source>
        <translation>从服务器导入</translation>
    </message>
    <message>
        <source>Brings your account from a Notechondria server (the web service, or another computer&apos;s app) into this computer&apos;s notes: settings, courses, notes, planner events and calendar feeds. Importing again brings only what changed.</source>
        <translation>把你在 Notechondria 服务器（网页服务，或另一台电脑上的应用）上的账户导入到本机的笔记中：设置、课程、笔记、日程和日历订阅。再次导入只会带来有变化的内容。</translation>
    </message>
    <message>
        <source>API key (ntc_…), from the server&apos;s settings</source>
        <translation>API 密钥（ntc_…），见服务器的设置</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>%1 %2 (%3 new, %4 changed)</source>
        <translation>%1 %2（新增 %3，变更 %4）</translation>
    </message>
    <message>
        <source>Nothing to import: this computer already has everything the server has.</source>
        <translation>无需导入：本机已拥有服务器上的全部内容。</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>已导入 %1。</translation>
    </message>
    <message>
        <source>Your profile and settings were updated.</source>
        <translation>你的个人资料和设置已更新。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be imported; the list is below.</source>
        <translation>
            <numerusform>%n 项无法导入；列表见下方。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>The import could not start. %1</source>
        <translation>导入无法开始。%1</translation>
    </message>
    <message>
        <source>Lost track of the import. %1</source>
        <translation>无法再获取导入进度。%1</translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation>正在读取账户…</translation>
    </message>
    <message>
        <source>Importing %1: %2 of %3</source>
        <translation>正在导入%1：%2 / %3</translation>
    </message>
    <message>
        <source>Importing %1: %2</source>
        <translation>正在导入%1：%2</translation>
    </message>
    <message>
        <source>The import stopped; what came in so far is kept. %1</source>
        <translation>导入已中止；已导入的内容会保留。%1</translation>
    </message>
    <message>
        <source>files (covers, attachments, avatar)</source>
        <translation>文件（封面、附件、头像）</translation>
    </message>
    <message>
        <source>Also covers, attachments and the avatar</source>
        <translation>同时导入封面、附件和头像</translation>
    </message>
</context>
<context>
    <name>Notechondria::LocalPasswordSection</name>
    <message>
        <source>Local server</source>
        <translation>本地服务器</translation>
    </message>
    <message>
        <source>The Notechondria apps can sign in to the server on this computer with your username or email and a password. Only a salted hash of it is kept.</source>
        <translation>Notechondria 应用可以使用你的用户名或电子邮件地址和密码登录此计算机上的服务器。只保存密码的加盐哈希值。</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Remove password</source>
        <translation>删除密码</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>No password is set: the apps cannot sign in yet.</source>
        <translation>尚未设置密码：应用还无法登录。</translation>
    </message>
    <message>
        <source>A password is set: the apps sign in as %1 with it.</source>
        <translation>已设置密码：应用用它以 %1 的身份登录。</translation>
    </message>
    <message>
        <source>Cannot tell whether a password is set. %1</source>
        <translation>无法确定是否已设置密码。%1</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>两次输入的密码不一致；请输入两次相同的密码。</translation>
    </message>
    <message>
        <source>The password was not set. %1</source>
        <translation>密码未设置。%1</translation>
    </message>
    <message>
        <source>The password was not removed. %1</source>
        <translation>密码未删除。%1</translation>
    </message>
</context>
<context>
    <name>Notechondria::MainWindow</name>
    <message>
        <source>Notechondria Desktop</source>
        <translation>Notechondria 桌面版</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Export p&amp;review</source>
        <translation>导出预览(&amp;R)</translation>
    </message>
    <message>
        <source>Push &amp;history</source>
        <translation>推送历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Notechondria Desktop</source>
        <translation>关于 Notechondria Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>About Notechondria Desktop</source>
        <translation>关于 Notechondria Desktop</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Notechondria Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Your notes on this computer, backed up to your own GitHub repository.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Notechondria Desktop&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;您在这台电脑上的笔记，备份到您自己的 GitHub 仓库。&lt;/p&gt;&lt;p&gt;依据 GNU 通用公共许可证第 3 版或更新版本授权。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Notechondria::PushHistoryView</name>
    <message>
        <source>committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>无更改</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Push history</source>
        <translation>推送历史</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Recorded pushes</source>
        <translation>已记录的推送</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Cannot show the push history</source>
        <translation>无法显示推送历史</translation>
    </message>
    <message>
        <source>No pushes recorded yet.</source>
        <translation>尚未记录任何推送。</translation>
    </message>
    <message>
        <source>%1 recorded pushes.</source>
        <translation>已记录 %1 次推送。</translation>
    </message>
</context>
<context>
    <name>Notechondria::RestoreDialog</name>
    <message>
        <source>Restore from GitHub</source>
        <translation>从 GitHub 恢复</translation>
    </message>
    <message>
        <source>Restore from folder</source>
        <translation>从目录恢复</translation>
    </message>
    <message>
        <source>The backup in the connected GitHub repository replaces the account on this computer.</source>
        <translation>已连接的 GitHub 仓库中的备份将替换这台计算机上的账户。</translation>
    </message>
    <message>
        <source>The backup in %1 replaces the account on this computer.</source>
        <translation>%1 中的备份将替换这台计算机上的账户。</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <source>Files the restore changes</source>
        <translation>恢复将更改的文件</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>%n backup file(s) cannot be read and will be left out:</source>
        <translation>
            <numerusform>%n 个备份文件无法读取，将被略过:</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore not available: Frontend.Restore/plan — the local server is not running.</source>
        <translation>无法恢复: Frontend.Restore/plan — 本地服务器未运行。</translation>
    </message>
    <message>
        <source>The backup could not be read.</source>
        <translation>无法读取备份。</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>The backup matches the account on this computer; restoring changes nothing.</source>
        <translation>备份与这台计算机上的账户一致；恢复不会更改任何内容。</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed. Files marked removed exist only on this computer and will be deleted.</source>
        <translation>新增 %1 个，更改 %2 个，移除 %3 个。标记为移除的文件仅存在于这台计算机上，将被删除。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>未恢复任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n note(s)</source>
        <translation>
            <numerusform>已恢复 %n 条笔记</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n course(s).</source>
        <translation>
            <numerusform>%n 门课程。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo restore</source>
        <translation>撤销恢复(&amp;U)</translation>
    </message>
    <message>
        <source>Bring back the account as it was just before this restore.</source>
        <translation>将账户还原为此次恢复之前的状态。</translation>
    </message>
    <message numerus="yes">
        <source>The restore was undone: the account from before it is back (%n note(s)).</source>
        <translation>
            <numerusform>已撤销恢复: 恢复之前的账户已还原（%n 条笔记）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notechondria::ScheduleSection</name>
    <message>
        <source>Automatic backup</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Off: back up only with Sync now</source>
        <translation>关闭：仅在点击“立即同步”时备份</translation>
    </message>
    <message>
        <source>Every few minutes</source>
        <translation>每隔几分钟</translation>
    </message>
    <message>
        <source>After changes have settled</source>
        <translation>更改停止一段时间后</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Back up to GitHub by itself: every N minutes, or once you have stopped changing things for N minutes. A backup missed while the computer slept or the app was closed runs once when it is back.</source>
        <translation>自动备份到 GitHub：每 N 分钟一次，或在您停止修改 N 分钟后进行。电脑休眠或应用关闭期间错过的备份会在恢复后补做一次。</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Interval</source>
        <translation>间隔(&amp;I)</translation>
    </message>
    <message>
        <source>Last backup %1.</source>
        <translation>上次备份：%1。</translation>
    </message>
    <message>
        <source>Next backup at %1.</source>
        <translation>下次备份时间：%1。</translation>
    </message>
    <message>
        <source>Next backup once you change something.</source>
        <translation>您修改内容后会进行下次备份。</translation>
    </message>
</context>
<context>
    <name>Notechondria::SecretStoreBanner</name>
    <message>
        <source>Secrets are stored unencrypted: no system keychain answered, so your API keys and the GitHub App key are kept in %1, readable only by you.
Why: %2.
To use a keychain, install and unlock one in your desktop session — gnome-keyring (or KeePassXC&apos;s Secret Service) or KWallet — then restart Notechondria Desktop; the secrets in the file move into it.</source>
        <translation>机密信息以未加密方式存储: 没有任何系统钥匙串响应，因此您的 API 密钥和 GitHub 应用密钥保存在 %1 中，仅您本人可读。
原因: %2。
如需使用钥匙串，请在桌面会话中安装并解锁一个钥匙串 — gnome-keyring（或 KeePassXC 的 Secret Service）或 KWallet — 然后重新启动 Notechondria 桌面版；文件中的机密信息将迁移到钥匙串中。</translation>
    </message>
</context>
<context>
    <name>Notechondria::SettingsPage</name>
    <message>
        <source>Bring an account home</source>
        <translation>把账户带回本机</translation>
    </message>
    <message>
        <source>Copy your account from a Notechondria server (such as the web service) into the notes on this computer, to keep working without it.</source>
        <translation>把你的账户从 Notechondria 服务器（例如网页服务）复制到本机的笔记中，无需服务器也能继续工作。</translation>
    </message>
    <message>
        <source>Import from server…</source>
        <translation>从服务器导入…</translation>
    </message>
</context>
<context>
    <name>Notechondria::SyncCard</name>
    <message>
        <source>GitHub Sync</source>
        <translation>GitHub 同步</translation>
    </message>
    <message>
        <source>Experimental — GitHub Sync</source>
        <translation>实验性 — GitHub 同步</translation>
    </message>
    <message>
        <source>Push your full account (profile, settings, MCP skill, courses, notes, custom meta, planner events) to a GitHub repo you own so you can recover everything if our server is wiped. Static assets we host (avatars, attachments, cover images) are referenced by URL, not committed. See docs/integrations/github-sync.md for the full flow.</source>
        <translation>将您的完整账户（个人资料、设置、MCP 技能、课程、笔记、自定义元数据、日程事件）推送到您拥有的 GitHub 仓库，这样即使我们的服务器数据被清除，您也能恢复一切。我们托管的静态资源（头像、附件、封面图片）仅以 URL 引用，不会提交。完整流程请参阅 docs/integrations/github-sync.md。</translation>
    </message>
    <message>
        <source>GitHub Sync error</source>
        <translation>GitHub 同步错误</translation>
    </message>
    <message>
        <source>Sign in to enable GitHub Sync.</source>
        <translation>登录后即可启用 GitHub 同步。</translation>
    </message>
    <message>
        <source>Loading GitHub Sync status</source>
        <translation>正在加载 GitHub 同步状态</translation>
    </message>
    <message>
        <source>Operator note: GITHUB_DATA_SYNC_APP_INSTALL_URL is not configured on this backend. See docs/integrations/github-sync.md for the env-var contract.</source>
        <translation>运维提示: 此后端未配置 GITHUB_DATA_SYNC_APP_INSTALL_URL。环境变量约定请参阅 docs/integrations/github-sync.md。</translation>
    </message>
    <message>
        <source>Install Notechondria GitHub App</source>
        <translation>安装 Notechondria GitHub 应用</translation>
    </message>
    <message>
        <source>After approving the install, GitHub redirects back here and we persist your installation id automatically. The app stays installed until you remove it from your GitHub settings.</source>
        <translation>批准安装后，GitHub 会重定向回此处，我们会自动保存您的安装 ID。该应用会一直保持安装状态，直到您在 GitHub 设置中将其移除。</translation>
    </message>
    <message>
        <source>Waiting for the installation to finish in your browser…</source>
        <translation>正在等待浏览器中的安装完成…</translation>
    </message>
    <message>
        <source>Or paste the &amp;installation id:</source>
        <translation>或粘贴安装 ID(&amp;I):</translation>
    </message>
    <message>
        <source>Installation id</source>
        <translation>安装 ID</translation>
    </message>
    <message>
        <source>e.g. 12345678</source>
        <translation>例如 12345678</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>关联(&amp;L)</translation>
    </message>
    <message>
        <source>Sync target &amp;repository</source>
        <translation>同步目标仓库(&amp;R)</translation>
    </message>
    <message>
        <source>Sync target repository</source>
        <translation>同步目标仓库</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Retry listing repositories</source>
        <translation>重新列出仓库</translation>
    </message>
    <message>
        <source>No repositories visible to this installation. Open GitHub settings → Applications → Notechondria data sync, and grant access to a repo.</source>
        <translation>此安装看不到任何仓库。请打开 GitHub 设置 → Applications → Notechondria data sync，并授予对某个仓库的访问权限。</translation>
    </message>
    <message>
        <source>Include &amp;assets</source>
        <translation>包含资源文件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Push now</source>
        <translation>立即推送(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>Pre&amp;view next push</source>
        <translation>预览下次推送(&amp;V)</translation>
    </message>
    <message>
        <source>Push &amp;history</source>
        <translation>推送历史(&amp;H)</translation>
    </message>
    <message>
        <source>Push in progress</source>
        <translation>正在推送</translation>
    </message>
    <message>
        <source>GitHub App installed.</source>
        <translation>GitHub 应用已安装。</translation>
    </message>
    <message>
        <source>GitHub App installed on @%1.</source>
        <translation>GitHub 应用已安装到 @%1。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not pushed yet.</source>
        <translation>尚未推送。</translation>
    </message>
    <message>
        <source>Last push: %1</source>
        <translation>上次推送: %1</translation>
    </message>
    <message>
        <source>Last push: %1.</source>
        <translation>上次推送: %1。</translation>
    </message>
    <message>
        <source>Last push: %1 (commit %2).</source>
        <translation>上次推送: %1（提交 %2）。</translation>
    </message>
    <message>
        <source>Avatar, cover images, and attachments are inlined under assets/. Subject to per-file (50 MB) and per-push (200 MB) caps.</source>
        <translation>头像、封面图片和附件会内嵌到 assets/ 下。受单文件（50 MB）和单次推送（200 MB）上限限制。</translation>
    </message>
    <message>
        <source>Static assets stay referenced by URL only. Faster push, but a fresh server can&apos;t recover the bytes.</source>
        <translation>静态资源仅以 URL 引用。推送更快，但新服务器无法恢复这些文件内容。</translation>
    </message>
    <message>
        <source>Cannot load GitHub Sync status</source>
        <translation>无法加载 GitHub 同步状态</translation>
    </message>
    <message>
        <source>Cannot list repositories</source>
        <translation>无法列出仓库</translation>
    </message>
    <message>
        <source>Cannot select repository</source>
        <translation>无法选择仓库</translation>
    </message>
    <message>
        <source>GitHub Sync push failed</source>
        <translation>GitHub 同步推送失败</translation>
    </message>
    <message>
        <source>Pushed to GitHub: Frontend.GithubSync/push — commit %1.</source>
        <translation>已推送到 GitHub: Frontend.GithubSync/push — 提交 %1。</translation>
    </message>
    <message>
        <source>Cannot disconnect GitHub Sync</source>
        <translation>无法断开 GitHub 同步</translation>
    </message>
    <message>
        <source>Cannot install GitHub App</source>
        <translation>无法安装 GitHub 应用</translation>
    </message>
    <message>
        <source>no install_url configured.</source>
        <translation>未配置 install_url。</translation>
    </message>
    <message>
        <source>install_url is not a valid http(s) URL.</source>
        <translation>install_url 不是有效的 http(s) URL。</translation>
    </message>
    <message>
        <source>no web browser could be opened; open %1 yourself and paste the installation id.</source>
        <translation>无法打开网页浏览器；请自行打开 %1 并粘贴安装 ID。</translation>
    </message>
    <message>
        <source>Cannot complete GitHub App install</source>
        <translation>无法完成 GitHub 应用安装</translation>
    </message>
    <message>
        <source>Restore from &amp;GitHub…</source>
        <translation>从 GitHub 恢复(&amp;G)…</translation>
    </message>
    <message>
        <source>Restore from &amp;folder…</source>
        <translation>从目录恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose a backup folder</source>
        <translation>选择备份目录</translation>
    </message>
    <message>
        <source>Delete files on GitHub?</source>
        <translation>要删除 GitHub 上的文件吗？</translation>
    </message>
    <message numerus="yes">
        <source>This push would delete %n file(s) from the repository on GitHub.</source>
        <translation>
            <numerusform>此次推送将从 GitHub 上的仓库中删除 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete and push</source>
        <translation>删除并推送</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Bring in what changed on GitHub, then send what changed on this device.</source>
        <translation>先获取 GitHub 上的更改，再发送本设备上的更改。</translation>
    </message>
    <message>
        <source>GitHub Sync failed</source>
        <translation>GitHub 同步失败</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 个文件</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to sync: this device and GitHub already agree.</source>
        <translation>无需同步: 本设备与 GitHub 已一致。</translation>
    </message>
    <message>
        <source>Synced: %1 came in from GitHub.</source>
        <translation>已同步: 从 GitHub 收到 %1。</translation>
    </message>
    <message>
        <source>Synced: %1 went out to GitHub.</source>
        <translation>已同步: 向 GitHub 发送了 %1。</translation>
    </message>
    <message>
        <source>Synced: %1 came in from GitHub, %2 went out.</source>
        <translation>已同步: 从 GitHub 收到 %1，发出 %2 个。</translation>
    </message>
    <message>
        <source>Changes made on both sides were combined in %1.</source>
        <translation>双方的更改已在 %1 中合并。</translation>
    </message>
    <message>
        <source>Commit %1.</source>
        <translation>提交 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Waiting %n s for GitHub&apos;s limit on writes (about 80 a minute and 500 an hour); the sync goes on by itself.</source>
        <translation>
            <numerusform>正在等待 %n 秒：GitHub 限制写入频率（约每分钟 80 次、每小时 500 次）；同步随后会自动继续。</numerusform>
        </translation>
    </message>
    <message>
        <source>Existing installations of the GitHub App</source>
        <translation>GitHub App 的现有安装</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>使用(&amp;U)</translation>
    </message>
    <message>
        <source>Or use an &amp;existing installation:</source>
        <translation>或使用现有安装(&amp;E)：</translation>
    </message>
    <message>
        <source>@%1 (installation %2)</source>
        <translation>@%1（安装 %2）</translation>
    </message>
    <message>
        <source>&amp;Browse backups…</source>
        <translation>浏览备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Every backup on GitHub: what changed when, and any note as a backup held it.</source>
        <translation>GitHub 上的每个备份：何时改了什么，以及任意笔记在某个备份中的样子。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln files</source>
        <translation>
            <numerusform>%Ln 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 条笔记</translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes</source>
        <translation>
            <numerusform>%Ln 条笔记</numerusform>
        </translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>not covered by the checksums</source>
        <translation>未被校验和覆盖</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>comes back different from a restore</source>
        <translation>恢复后内容不同</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>“%1” (%2): %3</source>
        <translation>“%1”（%2）：%3</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>……以及另外 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Testing the backup…</source>
        <translation>正在测试备份…</translation>
    </message>
    <message>
        <source>Never verified.</source>
        <translation>从未校验。</translation>
    </message>
    <message>
        <source>Last verified %1: complete — %2, %3.</source>
        <translation>上次校验 %1：完整 — %2，%3。</translation>
    </message>
    <message>
        <source>Commit %1, tested %2: every file matches its checksum, and the backup restores as it was made.</source>
        <translation>提交 %1，测试于 %2：每个文件都与其校验和一致，备份可按原样恢复。</translation>
    </message>
    <message>
        <source>Last verified %1: %2 damaged or missing.</source>
        <translation>上次校验 %1：%2损坏或缺失。</translation>
    </message>
    <message>
        <source>Commit %1, tested %2. Damaged or missing:</source>
        <translation>提交 %1，测试于 %2。损坏或缺失：</translation>
    </message>
    <message>
        <source>Test restore failed</source>
        <translation>试恢复失败</translation>
    </message>
    <message>
        <source>T&amp;est restore</source>
        <translation>试恢复(&amp;E)</translation>
    </message>
    <message>
        <source>Check every file of the latest backup and restore it into a scratch profile, without touching this device&apos;s notes.</source>
        <translation>检查最新备份的每个文件，并将其恢复到临时配置中，不会改动此设备上的笔记。</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>1 分钟前</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>1 小时前</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>1 天前</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>于 %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Local server at %1.</source>
        <translation>本地服务器位于 %1。</translation>
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
        <translation>用法: notechondria-sync [--data 目录] 命令 [选项]

将 Notechondria 账户备份到 GitHub、从备份恢复，或在本地回环地址上提供服务。

全局选项:
  --data 目录   本地数据目录（默认: 应用的数据目录；环境变量 NOTECHONDRIA_DATA_DIR）
  -h, --help   显示此帮助；命令 --help 显示该命令的选项
  --version    显示版本

命令:
</translation>
    </message>
    <message>
        <source>Command not run: notechondria-sync/main — unknown option %1</source>
        <translation>命令未执行: notechondria-sync/main — 未知选项 %1</translation>
    </message>
    <message>
        <source>Command not run: notechondria-sync/main — no command given</source>
        <translation>命令未执行: notechondria-sync/main — 未指定命令</translation>
    </message>
    <message>
        <source>Command not run: notechondria-sync/main — unknown command &apos;%1&apos; (notechondria-sync --help lists them)</source>
        <translation>命令未执行: notechondria-sync/main — 未知命令“%1”（notechondria-sync --help 会列出所有命令）</translation>
    </message>
    <message>
        <source>Command not run</source>
        <translation>命令未执行</translation>
    </message>
    <message>
        <source>Prints a fresh GitHub App JWT (valid 9 minutes) for the configured App.</source>
        <translation>为已配置的 GitHub 应用输出一个新的 JWT（有效期 9 分钟）。</translation>
    </message>
    <message>
        <source>app-jwt takes no arguments</source>
        <translation>app-jwt 不接受参数</translation>
    </message>
    <message>
        <source>Lists the installations of the configured GitHub App.</source>
        <translation>列出已配置的 GitHub 应用的安装。</translation>
    </message>
    <message>
        <source>installations takes no arguments</source>
        <translation>installations 不接受参数</translation>
    </message>
    <message>
        <source>The GitHub App installation whose repositories to list.</source>
        <translation>要列出其仓库的 GitHub 应用安装。</translation>
    </message>
    <message>
        <source>Lists the repositories a GitHub App installation can reach.</source>
        <translation>列出 GitHub 应用安装可访问的仓库。</translation>
    </message>
    <message>
        <source>--installation-id N is required</source>
        <translation>必须指定 --installation-id N</translation>
    </message>
    <message>
        <source>--installation-id takes a number, got &apos;%1&apos;</source>
        <translation>--installation-id 需要一个数字，收到的是“%1”</translation>
    </message>
    <message>
        <source>repos takes no positional arguments</source>
        <translation>repos 不接受位置参数</translation>
    </message>
    <message>
        <source>print a fresh GitHub App JWT (for debugging the App setup)</source>
        <translation>输出新的 GitHub 应用 JWT（用于调试应用配置）</translation>
    </message>
    <message>
        <source>list the GitHub App&apos;s installations (id, account)</source>
        <translation>列出 GitHub 应用的安装（ID、账户）</translation>
    </message>
    <message>
        <source>list the repositories of an installation (--installation-id N)</source>
        <translation>列出某个安装的仓库（--installation-id N）</translation>
    </message>
    <message>
        <source>--%1 must be a non-negative integer, not &apos;%2&apos;</source>
        <translation>--%1 必须是非负整数，而不是“%2”</translation>
    </message>
    <message>
        <source>New notes to generate.</source>
        <translation>要生成的新笔记数量。</translation>
    </message>
    <message>
        <source>Random seed (default 1): the same seed gives the same account.</source>
        <translation>随机种子（默认 1）: 相同的种子生成相同的账户。</translation>
    </message>
    <message>
        <source>Binary attachments to add to the new notes.</source>
        <translation>要添加到新笔记的二进制附件数量。</translation>
    </message>
    <message>
        <source>Existing notes to edit.</source>
        <translation>要编辑的现有笔记数量。</translation>
    </message>
    <message>
        <source>Existing notes to move to the recycle bin.</source>
        <translation>要移入回收站的现有笔记数量。</translation>
    </message>
    <message>
        <source>Generate a realistic synthetic account in the local store.</source>
        <translation>在本地存储中生成一个逼真的合成账户。</translation>
    </message>
    <message>
        <source>give --notes N (or --touch K / --delete D on an existing account)</source>
        <translation>请指定 --notes N（对于已有账户，也可用 --touch K / --delete D）</translation>
    </message>
    <message>
        <source>The GitHub App installation id.</source>
        <translation>GitHub 应用安装 ID。</translation>
    </message>
    <message>
        <source>The repository to push to.</source>
        <translation>要推送到的仓库。</translation>
    </message>
    <message>
        <source>The branch to push to (default: main).</source>
        <translation>要推送到的分支（默认: main）。</translation>
    </message>
    <message>
        <source>The login that owns the installation.</source>
        <translation>拥有该安装的登录名。</translation>
    </message>
    <message>
        <source>Link the local account to a GitHub App installation and repository.</source>
        <translation>将本地账户关联到 GitHub 应用安装和仓库。</translation>
    </message>
    <message>
        <source>--repo OWNER/NAME is required</source>
        <translation>必须指定 --repo OWNER/NAME</translation>
    </message>
    <message>
        <source>Print the GitHub sync status (the API&apos;s GET status, as JSON).</source>
        <translation>输出 GitHub 同步状态（即 API 的 GET status，JSON 格式）。</translation>
    </message>
    <message>
        <source>Forget the GitHub App installation and repository (the App stays installed).</source>
        <translation>忘记 GitHub 应用安装和仓库（应用仍保持安装）。</translation>
    </message>
    <message>
        <source>generate a synthetic account (--notes N, --touch K, --delete D)</source>
        <translation>生成合成账户（--notes N、--touch K、--delete D）</translation>
    </message>
    <message>
        <source>link a GitHub App installation and repository</source>
        <translation>关联 GitHub 应用安装和仓库</translation>
    </message>
    <message>
        <source>print the GitHub sync status as JSON</source>
        <translation>以 JSON 格式输出 GitHub 同步状态</translation>
    </message>
    <message>
        <source>forget the GitHub integration</source>
        <translation>忘记 GitHub 集成</translation>
    </message>
    <message>
        <source>The folder to write the export to (created when missing).</source>
        <translation>导出写入的目录（不存在时自动创建）。</translation>
    </message>
    <message>
        <source>Include the avatar, note covers and attachments under assets/.</source>
        <translation>在 assets/ 下包含头像、笔记封面和附件。</translation>
    </message>
    <message>
        <source>Write the account&apos;s backup tree (what a push sends) to a folder.</source>
        <translation>将账户的备份树（即推送所发送的内容）写入目录。</translation>
    </message>
    <message>
        <source>give --out DIR</source>
        <translation>请指定 --out 目录</translation>
    </message>
    <message>
        <source>On a conflict, overwrite the remote copies of the conflicting paths.</source>
        <translation>发生冲突时，覆盖冲突路径的远程副本。</translation>
    </message>
    <message>
        <source>On a conflict, keep the remote copies of the conflicting paths.</source>
        <translation>发生冲突时，保留冲突路径的远程副本。</translation>
    </message>
    <message>
        <source>Confirm a mass deletion (more than 25 % of the tracked files).</source>
        <translation>确认大量删除（超过 25% 的已跟踪文件）。</translation>
    </message>
    <message>
        <source>Print the outcome as JSON.</source>
        <translation>以 JSON 格式输出结果。</translation>
    </message>
    <message>
        <source>Push the account to its GitHub repository as one commit (or none).</source>
        <translation>将账户以一个提交（或不提交）推送到其 GitHub 仓库。</translation>
    </message>
    <message>
        <source>--force and --keep-remote exclude each other</source>
        <translation>--force 与 --keep-remote 互斥</translation>
    </message>
    <message>
        <source>How many runs to list (default 20).</source>
        <translation>要列出的运行次数（默认 20）。</translation>
    </message>
    <message>
        <source>List the last push runs, newest first, as JSON.</source>
        <translation>以 JSON 格式列出最近的推送运行，最新的在前。</translation>
    </message>
    <message>
        <source>--limit must be a positive integer, not &apos;%1&apos;</source>
        <translation>--limit 必须是正整数，而不是“%1”</translation>
    </message>
    <message>
        <source>Write the backup tree to a folder (--out DIR).</source>
        <translation>将备份树写入目录（--out 目录）。</translation>
    </message>
    <message>
        <source>Push the account to GitHub as one commit (or none).</source>
        <translation>将账户以一个提交（或不提交）推送到 GitHub。</translation>
    </message>
    <message>
        <source>List the last push runs as JSON.</source>
        <translation>以 JSON 格式列出最近的推送运行。</translation>
    </message>
    <message>
        <source>Serve the account&apos;s Notechondria /api/v1 on loopback until SIGINT or SIGTERM.</source>
        <translation>在回环地址上提供该账户的 Notechondria /api/v1，直到收到 SIGINT 或 SIGTERM。</translation>
    </message>
    <message>
        <source>--listen takes a loopback ADDR:PORT such as 127.0.0.1:8765 or [::1]:8765</source>
        <translation>--listen 需要回环地址:端口，例如 127.0.0.1:8765 或 [::1]:8765</translation>
    </message>
    <message>
        <source>Print the local server&apos;s API key (ntc_…), creating it when there is none.</source>
        <translation>输出本地服务器的 API 密钥（ntc_…），如果尚不存在则创建。</translation>
    </message>
    <message>
        <source>Serve the Notechondria /api/v1 on loopback (--listen 127.0.0.1:PORT)</source>
        <translation>在回环地址上提供 Notechondria /api/v1（--listen 127.0.0.1:端口）</translation>
    </message>
    <message>
        <source>Print the local server&apos;s API key (creating it if needed)</source>
        <translation>输出本地服务器的 API 密钥（必要时创建）</translation>
    </message>
    <message>
        <source>The backup: a clone or an export folder of the backup repository.</source>
        <translation>备份: 备份仓库的克隆或导出目录。</translation>
    </message>
    <message>
        <source>The Notechondria API to restore into, e.g. http://127.0.0.1:8765/api/v1.</source>
        <translation>要恢复到的 Notechondria API，例如 http://127.0.0.1:8765/api/v1。</translation>
    </message>
    <message>
        <source>The destination account&apos;s API key (ntc_…); default: $NOTECHONDRIA_API_KEY.</source>
        <translation>目标账户的 API 密钥（ntc_…）；默认: $NOTECHONDRIA_API_KEY。</translation>
    </message>
    <message>
        <source>Print each request it would send (bodies shortened, no secrets) and send nothing.</source>
        <translation>输出将要发送的每个请求（正文已截断，不含机密信息），但不实际发送。</translation>
    </message>
    <message>
        <source>A line per section and item.</source>
        <translation>每个部分和条目输出一行。</translation>
    </message>
    <message>
        <source>Re-upload assets/ (avatar, covers, attachments) after the rest.</source>
        <translation>在其余内容之后重新上传 assets/（头像、封面、附件）。</translation>
    </message>
    <message>
        <source>--repo-path and --api-base are required</source>
        <translation>必须指定 --repo-path 和 --api-base</translation>
    </message>
    <message>
        <source>--repo-path is not a directory: </source>
        <translation>--repo-path 不是目录: </translation>
    </message>
    <message>
        <source>--api-base is not an http(s) URL: </source>
        <translation>--api-base 不是 http(s) URL: </translation>
    </message>
    <message>
        <source>no API key: pass --token or set NOTECHONDRIA_API_KEY</source>
        <translation>没有 API 密钥: 请传入 --token 或设置 NOTECHONDRIA_API_KEY</translation>
    </message>
    <message>
        <source>Replay a backup folder into a Notechondria /api/v1</source>
        <translation>将备份目录回放到 Notechondria /api/v1</translation>
    </message>
    <message>
        <source>GitHub sync stopped: notechondria-sync/push — these paths changed on GitHub and here; run push --force to overwrite them or push --keep-remote to keep GitHub&apos;s copies:</source>
        <translation>GitHub 同步已停止: notechondria-sync/push — 以下路径在 GitHub 和本机上都有更改；运行 push --force 覆盖它们，或运行 push --keep-remote 保留 GitHub 上的副本:</translation>
    </message>
    <message>
        <source>GitHub sync stopped: notechondria-sync/push — this push would delete %1 tracked files; run push --yes to confirm.</source>
        <translation>GitHub 同步已停止: notechondria-sync/push — 此次推送将删除 %1 个已跟踪文件；运行 push --yes 以确认。</translation>
    </message>
    <message>
        <source>Pushed %1: %2 added, %3 changed, %4 deleted in %5 requests.</source>
        <translation>已推送 %1: 新增 %2 个，更改 %3 个，删除 %4 个，共 %5 次请求。</translation>
    </message>
    <message>
        <source>Nothing to push: the repository already holds this account (%1 requests).</source>
        <translation>无需推送: 仓库中已有此账户的当前状态（%1 次请求）。</translation>
    </message>
    <message>
        <source>Serving from %1 (secrets: %2). `notechondria-sync api-key` prints the API key. Stop with Ctrl+C.</source>
        <translation>正在从 %1 提供服务（机密存储: %2）。`notechondria-sync api-key` 可输出 API 密钥。按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <source>Local server stopped.</source>
        <translation>本地服务器已停止。</translation>
    </message>
    <message>
        <source>
Exit status: 0 ok, 1 failure, 2 usage error, 3 push or sync conflict.
</source>
        <translation>
退出状态: 0 成功，1 失败，2 用法错误，3 推送或同步冲突。
</translation>
    </message>
    <message>
        <source>--mine and --theirs exclude each other</source>
        <translation>--mine 与 --theirs 互斥</translation>
    </message>
    <message>
        <source>--resolve takes PATH=mine, PATH=theirs or PATH=both, not &apos;%1&apos;</source>
        <translation>--resolve 需要 PATH=mine、PATH=theirs 或 PATH=both，而不是“%1”</translation>
    </message>
    <message>
        <source>Nothing to sync: this device and GitHub already agree (%1 requests).</source>
        <translation>无需同步: 本设备与 GitHub 已一致（%1 次请求）。</translation>
    </message>
    <message>
        <source>Synced: %1 item(s) came in from GitHub (%2 merged), %3 file(s) went out%4 in %5 requests.</source>
        <translation>已同步: 从 GitHub 收到 %1 个条目（合并 %2 个），发出 %3 个文件%4，共 %5 次请求。</translation>
    </message>
    <message>
        <source>Resolve one conflict: PATH=mine (this device&apos;s), PATH=theirs (GitHub&apos;s) or PATH=both (GitHub&apos;s becomes a copy). Repeatable.</source>
        <translation>解决一个冲突: PATH=mine（本设备的版本）、PATH=theirs（GitHub 上的版本）或 PATH=both（GitHub 上的版本成为副本）。可重复指定。</translation>
    </message>
    <message>
        <source>Resolve every conflict with this device&apos;s version.</source>
        <translation>用本设备的版本解决所有冲突。</translation>
    </message>
    <message>
        <source>Resolve every conflict with GitHub&apos;s version.</source>
        <translation>用 GitHub 上的版本解决所有冲突。</translation>
    </message>
    <message>
        <source>Sync the account with its GitHub repository: bring GitHub&apos;s changes in, merge what changed on both sides, send this device&apos;s changes out as one commit (or none).</source>
        <translation>将账户与其 GitHub 仓库同步: 获取 GitHub 上的更改，合并双方都有更改的内容，并将本设备的更改以一个提交（或不提交）发送出去。</translation>
    </message>
    <message>
        <source>GitHub sync stopped: notechondria-sync/sync — %1 item(s) changed here and on GitHub in ways that cannot be merged; nothing was changed. Run sync --resolve PATH=mine|theirs|both (or --mine / --theirs).</source>
        <translation>GitHub 同步已停止: notechondria-sync/sync — %1 个条目在本机和 GitHub 上的更改无法合并；未做任何更改。请运行 sync --resolve PATH=mine|theirs|both（或 --mine / --theirs）。</translation>
    </message>
    <message>
        <source>GitHub sync stopped: notechondria-sync/sync — this sync would delete %1 tracked files; run sync --yes to confirm.</source>
        <translation>GitHub 同步已停止: notechondria-sync/sync — 此次同步将删除 %1 个已跟踪文件；运行 sync --yes 以确认。</translation>
    </message>
    <message>
        <source>Two-way sync with GitHub: pull, merge, push as one commit (or none).</source>
        <translation>与 GitHub 双向同步: 拉取、合并，并以一个提交（或不提交）推送。</translation>
    </message>
    <message>
        <source>Undo the last restore into the local store (the app&apos;s or the local server&apos;s): bring back the account kept just before it. Offline; needs no other option.</source>
        <translation>撤销最近一次向本地存储（应用的或本地服务器的）进行的恢复: 找回恢复之前保留的账户。离线执行；无需其他选项。</translation>
    </message>
    <message>
        <source>Replay a backup into a Notechondria /api/v1 (a real backend or the local server), in the order settings, courses, notes, events, feeds, assets. Reruns change nothing. A folder that is not a backup (no manifest.json of schema 1 or 2, no account files) is refused and nothing is sent. The last stdout line is a JSON summary; exit 1 when any item failed. --undo brings back the local account from before the last in-app restore.</source>
        <translation>将备份回放到 Notechondria /api/v1（真实后端或本地服务器），顺序为设置、课程、笔记、事件、订阅源、资源文件。重复运行不会更改任何内容。不是备份的目录（没有 schema 1 或 2 的 manifest.json，也没有账户文件）会被拒绝，且不会发送任何内容。stdout 的最后一行是 JSON 摘要；任一条目失败时退出状态为 1。--undo 可找回上次在应用内恢复之前的本地账户。</translation>
    </message>
    <message>
        <source> as commit %1</source>
        <translation>（提交 %1）</translation>
    </message>
    <message numerus="yes">
        <source>Waiting %n s for GitHub&apos;s write limits (about 80 changes a minute, 500 an hour)…</source>
        <translation>
            <numerusform>正在等待 GitHub 的写入限制 %n 秒(每分钟约 80 次更改,每小时 500 次)…</numerusform>
        </translation>
    </message>
    <message>
        <source>The Notechondria server to read from, e.g. https://notes.example.org/api/v1.</source>
        <translation>要读取的 Notechondria 服务器，例如 https://notes.example.org/api/v1。</translation>
    </message>
    <message>
        <source>The account&apos;s API key (ntc_…) on that server; default: $NOTECHONDRIA_API_KEY.</source>
        <translation>该账户在此服务器上的 API 密钥（ntc_…）；默认：$NOTECHONDRIA_API_KEY。</translation>
    </message>
    <message>
        <source>Also the avatar, note covers and attachments.</source>
        <translation>同时导入头像、笔记封面和附件。</translation>
    </message>
    <message>
        <source>Read and compare everything, write nothing.</source>
        <translation>读取并比较全部内容，不写入任何东西。</translation>
    </message>
    <message>
        <source>Import a Notechondria account from a server into the local store (a rerun brings only what changed). Prints a line per problem on stderr and a JSON summary.</source>
        <translation>把 Notechondria 账户从服务器导入到本地存储（再次运行只带来有变化的内容）。每个问题在 stderr 上输出一行，并输出 JSON 摘要。</translation>
    </message>
    <message>
        <source>Import an account from a Notechondria server (--api-base)</source>
        <translation>从 Notechondria 服务器导入账户（--api-base）</translation>
    </message>
    <message>
        <source>New local password: </source>
        <translation>新的本地密码：</translation>
    </message>
    <message>
        <source>Read the new password from one line of standard input.</source>
        <translation>从标准输入的一行读取新密码。</translation>
    </message>
    <message>
        <source>Remove the password (sign-in is refused).</source>
        <translation>删除密码（登录将被拒绝）。</translation>
    </message>
    <message>
        <source>Sets the local account&apos;s password, with which the Notechondria apps sign in to the local server (username or email and this password). It is stored as an Argon2id hash; every session is signed out.</source>
        <translation>设置本地账户的密码，Notechondria 应用用它登录本地服务器（用户名或电子邮件地址加此密码）。密码以 Argon2id 哈希值保存；所有会话都会被注销。</translation>
    </message>
    <message>
        <source>give either --stdin (the password on one line of standard input) or --clear; the password is never taken as an argument</source>
        <translation>请指定 --stdin（密码为标准输入中的一行）或 --clear；密码从不作为参数接受</translation>
    </message>
    <message>
        <source>Set the local account&apos;s sign-in password (--stdin) or remove it (--clear)</source>
        <translation>设置本地账户的登录密码（--stdin）或删除它（--clear）</translation>
    </message>
    <message>
        <source>Note: the local account has no username yet; sign in as &quot;local&quot; until it has one (set it in the settings or import an account).</source>
        <translation>注意：本地账户还没有用户名；在设置用户名之前请以 &quot;local&quot; 登录（在设置中设置，或导入一个账户）。</translation>
    </message>
    <message>
        <source>Loopback address and port to listen on (default 127.0.0.1:8765, or the next free port after it; port 0 picks one).</source>
        <translation>要监听的回环地址和端口（默认 127.0.0.1:8765，或其后的下一个空闲端口；端口 0 表示自动选择）。</translation>
    </message>
    <message>
        <source>Let the web app at this browser origin (e.g. http://localhost:5173) call the server (CORS); repeatable, also from $NOTECHONDRIA_ALLOWED_ORIGINS (comma-separated). None by default.</source>
        <translation>允许位于此浏览器来源（例如 http://localhost:5173）的网页应用调用服务器（CORS）；可重复指定，也可通过 $NOTECHONDRIA_ALLOWED_ORIGINS（逗号分隔）设置。默认不允许任何来源。</translation>
    </message>
    <message>
        <source>Browser origins allowed: %1.</source>
        <translation>允许的浏览器来源：%1。</translation>
    </message>
    <message>
        <source>The commit to verify (its full 40-character id, as `history` prints it); default: the branch head.</source>
        <translation>要校验的提交（完整的 40 位 ID，与 `history` 输出的一致）；默认：分支的最新提交。</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>以 JSON 输出结果。</translation>
    </message>
    <message>
        <source>Test-restore a backup commit of the connected repository: download it, check every file against its git blob id and its SHA-256 in checksums/, restore it into a scratch profile and compare what comes back. The account is not touched. Exit 0 when the backup is complete, 1 naming every damaged or missing file. The result is kept as &quot;last verified&quot;.</source>
        <translation>对已连接仓库的一个备份提交进行试恢复：下载它，将每个文件与其 git blob ID 及 checksums/ 中的 SHA-256 比对，恢复到临时配置中并比较恢复结果。不会改动账户。备份完整时退出码为 0，否则为 1 并列出每个损坏或缺失的文件。结果会记录为“上次校验”。</translation>
    </message>
    <message>
        <source>The backup is complete: %1 at %2 — %3 files match their git blob ids and checksums; %4 notes, %5 courses, %6 events and %7 feeds restore.</source>
        <translation>备份完整：%1 于 %2 — %3 个文件与其 git blob ID 和校验和一致；%4 条笔记、%5 门课程、%6 个日程和 %7 个订阅可以恢复。</translation>
    </message>
    <message numerus="yes">
        <source>The backup is not complete: %1 at %2 — %n file(s) damaged or missing.</source>
        <translation>
            <numerusform>备份不完整：%1 于 %2 — %n 个文件损坏或缺失。</numerusform>
        </translation>
    </message>
    <message>
        <source>--commit takes a full 40-character commit id, not &apos;%1&apos;</source>
        <translation>--commit 需要完整的 40 位提交 ID，而不是“%1”</translation>
    </message>
    <message>
        <source>Test-restore a backup commit and check every file</source>
        <translation>试恢复一个备份提交并校验每个文件</translation>
    </message>
    <message>
        <source>Also back up to GitHub on a schedule: a sync every DURATION (e.g. 15m, 30s, 1h, 2h30m), caught up once after the computer slept. Off by default.</source>
        <translation>同时按计划备份到 GitHub：每隔 DURATION 同步一次（例如 15m、30s、1h、2h30m），电脑休眠后补做一次。默认关闭。</translation>
    </message>
    <message>
        <source>Backed up to GitHub.</source>
        <translation>已备份到 GitHub。</translation>
    </message>
    <message>
        <source>Backups keep failing: three scheduled backups in a row did not complete.</source>
        <translation>备份多次失败：连续三次计划备份均未完成。</translation>
    </message>
    <message>
        <source>Backups every %1 to GitHub.</source>
        <translation>每 %1 备份一次到 GitHub。</translation>
    </message>
    <message>
        <source>Create the App for this GitHub organization (default: your own account).</source>
        <translation>为此 GitHub 组织创建 App（默认：您自己的账户）。</translation>
    </message>
    <message>
        <source>The App&apos;s name (unique on GitHub, at most 34 characters; default: a generated one).</source>
        <translation>App 的名称（在 GitHub 上唯一，最多 34 个字符；默认自动生成）。</translation>
    </message>
    <message>
        <source>Do not open a browser: print {&quot;url&quot;, &quot;redirect_url&quot;, &quot;state&quot;} as one JSON line and wait for GitHub&apos;s redirect.</source>
        <translation>不打开浏览器：将 {&quot;url&quot;, &quot;redirect_url&quot;, &quot;state&quot;} 作为一行 JSON 输出，并等待 GitHub 的重定向。</translation>
    </message>
    <message>
        <source>Create the GitHub App the sync acts as, with GitHub&apos;s App Manifest flow: a browser page sends the App&apos;s description to GitHub, GitHub sends the browser back here, and the App&apos;s private key goes to the secret store (never to the screen). Prints {&quot;app_id&quot;, &quot;slug&quot;, &quot;client_id&quot;} when done. Afterwards app-jwt, installations and repos work without GITHUB_DATA_SYNC_APP_* variables.</source>
        <translation>使用 GitHub 的 App Manifest 流程创建同步所使用的 GitHub App：浏览器页面将 App 的描述发送给 GitHub，GitHub 将浏览器重定向回这里，App 的私钥存入密钥存储（绝不显示在屏幕上）。完成后输出 {&quot;app_id&quot;, &quot;slug&quot;, &quot;client_id&quot;}。之后 app-jwt、installations 和 repos 无需 GITHUB_DATA_SYNC_APP_* 变量即可使用。</translation>
    </message>
    <message>
        <source>app-create takes no positional arguments</source>
        <translation>app-create 不接受位置参数</translation>
    </message>
    <message>
        <source>--owner takes a GitHub organization name (letters, digits, single dashes), not &apos;%1&apos;</source>
        <translation>--owner 需要 GitHub 组织名（字母、数字、单个连字符），而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Open this page in a browser: %1</source>
        <translation>请在浏览器中打开此页面：%1</translation>
    </message>
    <message>
        <source>create the GitHub App in one step ([--owner ORG] [--name NAME] [--no-browser])</source>
        <translation>一步创建 GitHub App（[--owner ORG] [--name NAME] [--no-browser]）</translation>
    </message>
    <message>
        <source>Restore the local account as it was at this backup commit of the connected repository (its full 40-character id, as `history` prints it): downloaded in one request, the account from before kept for --undo. Needs no other option; with --dry-run only the planned file changes are printed.</source>
        <translation>将本地账户恢复为已连接仓库中此备份提交时的状态（提交的完整 40 位 ID，与 `history` 输出的一致）：一次请求下载，之前的账户会保留以便 --undo。无需其他选项；配合 --dry-run 时只输出计划的文件更改。</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 deleted</source>
        <translation>新增 %1，修改 %2，删除 %3</translation>
    </message>
    <message>
        <source>Only the commits that touched this note (its uuid, with or without dashes), its creation included.</source>
        <translation>仅列出涉及此笔记的提交（其 UUID，带或不带连字符），包括创建它的提交。</translation>
    </message>
    <message>
        <source>At most N commits (default 100).</source>
        <translation>最多 N 个提交（默认 100）。</translation>
    </message>
    <message>
        <source>Print [{&quot;sha&quot;, &quot;date&quot;, &quot;device&quot;, &quot;added&quot;, &quot;changed&quot;, &quot;deleted&quot;, &quot;titles&quot;}], newest first.</source>
        <translation>输出 [{&quot;sha&quot;, &quot;date&quot;, &quot;device&quot;, &quot;added&quot;, &quot;changed&quot;, &quot;deleted&quot;, &quot;titles&quot;}]，最新的在前。</translation>
    </message>
    <message>
        <source>The backups on the connected repository&apos;s branch, newest first: when, from which device, and what changed (notes by title, courses, events). One request per 100 commits.</source>
        <translation>已连接仓库分支上的备份，最新的在前：时间、来自哪台设备、改了什么（按标题列出笔记、课程、日程）。每 100 个提交一次请求。</translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 10000, not &apos;%1&apos;</source>
        <translation>--limit 需要 1 到 10000 之间的数字，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--note takes a note&apos;s uuid, not &apos;%1&apos;</source>
        <translation>--note 需要笔记的 UUID，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The backup commit (its full 40-character id).</source>
        <translation>备份提交（其完整的 40 位 ID）。</translation>
    </message>
    <message>
        <source>The note&apos;s uuid, with or without dashes.</source>
        <translation>笔记的 UUID，带或不带连字符。</translation>
    </message>
    <message>
        <source>Bring it back as a new note &quot;&lt;title&gt; (restored &lt;date&gt;)&quot; and leave the current one as it is.</source>
        <translation>作为新笔记“&lt;title&gt; (restored &lt;date&gt;)”找回，当前笔记保持不变。</translation>
    </message>
    <message>
        <source>Bring back one note as a backup commit holds it (two requests), into the local store: in place (the current version kept in the note&apos;s history, a binned note taken out of the bin) or as a copy. The account from before is kept; `restore --undo` takes it back. The next sync carries the note.</source>
        <translation>将一条笔记按某个备份提交中的样子找回到本地存储（两次请求）：原地恢复（当前版本保存在笔记的历史中，回收站中的笔记会移出回收站）或作为副本。之前的账户会保留；`restore --undo` 可撤销。下次同步会带上这条笔记。</translation>
    </message>
    <message>
        <source>restore-item needs --commit with a full 40-character commit id and --note with a note&apos;s uuid</source>
        <translation>restore-item 需要 --commit（完整的 40 位提交 ID）和 --note（笔记的 UUID）</translation>
    </message>
    <message>
        <source>The backups on GitHub, newest first, told in words</source>
        <translation>GitHub 上的备份，最新的在前，用文字描述</translation>
    </message>
    <message>
        <source>Bring back one note from a backup commit (--commit SHA --note UUID [--as-copy])</source>
        <translation>从备份提交中找回一条笔记（--commit SHA --note UUID [--as-copy]）</translation>
    </message>
</context>
</TS>
