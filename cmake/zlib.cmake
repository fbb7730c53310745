# zlib, for raw DEFLATE (src/io/deflate.h). Natively: Debian's zlib1g-dev. In WebAssembly:
# zlib's own C sources from Debian's source package, fetched into build/_deps/zlib by
# scripts/setup.sh (scripts/fetch_zlib.sh, SHA-256 pinned) and compiled here; never committed.
add_library(flipside_zlib INTERFACE)
if(EMSCRIPTEN)
  set(FLIPSIDE_ZLIB_DIR "${PROJECT_SOURCE_DIR}/build/_deps/zlib" CACHE PATH
      "zlib's sources for the WebAssembly build (fetched by scripts/setup.sh)")
  if(NOT EXISTS "${FLIPSIDE_ZLIB_DIR}/zlib.h")
    message(FATAL_ERROR "zlib sources are missing from ${FLIPSIDE_ZLIB_DIR}: run scripts/setup.sh (it "
                        "fetches them from Debian's source package), or pass -DFLIPSIDE_ZLIB_DIR=<zlib 1.3.1 sources>")
  endif()
  enable_language(C)
  # Only what raw deflate and inflate need: no gz* file functions.
  set(flipside_zlib_sources adler32.c crc32.c deflate.c inffast.c inflate.c inftrees.c trees.c zutil.c)
  list(TRANSFORM flipside_zlib_sources PREPEND "${FLIPSIDE_ZLIB_DIR}/")
  add_library(flipside_zlib_c STATIC ${flipside_zlib_sources})
  target_include_directories(flipside_zlib_c SYSTEM PUBLIC "${FLIPSIDE_ZLIB_DIR}")
  target_compile_options(flipside_zlib_c PRIVATE -w)  # third-party code: its warnings are not ours to fix
  target_link_libraries(flipside_zlib INTERFACE flipside_zlib_c)
else()
  find_package(ZLIB REQUIRED)
  target_link_libraries(flipside_zlib INTERFACE ZLIB::ZLIB)
endif()
