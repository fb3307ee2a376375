// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesecretstore.h"
#include "keychainsecretstore.h"
#include "secretstore.h"

#include <QCoroTask>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

void roundTrip(SecretStore &store, const QString &key)
{
    const auto missing = QCoro::waitFor(store.read(key));
    QVERIFY(missing.has_value());
    QVERIFY(!missing->has_value());
    QVERIFY(QCoro::waitFor(store.write(key, u"s3cr\u00e9t value"_s)).has_value());
    const auto found = QCoro::waitFor(store.read(key));
    QVERIFY(found.has_value() && found->has_value());
    QCOMPARE(**found, u"s3cr\u00e9t value"_s);
    QVERIFY(QCoro::waitFor(store.write(key, u"second"_s)).has_value());
    QCOMPARE(*QCoro::waitFor(store.read(key)).value(), u"second"_s);
    QVERIFY(QCoro::waitFor(store.remove(key)).has_value());
    QVERIFY(!QCoro::waitFor(store.read(key)).value().has_value());
    QVERIFY(QCoro::waitFor(store.remove(key)).has_value());
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryStoreRoundTrip()
    {
        MemorySecretStore store;
        roundTrip(store, u"k"_s);
    }

    void fileStoreRoundTripPersistsAndIsOwnerOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"secrets.json"_s);
        {
            FileSecretStore store(path);
            roundTrip(store, u"k"_s);
            QVERIFY(QCoro::waitFor(store.write(u"kept"_s, u"value"_s)).has_value());
        }
        QCOMPARE(
            QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        FileSecretStore reopened(path);
        QCOMPARE(*QCoro::waitFor(reopened.read(u"kept"_s)).value(), u"value"_s);
    }

    void fileStoreReportsACorruptFileWithoutItsContent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"secrets.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ntc_0123456789abcdef0123456789abcdef not json");
        file.close();
        FileSecretStore store(path);
        const auto result = QCoro::waitFor(store.read(u"k"_s));
        QVERIFY(!result.has_value());
        QVERIFY(result.error().message().startsWith(u"Cannot read a secret: Core.Secrets/file_store \u2014 "_s));
        QVERIFY(!result.error().message().contains(u"ntc_"_s));
    }

    void factoryHonoursTheForcedBackend()
    {
        QTemporaryDir dir;
        qputenv("NOTECHONDRIA_SECRET_STORE", "file");
        QCOMPARE(createSecretStore(dir.path())->backendName(), u"file (unencrypted)"_s);
        qputenv("NOTECHONDRIA_SECRET_STORE", "memory");
        QCOMPARE(createSecretStore(dir.path())->backendName(), u"memory"_s);
        qunsetenv("NOTECHONDRIA_SECRET_STORE");
    }

    // These two run for real in the ctest entry test_secrets_keychain (run-with-keyring.sh).
    void keychainRoundTrip()
    {
        if (qEnvironmentVariableIsEmpty("NOTECHONDRIA_TEST_KEYRING")) {
            QSKIP("runs under run-with-keyring.sh (ctest: test_secrets_keychain)");
        }
        QVERIFY(KeychainSecretStore::isAvailable());
        KeychainSecretStore store(u"Notechondria Desktop Test"_s);
        roundTrip(store, u"key-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

    void keychainMissingKeyIsEmpty()
    {
        if (qEnvironmentVariableIsEmpty("NOTECHONDRIA_TEST_KEYRING")) {
            QSKIP("runs under run-with-keyring.sh (ctest: test_secrets_keychain)");
        }
        KeychainSecretStore store(u"Notechondria Desktop Test"_s);
        const auto result = QCoro::waitFor(store.read(u"never-written"_s));
        QVERIFY2(result.has_value(), result ? "" : qPrintable(result.error().message()));
        QVERIFY(!result->has_value());
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "test_secrets.moc"
