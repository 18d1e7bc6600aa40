#!/usr/bin/env bash
# Issue 6 benchmarks: a city of N employees generated and imported into
# SQLite, then the talent cycle of a semester end to end: map, pools,
# succession plans of key positions, close. Wall time and peak memory
# (max RSS) of each step, as a Markdown table.
# Usage: bench/cycle.sh [N] (default 9000; 1000000 for the large case).
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-9000}"
cargo build --release -q -p talenta
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/talenta"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="sqlite://$WORK/t.db"

step() { # step NAME COMMAND...: runs COMMAND, prints a table row.
    local name="$1"
    shift
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || {
        cat "$WORK/err" >&2
        exit 1
    }
    read -r seconds kib <"$WORK/time"
    printf '| %s | %s | %s |\n' "$name" "$seconds" "$((kib / 1024))"
}

"$BIN" generate --employees "$N" --seed 1 --out "$WORK/city" >/dev/null 2>&1
"$BIN" import --dir "$WORK/city" --db "$DB" >/dev/null 2>&1
echo "| step (N = $N employees, SQLite) | seconds | peak MiB |"
echo "|---|---|---|"
step "map 2026-S1 (compute and store the snapshot)" "$BIN" map --period 2026-S1 --db "$DB" --format csv --out "$WORK/map.csv"
step "pools 2026-S1 (open period, gates checked)" "$BIN" pools --period 2026-S1 --format json --db "$DB"
"$BIN" positions --key --format json --db "$DB" >"$WORK/positions.json"
POSITION="$(grep -o '"id":"[^"]*"' "$WORK/positions.json" | head -1 | cut -d'"' -f4)"
step "succession --position $POSITION" "$BIN" succession --position "$POSITION" --on 2026-07-01 --format json --db "$DB"
step "period close 2026-S1 (pools frozen)" "$BIN" period close 2026-S1 --db "$DB"
step "pools 2026-S1 (closed: frozen pools)" "$BIN" pools --period 2026-S1 --format json --db "$DB"
