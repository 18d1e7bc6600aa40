"""Generate the benchmark cost matrices for bench/assign_vs_scipy.sh (seeded, so
every run and every machine gets the same files).

Kinds:
  uniform     costs U(0,1), to minimise (weakly structured, the easy case)
  structured  competency-fit scores to maximise: profiles A (rows x 10) and
              requirements B (cols x 10) drawn U(0,1), fit = A.B^T + 0.01 U(0,1)
              noise (low rank plus noise, as in docs perf_reliability.md, where
              this shape of score is 40-100x harder than uniform noise)

Cells are written with 6 decimals; an optional share of cells is left empty
(forbidden). Usage: assign_gen.py KIND ROWS COLS SEED OUT.csv [FORBIDDEN_SHARE]
"""

import sys

import numpy as np


def matrix(kind: str, rows: int, cols: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "uniform":
        return rng.random((rows, cols))
    if kind == "structured":
        profiles = rng.random((rows, 10))
        requirements = rng.random((cols, 10))
        return profiles @ requirements.T + 0.01 * rng.random((rows, cols))
    raise SystemExit(f"unknown kind {kind!r}")


def write_csv(path: str, values: np.ndarray, forbidden: np.ndarray | None) -> None:
    rows, cols = values.shape
    with open(path, "w", encoding="ascii") as out:
        out.write("id," + ",".join(f"c{j}" for j in range(cols)) + "\n")
        line = ",".join(["%.6f"] * cols)
        for i in range(rows):
            text = line % tuple(values[i])
            if forbidden is not None and forbidden[i].any():
                cells = text.split(",")
                for j in np.flatnonzero(forbidden[i]):
                    cells[j] = ""
                text = ",".join(cells)
            out.write(f"r{i},{text}\n")


def main() -> None:
    kind, rows, cols, seed, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    share = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
    values = matrix(kind, rows, cols, seed)
    forbidden = None
    if share > 0:
        forbidden = np.random.default_rng(seed + 1).random((rows, cols)) < share
    write_csv(path, values, forbidden)


if __name__ == "__main__":
    main()
