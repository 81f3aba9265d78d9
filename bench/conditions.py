"""Bench data and measurements for conditions of success.

Data: in bench area 0, 2,000 area-wide rounds over five years x 30 raters x 12 conditions =
720,000 scores, built by Postgres with INSERT ... SELECT over generate_series (Python objects
would take minutes). Pages: one round's results (medians and quartiles by condition, against
the round before). `measure()`: the board dashboard's conditions figures for this school year
(every closed round of the year: its medians by condition and by role group, and the trend),
built 30 times.
"""

from __future__ import annotations

import statistics
import time

from django.db import connection, transaction
from django.utils import timezone

from bench.people import admin_of_first_area, area_slug
from coproduction.people.models import AreaMembership, LocalArea
from evaluation.conditions.models import ConditionScore, ConditionsRound, RoundRater

ROUNDS = 2000
RATERS = 30
CONDITIONS = 12
YEARS_DAYS = 5 * 365
RUNS = 30


def build() -> str:
    summary = f"conditions: {ROUNDS} rounds x {RATERS} raters x {CONDITIONS} scores"
    area = LocalArea.objects.get(slug=area_slug(0))
    if ConditionsRound.objects.filter(area=area).count() >= ROUNDS:
        return summary + " (already built)"
    rounds, raters, scores = (
        ConditionsRound._meta.db_table,
        RoundRater._meta.db_table,
        ConditionScore._meta.db_table,
    )
    memberships = AreaMembership._meta.db_table
    today = timezone.localdate()
    with transaction.atomic(), connection.cursor() as cursor:
        # Rounds spread evenly over five years up to three weeks ago, all closed by date.
        cursor.execute(
            f"""
            INSERT INTO {rounds} (area_id, body_id, held_on, closes_on, created_at)
            SELECT %(area)s, NULL, d, d + 14, now()
            FROM (
                SELECT (%(today)s::date - 21 - (g * %(days)s / %(n)s)) AS d
                FROM generate_series(0, %(n)s - 1) AS g
            ) AS days
            """,  # noqa: S608 (table names are ours)
            {"area": area.pk, "today": today, "days": YEARS_DAYS, "n": ROUNDS},
        )
        cursor.execute(
            f"""
            INSERT INTO {raters} (round_id, person_id, "group", is_forum_representative, rated_at)
            SELECT r.id, m.person_id,
                   CASE WHEN m.roles && ARRAY['parent_carer', 'young_person']::varchar[]
                        THEN 'family' ELSE 'professional' END,
                   'parent_carer' = ANY(m.roles),
                   now()
            FROM {rounds} AS r
            CROSS JOIN (
                SELECT person_id, roles FROM {memberships}
                WHERE area_id = %(area)s ORDER BY person_id LIMIT %(raters)s
            ) AS m
            WHERE r.area_id = %(area)s
            """,  # noqa: S608
            {"area": area.pk, "raters": RATERS},
        )
        cursor.execute(
            f"""
            INSERT INTO {scores}
                (rater_id, round_id, "group", condition, score, comment, share_comment)
            SELECT rr.id, rr.round_id, rr."group", c, 1 + ((rr.id * 7 + c * 13) %% 10),
                   CASE WHEN (rr.id + c) %% 97 = 0 THEN 'A comment shared for the bench'
                        ELSE '' END,
                   (rr.id + c) %% 97 = 0
            FROM {raters} AS rr
            JOIN {rounds} AS r ON r.id = rr.round_id
            CROSS JOIN generate_series(1, %(conditions)s) AS c
            WHERE r.area_id = %(area)s
            """,  # noqa: S608
            {"area": area.pk, "conditions": CONDITIONS},
        )
        cursor.execute(f"ANALYZE {rounds}; ANALYZE {raters}; ANALYZE {scores};")
    return summary


def pages():
    area = LocalArea.objects.get(slug=area_slug(0))
    latest = ConditionsRound.objects.filter(area=area).order_by("-held_on", "-pk").first()
    return [
        (
            "conditions round results (30 raters, 2,000 rounds)",
            f"/{area.slug}/self-evaluation/conditions/{latest.pk}/",
            admin_of_first_area(),
        ),
    ]


def measure() -> dict:
    """Build the conditions figures and measures RUNS times for this school year."""
    from evaluation.figures import DashboardScope, academic_year
    from evaluation.figures.conditions import build_conditions, conditions_measures

    area = LocalArea.objects.get(slug=area_slug(0))
    today = timezone.localdate()
    scope = DashboardScope(area=area, period=academic_year(today), today=today)
    build_conditions(scope)  # warm
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        build_conditions(scope)
        conditions_measures(scope)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "conditions figures build (this school year)": {
            "runs": RUNS,
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], 1),
        }
    }
