// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the profile row and its avatar.
#pragma once

#include "account.h"
#include "error.h"

namespace Notechondria {

class StoreContext;

/// The profile of the account: one row (id 1) of the profile table, its avatar a row of the files table.
class ProfileRecords
{
public:
    /// @p context must outlive the records.
    explicit ProfileRecords(StoreContext &context);

    /// The profile; a default Profile when no row has been written yet. The avatar comes with its bytes.
    [[nodiscard]] Result<Profile> profile() const;
    /// Writes every profile field except the avatar (see setAvatar), creating the row when needed.
    [[nodiscard]] Result<void> saveProfile(const Profile &profile);
    /// Sets (or with an empty file, removes) the profile's avatar; the old avatar file is deleted. Creates an empty
    /// profile row when there is none.
    [[nodiscard]] Result<void> setAvatar(const StoredFile &file);

private:
    StoreContext &m_context;
};

} // namespace Notechondria
