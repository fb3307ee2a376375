// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {
constexpr auto nameKey = "githubApp/name"_L1;
constexpr auto clientIdKey = "githubApp/clientId"_L1;
constexpr auto appIdKey = "githubApp/appId"_L1;
constexpr auto slugKey = "githubApp/slug"_L1;
constexpr auto installUrlKey = "githubApp/installUrl"_L1;

void layOver(QString &field, const QString &saved)
{
    if (!saved.isEmpty()) {
        field = saved;
    }
}

void fillIn(QString &field, const QString &saved)
{
    if (field.trimmed().isEmpty()) {
        field = saved;
    }
}
} // namespace

AppSettings AppSettings::load()
{
    const QSettings settings;
    const auto value = [&settings](QLatin1StringView key) {
        return settings.value(key).toString().trimmed();
    };
    return AppSettings{value(nameKey), value(clientIdKey), value(appIdKey), value(slugKey), value(installUrlKey)};
}

void AppSettings::save() const
{
    QSettings settings;
    settings.setValue(nameKey, name);
    settings.setValue(clientIdKey, clientId);
    settings.setValue(appIdKey, appId);
    settings.setValue(slugKey, slug);
    settings.setValue(installUrlKey, installUrl);
    settings.sync();
}

void AppSettings::overlay(AppConfig &config) const
{
    layOver(config.appName, name);
    if (!clientId.isEmpty() || !appId.isEmpty()) {
        config.clientId = clientId;
        layOver(config.appId, appId);
    }
    layOver(config.installUrl, installUrl);
}

void AppSettings::fillGaps(AppConfig &config) const
{
    fillIn(config.appName, name);
    if (config.clientId.isEmpty() && config.appId.isEmpty()) {
        config.clientId = clientId;
        config.appId = appId;
    }
    fillIn(config.installUrl, installUrl);
}

} // namespace Notechondria
