# The browser app: build/web/{index.html, flipside-*.js, style.css, flipside.js, flipside.wasm},
# its service worker (flipside-sw.js) and the single-file app (flipside.html).
# Included from CMakeLists.txt for Emscripten builds only.
#
# Index
# [SECTION] Font: subset Debian's fonts into the build tree, one range list for subsetter and ImGui
# [SECTION] flipside_web: the WebAssembly module
# [SECTION] Page: copy web_shell/ next to the module
# [SECTION] Deployables: service worker (hosted build) and the single file

#-----------------------------------------------------------------------------
# [SECTION] Font
#-----------------------------------------------------------------------------
# ImGui's built-in font is ASCII only; participants are called "Nguyễn Thị Hương" and
# "Ольга Смирнова". Noto Sans covers the scripts, DejaVu Sans fills in symbols Noto lacks
# (✓ ★ ▲ ▼ ←). Both are subset so the embedded files stay small; fonts are never committed.

set(FLIPSIDE_TEXT_FONT "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"
    CACHE FILEPATH "Main UI font (Debian fonts-noto-core)")
set(FLIPSIDE_SYMBOL_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    CACHE FILEPATH "Symbol fallback font (Debian fonts-dejavu-core)")
foreach(font_file "${FLIPSIDE_TEXT_FONT}" "${FLIPSIDE_SYMBOL_FONT}")
  if(NOT EXISTS "${font_file}")
    message(FATAL_ERROR "${font_file} is missing: run scripts/setup.sh (fonts-noto-core, fonts-dejavu-core)")
  endif()
endforeach()

# Debian's python3-fonttools ships the module; the `pyftsubset` command comes with the
# separate `fonttools` package, so fall back to `python3 -m fontTools.subset`. The system
# interpreter is asked first: a pyenv python3 earlier on PATH does not see Debian's modules.
find_program(FLIPSIDE_PYFTSUBSET pyftsubset NO_CMAKE_FIND_ROOT_PATH)
if(FLIPSIDE_PYFTSUBSET)
  set(flipside_subset_command "${FLIPSIDE_PYFTSUBSET}")
else()
  find_program(FLIPSIDE_FONTTOOLS_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
  if(NOT FLIPSIDE_FONTTOOLS_PYTHON)
    find_program(FLIPSIDE_FONTTOOLS_PYTHON python3 NO_CMAKE_FIND_ROOT_PATH)
  endif()
  execute_process(COMMAND "${FLIPSIDE_FONTTOOLS_PYTHON}" -c "import fontTools.subset"
                  RESULT_VARIABLE fonttools_missing OUTPUT_QUIET ERROR_QUIET)
  if(fonttools_missing)
    message(FATAL_ERROR "fontTools not found for ${FLIPSIDE_FONTTOOLS_PYTHON}: run scripts/setup.sh (python3-fonttools)")
  endif()
  set(flipside_subset_command "${FLIPSIDE_FONTTOOLS_PYTHON}" -m fontTools.subset)
endif()

# The one list of code point ranges (hex, inclusive). The subsetter keeps exactly these and
# ImGui rasterises exactly these, so a glyph is never in the file but missing from the atlas.
set(FLIPSIDE_TEXT_RANGES
  0020-007E   # Basic Latin
  00A0-00FF   # Latin-1 Supplement (Zoë, Åkesson, ×)
  0100-017F   # Latin Extended-A (Łukasz, Dvořák, Şahin)
  0180-024F   # Latin Extended-B (Vietnamese ơ ư, Romanian ș ț)
  02B0-02FF   # Spacing modifier letters (ˆ ˇ ˜ typed on their own)
  0300-036F   # Combining diacritics: names pasted in decomposed form still show their marks
  0370-03FF   # Greek and Coptic (Αλέξανδρος)
  0400-052F   # Cyrillic and Cyrillic Supplement (Ольга Смирнова)
  1E00-1EFF   # Latin Extended Additional (Nguyễn Thị Hương)
  2000-206F   # General Punctuation (– — ‘ ’ “ ” • … ‰)
  20A0-20C0   # Currency Symbols (€ ₹ ₽ ₺)
  2116-2116   # №
  2122-2122   # ™
  FFFD-FFFD   # Replacement character: ImGui draws it for anything outside these ranges
)
set(FLIPSIDE_SYMBOL_RANGES
  2190-21FF   # Arrows (← → ↑ ↓ ↻)
  2212-2212   # Minus sign
  221E-221E   # ∞
  2248-2248   # ≈
  2260-2260   # ≠
  2264-2265   # ≤ ≥
  25A0-25FF   # Geometric Shapes (▲ ▼ ● ○ ■ □ ◆)
  2605-2606   # ★ ☆
  2610-2612   # ☐ ☑ ☒
  26A0-26A0   # ⚠
  270E-270E   # ✎
  2713-2718   # ✓ ✔ ✕ ✖ ✗ ✘
)

# Turns "0020-007E;..." into pyftsubset's "U+0020-007E,..." and C++ "0x0020, 0x007E, ...".
function(flipside_font_ranges ranges out_unicodes out_cxx)
  set(unicodes "")
  set(cxx "")
  foreach(range ${ranges})
    string(REPLACE "-" ";" bounds "${range}")
    list(GET bounds 0 first)
    list(GET bounds 1 last)
    list(APPEND unicodes "U+${first}-${last}")
    string(APPEND cxx "0x${first}, 0x${last}, ")
  endforeach()
  string(REPLACE ";" "," unicodes "${unicodes}")
  set(${out_unicodes} "${unicodes}" PARENT_SCOPE)
  set(${out_cxx} "${cxx}" PARENT_SCOPE)
endfunction()
flipside_font_ranges("${FLIPSIDE_TEXT_RANGES}" text_unicodes text_ranges_cxx)
flipside_font_ranges("${FLIPSIDE_SYMBOL_RANGES}" symbol_unicodes symbol_ranges_cxx)

set(FLIPSIDE_FONT_DIR "${CMAKE_BINARY_DIR}/fonts")
set(FLIPSIDE_TEXT_FONT_SUBSET "${FLIPSIDE_FONT_DIR}/flipside-text.ttf")
set(FLIPSIDE_SYMBOL_FONT_SUBSET "${FLIPSIDE_FONT_DIR}/flipside-symbols.ttf")
# No OpenType layout (ImGui does no shaping) and no hinting (stb_truetype ignores it).
set(flipside_subset_options --layout-features= --no-hinting --desubroutinize --notdef-outline)
add_custom_command(
  OUTPUT "${FLIPSIDE_TEXT_FONT_SUBSET}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FLIPSIDE_FONT_DIR}"
  COMMAND ${flipside_subset_command} "${FLIPSIDE_TEXT_FONT}" "--unicodes=${text_unicodes}"
          ${flipside_subset_options} "--output-file=${FLIPSIDE_TEXT_FONT_SUBSET}"
  DEPENDS "${FLIPSIDE_TEXT_FONT}" "${CMAKE_CURRENT_LIST_FILE}"
  COMMENT "Subsetting ${FLIPSIDE_TEXT_FONT}"
  VERBATIM)
add_custom_command(
  OUTPUT "${FLIPSIDE_SYMBOL_FONT_SUBSET}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FLIPSIDE_FONT_DIR}"
  COMMAND ${flipside_subset_command} "${FLIPSIDE_SYMBOL_FONT}" "--unicodes=${symbol_unicodes}"
          ${flipside_subset_options} "--output-file=${FLIPSIDE_SYMBOL_FONT_SUBSET}"
  DEPENDS "${FLIPSIDE_SYMBOL_FONT}" "${CMAKE_CURRENT_LIST_FILE}"
  COMMENT "Subsetting ${FLIPSIDE_SYMBOL_FONT}"
  VERBATIM)
add_custom_target(flipside_web_fonts
  DEPENDS "${FLIPSIDE_TEXT_FONT_SUBSET}" "${FLIPSIDE_SYMBOL_FONT_SUBSET}")

# The same ranges for ImGui, as a generated header (web_fonts.cpp includes it).
set(FLIPSIDE_WEB_GENERATED_DIR "${CMAKE_BINARY_DIR}/generated/web")
file(CONFIGURE OUTPUT "${FLIPSIDE_WEB_GENERATED_DIR}/web_font_ranges.h" CONTENT
"// Generated by cmake/web_app.cmake from FLIPSIDE_TEXT_RANGES / FLIPSIDE_SYMBOL_RANGES: edit there.
#pragma once
#define FLIPSIDE_TEXT_FONT_PATH \"/fonts/flipside-text.ttf\"
#define FLIPSIDE_SYMBOL_FONT_PATH \"/fonts/flipside-symbols.ttf\"
#define FLIPSIDE_TEXT_GLYPH_RANGES ${text_ranges_cxx}0
#define FLIPSIDE_SYMBOL_GLYPH_RANGES ${symbol_ranges_cxx}0
")

#-----------------------------------------------------------------------------
# [SECTION] flipside_web
#-----------------------------------------------------------------------------
# web_time_zones.cpp is its own library (flipside_time_zones), shared with the wasm tests.
set(FLIPSIDE_WEB_SOURCES
  web_clipboard.cpp web_clock.cpp web_display.cpp web_editing.cpp web_embed.cpp web_exports.cpp
  web_files.cpp web_fonts.cpp web_frame_signals.cpp web_input.cpp web_key_map.cpp web_main.cpp
  web_navigation.cpp web_participant.cpp web_random.cpp web_renderer.cpp web_storage.cpp)
list(TRANSFORM FLIPSIDE_WEB_SOURCES PREPEND "${PROJECT_SOURCE_DIR}/src/platform/")
# Compiled once, linked twice: flipside.js + flipside.wasm for the hosted build, and the same
# objects with the wasm inlined (-sSINGLE_FILE) for build/web/flipside.html.
add_library(flipside_web_objects OBJECT ${FLIPSIDE_WEB_SOURCES})
target_include_directories(flipside_web_objects PRIVATE "${FLIPSIDE_WEB_GENERATED_DIR}" "${PROJECT_SOURCE_DIR}/src")
target_link_libraries(flipside_web_objects PRIVATE flipside_ui flipside_time_zones flipside_frame_pacer)
flipside_warnings(flipside_web_objects)
add_dependencies(flipside_web_objects flipside_web_fonts)

# C functions the page calls (web_shell/flipside-shell.js, the embed bridge and the browser tests).
set(FLIPSIDE_WEB_EXPORTS
  _main _malloc _free
  # input (web_input.cpp)
  _flipside_mouse_move _flipside_mouse_button _flipside_mouse_wheel _flipside_mouse_leave
  _flipside_key _flipside_text_input _flipside_focus _flipside_paste _flipside_frame_now
  # files, lifecycle (web_main.cpp)
  _flipside_receive_file _flipside_post_message _flipside_flush _flipside_wake _flipside_editing_changed
  # inspection for tests and embedding (web_exports.cpp)
  _flipside_document_json _flipside_messages_json _flipside_save_status_json
  _flipside_item_rect _flipside_items _flipside_font_sizes
  _flipside_frame_count _flipside_pending_input _flipside_participant_count
  # embedding: mode, theme, roster import (web_embed.cpp)
  _flipside_embed_mode _flipside_embed_set_mode _flipside_embed_set_theme _flipside_embed_import
  _flipside_embed_merge_replies
  # participant mode: an invitation from the page or the portal (web_participant.cpp)
  _flipside_participant_open)
list(JOIN FLIPSIDE_WEB_EXPORTS "," flipside_web_exports)

set(flipside_web_link_options
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sFULL_ES3=1
  -sALLOW_MEMORY_GROWTH=1
  -sENVIRONMENT=web
  # A factory (createFlipsideModule) instead of a global Module: the page, and later an embed,
  # decide when to start and what to hand in (the canvas, the shell's DOM hooks).
  -sMODULARIZE=1 -sEXPORT_NAME=createFlipsideModule
  "-sEXPORTED_FUNCTIONS=${flipside_web_exports}"
  -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8
  # Embedded, not preloaded: the single-file build must open without any fetch.
  "SHELL:--embed-file ${FLIPSIDE_TEXT_FONT_SUBSET}@/fonts/flipside-text.ttf"
  "SHELL:--embed-file ${FLIPSIDE_SYMBOL_FONT_SUBSET}@/fonts/flipside-symbols.ttf")

function(flipside_web_link target output_name output_dir)
  add_executable(${target} $<TARGET_OBJECTS:flipside_web_objects>)
  target_link_libraries(${target} PRIVATE flipside_ui flipside_time_zones flipside_frame_pacer)
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME ${output_name}
    SUFFIX ".js"   # never .html: emcc would run htmlmin (missing); the page is web_shell/index.html
    RUNTIME_OUTPUT_DIRECTORY "${output_dir}"
    LINK_DEPENDS "${FLIPSIDE_TEXT_FONT_SUBSET};${FLIPSIDE_SYMBOL_FONT_SUBSET}")
  target_link_options(${target} PRIVATE ${flipside_web_link_options} ${ARGN})
endfunction()

flipside_web_link(flipside_web flipside "${FLIPSIDE_WEB_OUT}")
# An intermediate: only the inlined page below goes to build/web.
flipside_web_link(flipside_web_single flipside-single "${CMAKE_BINARY_DIR}/single-file" -sSINGLE_FILE=1)

#-----------------------------------------------------------------------------
# [SECTION] Page
#-----------------------------------------------------------------------------
# The service worker template (flipside-sw.template.js) is filled in below, not copied as it is.
set(FLIPSIDE_SERVICE_WORKER_TEMPLATE "${PROJECT_SOURCE_DIR}/web_shell/flipside-sw.template.js")
set(FLIPSIDE_WEB_SHELL_FILES
  embed-example.html flipside-embed-bridge.js flipside-embed.js flipside-offline.js
  flipside-shell.js flipside-store.js flipside-tabs.js index.html style.css)
list(TRANSFORM FLIPSIDE_WEB_SHELL_FILES PREPEND "${PROJECT_SOURCE_DIR}/web_shell/")
set(flipside_web_shell_outputs "")
foreach(shell_file ${FLIPSIDE_WEB_SHELL_FILES})
  get_filename_component(shell_name "${shell_file}" NAME)
  add_custom_command(
    OUTPUT "${FLIPSIDE_WEB_OUT}/${shell_name}"
    COMMAND ${CMAKE_COMMAND} -E copy_if_different "${shell_file}" "${FLIPSIDE_WEB_OUT}/${shell_name}"
    DEPENDS "${shell_file}"
    COMMENT "Copying web_shell/${shell_name}"
    VERBATIM)
  list(APPEND flipside_web_shell_outputs "${FLIPSIDE_WEB_OUT}/${shell_name}")
endforeach()
add_custom_target(flipside_web_shell ALL DEPENDS ${flipside_web_shell_outputs})
add_dependencies(flipside_web flipside_web_shell)

#-----------------------------------------------------------------------------
# [SECTION] Deployables: service worker (hosted build) and the single file
#-----------------------------------------------------------------------------
# Both are written by small node scripts (node is there: emcc runs on it).
find_program(FLIPSIDE_NODE NAMES node nodejs NO_CMAKE_FIND_ROOT_PATH REQUIRED)
set(flipside_page_sources
  "${PROJECT_SOURCE_DIR}/web_shell/index.html" "${PROJECT_SOURCE_DIR}/web_shell/style.css"
  "${PROJECT_SOURCE_DIR}/web_shell/flipside-shell.js" "${PROJECT_SOURCE_DIR}/web_shell/flipside-offline.js"
  "${PROJECT_SOURCE_DIR}/web_shell/flipside-store.js" "${PROJECT_SOURCE_DIR}/web_shell/flipside-tabs.js"
  "${PROJECT_SOURCE_DIR}/web_shell/flipside-embed-bridge.js")

# The worker's cache name is a hash of the files it caches, so any rebuilt file makes a new
# worker, which the browser installs on the next visit.
add_custom_command(
  OUTPUT "${FLIPSIDE_WEB_OUT}/flipside-sw.js"
  COMMAND "${FLIPSIDE_NODE}" "${PROJECT_SOURCE_DIR}/scripts/web/write_service_worker.mjs"
          --template "${FLIPSIDE_SERVICE_WORKER_TEMPLATE}" --root "${FLIPSIDE_WEB_OUT}"
          --out "${FLIPSIDE_WEB_OUT}/flipside-sw.js"
  DEPENDS flipside_web "${FLIPSIDE_SERVICE_WORKER_TEMPLATE}" ${flipside_page_sources}
          "${PROJECT_SOURCE_DIR}/scripts/web/write_service_worker.mjs"
  COMMENT "Writing the service worker (build/web/flipside-sw.js)"
  VERBATIM)
add_custom_command(
  OUTPUT "${FLIPSIDE_WEB_OUT}/flipside.html"
  COMMAND "${FLIPSIDE_NODE}" "${PROJECT_SOURCE_DIR}/scripts/web/inline_single_file.mjs"
          --page "${PROJECT_SOURCE_DIR}/web_shell/index.html"
          --module "${CMAKE_BINARY_DIR}/single-file/flipside-single.js"
          --out "${FLIPSIDE_WEB_OUT}/flipside.html"
  DEPENDS flipside_web_single ${flipside_page_sources}
          "${PROJECT_SOURCE_DIR}/scripts/web/inline_single_file.mjs"
  COMMENT "Inlining the single-file app (build/web/flipside.html)"
  VERBATIM)
add_custom_target(flipside_web_deployables ALL
  DEPENDS "${FLIPSIDE_WEB_OUT}/flipside-sw.js" "${FLIPSIDE_WEB_OUT}/flipside.html")
add_dependencies(flipside_web_deployables flipside_web_shell)
