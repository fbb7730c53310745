#!/usr/bin/python3
"""Pairing benchmark: Flipside's solver natively and as WebAssembly under node, against SciPy's
linear_sum_assignment on the very same matrices, in one run, with the ratios.

    /usr/bin/python3 bench/compare_matching.py [--quick] [--no-wasm] [--markdown]

Needs build/native/bench_matching (cmake --build build/native --target bench_matching) and,
for the WebAssembly column, emcmake and node: the module is configured and built here with the
project's own CMake flags, in build/wasm-bench/ (a build directory of its own, so it never
disturbs build/wasm). --markdown prints the table for docs/performance.md. Times are
wall-clock seconds of one run each on whatever machine runs this; memory is the peak resident
size of each process. The load average before and after the run is printed too.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NATIVE = os.path.join(ROOT, "build", "native", "bench_matching")
WASM_DIR = os.path.join(ROOT, "build", "wasm-bench")
WASM = os.path.join(WASM_DIR, "bench_matching.js")
FORBIDDEN = -2**31


def build_wasm():
    """Configures (once) and builds the bench_matching target with emcmake; CMake decides what
    needs rebuilding and the compiler flags come from CMakeLists.txt."""
    env = {**os.environ, "NODE_PATH": "/usr/share/nodejs"}
    steps = []
    if not os.path.exists(os.path.join(WASM_DIR, "CMakeCache.txt")):
        steps.append(["emcmake", "cmake", "-S", ROOT, "-B", WASM_DIR, "-DCMAKE_BUILD_TYPE=Release"])
    steps.append(["cmake", "--build", WASM_DIR, "--target", "bench_matching", "-j2"])
    for command in steps:
        print("WebAssembly benchmark:", " ".join(command), file=sys.stderr)
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            print(result.stdout[-2000:], result.stderr[-2000:], file=sys.stderr)
            return False
    return True


WARM_RUNS = 4  # the warm figure is the fastest of these runs after the first
# V8 flags: optimised code for every function, compiled before the module runs.
EAGER_OPTIMISED = ["--no-liftoff", "--no-wasm-lazy-compilation"]


def fastest(runs):
    """The run with the least score + solve time."""
    return min(runs, key=lambda figures: figures["score_seconds"] + figures["solve_seconds"])


def measured(command):
    """(figures of each run the benchmark printed, peak resident MiB of that process)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    output = process.stdout.read()
    process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed")
    return [json.loads(line) for line in output.strip().splitlines()], usage.ru_maxrss / 1024.0


def scipy_solve(path):
    """Seconds for linear_sum_assignment on the dumped matrix, and (matched, total)."""
    with open(path, "rb") as f:
        rows, cols = np.fromfile(f, dtype=np.int32, count=2)
        capacity = np.fromfile(f, dtype=np.int32, count=cols)
        scores = np.fromfile(f, dtype=np.int32, count=rows * cols).reshape(rows, cols)
    slots = np.repeat(np.arange(cols), capacity)
    expanded = scores[:, slots]
    allowed = expanded != FORBIDDEN
    best = expanded[allowed].max() if allowed.any() else 0
    worst = expanded[allowed].min() if allowed.any() else 0
    # SciPy's fastest setting: a finite penalty for forbidden cells (larger than any total
    # difference, so it is used only where a mentee cannot be matched) on a rectangular matrix.
    penalty = float((rows + 1) * (best - worst + 1))
    cost = np.where(allowed, (best - expanded).astype(np.float64), penalty)
    start = time.perf_counter()
    row_index, col_index = linear_sum_assignment(cost)
    seconds = time.perf_counter() - start
    chosen = allowed[row_index, col_index]
    return seconds, (int(chosen.sum()), int(expanded[row_index, col_index][chosen].sum()))


def main():
    load_before = os.getloadavg()
    quick = "--quick" in sys.argv
    use_wasm = "--no-wasm" not in sys.argv and build_wasm()
    cases = [("uniform", 500), ("roster", 500), ("uniform", 2000), ("roster", 2000)]
    if not quick:
        cases += [("uniform", 5000), ("roster", 5000)]
    cases += [("sparse", 5000 if quick else 50000)]
    rows = []
    with tempfile.TemporaryDirectory() as directory:
        for kind, size in cases:
            dump = os.path.join(directory, f"{kind}-{size}.bin")
            args = ["--case", kind, "--size", str(size), "--k", "20"]
            # Native: a cold run, then warm ones in the same process.
            (native, *native_later), native_mib = measured([NATIVE, *args, "--repeat", str(WARM_RUNS + 1)]
                                                           + (["--dump", dump] if kind != "sparse" else []))
            native_warm = fastest(native_later)
            wasm = wasm_warm = wasm_eager = wasm_mib = None
            if use_wasm:
                # WebAssembly: a process of its own for the cold run and its peak memory, as a
                # user meets it; another runs the case again and again, the later runs on the
                # engine's optimised code (V8 starts every function as baseline code); a third
                # has V8 compile optimised code for the whole module before the first call, as
                # Chrome does from its code cache when the page is opened again.
                (wasm,), wasm_mib = measured(["node", "--no-experimental-fetch", WASM, *args])
                (_, *wasm_later), _ = measured(["node", "--no-experimental-fetch", WASM, *args,
                                                "--repeat", str(WARM_RUNS + 1)])
                wasm_warm = fastest(wasm_later)
                (wasm_eager,), _ = measured(["node", *EAGER_OPTIMISED, "--no-experimental-fetch", WASM, *args])
            scipy_seconds = agreement = None
            if kind != "sparse":
                scipy_seconds, objective = scipy_solve(dump)
                agreement = objective == (native["matched"], native["total"])
            for other in (*native_later, wasm, *wasm_later, wasm_eager) if use_wasm else native_later:
                if other is not None and (other["matched"], other["total"], other["pairs"]) != (
                        native["matched"], native["total"], native["pairs"]):
                    agreement = False  # every run, native or WebAssembly, must give the very same pairs
            rows.append((kind, size, native, native_warm, native_mib, wasm, wasm_warm, wasm_eager, wasm_mib,
                         scipy_seconds, agreement))
            print(f"{kind} {size}: native {native['solve_seconds']:.3f}s"
                  + (f", wasm {wasm['solve_seconds']:.3f}s" if wasm else "")
                  + (f", scipy {scipy_seconds:.3f}s" if scipy_seconds is not None else ""), file=sys.stderr)

    load_after = os.getloadavg()
    print(f"load average (1, 5, 15 min): before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}; {os.cpu_count()} CPUs", file=sys.stderr)

    def cell(value, digits=3):
        return "–" if value is None else f"{value:.{digits}f}"

    def total(figures):
        return figures["score_seconds"] + figures["solve_seconds"] if figures else None

    def ratio(a, b):
        return a / b if a is not None and b else None

    header = ("| case | mentees × mentors | score native s | solve native s | score wasm s | solve wasm s "
              "| SciPy LSA s | native / SciPy | wasm / native (score+solve, cold) | wasm / native (warm) "
              "| wasm / native (optimised from the start) | wasm peak MiB | same answer |")
    print(header)
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    failed = False
    for kind, size, native, native_warm, native_mib, wasm, wasm_warm, wasm_eager, wasm_mib, scipy_seconds, agreement \
            in rows:
        label = f"{kind} {size}" + (" (k=20)" if kind == "sparse" else "")
        same = "–" if agreement is None else ("yes" if agreement else "NO")
        failed |= agreement is False
        print(f"| {label} | {native['rows']} × {native['columns']} | {cell(native['score_seconds'])} | "
              f"{cell(native['solve_seconds'])} | {cell(wasm['score_seconds'] if wasm else None)} | "
              f"{cell(wasm['solve_seconds'] if wasm else None)} | {cell(scipy_seconds)} | "
              f"{cell(ratio(native['solve_seconds'], scipy_seconds), 2)} | "
              f"{cell(ratio(total(wasm), total(native)), 2)} | {cell(ratio(total(wasm_warm), total(native_warm)), 2)} | "
              f"{cell(ratio(total(wasm_eager), total(native)), 2)} | {cell(wasm_mib, 0)} | {same} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
