// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace Notechondria {

/**
 * Installs the translators for the system locale (LANG/LC_ALL): Qt's own qtbase catalog from
 * QLibraryInfo::TranslationsPath and ours, embedded under :/i18n (notechondria_<locale>.qm).
 * Call it right after the application object is created, before any translated text is built.
 * A locale without a catalog (English, or one we do not ship) leaves the source texts in place.
 */
void installTranslators(QCoreApplication &app);

} // namespace Notechondria
