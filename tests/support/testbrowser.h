// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A tiny "browser" for flows that go through web pages: follows redirects (301/302/303/307) and submits a page's
// auto-submitting form (a <form> with a script calling .submit()), the way a browser would, over real HTTP. Every
// exchange is kept as a hop. Waits with the event loop, so servers in the same process keep answering.

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace Notechondria::Test {

struct BrowserHop
{
    QByteArray method;
    QUrl url;
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
};

class TestBrowser
{
public:
    QList<BrowserHop> hops;

    /// GETs @p url and follows redirects and auto-submitting forms (at most @p maxSteps requests); the last hop.
    BrowserHop open(const QUrl &url, int maxSteps = 10)
    {
        QByteArray method = "GET";
        QUrl next = url;
        QByteArray body;
        BrowserHop hop;
        for (int step = 0; step < maxSteps && next.isValid(); ++step) {
            hop = fetch(method, next, body);
            hops.append(hop);
            next = QUrl();
            if (hop.status >= 300 && hop.status < 400 && hop.headers.contains("location")) {
                next = hop.url.resolved(QUrl::fromEncoded(hop.headers.value("location")));
                method = hop.status == 307 ? method : QByteArray("GET");
                body = hop.status == 307 ? body : QByteArray();
            } else if (const auto form = autoSubmitForm(hop)) {
                next = form->first;
                method = "POST";
                body = form->second.toString(QUrl::FullyEncoded).toUtf8();
            }
        }
        return hop;
    }

    static QString unescapeHtml(QString text)
    {
        text.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
        text.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
        text.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
        text.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
        text.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        return text;
    }

    /// The action and fields of a page's auto-submitting form.
    static std::optional<std::pair<QUrl, QUrlQuery>> autoSubmitForm(const BrowserHop &hop)
    {
        const QString html = QString::fromUtf8(hop.body);
        static const QRegularExpression formTag(QStringLiteral("<form\\b([^>]*)>(.*?)</form>"),
            QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression inputTag(QStringLiteral("<input\\b([^>]*)>"));
        const QRegularExpressionMatch form = formTag.match(html);
        if (!form.hasMatch() || !html.contains(QStringLiteral(".submit()"))) {
            return std::nullopt;
        }
        QUrlQuery fields;
        for (const QRegularExpressionMatch &input : inputTag.globalMatch(form.captured(2))) {
            fields.addQueryItem(
                QString::fromLatin1(QUrl::toPercentEncoding(attribute(input.captured(1), QStringLiteral("name")))),
                QString::fromLatin1(QUrl::toPercentEncoding(attribute(input.captured(1), QStringLiteral("value")))));
        }
        return std::pair{hop.url.resolved(QUrl(attribute(form.captured(1), QStringLiteral("action")))), fields};
    }

private:
    static QString attribute(const QString &tag, const QString &name)
    {
        const QRegularExpression pattern(QStringLiteral("\\b%1=\"([^\"]*)\"").arg(name));
        return unescapeHtml(pattern.match(tag).captured(1));
    }

    BrowserHop fetch(const QByteArray &method, const QUrl &url, const QByteArray &body)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(30000);
        if (method == "POST") {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        }
        QNetworkReply *reply = method == "POST" ? m_nam.post(request, body) : m_nam.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            finished.wait(30000);
        }
        BrowserHop hop{
            method, url, reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), {}};
        for (const auto &[name, value] : reply->rawHeaderPairs()) {
            hop.headers.insert(name.toLower(), value);
        }
        reply->deleteLater();
        return hop;
    }

    QNetworkAccessManager m_nam;
};

} // namespace Notechondria::Test
