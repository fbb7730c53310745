#!/usr/bin/python3
"""Reading a program, and a whole `flipside match` run, against peers measured in the same run.

    /usr/bin/python3 bench/compare_document_io.py [--sizes 40,2000,10000,50000] [--match-sizes 2000,10000]

For each size, `flipside demo` writes the program; then, best of three fresh processes each:
- `flipside validate`: read the whole file into the model and check it (what start-up does
  with a saved program, natively), with the process's peak resident memory; beside it Python's
  json.load of the same file (C-accelerated parsing into dicts, no checks) as a peer;
- for the match sizes, `flipside match data.json -o out.json`: reading, scoring, solving and
  writing the file with the pairs accepted, against SciPy's linear_sum_assignment alone on the
  very same score matrix (from `flipside scores`, mentors expanded by capacity, a finite penalty
  for forbidden cells: SciPy's fastest setting, as in bench/compare_matching.py).
Needs build/native/flipside. Times are wall-clock seconds on whatever machine runs this; the
load average before and after is printed.
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
FLIPSIDE = os.path.join(ROOT, "build", "native", "flipside")
RUNS = 3


def option(name, fallback):
    if name in sys.argv:
        at = sys.argv.index(name)
        if at + 1 < len(sys.argv):
            return sys.argv[at + 1]
    return fallback


def json_load_seconds(path):
    best = None
    for _ in range(RUNS):
        start = time.perf_counter()
        with open(path, "rb") as f:
            json.load(f)
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return best


def scipy_seconds(path):
    """linear_sum_assignment alone on the program's score matrix, best of RUNS."""
    scores = json.loads(subprocess.run([FLIPSIDE, "scores", path], check=True, capture_output=True).stdout)
    matrix = np.array([[np.nan if s is None else s for s in row] for row in scores["score"]], dtype=np.float64)
    slots = np.repeat(np.arange(len(scores["mentors"])), scores["capacity"])
    expanded = matrix[:, slots]
    allowed = ~np.isnan(expanded)
    best_score = np.nanmax(expanded) if allowed.any() else 0.0
    worst_score = np.nanmin(expanded) if allowed.any() else 0.0
    penalty = (expanded.shape[0] + 1) * (best_score - worst_score + 1)
    cost = np.where(allowed, best_score - np.nan_to_num(expanded), penalty)
    best = None
    for _ in range(RUNS):
        start = time.perf_counter()
        linear_sum_assignment(cost)
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return best, expanded.shape


def main():
    sizes = [int(n) for n in option("--sizes", "40,2000,10000,50000").split(",")]
    match_sizes = {int(n) for n in option("--match-sizes", "2000,10000").split(",")}
    print(f"load average at the start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for n in sizes:
            path = os.path.join(scratch, f"program-{n}.json")
            subprocess.run([FLIPSIDE, "demo", "--participants", str(n), "-o", path], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            megabytes = os.path.getsize(path) / 1e6
            # Peak memory per size: each measurement runs in a fresh Python child for its own rusage.
            read_s, read_mib = measure_in_child(["validate", path])
            peer_s = json_load_seconds(path)
            row = {"n": n, "mb": megabytes, "read": read_s, "read_mib": read_mib, "json_load": peer_s}
            if n in match_sizes:
                match_s, match_mib = measure_in_child(["match", path, "-o", os.path.join(scratch, "out.json")])
                lsa_s, shape = scipy_seconds(path)
                row.update(match=match_s, match_mib=match_mib, lsa=lsa_s, shape=shape)
            rows.append(row)
            print(json.dumps(row, default=str), file=sys.stderr)
    print(f"load average at the end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    base = rows[0]["read"]
    print("| people | file MB | read + check s | × the first | peak MiB | Python json.load s | read / json.load |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['n']} | {r['mb']:.1f} | {r['read']:.3f} | {r['read'] / base:.1f} | {r['read_mib']:.0f} | "
              f"{r['json_load']:.3f} | {r['read'] / r['json_load']:.2f} |")
    print()
    print("| people | matrix (mentees × mentor slots) | whole `flipside match` s | peak MiB | SciPy LSA alone s | match / LSA |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        if "match" in r:
            print(f"| {r['n']} | {r['shape'][0]} × {r['shape'][1]} | {r['match']:.3f} | {r['match_mib']:.0f} | "
                  f"{r['lsa']:.3f} | {r['match'] / r['lsa']:.2f} |")


def measure_in_child(arguments):
    """Best of RUNS runs of `flipside <arguments>` and their peak resident MiB, in a child
    Python so that the peak belongs to these runs alone."""
    code = ("import resource,subprocess,sys,time\n"
            "best=None\n"
            f"for _ in range({RUNS}):\n"
            "    s=time.perf_counter(); subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n"
            "    t=time.perf_counter()-s; best=t if best is None else min(best,t)\n"
            "print(best, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024.0)\n")
    out = subprocess.run([sys.executable, "-c", code, FLIPSIDE, *arguments], check=True, capture_output=True, text=True)
    seconds, mib = out.stdout.split()
    return float(seconds), float(mib)


if __name__ == "__main__":
    main()
