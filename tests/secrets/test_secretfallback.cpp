// SPDX-License-Identifier: GPL-3.0-or-later
// The secret store on a machine without a keychain (no session bus: ssh, a server, a minimal window manager) and
// with one (tests/secrets/run-with-keyring.sh): the built CLI through QProcess with a scrubbed environment, and the
// store in this process.
#include "fallbacksecretstore.h"
#include "filesecretstore.h"
#include "keychainsecretstore.h"

#include <sys/stat.h>

#include <QCoroTask>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

const QString fallbackWarning = u"Secrets stored unencrypted: Core.Secrets/keychain_fallback \u2014 "_s;
const QRegularExpression apiKeyLine(u"^ntc_[0-9a-f]{32}\\n$"_s);

bool withKeyring()
{
    return !qEnvironmentVariableIsEmpty("NOTECHONDRIA_TEST_KEYRING");
}

int modeOf(const QString &path)
{
    struct stat info{};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// The environment of a user without a desktop session: no display, a session bus address that leads nowhere.
QProcessEnvironment noSessionBus(const QString &scratch)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"NOTECHONDRIA_SECRET_STORE"_s}) {
        env.remove(name);
    }
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + scratch + u"/no-bus-here"_s);
    return env;
}

Run runCli(const QProcessEnvironment &env, const QString &dataDir, const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY), QStringList{u"--data"_s, dataDir} + arguments);
    Run result;
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

} // namespace

class TestSecretFallback : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_scratch;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        if (!withKeyring()) {
            // This process, too, is on a machine without a session bus.
            qunsetenv("DISPLAY");
            qputenv("DBUS_SESSION_BUS_ADDRESS", (u"unix:path="_s + m_scratch.path() + u"/no-bus-here"_s).toUtf8());
        }
    }

    void cliApiKeyWorksWithoutASessionBusAndWarns()
    {
        if (withKeyring()) {
            QSKIP("the machine state here is 'no session bus'");
        }
        const QString data = m_scratch.filePath(u"cli-no-bus/data"_s);
        const Run first = runCli(noSessionBus(m_scratch.path()), data, {u"api-key"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(apiKeyLine.match(first.out).hasMatch(), qPrintable(first.out));
        QVERIFY2(first.err.contains(fallbackWarning), qPrintable(first.err));
        QVERIFY2(first.err.contains(u"gnome-keyring"_s) && first.err.contains(u"KWallet"_s), qPrintable(first.err));
        QVERIFY2(first.err.contains(QDir(data).filePath(u"secrets.json"_s)), qPrintable(first.err));
        QVERIFY(!first.err.contains(first.out.trimmed()));
        QCOMPARE(modeOf(QDir(data).filePath(u"secrets.json"_s)), 0600);
        QCOMPARE(modeOf(data), 0700);

        const Run second = runCli(noSessionBus(m_scratch.path()), data, {u"api-key"_s});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out, first.out);
    }

    void cliServeStartsWithoutASessionBus()
    {
        if (withKeyring()) {
            QSKIP("the machine state here is 'no session bus'");
        }
        QProcess serve;
        serve.setProcessEnvironment(noSessionBus(m_scratch.path()));
        serve.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            {u"--data"_s, m_scratch.filePath(u"serve-no-bus"_s), u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(serve.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(serve.canReadLine() || serve.state() == QProcess::NotRunning, 60'000);
        const QString url = QString::fromUtf8(serve.readLine()).trimmed();
        serve.terminate();
        QVERIFY(serve.waitForFinished(30'000));
        const QString err = QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s), qPrintable(err));
        QVERIFY2(serve.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains(fallbackWarning), qPrintable(err));
        QVERIFY2(err.contains(u"(secrets: file (unencrypted))"_s), qPrintable(err));
    }

    void storeFallsBackOnceAndKeepsWorking()
    {
        if (withKeyring()) {
            QSKIP("the machine state here is 'no session bus'");
        }
        QTemporaryDir dir;
        const auto store = createSecretStore(dir.path());
        QSignalSpy fellBack(store.get(), &SecretStore::fellBack);
        QVERIFY(!store->fallback());
        QVERIFY(QCoro::waitFor(store->write(u"k"_s, u"v1"_s)).has_value());
        QVERIFY(QCoro::waitFor(store->write(u"k"_s, u"v2"_s)).has_value());
        QCOMPARE(*QCoro::waitFor(store->read(u"k"_s)).value(), u"v2"_s);
        QCOMPARE(fellBack.count(), 1);
        QVERIFY(store->fallback());
        QCOMPARE(store->fallback()->filePath, dir.filePath(u"secrets.json"_s));
        QVERIFY(!store->fallback()->reason.isEmpty());
        QCOMPARE(store->backendName(), u"file (unencrypted)"_s);
        QCOMPARE(modeOf(dir.filePath(u"secrets.json"_s)), 0600);
        QVERIFY(QCoro::waitFor(store->remove(u"k"_s)).has_value());
        QVERIFY(!QFile::exists(dir.filePath(u"secrets.json"_s)));
    }

    void aFolderAtTheSecretsPathIsNamedWithItsCause()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"secrets.json"_s);
        QVERIFY(QDir().mkpath(path));
        FileSecretStore store(path);
        const auto result = QCoro::waitFor(store.read(u"k"_s));
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().message(),
            u"Cannot read a secret: Core.Secrets/file_store \u2014 %1 is a folder, not the secrets file"_s.arg(path));
        QVERIFY(!QCoro::waitFor(store.write(u"k"_s, u"v"_s)).has_value());
    }

    void invalidBytesInTheSecretsFileAreNamedWithoutTheirContent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"secrets.json"_s);
        writeFile(path, "\xff\xfe{\"local-api-key\": \"ntc_0123456789abcdef0123456789abcdef\"");
        FileSecretStore store(path);
        const auto result = QCoro::waitFor(store.read(u"k"_s));
        QVERIFY(!result.has_value());
        const QString message = result.error().message();
        QVERIFY2(message.startsWith(
                     u"Cannot read a secret: Core.Secrets/file_store \u2014 %1 is not a JSON object"_s.arg(path)),
            qPrintable(message));
        QVERIFY(!message.contains(u"ntc_"_s));
    }

    void cliNamesAnUnreadableSecretsFile()
    {
        if (withKeyring()) {
            QSKIP("the machine state here is 'no session bus'");
        }
        const QString data = m_scratch.filePath(u"cli-folder"_s);
        QVERIFY(QDir().mkpath(data + u"/secrets.json"_s));
        const Run run = runCli(noSessionBus(m_scratch.path()), data, {u"api-key"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(u"Local API key not available: Core.Secrets/file_store \u2014 %1 is a folder"_s.arg(
                     QDir(data).filePath(u"secrets.json"_s))),
            qPrintable(run.err));
    }

    // These two run for real in the ctest entry test_secretfallback_keychain (run-with-keyring.sh).
    void cliUsesTheKeychainWithoutWarning()
    {
        if (!withKeyring()) {
            QSKIP("runs under run-with-keyring.sh (ctest: test_secretfallback_keychain)");
        }
        const QString data = m_scratch.filePath(u"cli-keychain"_s);
        const Run run = runCli(QProcessEnvironment::systemEnvironment(), data, {u"api-key"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(apiKeyLine.match(run.out).hasMatch(), qPrintable(run.out));
        QVERIFY2(!run.err.contains(fallbackWarning), qPrintable(run.err));
        QVERIFY(!QFile::exists(QDir(data).filePath(u"secrets.json"_s)));
        QCOMPARE(runCli(QProcessEnvironment::systemEnvironment(), data, {u"api-key"_s}).out, run.out);
    }

    void secretsInTheFileMoveIntoTheKeychain()
    {
        if (!withKeyring()) {
            QSKIP("runs under run-with-keyring.sh (ctest: test_secretfallback_keychain)");
        }
        // A run without a keychain left the key in the file; now the keychain answers (and holds no key yet).
        KeychainSecretStore keychain;
        QVERIFY(QCoro::waitFor(keychain.remove(u"local-api-key"_s)).has_value());
        const QString data = m_scratch.filePath(u"cli-move"_s);
        const Run before = runCli(noSessionBus(m_scratch.path()), data, {u"api-key"_s});
        QVERIFY2(before.exitCode == 0 && before.err.contains(fallbackWarning), qPrintable(before.err));
        QVERIFY(QFile::exists(QDir(data).filePath(u"secrets.json"_s)));

        const Run after = runCli(QProcessEnvironment::systemEnvironment(), data, {u"api-key"_s});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QCOMPARE(after.out, before.out);
        QVERIFY2(!after.err.contains(fallbackWarning), qPrintable(after.err));
        QVERIFY(!QFile::exists(QDir(data).filePath(u"secrets.json"_s)));
        QCOMPARE(runCli(QProcessEnvironment::systemEnvironment(), data, {u"api-key"_s}).out, before.out);

        QCOMPARE(QCoro::waitFor(keychain.read(u"local-api-key"_s)).value().value_or(QString()) + u"\n"_s, before.out);
    }
};

QTEST_GUILESS_MAIN(TestSecretFallback)
#include "test_secretfallback.moc"
