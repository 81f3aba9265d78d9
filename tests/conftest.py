"""Shared test set-up: real Postgres (pytest-django's test database) and real Redis.

Tests use Redis database 15 for the cache and the Celery broker, so a running `make run`
never sees their keys or tasks. Celery tasks run eagerly unless a test starts a real worker.
"""

import os
from urllib.parse import urlparse, urlunparse

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM use.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Another database number can be chosen when two checkouts run their tests at once.
TEST_REDIS_DB = int(os.environ.get("TEST_REDIS_DB", "15"))


def _redis_url_for_tests(url: str) -> str:
    parts = urlparse(url)
    return urlunparse(parts._replace(path=f"/{TEST_REDIS_DB}"))


def pytest_configure(config):
    from django.conf import settings

    settings.REDIS_URL = _redis_url_for_tests(settings.REDIS_URL)
    settings.CACHES["default"]["LOCATION"] = settings.REDIS_URL
    settings.CACHES["default"]["KEY_PREFIX"] = "coproduction-tests"
    settings.CELERY_BROKER_URL = settings.REDIS_URL
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES["staticfiles"]["BACKEND"] = (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture(autouse=True)
def _celery_eager_and_clean_cache(settings):
    """Tasks run in-process; each test starts with an empty cache (rate limits, TOTP codes)."""
    from django.core.cache import cache

    from coproduction.celery import app

    app.conf.update(
        broker_url=settings.CELERY_BROKER_URL,
        task_always_eager=True,
        task_eager_propagates=True,
    )
    cache.clear()
    return


@pytest.fixture
def area(db):
    from tests.people.factories import LocalAreaFactory

    return LocalAreaFactory(name="Birmingham", slug="birmingham")


@pytest.fixture
def other_area(db):
    from tests.people.factories import LocalAreaFactory

    return LocalAreaFactory(name="Leeds", slug="leeds")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (queued emails and tasks) as a real commit would.

    Use as `with run_on_commit(): client.post(...)`.
    """

    def runner():
        return django_capture_on_commit_callbacks(execute=True)

    return runner


@pytest.fixture
def celery_worker(transactional_db, settings):
    """A real Celery worker (in a thread of this process) consuming from Redis.

    Tasks are no longer run eagerly while it is up: they go through the broker.
    """
    from celery.contrib.testing.worker import start_worker

    from coproduction.celery import app

    app.conf.update(task_always_eager=False, broker_url=settings.CELERY_BROKER_URL)
    with app.connection_for_write() as connection:
        connection.default_channel.queue_purge(app.conf.task_default_queue)
    # No result backend here, so celery's own ping-by-task check cannot work; ask the worker
    # over the broker instead, as /healthz does.
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
        for _ in range(50):
            if app.control.ping(timeout=0.2, limit=1):
                break
        yield worker
    app.conf.task_always_eager = True


# Accessibility: axe-core in headless Chromium against the live app -------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def axe(browser, live_server, transactional_db):
    """Open pages of the running app as a given person and check them with axe-core.

    `page = axe.open("/path/", as_person=person)` signs in (a real session cookie) and loads
    the page; `axe.check(page)` fails the test listing every WCAG 2.0/2.1/2.2 A or AA
    violation. Later issues use this for every page they add.
    """
    from tests.accessibility import AxeSession

    session = AxeSession(browser, live_server.url)
    yield session
    session.close()
