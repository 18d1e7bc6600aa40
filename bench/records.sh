#!/usr/bin/env bash
# Issue 4 benchmarks: generate a city of N employees, import it into SQLite
# and into PostgreSQL (COPY), re-import it (nothing changes), and compute the
# talent map; wall time and peak memory (max RSS) of each step, as a
# Markdown table. Usage: bench/records.sh [N] (default 1000000).
# Each engine's anchor loads the same files with the engine's own bulk
# loader in one transaction (the sqlite3 shell's `.import` into TEXT
# tables, psql's `\copy`), without checks, keys or indexes: a floor for
# this machine, so that the ratio of an import to it compares across
# machines, which differ by up to 2x.
# Needs PostgreSQL at $PG_ADMIN (default postgres://postgres@127.0.0.1:5432/postgres).
# The files and databases go to a temporary directory under $TMPDIR (about
# 6 GB for N = 1,000,000: point it at a disk, not a small tmpfs).
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-1000000}"
PG_ADMIN="${PG_ADMIN:-postgres://postgres@127.0.0.1:5432/postgres}"
cargo build --release -q -p talenta
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/talenta"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# step NAME ROWS COMMAND...: runs COMMAND, prints a table row.
step() {
    local name="$1" rows="$2"
    shift 2
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || {
        cat "$WORK/err" >&2
        exit 1
    }
    read -r seconds kib <"$WORK/time"
    local rate="-"
    if [ "$rows" != "-" ]; then
        rate="$(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')"
    fi
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rows" "$seconds" "$rate" "$((kib / 1024))" "$(cut -d' ' -f1 /proc/loadavg)"
}

step_rows() { # rows of all CSV files in DIR, without headers
    local total=0
    for f in "$1"/*.csv; do total=$((total + $(wc -l <"$f") - 1)); done
    echo "$total"
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| step (N = $N employees) | rows | seconds | rows/s | peak MiB | load |"
echo "|---|---|---|---|---|---|"
step "generate" "$N" "$BIN" generate --employees "$N" --seed 1 --out "$WORK/city"
ROWS="$(step_rows "$WORK/city")"
PEGAWAI="$(($(wc -l <"$WORK/city/pegawai.csv") - 1))"
mkdir -p "$WORK/city-pegawai"
cp "$WORK/city/instansi.csv" "$WORK/city/opd.csv" "$WORK/city/jabatan.csv" "$WORK/city/pegawai.csv" "$WORK/city-pegawai/"
# anchor_sqlite DB DIR: every CSV file of DIR loaded by the sqlite3 shell,
# in WAL mode with synchronous=FULL as Talenta's database.
anchor_sqlite() {
    {
        echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; BEGIN;"
        for f in "$2"/*.csv; do echo ".import --csv $f $(basename "$f" .csv)"; done
        echo "COMMIT;"
    } | sqlite3 "$1"
}
# anchor_pg URL DIR: every CSV file of DIR copied by psql into a TEXT table.
anchor_pg() {
    {
        for f in "$2"/*.csv; do
            t="$(basename "$f" .csv)"
            cols="$(head -1 "$f" | tr -d '\r\357\273\277' | sed 's/,/" text, "/g')"
            echo "CREATE TABLE anchor_$t (\"$cols\" text);"
            echo "\\copy anchor_$t FROM '$f' (FORMAT csv, HEADER true)"
        done
    } | psql -q -1 -v ON_ERROR_STOP=1 "$1"
}
# Run by /usr/bin/time through bash.
export -f anchor_sqlite anchor_pg

step "anchor: sqlite3 .import of all files" "$ROWS" bash -c 'anchor_sqlite "$@"' _ "$WORK/anchor.db" "$WORK/city"
rm -f "$WORK"/anchor.db*
step "import instansi+opd+jabatan+pegawai, SQLite" "$PEGAWAI" "$BIN" import --dir "$WORK/city-pegawai" --db "sqlite://$WORK/p.db"
step "import all files, SQLite" "$ROWS" "$BIN" import --dir "$WORK/city" --db "sqlite://$WORK/t.db"
step "re-import all files (unchanged), SQLite" "$ROWS" "$BIN" import --dir "$WORK/city" --db "sqlite://$WORK/t.db"
step "map 2026-S1, SQLite" "$PEGAWAI" "$BIN" map --period 2026-S1 --db "sqlite://$WORK/t.db" --format csv --out "$WORK/map.csv"

DB="talenta_bench_$$"
psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
PG="${PG_ADMIN%/*}/$DB"
step "anchor: psql \\copy of all files" "$ROWS" bash -c 'anchor_pg "$@"' _ "$PG" "$WORK/city"
psql -q "$PG_ADMIN" -c "DROP DATABASE $DB" -c "CREATE DATABASE $DB"
step "import instansi+opd+jabatan+pegawai, PostgreSQL" "$PEGAWAI" "$BIN" import --dir "$WORK/city-pegawai" --db "$PG"
psql -q "$PG_ADMIN" -c "DROP DATABASE $DB" -c "CREATE DATABASE $DB"
step "import all files, PostgreSQL" "$ROWS" "$BIN" import --dir "$WORK/city" --db "$PG"
step "re-import all files (unchanged), PostgreSQL" "$ROWS" "$BIN" import --dir "$WORK/city" --db "$PG"
step "map 2026-S1, PostgreSQL" "$PEGAWAI" "$BIN" map --period 2026-S1 --db "$PG" --format csv --out "$WORK/map-pg.csv"
cmp -s "$WORK/map.csv" "$WORK/map-pg.csv" && echo "(the SQLite and PostgreSQL maps are identical)" || echo "MAPS DIFFER" >&2
psql -q "$PG_ADMIN" -c "DROP DATABASE $DB"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
