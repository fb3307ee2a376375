// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Local server clicked offscreen against the real local server (real SQLite, real HTTP on loopback): no
// password at first, two different passwords are refused, a short one is refused in the server's words, a good one is
// set (the store keeps an Argon2id hash, the fields are cleared, login works with it), and Remove takes it away.
#include "localpasswordsection.h"
#include "localserverfixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestLocalPasswordSection : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalServerFixture> m_app;

    static void type(LocalPasswordSection &section, const QString &password, const QString &repeat)
    {
        section.findChild<QLineEdit *>(u"localPasswordEdit"_s)->setText(password);
        section.findChild<QLineEdit *>(u"localPasswordRepeatEdit"_s)->setText(repeat);
    }

    static QString status(const LocalPasswordSection &section)
    {
        return section.findChild<QLabel *>(u"localPasswordStatusLabel"_s)->text();
    }

    int loginStatus(const QString &password)
    {
        return m_app
            ->call("POST", u"/auth/login/"_s, json({{u"email"_s, u"ada"_s}, {u"password"_s, password}}),
                "application/json", QByteArray())
            .status;
    }

private Q_SLOTS:
    void init()
    {
        m_app = std::make_unique<LocalServerFixture>();
        auto options = LocalServerFixture::offline(nullptr);
        options.client = true;
        QVERIFY2(m_app->setUp(options), qPrintable(m_app->problem));
        Profile profile;
        profile.username = u"ada"_s;
        profile.email = u"ada@example.org"_s;
        QVERIFY(m_app->store->saveProfile(profile));
    }

    void cleanup() { m_app.reset(); }

    void setsAndRemovesThePasswordThroughTheLocalServer()
    {
        LocalPasswordSection section(m_app->client.get());
        QSignalSpy changed(&section, &LocalPasswordSection::stateChanged);
        QSignalSpy failed(&section, &LocalPasswordSection::failed);
        section.show();
        section.refresh();
        QVERIFY(changed.wait(30000));
        QCOMPARE(changed.takeLast().at(0).toBool(), false);
        QCOMPARE(status(section), u"No password is set: the apps cannot sign in yet."_s);
        auto *set = section.findChild<QPushButton *>(u"setLocalPasswordButton"_s);
        auto *remove = section.findChild<QPushButton *>(u"removeLocalPasswordButton"_s);
        QVERIFY(!set->isEnabled() && !remove->isEnabled());

        type(section, u"correct horse"_s, u"correct horsf"_s);
        QTest::mouseClick(set, Qt::LeftButton);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(status(section), u"The two passwords differ; type the same one twice."_s);

        type(section, u"short"_s, u"short"_s);
        QTest::mouseClick(set, Qt::LeftButton);
        QVERIFY(failed.wait(30000));
        QVERIFY2(status(section).contains(u"it needs at least 8"_s), qPrintable(status(section)));
        QVERIFY(!m_app->store->localPassword().value().has_value());

        type(section, u"correct horse"_s, u"correct horse"_s);
        QTest::mouseClick(set, Qt::LeftButton);
        QVERIFY(changed.wait(30000));
        QCOMPARE(changed.takeLast().at(0).toBool(), true);
        QCOMPARE(status(section), u"A password is set: the apps sign in as ada or ada@example.org with it."_s);
        QVERIFY(section.findChild<QLineEdit *>(u"localPasswordEdit"_s)->text().isEmpty());
        QVERIFY(m_app->store->localPassword().value()->hash.startsWith(u"$argon2id$"_s));
        QCOMPARE(loginStatus(u"correct horse"_s), 200);
        QVERIFY(remove->isEnabled());

        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(changed.wait(30000));
        QCOMPARE(changed.takeLast().at(0).toBool(), false);
        QVERIFY(!m_app->store->localPassword().value().has_value());
        QCOMPARE(loginStatus(u"correct horse"_s), 400);
    }
};

QTEST_MAIN(TestLocalPasswordSection)
#include "test_localpasswordsection.moc"
