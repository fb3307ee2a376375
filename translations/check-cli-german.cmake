# SPDX-License-Identifier: GPL-3.0-or-later
# `notechondria-sync --help` under LANG=de_DE.UTF-8 prints the German help. Input: PROGRAM.
cmake_minimum_required(VERSION 3.25)
execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=LC_ALL --unset=LC_MESSAGES --unset=LANGUAGE
        LANG=de_DE.UTF-8 "${PROGRAM}" --help
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "German help not shown: notechondria-sync --help — exit status ${rc}: ${err}")
endif()
foreach(expected IN ITEMS "Aufruf: notechondria-sync" "Globale Optionen:" "Befehle:" "Exit-Status:")
    string(FIND "${out}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "German help not shown: notechondria-sync --help — \"${expected}\" missing under "
            "LANG=de_DE.UTF-8; output was:\n${out}")
    endif()
endforeach()
message(STATUS "notechondria-sync --help speaks German under LANG=de_DE.UTF-8")
