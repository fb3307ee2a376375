# SPDX-License-Identifier: GPL-3.0-or-later
# ts_lines(<out_var> <file>): the lines of a .ts file as a CMake list, with `;`, `[` and `]` (which CMake lists
# treat specially) replaced by placeholders so that every line stays one element.
function(ts_lines out_var file)
    file(READ "${file}" content)
    string(REPLACE ";" "&#59;" content "${content}")
    string(REPLACE "[" "&#91;" content "${content}")
    string(REPLACE "]" "&#93;" content "${content}")
    string(REPLACE "\\" "&#92;" content "${content}")
    string(REPLACE "\n" ";" content "${content}")
    set(${out_var} "${content}" PARENT_SCOPE)
endfunction()
