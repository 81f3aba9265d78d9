"""Pages under load: gunicorn (4 workers, as the Docker image runs it) and `wrk`.

Each page is fetched by 16 concurrent clients for a fixed time with a signed-in session
cookie, DEBUG off, and so is a bare signed-in view of the same process (bench/urls.py),
alternately (bare, page, bare, page ...) so the machine's drift falls on both. The page's
share of the bare view's requests per second is the figure to read: it does not depend on
how fast the machine is.

Why wrk and not locust: wrk is one small C program (a Debian package, in
.ci/system-packages) that needs a fraction of a core to saturate a local server, so on a
2-core machine it takes less of the CPU the server needs; locust's Python clients would
take a core of their own and measure themselves as much as the portal.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.urls import BARE_URL

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 4
CLIENTS = 16
WRK_THREADS = 2


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn serving the bench database with DEBUG off, on a free local port."""

    def __init__(self, database_url: str):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="bench.settings",
            DATABASE_URL=database_url,
            DEBUG="false",
            ALLOWED_HOSTS="127.0.0.1",
            # Plain http on the loopback: no redirect to https, cookies sent over http.
            SECURE_SSL_REDIRECT="false",
            SESSION_COOKIE_SECURE="false",
            CSRF_COOKIE_SECURE="false",
        )
        # DEBUG off serves hashed, compressed static files, as the image does after its
        # collectstatic (into the ignored staticfiles/ folder).
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.log = open(ROOT / "bench" / "gunicorn.log", "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(  # noqa: S603 (our own command line)
            [
                str(gunicorn),
                "coproduction.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(WORKERS),
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(self.base + "/accessibility/", timeout=10)  # noqa: S310
                break
            except urllib.error.HTTPError:
                break  # it answers
            except OSError:  # refused (not listening yet) or timed out
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("gunicorn did not start: see bench/gunicorn.log") from None
                time.sleep(0.5)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.log.close()


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def wrk(url: str, cookie: str, seconds: int) -> dict:
    """One wrk run: requests per second, p50 and p99 in ms, and the failed responses."""
    output = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk") or "wrk",
            f"-t{WRK_THREADS}",
            f"-c{CLIENTS}",
            f"-d{seconds}s",
            "--timeout",
            "30s",  # wrk's default (2 s) would cut off the slowest responses and hide the p99
            "--latency",
            "-H",
            f"Cookie: {cookie}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s*(50|99)%\s+([\d.]+(?:us|ms|s))\s*$", output, flags=re.M))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"wrk gave no latencies for {url}:\n{output}")
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: .*", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _ms(latency["50"]),
        "p99_ms": _ms(latency["99"]),
        "failed": int(failed.group(1)) if failed else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def require_wrk() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: run `make system-packages` (or apt-get install wrk).")


def measure(
    server: Server, pages: list[tuple[str, str, str]], seconds: int, rounds: int
) -> dict[str, dict]:
    """`pages`: (name, url, session cookie). For each page: a short warm-up of both, then
    `rounds` x (bare view, page) alternately; req/s averaged, p50 the median of the rounds,
    p99 the worst round."""
    results = {}
    for name, url, cookie in pages:
        bare_url, page_url = server.base + BARE_URL, server.base + url
        wrk(bare_url, cookie, 2)
        wrk(page_url, cookie, 2)
        bare_runs, page_runs = [], []
        for _ in range(rounds):
            bare_runs.append(wrk(bare_url, cookie, seconds))
            page_runs.append(wrk(page_url, cookie, seconds))
        failed = sum(run["failed"] for run in page_runs + bare_runs)
        if failed:
            raise RuntimeError(f"{name}: {failed} responses were not 2xx/3xx")
        page_rps = statistics.mean(run["rps"] for run in page_runs)
        bare_rps = statistics.mean(run["rps"] for run in bare_runs)
        results[name] = {
            "url": url,
            "clients": CLIENTS,
            "workers": WORKERS,
            "seconds": seconds * rounds,
            "rps": round(page_rps, 1),
            "bare_rps": round(bare_rps, 1),
            "share_of_bare": round(page_rps / bare_rps, 3),
            "p50_ms": round(statistics.median(run["p50_ms"] for run in page_runs), 1),
            "p99_ms": round(max(run["p99_ms"] for run in page_runs), 1),
        }
        row = results[name]
        print(
            f"{name:<40} {row['rps']:>7} req/s  1/{bare_rps / page_rps:.0f} of bare "
            f"({row['bare_rps']} req/s)  p50 {row['p50_ms']} ms  p99 {row['p99_ms']} ms"
        )
    return results
