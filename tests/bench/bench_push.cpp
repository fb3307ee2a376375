// SPDX-License-Identifier: GPL-3.0-or-later
// Push benchmark: our incremental push against a one-blob-per-file baseline, both on the GitHub test server.
// Prints a markdown table. Usage: bench_push [NOTES] [BASELINE_NOTES]
#include "demodata.h"
#include "gitblob.h"
#include "gitdataclient.h"
#include "pushfixture.h"
#include "treechunker.h"

#include <sys/resource.h>

#include <QCoreApplication>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

struct Figure
{
    QString step;
    double seconds = 0;
    int requests = 0;
    QString note;
};

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

/// Upstream's pre-incremental way: every file as its own blob, one tree with every entry, a commit, a ref update.
QCoro::Task<Result<bool>> baselinePush(GitDataClient *git, ExportTree tree)
{
    auto ref = co_await git->ref(u"main"_s);
    if (!ref) {
        co_return std::unexpected(ref.error());
    }
    auto baseTree = co_await git->commitTree(ref->sha);
    if (!baseTree) {
        co_return std::unexpected(baseTree.error());
    }
    QList<QByteArray> entries;
    for (const ExportFile &file : std::as_const(tree.files)) {
        auto sha = co_await git->createBlob(file.bytes);
        if (!sha) {
            co_return std::unexpected(sha.error());
        }
        entries.append(TreeChunker::shaEntry(file.path, sha->toLatin1()));
    }
    auto newTree
        = co_await git->createTree(TreeChunker::body(*baseTree, entries, TreeChunker::Chunk{0, entries.size()}));
    if (!newTree) {
        co_return std::unexpected(newTree.error());
    }
    if (*newTree == *baseTree) {
        co_return false;
    }
    auto commit = co_await git->createCommit(u"sync"_s, *newTree, {ref->sha});
    if (!commit) {
        co_return std::unexpected(commit.error());
    }
    auto updated = co_await git->updateRef(u"main"_s, *commit);
    if (!updated || !updated->isSuccess()) {
        co_return fail(u"Baseline failed"_s, u"bench_push"_s, u"ref update"_s);
    }
    co_return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int notes = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int baselineNotes = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : notes;
    QTextStream out(stdout);
    QTextStream err(stderr);

    PushFixture f;
    if (!f.setUp()) {
        err << f.error << '\n';
        return 1;
    }
    DemoOptions demo;
    demo.notes = notes;
    if (auto made = generateDemoData(*f.store, demo, f.clock); !made) {
        err << made.error().message() << '\n';
        return 1;
    }
    QList<Figure> ours;
    QList<Figure> baseline;

    // Materialize.
    auto snapshot = f.store->snapshot(false);
    QElapsedTimer timer;
    timer.start();
    ExportOptions options;
    options.now = f.clock.now();
    const ExportTree tree = materialize(*snapshot, options);
    const double materializeSeconds = timer.nsecsElapsed() / 1e9;
    const long rss = peakRssKiB();

    auto timedPush = [&](const QString &step) -> bool {
        const int before = f.server.requestCount();
        timer.restart();
        auto outcome = QCoro::waitFor(f.service->push({}));
        const double seconds = timer.nsecsElapsed() / 1e9;
        if (!outcome) {
            err << outcome.error().message() << '\n';
            return false;
        }
        ours.append({step, seconds, f.server.requestCount() - before,
            outcome->committed
                ? u"1 commit, %1+%2~%3-"_s.arg(outcome->added).arg(outcome->changed).arg(outcome->deleted)
                : u"no commit"_s});
        return true;
    };
    if (!timedPush(u"first push (%1 notes, %2 files)"_s.arg(notes).arg(tree.files.size()))) {
        return 1;
    }
    demo = DemoOptions{};
    demo.touch = 5;
    (void)generateDemoData(*f.store, demo, f.clock);
    if (!timedPush(u"push after touching 5 notes"_s) || !timedPush(u"push with no change"_s)) {
        return 1;
    }

    // Baseline on its own repository, same server.
    if (baselineNotes > 0) {
        const QString repo = u"octo/baseline"_s;
        f.server.addRepository(f.installation, repo, u"main"_s, true, false);
        GitDataClient git(f.github.get(), QString::number(f.installation), repo);
        ExportTree baseTree = tree;
        if (baselineNotes < notes) { // a prefix of the export when the baseline runs on fewer notes
            baseTree.files = tree.files.mid(0, qsizetype(double(tree.files.size()) * baselineNotes / notes));
        }
        const QStringList steps{u"first push"_s, u"push after touching 5 notes"_s, u"push with no change"_s};
        for (qsizetype i = 0; i < steps.size(); ++i) {
            if (i == 1) {
                for (qsizetype k = 0; k < 5 && k < baseTree.files.size(); ++k) {
                    baseTree.files[k * 7 % baseTree.files.size()].bytes += "touched\n";
                }
            }
            const int before = f.server.requestCount();
            timer.restart();
            auto result = QCoro::waitFor(baselinePush(&git, baseTree));
            const double seconds = timer.nsecsElapsed() / 1e9;
            if (!result) {
                err << result.error().message() << '\n';
                return 1;
            }
            baseline.append({steps[i] + u" (%1 files)"_s.arg(baseTree.files.size()), seconds,
                f.server.requestCount() - before, *result ? u"1 commit"_s : u"no commit"_s});
        }
    }

    out << "| step | ours: wall time | ours: requests | baseline: wall time | baseline: requests |\n";
    out << "|---|---:|---:|---:|---:|\n";
    out << u"| materialize %1 notes (%2 files) | %3 s, peak RSS %4 MiB | — | — | — |\n"_s.arg(notes)
               .arg(tree.files.size())
               .arg(materializeSeconds, 0, 'f', 3)
               .arg(rss / 1024.0, 0, 'f', 0);
    for (qsizetype i = 0; i < ours.size(); ++i) {
        const Figure &o = ours[i];
        out << u"| %1 | %2 s (%3) | %4 |"_s.arg(o.step).arg(o.seconds, 0, 'f', 2).arg(o.note).arg(o.requests);
        if (i < baseline.size()) {
            const Figure &b = baseline[i];
            out << u" %1 s (%2; %3) | %4 |"_s.arg(b.seconds, 0, 'f', 2).arg(b.note, b.step).arg(b.requests);
        } else {
            out << " — | — |";
        }
        out << '\n';
    }
    out.flush();
    return 0;
}
