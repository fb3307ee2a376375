// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

namespace Notechondria {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace Notechondria
