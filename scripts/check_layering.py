#!/usr/bin/env python3
"""Reads the #include lines of every C++ file under src/, tests/ and bench/ and checks them
against the dependency direction of README.md ("Where things live"):

    core <- matching, scheduling, participants, io <- app <- ui <- platform (web, memory, time zones); cli on app

with the platform *interfaces* (src/platform/interface/) below app, a module's detail/ headers
private to it, and third-party headers only where they belong. Prints one line per rule
("ok" or "FAIL" with every offending file:line), then "layering: N passed, M failed".
Exit status 0 when every rule holds.

Usage: scripts/check_layering.py [--root DIR]   (default: the checkout this script is in)
"""
import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')

# The modules of src/, most specific first.
MODULES = [
    ("matching-settings", re.compile(r"^src/core/matching/settings\.(h|cpp)$")),
    ("matching", re.compile(r"^src/core/matching/")),
    ("scheduling", re.compile(r"^src/core/scheduling/")),
    ("participants", re.compile(r"^src/core/participants/")),
    ("core", re.compile(r"^src/core/")),
    ("io", re.compile(r"^src/io/")),
    ("platform-interface", re.compile(r"^src/platform/interface/")),
    ("app", re.compile(r"^src/app/")),
    ("ui", re.compile(r"^src/ui/")),
    ("platform", re.compile(r"^src/platform/")),
    ("cli", re.compile(r"^src/cli/")),
    ("tests", re.compile(r"^tests/")),
    ("bench", re.compile(r"^bench/")),
]

BELOW_APP = {"matching-settings", "core", "matching", "scheduling", "participants", "io", "platform-interface"}
# What each module may include of the project's own headers (besides itself).
ALLOWED = {
    "matching-settings": set(),
    "core": {"matching-settings"},
    "matching": {"matching-settings", "core"},
    "scheduling": {"matching-settings", "core"},
    "participants": {"matching-settings", "core"},
    "io": {"matching-settings", "core", "participants"},  # invitations and replies as JSON
    "platform-interface": {"matching-settings", "core"},
    "app": BELOW_APP,
    "ui": (BELOW_APP - {"platform-interface"}) | {"app"},  # storage, files, clock: through app
    "platform": BELOW_APP | {"app", "ui"},
    "cli": BELOW_APP | {"app"},
    "tests": None,  # white-box: anything, detail/ headers included
    "bench": None,
}
STANDARD_ONLY = {"matching-settings", "core", "matching", "scheduling", "participants"}
DETAIL = re.compile(r"^core/(matching|scheduling|participants)/detail/")


def module_of(path):
    for name, pattern in MODULES:
        if pattern.search(path):
            return name
    return None


def module_of_header(header):
    """The module a quoted include names, as a path under src/."""
    return module_of("src/" + header)


def is_standard(header):
    # The C++ standard library's headers have no extension and no directory.
    return "/" not in header and "." not in header


def source_files(root):
    for top in ("src", "tests", "bench"):
        for directory, subdirs, files in os.walk(os.path.join(root, top)):
            subdirs[:] = sorted(d for d in subdirs if d not in ("node_modules", "data", "e2e"))
            for name in sorted(files):
                if name.endswith((".h", ".cpp")):
                    full = os.path.join(directory, name)
                    yield os.path.relpath(full, root).replace(os.sep, "/"), full


def read_includes(full):
    includes = []
    with open(full, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            match = INCLUDE.match(line)
            if match:
                includes.append((number, match.group(1) == "<", match.group(2)))
    return includes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    root = parser.parse_args().root

    files = []
    for path, full in source_files(root):
        with open(full, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        files.append((path, module_of(path), read_includes(full), text))

    rules = []  # (description, [violations], files checked)

    def rule(description, applies, check):
        checked, violations = 0, []
        for path, module, includes, text in files:
            if not applies(path, module):
                continue
            checked += 1
            violations += check(path, module, includes, text)
        rules.append((description, violations, checked))

    def project_includes_within(allowed_of):
        def check(path, module, includes, text):
            bad = []
            for number, angled, header in includes:
                if angled:
                    continue
                target = module_of_header(header)
                if target is None or target == module:
                    continue
                if target not in allowed_of(module):
                    bad.append(f'{path}:{number} includes "{header}" ({target})')
            return bad
        return check

    for module in ["matching-settings", "core", "matching", "scheduling", "participants", "io", "platform-interface",
                   "app", "ui", "platform", "cli"]:
        allowed = sorted(ALLOWED[module])
        rule(f"{module} includes only {', '.join(allowed) if allowed else 'itself'} of the project's headers",
             lambda p, m, module=module: m == module,
             project_includes_within(lambda m: ALLOWED[m]))

    def private_headers(path, module, includes, text):
        bad = []
        for number, angled, header in includes:
            found = DETAIL.match(header)
            if angled or not found:
                continue
            owner = found.group(1)
            if module in ("tests", "bench") or module == owner:
                continue
            bad.append(f'{path}:{number} includes {owner}\'s private "{header}"')
        return bad
    rule("a module's detail/ headers are included only by that module (and white-box tests, benchmarks)",
         lambda p, m: True, private_headers)

    def public_headers_stay_public(path, module, includes, text):
        return [f'{path}:{number} (a public header) includes "{header}"'
                for number, angled, header in includes
                if not angled and DETAIL.match(header)]
    rule("public headers of matching, scheduling and participants include no detail/ header",
         lambda p, m: m in ("matching", "scheduling", "participants", "matching-settings") and p.endswith(".h") and "/detail/" not in p,
         public_headers_stay_public)

    def standard_library_only(path, module, includes, text):
        return [f"{path}:{number} includes <{header}>" for number, angled, header in includes
                if angled and not is_standard(header)]
    rule("core, matching, scheduling and participants use the standard library only (no JSON, ImGui, Emscripten)",
         lambda p, m: m in STANDARD_ONLY, standard_library_only)

    def third_party(prefixes, allowed_modules):
        def check(path, module, includes, text):
            return [f"{path}:{number} includes <{header}>" for number, angled, header in includes
                    if angled and header.startswith(prefixes) and module not in allowed_modules]
        return check
    rule("Dear ImGui is included only by ui, platform and tests",
         lambda p, m: True, third_party(("imgui",), {"ui", "platform", "tests"}))
    rule("Emscripten and WebGL headers are included only by platform",
         lambda p, m: True, third_party(("emscripten", "GLES"), {"platform"}))
    rule("nlohmann/json is included only by io, platform, cli and tests",
         lambda p, m: True, third_party(("nlohmann",), {"io", "platform", "cli", "tests", "bench"}))

    def emscripten_macro(path, module, includes, text):
        return [f"{path}:{text[:index].count(chr(10)) + 1} tests __EMSCRIPTEN__"
                for index in (m.start() for m in re.finditer(r"__EMSCRIPTEN__", text))]
    rule("__EMSCRIPTEN__ appears only in src/platform/",
         lambda p, m: m != "platform" and m != "platform-interface" and p.startswith("src/"), emscripten_macro)

    def unknown(path, module, includes, text):
        return [f"{path}: no module owns this file"] if module is None else []
    rule("every file under src/ belongs to a module", lambda p, m: p.startswith("src/"), unknown)

    passed = failed = 0
    for description, violations, checked in rules:
        if violations:
            failed += 1
            print(f"FAIL  {description} ({checked} files)")
            for violation in violations:
                print(f"        {violation}")
        else:
            passed += 1
            print(f"ok    {description} ({checked} files)")
    print(f"layering: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
