"""Reference side of bench/assign_vs_scipy.sh: read the same CSV as
`talenta assign`, solve it with scipy.optimize.linear_sum_assignment, and print
one JSON line {"parse_ms", "solve_ms", "total"}. Only the solver call is inside
solve_ms, as for `talenta assign --timings`. Empty cells (forbidden pairs)
become +inf (-inf when maximising), scipy's marker for a missing edge.

Usage: assign_scipy.py FILE.csv [--maximize]
"""

import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def read(path: str, maximize: bool) -> np.ndarray:
    with open(path, encoding="ascii") as f:
        cols = f.readline().count(",")
    columns = range(1, cols + 1)
    try:
        return np.loadtxt(path, delimiter=",", skiprows=1, usecols=columns, dtype=np.float64)
    except ValueError:
        # Empty cells: slower per-cell conversion, only for files that have them.
        missing = -np.inf if maximize else np.inf
        return np.loadtxt(
            path, delimiter=",", skiprows=1, usecols=columns, dtype=np.float64,
            converters=lambda s: float(s) if s.strip() else missing,
        )


def main() -> None:
    path, maximize = sys.argv[1], "--maximize" in sys.argv[2:]
    started = time.perf_counter()
    costs = read(path, maximize)
    parsed = time.perf_counter()
    rows, cols = linear_sum_assignment(costs, maximize=maximize)
    solved = time.perf_counter()
    print(json.dumps({
        "parse_ms": (parsed - started) * 1e3,
        "solve_ms": (solved - parsed) * 1e3,
        "total": float(costs[rows, cols].sum()),
    }))


if __name__ == "__main__":
    main()
