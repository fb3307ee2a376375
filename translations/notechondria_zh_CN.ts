<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Conflicting files</source>
        <translation>冲突的文件</translation>
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
</TS>
