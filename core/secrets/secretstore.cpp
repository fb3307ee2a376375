// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

QCoro::Task<Result<std::optional<QString>>> MemorySecretStore::read(QString key)
{
    const auto it = m_values.constFind(key);
    co_return it == m_values.cend() ? std::optional<QString>() : std::optional<QString>(*it);
}

QCoro::Task<Result<void>> MemorySecretStore::write(QString key, QString value)
{
    m_values.insert(key, value);
    co_return Result<void>();
}

QCoro::Task<Result<void>> MemorySecretStore::remove(QString key)
{
    m_values.remove(key);
    co_return Result<void>();
}

QString MemorySecretStore::backendName() const
{
    return u"memory"_s;
}

} // namespace Notechondria
