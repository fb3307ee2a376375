// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Notechondria {

void installTranslators(QCoreApplication &app)
{
    const QLocale locale;
    // Parented to the application: they live exactly as long as the texts they translate.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }
    auto *ownTranslator = new QTranslator(&app);
    if (ownTranslator->load(locale, u"notechondria"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(ownTranslator);
    }
}

} // namespace Notechondria
