#!/usr/bin/env python3
"""Load driver of bench/beside_import.sh (issue 21): virtual users against a
running `talenta demo` on loopback, Python 3 standard library only.

Each virtual user plays one demo role, in turn pegawai, tim_penilai and
admin_opd, and repeats a round: sign in through the form (GET /masuk for
the CSRF cookie and token, POST /masuk), read a profile, read a dashboard
(not the pegawai, who has none), submit a write (the pegawai their
branding statement, tim_penilai a calibration; admin_opd reads only), and
sign out. Every request is timed and its answer recorded per page.

Bounded: it stops at --seconds, after --max-rounds rounds per user, or
(with --until-pid) when that process has ended, whichever comes first;
every request gives up after --timeout seconds (counted as a timeout, as
is a broken connection). Prints a Markdown table per page and exits 1 if
any answer was a 5xx other than the 503 try-again page of a write (a 503
on a read, or without "Coba lagi dalam ...", counts as a 5xx), or a
timeout; 0 otherwise.
"""

import argparse
import http.client
import os
import re
import socket
import sys
import threading
import time
import urllib.parse

CSRF = re.compile(r'name="_csrf" value="([0-9a-f]+)"')
# The 503 page of a write refused while an import holds the lock.
TRY_AGAIN = b"Coba lagi dalam"
PAGES = [
    "sign-in form",
    "sign-in",
    "profile",
    "dashboard",
    "write: branding statement",
    "write: calibration",
    "sign-out",
]
# Statuses each page answers when all is well; anything else is reported.
EXPECTED = {
    "sign-in form": {200},
    "sign-in": {303},
    "profile": {200},
    "dashboard": {200},
    "write: branding statement": {303, 503},
    "write: calibration": {303, 503},
    "sign-out": {303},
}


class Stats:
    """Answers per page, shared by the users."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {page: [] for page in PAGES}
        self.statuses = {page: {} for page in PAGES}
        self.timeouts = {page: 0 for page in PAGES}
        self.failures = {page: 0 for page in PAGES}  # connection errors
        self.not_try_again = {page: 0 for page in PAGES}  # 503s without the page
        self.samples = []  # first answers outside EXPECTED, to show
        self.start = time.monotonic()
        self.slowest = []  # (seconds, page, offset from the start)

    def record(self, page, status, seconds, body=b""):
        with self.lock:
            self.latencies[page].append(seconds)
            offset = time.monotonic() - seconds - self.start
            self.slowest = sorted(self.slowest + [(seconds, page, offset)], reverse=True)[:5]
            counts = self.statuses[page]
            counts[status] = counts.get(status, 0) + 1
            if status == 503 and TRY_AGAIN not in body:
                self.not_try_again[page] += 1
            if status not in EXPECTED[page] and len(self.samples) < 5:
                self.samples.append((page, status, body[:300]))

    def timeout(self, page):
        with self.lock:
            self.timeouts[page] += 1

    def failure(self, page, error):
        with self.lock:
            self.failures[page] += 1
            if len(self.samples) < 5:
                self.samples.append((page, "connection", str(error).encode()))


class User:
    """One browser: its cookies and the CSRF token of its last page."""

    def __init__(self, base, timeout, stats):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.origin = base
        self.timeout = timeout
        self.stats = stats
        self.cookies = {}

    def request(self, page, method, path, form=None):
        """Status and body of one request, recorded under `page`; None on a
        timeout or a broken connection."""
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        start = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except (socket.timeout, TimeoutError):
            self.stats.timeout(page)
            return None
        except (OSError, http.client.HTTPException) as error:
            self.stats.failure(page, error)
            return None
        finally:
            connection.close()
        self.stats.record(page, response.status, time.monotonic() - start, data)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookie = rest.split(";", 1)[0]
                if cookie and "max-age=0" not in value.lower():
                    self.cookies[name.strip()] = cookie
                else:
                    self.cookies.pop(name.strip(), None)
        return response.status, data.decode("utf-8", "replace")

    @staticmethod
    def token(answer):
        found = CSRF.search(answer[1]) if answer else None
        return found.group(1) if found else None


def round_of(role, user, args, index):
    """One round of `role`; returns False when the user cannot go on."""
    nip, password = args.accounts[role]
    user.cookies.clear()
    form = user.request("sign-in form", "GET", "/masuk")
    token = User.token(form)
    if token is None:
        return False
    answer = user.request("sign-in", "POST", "/masuk", {"_csrf": token, "nip": nip, "sandi": password})
    if answer is None or answer[0] != 303:
        return False
    if role == "pegawai":
        own = f"/pegawai/{nip}"
        profile = user.request("profile", "GET", own)
        token = User.token(profile)
        if token:
            text = f"Pernyataan uji beban, putaran {index}."
            user.request("write: branding statement", "POST", f"{own}/branding",
                         {"_csrf": token, "pernyataan": text})
    elif role == "tim_penilai":
        user.request("profile", "GET", f"/pegawai/{args.accounts['pegawai'][0]}")
        dashboard = user.request("dashboard", "GET", "/dasbor")
        token = User.token(dashboard)
        if token:
            # Alternates between two boxes: one of them may be the computed
            # box, which removes the calibration instead (also a write).
            user.request("write: calibration", "POST", f"/talenta/{args.periode}/kalibrasi/{args.calibrate}",
                         {"_csrf": token, "kotak": str(5 + index % 2),
                          "alasan": f"Uji beban: kalibrasi saat impor berjalan, putaran {index}."})
    else:
        user.request("profile", "GET", f"/pegawai/{args.accounts['pegawai'][0]}")
        dashboard = user.request("dashboard", "GET", args.opd_dashboard)
        token = User.token(dashboard)
    if token:
        user.request("sign-out", "POST", "/keluar", {"_csrf": token})
    return True


def run_user(number, args, stats, deadline):
    role = ("pegawai", "tim_penilai", "admin_opd")[number % 3]
    user = User(args.base, args.timeout, stats)
    for index in range(args.max_rounds):
        if time.monotonic() >= deadline or not alive(args.until_pid):
            return
        if not round_of(role, user, args, index):
            time.sleep(0.5)  # an answer was missing: recorded; do not spin


def alive(pid):
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (ended, not yet reaped by the script) has ended too.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def percentile(sorted_values, p):
    """Nearest rank, in ms."""
    if not sorted_values:
        return "-"
    rank = max(1, -(-len(sorted_values) * p // 100))
    return f"{sorted_values[int(rank) - 1] * 1000:.0f}"


def report(stats, title, seconds):
    print(f"{title} ({seconds:.0f} s):")
    print()
    print("| Page | Requests | Answers | 503 (try again) | 5xx | Timeouts | p50 ms | p99 ms | max ms |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    errors = 0
    for page in PAGES:
        latencies = sorted(stats.latencies[page])
        statuses = stats.statuses[page]
        timeouts = stats.timeouts[page] + stats.failures[page]
        if not latencies and not timeouts:
            continue
        answers = ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items()))
        try_again = statuses.get(503, 0) - stats.not_try_again[page]
        server_errors = sum(n for s, n in statuses.items() if s >= 500 and s != 503)
        server_errors += stats.not_try_again[page]
        # A 503 is the try-again page only where a write may be refused.
        if 503 not in EXPECTED[page]:
            server_errors += try_again
            try_again = 0
        errors += server_errors + timeouts
        print(f"| {page} | {len(latencies) + timeouts} | {answers} | {try_again} | {server_errors} "
              f"| {timeouts} | {percentile(latencies, 50)} | {percentile(latencies, 99)} "
              f"| {percentile(latencies, 100)} |")
    print()
    slowest = ", ".join(f"{page} {seconds * 1000:.0f} ms at {offset:.1f} s" for seconds, page, offset in stats.slowest)
    print(f"Slowest answers (started at seconds from the start): {slowest}.")
    print()
    for page, status, body in stats.samples:
        print(f"unexpected answer on {page}: {status}: {body!r}", file=sys.stderr)
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="http://127.0.0.1:PORT")
    parser.add_argument("--accounts", dest="accounts_file", required=True,
                        help="the demo's stdout (akun demo: ROLE NIP PASSWORD)")
    parser.add_argument("--periode", required=True)
    parser.add_argument("--calibrate", required=True, help="NIP tim_penilai calibrates")
    parser.add_argument("--opd-dashboard", required=True, help="admin_opd's dashboard path")
    parser.add_argument("--users", type=int, default=12)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-rounds", type=int, default=500)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--until-pid", type=int)
    parser.add_argument("--title", default="load")
    args = parser.parse_args()
    if urllib.parse.urlsplit(args.base).hostname != "127.0.0.1":
        sys.exit("beside_import.py: loopback only (http://127.0.0.1:PORT)")
    args.accounts = {}
    with open(args.accounts_file) as out:
        for line in out:
            words = line.split()
            if words[:2] == ["akun", "demo:"] and len(words) == 5:
                args.accounts[words[2]] = (words[3], words[4])

    stats = Stats()
    start = time.monotonic()
    deadline = start + args.seconds
    users = [threading.Thread(target=run_user, args=(n, args, stats, deadline)) for n in range(args.users)]
    for user in users:
        user.start()
    for user in users:
        user.join()
    errors = report(stats, f"{args.title}, {args.users} users", time.monotonic() - start)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
