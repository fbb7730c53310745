# The project's own code compiles without a warning under these; third-party code (ImGui's
# sources, whose headers every target sees as SYSTEM) is left as it is upstream.
set(FLIPSIDE_WARNING_OPTIONS -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter)

# Every target built from the project's sources: modules, the CLI, tests, benchmarks, web objects.
function(flipside_warnings target)
  target_compile_options(${target} PRIVATE ${FLIPSIDE_WARNING_OPTIONS})
endfunction()

# Project files compiled inside a third-party target (the widget hooks ImGui calls live in the
# ImGui library): the warnings for those files only.
function(flipside_source_warnings)
  set_property(SOURCE ${ARGN} APPEND PROPERTY COMPILE_OPTIONS ${FLIPSIDE_WARNING_OPTIONS})
endfunction()
