// SPDX-License-Identifier: GPL-3.0-or-later
#include "jwtsigner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtCrypto>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr int minimumKeyBits = 2048;
constexpr qint64 issuedBackdate = 60;
constexpr qint64 expiresAfter = 540;

const QString unavailable = u"GitHub sync unavailable"_s;
const QString module = u"Core.GitHub/app_jwt"_s;

/// QCA needs an Initializer alive while it is used; one for the whole process.
QCA::Initializer &qcaInitializer()
{
    static QCA::Initializer initializer;
    return initializer;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/// Whether a PKCS#8 block names an algorithm other than RSA (QCA cannot read EC/Ed25519 PKCS#8 keys at all).
bool isNonRsaPkcs8(const QByteArray &pem)
{
    static constexpr char rsaEncryptionOid[] = "\x06\x09\x2A\x86\x48\x86\xF7\x0D\x01\x01\x01";
    const qsizetype begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    if (begin < 0) {
        return false;
    }
    const qsizetype bodyStart = pem.indexOf('\n', begin);
    const qsizetype end = pem.indexOf("-----END", bodyStart);
    if (bodyStart < 0 || end < 0) {
        return false;
    }
    const QByteArray der = QByteArray::fromBase64(pem.mid(bodyStart, end - bodyStart).simplified().replace(' ', ""));
    return der.size() >= 32 && !der.left(64).contains(QByteArrayView(rsaEncryptionOid, sizeof(rsaEncryptionOid) - 1));
}

std::unexpected<Error> keyError(const QString &cause)
{
    return fail(unavailable, module, cause);
}

} // namespace

struct JwtSigner::Private
{
    QCA::PrivateKey key;
};

JwtSigner::JwtSigner(std::unique_ptr<Private> d)
    : d(std::move(d))
{
}

JwtSigner::JwtSigner(JwtSigner &&) noexcept = default;
JwtSigner &JwtSigner::operator=(JwtSigner &&) noexcept = default;
JwtSigner::~JwtSigner() = default;

QByteArray JwtSigner::normalizePem(const QByteArray &pem)
{
    QByteArray text = pem.trimmed();
    // Surrounding quotes, as .env files and shells leave them.
    while (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front()) {
        text = text.mid(1, text.size() - 2).trimmed();
    }
    if (text.contains("\\n")) {
        text.replace("\\r\\n", "\n");
        text.replace("\\n", "\n");
    }
    text.replace("\r\n", "\n");
    text.replace('\r', '\n');
    QByteArrayList lines;
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty()) {
            lines.append(trimmed);
        }
    }
    return lines.join('\n') + '\n';
}

Result<JwtSigner> JwtSigner::fromPem(const QByteArray &pem)
{
    qcaInitializer();
    const QByteArray text = normalizePem(pem);
    if (text.trimmed().isEmpty()) {
        return keyError(
            u"the private key is empty; set GITHUB_DATA_SYNC_APP_PRIVATE_KEY (or _FILE) to the App's PEM key."_s);
    }
    if (text.contains("ENCRYPTED")) {
        return keyError(u"the private key is encrypted; export it without a passphrase."_s);
    }
    if (!text.contains("-----BEGIN ")) {
        return keyError(
            u"the private key is not in PEM format (no header line); paste the whole .pem file GitHub gave."_s);
    }
    if (text.contains("BEGIN EC PRIVATE KEY") || text.contains("BEGIN DSA PRIVATE KEY")
        || text.contains("BEGIN OPENSSH PRIVATE KEY") || isNonRsaPkcs8(text)) {
        return keyError(u"the private key is not an RSA key; GitHub Apps sign with RSA (RS256)."_s);
    }
    if (!text.contains("-----END ")) {
        return keyError(u"the private key is truncated (no END line); paste the whole .pem file."_s);
    }
    if (!QCA::isSupported("pkey") || !QCA::isSupported("rsa") || !QCA::isSupported("sha256")) {
        return keyError(u"RSA signing is not available; install the QCA OpenSSL plugin (qca-ossl)."_s);
    }
    QCA::ConvertResult converted = QCA::ErrorDecode;
    const QCA::PrivateKey key = QCA::PrivateKey::fromPEM(QString::fromLatin1(text), QCA::SecureArray(), &converted);
    if (converted == QCA::ErrorPassphrase) {
        return keyError(u"the private key is encrypted; export it without a passphrase."_s);
    }
    if (converted != QCA::ConvertGood || key.isNull()) {
        return keyError(u"the private key cannot be read (truncated or damaged PEM); paste the whole .pem file."_s);
    }
    if (!key.isRSA()) {
        return keyError(u"the private key is not an RSA key; GitHub Apps sign with RSA (RS256)."_s);
    }
    if (key.bitSize() < minimumKeyBits) {
        return keyError(
            u"the private key has %1 bits; GitHub App keys have at least %2."_s.arg(key.bitSize()).arg(minimumKeyBits));
    }
    if (!key.canSign()) {
        return keyError(u"the private key cannot sign."_s);
    }
    auto d = std::make_unique<Private>();
    d->key = key;
    return JwtSigner(std::move(d));
}

int JwtSigner::keyBits() const
{
    return d->key.bitSize();
}

QByteArray JwtSigner::sign(const QString &issuer, const QDateTime &now) const
{
    const qint64 seconds = now.toSecsSinceEpoch();
    const QByteArray header
        = QJsonDocument(QJsonObject{{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}}).toJson(QJsonDocument::Compact);
    const QByteArray claims = QJsonDocument(
        QJsonObject{{u"iat"_s, seconds - issuedBackdate}, {u"exp"_s, seconds + expiresAfter},
            {u"iss"_s, issuer}}).toJson(QJsonDocument::Compact);
    const QByteArray signingInput = base64Url(header) + '.' + base64Url(claims);
    QCA::PrivateKey key = d->key;
    const QByteArray signature = key.signMessage(QCA::MemoryRegion(signingInput), QCA::EMSA3_SHA256);
    return signingInput + '.' + base64Url(signature);
}

} // namespace Notechondria
