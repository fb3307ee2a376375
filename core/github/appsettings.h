// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appconfig.h"

#include <QString>

namespace Notechondria {

/**
 * The GitHub App as saved in the settings (QSettings, group githubApp): what the settings page edits and what the App
 * Manifest flow writes. The private key is never here: it lives in the SecretStore (SecretKeys::AppPrivateKey).
 */
struct AppSettings
{
    QString name;
    QString clientId;
    QString appId;
    QString slug;
    QString installUrl;

    [[nodiscard]] static AppSettings load();
    /// Writes every field (an empty one clears the saved value).
    void save() const;

    /// The saved non-empty values laid over `config` (the desktop: the settings page wins over the environment).
    void overlay(AppConfig &config) const;
    /// The saved values where `config` has none (the command line: GITHUB_DATA_SYNC_APP_* wins). The identity (client
    /// id, app id) is taken only as a pair: when the environment names either, the saved one is not mixed in.
    void fillGaps(AppConfig &config) const;
};

} // namespace Notechondria
