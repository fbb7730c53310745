#!/usr/bin/python3
"""Pairing benchmark: Flipside's solver natively and as WebAssembly under node, against SciPy's
linear_sum_assignment on the very same matrices, in one run, with the ratios.

    /usr/bin/python3 bench/compare_matching.py [--quick] [--no-wasm] [--markdown]

Needs build/native/bench_matching (cmake --build build/native --target bench_matching) and,
for the WebAssembly column, em++ and node (the module is built into build/bench-wasm/ here).
--markdown prints the table for docs/performance.md. Times are wall-clock seconds of one run
each on whatever machine runs this; memory is the peak resident size of each process.
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
WASM_DIR = os.path.join(ROOT, "build", "bench-wasm")
WASM = os.path.join(WASM_DIR, "bench_matching.js")
FORBIDDEN = -2**31


def core_sources():
    core = os.path.join(ROOT, "src", "core")
    return [os.path.join(core, name) for name in sorted(os.listdir(core)) if name.endswith(".cpp")]


def build_wasm():
    sources = [os.path.join(ROOT, "bench", "bench_matching.cpp")] + core_sources()
    if os.path.exists(WASM) and all(os.path.getmtime(s) < os.path.getmtime(WASM) for s in sources):
        return True
    os.makedirs(WASM_DIR, exist_ok=True)
    command = ["em++", "-std=c++17", "-O3", "-I" + os.path.join(ROOT, "src"), *sources, "-o", WASM,
               "-sALLOW_MEMORY_GROWTH=1", "-sMAXIMUM_MEMORY=4GB", "-sENVIRONMENT=node", "-sNODERAWFS=1"]
    print("building the WebAssembly benchmark:", " ".join(command[:4]), "...", file=sys.stderr)
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NODE_PATH": "/usr/share/nodejs"})
    if result.returncode != 0:
        print(result.stderr[-2000:], file=sys.stderr)
        return False
    return True


def measured(command):
    """(figures printed by the benchmark, peak resident MiB of that process)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    output = process.stdout.read()
    process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed")
    return json.loads(output.strip().splitlines()[-1]), usage.ru_maxrss / 1024.0


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
            native, native_mib = measured([NATIVE, *args] + (["--dump", dump] if kind != "sparse" else []))
            wasm, wasm_mib = measured(["node", "--no-experimental-fetch", WASM, *args]) if use_wasm else (None, None)
            scipy_seconds = agreement = None
            if kind != "sparse":
                scipy_seconds, objective = scipy_solve(dump)
                agreement = objective == (native["matched"], native["total"])
            if wasm is not None and (wasm["matched"], wasm["total"]) != (native["matched"], native["total"]):
                agreement = False  # WebAssembly must give the very same answer
            rows.append((kind, size, native, native_mib, wasm, wasm_mib, scipy_seconds, agreement))
            print(f"{kind} {size}: native {native['solve_seconds']:.3f}s"
                  + (f", wasm {wasm['solve_seconds']:.3f}s" if wasm else "")
                  + (f", scipy {scipy_seconds:.3f}s" if scipy_seconds is not None else ""), file=sys.stderr)

    def cell(value, digits=3):
        return "–" if value is None else f"{value:.{digits}f}"

    header = ("| case | mentees × mentors | score native s | solve native s | score wasm s | solve wasm s "
              "| SciPy LSA s | native / SciPy | wasm / native (score+solve) | wasm peak MiB | same answer |")
    print(header)
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    failed = False
    for kind, size, native, native_mib, wasm, wasm_mib, scipy_seconds, agreement in rows:
        native_total = native["score_seconds"] + native["solve_seconds"]
        wasm_total = wasm["score_seconds"] + wasm["solve_seconds"] if wasm else None
        ratio_scipy = native["solve_seconds"] / scipy_seconds if scipy_seconds else None
        ratio_wasm = wasm_total / native_total if wasm_total and native_total > 0 else None
        label = f"{kind} {size}" + (" (k=20)" if kind == "sparse" else "")
        same = "–" if agreement is None else ("yes" if agreement else "NO")
        failed |= agreement is False
        print(f"| {label} | {native['rows']} × {native['columns']} | {cell(native['score_seconds'])} | "
              f"{cell(native['solve_seconds'])} | {cell(wasm['score_seconds'] if wasm else None)} | "
              f"{cell(wasm['solve_seconds'] if wasm else None)} | {cell(scipy_seconds)} | {cell(ratio_scipy, 2)} | "
              f"{cell(ratio_wasm, 2)} | {cell(wasm_mib, 0)} | {same} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
