// SPDX-License-Identifier: GPL-3.0-or-later
// Local sign-in over real HTTP on loopback against the real LocalServer and a real SQLite file: the password set with
// the built `notechondria-sync set-password --stdin` (QProcess), login by username and by email, session tokens on
// data routes, the sessions list, revoke, logout, API-key rotation, the stored hash, the Casdoor answers and the
// local-password route the settings page uses.
#include "localserverfixture.h"

#include <QCoroTask>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

const QString thePassword = u"correct horse battery"_s;
const QByteArray firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalServerFixture> m_fx;

    /// `notechondria-sync --data <the fixture's folder> set-password <arguments>` with @p input on stdin.
    CliRun setPassword(const QByteArray &input, const QStringList &arguments = {u"--stdin"_s})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s); // the messages compared below are the English ones
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            QStringList{u"--data"_s, m_fx->dir.path(), u"set-password"_s} + arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitCode(), process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
    }

    ServerAnswer login(const QJsonObject &body)
    {
        return m_fx->call(
            "POST", u"/auth/login/"_s, json(body), "application/json", QByteArray(), {{"User-Agent", firefox}});
    }

    /// Signs in as ada and returns the token (empty on failure, which the calling test records).
    QByteArray signIn(const QString &identifier = u"ada"_s)
    {
        const ServerAnswer answer = login({{u"email"_s, identifier}, {u"password"_s, thePassword}});
        if (!QTest::qCompare(answer.status, 200, "answer.status", "200", __FILE__, __LINE__)) {
            return {};
        }
        return answer.object().value(u"token"_s).toString().toLatin1();
    }

    ServerAnswer withToken(
        const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &scheme = "Token")
    {
        return m_fx->call(method, path, {}, "application/json", scheme + ' ' + token);
    }

    static QString firstError(const ServerAnswer &answer, const QString &field = u"non_field_errors"_s)
    {
        return answer.object().value(field).toArray().first().toString();
    }

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<LocalServerFixture>();
        auto options = LocalServerFixture::offline(nullptr);
        options.push = false;
        QVERIFY2(m_fx->setUp(options), qPrintable(m_fx->problem));
        Profile profile;
        profile.username = u"ada"_s;
        profile.email = u"ada@example.org"_s;
        profile.firstName = u"Ada"_s;
        profile.lastName = u"Lovelace"_s;
        QVERIFY(m_fx->store->saveProfile(profile));
    }

    void cleanup() { m_fx.reset(); }

    void withoutAPasswordLoginSaysHowToSetOne()
    {
        const ServerAnswer answer = login({{u"email"_s, u"ada"_s}, {u"password"_s, thePassword}});
        QCOMPARE(answer.status, 400);
        const QString message = firstError(answer);
        QVERIFY2(message.startsWith(u"Sign-in rejected: Core.Server.Auth/login \u2014 "_s), qPrintable(message));
        QVERIFY2(message.contains(u"notechondria-sync set-password --stdin"_s), qPrintable(message));
        QVERIFY2(message.contains(u"Settings \u2192 Local server"_s), qPrintable(message));
    }

    void theCliRefusesAnEmptyOrShortPasswordAndNoStdin()
    {
        for (const QByteArray &input : {QByteArray("\n"), QByteArray("short\n"), QByteArray()}) {
            const CliRun run = setPassword(input);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.startsWith(u"Command not run: notechondria-sync/set-password \u2014 the password "_s),
                qPrintable(run.err));
            QVERIFY(!run.err.contains(u"short"_s));
        }
        const CliRun noStdin = setPassword(thePassword.toUtf8(), {});
        QCOMPARE(noStdin.exitCode, 2);
        QVERIFY2(noStdin.err.contains(u"--stdin"_s), qPrintable(noStdin.err));
        QVERIFY(!m_fx->store->localPassword().value().has_value());
    }

    void setPasswordThenSignInWithUsernameAndEmail()
    {
        const CliRun run = setPassword(thePassword.toUtf8() + "\n");
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.err.contains(thePassword) && !run.out.contains(thePassword.toUtf8()));
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(u"password_set"_s), QJsonValue(true));

        const ServerAnswer byName = login({{u"username"_s, u"ada"_s}, {u"password"_s, thePassword}});
        QCOMPARE(byName.status, 200);
        const QString token = byName.object().value(u"token"_s).toString();
        QVERIFY2(token.startsWith(u"ntcs_"_s) && token.size() == 45, qPrintable(token.left(5)));
        const QJsonObject user = byName.object().value(u"user"_s).toObject();
        QCOMPARE(user.value(u"id"_s).toInt(), 1);
        QCOMPARE(user.value(u"username"_s).toString(), u"ada"_s);
        QCOMPARE(user.value(u"email"_s).toString(), u"ada@example.org"_s);
        QCOMPARE(user.value(u"display_name"_s).toString(), u"Ada Lovelace"_s);
        QVERIFY(user.contains(u"app_settings"_s) && user.contains(u"image_url"_s) && user.contains(u"is_staff"_s));
        QCOMPARE(
            byName.object().value(u"session"_s).toObject().value(u"device_label"_s).toString(), u"Firefox on Linux"_s);

        // The apps post the identifier as "email"; the email matches case-insensitively.
        const ServerAnswer byEmail = login({{u"email"_s, u"Ada@Example.ORG"_s}, {u"password"_s, thePassword}});
        QCOMPARE(byEmail.status, 200);
        const QByteArray second = byEmail.object().value(u"token"_s).toString().toLatin1();
        QVERIFY(second != token.toLatin1());
        QCOMPARE(byEmail.object().value(u"multi_device"_s), QJsonValue(true));

        // A session token works on data routes like the API key, as `Token` (what the apps send) and as `Bearer`.
        QCOMPARE(withToken("GET", u"/notes/"_s, token.toLatin1()).status, 200);
        QCOMPARE(withToken("GET", u"/settings/"_s, second).status, 200);
        QCOMPARE(withToken("GET", u"/settings/"_s, second, "Bearer").status, 200);
        QCOMPARE(withToken("GET", u"/notes/"_s, "ntcs_" + QByteArray(40, 'a')).status, 401);
    }

    void anAccountWithoutAUsernameSignsInAsLocal()
    {
        QVERIFY(m_fx->store->saveProfile(Profile{})); // a new store: nothing imported yet
        const CliRun run = setPassword(thePassword.toUtf8());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(u"sign in as \"local\""_s), qPrintable(run.err));
        const ServerAnswer answer = login({{u"email"_s, u"local"_s}, {u"password"_s, thePassword}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.object().value(u"user"_s).toObject().value(u"username"_s).toString(), u"local"_s);
        QCOMPARE(login({{u"email"_s, u""_s}, {u"password"_s, thePassword}}).status, 400);
    }

    void aWrongPasswordOrAccountIsRejectedAsTheBackendDoes()
    {
        QCOMPARE(setPassword(thePassword.toUtf8()).exitCode, 0);
        const ServerAnswer wrong = login({{u"email"_s, u"ada"_s}, {u"password"_s, u"incorrect horse"_s}});
        QCOMPARE(wrong.status, 400);
        QCOMPARE(firstError(wrong),
            u"Sign-in rejected: Core.Server.Auth/login \u2014 email/username and password do not match any active "
            "account."_s);
        QVERIFY(!wrong.body.contains("token"));
        const ServerAnswer nobody = login({{u"email"_s, u"grace"_s}, {u"password"_s, thePassword}});
        QCOMPARE(nobody.status, 400);
        QVERIFY(firstError(nobody).endsWith(u"no account found for the supplied email/username."_s));
        const ServerAnswer noPassword = login({{u"email"_s, u"ada"_s}});
        QCOMPARE(noPassword.status, 400);
        QCOMPARE(firstError(noPassword, u"password"_s), u"This field is required."_s);
    }

    void wrongPasswordsInARowLockSignInForAWhile()
    {
        QCOMPARE(setPassword(thePassword.toUtf8()).exitCode, 0);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(login({{u"email"_s, u"ada"_s}, {u"password"_s, u"guess number %1"_s.arg(i)}}).status, 400);
        }
        const ServerAnswer locked = login({{u"email"_s, u"ada"_s}, {u"password"_s, thePassword}});
        QCOMPARE(locked.status, 429);
        QVERIFY2(
            locked.detail().startsWith(u"Sign-in rejected: Core.Server.Auth/login \u2014 too many wrong passwords"_s),
            qPrintable(locked.detail()));
        m_fx->fakeClock.advance(31);
        QCOMPARE(login({{u"email"_s, u"ada"_s}, {u"password"_s, thePassword}}).status, 200);
        QCOMPARE(login({{u"email"_s, u"ada"_s}, {u"password"_s, u"one more guess"_s}}).status, 400); // starts over
    }

    void theSessionsAreListedAndARevokedOneGets401()
    {
        QCOMPARE(setPassword(thePassword.toUtf8()).exitCode, 0);
        const QByteArray first = signIn();
        const QByteArray current = signIn(u"ada@example.org"_s);
        const ServerAnswer list = withToken("GET", u"/auth/sessions/"_s, current);
        QCOMPARE(list.status, 200);
        const QJsonArray sessions = list.object().value(u"sessions"_s).toArray();
        QCOMPARE(sessions.size(), 2);
        const qint64 currentId = list.object().value(u"current_session_id"_s).toInteger();
        qint64 firstId = 0;
        for (const QJsonValue v : sessions) {
            const QJsonObject s = v.toObject();
            QCOMPARE(s.value(u"is_current"_s).toBool(), s.value(u"id"_s).toInteger() == currentId);
            QCOMPARE(s.value(u"user_agent"_s).toString(), QString::fromLatin1(firefox));
            QVERIFY(!s.contains(u"token"_s));
            firstId = s.value(u"id"_s).toInteger() == currentId ? firstId : s.value(u"id"_s).toInteger();
        }
        const ServerAnswer probe = withToken("GET", u"/auth/session/"_s, current);
        QCOMPARE(probe.object().value(u"authenticated"_s), QJsonValue(true));
        QCOMPARE(probe.object().value(u"session"_s).toObject().value(u"id"_s).toInteger(), currentId);
        QCOMPARE(probe.object().value(u"user"_s).toObject().value(u"username"_s).toString(), u"ada"_s);

        QCOMPARE(m_fx->call("DELETE", u"/auth/sessions/%1/"_s.arg(firstId)).status, 204);
        QCOMPARE(withToken("GET", u"/notes/"_s, first).status, 401);
        QCOMPARE(withToken("GET", u"/auth/session/"_s, first).object().value(u"authenticated"_s), QJsonValue(false));
        QCOMPARE(withToken("GET", u"/notes/"_s, current).status, 200);
        const ServerAnswer again = m_fx->call("DELETE", u"/auth/sessions/%1/"_s.arg(firstId));
        QCOMPARE(again.status, 404);
        QVERIFY2(again.detail().startsWith(u"Session not revoked: Core.Server.Auth/sessions.revoke \u2014 "_s),
            qPrintable(again.detail()));
    }

    void logoutEndsOnlyTheCurrentSession()
    {
        QCOMPARE(setPassword(thePassword.toUtf8()).exitCode, 0);
        const QByteArray token = signIn();
        const QByteArray other = signIn();
        QCOMPARE(withToken("POST", u"/auth/logout/"_s, token).status, 204);
        QCOMPARE(withToken("GET", u"/notes/"_s, token).status, 401);
        QCOMPARE(withToken("GET", u"/notes/"_s, other).status, 200);
        // With the API key logout succeeds and the key keeps working.
        QCOMPARE(m_fx->call("POST", u"/auth/logout/"_s).status, 204);
        QCOMPARE(m_fx->call("GET", u"/notes/"_s).status, 200);
    }

    void rotatingTheApiKeyRefusesTheOldOneAtOnce()
    {
        const QByteArray old = m_fx->server->apiKey().toLatin1();
        const ServerAnswer rotated = m_fx->call("POST", u"/auth/rotate-api-key/"_s);
        QCOMPARE(rotated.status, 200);
        const QString fresh = rotated.object().value(u"api_key"_s).toString();
        QVERIFY(fresh.startsWith(u"ntc_"_s) && fresh.size() == 36 && fresh.toLatin1() != old);
        QCOMPARE(rotated.object().value(u"api_key_prefix"_s).toString(), fresh.left(8));
        QCOMPARE(m_fx->call("GET", u"/notes/"_s, {}, "application/json", "Bearer " + old).status, 401);
        QCOMPARE(m_fx->call("GET", u"/notes/"_s, {}, "application/json", "Bearer " + fresh.toLatin1()).status, 200);
        QCOMPARE(m_fx->server->apiKey(), fresh);
        // Kept where LocalServer reads it at the next start.
        QCOMPARE(QCoro::waitFor(LocalServer::ensureApiKey(&m_fx->secrets)).value(), fresh);
        const ServerAnswer settings
            = m_fx->call("GET", u"/settings/"_s, {}, "application/json", "Token " + fresh.toLatin1());
        QCOMPARE(settings.object().value(u"api_key_prefix"_s).toString(), fresh.left(8));
    }

    void theFileHoldsAnArgon2idHashNotThePassword()
    {
        QCOMPARE(setPassword(thePassword.toUtf8()).exitCode, 0);
        const QByteArray token = signIn();
        const QString path = QDir(m_fx->dir.path()).filePath(u"notechondria.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT hash FROM local_password"_s) && q.next());
            const QString hash = q.value(0).toString();
            QVERIFY2(hash.startsWith(u"$argon2id$"_s), qPrintable(hash.left(10)));
            QVERIFY(!hash.contains(thePassword));
            QVERIFY(q.exec(u"SELECT token_sha256 FROM auth_sessions"_s) && q.next());
            QCOMPARE(q.value(0).toString().size(), 64);
            QVERIFY(q.value(0).toString().toLatin1() != token);
        }
        QSqlDatabase::removeDatabase(u"peek"_s);
        for (const QString &file : QStringList{path, path + u"-wal"_s}) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly)) {
                const QByteArray bytes = f.readAll();
                QVERIFY(!bytes.contains(thePassword.toUtf8()));
                QVERIFY(!bytes.contains(token));
            }
        }
    }

    void casdoorIsNotConfiguredHere()
    {
        const ServerAnswer config = m_fx->call("GET", u"/auth/casdoor/config/"_s, {}, "application/json", QByteArray());
        QCOMPARE(config.status, 200);
        QCOMPARE(config.object().value(u"configured"_s), QJsonValue(false));
        for (const auto &[method, path] : {std::pair{"POST", u"/auth/casdoor/exchange/"_s},
                 std::pair{"POST", u"/auth/casdoor/link/bind/"_s}, std::pair{"POST", u"/auth/casdoor/link/create/"_s},
                 std::pair{"POST", u"/auth/casdoor/bind/"_s}, std::pair{"DELETE", u"/auth/casdoor/unlink/"_s}}) {
            const ServerAnswer answer = m_fx->call(method, path, json({{u"code"_s, u"x"_s}}));
            QCOMPARE(answer.status, 400);
            QVERIFY2(answer.detail().startsWith(u"Casdoor sign-in unavailable: Core.Server.Auth/casdoor."_s),
                qPrintable(answer.detail()));
            QVERIFY(answer.detail().contains(u"not configured on this local server"_s));
        }
    }

    void theLocalPasswordRouteTakesOnlyTheApiKeyAndANewPasswordSignsEveryoneOut()
    {
        ServerAnswer state = m_fx->call("GET", u"/auth/local-password/"_s);
        QCOMPARE(state.object().value(u"password_set"_s), QJsonValue(false));
        const ServerAnswer weak = m_fx->callJson("POST", u"/auth/local-password/"_s, {{u"password"_s, u"short"_s}});
        QCOMPARE(weak.status, 400);
        QVERIFY(
            firstError(weak, u"password"_s).startsWith(u"Local password not set: Core.Server.Auth/local_password"_s));
        state = m_fx->callJson("POST", u"/auth/local-password/"_s, {{u"password"_s, thePassword}});
        QCOMPARE(state.status, 200);
        QCOMPARE(state.object().value(u"password_set"_s), QJsonValue(true));
        const QByteArray token = signIn();
        QCOMPARE(m_fx->call("POST", u"/auth/local-password/"_s, json({{u"password"_s, u"another password"_s}}),
                         "application/json", "Token " + token)
                     .status,
            403);
        QCOMPARE(
            m_fx->callJson("POST", u"/auth/local-password/"_s, {{u"password"_s, u"another password"_s}}).status, 200);
        QCOMPARE(withToken("GET", u"/notes/"_s, token).status, 401); // a new password signs every session out
        QCOMPARE(login({{u"email"_s, u"ada"_s}, {u"password"_s, thePassword}}).status, 400);
        QCOMPARE(login({{u"email"_s, u"ada"_s}, {u"password"_s, u"another password"_s}}).status, 200);
        state = m_fx->call("DELETE", u"/auth/local-password/"_s);
        QCOMPARE(state.object().value(u"password_set"_s), QJsonValue(false));
        QVERIFY(firstError(login({{u"email"_s, u"ada"_s}, {u"password"_s, u"another password"_s}}))
                .contains(u"set-password"_s));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "test_auth.moc"
