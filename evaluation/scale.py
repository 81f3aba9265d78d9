"""The engagement scale every part of self-evaluation shares.

IMPOWER's engagement dial (from the Think Local Act Personal ladder) runs from coercion to
co-production; West Sussex's older five-step ladder of participation (Britton, Thomas and
North, 2012) maps onto it. Levels are stored as the dial's numbers, so assessments made under
either ladder compare; an area that chose the West Sussex ladder sees its words.
"""

from __future__ import annotations

from django.db import models


class EngagementLevel(models.IntegerChoices):
    """A level on IMPOWER's engagement dial, lowest first (stored as its number)."""

    COERCION = 1, "Coercion"
    EDUCATING = 2, "Educating"
    INFORMING = 3, "Informing"
    CONSULTATION = 4, "Consultation"
    ENGAGEMENT = 5, "Engagement"
    CO_DESIGN = 6, "Co-design"
    CO_PRODUCTION = 7, "Co-production"


class Ladder(models.TextChoices):
    """Which words an area shows for the scale (an area setting)."""

    DIAL = "dial", "IMPOWER engagement dial (seven levels)"
    WEST_SUSSEX = "west_sussex", "Ladder of participation (five steps, as in West Sussex)"


# What each level means, in plain words (IMPOWER toolkit: "doing to", "doing for", "doing with").
LEVEL_MEANINGS: dict[int, str] = {
    EngagementLevel.COERCION: "Families are told what will happen and have no say.",
    EngagementLevel.EDUCATING: "Families are told why a decision is right, after it is made.",
    EngagementLevel.INFORMING: "Families are kept informed about what is happening.",
    EngagementLevel.CONSULTATION: "Families are asked what they think, and decisions are "
    "made elsewhere.",
    EngagementLevel.ENGAGEMENT: "Families are involved early and their views change the decision.",
    EngagementLevel.CO_DESIGN: "Families design the service with professionals.",
    EngagementLevel.CO_PRODUCTION: "Families and professionals share power from start to "
    "finish: planning, design, delivery and review.",
}

# West Sussex's step for each dial level, and the dial level recorded when someone picks a
# West Sussex step (its `value`). "Participation" ("the forum works with strategic groups ...
# to decide what should happen and shape services") covers engagement and co-design; we record
# it as engagement, the lower of the two, so a claim is never stronger than what was chosen.
WEST_SUSSEX_STEPS: tuple[tuple[int, str, str], ...] = (
    (
        EngagementLevel.EDUCATING,
        "No engagement",
        "The forum does not know who to contact and has no working relationship with the service.",
    ),
    (
        EngagementLevel.INFORMING,
        "Information",
        "The forum is given information about what is happening.",
    ),
    (
        EngagementLevel.CONSULTATION,
        "Consultation",
        "The forum is asked what it thinks about particular plans or issues.",
    ),
    (
        EngagementLevel.ENGAGEMENT,
        "Participation",
        "The forum works with strategic and decision-making groups to decide what should "
        "happen and shape services.",
    ),
    (
        EngagementLevel.CO_PRODUCTION,
        "Co-production",
        "Parent carers are valued members of the team shaping services.",
    ),
)

_WEST_SUSSEX_WORD: dict[int, str] = {
    EngagementLevel.COERCION: "No engagement",
    EngagementLevel.EDUCATING: "No engagement",
    EngagementLevel.INFORMING: "Information",
    EngagementLevel.CONSULTATION: "Consultation",
    EngagementLevel.ENGAGEMENT: "Participation",
    EngagementLevel.CO_DESIGN: "Participation",
    EngagementLevel.CO_PRODUCTION: "Co-production",
}


def level_name(level: int, *, ladder: str = Ladder.DIAL) -> str:
    """The words for dial level `level` (1 to 7) on `ladder` (a `Ladder` value).

    Raises ValueError for a number that is not a level. Source: IMPOWER High Needs
    co-production toolkit (the dial); West Sussex co-production framework (the five steps).
    """
    if level not in EngagementLevel.values:
        raise ValueError(f"{level!r} is not an engagement level")
    if ladder == Ladder.WEST_SUSSEX:
        return _WEST_SUSSEX_WORD[level]
    return EngagementLevel(level).label


def level_choices(*, ladder: str = Ladder.DIAL, lowest: int = EngagementLevel.COERCION):
    """(value, words) pairs for a form's radios on `ladder`, from `lowest` up.

    On the West Sussex ladder each step appears once, stored as the dial level in
    `WEST_SUSSEX_STEPS`.
    """
    if ladder == Ladder.WEST_SUSSEX:
        return [(value, words) for value, words, _ in WEST_SUSSEX_STEPS if value >= lowest]
    return [(value, label) for value, label in EngagementLevel.choices if value >= lowest]


def level_move_name(start: int, end: int, *, ladder: str = Ladder.DIAL) -> str:
    """ "Consultation to engagement": the move up the scale an action serves (IMPOWER,
    "moving up the scale")."""
    return f"{level_name(start, ladder=ladder)} to {level_name(end, ladder=ladder).lower()}"
