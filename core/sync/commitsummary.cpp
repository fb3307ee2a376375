// SPDX-License-Identifier: GPL-3.0-or-later
#include "commitsummary.h"

#include "backuphistory.h"
#include "store.h"
#include "syncstate.h"

#include <QMap>
#include <QRegularExpression>
#include <QSysInfo>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

enum class Kind { Added, Changed, Deleted };

/// The item a path belongs to: "note:<hex>", "course:<slug>", "planner", "feeds", "profile"; "" for the files that
/// describe the backup itself (manifest, checksums, recycle bin, README).
struct ItemPath
{
    QString key;
    bool primary = false; ///< the file whose fate is the item's (a note's .md, a course's .json)
};

ItemPath itemOf(const QString &path)
{
    static const QRegularExpression note(u"^(?:assets/)?notes/([0-9a-f]{32})(\\.md|\\.meta\\.json|/.*)$"_s);
    if (const auto match = note.match(path); match.hasMatch()) {
        return {u"note:"_s + match.captured(1), match.captured(2) == u".md"_s};
    }
    if (path.startsWith(u"courses/"_s) && path.endsWith(u".json"_s)) {
        return {u"course:"_s + path.mid(8).chopped(5), true};
    }
    if (path == u"planner/events.json"_s) {
        return {u"planner"_s, true};
    }
    if (path == u"planner/feeds.json"_s) {
        return {u"feeds"_s, true};
    }
    if (path.startsWith(u"profile/"_s) || path.startsWith(u"assets/avatar"_s)) {
        return {u"profile"_s, path == u"profile/creator.json"_s};
    }
    return {};
}

QString oneLine(QString text)
{
    text.replace(QRegularExpression(u"[\\x00-\\x1f\\x7f\\x{2028}\\x{2029}]+"_s), u" "_s);
    text = text.simplified();
    return text.size() > 100 ? text.left(99) + u'…' : text;
}

/// The words for an item: its title and how the line names it.
std::pair<QString, QString> describe(const QString &key, const Store &store)
{
    if (key.startsWith(u"note:"_s)) {
        const QString hex = key.mid(5);
        const auto note = store.noteByUuid(BackupHistory::parseUuid(hex));
        const QString title
            = note && *note && !(*note)->title.trimmed().isEmpty() ? oneLine((*note)->title) : u"note "_s + hex.left(8);
        return {title, u"note “%1”"_s.arg(title)};
    }
    if (key.startsWith(u"course:"_s)) {
        const QString slug = key.mid(7);
        const auto course = store.courseBySlug(slug);
        const QString title
            = course && *course && !(*course)->title.trimmed().isEmpty() ? oneLine((*course)->title) : slug;
        return {title, u"course “%1”"_s.arg(title)};
    }
    if (key == u"planner"_s) {
        return {u"planner events"_s, u"the planner events"_s};
    }
    if (key == u"feeds"_s) {
        return {u"calendar feeds"_s, u"the calendar feeds"_s};
    }
    return {u"profile"_s, u"the profile"_s};
}

const QString kSubject = u"Notechondria backup"_s;

} // namespace

QString deviceName()
{
    if (const QString named = oneLine(qEnvironmentVariable("NOTECHONDRIA_DEVICE_NAME")); !named.isEmpty()) {
        return named;
    }
    if (const QString host = oneLine(QSysInfo::machineHostName()); !host.isEmpty()) {
        return host;
    }
    return u"this computer"_s;
}

QString CommitSummary::message() const
{
    QString text
        = u"%1 from %2: %3 added, %4 changed, %5 deleted"_s.arg(kSubject, device).arg(added).arg(changed).arg(deleted);
    if (!lines.isEmpty()) {
        text += u"\n\n"_s + lines.join(u'\n');
        if (const int more = added + changed + deleted - int(lines.size()); more > 0) {
            text += u"\n…and %1 more"_s.arg(more);
        }
    }
    return text + u"\n\nDevice: "_s + device + u'\n';
}

CommitSummary CommitSummary::parse(const QString &message)
{
    CommitSummary summary;
    const QStringList lines = message.split(u'\n');
    static const QRegularExpression subject(
        u"^Notechondria backup(?: from (.*))?: (\\d+) added, (\\d+) changed, (\\d+) deleted$"_s);
    static const QRegularExpression line(u"^(?:Added|Changed|Deleted) (?:(?:note|course) “(.*)”|the (.*))$"_s);
    static const QRegularExpression trailer(u"^Device: (.+)$"_s);
    const auto head = subject.match(lines.value(0).trimmed());
    if (!head.hasMatch()) {
        summary.titles.append(oneLine(lines.value(0)));
        return summary;
    }
    summary.fromNotechondria = true;
    summary.device = head.captured(1);
    summary.added = head.captured(2).toInt();
    summary.changed = head.captured(3).toInt();
    summary.deleted = head.captured(4).toInt();
    for (const QString &text : lines.mid(1)) {
        if (const auto item = line.match(text); item.hasMatch()) {
            summary.lines.append(text);
            summary.titles.append(item.captured(1).isEmpty() ? item.captured(2) : item.captured(1));
        } else if (const auto device = trailer.match(text); device.hasMatch()) {
            summary.device = device.captured(1).trimmed();
        }
    }
    return summary;
}

CommitSummary CommitSummary::of(const PublishPlan &publish, const Store &store, const QString &device)
{
    // Per item: the fate of its primary file when that was sent, else "changed" (a new cover changes its note).
    QMap<QString, std::optional<Kind>> items;
    const auto note = [&items](const QString &path, Kind kind) {
        const ItemPath item = itemOf(path);
        if (item.key.isEmpty()) {
            return;
        }
        std::optional<Kind> &fate = items[item.key];
        if (item.primary) {
            fate = kind;
        }
    };
    for (const QString &path : publish.upload) {
        note(path, publish.created.contains(path) ? Kind::Added : Kind::Changed);
    }
    for (const QString &path : publish.remove) {
        note(path, Kind::Deleted);
    }
    CommitSummary summary;
    summary.device = device;
    for (auto it = items.cbegin(); it != items.cend(); ++it) {
        const Kind kind = it.value().value_or(Kind::Changed);
        int &count = kind == Kind::Added ? summary.added : kind == Kind::Changed ? summary.changed : summary.deleted;
        ++count;
        if (summary.lines.size() < maxTitles) {
            const auto [title, words] = describe(it.key(), store);
            const QString verb = kind == Kind::Added ? u"Added"_s : kind == Kind::Changed ? u"Changed"_s : u"Deleted"_s;
            summary.lines.append(verb + u' ' + words);
            summary.titles.append(title);
        }
    }
    return summary;
}

} // namespace Notechondria
