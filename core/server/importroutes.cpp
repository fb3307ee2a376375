// SPDX-License-Identifier: GPL-3.0-or-later
#include "importroutes.h"

#include "apirouter.h"
#include "logging.h"
#include "notechondriaclient.h"

#include <QJsonObject>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString consequence = u"Import not started"_s;
const QString module = u"Core.Server.Import/start"_s;

} // namespace

ImportRoutes::ImportRoutes(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

void ImportRoutes::registerOn(ApiRouter &router)
{
    router.addRoute(u"import"_s, QHttpServerRequest::Method::Post, [this](const ApiRequest &r) { return start(r); });
    router.addRoute(u"import"_s, QHttpServerRequest::Method::Get, [this](const ApiRequest &) { return status(); });
}

ApiResponse ImportRoutes::start(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    in.require(u"api_base"_s);
    in.require(u"token"_s);
    const QString apiBase = in.string(u"api_base"_s, 2048).value_or(QString()).trimmed();
    const QString token = in.string(u"token"_s, 512).value_or(QString()).trimmed();
    ImportOptions options;
    options.dryRun = in.boolean(u"dry_run"_s).value_or(false);
    options.includeAssets = in.boolean(u"include_assets"_s).value_or(false);
    const QUrl base(apiBase);
    if (!apiBase.isEmpty()
        && (!base.isValid() || (base.scheme() != u"http"_s && base.scheme() != u"https"_s) || base.host().isEmpty())) {
        in.addError(u"api_base"_s, u"Enter a valid http(s) URL."_s);
    }
    if (!in.ok()) {
        return in.errorResponse();
    }
    if (m_running) {
        return ApiResponse::detail(409, consequence, module, u"an import is already running; wait for it to finish."_s);
    }
    m_running = true;
    m_part.clear();
    m_done = m_total = 0;
    m_error.clear();
    runImport(base, token, options);
    return ApiResponse::json(QJsonObject{{u"running"_s, true}}, 202);
}

QCoro::Task<> ImportRoutes::runImport(QUrl base, QString token, ImportOptions options)
{
    QPointer<ImportRoutes> self(this);
    NotechondriaClient client(&m_nam);
    client.setBaseUrl(base);
    client.setApiKey(token);
    AccountImport import(*m_store, client, options);
    connect(&import, &AccountImport::progress, this, [this](const QString &part, int done, int total) {
        m_part = part;
        m_done = done;
        m_total = total;
    });
    auto summary = co_await import.run();
    if (!self) {
        co_return;
    }
    m_running = false;
    if (!summary) {
        m_error = redactSecrets(summary.error().message());
        qCWarning(lcServer).noquote() << m_error;
        co_return;
    }
    m_summary = std::move(*summary);
    qCInfo(lcServer).noquote() << u"Account imported: Core.Server.Import/run \u2014 %1 request(s), %2 item(s) failed."_s
                                      .arg(m_summary->requests)
                                      .arg(m_summary->failed());
}

ApiResponse ImportRoutes::status() const
{
    return ApiResponse::json(QJsonObject{{u"running"_s, m_running}, {u"part"_s, m_part}, {u"done"_s, m_done},
        {u"total"_s, m_total}, {u"summary"_s, m_summary ? QJsonValue(m_summary->toJson()) : QJsonValue()},
        {u"error"_s, m_error.isEmpty() ? QJsonValue() : QJsonValue(m_error)}});
}

} // namespace Notechondria
