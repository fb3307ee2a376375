// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodata.h"

#include "clock.h"
#include "logging.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QStringList &sentences()
{
    static const QStringList list = {
        u"The quick brown fox jumps over the lazy dog."_s,
        u"Eigenvalues describe how a linear map stretches space along its eigenvectors."_s,
        u"学习笔记：线性代数的基本概念与矩阵运算。"_s,
        u"日本語のテキスト、カタカナとひらがなを含むメモです。"_s,
        u"한국어 문장도 포함됩니다."_s,
        u"Emoji check 🚀✨📚🧪 👩\u200d🔬 🏳️\u200d🌈 and a flag 🇯🇵."_s,
        u"مرحبا بالعالم، هذه ملاحظة باللغة العربية."_s,
        u"שלום עולם, זו הערה בעברית."_s,
        u"Combining marks: e\u0301, n\u0303, a\u030a, Z\u0324\u0354\u0367\u0311."_s,
        u"Quotes \"double\" and 'single', a backslash \\ and a colon: here."_s,
        u"Ελληνικά: η γρήγορη καφέ αλεπού."_s,
        u"Кириллица: съешь же ещё этих мягких французских булок."_s,
        u"Photosynthesis converts light energy into chemical energy stored in glucose."_s,
        u"Remember: the derivative of sin(x) is cos(x)."_s,
        u"Tab\tseparated\tvalues and trailing spaces   "_s,
    };
    return list;
}

const QStringList &titleWords()
{
    static const QStringList list = {u"Lecture"_s, u"Notes"_s, u"Summary"_s, u"Exam"_s, u"Lab"_s, u"Week"_s, u"复习"_s,
        u"ノート"_s, u"Review"_s, u"Ideas"_s, u"📌"_s, u"Draft"_s, u"مراجعة"_s, u"Café"_s, u"Reading"_s, u"Problem"_s,
        u"Set"_s, u"Théorème"_s, u"Quiz"_s, u"Project"_s};
    return list;
}

const QStringList &courseTitles()
{
    static const QStringList list = {u"Linear Algebra"_s, u"Organic Chemistry"_s, u"World History"_s, u"数学分析"_s,
        u"Physics II"_s, u"Literature & Writing"_s, u"Biology"_s, u"Computer Science"_s, u"Économie"_s,
        u"Music Theory"_s, u"Statistics"_s, u"Philosophy"_s};
    return list;
}

class Generator
{
public:
    Generator(quint32 seed, QDateTime now)
        : m_rng(seed)
        , m_now(std::move(now))
    {
    }

    int bounded(int high) { return high <= 0 ? 0 : int(m_rng.bounded(quint32(high))); }
    bool chance(int percent) { return bounded(100) < percent; }
    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(bounded(int(list.size())));
    }

    /// A version-4 uuid from the generator (so the same seed gives the same uuids).
    QUuid uuid()
    {
        QByteArray bytes(16, '\0');
        for (int i = 0; i < 16; i += 4) {
            const quint32 word = m_rng.generate();
            memcpy(bytes.data() + i, &word, 4);
        }
        bytes[6] = char((bytes[6] & 0x0f) | 0x40);
        bytes[8] = char((bytes[8] & 0x3f) | 0x80);
        return QUuid::fromRfc4122(bytes);
    }

    QByteArray randomBytes(int size)
    {
        QByteArray bytes(size, '\0');
        for (int i = 0; i < size; i += 4) {
            const quint32 word = m_rng.generate();
            memcpy(bytes.data() + i, &word, std::min(4, size - i));
        }
        return bytes;
    }

    /// A time in the past year, on a whole millisecond.
    QDateTime pastTime(int maxDays = 365)
    {
        return m_now.addMSecs(-qint64(m_rng.bounded(quint32(maxDays) * 86400U)) * 1000 - bounded(1000));
    }

    QString title()
    {
        QStringList words;
        const int count = 1 + bounded(5);
        for (int i = 0; i < count; ++i) {
            words << pick(titleWords());
        }
        return words.join(u' ').left(100);
    }

    QString paragraph(int sentencesCount)
    {
        QStringList parts;
        for (int i = 0; i < sentencesCount; ++i) {
            parts << pick(sentences());
        }
        return parts.join(u' ');
    }

    QString content(int targetBytes)
    {
        QString text;
        int section = 1;
        while (text.toUtf8().size() < targetBytes) {
            switch (bounded(5)) {
            case 0:
                text += u"## Section %1\n\n"_s.arg(section++);
                break;
            case 1:
                text += u"- "_s + pick(sentences()) + u"\n- "_s + pick(sentences()) + u"\n\n"_s;
                break;
            case 2:
                text += u"```python\nprint(\"hello, %1\")\n```\n\n"_s.arg(bounded(1000));
                break;
            case 3:
                text += u"| a | b |\n|---|---|\n| %1 | %2 |\n\n"_s.arg(bounded(100)).arg(pick(titleWords()));
                break;
            default:
                text += paragraph(2 + bounded(4)) + u"\n\n"_s;
            }
        }
        return text;
    }

    QString customMeta()
    {
        switch (bounded(6)) {
        case 0:
            return QString();
        case 1:
            return u"{}"_s;
        case 2:
            return u"{\"tag\": \"demo\"}"_s;
        case 3: {
            QJsonObject meta{{u"title"_s, u"A custom title that must not win"_s}, {u"priority"_s, bounded(5)},
                {u"ratio"_s, 0.25 * bounded(8)}, {u"tags"_s, QJsonArray{u"alpha"_s, u"βeta"_s, u"标签"_s}},
                {u"nested"_s, QJsonObject{{u"k"_s, QJsonArray{1, QJsonObject{{u"x"_s, QJsonValue()}}}}}},
                {u"done"_s, chance(50)}};
            return QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact));
        }
        case 4: {
            QJsonObject meta{{u"uuid"_s, u"not-a-uuid"_s}, {u"is_public"_s, u"yes"_s},
                {u"course_slug"_s, u"../../etc"_s}, {u"quote"_s, u"she said \"hi\"\nand left"_s}};
            return QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact));
        }
        default: {
            QJsonObject meta{{u"source"_s, u"lecture"_s}, {u"page"_s, 1 + bounded(300)}, {u"emoji"_s, u"📎"_s}};
            return QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact));
        }
        }
    }

    QString metadataJson(const QString &content)
    {
        if (chance(30)) {
            return QString();
        }
        QJsonObject meta{
            {u"word_count"_s, int(content.split(u' ', Qt::SkipEmptyParts).size())}, {u"generator"_s, u"demo-data"_s}};
        return QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact));
    }

    const QDateTime &now() const { return m_now; }

private:
    QRandomGenerator m_rng;
    QDateTime m_now;
};

QString icalFor(const QString &title, const QDateTime &start)
{
    const QString stamp = start.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
    return u"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Notechondria//Demo//EN\r\nBEGIN:VEVENT\r\n"
           "UID:demo-%1@notechondria.invalid\r\nDTSTAMP:%2\r\nDTSTART:%2\r\nSUMMARY:%3\r\n"
           "RRULE:FREQ=WEEKLY;COUNT=10\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"_s.arg(stamp, stamp, title);
}

Result<void> ensureProfile(Store &store, Generator &gen)
{
    auto current = store.profile();
    if (!current) {
        return std::unexpected(current.error());
    }
    if (!current->username.isEmpty()) {
        return {};
    }
    Profile p;
    p.username = u"demo"_s;
    p.firstName = u"Démo"_s;
    p.lastName = u"User 学生"_s;
    p.email = u"demo@example.invalid"_s;
    p.displayName = u"Demo User 🎓"_s;
    p.motto = u"Learning every day — 毎日学ぶ"_s;
    p.socialLink = u"https://example.invalid/demo"_s;
    p.themePreset = u"ocean"_s;
    p.themeMode = u"D"_s;
    p.uncategorizedFolderName = u"Inbox"_s;
    p.lastSeenVersionsJson = u"{\"desktop\": \"0.2.0\"}"_s;
    p.dateJoined = gen.pastTime(900);
    p.lastLogin = gen.now();
    p.appSettingsJson = u"{\"editor\": {\"font_size\": 14, \"spellcheck\": true}, \"planner\": {\"week_start\": 1}}"_s;
    p.appSettingsUpdatedAt = gen.pastTime(30);
    p.mcpSkillMd = u"# Study assistant\n\nAnswer with short, sourced notes.\n"_s;
    p.imageUrl = u"/media/avatars/demo.png"_s;
    if (auto saved = store.saveProfile(p); !saved) {
        return saved;
    }
    return store.setAvatar(
        StoredFile{u"avatar.PNG"_s, u"image/png"_s, QByteArray("\x89PNG\r\n\x1a\n", 8) + gen.randomBytes(2048)});
}

Result<QList<qint64>> createCourses(Store &store, Generator &gen, int count, DemoSummary &summary)
{
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        Course c;
        const QString base = courseTitles().at(i % courseTitles().size());
        c.title = i < courseTitles().size() ? base : u"%1 %2"_s.arg(base).arg(i / courseTitles().size() + 1);
        c.clientCourseId = u"demo-course-%1"_s.arg(gen.uuid().toString(QUuid::WithoutBraces));
        c.description = gen.chance(70) ? gen.paragraph(1) : QString();
        c.icon = gen.chance(60) ? std::optional<int>(0x1F4D0 + gen.bounded(40)) : std::nullopt;
        c.sortOrder = i;
        c.dateCreated = gen.pastTime();
        c.lastEdit = c.dateCreated;
        auto saved = store.saveCourse(c);
        if (!saved) {
            return std::unexpected(saved.error());
        }
        ids << saved->id;
        ++summary.coursesCreated;
    }
    return ids;
}

Result<void> createNotes(
    Store &store, Generator &gen, const DemoOptions &options, const QList<qint64> &courseIds, DemoSummary &summary)
{
    QList<qint64> created;
    created.reserve(options.notes);
    for (int i = 0; i < options.notes; ++i) {
        Note n;
        n.uuid = gen.uuid();
        n.sharingId = gen.uuid();
        n.title = gen.title();
        if (i % 97 == 3) {
            n.content = QString(); // empty note
        } else if (i % 53 == 7) {
            n.content = gen.content(20 * 1024); // long note
        } else {
            n.content = gen.content(200 + gen.bounded(1800));
        }
        n.description = gen.chance(30) ? gen.paragraph(1).left(200) : QString();
        n.editorMode = gen.pick(QStringList{u"G"_s, u"G"_s, u"B"_s, u"P"_s});
        n.customMeta = gen.customMeta();
        n.metadataJson = gen.metadataJson(n.content);
        n.clientDraftId
            = gen.chance(20) ? std::optional<QString>(u"draft-"_s + gen.uuid().toString(QUuid::Id128)) : std::nullopt;
        n.courseId = gen.chance(85) && !courseIds.isEmpty() ? std::optional<qint64>(gen.pick(courseIds)) : std::nullopt;
        n.isPublic = gen.chance(15);
        n.dateCreated = gen.pastTime();
        n.lastEdit = std::min(gen.now(), n.dateCreated.addSecs(gen.bounded(30 * 86400)));
        if (!created.isEmpty() && gen.chance(5)) {
            n.noteType = u"C"_s;
        }
        auto saved = store.saveNote(n);
        if (!saved) {
            return std::unexpected(saved.error());
        }
        created << saved->id;
        if (i % 50 == 10) {
            const StoredFile cover{u"cover-%1.png"_s.arg(i), u"image/png"_s,
                QByteArray("\x89PNG\r\n\x1a\n", 8) + gen.randomBytes(512 + gen.bounded(4096))};
            if (auto done = store.setNoteCover(saved->id, cover); !done) {
                return done;
            }
        }
        ++summary.notesCreated;
    }
    for (int i = 0; i < options.attachments && !created.isEmpty(); ++i) {
        Attachment a;
        a.uuid = gen.uuid();
        const QString ext = gen.pick(QStringList{u"bin"_s, u"pdf"_s, u"PNG"_s, u"dat"_s, u""_s});
        a.originalFilename = ext.isEmpty() ? u"raw-%1"_s.arg(i) : u"file-%1 ü.%2"_s.arg(i).arg(ext);
        a.file = StoredFile{
            a.originalFilename, u"application/octet-stream"_s, gen.randomBytes(256 + gen.bounded(64 * 1024))};
        if (auto added = store.addAttachment(gen.pick(created), a); !added) {
            return std::unexpected(added.error());
        }
        ++summary.attachmentsCreated;
    }
    return {};
}

Result<void> createPlanner(
    Store &store, Generator &gen, int notes, const QList<qint64> &courseIds, DemoSummary &summary)
{
    const int eventCount = std::clamp(notes / 20, 3, 500);
    for (int i = 0; i < eventCount; ++i) {
        PlannerEvent e;
        e.title = gen.pick(QStringList{u"Exam"_s, u"Deadline 📅"_s, u"Lab session"_s, u"小测验"_s, u"Office hours"_s})
            + u" %1"_s.arg(i + 1);
        const QDateTime when = gen.now().addDays(gen.bounded(120) - 60);
        e.eventDate = when.date();
        if (gen.chance(80)) {
            e.startsAt = QDateTime(when.date(), QTime(8 + gen.bounded(10), 0), QTimeZone::UTC);
            e.endsAt = e.startsAt->addSecs(qint64(3600) * (1 + gen.bounded(3)));
        }
        e.difficultyWeight = 1 + gen.bounded(4);
        e.description = gen.chance(50) ? gen.paragraph(1).left(255) : QString();
        e.courseId = !courseIds.isEmpty() && gen.chance(70) ? std::optional<qint64>(gen.pick(courseIds)) : std::nullopt;
        e.isCompleted = when < gen.now() && gen.chance(60);
        if (e.isCompleted) {
            e.completedAt = when;
        }
        if (i % 4 == 1) {
            e.recurrenceFreq = gen.pick(QStringList{u"W"_s, u"M"_s, u"Y"_s});
            e.recurrenceInterval = 1 + gen.bounded(2);
            if (gen.chance(50)) {
                e.recurrenceCount = 5 + gen.bounded(10);
            } else {
                e.recurrenceEndDate = e.eventDate.addMonths(3);
            }
        }
        if (auto saved = store.saveEvent(e); !saved) {
            return std::unexpected(saved.error());
        }
        ++summary.eventsCreated;
    }
    for (int i = 0; i < 2; ++i) {
        CalendarFeed f;
        f.title = i == 0 ? u"Timetable (imported)"_s : u"Department calendar"_s;
        f.sourceKind = i == 0 ? u"I"_s : u"S"_s;
        f.sourceUrl = i == 0 ? QString() : u"https://calendar.example.invalid/dept.ics"_s;
        f.rawIcal = icalFor(f.title, gen.pastTime(60));
        f.isEnabled = i == 0 || gen.chance(50);
        f.courseId = courseIds.isEmpty() ? std::nullopt : std::optional<qint64>(courseIds.first());
        f.lastSync = gen.pastTime(7);
        f.dateCreated = gen.pastTime();
        f.lastEdit = f.dateCreated;
        if (auto saved = store.saveFeed(f); !saved) {
            return std::unexpected(saved.error());
        }
        ++summary.feedsCreated;
    }
    return {};
}

/// Edits K and soft-deletes D distinct live notes, chosen by a seeded shuffle of the live notes ordered by id.
Result<void> touchAndDelete(Store &store, Generator &gen, const DemoOptions &options, DemoSummary &summary)
{
    if (options.touch <= 0 && options.deleteCount <= 0) {
        return {};
    }
    auto live = store.notes();
    if (!live) {
        return std::unexpected(live.error());
    }
    std::ranges::sort(*live, {}, &Note::id);
    for (qsizetype i = 0; i < live->size() && i < options.touch + options.deleteCount; ++i) {
        live->swapItemsAt(i, i + gen.bounded(int(live->size() - i)));
    }
    const int touch = std::min<int>(options.touch, int(live->size()));
    const int remove = std::min<int>(options.deleteCount, int(live->size()) - touch);
    for (int i = 0; i < touch; ++i) {
        auto full = store.note(live->at(i).id);
        if (!full) {
            return std::unexpected(full.error());
        }
        Note n = **full;
        n.content += u"\n\nEdited: "_s + gen.paragraph(1) + u'\n';
        n.lastEdit = gen.now();
        if (auto saved = store.saveNote(n); !saved) {
            return std::unexpected(saved.error());
        }
        ++summary.notesTouched;
    }
    for (int i = touch; i < touch + remove; ++i) {
        if (auto deleted = store.softDeleteNote(live->at(i).id); !deleted) {
            return deleted;
        }
        ++summary.notesDeleted;
    }
    return {};
}

} // namespace

Result<DemoSummary> generateDemoData(Store &store, const DemoOptions &options, const Clock &clock)
{
    if (options.notes < 0 || options.attachments < 0 || options.touch < 0 || options.deleteCount < 0) {
        return fail(u"Demo data not generated"_s, u"Core.Store/demo_data"_s, u"counts must not be negative"_s);
    }
    DemoSummary summary;
    Generator gen(options.seed, clock.now().toUTC());
    Result<void> done = store.transaction([&]() -> Result<void> {
        if (auto profile = ensureProfile(store, gen); !profile) {
            return profile;
        }
        if (options.notes > 0) {
            auto courseIds = createCourses(store, gen, std::max(2, options.notes / 50), summary);
            if (!courseIds) {
                return std::unexpected(courseIds.error());
            }
            if (auto notes = createNotes(store, gen, options, *courseIds, summary); !notes) {
                return notes;
            }
            if (auto planner = createPlanner(store, gen, options.notes, *courseIds, summary); !planner) {
                return planner;
            }
        }
        return touchAndDelete(store, gen, options, summary);
    });
    if (!done) {
        return std::unexpected(done.error().withConsequence(u"Demo data not generated"_s));
    }
    summary.totalNotes = store.noteCount().value_or(0);
    StoreNoteQuery recycleBin;
    recycleBin.onlyDeleted = true;
    summary.totalDeleted = store.noteCount(recycleBin).value_or(0);
    qCInfo(lcStore).noquote() << u"Demo data generated: Core.Store/demo_data — %1 notes, %2 touched, %3 deleted"_s
                                     .arg(summary.notesCreated)
                                     .arg(summary.notesTouched)
                                     .arg(summary.notesDeleted);
    return summary;
}

} // namespace Notechondria
