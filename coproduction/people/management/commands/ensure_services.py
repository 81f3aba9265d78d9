"""Make sure Postgres and Redis can be reached before the portal starts (used by make run/test).

Uses DATABASE_URL and REDIS_URL. When they point at this machine and the servers are
installed but stopped, starts them; creates the database when it is missing. When nothing
works, says what to do and exits non-zero.
"""

import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse

import psycopg
import redis
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql

LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}
HELP = (
    "Start one with Docker: `docker compose up -d db redis`, then set "
    "DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/coproduction and "
    "REDIS_URL=redis://127.0.0.1:6379/0 (in .env or the environment)."
)


class Command(BaseCommand):
    help = "Check Postgres and Redis are reachable; start local servers and create the database."
    requires_system_checks = []

    def handle(self, *args, **options):
        self.ensure_postgres()
        self.ensure_redis()

    # Postgres ---------------------------------------------------------------------------

    def ensure_postgres(self):
        db = settings.DATABASES["default"]
        params = {
            "host": db.get("HOST") or "127.0.0.1",
            "port": db.get("PORT") or 5432,
            "user": db.get("USER") or "postgres",
            "password": db.get("PASSWORD") or None,
            "connect_timeout": 3,
        }
        name = db["NAME"]
        where = f"{params['host']}:{params['port']}"
        if not self._postgres_up(params):
            if params["host"] in LOCAL_HOSTS and self._start_local_postgres():
                self._wait_for(lambda: self._postgres_up(params), "Postgres")
            if not self._postgres_up(params):
                raise CommandError(f"Cannot reach Postgres at {where}. {HELP}")
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                self.stdout.write(f"Created the database {name}.")
        self.stdout.write(f"Postgres is up at {where} (database {name}).")

    def _postgres_up(self, params) -> bool:
        try:
            with psycopg.connect(dbname="postgres", **params):
                return True
        except psycopg.OperationalError:
            return False

    def _start_local_postgres(self) -> bool:
        """Start Debian's Postgres clusters if pg_ctlcluster is installed."""
        if not shutil.which("pg_ctlcluster") or not Path("/etc/postgresql").is_dir():
            return False
        started = False
        for version in sorted(Path("/etc/postgresql").iterdir()):
            for cluster in sorted(version.iterdir()):
                self.stdout.write(f"Starting Postgres {version.name}/{cluster.name} ...")
                result = subprocess.run(
                    [
                        "pg_ctlcluster",
                        "--skip-systemctl-redirect",
                        version.name,
                        cluster.name,
                        "start",
                    ],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                started = started or result.returncode == 0
        return started

    # Redis ------------------------------------------------------------------------------

    def ensure_redis(self):
        url = urlparse(settings.REDIS_URL)
        host, port = url.hostname or "127.0.0.1", url.port or 6379
        if not self._redis_up():
            if host in LOCAL_HOSTS and shutil.which("redis-server"):
                self.stdout.write("Starting Redis ...")
                subprocess.run(
                    [
                        "redis-server",
                        "--daemonize",
                        "yes",
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        str(port),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                    ],
                    capture_output=True,
                    check=False,
                )
                self._wait_for(self._redis_up, "Redis")
            if not self._redis_up():
                raise CommandError(f"Cannot reach Redis at {host}:{port}. {HELP}")
        self.stdout.write(f"Redis is up at {host}:{port}.")

    def _redis_up(self) -> bool:
        try:
            return bool(redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping())
        except redis.RedisError:
            return False

    def _wait_for(self, check, what: str, seconds: int = 20):
        for _ in range(seconds * 2):
            if check():
                return
            time.sleep(0.5)
        self.stderr.write(f"{what} did not come up within {seconds} seconds.")
