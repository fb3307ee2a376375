// SPDX-License-Identifier: GPL-3.0-or-later
// The settings page says so when no keychain answers: the real keychain store on a machine without a session bus.
#include "clock.h"
#include "fallbacksecretstore.h"
#include "keychainsecretstore.h"
#include "notechondriaclient.h"
#include "settingspage.h"

#include <QApplication>
#include <QCoroTask>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;

class TestSecretStoreBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theBannerSaysWhyAndHowToGetAKeychain()
    {
        QTemporaryDir dir;
        qunsetenv("DISPLAY");
        qputenv("DBUS_SESSION_BUS_ADDRESS", (u"unix:path="_s + dir.filePath(u"no-bus-here"_s)).toUtf8());
        const QString file = dir.filePath(u"secrets.json"_s);
        FallbackSecretStore secrets(std::make_unique<KeychainSecretStore>(u"Notechondria Desktop Test"_s),
            std::make_unique<FileSecretStore>(file));
        QNetworkAccessManager network;
        NotechondriaClient client(&network);
        SystemClock clock;
        SettingsPage page(&client, &secrets, &clock);
        page.show();
        auto *banner = page.findChild<QWidget *>(u"secretStoreBanner"_s);
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());

        QVERIFY(QCoro::waitFor(secrets.write(u"local-api-key"_s, u"value"_s)).has_value());
        QVERIFY(banner->isVisible());
        const QString text = page.findChild<QLabel *>(u"secretStoreBannerText"_s)->text();
        QVERIFY2(text.contains(file), qPrintable(text));
        QVERIFY2(text.contains(secrets.fallback()->reason), qPrintable(text));
        QVERIFY2(text.contains(u"gnome-keyring"_s) && text.contains(u"KWallet"_s), qPrintable(text));
    }
};

QTEST_MAIN(TestSecretStoreBanner)
#include "test_secretstorebanner.moc"
