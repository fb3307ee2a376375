// SPDX-License-Identifier: GPL-3.0-or-later
// The local server's stable address on the settings page, clicked offscreen: the port set in the spin box is the
// one the next start listens on (the next free one when it is taken), the address is shown once the server runs,
// and Copy puts exactly that address on the clipboard — which then answers a real handshake.
#include "connectionsection.h"
#include "localserverfixture.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestLocalAddress : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(u"NotechondriaTest"_s);
        QCoreApplication::setApplicationName(u"test_localaddress"_s);
    }

    void theDefaultPortIs8765()
    {
        QSettings().remove(u"localServer/port"_s);
        QCOMPARE(ConnectionSection::localServerPort(), quint16(8765));
        ConnectionSection section(nullptr);
        QCOMPARE(section.findChild<QSpinBox *>(u"localServerPortSpin"_s)->value(), 8765);
        auto *copy = section.findChild<QPushButton *>(u"copyLocalServerAddressButton"_s);
        QVERIFY(copy && !copy->isEnabled()); // nothing to copy before the server runs
    }

    void thePortChosenIsTheNextStartsAndCopyGivesTheAddress()
    {
        // A port that is free, with its neighbour taken by something else, so the choice is visible.
        QTcpServer blocker;
        quint16 chosen = 0;
        for (quint16 candidate = 30'011; candidate < 50'000 && chosen == 0; candidate += 53) {
            QTcpServer probe;
            if (probe.listen(QHostAddress::LocalHost, candidate)) {
                chosen = candidate;
            }
        }
        QVERIFY(chosen != 0);
        {
            ConnectionSection section(nullptr);
            section.show();
            auto *spin = section.findChild<QSpinBox *>(u"localServerPortSpin"_s);
            spin->setValue(chosen);
            QCOMPARE(ConnectionSection::localServerPort(), chosen); // kept for the next start
        }
        ConnectionSection section(nullptr);
        QCOMPARE(section.findChild<QSpinBox *>(u"localServerPortSpin"_s)->value(), int(chosen));

        // The next start, as the desktop app does it: the setting's port, the next free one if taken.
        QVERIFY(blocker.listen(QHostAddress::LocalHost, chosen));
        LocalServerFixture fixture;
        QVERIFY2(fixture.setUp(LocalServerFixture::offline(nullptr)), qPrintable(fixture.problem));
        LocalServer server(fixture.store.get(), &fixture.secrets, nullptr, nullptr, fixture.clock);
        QVERIFY(QCoro::waitFor(server.start(QHostAddress::LocalHost, ConnectionSection::localServerPort(),
                                   LocalServer::PortChoice::NextFree))
                .has_value());
        QVERIFY(server.port() > chosen && server.port() <= chosen + LocalServer::portsTried);
        section.setLocalServerAddress(server.baseUrl());
        auto *address = section.findChild<QLineEdit *>(u"localServerAddressEdit"_s);
        QCOMPARE(address->text(), u"http://127.0.0.1:%1/api/v1"_s.arg(server.port()));
        QVERIFY(address->isReadOnly());

        QApplication::clipboard()->clear();
        auto *copy = section.findChild<QPushButton *>(u"copyLocalServerAddressButton"_s);
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied, address->text());
        QCOMPARE(copy->text(), u"Copied"_s);

        // What was copied is what an app would be given: its handshake answers.
        QNetworkAccessManager nam;
        const ServerAnswer handshake
            = LocalServerFixture::wait(nam.get(QNetworkRequest(QUrl(copied + u"/handshake/"_s))));
        QCOMPARE(handshake.status, 200);
        QCOMPARE(handshake.object().value(u"service"_s).toString(), u"notechondria-backend"_s);

        section.setLocalServerAddress({}); // the server stopped: nothing to copy
        QVERIFY(!copy->isEnabled());
        QVERIFY(address->text().isEmpty());
    }
};

QTEST_MAIN(TestLocalAddress)
#include "test_localaddress.moc"
