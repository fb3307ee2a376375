// SPDX-License-Identifier: GPL-3.0-or-later
// "Create the GitHub App for me" (issue #15): the button asks the local server for the manifest page and opens it in
// the browser; the browser (a test browser over real HTTP) goes through the GitHub test server and back; the section
// then shows the new App and its stored key, and says the App config changed.
#include "githubappsection.h"
#include "localserverfixture.h"
#include "testbrowser.h"

#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestAppCreateButton : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    /// The "browser" QDesktopServices opens (registered for http).
    void openUrl(const QUrl &url) { m_opened.append(url); }

private:
    QTemporaryDir m_settingsDir;
    QList<QUrl> m_opened;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QDesktopServices::setUrlHandler(u"http"_s, this, "openUrl");
    }

    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(u"http"_s); }

    void createsTheAppAndFillsTheSection()
    {
        LocalServerFixture fx;
        LocalServerFixture::Options options;
        options.client = true;
        QVERIFY2(fx.setUp(options), qPrintable(fx.problem));
        GitHubAppSection section(&fx.secrets);
        section.setClient(fx.client.get());
        QObject::connect(fx.server.get(), &LocalServer::appCreated, &section,
            [&section](const QString &, const QString &slug, const QString &) { section.appCreated(slug); });
        QSignalSpy changed(&section, &GitHubAppSection::appConfigChanged);

        section.findChild<QPushButton *>(u"createAppButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 20000);
        QVERIFY(m_opened.constFirst().path().endsWith("/integrations/github/app-manifest/form/"_L1));

        TestBrowser browser;
        const BrowserHop last = browser.open(m_opened.constFirst());
        QCOMPARE(last.status, 200);
        QCOMPARE(fx.github.createdApps().size(), 1);
        const QString slug = fx.github.createdApps().constFirst();
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 20000);
        QCOMPARE(section.findChild<QLineEdit *>(u"appNameEdit"_s)->text(), fx.api->config().appName);
        QCOMPARE(section.findChild<QLineEdit *>(u"clientIdEdit"_s)->text(), fx.api->config().clientId);
        QVERIFY(section.findChild<QLineEdit *>(u"installUrlEdit"_s)
                ->text()
                .endsWith(u"/apps/%1/installations/new"_s.arg(slug)));
        QVERIFY(section.findChild<QLabel *>(u"createAppStateLabel"_s)->text().contains(slug));
        QTRY_VERIFY(section.findChild<QLabel *>(u"privateKeyStateLabel"_s)->text().contains("stored"_L1));
    }
};

QTEST_MAIN(TestAppCreateButton)
#include "test_appcreatebutton.moc"
