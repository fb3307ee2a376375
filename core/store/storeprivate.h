// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: what a Store holds, the shared context and the parts its methods forward to.
#pragma once

#include "authrecords.h"
#include "courserecords.h"
#include "githubrecords.h"
#include "mediarecords.h"
#include "noterecords.h"
#include "noteversionrecords.h"
#include "plannerrecords.h"
#include "profilerecords.h"
#include "runrecords.h"
#include "schedulerecords.h"
#include "sessionrecords.h"
#include "store.h"
#include "storecontext.h"
#include "syncindexrecords.h"

namespace Notechondria {

struct Store::Private
{
    Private(QString path, const Clock *clock)
        : context(std::move(path), clock)
    {
    }

    StoreContext context; // first: the parts hold a reference to it
    ProfileRecords profile{context};
    CourseRecords courses{context};
    NoteRecords notes{context};
    NoteVersionRecords versions{context};
    PlannerRecords planner{context};
    GitHubRecords github{context};
    RunRecords runs{context};
    SyncIndexRecords syncIndex{context};
    AuthRecords auth{context};
    MediaRecords media{context};
    SessionRecords sessions{context};
    ScheduleRecords schedule{context};
};

} // namespace Notechondria
