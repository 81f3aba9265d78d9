"""The portal's one small-count rule: counts of people from 1 to 4 are never shown.

Counts under `SMALL_COUNT` show as "fewer than 5" (0 stays 0), so that nobody can be picked
out from an area view or worked out by comparing figures. Used by the training register's
area figures and, re-exported by `evaluation.figures`, by every dashboard figure. Source: the
self-evaluation issue; ONS small-count practice.
"""

SMALL_COUNT = 5
SUPPRESSED = "fewer than 5"


def suppress(count: int | None) -> int | str | None:
    """`count`, or the words "fewer than 5" when it is 1 to 4 (0 and None pass through)."""
    if count is None or count == 0 or count >= SMALL_COUNT:
        return count
    return SUPPRESSED
