#!/usr/bin/env bash
# Benchmark `talenta assign` against scipy.optimize.linear_sum_assignment on
# the same CSV files, in one run.
#
# * Installs scipy and numpy into bench/.venv (git-ignored) if needed.
# * Builds `talenta` in release mode.
# * Generates the seeded matrices once into bench/out/assign (git-ignored).
# * For each case, runs both solvers REPEAT times (best of, to damp the noise
#   of a shared machine), checks that the totals agree, and prints the solve
#   times, their ratio Talenta/scipy, and the parse times apart.
#
# Usage: bench/assign_vs_scipy.sh [--quick]
#   --quick        only the 2000x2000 and 1000x9000 cases
#   REPEAT=n       runs per solver and case (default 3)
#   CASE_TIMEOUT=s time limit of one solver run, in seconds (default 600)
#   TALENTA=path   use this release binary instead of building one
# Bounded: every run is under `timeout`; the whole script stays well under an
# hour on a 2-core machine (about 5 minutes measured, see docs/assign.md).
set -euo pipefail

cd "$(dirname "$0")/.."
REPEAT="${REPEAT:-3}"
CASE_TIMEOUT="${CASE_TIMEOUT:-600}"
OUT=bench/out/assign
VENV=bench/.venv
mkdir -p "$OUT"

if ! "$VENV/bin/python" -c 'import scipy, numpy' 2>/dev/null; then
    echo "installing scipy and numpy into $VENV" >&2
    python3 -m venv "$VENV"
    timeout 600 "$VENV/bin/pip" install --quiet "scipy==1.17.1" "numpy==2.4.6"
fi
PY="$VENV/bin/python"

if [[ -z "${TALENTA:-}" ]]; then
    timeout 1800 cargo build --quiet --release -p talenta
    TALENTA="${CARGO_TARGET_DIR:-target}/release/talenta"
fi

# name kind rows cols seed forbidden_share
CASES=(
    "uniform-2000x2000 uniform 2000 2000 1 0"
    "structured-2000x2000 structured 2000 2000 2 0"
    "uniform-1000x9000 uniform 1000 9000 3 0"
    "structured-1000x9000 structured 1000 9000 4 0"
    "structured-forbidden30-2000x4000 structured 2000 4000 5 0.3"
    "uniform-5000x10000 uniform 5000 10000 6 0"
    "structured-5000x10000 structured 5000 10000 7 0"
)
if [[ "${1:-}" == "--quick" ]]; then
    CASES=("${CASES[@]:0:4}")
fi

# The line with the smallest second field (solve_ms) among its input lines.
fastest() {
    grep . | sort -k2,2g | head -n1
}

# Prints "parse_ms solve_ms total" for the fastest of REPEAT runs.
run_talenta() {
    local file=$1 flag=$2 i total timings
    for ((i = 0; i < REPEAT; i++)); do
        total=$(timeout "$CASE_TIMEOUT" "$TALENTA" assign --costs "$file" $flag --timings \
            2>"$OUT/talenta.err" | "$PY" -c 'import json,sys; print(repr(json.load(sys.stdin)["total"]))')
        timings=$(grep -o 'parse_ms=[0-9.]* solve_ms=[0-9.]*' "$OUT/talenta.err" | sed 's/[a-z_]*=//g')
        echo "$timings $total"
    done | fastest
}

run_scipy() {
    local file=$1 flag=$2 i
    for ((i = 0; i < REPEAT; i++)); do
        timeout "$CASE_TIMEOUT" "$PY" bench/assign_scipy.py "$file" $flag |
            "$PY" -c 'import json,sys; r=json.load(sys.stdin); print(r["parse_ms"], r["solve_ms"], repr(r["total"]))'
    done | fastest
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(free -g | awk '/Mem:/ {print $2}') GiB; scipy $("$PY" -c 'import scipy; print(scipy.__version__)');" \
    "best of $REPEAT"
echo
echo "| case | objective | talenta solve (s) | scipy solve (s) | ratio talenta/scipy | totals agree | talenta parse (s) | scipy parse (s) |"
echo "|---|---|---:|---:|---:|---|---:|---:|"
worst_ratio=0
for spec in "${CASES[@]}"; do
    read -r name kind rows cols seed share <<<"$spec"
    file="$OUT/$name.csv"
    if [[ ! -s "$file" ]]; then
        timeout 600 "$PY" bench/assign_gen.py "$kind" "$rows" "$cols" "$seed" "$file.tmp" "$share"
        mv "$file.tmp" "$file"
    fi
    flag=""
    objective=min
    if [[ "$kind" == structured ]]; then
        flag=--maximize
        objective=max
    fi
    read -r t_parse t_solve t_total <<<"$(run_talenta "$file" "$flag")"
    read -r s_parse s_solve s_total <<<"$(run_scipy "$file" "$flag")"
    verdict=$("$PY" - "$t_total" "$s_total" "$t_solve" "$s_solve" "$t_parse" "$s_parse" <<'EOF'
import sys
t_total, s_total, t_solve, s_solve, t_parse, s_parse = map(float, sys.argv[1:])
agree = abs(t_total - s_total) <= 1e-9 * max(1.0, abs(s_total))
print(f"{t_solve/1e3:.3f} {s_solve/1e3:.3f} {t_solve/s_solve:.2f} {'yes' if agree else 'NO'} "
      f"{t_parse/1e3:.2f} {s_parse/1e3:.2f}")
EOF
)
    read -r t_s s_s ratio agree t_p s_p <<<"$verdict"
    echo "| $name | $objective | $t_s | $s_s | $ratio | $agree ($t_total vs $s_total) | $t_p | $s_p |"
    if [[ "$agree" != yes ]]; then
        echo "totals differ on $name" >&2
        exit 1
    fi
    worst_ratio=$("$PY" -c "print(max($worst_ratio, $ratio))")
done
echo
echo "worst ratio: $worst_ratio (goal: <= 1.0)"
