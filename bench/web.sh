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

cargo build --release -q -p talenta
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/talenta"
WORK="$(mktemp -d)"
PID=""
cleanup() {
    if [ -n "$PID" ]; then
        kill "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# Port 0: the demo takes a free port and prints the URL it listens on.
"$BIN" demo --employees "$N" --port 0 --db "sqlite://$WORK/demo.db" >"$WORK/out" 2>"$WORK/err" &
PID=$!
for _ in $(seq 600); do
    [ "$(grep -c '^akun demo: ' "$WORK/out" || true)" -ge 6 ] && break
    kill -0 "$PID" 2>/dev/null || {
        cat "$WORK/err" >&2
        exit 1
    }
    sleep 1
done
BASE="$(sed -n 's/^Talenta demo: //p' "$WORK/out")"
[ -n "$BASE" ] || {
    echo "the demo did not start within 10 minutes" >&2
    cat "$WORK/err" >&2
    exit 1
}

# account ROLE: prints "NIP PASSWORD" of the demo account of ROLE.
account() {
    awk -v role="$1" '$1 == "akun" && $3 == role { print $4, $5 }' "$WORK/out"
}

# login ROLE: signs in through the form as a browser does (GET /masuk for
# the CSRF cookie and token, POST /masuk) and prints the session cookie.
login() {
    local jar="$WORK/$1.jar" nip password token status
    read -r nip password <<<"$(account "$1")"
    token="$(curl -fsS -c "$jar" -b "$jar" "$BASE/masuk" |
        sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -n 1)"
    status="$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
        --data-urlencode "_csrf=$token" --data-urlencode "nip=$nip" \
        --data-urlencode "sandi=$password" "$BASE/masuk")"
    [ "$status" = 303 ] || {
        echo "login as $1 answered $status" >&2
        exit 1
    }
    awk '$6 == "talenta_sesi" { print "talenta_sesi=" $7 }' "$jar"
}

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
