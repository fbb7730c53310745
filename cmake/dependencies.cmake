# Third-party code is never committed. nlohmann/json and doctest are Debian's header-only
# packages; Dear ImGui is fetched from Debian's source package into build/_deps/imgui by
# scripts/setup.sh (through scripts/fetch_imgui.sh), or taken from FLIPSIDE_IMGUI_DIR.

# Header-only libraries: an include dir holding only them (never -I/usr/include, which
# would pull the host's libc headers into an emcc build).
set(FLIPSIDE_HEADER_DIR "${CMAKE_BINARY_DIR}/third_party_include")
foreach(header_dir nlohmann doctest)
  if(NOT EXISTS "/usr/include/${header_dir}")
    message(FATAL_ERROR "/usr/include/${header_dir} is missing: run scripts/setup.sh")
  endif()
  file(MAKE_DIRECTORY "${FLIPSIDE_HEADER_DIR}")
  if(NOT EXISTS "${FLIPSIDE_HEADER_DIR}/${header_dir}")
    file(CREATE_LINK "/usr/include/${header_dir}" "${FLIPSIDE_HEADER_DIR}/${header_dir}" SYMBOLIC)
  endif()
endforeach()

add_library(flipside_json INTERFACE)
target_include_directories(flipside_json SYSTEM INTERFACE "${FLIPSIDE_HEADER_DIR}")
add_library(flipside_doctest INTERFACE)
target_include_directories(flipside_doctest SYSTEM INTERFACE "${FLIPSIDE_HEADER_DIR}")

# Configuring never fetches: fetching writes an apt source list and runs apt-get update, which
# belongs to scripts/setup.sh (the one script that installs things), not to a build.
if(NOT FLIPSIDE_IMGUI_DIR)
  set(FLIPSIDE_IMGUI_DIR "${PROJECT_SOURCE_DIR}/build/_deps/imgui")
endif()
if(NOT EXISTS "${FLIPSIDE_IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "Dear ImGui 1.90.1 sources are missing from ${FLIPSIDE_IMGUI_DIR}: run "
                      "scripts/setup.sh (it fetches them from Debian's source package), or pass "
                      "-DFLIPSIDE_IMGUI_DIR=<an ImGui 1.90.1 checkout>")
endif()
# The UI is written against 1.90.1 (the newest ImGui Debian has); another version fails late and
# obscurely, so say it here.
file(STRINGS "${FLIPSIDE_IMGUI_DIR}/imgui.h" flipside_imgui_version_line
     REGEX "^#define IMGUI_VERSION +\"[^\"]*\"" LIMIT_COUNT 1)
if(NOT flipside_imgui_version_line MATCHES "\"1\\.90\\.1\"")
  message(FATAL_ERROR "${FLIPSIDE_IMGUI_DIR}/imgui.h is not Dear ImGui 1.90.1 "
                      "(${flipside_imgui_version_line}): run scripts/setup.sh or point "
                      "FLIPSIDE_IMGUI_DIR at a 1.90.1 checkout")
endif()

set(FLIPSIDE_IMGUI_SOURCES
  ${FLIPSIDE_IMGUI_DIR}/imgui.cpp
  ${FLIPSIDE_IMGUI_DIR}/imgui_draw.cpp
  ${FLIPSIDE_IMGUI_DIR}/imgui_tables.cpp
  ${FLIPSIDE_IMGUI_DIR}/imgui_widgets.cpp
  ${FLIPSIDE_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
# No ImGui backend: the web build draws with its own WebGL2 renderer (src/platform/web_renderer.cpp).
add_library(flipside_imgui STATIC ${FLIPSIDE_IMGUI_SOURCES})
target_include_directories(flipside_imgui SYSTEM PUBLIC
  ${FLIPSIDE_IMGUI_DIR} ${FLIPSIDE_IMGUI_DIR}/backends ${FLIPSIDE_IMGUI_DIR}/misc/cpp)
# Widget rectangles for browser tests come through ImGui's test-engine hooks.
target_compile_definitions(flipside_imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE=1
                                                 IMGUI_DISABLE_OBSOLETE_FUNCTIONS=1)
