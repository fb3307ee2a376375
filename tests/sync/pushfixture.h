// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A push rig shared by the push tests and the benchmark: the GitHub test server with one repository, a real
// SQLite store in a temporary folder, the real HttpClient/GitHubApi and a PushService.

#include "appconfig.h"
#include "clock.h"
#include "exporter.h"
#include "githubapi.h"
#include "githubtestserver.h"
#include "httpclient.h"
#include "pushservice.h"
#include "store.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace Notechondria::Test {

struct PushFixture
{
    QTemporaryDir dir;
    SystemClock clock;
    GitHubTestServer server;
    QNetworkAccessManager network;
    std::unique_ptr<Store> store;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<GitHubApi> github;
    std::unique_ptr<PushService> service;
    /// The clock the store, the HTTP client, the GitHub API and the service run on; set before setUp() (e.g. a
    /// FakeClock) to move time by hand.
    const Clock *time = &clock;
    QString repo = QStringLiteral("octo/backup");
    qint64 installation = 0;
    QString error;

    /// Runs a program; returns its stdout, or a null array (and sets `error`) when it fails.
    QByteArray run(const QString &program, const QStringList &arguments, const QString &workDir = {})
    {
        QProcess process;
        if (!workDir.isEmpty()) {
            process.setWorkingDirectory(workDir);
        }
        process.start(program, arguments);
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            error = program + QLatin1Char(' ') + arguments.join(QLatin1Char(' ')) + QStringLiteral(" failed: ")
                + QString::fromUtf8(process.readAllStandardError());
            return {};
        }
        QByteArray out = process.readAllStandardOutput();
        return out.isNull() ? QByteArray("") : out;
    }

    /// Starts everything; `emptyRepository` = no commit at all.
    bool setUp(bool emptyRepository = true)
    {
        if (!dir.isValid() || !server.start()) {
            error = QStringLiteral("cannot start the test server");
            return false;
        }
        const QString key = dir.filePath(QStringLiteral("app.pem"));
        if (run(QStringLiteral("openssl"),
                {QStringLiteral("genrsa"), QStringLiteral("-out"), key, QStringLiteral("2048")})
                .isNull()) {
            return false;
        }
        QFile keyFile(key);
        if (!keyFile.open(QIODevice::ReadOnly)) {
            return false;
        }
        installation = server.addInstallation(QStringLiteral("octo"));
        server.addRepository(installation, repo, QStringLiteral("main"), true, emptyRepository);
        auto opened = Store::open(dir.filePath(QStringLiteral("data/notechondria.sqlite")), time);
        if (!opened) {
            error = opened.error().message();
            return false;
        }
        store = std::move(*opened);
        Store::IntegrationUpdate update;
        update.installationId = QString::number(installation);
        update.accountLogin = QStringLiteral("octo");
        update.repoFullName = repo;
        update.repoDefaultBranch = QStringLiteral("main");
        if (auto connected = store->connectIntegration(update); !connected) {
            error = connected.error().message();
            return false;
        }
        AppConfig config;
        config.appName = QStringLiteral("notechondria-test");
        config.clientId = QStringLiteral("Iv1.pushtest");
        config.privateKeyPem = QString::fromLatin1(keyFile.readAll());
        config.apiUrl = server.apiUrl();
        http = std::make_unique<HttpClient>(&network, time);
        http->setRetryPolicy(4, std::chrono::milliseconds(20));
        github = std::make_unique<GitHubApi>(http.get(), config, time);
        // The test server has no secondary limits; the pacing itself is tested in test_writepacer/test_githubapi.
        github->writePacer() = WritePacer(time, {});
        service = std::make_unique<PushService>(store.get(), github.get(), time);
        return true;
    }

    [[nodiscard]] QString bare() const { return server.bareRepositoryPath(repo); }

    /// The environment for the built notechondria-sync on this fixture: the same App and test server, its key from
    /// a file, and no session bus (the machine state of a headless run).
    [[nodiscard]] QProcessEnvironment cliEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GITHUB_API_URL"), server.apiUrl().toString());
        env.insert(QStringLiteral("GITHUB_DATA_SYNC_APP_CLIENT_ID"), QStringLiteral("Iv1.pushtest"));
        env.insert(QStringLiteral("GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE"), dir.filePath(QStringLiteral("app.pem")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
            QStringLiteral("unix:path=%1").arg(dir.filePath(QStringLiteral("no-bus"))));
        env.remove(QStringLiteral("GITHUB_DATA_SYNC_APP_PRIVATE_KEY"));
        return env;
    }
    [[nodiscard]] QString head() const { return server.headSha(repo, QStringLiteral("main")); }

    /// The export a push of the current store sends (same previous manifest as the service).
    [[nodiscard]] ExportTree expectedExport(bool includeAssets = false) const
    {
        QFile manifest(service->lastManifestPath());
        ExportOptions options;
        options.includeAssets = includeAssets;
        if (manifest.open(QIODevice::ReadOnly)) {
            options.previousManifest = manifest.readAll();
        }
        options.now = time->now();
        return materialize(*store->snapshot(includeAssets), options);
    }

    /// The files of a fresh `git clone` of the branch: path → bytes.
    QMap<QString, QByteArray> cloneFiles()
    {
        const QString target = dir.filePath(QStringLiteral("clone-%1").arg(++m_clones));
        if (run(QStringLiteral("git"),
                {QStringLiteral("clone"), QStringLiteral("-q"), QStringLiteral("--branch"), QStringLiteral("main"),
                    bare(), target})
                .isNull()) {
            return {};
        }
        QMap<QString, QByteArray> files;
        QDirIterator it(target, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(target).relativeFilePath(path);
            if (relative.startsWith(QStringLiteral(".git/"))) {
                continue;
            }
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                files.insert(relative, file.readAll());
            }
        }
        return files;
    }

    /// The files of @p tree: path → bytes.
    [[nodiscard]] static QMap<QString, QByteArray> filesOf(const ExportTree &tree)
    {
        QMap<QString, QByteArray> files;
        for (const ExportFile &file : tree.files) {
            files.insert(file.path, file.bytes);
        }
        return files;
    }

    /**
     * "" when `git fsck --strict` is clean and a fresh clone of the branch equals the whole export byte for byte
     * (apart from the @p foreign files, which must be there); else what differs, with both versions' start.
     */
    QString cloneMismatch(const QStringList &foreign = {})
    {
        if (!fsckClean()) {
            return error;
        }
        QMap<QString, QByteArray> clone = cloneFiles();
        for (const QString &path : foreign) {
            if (clone.remove(path) != 1) {
                return QStringLiteral("the clone lacks %1").arg(path);
            }
        }
        const QMap<QString, QByteArray> expected = filesOf(expectedExport());
        if (clone.keys() != expected.keys()) {
            QStringList onlyClone;
            QStringList onlyExport;
            for (auto it = clone.cbegin(); it != clone.cend(); ++it) {
                if (!expected.contains(it.key())) {
                    onlyClone.append(it.key());
                }
            }
            for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
                if (!clone.contains(it.key())) {
                    onlyExport.append(it.key());
                }
            }
            return QStringLiteral("only in the clone: %1; only in the export: %2")
                .arg(onlyClone.mid(0, 10).join(u", "), onlyExport.mid(0, 10).join(u", "));
        }
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            if (clone.value(it.key()) != it.value()) {
                return it.key() + QStringLiteral("\n--- clone:\n") + QString::fromUtf8(clone.value(it.key()).left(800))
                    + QStringLiteral("\n--- export:\n") + QString::fromUtf8(it.value().left(800));
            }
        }
        return {};
    }

    /// `git fsck --strict` on the bare repository.
    bool fsckClean()
    {
        return !run(
            QStringLiteral("git"), {QStringLiteral("-C"), bare(), QStringLiteral("fsck"), QStringLiteral("--strict")})
                    .isNull();
    }

private:
    int m_clones = 0;
};

} // namespace Notechondria::Test
