# Sourced by the web benchmarks (bench/web.sh, bench/dashboard.sh): builds
# `talenta` in release mode, starts `talenta demo` over a generated city of
# $N employees in a temporary SQLite file on a free loopback port, and
# defines `account` and `login`. Sets BIN, WORK (removed on exit, with the
# server stopped) and BASE (the server's URL).

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
# the CSRF cookie and token, POST /masuk); keeps the cookie jar in
# $WORK/ROLE.jar and prints the session cookie.
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
