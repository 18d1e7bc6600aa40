#!/usr/bin/env bash
# The dashboards' first load (issue 6): `talenta demo` over a generated
# city of N employees (default 9000) in a temporary SQLite file, signed in
# with curl as the demo admin_bkpsdm and admin_opd; times the first
# (nothing cached: the counts, and a succession plan per key position for
# the notice of positions short of ready successors, plus the OPD's
# retention count) and the second load of each dashboard. Target: the
# instansi dashboard's first load well under 1 s.
# Usage: bench/dashboard.sh [N]. Needs curl. Loopback only; stops the
# server on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-9000}"
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
    exit 1
}

account() {
    awk -v role="$1" '$1 == "akun" && $3 == role { print $4, $5 }' "$WORK/out"
}

# login ROLE: signs in through the form; the cookie jar is $WORK/ROLE.jar.
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
}

# timed ROLE PATH: the status and the total time in ms of one GET.
timed() {
    curl -sS -o /dev/null -b "$WORK/$1.jar" -w '%{http_code} %{time_total}' "$BASE$2" |
        awk '{ printf "%s %.0f", $1, $2 * 1000 }'
}

login admin_bkpsdm
login admin_opd
OPD_PATH="$(curl -sS -o /dev/null -b "$WORK/admin_opd.jar" -w '%{redirect_url}' "$BASE/dasbor" | sed "s|^$BASE||")"

echo "| Page | First load (ms) | Second load (ms) |"
echo "|---|---:|---:|"
for page in "admin_bkpsdm /dasbor" "admin_opd $OPD_PATH"; do
    read -r role path <<<"$page"
    read -r s1 first <<<"$(timed "$role" "$path")"
    read -r s2 second <<<"$(timed "$role" "$path")"
    [ "$s1" = 200 ] && [ "$s2" = 200 ] || {
        echo "$role GET $path answered $s1, $s2" >&2
        exit 1
    }
    echo "| $path ($role) | $first | $second |"
done
