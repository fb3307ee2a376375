// SPDX-License-Identifier: GPL-3.0-or-later
// A large push as one git pack (issue #13) against the GitHub test server: git smart HTTP into a real bare repository,
// then the REST tree, commit and ref update; git itself judges the result.
#include "demodata.h"
#include "packupload.h"
#include "pushfixture.h"

#include <QCoroTask>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

QStringList g_messages;
QtMessageHandler g_previous = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(message);
    if (g_previous) {
        g_previous(type, context, message);
    }
}

bool isGitRequest(const GitHubTestServer::Request &request)
{
    return request.path.contains(u".git/"_s);
}

} // namespace

class TestPackPush : public QObject
{
    Q_OBJECT

    std::unique_ptr<PushFixture> f;

    Result<PushOutcome> push(PushOptions options = {}) { return QCoro::waitFor(f->service->push(options)); }

    void demo(int notes, quint32 seed = 1)
    {
        DemoOptions options;
        options.notes = notes;
        options.seed = seed;
        auto made = generateDemoData(*f->store, options, f->clock);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message()));
    }

    [[nodiscard]] QMap<QString, QByteArray> exportFiles() const { return PushFixture::filesOf(f->expectedExport()); }

    /// The clone equals the export (apart from the listed foreign files), fsck is clean, no upload branch is left.
    void verifyCloneEqualsExport(const QStringList &foreign = {})
    {
        const QString mismatch = f->cloneMismatch(foreign);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        const QByteArray branches
            = f->run(u"git"_s, {u"-C"_s, f->bare(), u"for-each-ref"_s, u"--format=%(refname)"_s, u"refs/heads/"_s});
        QCOMPARE(branches.trimmed(), "refs/heads/main"_ba);
    }

    /// The tree git gives the export's files (what the inline REST path produces): written out and `git write-tree`.
    QString exportTreeSha()
    {
        const QString work = f->dir.filePath(u"expected-tree"_s);
        const QMap<QString, QByteArray> files = exportFiles();
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QString path = work + u'/' + it.key();
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size()) {
                return {};
            }
        }
        if (f->run(u"git"_s, {u"init"_s, u"-q"_s, work}).isNull()
            || f->run(u"git"_s, {u"-C"_s, work, u"add"_s, u"-A"_s}).isNull()) {
            return {};
        }
        return QString::fromLatin1(f->run(u"git"_s, {u"-C"_s, work, u"write-tree"_s}).trimmed());
    }

    QString headTree()
    {
        return QString::fromLatin1(f->run(u"git"_s, {u"-C"_s, f->bare(), u"rev-parse"_s, u"main^{tree}"_s}).trimmed());
    }

    /// The GitHub test server answers @p status to the next @p times @p method requests whose path matches @p path.
    void faultAt(const QByteArray &method, const QString &path, int status, int times = 1,
        const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        GitHubTestServer::Fault fault;
        fault.method = method;
        fault.path = QRegularExpression(path);
        fault.status = status;
        fault.times = times;
        fault.headers = headers;
        f->server.injectFault(fault);
    }

    void verifyNoTokenOutput(const QString &errorMessage = {})
    {
        QVERIFY(!errorMessage.contains(u"ghs_"_s));
        for (const QString &message : std::as_const(g_messages)) {
            QVERIFY2(!message.contains(u"ghs_"_s) && !message.contains(u"x-access-token:"_s), qPrintable(message));
        }
    }

private Q_SLOTS:
    void initTestCase() { g_previous = qInstallMessageHandler(captureMessage); }
    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void init()
    {
        g_messages.clear();
        f = std::make_unique<PushFixture>();
        QVERIFY2(f->setUp(), qPrintable(f->error));
    }

    void cleanup() { f.reset(); }

    void firstPushOfThousandsOfFilesGoesAsOnePack()
    {
        demo(1500);
        auto outcome = push();
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message()));
        QVERIFY(outcome->committed);
        QVERIFY2(outcome->added >= 2 * PackUpload::kMinFiles, qPrintable(QString::number(outcome->added)));
        const QList<GitHubTestServer::Request> requests = f->server.requests();
        const auto git = std::ranges::count_if(requests, isGitRequest);
        const auto api = requests.size() - git;
        qInfo().noquote() << u"first push of %1 files: %2 API requests, %3 git HTTP requests"_s.arg(
            QString::number(outcome->added), QString::number(api), QString::number(git));
        // ref, seed (Contents API), token, repository (clone_url), 1 tree, commit, ref update, upload branch deletion
        QVERIFY2(api <= 8, qPrintable(QString::number(api)));
        QVERIFY2(git <= 3, qPrintable(QString::number(git))); // info/refs (401, then with the token), receive-pack
        QVERIFY(std::ranges::none_of(requests, [](const auto &r) { return r.path.endsWith(u"/git/blobs"_s); }));
        verifyCloneEqualsExport();
        QCOMPARE(headTree(), exportTreeSha());
        verifyNoTokenOutput();
    }

    void packKeepsFilesWeDoNotOwn()
    {
        f = std::make_unique<PushFixture>();
        QVERIFY2(f->setUp(false), qPrintable(f->error));
        const QString otherNote = u"notes/0123456789abcdef0123456789abcdef.md"_s;
        f->server.commitFromAnotherDevice(f->repo, u"main"_s,
            {{u"LICENSE"_s, "MIT\n"_ba}, {otherNote, "---\ntitle: other device\n---\n\nbody\n"_ba}},
            u"Foreign files"_s);
        demo(800);
        auto outcome = push();
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message()));
        QVERIFY(outcome->committed);
        QVERIFY(std::ranges::any_of(f->server.requests(), isGitRequest));
        verifyCloneEqualsExport({u"LICENSE"_s, otherNote});
    }

    void failedPackPushLeavesTheBranchAndARerunCompletes()
    {
        demo(700);
        QVERIFY(push());
        const QString before = f->head();
        demo(700, 2);
        faultAt("POST", u"git-receive-pack$"_s, 500);
        auto failed = push();
        QVERIFY(!failed);
        const QString message = failed.error().message();
        QVERIFY2(message.startsWith(u"GitHub sync aborted: Core.Sync/pack — "_s), qPrintable(message));
        QCOMPARE(f->head(), before);
        verifyNoTokenOutput(message);
        auto rerun = push();
        QVERIFY2(rerun, rerun ? "" : qPrintable(rerun.error().message()));
        QVERIFY(rerun->committed);
        verifyCloneEqualsExport();
    }

    void failedRefUpdateLeavesTheBranchAndARerunCompletes()
    {
        f = std::make_unique<PushFixture>();
        QVERIFY2(f->setUp(false), qPrintable(f->error)); // GitHub's initial commit: the branch to keep
        demo(700);
        const QString before = f->head();
        QVERIFY(!before.isEmpty());
        faultAt("PATCH", u"/git/refs/heads/main$"_s, 500);
        auto failed = push();
        QVERIFY(!failed);
        QCOMPARE(f->head(), before);
        verifyNoTokenOutput(failed.error().message());
        auto rerun = push();
        QVERIFY2(rerun, rerun ? "" : qPrintable(rerun.error().message()));
        QVERIFY(rerun->committed);
        verifyCloneEqualsExport();
        verifyNoTokenOutput();
    }

    void leftoverUploadBranchOfAKilledRunIsOverwrittenAndDeleted()
    {
        f = std::make_unique<PushFixture>();
        QVERIFY2(f->setUp(false), qPrintable(f->error));
        const QString leftover = u"refs/heads/"_s + PackUpload::uploadBranch();
        QVERIFY(!f->run(u"git"_s, {u"-C"_s, f->bare(), u"update-ref"_s, leftover, f->head()}).isNull());
        demo(700);
        auto outcome = push();
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message()));
        QVERIFY(outcome->committed);
        verifyCloneEqualsExport(); // main only: the leftover was force-pushed over, then deleted
    }

    void rejectedTokenIsAThreePartErrorWithoutTheToken()
    {
        demo(700);
        faultAt("GET", u"\\.git/info/refs$"_s, 401, 10, {{"WWW-Authenticate", R"(Basic realm="GitHub")"}});
        auto failed = push();
        QVERIFY(!failed);
        QVERIFY2(failed.error().message().startsWith(u"GitHub sync aborted: Core.Sync/pack — "_s),
            qPrintable(failed.error().message()));
        verifyNoTokenOutput(failed.error().message());
    }
};

QTEST_GUILESS_MAIN(TestPackPush)
#include "test_packpush.moc"
