"""What a signed-in person may reach, kept on Redis between requests.

Every signed-in request needs the person's area memberships (the two-factor check, the page
frame, every permission) and, for people who must use two-factor sign-in, whether they have
set it up. Reading them costs two queries per request; here they are read once and kept in
the cache under the person's id (the speed issue: at most one query, the person's own row,
before the view runs).

Kept fresh by deleting the entry when something it holds changes:
- an area membership is created, changed or deleted (`AreaMembership.save()`/`delete()`,
  which the people services call: grant, set roles, remove, accept an invitation, and the
  admin site), see `forget_person_access`;
- any local area is saved (name, slug, settings): a generation stamp for all areas changes,
  so every entry built before it is ignored, see `forget_all_area_access`;
- an authenticator is removed (allauth's signals, the only hook allauth gives). Only "has
  set up two-factor sign-in" is kept, never "has not", so setting it up counts at once.
The delete runs at once and again when the transaction commits, so a request that read the
old rows just before the commit cannot leave them in the cache.

With Redis down every read is a miss (coproduction/cache.py) and the rows come from the
database as before.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db import transaction

if TYPE_CHECKING:
    from coproduction.people.models import AreaMembership, Person

# An entry lives at most a day: it is deleted on every change anyway, this only bounds the
# life of one missed while Redis was down.
TIMEOUT_SECONDS = 24 * 60 * 60
AREAS_GENERATION_KEY = "people:areas-generation"


def _key(person_id: int) -> str:
    return f"people:access:{person_id}"


def _load(person: Person) -> dict:
    """The person's entry: from this instance, else Redis, else the database (then stored)."""
    entry = person.__dict__.get("_access")
    if entry is not None:
        return entry
    found = cache.get_many([_key(person.pk), AREAS_GENERATION_KEY])
    generation = found.get(AREAS_GENERATION_KEY, 0)
    entry = found.get(_key(person.pk))
    if entry is None or entry.get("generation") != generation:
        from coproduction.people.models import AreaMembership

        entry = {
            "generation": generation,
            "memberships": list(
                AreaMembership.objects.filter(person_id=person.pk)
                .select_related("area")
                .order_by("area__name")
            ),
            "two_factor": None,  # read when first asked (only some people are asked)
        }
        cache.set(_key(person.pk), entry, TIMEOUT_SECONDS)
    person.__dict__["_access"] = entry
    return entry


def area_memberships(person: Person) -> list[AreaMembership]:
    """The person's area memberships with their areas, ordered by area name."""
    return _load(person)["memberships"]


def two_factor_enabled(person: Person) -> bool:
    """Whether the person has set up two-factor sign-in (allauth's `is_mfa_enabled`)."""
    from allauth.mfa.utils import is_mfa_enabled

    entry = _load(person)
    if entry["two_factor"]:
        return True
    enabled = is_mfa_enabled(person)
    if enabled:
        # Only "set up" is kept: someone who has not set it up yet is sent to do so, and
        # must be let through on the very next request after they have.
        entry["two_factor"] = True
        cache.set(_key(person.pk), entry, TIMEOUT_SECONDS)
    return enabled


def forget_person_access(person_id: int) -> None:
    """Drop the person's cached entry now and again when the current transaction commits.

    Call after changing the person's area memberships or authenticators. The person's next
    request reads them from the database."""
    cache.delete(_key(person_id))
    transaction.on_commit(lambda: cache.delete(_key(person_id)))


def forget_all_area_access() -> None:
    """Make every cached entry stale (they hold the areas themselves): after an area changes."""

    def bump():
        cache.set(AREAS_GENERATION_KEY, time.time_ns(), None)

    bump()
    transaction.on_commit(bump)


def _authenticator_changed(sender, user=None, **kwargs) -> None:
    person = user
    if person is not None and person.pk is not None:
        person.__dict__.pop("_access", None)
        forget_person_access(person.pk)


def connect_two_factor_signals() -> None:
    """allauth changes authenticators in its own views; its signals are the only hook."""
    from allauth.mfa import signals

    for signal in (
        signals.authenticator_added,
        signals.authenticator_removed,
        signals.authenticator_reset,
    ):
        signal.connect(_authenticator_changed, dispatch_uid=f"people-access-{id(signal)}")
