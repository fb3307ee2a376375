// SPDX-License-Identifier: GPL-3.0-or-later
// installTranslators() loads the embedded catalog of the locale, and leaves the source texts for a locale we do not
// ship.
#include "i18n.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace Notechondria;

class TestTranslators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        // Each case installs its own translators; drop those of the previous one.
        const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>();
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QLocale::setDefault(QLocale::c());
    }

    void germanLocaleTranslatesAppAndCli()
    {
        QLocale::setDefault(QLocale(u"de_DE"_s));
        installTranslators(*QCoreApplication::instance());
        QCOMPARE(QCoreApplication::translate("Notechondria::SyncCard", "GitHub Sync"), u"GitHub-Sync"_s);
        QCOMPARE(QCoreApplication::translate("notechondria-sync", "Command not run"), u"Befehl nicht ausgeführt"_s);
        QCOMPARE(QCoreApplication::translate("RelativeTime", "%1 minutes ago").arg(5), u"vor 5 Minuten"_s);
        // Numerus forms: German singular and plural.
        QCOMPARE(QCoreApplication::translate("Notechondria::RestoreDialog", "%n course(s).", nullptr, 1), u"1 Kurs."_s);
        QCOMPARE(
            QCoreApplication::translate("Notechondria::RestoreDialog", "%n course(s).", nullptr, 3), u"3 Kurse."_s);
    }

    void threePartMessagesKeepModuleIdAndEmDash()
    {
        QLocale::setDefault(QLocale(u"zh_CN"_s));
        installTranslators(*QCoreApplication::instance());
        const QString text = QCoreApplication::translate(
            "Notechondria::SyncCard", "Pushed to GitHub: Frontend.GithubSync/push — commit %1.");
        QVERIFY2(text.contains(u": Frontend.GithubSync/push \u2014 "_s), qPrintable(text));
        QCOMPARE(QCoreApplication::translate("Notechondria::SyncCard", "GitHub Sync"), u"GitHub 同步"_s);
    }

    void unshippedLocaleKeepsSourceTexts()
    {
        QLocale::setDefault(QLocale(u"fr_FR"_s));
        installTranslators(*QCoreApplication::instance());
        QCOMPARE(QCoreApplication::translate("Notechondria::SyncCard", "GitHub Sync"), u"GitHub Sync"_s);
    }
};

QTEST_GUILESS_MAIN(TestTranslators)
#include "test_translators.moc"
