"""Run the benchmark: python -m bench [--requests N] [--only NAME] [--load-seconds S]
[--load-rounds R] [--no-load]. See bench/__init__.py and bench/load.py."""

import argparse
import importlib
import json
import os
import platform
import re
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The benchmark has its own database, never the development one.
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/coproduction_bench"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduction.settings")
# The pages under load run with DEBUG off, which needs a real secret key; the sessions made
# here for them must be signed with the same one.
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

from bench import load  # noqa: E402

# Scenario modules, in the order their data must be built.
SCENARIOS = [
    "bench.people",
    "bench.initiatives",
    "bench.forums",
    "bench.meetings",
    "bench.dial",
    "bench.conditions",
    "bench.feedback",
    "bench.evaluation",
    "bench.reports",
]
TARGET_P95_MS = 150
# Under load (bench/load.py): the five pages, and their targets.
LOAD_PAGES = [
    "register (2,000 initiatives)",
    "register searched",
    "initiatives summary",
    "governance tree (200 bodies)",
    "representation table (200 bodies)",
]
TARGET_SHARE_OF_BARE = 0.1  # at least 1/10 of the bare view's requests per second
TARGET_SERVER_OVER_SQL = 2.0  # server time at most twice the page's SQL time
TARGET_P99_MS = 250


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class SqlTimer:
    """Adds up the time the database takes for each query (connection.execute_wrapper)."""

    def __init__(self):
        self.ms = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.ms += (time.perf_counter() - start) * 1000


def time_page(url, person, requests):
    client = Client()
    if person is not None:
        client.force_login(person)
    for _ in range(3):  # warm caches and connections
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
    settings.DEBUG = True  # only to count queries once
    reset_queries()
    client.get(url)
    queries = len(connection.queries)
    settings.DEBUG = False
    times, sql_times = [], []
    for _ in range(requests):
        timer = SqlTimer()
        with connection.execute_wrapper(timer):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        sql_times.append(timer.ms)
        assert response.status_code == 200
    median, sql_median = statistics.median(times), statistics.median(sql_times)
    return {
        "url": url,
        "requests": requests,
        "median_ms": round(median, 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "queries": queries,
        "sql_median_ms": round(sql_median, 1),
        "server_over_sql": round(median / sql_median, 1) if sql_median else None,
    }


def session_cookie(person) -> str:
    """A signed-in session for `person`, as the Cookie header of a browser that holds it."""
    client = Client()
    client.force_login(person)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def readme_table(results):
    lines = [
        "| page | median (ms) | p95 (ms) | queries | under 150 ms at p95 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, row in results["pages"].items():
        ok = "yes" if row["p95_ms"] < TARGET_P95_MS else "**no**"
        lines.append(f"| {name} | {row['median_ms']} | {row['p95_ms']} | {row['queries']} | {ok} |")
    return "\n".join(lines)


def load_table(results):
    """The pages under load, with the in-process server and SQL times beside them."""
    lines = [
        "| page | req/s | share of the bare view's req/s | p50 (ms) | p99 (ms) "
        "| server time / SQL time (in-process medians, ms) | meets its targets |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = results.get("load", {})
    for name in sorted(rows, key=lambda n: LOAD_PAGES.index(n) if n in LOAD_PAGES else 99):
        row = rows[name]
        timed = results["pages"].get(name, {})
        ratio = timed.get("server_over_sql")
        misses = []
        if row["share_of_bare"] < TARGET_SHARE_OF_BARE:
            misses.append("req/s")
        if ratio is None or ratio > TARGET_SERVER_OVER_SQL:
            misses.append("server/SQL")
        if row["p99_ms"] >= TARGET_P99_MS:
            misses.append("p99")
        lines.append(
            f"| {name} | {row['rps']:.0f} | 1/{row['bare_rps'] / row['rps']:.1f} "
            f"({row['bare_rps']:.0f} req/s bare) | {row['p50_ms']} | {row['p99_ms']} "
            f"| {ratio} ({timed.get('median_ms')} / {timed.get('sql_median_ms')}) "
            f"| {'yes' if not misses else '**no**: ' + ', '.join(misses)} |"
        )
    return "\n".join(lines)


def write_readme(results):
    readme = ROOT / "README.md"
    text = readme.read_text()
    block = (
        "<!-- bench:start -->\n"
        f"Measured {results['measured_at']} on {results['machine']}; data: "
        f"{results['data']}.\n\n{readme_table(results)}\n<!-- bench:end -->"
    )
    text = re.sub(r"<!-- bench:start -->.*<!-- bench:end -->", block, text, flags=re.S)
    if results.get("load"):
        row = next(iter(results["load"].values()))
        block = (
            "<!-- bench-load:start -->\n"
            f"Measured {results['measured_at']} on {results['machine']}: gunicorn with "
            f"{row['workers']} workers, {row['clients']} clients (wrk), {row['seconds']} s per "
            "page alternating with the bare view, DEBUG off, signed in.\n\n"
            f"{load_table(results)}\n<!-- bench-load:end -->"
        )
        text = re.sub(
            r"<!-- bench-load:start -->.*<!-- bench-load:end -->", block, text, flags=re.S
        )
    readme.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page")
    parser.add_argument(
        "--only", help="time only pages whose name contains this (several: comma-separated)"
    )
    parser.add_argument("--load-seconds", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--load-rounds", type=int, default=2, help="bare/page pairs per page")
    parser.add_argument("--no-load", action="store_true", help="in-process times only")
    args = parser.parse_args()
    if not args.no_load:
        load.require_wrk()

    call_command("ensure_services", verbosity=0)
    call_command("migrate", verbosity=0, interactive=False)
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    modules = [importlib.import_module(name) for name in SCENARIOS]
    sizes = []
    for module in modules:
        started = time.perf_counter()
        summary = module.build()
        sizes.append(summary.replace(" (already built)", ""))
        print(f"{module.__name__}: {summary} ({time.perf_counter() - started:.0f} s)")

    pages, people = {}, {}
    for module in modules:
        for name, url, person in module.pages():
            if args.only and not any(part in name for part in args.only.split(",")):
                continue
            row = time_page(url, person, args.requests)
            pages[name] = row
            people[name] = person
            print(
                f"{name:<48} median {row['median_ms']:>7} ms   p95 {row['p95_ms']:>7} ms   "
                f"{row['queries']} queries   SQL {row['sql_median_ms']} ms"
            )

    under_load = {}
    chosen = [name for name in LOAD_PAGES if name in pages]
    if chosen and not args.no_load:
        server = load.Server(os.environ["DATABASE_URL"])
        try:
            under_load = load.measure(
                server,
                [(name, pages[name]["url"], session_cookie(people[name])) for name in chosen],
                args.load_seconds,
                args.load_rounds,
            )
        finally:
            server.stop()

    # Scenarios that measure more than pages (meetings: papers dispatch) say so in measure().
    measurements = {}
    for module in modules:
        if hasattr(module, "measure") and not args.only:
            for name, row in module.measure().items():
                measurements[name] = row
                print(f"{name}: {row}")

    results = {
        "measured_at": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "data": "; ".join(sizes),
        "target_p95_ms": TARGET_P95_MS,
        "targets_under_load": {
            "share_of_bare_at_least": TARGET_SHARE_OF_BARE,
            "server_over_sql_at_most": TARGET_SERVER_OVER_SQL,
            "p99_ms_under": TARGET_P99_MS,
        },
        "pages": pages,
        "load": under_load,
        "measurements": measurements,
    }
    path = ROOT / "bench" / "results.json"
    if args.only and path.exists():
        # A partial run updates its own rows and keeps the others.
        previous = json.loads(path.read_text())
        previous["pages"].update(pages)
        previous.setdefault("load", {}).update(under_load)
        previous.update(
            {key: results[key] for key in ("measured_at", "machine", "data", "targets_under_load")}
        )
        results = previous
    path.write_text(json.dumps(results, indent=2) + "\n")
    write_readme(results)
    print("Wrote bench/results.json and the README's performance tables.")


if __name__ == "__main__":
    main()
