// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Notechondria::Test {

/// Keys made at test time with the openssl CLI in a temporary folder (no key is ever committed).
class KeyFixture
{
public:
    [[nodiscard]] bool isValid() const { return m_dir.isValid(); }
    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }

    /// Runs openssl with the arguments in the fixture folder; true on exit 0.
    bool openssl(const QStringList &arguments, const QByteArray &input = {}) const
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral("openssl"), arguments);
        if (!input.isEmpty()) {
            process.write(input);
        }
        process.closeWriteChannel();
        return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
    }

    [[nodiscard]] QByteArray read(const QString &name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    bool write(const QString &name, const QByteArray &bytes) const
    {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
    }

    /// An RSA key pair: NAME.pkcs8.pem, NAME.pkcs1.pem, NAME.pub.pem.
    bool makeRsaKey(const QString &name, int bits = 2048) const
    {
        return openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:%1").arg(bits), QStringLiteral("-out"),
                   name + QStringLiteral(".pkcs8.pem")})
            && openssl({QStringLiteral("rsa"), QStringLiteral("-in"), name + QStringLiteral(".pkcs8.pem"),
                QStringLiteral("-traditional"), QStringLiteral("-out"), name + QStringLiteral(".pkcs1.pem")})
            && openssl({QStringLiteral("rsa"), QStringLiteral("-in"), name + QStringLiteral(".pkcs8.pem"),
                QStringLiteral("-pubout"), QStringLiteral("-out"), name + QStringLiteral(".pub.pem")});
    }

    /// The base64 body lines of a PEM file (what must never show up in a message).
    [[nodiscard]] static QByteArrayList keyMaterial(const QByteArray &pem)
    {
        QByteArrayList lines;
        for (const QByteArray &line : pem.split('\n')) {
            if (!line.startsWith("-----") && line.trimmed().size() >= 16) {
                lines.append(line.trimmed().left(24));
            }
        }
        return lines;
    }

private:
    QTemporaryDir m_dir;
};

} // namespace Notechondria::Test
