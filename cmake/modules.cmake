# One CMake target per module of src/, each with an explicit list of files (no GLOBs).
#
# A module's public headers are the only ones its dependents can include: they are linked into
# a per-target include tree in the build directory (build/<tree>/include/<target>/...), and
# that tree, not src/, is the module's PUBLIC include directory. The module's own sources see
# src/ (PRIVATE), which is where its detail/ headers stay. So `#include "core/matching/run.h"`
# works wherever flipside_matching is linked, and `#include "core/matching/detail/pool.h"`
# compiles only inside the matching module (and in the white-box tests and benchmarks, which
# ask for src/ themselves). scripts/check_layering.py checks the same rules by reading files.
#
#   flipside_module(<target>
#     SOURCES <src-relative .cpp files>
#     PUBLIC_HEADERS <src-relative .h files>
#     DEPENDS <targets this module's public headers or sources use>)

function(flipside_public_headers target)
  set(tree "${CMAKE_BINARY_DIR}/include/${target}")
  file(REMOVE_RECURSE "${tree}")  # a header that left the list leaves the tree too
  foreach(header ${ARGN})
    get_filename_component(header_dir "${tree}/${header}" DIRECTORY)
    file(MAKE_DIRECTORY "${header_dir}")
    if(NOT EXISTS "${PROJECT_SOURCE_DIR}/src/${header}")
      message(FATAL_ERROR "${target}: public header src/${header} does not exist")
    endif()
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/src/${header}" "${tree}/${header}" SYMBOLIC)
  endforeach()
  get_target_property(target_type ${target} TYPE)
  if(target_type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${target} INTERFACE "${tree}")
  else()
    target_include_directories(${target} PUBLIC "${tree}")
  endif()
endfunction()

function(flipside_module target)
  cmake_parse_arguments(PARSE_ARGV 1 module "" "" "SOURCES;PUBLIC_HEADERS;DEPENDS")
  if(module_SOURCES)
    list(TRANSFORM module_SOURCES PREPEND "${PROJECT_SOURCE_DIR}/src/")
    add_library(${target} STATIC ${module_SOURCES})
    target_include_directories(${target} PRIVATE "${PROJECT_SOURCE_DIR}/src")
    target_link_libraries(${target} PUBLIC ${module_DEPENDS})
    flipside_warnings(${target})
  else()
    add_library(${target} INTERFACE)
    target_link_libraries(${target} INTERFACE ${module_DEPENDS})
  endif()
  flipside_public_headers(${target} ${module_PUBLIC_HEADERS})
endfunction()
