// SPDX-License-Identifier: GPL-3.0-or-later
#include "appconfig.h"
#include "jwtsigner.h"
#include "keyfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;

class TestJwtSigner : public QObject
{
    Q_OBJECT

private:
    Test::KeyFixture m_keys;
    QByteArray m_pkcs1;
    QByteArray m_pkcs8;

    /// Verifies a JWT's RS256 signature with the openssl CLI (an implementation independent of QCA).
    bool opensslVerifies(const QByteArray &jwt, const QString &publicKey)
    {
        const QList<QByteArray> parts = jwt.split('.');
        if (parts.size() != 3) {
            return false;
        }
        const QByteArray signature
            = QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        return m_keys.write(u"input.txt"_s, parts[0] + '.' + parts[1]) && m_keys.write(u"sig.bin"_s, signature)
            && m_keys.openssl(
                {u"dgst"_s, u"-sha256"_s, u"-verify"_s, publicKey, u"-signature"_s, u"sig.bin"_s, u"input.txt"_s});
    }

    static QJsonObject part(const QByteArray &jwt, int index)
    {
        return QJsonDocument::fromJson(QByteArray::fromBase64(jwt.split('.').value(index),
                                           QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors))
            .object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid());
        QVERIFY(m_keys.makeRsaKey(u"app"_s));
        m_pkcs1 = m_keys.read(u"app.pkcs1.pem"_s);
        m_pkcs8 = m_keys.read(u"app.pkcs8.pem"_s);
        QVERIFY(m_pkcs1.contains("BEGIN RSA PRIVATE KEY"));
        QVERIFY(m_pkcs8.contains("BEGIN PRIVATE KEY"));
    }

    void signsAJwtOpensslVerifies_data()
    {
        QTest::addColumn<QByteArray>("pem");
        QTest::newRow("pkcs1") << m_pkcs1;
        QTest::newRow("pkcs8") << m_pkcs8;
        QByteArray oneLine = m_pkcs1.trimmed();
        oneLine.replace("\n", "\\n");
        QTest::newRow("pkcs1 one line with literal \\n") << oneLine;
        QByteArray oneLine8 = m_pkcs8.trimmed();
        oneLine8.replace("\n", "\\n");
        QTest::newRow("pkcs8 one line with literal \\n") << oneLine8;
        QByteArray crlf = m_pkcs8;
        crlf.replace("\n", "\r\n");
        QTest::newRow("crlf") << crlf;
        QTest::newRow("double quoted") << ('"' + oneLine + '"');
        QTest::newRow("single quoted with blanks") << ("  '" + m_pkcs1 + "'  \n\n");
        QTest::newRow("blank lines around") << ("\n\n" + m_pkcs8 + "\n\n   ");
    }

    void signsAJwtOpensslVerifies()
    {
        QFETCH(QByteArray, pem);
        const auto signer = JwtSigner::fromPem(pem);
        QVERIFY2(signer.has_value(), signer ? "" : qPrintable(signer.error().message()));
        QCOMPARE(signer->keyBits(), 2048);
        const QDateTime now = QDateTime(QDate(2026, 11, 24), QTime(5, 0), QTimeZone::UTC);
        const QByteArray jwt = signer->sign(u"Iv1.testclient"_s, now);
        QVERIFY(!jwt.contains('='));
        QVERIFY(opensslVerifies(jwt, m_keys.path(u"app.pub.pem"_s)));
        // Tampered claims fail the same check, so the check is real.
        QByteArray tampered = jwt;
        tampered[jwt.indexOf('.') + 3] = tampered[jwt.indexOf('.') + 3] == 'A' ? 'B' : 'A';
        QVERIFY(!opensslVerifies(tampered, m_keys.path(u"app.pub.pem"_s)));
    }

    void jwtCarriesRs256HeaderAndBackdatedNineMinuteClaims()
    {
        const auto signer = JwtSigner::fromPem(m_pkcs8);
        QVERIFY(signer.has_value());
        const QDateTime now = QDateTime(QDate(2026, 11, 24), QTime(5, 0), QTimeZone::UTC);
        const QByteArray jwt = signer->sign(u"12345"_s, now);
        const QJsonObject header = part(jwt, 0);
        QCOMPARE(header.value(u"alg"_s).toString(), u"RS256"_s);
        QCOMPARE(header.value(u"typ"_s).toString(), u"JWT"_s);
        const QJsonObject claims = part(jwt, 1);
        QCOMPARE(claims.value(u"iat"_s).toInteger(), now.toSecsSinceEpoch() - 60);
        QCOMPARE(claims.value(u"exp"_s).toInteger(), now.toSecsSinceEpoch() + 540);
        QCOMPARE(claims.value(u"iss"_s).toString(), u"12345"_s);
    }

    void rejectsBadKeysWithoutEchoingThem_data()
    {
        QTest::addColumn<QByteArray>("pem");
        QTest::addColumn<QString>("cause");
        QVERIFY(m_keys.openssl({u"pkcs8"_s, u"-topk8"_s, u"-in"_s, u"app.pkcs8.pem"_s, u"-v2"_s, u"aes-256-cbc"_s,
            u"-passout"_s, u"pass:hunter2"_s, u"-out"_s, u"enc8.pem"_s}));
        QVERIFY(m_keys.openssl({u"rsa"_s, u"-in"_s, u"app.pkcs8.pem"_s, u"-aes256"_s, u"-traditional"_s, u"-passout"_s,
            u"pass:hunter2"_s, u"-out"_s, u"enc1.pem"_s}));
        QVERIFY(m_keys.openssl({u"genpkey"_s, u"-algorithm"_s, u"EC"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
            u"-out"_s, u"ec8.pem"_s}));
        QVERIFY(m_keys.openssl({u"ec"_s, u"-in"_s, u"ec8.pem"_s, u"-out"_s, u"ec1.pem"_s}));
        QVERIFY(m_keys.makeRsaKey(u"short"_s, 1024));

        QTest::newRow("empty") << QByteArray() << u"empty"_s;
        QTest::newRow("blanks and quotes") << QByteArray(" \"\" \n") << u"empty"_s;
        QTest::newRow("truncated (no END)") << m_pkcs1.left(m_pkcs1.size() / 2) << u"truncated"_s;
        QByteArray cut = m_pkcs8;
        cut.remove(200, 300);
        QTest::newRow("truncated body") << cut << u"cannot be read"_s;
        QTest::newRow("garbage") << QByteArray("this is not a key at all") << u"not in PEM format"_s;
        QTest::newRow("garbage between markers")
            << QByteArray("-----BEGIN RSA PRIVATE KEY-----\nAAAAnotbase64!!\n-----END RSA PRIVATE KEY-----\n")
            << u"cannot be read"_s;
        QTest::newRow("encrypted pkcs8") << m_keys.read(u"enc8.pem"_s) << u"encrypted"_s;
        QTest::newRow("encrypted pkcs1") << m_keys.read(u"enc1.pem"_s) << u"encrypted"_s;
        QTest::newRow("ec pkcs8") << m_keys.read(u"ec8.pem"_s) << u"not an RSA key"_s;
        QTest::newRow("ec sec1") << m_keys.read(u"ec1.pem"_s) << u"not an RSA key"_s;
        QTest::newRow("1024-bit rsa") << m_keys.read(u"short.pkcs1.pem"_s) << u"1024 bits"_s;
    }

    void rejectsBadKeysWithoutEchoingThem()
    {
        QFETCH(QByteArray, pem);
        QFETCH(QString, cause);
        const auto signer = JwtSigner::fromPem(pem);
        QVERIFY(!signer.has_value());
        const QString message = signer.error().message();
        QVERIFY2(message.startsWith(u"GitHub sync unavailable: Core.GitHub/app_jwt \u2014 "_s), qPrintable(message));
        QVERIFY2(message.contains(cause), qPrintable(message));
        QVERIFY(!message.contains(u"BEGIN"_s));
        for (const QByteArray &line : Test::KeyFixture::keyMaterial(pem)) {
            QVERIFY(!message.contains(QString::fromLatin1(line)));
        }
    }

    void configIssuerPrefersClientIdOverAppId()
    {
        AppConfig config;
        config.appId = u"12345"_s;
        QCOMPARE(config.issuer(), u"12345"_s);
        config.clientId = u"Iv1.abc"_s;
        QCOMPARE(config.issuer(), u"Iv1.abc"_s);
    }

    void configReadsTheEnvironmentAndTheKeyFile()
    {
        qputenv("GITHUB_DATA_SYNC_APP_NAME", "notechondria-data-sync");
        qputenv("GITHUB_DATA_SYNC_APP_ID", "777");
        qputenv("GITHUB_DATA_SYNC_APP_CLIENT_ID", "");
        qputenv("GITHUB_DATA_SYNC_APP_PRIVATE_KEY", "");
        qputenv("GITHUB_DATA_SYNC_APP_PRIVATE_KEY_FILE", m_keys.path(u"app.pkcs1.pem"_s).toUtf8());
        qputenv("GITHUB_API_URL", "http://127.0.0.1:9/api/v3");
        const AppConfig config = AppConfig::fromEnvironment();
        QCOMPARE(config.appName, u"notechondria-data-sync"_s);
        QCOMPARE(config.issuer(), u"777"_s);
        QCOMPARE(config.apiUrl, QUrl(u"http://127.0.0.1:9/api/v3"_s));
        QCOMPARE(config.privateKeyPem.toUtf8(), m_pkcs1);
        QVERIFY(config.validateForSigning().has_value());

        qputenv("GITHUB_API_URL", "");
        QCOMPARE(AppConfig::fromEnvironment().apiUrl, QUrl(u"https://api.github.com"_s));
    }

    void configValidationNamesTheMissingSetting()
    {
        AppConfig config;
        config.clientId = u"Iv1.abc"_s;
        auto result = config.validateForSigning();
        QVERIFY(!result);
        QVERIFY(result.error().cause.contains(u"GITHUB_DATA_SYNC_APP_PRIVATE_KEY"_s));
        config.clientId.clear();
        config.privateKeyPem = QString::fromLatin1(m_pkcs8);
        result = config.validateForSigning();
        QVERIFY(!result);
        QVERIFY(result.error().cause.contains(u"GITHUB_DATA_SYNC_APP_CLIENT_ID"_s));
        QVERIFY(
            !result.error().message().contains(QString::fromLatin1(Test::KeyFixture::keyMaterial(m_pkcs8).first())));
    }
};

QTEST_GUILESS_MAIN(TestJwtSigner)
#include "test_jwtsigner.moc"
