// SPDX-License-Identifier: GPL-3.0-or-later
// Sync cost benchmark (issue #13): per account size, the export, the first push, a sync with nothing changed and a
// push after editing 5 notes, against the GitHub test server (a real bare repository). Prints a markdown table and the
// ratios of the largest size to the smallest. Usage: bench_sync [SIZES...] (default 1000 10000 100000).
//
// A first push of 1,000 files or more goes as one git pack (smart HTTP into the test server's bare repository, see
// core/sync/packupload.h) and one REST tree naming its subtrees. Accounts above BENCH_FIRST_PUSH_MAX notes (default
// 100000) are not first-pushed: the export is committed into the bare repository with git, and the first sync adopts
// that identical backup (no commit), which records the sync base as a first push would. Writes are not paced here (the
// test server has no secondary limits); the wait pacing would add to a first push on github.com is computed with
// WritePacer on a simulated clock.
#include "demodata.h"
#include "exportpipeline.h"
#include "fakeclock.h"
#include "pushfixture.h"
#include "writepacer.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <QCoreApplication>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

/// Resets the process's peak RSS to its current RSS (Linux: clear_refs 5).
void resetPeak()
{
    QFile file(u"/proc/self/clear_refs"_s);
    if (file.open(QIODevice::WriteOnly)) {
        file.write("5");
    }
}

/// A field of a /proc status file in MiB: VmHWM (the peak RSS, for this process since the last resetPeak) or VmRSS.
double statusMiB(const QString &path, const QByteArray &field)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':'))) {
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return 0;
}

struct Step
{
    double seconds = 0;
    double peak = 0; ///< the process's peak RSS during the step
    double growth = 0; ///< how far the step took the RSS above where it started
    int requests = 0; ///< every request the server saw, git smart HTTP included
    int writes = 0; ///< of which content-creating (not GET/HEAD); a git push's receive-pack is one
    qint64 bytes = 0;
    bool committed = false;
    bool incremental = false; ///< only the changes were rendered (IncrementalSync)
    double serverSeconds = 0; ///< of the wall time, what the GitHub stand-in spent answering (git, JSON)
    bool ok = false;
};

struct Row
{
    int notes = 0;
    qsizetype files = 0;
    Step materialize, first, unchanged, five;
    bool firstSeeded = false;
    qint64 pacedWaitSeconds = 0;
    qint64 fiveNoteBytes = 0; ///< the 5 notes' own files (.md + .meta.json)
    bool verified = false; ///< git fsck clean and a fresh clone equal to the export
    /// The same two syncs as their own process (`notechondria-sync sync`): what a user's scheduled run costs.
    Step cliUnchanged, cliFive;
    bool twoDevices = false; ///< the two-device convergence check ran at this size (BENCH_TWO_DEVICES_MAX)
    double joinSeconds = 0; ///< a second, empty device's first sync (it brings the whole account in)
};

/// Runs the built `notechondria-sync` with @p arguments and @p env, the event loop turning meanwhile (the GitHub
/// stand-in answers it from this process). Its peak RSS is its own VmHWM, read from /proc every millisecond while it
/// runs (wait4's ru_maxrss would not do: exec records the spawning process's peak into it). Its output goes to
/// @p outputPath.
struct ChildRun
{
    bool ok = false;
    double seconds = 0;
    double peakMiB = 0;
};

ChildRun runChild(
    const QString &program, const QStringList &arguments, const QProcessEnvironment &env, const QString &outputPath)
{
    QList<QByteArray> argStore{QFile::encodeName(program)};
    for (const QString &argument : arguments) {
        argStore.append(argument.toLocal8Bit());
    }
    QList<QByteArray> envStore;
    for (const QString &entry : env.toStringList()) {
        envStore.append(entry.toLocal8Bit());
    }
    const auto pointers = [](QList<QByteArray> &store) {
        std::vector<char *> list;
        for (QByteArray &item : store) {
            list.push_back(item.data());
        }
        list.push_back(nullptr);
        return list;
    };
    std::vector<char *> argv = pointers(argStore);
    std::vector<char *> envp = pointers(envStore);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray output = QFile::encodeName(outputPath);
    posix_spawn_file_actions_addopen(&actions, 1, output.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const QByteArray errors = QFile::encodeName(outputPath + u".err"_s);
    posix_spawn_file_actions_addopen(&actions, 2, errors.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ChildRun run;
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv.front(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        return run;
    }
    QEventLoop loop;
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    int status = 0;
    const QString statusPath = u"/proc/%1/status"_s.arg(pid);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        run.peakMiB = std::max(run.peakMiB, statusMiB(statusPath, "VmHWM"));
        if (waitpid(pid, &status, WNOHANG) == pid) {
            loop.quit();
        }
    });
    poll.start(1);
    loop.exec();
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return run;
}

class Bench
{
public:
    explicit Bench(QTextStream &err)
        : m_err(err)
    {
    }

    std::optional<Row> run(int notes, int firstPushMax)
    {
        PushFixture f;
        if (!f.setUp(notes <= firstPushMax)) { // seeded: a repository with GitHub's initial commit
            m_err << f.error << '\n';
            return std::nullopt;
        }
        f.github->writePacer() = WritePacer(&f.clock, {});
        DemoOptions demo;
        demo.notes = notes;
        if (auto made = generateDemoData(*f.store, demo, f.clock); !made) {
            m_err << made.error().message() << '\n';
            return std::nullopt;
        }
        Row row;
        row.notes = notes;
        row.materialize = timed(f, [&] {
            // The pipeline push, sync, preview and `export` share: the notes are read and rendered in batches.
            const Result<ExportTree> tree = ExportPipeline(*f.store, f.clock, false).tree({});
            row.files = tree ? tree->files.size() : 0;
            return tree.has_value();
        });
        if (notes <= firstPushMax) {
            row.first = push(f, {});
        } else {
            row.firstSeeded = true;
            row.first = timed(f, [&] { return seed(f); });
            PushOptions adopt;
            adopt.pull = true;
            const Step adopted = push(f, adopt);
            row.first.ok = row.first.ok && adopted.ok && !adopted.committed;
            row.first.requests = adopted.requests;
        }
        row.pacedWaitSeconds = pacedWait(row.first.writes);
        // The first sync after a commit records the state both sides agree on; then nothing changed.
        PushOptions sync;
        sync.pull = true;
        if (!push(f, sync).ok) {
            return std::nullopt;
        }
        row.unchanged = push(f, sync);
        row.fiveNoteBytes = touchFive(f);
        row.five = push(f, sync);
        row.cliUnchanged = cliSync(f);
        (void)touchFive(f);
        row.cliFive = cliSync(f);
        if (!row.first.ok || !row.unchanged.ok || !row.five.ok || !row.cliUnchanged.ok || !row.cliFive.ok
            || !f.fsckClean()) {
            m_err << "bench_sync: a step failed at " << notes << " notes\n";
            return std::nullopt;
        }
        // Correctness at this size: a fresh clone of the branch is the whole export, byte for byte.
        if (const QString mismatch = f.cloneMismatch(); !mismatch.isEmpty()) {
            m_err << "bench_sync: the clone differs from the export at " << notes << " notes: " << mismatch << '\n';
            return std::nullopt;
        }
        const int twoDevicesMax = qEnvironmentVariableIsSet("BENCH_TWO_DEVICES_MAX")
            ? qEnvironmentVariableIntValue("BENCH_TWO_DEVICES_MAX")
            : 10000;
        row.twoDevices = notes <= twoDevicesMax;
        if (const QString diverged = row.twoDevices ? twoDevices(f, row) : QString(); !diverged.isEmpty()) {
            m_err << "bench_sync: two devices did not converge at " << notes << " notes: " << diverged << '\n';
            return std::nullopt;
        }
        row.verified = true;
        return row;
    }

private:
    template<typename Work>
    Step timed(PushFixture &f, Work work)
    {
        const int before = f.server.requestCount();
        const int writesBefore = writeCount(f);
        const qint64 serverBefore = f.server.busyNanoseconds();
        resetPeak();
        const double start = statusMiB(u"/proc/self/status"_s, "VmRSS");
        QElapsedTimer timer;
        timer.start();
        Step step;
        step.ok = work();
        step.seconds = double(timer.nsecsElapsed()) / 1e9;
        step.peak = statusMiB(u"/proc/self/status"_s, "VmHWM");
        step.growth = std::max(0.0, step.peak - start);
        step.requests = f.server.requestCount() - before;
        step.writes = writeCount(f) - writesBefore;
        step.serverSeconds = double(f.server.busyNanoseconds() - serverBefore) / 1e9;
        return step;
    }

    static int writeCount(const PushFixture &f)
    {
        const QList<GitHubTestServer::Request> requests = f.server.requests();
        return int(std::ranges::count_if(requests, [](const GitHubTestServer::Request &request) {
            return request.method != "GET" && request.method != "HEAD";
        }));
    }

    Step push(PushFixture &f, const PushOptions &options)
    {
        Result<PushOutcome> outcome = std::unexpected(Error{});
        Step step = timed(f, [&] {
            outcome = QCoro::waitFor(f.service->push(options));
            return outcome.has_value();
        });
        if (!outcome) {
            m_err << outcome.error().message() << '\n';
            return step;
        }
        step.committed = outcome->committed;
        step.incremental = outcome->incremental;
        step.bytes = outcome->bytes;
        step.ok = !outcome->conflict;
        return step;
    }

    /// `notechondria-sync sync` on the fixture's data folder, as its own process: wall, its peak RSS, requests.
    Step cliSync(PushFixture &f)
    {
        const QString output = f.dir.filePath(u"cli-sync.out"_s);
        ChildRun child;
        Step step = timed(f, [&] {
            child = runChild(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
                {u"--data"_s, f.dir.filePath(u"data"_s), u"sync"_s, u"--json"_s}, f.cliEnvironment(), output);
            return child.ok;
        });
        step.seconds = child.seconds;
        step.peak = child.peakMiB;
        if (QFile printed(output); printed.open(QIODevice::ReadOnly)) {
            step.committed = QJsonDocument::fromJson(printed.readAll()).object().value(u"committed"_s).toBool();
        }
        if (!child.ok) {
            QFile log(output + u".err"_s);
            m_err << "bench_sync: notechondria-sync sync failed: "
                  << (log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString()) << '\n';
        }
        return step;
    }

    /// The export of one device as its next sync would compare it (its own last synced manifest): path → bytes.
    static QMap<QString, QByteArray> exportOf(Store &store, PushService &service, const Clock &clock)
    {
        QFile manifest(service.lastManifestPath());
        ExportOptions options;
        if (manifest.open(QIODevice::ReadOnly)) {
            options.previousManifest = manifest.readAll();
        }
        options.now = clock.now();
        QMap<QString, QByteArray> files;
        for (const ExportFile &file : materialize(*store.snapshot(false), options).files) {
            files.insert(file.path, file.bytes);
        }
        return files;
    }

    /// A second device at this size: an empty data folder joins the repository (its first sync brings the whole
    /// account in), B writes 5 notes while A edits 5, they sync in turn (B, A, B), and then both devices' exports and a
    /// fresh clone are the same files. "" when they converged, else what differs. The time B's join took is kept.
    QString twoDevices(PushFixture &f, Row &row)
    {
        auto opened = Store::open(f.dir.filePath(u"dataB/notechondria.sqlite"_s), &f.clock);
        if (!opened) {
            return opened.error().message();
        }
        std::unique_ptr<Store> storeB = std::move(*opened);
        Store::IntegrationUpdate update;
        update.installationId = QString::number(f.installation);
        update.repoFullName = f.repo;
        update.repoDefaultBranch = u"main"_s;
        if (!storeB->connectIntegration(update)) {
            return u"device B cannot connect"_s;
        }
        PushService serviceB(storeB.get(), f.github.get(), &f.clock);
        PushOptions sync;
        sync.pull = true;
        QElapsedTimer joined;
        joined.start();
        const auto first = QCoro::waitFor(serviceB.push(sync));
        row.joinSeconds = double(joined.nsecsElapsed()) / 1e9;
        if (!first || first->conflict) {
            return first ? u"conflict on joining"_s : first.error().message();
        }
        // B writes 5 new notes while A edits 5 of its notes: each side's change has to reach the other.
        for (int i = 0; i < 5; ++i) {
            Note note;
            note.title = u"Written on device B %1"_s.arg(i + 1);
            note.content = u"A note device B wrote while device A edited others.\n"_s;
            if (!storeB->saveNote(note)) {
                return u"device B cannot write a note"_s;
            }
        }
        (void)touchFive(f);
        for (PushService *service : {&serviceB, f.service.get(), &serviceB}) {
            const auto synced = QCoro::waitFor(service->push(sync));
            if (!synced || synced->conflict) {
                return synced ? u"a conflict (both devices edited one note?)"_s : synced.error().message();
            }
        }
        const QMap<QString, QByteArray> a = exportOf(*f.store, *f.service, f.clock);
        const QMap<QString, QByteArray> b = exportOf(*storeB, serviceB, f.clock);
        if (a != b) {
            for (auto it = a.cbegin(); it != a.cend(); ++it) {
                if (b.value(it.key()) != it.value()) {
                    return u"device B differs in "_s + it.key();
                }
            }
            return u"device B has other files"_s;
        }
        return f.cloneMismatch();
    }

    /// Commits the export into the bare repository with git (one commit on main).
    bool seed(PushFixture &f)
    {
        const QString work = f.dir.filePath(u"seed"_s);
        if (f.run(u"git"_s, {u"clone"_s, u"-q"_s, f.bare(), work}).isNull()) {
            m_err << f.error << '\n';
            return false;
        }
        if (auto written = writeExportTree(f.expectedExport(), work); !written) {
            m_err << written.error().message() << '\n';
            return false;
        }
        const QStringList identity{u"-c"_s, u"user.name=Seed"_s, u"-c"_s, u"user.email=seed@example.org"_s};
        return !f.run(u"git"_s, {u"-C"_s, work, u"add"_s, u"-A"_s}).isNull()
            && !f.run(u"git"_s,
                     QStringList{u"-C"_s, work} + identity + QStringList{u"commit"_s, u"-q"_s, u"-m"_s, u"Backup"_s})
                    .isNull()
            && !f.run(u"git"_s, {u"-C"_s, work, u"push"_s, u"-q"_s, f.bare(), u"main"_s}).isNull();
    }

    /// Edits 5 notes; returns the size of their exported files.
    static qint64 touchFive(PushFixture &f)
    {
        DemoOptions touch;
        touch.touch = 5;
        (void)generateDemoData(*f.store, touch, f.clock);
        const ExportTree tree = f.expectedExport();
        qint64 bytes = 0;
        const auto notes = f.store->notes({});
        for (const Note &note : notes.value_or(QList<Note>{}).mid(0, 5)) {
            const QString hex = note.uuid.toString(QUuid::Id128);
            for (const QString &path : {u"notes/%1.md"_s.arg(hex), u"notes/%1.meta.json"_s.arg(hex)}) {
                if (const ExportFile *file = tree.find(path)) {
                    bytes += file->bytes.size();
                }
            }
        }
        return bytes;
    }

    /// How long WritePacer makes @p writes content-creating requests wait with GitHub's limits (0.2 s per request).
    static qint64 pacedWait(int writes)
    {
        FakeClock clock;
        WritePacer pacer(&clock);
        qint64 waited = 0;
        for (int i = 0; i < writes; ++i) {
            const qint64 wait = pacer.delay().count();
            waited += wait;
            clock.set(clock.now().addMSecs(wait));
            pacer.record();
            clock.set(clock.now().addMSecs(200));
        }
        return waited / 1000;
    }

    QTextStream &m_err;
};

/// The wall time without the GitHub stand-in's own work (it runs in this process).
double clientSeconds(const Step &step)
{
    return std::max(0.0, step.seconds - step.serverSeconds);
}

QString cell(const Step &step, bool withPeak)
{
    QString text = u"%1 s"_s.arg(step.seconds, 0, 'f', 2);
    if (step.serverSeconds >= 0.005) {
        text += u" (client %1 s)"_s.arg(clientSeconds(step), 0, 'f', 2);
    }
    if (withPeak) {
        text += u", +%1 MiB (process %2 MiB)"_s.arg(step.growth, 0, 'f', 0).arg(step.peak, 0, 'f', 0);
    }
    return text;
}

/// The syncs run as their own process: the figures a scheduled `notechondria-sync sync` has.
void printProcessTable(QTextStream &out, const QList<Row> &rows)
{
    out << "\nThe same syncs as their own process (`notechondria-sync sync` on the data folder; peak RSS = the "
           "process's own, its VmHWM):\n\n";
    out << "| notes | nothing changed: wall, peak RSS, requests | 5 notes changed: wall (client), peak RSS, requests "
           "|\n";
    out << "|---:|---:|---:|\n";
    for (const Row &row : rows) {
        const auto processCell = [](const Step &step) {
            QString text = u"%1 s"_s.arg(step.seconds, 0, 'f', 2);
            if (step.serverSeconds >= 0.005) {
                text += u" (client %1 s)"_s.arg(clientSeconds(step), 0, 'f', 2);
            }
            return text
                + u", %1 MiB, **%2**, %3"_s.arg(step.peak, 0, 'f', 0)
                      .arg(step.requests)
                      .arg(step.committed ? u"1 commit"_s : u"no commit"_s);
        };
        out << u"| %1 | %2 | %3 |\n"_s.arg(row.notes).arg(processCell(row.cliUnchanged), processCell(row.cliFive));
    }
    if (rows.size() >= 2) {
        const Row &small = rows.first();
        const Row &large = rows.last();
        out << u"\nRatios %1 / %2 notes as a process: nothing changed %3× wall, %4× peak RSS; 5 notes changed %5× "
               u"client wall, %6× peak RSS.\n"_s.arg(large.notes)
                   .arg(small.notes)
                   .arg(large.cliUnchanged.seconds / std::max(small.cliUnchanged.seconds, 1e-9), 0, 'f', 1)
                   .arg(large.cliUnchanged.peak / std::max(small.cliUnchanged.peak, 1e-9), 0, 'f', 1)
                   .arg(clientSeconds(large.cliFive) / std::max(clientSeconds(small.cliFive), 1e-9), 0, 'f', 1)
                   .arg(large.cliFive.peak / std::max(small.cliFive.peak, 1e-9), 0, 'f', 1);
    }
}

void printTable(QTextStream &out, const QList<Row> &rows)
{
    out << "| notes (files) | export: wall, RSS growth | first push: requests, writes | no change: wall, RSS growth, "
           "requests "
           "| 5 notes changed: wall, RSS growth, requests, uploaded (of which the notes) |\n";
    out << "|---:|---:|---:|---:|---:|\n";
    for (const Row &row : rows) {
        const QString first = row.firstSeeded
            ? u"seeded with git; adopting it: %1"_s.arg(row.first.requests)
            : u"**%1**, %2 writes (%3 s; paced on github.com: +%4 s)"_s.arg(row.first.requests)
                  .arg(row.first.writes)
                  .arg(row.first.seconds, 0, 'f', 1)
                  .arg(row.pacedWaitSeconds);
        out << u"| %1 (%2) | %3 | %4 | %5, **%6** | %7, **%8**, %9 KiB (%10 KiB) |\n"_s.arg(row.notes)
                   .arg(row.files)
                   .arg(cell(row.materialize, true), first, cell(row.unchanged, true))
                   .arg(row.unchanged.requests)
                   .arg(cell(row.five, true) + (row.five.incremental ? u", incremental"_s : u", whole export"_s))
                   .arg(row.five.requests)
                   .arg(double(row.five.bytes) / 1024.0, 0, 'f', 0)
                   .arg(double(row.fiveNoteBytes) / 1024.0, 0, 'f', 0);
    }
    if (std::ranges::all_of(rows, [](const Row &row) { return row.verified; })) {
        out << "\nChecked at every size: `git fsck --strict` clean, and a fresh clone equal to the export byte for "
               "byte.\n";
        out << "Two devices converging (an empty second device joins, writes 5 notes while the first edits 5, they "
               "sync in turn, and both exports equal the clone):";
        for (const Row &row : rows) {
            out << (row.twoDevices ? u" %1 notes ✓ (joining: %2 s);"_s.arg(row.notes).arg(row.joinSeconds, 0, 'f', 1)
                                   : u" %1 notes not run (BENCH_TWO_DEVICES_MAX);"_s.arg(row.notes));
        }
        out << '\n';
    }
    printProcessTable(out, rows);
    if (rows.size() >= 2) {
        const Row &small = rows.first();
        const Row &large = rows.last();
        const auto ratio = [](double a, double b) {
            return b > 0 ? a / b : 0.0;
        };
        out << u"\nRatios %1 / %2 notes: no change %3× wall, %4× RSS growth (+1 MiB each); 5 notes changed %5× client "
               u"wall, "
               u"%6× "
               u"uploaded, %7× RSS growth.\n"_s.arg(large.notes)
                   .arg(small.notes)
                   .arg(ratio(large.unchanged.seconds, small.unchanged.seconds), 0, 'f', 1)
                   .arg(ratio(large.unchanged.growth + 1, small.unchanged.growth + 1), 0, 'f', 1)
                   .arg(ratio(clientSeconds(large.five), clientSeconds(small.five)), 0, 'f', 1)
                   .arg(ratio(double(large.five.bytes), double(small.five.bytes)), 0, 'f', 1)
                   .arg(ratio(large.five.growth + 1, small.five.growth + 1), 0, 'f', 1);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i) {
        sizes.append(QString::fromLocal8Bit(argv[i]).toInt());
    }
    if (sizes.isEmpty()) {
        sizes = {1000, 10000, 100000};
    }
    const int firstPushMax = qEnvironmentVariableIsSet("BENCH_FIRST_PUSH_MAX")
        ? qEnvironmentVariableIntValue("BENCH_FIRST_PUSH_MAX")
        : 100000;
    Bench bench(err);
    QList<Row> rows;
    for (const int notes : std::as_const(sizes)) {
        auto row = bench.run(notes, firstPushMax);
        if (!row) {
            return 1;
        }
        rows.append(*row);
        err << "bench_sync: " << notes << " notes done\n";
        err.flush();
    }
    printTable(out, rows);
    out.flush();
    return 0;
}
