# FLIPSIDE_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer on every target of the tree,
# ImGui and the tests included (the CMakePresets.json preset native-debug-sanitize turns it on).
# Included before any target is made: add_compile_options only reaches targets created after it.
option(FLIPSIDE_SANITIZE "Build every target with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

if(FLIPSIDE_SANITIZE)
  if(EMSCRIPTEN)
    message(FATAL_ERROR "FLIPSIDE_SANITIZE is for the native build (g++ or clang++)")
  endif()
  set(flipside_sanitizers -fsanitize=address,undefined)
  add_compile_options(
    ${flipside_sanitizers}
    # Whole stacks in the reports, also through ImGui's and the standard library's frames.
    -fno-omit-frame-pointer
    # The first undefined behaviour ends the run: a report nobody reads is no test.
    -fno-sanitize-recover=all
    # Range checks in the standard containers (operator[], front(), back() on an empty vector
    # are not always out of the heap block, so ASan alone can miss them).
    -D_GLIBCXX_ASSERTIONS
    # Asserts on whatever the build type (after the type's -DNDEBUG, so this wins): ImGui's
    # IM_ASSERT is assert(), and its checks are half of what a sanitized UI test run is for.
    -UNDEBUG)
  add_link_options(${flipside_sanitizers})
endif()
