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
# shellcheck source=bench/demo.sh
source bench/demo.sh

# timed ROLE PATH: the status and the total time in ms of one GET.
timed() {
    curl -sS -o /dev/null -b "$WORK/$1.jar" -w '%{http_code} %{time_total}' "$BASE$2" |
        awk '{ printf "%s %.0f", $1, $2 * 1000 }'
}

login admin_bkpsdm >/dev/null
login admin_opd >/dev/null
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
