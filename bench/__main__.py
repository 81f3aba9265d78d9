"""Run the benchmark: python -m bench [--requests N] [--only NAME]. See bench/__init__.py."""

import argparse
import importlib
import json
import os
import platform
import re
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
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

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


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


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
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return {
        "url": url,
        "requests": requests,
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "queries": queries,
    }


def readme_table(results):
    lines = [
        "| page | median (ms) | p95 (ms) | queries | under 150 ms at p95 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, row in results["pages"].items():
        ok = "yes" if row["p95_ms"] < TARGET_P95_MS else "**no**"
        lines.append(f"| {name} | {row['median_ms']} | {row['p95_ms']} | {row['queries']} | {ok} |")
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
    readme.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page")
    parser.add_argument("--only", help="time only pages whose name contains this")
    args = parser.parse_args()

    call_command("ensure_services", verbosity=0)
    call_command("migrate", verbosity=0, interactive=False)
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    modules = [importlib.import_module(name) for name in SCENARIOS]
    sizes = []
    for module in modules:
        started = time.perf_counter()
        summary = module.build()
        sizes.append(summary)
        print(f"{module.__name__}: {summary} ({time.perf_counter() - started:.0f} s)")

    pages = {}
    for module in modules:
        for name, url, person in module.pages():
            if args.only and args.only not in name:
                continue
            row = time_page(url, person, args.requests)
            pages[name] = row
            print(
                f"{name:<48} median {row['median_ms']:>7} ms   p95 {row['p95_ms']:>7} ms   "
                f"{row['queries']} queries"
            )

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
        "pages": pages,
        "measurements": measurements,
    }
    if not args.only:
        (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
        write_readme(results)
        print("Wrote bench/results.json and the README's performance table.")


if __name__ == "__main__":
    main()
