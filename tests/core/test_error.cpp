// SPDX-License-Identifier: GPL-3.0-or-later
#include "error.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;

class TestError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageHasThreeParts()
    {
        const Error error{u"GitHub sync rejected"_s, u"Core.GitHub/refresh_token"_s, u"GitHub returned 401."_s};
        QCOMPARE(error.message(), u"GitHub sync rejected: Core.GitHub/refresh_token \u2014 GitHub returned 401."_s);
    }

    void parsesAShapedMessageBack()
    {
        const Error error = Error::fromMessage(u"A: B/c \u2014 d e"_s, u"X"_s, u"Y/z"_s);
        QCOMPARE(error.consequence, u"A"_s);
        QCOMPARE(error.module, u"B/c"_s);
        QCOMPARE(error.cause, u"d e"_s);
        const Error bare = Error::fromMessage(u"plain"_s, u"X"_s, u"Y/z"_s);
        QCOMPARE(bare.message(), u"X: Y/z \u2014 plain"_s);
    }

    void redactsSecrets_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");
        QTest::newRow("installation token") << u"token ghs_0123456789abcdefABCDEF0123 end"_s << u"ghs_0123456789"_s;
        QTest::newRow("api key") << u"key ntc_0123456789abcdef0123456789abcdef!"_s << u"ntc_0123"_s;
        QTest::newRow("jwt") << u"jwt eyJhbGciOiJSUzI1NiJ9.eyJpYXQiOjF9.c2lnbmF0dXJl"_s << u"eyJhbGci"_s;
        QTest::newRow("api key glued to a path")
            << u"GET /api/v1/x_ntc_0123456789abcdef0123456789abcdefabc/"_s << u"0123456789abcdef0123"_s;
        QTest::newRow("token glued to text") << u"id=xghs_0123456789abcdefABCDEF0123"_s << u"0123456789abcdef"_s;
        QTest::newRow("bearer") << u"Authorization: Bearer abc.def-123"_s << u"abc.def-123"_s;
        QTest::newRow("pem") << u"-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"_s
                             << u"MIIEow"_s;
    }

    void redactsSecrets()
    {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        const QString out = redactSecrets(input);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(u"[redacted]"_s));
    }

    void theKeyHintIsNotASecret()
    {
        const QString hint = u"no API key sent (send Authorization: Bearer ntc_\u2026)."_s;
        QCOMPARE(redactSecrets(hint), hint);
    }

    void excerptIsCutTo200BytesOnACharacterBoundary()
    {
        const QByteArray body = QByteArray(199, 'a') + QStringLiteral("\u00e9\u00e9").toUtf8();
        const QString cut = excerpt(body);
        QCOMPARE(cut, QString(199, u'a'));
        QCOMPARE(excerpt("  two\n lines "), u"two lines"_s);
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "test_error.moc"
