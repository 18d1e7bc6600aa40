#!/usr/bin/env bash
# Issue 21 load test: the web server beside an import on SQLite. Starts
# `talenta demo` over a generated city of SMALL employees (default 2000) in
# a temporary SQLite file, generates a city of BIG employees (default
# 200000, seed 2), then runs USERS virtual users (default 12,
# bench/beside_import.py) twice: for BASELINE seconds with no import
# (default 30), and while `talenta import --dir` writes the big city into
# the same database file (until the import ends, at most 420 s). Each user
# signs in through the form, reads a profile and a dashboard, submits a
# write (the pegawai's branding statement, tim_penilai's calibration) and
# signs out. Prints per page: requests, answers, 503s, 5xx, timeouts (10 s),
# p50/p99/max latency. The 503 try-again page of a write refused while the
# import holds the write lock is not an error; any other 5xx or a timeout
# is, and makes the script exit 1 (also if the import fails).
# Usage: bench/beside_import.sh [SMALL] [BIG] [USERS] [BASELINE]. Needs
# python3 and curl. Loopback only; stops the server and the import on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

SMALL="${1:-2000}"
BIG="${2:-200000}"
USERS="${3:-12}"
BASELINE="${4:-30}"
for tool in python3 curl; do
    command -v "$tool" >/dev/null || {
        echo "bench/beside_import.sh needs $tool" >&2
        exit 1
    }
done

N="$SMALL"
# shellcheck source=bench/demo.sh
source bench/demo.sh
IMPORT=""
stop_all() {
    if [ -n "$IMPORT" ]; then
        kill "$IMPORT" 2>/dev/null || true
        wait "$IMPORT" 2>/dev/null || true
    fi
    cleanup
}
trap stop_all EXIT

PERIODE="$(sed -n 's/^computing the talent map of \([^ ]*\) .*/\1/p' "$WORK/err")"
login admin_opd >/dev/null
OPD_PATH="$(curl -sS -o /dev/null -b "$WORK/admin_opd.jar" -w '%{redirect_url}' "$BASE/dasbor" | sed "s|^$BASE||")"
# tim_penilai calibrates the first person of the calibration list not
# themselves.
login tim_penilai >/dev/null
read -r PENILAI _ <<<"$(account tim_penilai)"
CALIBRATE="$(curl -fsS -b "$WORK/tim_penilai.jar" "$BASE/talenta/$PERIODE/kalibrasi" |
    sed -n "s|.*action=\"/talenta/$PERIODE/kalibrasi/\([0-9]*\)\".*|\1|p" | grep -v "^$PENILAI\$" | head -n 1)"
[ -n "$PERIODE" ] && [ -n "$OPD_PATH" ] && [ -n "$CALIBRATE" ] || {
    echo "could not find the period ($PERIODE), the OPD dashboard ($OPD_PATH) or a person to calibrate ($CALIBRATE)" >&2
    exit 1
}

"$BIN" generate --employees "$BIG" --seed 2 --out "$WORK/city" >/dev/null 2>"$WORK/generate.err" || {
    cat "$WORK/generate.err" >&2
    exit 1
}

drive() {
    python3 bench/beside_import.py --base "$BASE" --accounts "$WORK/out" --periode "$PERIODE" \
        --calibrate "$CALIBRATE" --opd-dashboard "$OPD_PATH" --users "$USERS" "$@"
}

echo "talenta demo over $SMALL employees (SQLite, period $PERIODE); import of $BIG generated employees;"
echo "$USERS virtual users (pegawai, tim_penilai, admin_opd in turn; $OPD_PATH); $(nproc) cores shared by server, import and users;"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
STATUS=0
drive --seconds "$BASELINE" --title "Baseline, no import" || STATUS=1

START="$(date +%s.%N)"
"$BIN" import --dir "$WORK/city" --db "sqlite://$WORK/demo.db" >"$WORK/import.out" 2>"$WORK/import.err" &
IMPORT=$!
drive --seconds 420 --until-pid "$IMPORT" --title "Beside \`talenta import\` of $BIG employees" || STATUS=1
if ! wait "$IMPORT"; then
    echo "the import failed:" >&2
    tail -n 20 "$WORK/import.err" >&2
    STATUS=1
fi
IMPORT=""
awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "import: %.1f s wall, ", e - s }'
cat "$WORK/import.out" "$WORK/import.err" | tail -n 1
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
# A write after the import is saved again.
drive --seconds 10 --max-rounds 1 --title "After the import" >/dev/null || STATUS=1
[ "$STATUS" = 0 ] && echo "no 5xx other than the 503 try-again page, no timeouts" || echo "ERRORS: see the tables" >&2
exit "$STATUS"
