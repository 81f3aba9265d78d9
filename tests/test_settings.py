"""A live site's settings: a real secret key is required and the deploy checks are clean."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIVE = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "portal.example.org",
    "SITE_URL": "https://portal.example.org",
}


def manage(*args, **env):
    # A live site's environment: no development .env, no test-only switches.
    unset = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env, READ_DOT_ENV_FILE="false")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_live_site_refuses_to_start_without_a_secret_key():
    result = manage("check", **LIVE)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_live_site_refuses_a_weak_secret_key():
    result = manage("check", SECRET_KEY="short", **LIVE)
    assert result.returncode != 0
    assert "too weak" in result.stderr


def test_deploy_checks_print_no_warnings():
    secret = "kT3vX9qLw2ZpR8mN4bY7cF1hJ6sD0gA5eU2iO9lK3xV8nB4mQ7wE1rT6yU0pS5aZ"
    result = manage("check", "--deploy", SECRET_KEY=secret, **LIVE)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr
