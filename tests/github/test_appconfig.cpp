// SPDX-License-Identifier: GPL-3.0-or-later
// An App private key file that cannot be used is named, with its cause — never "not configured".
#include "appconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;

class TestAppConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString validationWithKeyFile(const QString &path)
    {
        qunsetenv("GITHUB_DATA_SYNC_APP_PRIVATE_KEY");
        qputenv("GITHUB_DATA_SYNC_APP_CLIENT_ID", "Iv1.test");
        qputenv("GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE", path.toUtf8());
        const auto valid = AppConfig::fromEnvironment().validateForSigning();
        qunsetenv("GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE");
        return valid ? QString() : valid.error().message();
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            qFatal("cannot write the test file");
        }
        return path;
    }

private Q_SLOTS:
    void aFolderAtTheKeyFilePathIsNamed()
    {
        const QString path = m_dir.filePath(u"app.pem"_s);
        QVERIFY(QDir().mkpath(path));
        QCOMPARE(validationWithKeyFile(path),
            u"GitHub sync unavailable: Core.GitHub/app_jwt \u2014 cannot use the App private key file %1 "
            u"(GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE): it is a folder, not a file"_s.arg(path));
    }

    void aMissingKeyFileIsNamedWithTheSystemError()
    {
        const QString message = validationWithKeyFile(m_dir.filePath(u"missing.pem"_s));
        QVERIFY2(message.contains(m_dir.filePath(u"missing.pem"_s)) && message.contains(u"No such file"_s),
            qPrintable(message));
        QVERIFY(!message.contains(u"not configured"_s));
    }

    void invalidBytesInTheKeyFileAreNamed()
    {
        const QString path = writeFile(u"garbage.pem"_s, QByteArray("\xff\xfe\x00\x01 not a key", 15));
        const QString message = validationWithKeyFile(path);
        QVERIFY2(message.contains(path) && message.contains(u"invalid UTF-8"_s), qPrintable(message));
    }

    void aTextFileThatIsNoKeyIsNamed()
    {
        const QString path = writeFile(u"text.pem"_s, "hello\n");
        const QString message = validationWithKeyFile(path);
        QVERIFY2(message.startsWith(u"GitHub sync unavailable: Core.GitHub/app_jwt \u2014 cannot use the App private "
                                    u"key file %1 (GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE): "_s.arg(path)),
            qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestAppConfig)
#include "test_appconfig.moc"
