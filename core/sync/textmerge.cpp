// SPDX-License-Identifier: GPL-3.0-or-later
#include "textmerge.h"

#include <git2.h>

#include <mutex>

namespace Notechondria {

namespace {

git_merge_file_input input(const QByteArray &bytes)
{
    // The init functions, not the *_INIT macros: those leave fields to zero-initialization, which clang flags.
    git_merge_file_input in;
    git_merge_file_input_init(&in, GIT_MERGE_FILE_INPUT_VERSION);
    in.ptr = bytes.constData();
    in.size = size_t(bytes.size());
    in.path = "note.md";
    in.mode = 0100644;
    return in;
}

} // namespace

std::optional<QByteArray> mergeText(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs)
{
    static std::once_flag initialized;
    std::call_once(initialized, [] { git_libgit2_init(); });
    if (ours == theirs) {
        return ours;
    }
    if (base == ours) {
        return theirs;
    }
    if (base == theirs) {
        return ours;
    }
    const git_merge_file_input ancestor = input(base);
    const git_merge_file_input mine = input(ours);
    const git_merge_file_input other = input(theirs);
    git_merge_file_options options;
    git_merge_file_options_init(&options, GIT_MERGE_FILE_OPTIONS_VERSION);
    options.favor = GIT_MERGE_FILE_FAVOR_NORMAL;
    git_merge_file_result result = {};
    if (git_merge_file(&result, &ancestor, &mine, &other, &options) < 0) {
        return std::nullopt;
    }
    std::optional<QByteArray> merged;
    if (result.automergeable && result.ptr) {
        merged = QByteArray(result.ptr, qsizetype(result.len));
    }
    git_merge_file_result_free(&result);
    return merged;
}

} // namespace Notechondria
