#!/usr/bin/python3
"""Exact check, apart from the scheduler: can every pair of one mentor be fully scheduled?

Reads a mentor group as `bench_schedule --dump-group MENTOR` prints it (program, the mentor's
pairs with the scheduler's sessions, the people) and solves, with SciPy's MILP solver
(scipy.optimize.milp, Debian's python3-scipy), the most of those pairs that can all get every
cadence date under the scheduler's rules (src/core/scheduler.h):
  - for each member, the session lies inside one availability window of their local day
    (adjacent windows count as one), on a local date inside the program that is neither a
    blackout nor one of their absences, with no UTC offset change of their zone inside it;
  - no member is double-booked; at most max_sessions_per_day sessions per member per local
    date; a pair meets at most once per mentee-local day;
  - starts on a five-minute grid of the mentee's local time;
  - each pair has an anchor: a mentee-local weekday and a phase (which week of the
    every-N-weeks cycle; weekly cadences, as in the benchmark); its cadence dates are those of
    the anchor from the program's start, all `target` of them inside the program;
    session k lies on a mentee-local day at most half the period from cadence date k, and
    the sessions are in order (strictly later mentee-local days).
Offsets come from Python's zoneinfo (the system's tzdata), not from the scheduler's code.

Usage: build/native/bench_schedule --dump-group M1588 10000 > g.json
       /usr/bin/python3 bench/schedule_group_exact.py g.json [--sessions]
(--sessions prints the UTC starts of one schedule that reaches the most.)
"""
import datetime as dt
import json
import sys
from zoneinfo import ZoneInfo

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

GRID = 300  # seconds
EPOCH = dt.date(1970, 1, 1)


def day_number(date):
    return (date - EPOCH).days


def parse(text):
    return dt.date.fromisoformat(text)


class Person:
    def __init__(self, data, program):
        self.id = data["id"]
        self.zone = ZoneInfo(data["zone"])
        windows = {}
        for weekday, start, end in sorted(data["windows"]):
            day = windows.setdefault(weekday, [])
            if day and start <= day[-1][1]:
                day[-1][1] = max(day[-1][1], end)
            else:
                day.append([start, end])
        self.windows = windows
        self.away = set()
        for first, last in data["absences"]:
            for d in range(day_number(parse(first)), day_number(parse(last)) + 1):
                self.away.add(d)
        self.program = program

    def offset(self, utc):
        instant = dt.datetime.fromtimestamp(utc, dt.timezone.utc)
        return int(instant.astimezone(self.zone).utcoffset().total_seconds())

    def local_day(self, utc):
        return (utc + self.offset(utc)) // 86400

    def can_meet(self, utc, length):
        """The rules for one member at one start (not bookings)."""
        offset = self.offset(utc)
        if self.offset(utc + length - 1) != offset:
            return False
        local = utc + offset
        day = local // 86400
        p = self.program
        if day < p["first"] or day > p["last"] or day in p["blackouts"] or day in self.away:
            return False
        minute = (local - day * 86400) // 60
        weekday = (day + 3) % 7  # 1970-01-01 was a Thursday; 0 is Monday
        return any(a <= minute and minute + length // 60 <= b for a, b in self.windows.get(weekday, []))


def solve(group, program_data):
    program = {
        "first": day_number(parse(program_data["start"])),
        "last": day_number(parse(program_data["end"])),
        "blackouts": {day_number(parse(d)) for d in program_data["blackouts"]},
    }
    length = program_data["minutes"] * 60
    target = program_data["target"]
    limit = max(1, program_data["max_per_day"])
    interval = program_data["interval"]
    period = 7 * interval
    radius = period // 2 if period >= 2 else 0
    phases = min(max(interval, 1), 4)
    people = {p["id"]: Person(p, program) for p in group["people"]}
    mentor = people[group["mentor"]]

    # Every start each pair can use, alone: both members' rules, on the UTC five-minute grid
    # (every zone here is a whole number of hours from UTC, so it is the mentee's grid too).
    span_from = (program["first"] - 1) * 86400
    span_to = (program["last"] + 2) * 86400
    starts = {}  # pair id -> list of (utc, mentee day, mentor day)
    for pair in group["pairs"]:
        mentee = people[pair["mentee"]]
        usable = []
        for utc in range(span_from, span_to, GRID):
            if mentee.can_meet(utc, length) and mentor.can_meet(utc, length):
                usable.append((utc, mentee.local_day(utc), mentor.local_day(utc)))
        starts[pair["id"]] = usable

    # Variables: y[pair, anchor] (the anchor chosen), x[pair, anchor, k, start] (session k).
    columns = []  # (kind, pair, anchor, k, utc, mentee day, mentor day)
    anchors = {}
    start_weekday = (program["first"] + 3) % 7
    for pair in group["pairs"]:
        for weekday in range(7):
            for phase in range(phases):
                first = program["first"] + 7 * phase + (weekday - start_weekday) % 7
                dates = [first + period * k for k in range(target) if first + period * k <= program["last"]]
                if len(dates) < target:
                    continue  # the program window holds too few dates for this anchor
                anchor = (weekday, phase)
                ranges = [(d - radius, d + radius) for d in dates]
                options = [[s for s in starts[pair["id"]] if lo <= s[1] <= hi] for lo, hi in ranges]
                if any(not o for o in options):
                    continue  # some date has no usable start at all: this anchor cannot be full
                anchors[(pair["id"], anchor)] = len(columns)
                columns.append(("y", pair["id"], anchor, None, None, None, None))
                for k, option in enumerate(options):
                    for utc, mentee_day, mentor_day in option:
                        columns.append(("x", pair["id"], anchor, k, utc, mentee_day, mentor_day))
    n = len(columns)
    rows = []  # (coefficients {column: value}, lo, hi)

    # One anchor per pair at most; each date of a chosen anchor exactly once.
    for pair in group["pairs"]:
        ys = {c: 1 for (pid, _), c in anchors.items() if pid == pair["id"]}
        if ys:
            rows.append((ys, 0, 1))
    by_date = {}
    for c, col in enumerate(columns):
        if col[0] == "x":
            by_date.setdefault((col[1], col[2], col[3]), []).append(c)
    for (pid, anchor, k), cs in by_date.items():
        coefficients = {c: 1 for c in cs}
        coefficients[anchors[(pid, anchor)]] = -1
        rows.append((coefficients, 0, 0))
    # In order: session k on an earlier mentee-local day than session k + 1 (for every day t,
    # not k on t or later and k + 1 on t or earlier).
    for (pid, anchor, k), cs in by_date.items():
        nxt = by_date.get((pid, anchor, k + 1))
        if not nxt:
            continue
        days_k = {columns[c][5] for c in cs}
        days_n = {columns[c][5] for c in nxt}
        for t in sorted(days_k | days_n):
            if not (min(days_n) <= t <= max(days_k)):
                continue
            coefficients = {c: 1 for c in cs if columns[c][5] >= t}
            for c in nxt:
                if columns[c][5] <= t:
                    coefficients[c] = coefficients.get(c, 0) + 1
            rows.append((coefficients, 0, 1))
    # Each person: never two sessions at once; at most `limit` on one local day. In the
    # benchmark every mentee has one mentor, so the group is the whole problem for its people.
    xs = [c for c, col in enumerate(columns) if col[0] == "x"]
    members = {}
    for c in xs:
        pid = columns[c][1]
        mentee_id = next(p["mentee"] for p in group["pairs"] if p["id"] == pid)
        members.setdefault(mentor.id, []).append((c, columns[c][6]))
        members.setdefault(mentee_id, []).append((c, columns[c][5]))
    for entries in members.values():
        for t in sorted({columns[c][4] for c, _ in entries}):  # running at t: start in (t - length, t]
            coefficients = {c: 1 for c, _ in entries if t - length < columns[c][4] <= t}
            if len(coefficients) > 1:
                rows.append((coefficients, 0, 1))
        per_day = {}
        for c, day in entries:
            per_day.setdefault(day, []).append(c)
        for day, cs in per_day.items():
            if len(cs) > limit:
                rows.append(({c: 1 for c in cs}, 0, limit))

    if not anchors:
        return 0, {}, {}, n, len(rows)  # no pair of the group can be full even alone
    a = lil_matrix((len(rows), n))
    lo = np.zeros(len(rows))
    hi = np.zeros(len(rows))
    for r, (coefficients, l, h) in enumerate(rows):
        for c, v in coefficients.items():
            a[r, c] = v
        lo[r], hi[r] = l, h
    objective = np.array([-1.0 if col[0] == "y" else 0.0 for col in columns])
    result = milp(objective, constraints=LinearConstraint(a.tocsr(), lo, hi), integrality=np.ones(n),
                  bounds=Bounds(0, 1))
    if result.status != 0:
        raise SystemExit("solver: " + result.message)
    full = int(round(-result.fun))
    chosen, sessions = {}, {}
    for c, col in enumerate(columns):
        if result.x[c] > 0.5:
            if col[0] == "y":
                chosen[col[1]] = col[2]
            else:
                sessions.setdefault(col[1], []).append(col[4])
    return full, chosen, sessions, n, len(rows)


def main():
    data = json.load(open(next(a for a in sys.argv[1:] if not a.startswith("--"))))
    for group in data["groups"]:
        full, chosen, sessions, variables, constraints = solve(group, data["program"])
        weekdays = "Mon Tue Wed Thu Fri Sat Sun".split()
        anchors = ", ".join(f"{pid} {weekdays[w]} phase {p}" for pid, (w, p) in sorted(chosen.items()))
        scheduled = sum(len(p["sessions"]) == data["program"]["target"] for p in group["pairs"])
        print(f"mentor {group['mentor']}: {len(group['pairs'])} pairs, {full} can be fully scheduled together, "
              f"the scheduler did {scheduled} ({variables} variables, {constraints} constraints)"
              f"{'; anchors: ' + anchors if anchors else ''}")
        if scheduled > full:
            print("  MODEL TOO STRICT: the scheduler did more than the exact check allows")
        if "--sessions" in sys.argv:
            for pid, starts in sorted(sessions.items()):
                print(f"  {pid}: " + " ".join(str(s) for s in sorted(starts)))


if __name__ == "__main__":
    main()
