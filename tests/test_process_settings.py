"""One rule of precedence for every process `make run` starts: a real environment variable
wins over `.env` (settings.py reads `.env` without overwriting), and nothing on the way
(honcho) reads `.env` on its own."""

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)

# Values no .env has: the database name, a Redis database and a sender with spaces in it.
FROM_ENVIRONMENT = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/named_in_the_environment",
    "REDIS_URL": "redis://127.0.0.1:6379/9",
    "DEFAULT_FROM_EMAIL": "Portal   from the  environment <env@example.org>",
}

# What each process prints: the settings it runs with (imported as Celery and runserver do).
PROBE = (
    "import json, os, sys, time; "
    "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'coproduction.settings'); "
    "from coproduction.celery import app; import django; django.setup(); "
    "from django.conf import settings as s; "
    "print('PROBE ' + json.dumps({'process': sys.argv[1], "
    "'database': s.DATABASES['default']['NAME'], 'redis': s.REDIS_URL, "
    "'broker': app.conf.broker_url, 'from': s.DEFAULT_FROM_EMAIL}), flush=True); "
    "time.sleep(60)"
)


def dot_env_values() -> dict[str, str]:
    path = BASE_DIR / ".env"
    if not path.is_file():
        return {}
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs if not name.startswith("#")}


def make_run_honcho_command() -> list[str]:
    """The honcho command line of `make run`, as the Makefile has it."""
    makefile = (BASE_DIR / "Makefile").read_text()
    line = next(line for line in makefile.splitlines() if "$(BIN)/honcho" in line)
    return shlex.split(line.strip().replace("$(BIN)", ".venv/bin"))


def procfile_processes() -> dict[str, str]:
    text = (BASE_DIR / "coproduction" / "Procfile").read_text()
    return {
        name.strip(): command.strip()
        for name, command in (line.split(":", 1) for line in text.splitlines() if ":" in line)
    }


@pytest.mark.skipif(
    "DATABASE_URL" not in dot_env_values(),
    reason="needs a .env with DATABASE_URL (make creates it)",
)
def test_every_process_of_make_run_sees_the_environment_over_dot_env(tmp_path):
    dot_env = dot_env_values()
    assert all(dot_env.get(name) != value for name, value in FROM_ENVIRONMENT.items())
    processes = procfile_processes()
    assert set(processes) == {"web", "worker", "beat"}
    # The same honcho invocation as `make run`, each process replaced by the probe.
    procfile = tmp_path / "Procfile"
    procfile.write_text(
        "".join(
            f"{name}: {shlex.quote(sys.executable)} -c {shlex.quote(PROBE)} {name}\n"
            for name in processes
        )
    )
    command = make_run_honcho_command()
    command[command.index("--procfile") + 1] = str(procfile)
    command[0] = str(BASE_DIR / command[0])
    honcho = subprocess.Popen(  # noqa: S603
        command,
        cwd=BASE_DIR,
        env={**os.environ, **FROM_ENVIRONMENT, "READ_DOT_ENV_FILE": "true"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    seen, output = {}, []
    deadline = time.monotonic() + 60
    try:
        while len(seen) < len(processes) and time.monotonic() < deadline:
            line = honcho.stdout.readline()
            if not line:
                break
            output.append(line)
            found = re.search(r"PROBE (\{.*\})", line)
            if found:
                report = json.loads(found.group(1))
                seen[report["process"]] = report
    finally:
        os.killpg(honcho.pid, signal.SIGTERM)
        honcho.wait(timeout=10)
    assert set(seen) == set(processes), "".join(output)
    for report in seen.values():
        assert report["database"] == "named_in_the_environment", report
        assert report["redis"] == FROM_ENVIRONMENT["REDIS_URL"], report
        assert report["broker"] == FROM_ENVIRONMENT["REDIS_URL"], report
        assert report["from"] == FROM_ENVIRONMENT["DEFAULT_FROM_EMAIL"], report


def test_manage_py_sees_the_environment_over_dot_env():
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings as s; "
            "print(s.DATABASES['default']['NAME']); print(s.DEFAULT_FROM_EMAIL)",
        ],
        cwd=BASE_DIR,
        env={**os.environ, **FROM_ENVIRONMENT},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.splitlines()[-2:] == [
        "named_in_the_environment",
        FROM_ENVIRONMENT["DEFAULT_FROM_EMAIL"],
    ]


def compose_service(name: str) -> str:
    """The lines of one service in docker-compose.yml (up to the next service or section)."""
    text = (BASE_DIR / "docker-compose.yml").read_text()
    found = re.search(rf"(?ms)^  {name}:\n(.*?)(?=^  \S|^\S|\Z)", text)
    assert found, name
    return found.group(1)


def test_docker_compose_puts_a_proxy_with_the_body_limit_in_front_of_gunicorn():
    assert "ports:" not in compose_service("web")
    proxy = compose_service("proxy")
    assert '"8000:8000"' in proxy
    assert f"MAX_REQUEST_BODY_BYTES:-{25 * 1024 * 1024}" in proxy  # the settings default
    template = (BASE_DIR / "deploy" / "nginx" / "default.conf.template").read_text()
    assert "client_max_body_size ${MAX_REQUEST_BODY_BYTES};" in template
    assert "proxy_pass http://web:8000;" in template
