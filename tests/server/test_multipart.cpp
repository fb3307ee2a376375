// SPDX-License-Identifier: GPL-3.0-or-later
#include "multipart.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;

class TestMultipart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesFieldsAndFiles()
    {
        const QByteArray body
            = "--XyZ\r\n"
              "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
              "Hello\r\n"
              "--XyZ\r\n"
              "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\temp\\\\a\\\"b.png\"\r\n"
              "Content-Type: image/png\r\n\r\n"
              "\x89PNG\r\n--not-a-boundary\r\n"
              "--XyZ--\r\n";
        const auto parts = MultipartParser().parse("multipart/form-data; boundary=XyZ", body);
        QVERIFY2(parts, qPrintable(parts ? QString() : parts.error().message()));
        QCOMPARE(parts->size(), 2);
        QCOMPARE(parts->at(0).name, u"title"_s);
        QVERIFY(!parts->at(0).isFile);
        QCOMPARE(parts->at(0).body, "Hello");
        QCOMPARE(parts->at(1).fileName, u"a\"b.png"_s);
        QCOMPARE(parts->at(1).contentType, "image/png");
        QCOMPARE(parts->at(1).body, QByteArray("\x89PNG\r\n--not-a-boundary"));
    }

    void rejectsMalformedBodies_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QByteArray type = "multipart/form-data; boundary=b";
        QTest::newRow("no boundary") << QByteArray("multipart/form-data") << QByteArray("--b--") << 400;
        QTest::newRow("not multipart") << QByteArray("text/plain; boundary=b") << QByteArray("--b--") << 400;
        QTest::newRow("no opening") << type << QByteArray("garbage") << 400;
        QTest::newRow("no closing") << type << QByteArray("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx")
                                    << 400;
        QTest::newRow("no disposition") << type << QByteArray("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--")
                                        << 400;
        QTest::newRow("no name") << type << QByteArray("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--")
                                 << 400;
        QTest::newRow("header without colon") << type << QByteArray("--b\r\nbogus\r\n\r\nx\r\n--b--") << 400;
        QTest::newRow("field too large") << type
                                         << QByteArray("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
                                                + QByteArray(2000, 'x') + "\r\n--b--")
                                         << 413;
    }

    void rejectsMalformedBodies()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        MultipartLimits limits;
        limits.maxFieldBytes = 1000;
        const auto parts = MultipartParser(limits).parse(contentType, body);
        QVERIFY(!parts);
        QCOMPARE(parts.error().httpStatus, status);
        QVERIFY(parts.error().message().startsWith(u"Upload not accepted: Core.Server/multipart \u2014 "_s));
    }

    void limitsTheNumberOfParts()
    {
        QByteArray body;
        for (int i = 0; i < 5; ++i) {
            body += "--b\r\nContent-Disposition: form-data; name=\"f" + QByteArray::number(i) + "\"\r\n\r\nv\r\n";
        }
        body += "--b--\r\n";
        MultipartLimits limits;
        limits.maxParts = 4;
        QVERIFY(!MultipartParser(limits).parse("multipart/form-data; boundary=b", body));
        limits.maxParts = 5;
        QCOMPARE(MultipartParser(limits).parse("multipart/form-data; boundary=b", body)->size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestMultipart)
#include "test_multipart.moc"
