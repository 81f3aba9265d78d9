"""Settings for the pages served under load by `make bench`: the portal's own settings, with
one bench-only address added (bench/urls.py). Never used outside the bench."""

from coproduction.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
