#!/usr/bin/env bash
# Issue 5 load benchmark: `talenta demo` over a generated city of N
# employees (default 9000) in a temporary SQLite file, signed in with curl
# as the demo pegawai and the demo admin_opd, then wrk at 32 connections
# against the employee's profile and the OPD dashboard. Prints a Markdown
# table of requests/s and latency percentiles per page.
# Targets (issue 5): profile p99 < 50 ms, OPD dashboard p99 < 200 ms.
# Usage: bench/web.sh [N] [DURATION] (defaults 9000, 20s). Needs wrk
# (apt-get install wrk) and curl. Loopback only; stops the server on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-9000}"
DURATION="${2:-20s}"
for tool in wrk curl; do
    command -v "$tool" >/dev/null || {
        echo "bench/web.sh needs $tool: apt-get install $tool" >&2
        exit 1
    }
done

# shellcheck source=bench/demo.sh
source bench/demo.sh

# to_ms LATENCY: wrk's "812.00us", "4.51ms" or "1.20s" in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000
        printf "%.1f", n
    }'
}

# bench NAME COOKIE PATH TARGET_MS: one table row.
bench() {
    local name="$1" cookie="$2" path="$3" target="$4" status
    status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")"
    if [ "$status" != 200 ]; then
        printf '| %s | `%s` | - | - | - | - | not measured: GET answered %s |\n' "$name" "$path" "$status"
        return
    fi
    wrk -t2 -c32 -d"$DURATION" --latency -H "Cookie: $cookie" "$BASE$path" >"$WORK/wrk"
    local rps p50 p90 p99 errors verdict
    rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/wrk")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$WORK/wrk")")"
    p90="$(to_ms "$(awk '$1 == "90%" { print $2 }' "$WORK/wrk")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$WORK/wrk")")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$WORK/wrk")"
    verdict="$(awk -v p="$p99" -v t="$target" 'BEGIN { print (p < t) ? "met" : "MISSED" }')"
    [ -z "$errors" ] || verdict="$verdict; $errors non-2xx answers"
    printf '| %s | `%s` | %s | %s | %s | %s | p99 < %s ms: %s |\n' \
        "$name" "$path" "$rps" "$p50" "$p90" "$p99" "$target" "$verdict"
}

PEGAWAI="$(login pegawai)"
ADMIN_OPD="$(login admin_opd)"
read -r PEGAWAI_NIP _ <<<"$(account pegawai)"

echo "wrk -t2 -c32 -d$DURATION, $N employees, SQLite, $(nproc) cores shared by server and wrk"
echo
echo "| page | path | requests/s | p50 ms | p90 ms | p99 ms | target |"
echo "|---|---|---|---|---|---|---|"
bench "profile (pegawai, own)" "$PEGAWAI" "/pegawai/$PEGAWAI_NIP" 50
bench "profile (admin_opd)" "$ADMIN_OPD" "/pegawai/$PEGAWAI_NIP" 50
bench "OPD dashboard (admin_opd)" "$ADMIN_OPD" "/dasbor/opd/DINKES" 200
