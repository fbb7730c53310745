# Third-party code is never committed. nlohmann/json and doctest are Debian's header-only
# packages; Dear ImGui is fetched from Debian's source package into the build tree by
# scripts/fetch_imgui.sh (or taken from FLIPSIDE_IMGUI_DIR).

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

if(NOT FLIPSIDE_IMGUI_DIR)
  set(FLIPSIDE_IMGUI_DIR "${PROJECT_SOURCE_DIR}/build/_deps/imgui")
  if(NOT EXISTS "${FLIPSIDE_IMGUI_DIR}/imgui.h")
    message(STATUS "Fetching Dear ImGui sources into ${FLIPSIDE_IMGUI_DIR}")
    execute_process(COMMAND "${PROJECT_SOURCE_DIR}/scripts/fetch_imgui.sh" "${FLIPSIDE_IMGUI_DIR}"
                    RESULT_VARIABLE fetch_result)
    if(NOT fetch_result EQUAL 0)
      message(FATAL_ERROR "Could not fetch Dear ImGui; pass -DFLIPSIDE_IMGUI_DIR=<checkout>")
    endif()
  endif()
endif()
if(NOT EXISTS "${FLIPSIDE_IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "FLIPSIDE_IMGUI_DIR=${FLIPSIDE_IMGUI_DIR} holds no imgui.h")
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
