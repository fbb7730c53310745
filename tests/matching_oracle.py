#!/usr/bin/python3
"""Oracle test for the pairing engine: the CLI's `scores` matrix solved by SciPy's
linear_sum_assignment must reach the same objective as `flipside match` (most mentees matched,
then the highest total score), on a few hundred random programs with capacities, forbidden
pairs, switched rules and many ties. Every proposed pair is also checked against the matrix
(no forbidden pair, no mentor over capacity), and `flipside explain` on two random pairs per
program (and one pair of any kind) must price forcing each exactly as SciPy does with that pair fixed.

Run with Debian's Python (python3-scipy):  /usr/bin/python3 tests/matching_oracle.py [build/native/flipside] [instances]
Prints "matching_oracle: N passed, M failed" and exits non-zero on any failure.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import linear_sum_assignment

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLIPSIDE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "native", "flipside")
INSTANCES = int(sys.argv[2]) if len(sys.argv) > 2 else 300
FORCED_PER_INSTANCE = 2  # allowed pairs per program given to `flipside explain` (and one pair of any kind)


def run(*args):
    result = subprocess.run([FLIPSIDE, *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"flipside {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def hundredths(x):
    return int(round(x * 100))


def scipy_optimum(scores, fixed=None):
    """(matched, total in hundredths) of the best assignment: most matched first, then total.
    With fixed=(mentee row, mentor column) that pair is settled first and counted in both."""
    mentees, capacity, matrix = scores["mentees"], list(scores["capacity"]), scores["score"]
    values = [[None if v is None else hundredths(v) for v in row] for row in matrix]
    if fixed is not None:
        row, column = fixed
        capacity[column] = max(0, capacity[column] - 1)
        rest = {"mentees": mentees[:row] + mentees[row + 1:], "capacity": capacity,
                "score": [r for i, r in enumerate(matrix) if i != row]}
        matched, total = scipy_optimum(rest)
        return matched + 1, total + values[row][column]
    n = len(mentees)
    slots = [m for m, c in enumerate(capacity) for _ in range(c)]
    allowed = [v for row in values for v in row if v is not None]
    if n == 0 or not allowed or not slots:
        return 0, 0
    spread = max(allowed) - min(allowed) + 1
    bonus = (n + 1) * spread  # one more matched mentee outweighs any score difference
    cost = np.full((n, len(slots) + n), np.inf)
    for i in range(n):
        for k, m in enumerate(slots):
            if values[i][m] is not None:
                cost[i, k] = -(values[i][m] + bonus)
        cost[i, len(slots) + i] = 0.0  # this mentee's own "unmatched" column
    rows, cols = linear_sum_assignment(cost)
    matched = total = 0
    for i, k in zip(rows, cols):
        if k < len(slots):
            matched += 1
            total += values[i][slots[k]]
    return matched, total


def make_instance(rng, directory, index):
    path = os.path.join(directory, f"oracle-{index}.json")
    people = rng.randint(4, 60)
    run("demo", "--participants", str(people), "--seed", str(rng.randint(0, 10**9)), "--today", "2026-01-05", "-o", path)
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    mentors = [p["id"] for p in document["participants"] if p["role"] == "mentor"]
    mentees = [p["id"] for p in document["participants"] if p["role"] == "mentee"]
    for p in document["participants"]:
        if p["role"] == "mentor":
            p["capacity"] = rng.choice([0, 1, 1, 1, 2, 3])
        if rng.random() < 0.05:
            p["active"] = False
    matching = {}
    if mentors and mentees and rng.random() < 0.6:
        matching["forbidden_pairs"] = [{"mentor_id": rng.choice(mentors), "mentee_id": rng.choice(mentees)}
                                       for _ in range(rng.randint(1, 10))]
    style = rng.random()
    if style < 0.3:  # few distinct scores: many ties
        matching["weights"] = {"skills": 0, "interests": 0, "language": rng.randint(0, 3), "cross_department": rng.randint(0, 3),
                               "availability": 0, "seniority": 1, "previous_partner": rng.randint(0, 3)}
    elif style < 0.6:
        matching["weights"] = {name: rng.randint(0, 100) for name in
                               ["skills", "interests", "language", "cross_department", "availability", "seniority", "previous_partner"]}
    if rng.random() < 0.5:
        matching["rules"] = {"require_common_language": rng.random() < 0.5, "forbid_same_department": rng.random() < 0.3,
                             "require_junior_mentor": rng.random() < 0.5, "forbid_previous_partners": rng.random() < 0.3,
                             "minimum_overlap_minutes": rng.choice([0, 0, 30, 60])}
    if matching:
        document["programs"][-1]["matching"] = matching
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
    return path


def check_forced(path, scores, proposal, rng):
    """`flipside explain` on a few pairs: best_total is the proposal's, and forced_total the
    SciPy optimum with the pair fixed (null exactly where a hard rule forbids the pair)."""
    cells = [(i, j) for i in range(len(scores["mentees"])) for j in range(len(scores["mentors"]))]
    allowed = [(i, j) for i, j in cells if scores["score"][i][j] is not None]
    picked = rng.sample(allowed, min(FORCED_PER_INSTANCE, len(allowed))) + rng.sample(cells, min(1, len(cells)))
    for i, j in picked:
        answer = json.loads(run("explain", path, "--mentor", scores["mentors"][j], "--mentee", scores["mentees"][i]))
        if hundredths(answer["best_total"]) != hundredths(proposal["total_score"]):
            return f"{path}: explain's best_total {answer['best_total']} is not match's {proposal['total_score']}"
        value = scores["score"][i][j]
        if answer["allowed"] != (value is not None) or (value is None) != (answer["forced_total"] is None):
            return f"{path}: explain {scores['mentors'][j]}/{scores['mentees'][i]} allowed={answer['allowed']}, matrix says {value}"
        if value is None:
            continue
        expected = scipy_optimum(scores, (i, j))[1]
        if hundredths(answer["forced_total"]) != expected:
            return (f"{path}: forcing {scores['mentors'][j]}/{scores['mentees'][i]} gives {answer['forced_total']}, "
                    f"SciPy {expected / 100}")
        if hundredths(answer["score"]) != hundredths(value):
            return f"{path}: explain scores {answer['score']}, matrix says {value}"
    return None


def check(path, rng):
    scores = json.loads(run("scores", path))
    proposal = json.loads(run("match", path))
    mentee_row = {m: i for i, m in enumerate(scores["mentees"])}
    mentor_col = {m: j for j, m in enumerate(scores["mentors"])}
    load = [0] * len(scores["mentors"])
    total = 0
    for pair in proposal["pairs"]:
        i, j = mentee_row[pair["mentee"]], mentor_col[pair["mentor"]]
        value = scores["score"][i][j]
        if value is None:
            return f"{path}: proposed pair {pair['mentor']}/{pair['mentee']} is forbidden"
        if hundredths(value) != hundredths(pair["score"]):
            return f"{path}: pair {pair['mentor']}/{pair['mentee']} scores {pair['score']}, matrix says {value}"
        load[j] += 1
        total += hundredths(pair["score"])
    for j, used in enumerate(load):
        if used > scores["capacity"][j]:
            return f"{path}: mentor {scores['mentors'][j]} over capacity"
    if total != hundredths(proposal["total_score"]):
        return f"{path}: total_score {proposal['total_score']} is not the sum of the pairs"
    expected = scipy_optimum(scores)
    got = (len(proposal["pairs"]), total)
    if got != expected:
        return f"{path}: flipside matched {got[0]} for {got[1] / 100}, SciPy {expected[0]} for {expected[1] / 100}"
    return check_forced(path, scores, proposal, rng)


def main():
    rng = random.Random(20260105)
    pairs_rng = random.Random(20261202)  # its own stream: the programs stay those of before
    passed = failed = 0
    with tempfile.TemporaryDirectory() as directory:
        for index in range(INSTANCES):
            try:
                problem = check(make_instance(rng, directory, index), pairs_rng)
            except Exception as error:  # a crash is a failure with its message
                problem = str(error)
            if problem:
                failed += 1
                print(problem, file=sys.stderr)
            else:
                passed += 1
    print(f"matching_oracle: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
