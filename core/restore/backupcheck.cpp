// SPDX-License-Identifier: GPL-3.0-or-later
#include "backupcheck.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString consequence = u"Restore refused, nothing was changed"_s;
const QString module = u"Core.Restore/check_backup"_s;

bool hasAccountData(const AccountSnapshot &account)
{
    const Profile &profile = account.profile;
    const bool profileRead = !profile.username.isEmpty() || !profile.email.isEmpty() || !profile.displayName.isEmpty()
        || profile.dateJoined.has_value() || !profile.mcpSkillMd.isEmpty() || !profile.appSettingsJson.isEmpty();
    return profileRead || !account.courses.isEmpty() || !account.notes.isEmpty() || !account.events.isEmpty()
        || !account.feeds.isEmpty();
}

/// The cause of a manifest.json that exists but could not be read, from the reader's problem report.
QString manifestProblem(const Backup &backup)
{
    for (const BackupProblem &problem : backup.problems) {
        if (problem.path == u"manifest.json"_s) {
            const qsizetype dash = problem.message.indexOf(u" \u2014 "_s);
            return dash < 0 ? problem.message : problem.message.mid(dash + 3);
        }
    }
    return {};
}

} // namespace

bool isKnownBackupSchema(int schemaVersion)
{
    return schemaVersion >= 1 && schemaVersion <= 3;
}

Result<void> checkIsBackup(const Backup &backup, const QString &sourceName)
{
    const QString notABackup = u"%1 is not a Notechondria backup: "_s.arg(sourceName);
    const QString hint = u" Choose a clone or an export of your backup repository."_s;
    if (!backup.hasManifest) {
        const QString unreadable = manifestProblem(backup);
        return fail(consequence, module,
            notABackup
                + (unreadable.isEmpty() ? u"it has no manifest.json."_s
                                        : u"its manifest.json cannot be read (%1)."_s.arg(unreadable))
                + hint,
            400);
    }
    if (!isKnownBackupSchema(backup.schemaVersion)) {
        return fail(consequence, module,
            backup.schemaVersion > 3
                ? u"%1 was written by a newer version (backup schema %2); this version reads schemas 1 to 3. Update "
                  "Notechondria Desktop to restore it."_s.arg(sourceName)
                      .arg(backup.schemaVersion)
                : notABackup + u"its manifest.json has no known schema_version (1, 2 or 3)."_s + hint,
            400);
    }
    if (!hasAccountData(backup.account)) {
        return fail(consequence, module,
            notABackup + u"it has a manifest but no account files (profile, courses, notes, planner)."_s + hint, 400);
    }
    return {};
}

} // namespace Notechondria
