// The one doctest main shared by every test file (native and WebAssembly builds).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
