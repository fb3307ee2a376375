// SPDX-License-Identifier: GPL-3.0-or-later
#include "installstate.h"

#include "apikey.h"

#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

#include <array>
#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Notechondria {

QString InstallState::current()
{
    if (m_state.isEmpty() || m_expiry.hasExpired()) {
        std::array<quint32, 4> words{};
        QRandomGenerator::system()->generate(words.begin(), words.end());
        m_state = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words.data()), sizeof(words)).toHex());
        m_expiry = QDeadlineTimer(1h);
    }
    return m_state;
}

bool InstallState::isPending(const QString &state) const
{
    return !m_state.isEmpty() && !m_expiry.hasExpired() && state.size() == m_state.size()
        && ApiKey::constantTimeEquals(state.toLatin1(), m_state.toLatin1());
}

QString InstallState::withState(const QString &installUrl, const QString &state)
{
    if (installUrl.trimmed().isEmpty()) {
        return {};
    }
    QUrl url(installUrl.trimmed());
    QUrlQuery query(url);
    query.removeAllQueryItems(u"state"_s);
    query.addQueryItem(u"state"_s, state);
    url.setQuery(query);
    return url.toString();
}

} // namespace Notechondria
