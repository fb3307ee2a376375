// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileRecords: the one profile row and its avatar file.
#include "profilerecords.h"
#include "storepartfixture.h"

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::StorePartFixture;

class TestProfileRecords : public QObject
{
    Q_OBJECT

private:
    Files m_files;
    Fresh<ProfileRecords> m_records;

    static Profile profileNamed(const QString &username)
    {
        Profile p;
        p.username = username;
        p.displayName = u"Ada Lovelace"_s;
        p.isActive = true;
        p.dateJoined = start;
        p.appSettingsJson = u"{\"theme\": \"dark\"}"_s;
        return p;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }
    void init() { QVERIFY(m_records.open(m_files)); }

    void anEmptyStoreHasADefaultProfile()
    {
        const auto profile = m_records->profile();
        QVERIFY(profile);
        QCOMPARE(profile->username, QString());
        QVERIFY(profile->avatar.isEmpty());
        QCOMPARE(scalar(m_records.context(), u"SELECT count(*) FROM profile"_s), 0);
    }

    void savingTwiceUpdatesTheOneRow()
    {
        QVERIFY(m_records->saveProfile(profileNamed(u"ada"_s)));
        Profile changed = profileNamed(u"ada2"_s);
        changed.lastLogin = start.addDays(1);
        QVERIFY(m_records->saveProfile(changed));
        QCOMPARE(scalar(m_records.context(), u"SELECT count(*) FROM profile"_s), 1);
        const auto profile = m_records->profile();
        QVERIFY(profile);
        QCOMPARE(profile->username, u"ada2"_s);
        QCOMPARE(profile->displayName, u"Ada Lovelace"_s);
        QVERIFY(profile->isActive);
        QCOMPARE(profile->dateJoined, std::optional<QDateTime>(start));
        QCOMPARE(profile->lastLogin, std::optional<QDateTime>(start.addDays(1)));
        QCOMPARE(profile->appSettingsJson, u"{\"theme\": \"dark\"}"_s);
    }

    void anAvatarCreatesTheRowAndReplacesTheOldFile()
    {
        const StoredFile first{u"me.png"_s, u"image/png"_s, QByteArray("\x89PNG first", 10)};
        QVERIFY(m_records->setAvatar(first));
        QCOMPARE(scalar(m_records.context(), u"SELECT count(*) FROM profile"_s), 1);
        QCOMPARE(m_records->profile()->avatar.bytes, first.bytes);

        const StoredFile second{u"me2.jpg"_s, u"image/jpeg"_s, QByteArray("jpeg")};
        QVERIFY(m_records->setAvatar(second));
        const auto profile = m_records->profile();
        QCOMPARE(profile->avatar.fileName, u"me2.jpg"_s);
        QCOMPARE(profile->avatar.contentType, u"image/jpeg"_s);
        QCOMPARE(profile->avatar.bytes, QByteArray("jpeg"));
        QCOMPARE(scalar(m_records.context(), u"SELECT count(*) FROM files"_s), 1);

        QVERIFY(m_records->setAvatar(StoredFile{}));
        QVERIFY(m_records->profile()->avatar.isEmpty());
        QCOMPARE(scalar(m_records.context(), u"SELECT count(*) FROM files"_s), 0);
    }

    void savingTheProfileKeepsTheAvatar()
    {
        QVERIFY(m_records->setAvatar(StoredFile{u"me.png"_s, u"image/png"_s, QByteArray("png")}));
        QVERIFY(m_records->saveProfile(profileNamed(u"ada"_s)));
        const auto profile = m_records->profile();
        QCOMPARE(profile->username, u"ada"_s);
        QCOMPARE(profile->avatar.bytes, QByteArray("png"));
    }
};

QTEST_GUILESS_MAIN(TestProfileRecords)
#include "test_profilerecords.moc"
