"""The twelve conditions of success and the three themes of "making it happen".

Source: IMPOWER High Needs co-production toolkit, "Conditions of success" (a workshop tool:
every participant scores each condition 1 to 10) and "Moving up the scale" (the three themes
from SCIE's "How to do co-production"). The words are the seed's, shortened plainly.
"""

from django.db import models


class Condition(models.IntegerChoices):
    """One of the twelve conditions of success, in the toolkit's order."""

    LEADERSHIP = 1, "Strong, invested leadership"
    OUTCOMES = 2, "Driven by outcomes that people with lived experience set"
    WHAT_MATTERS = 3, "Agreement on what matters most"
    VISION = 4, "A clear vision of what good co-production looks like"
    LIVED_EXPERIENCE = (
        5,
        (
            "A shared belief that lived experience is essential in commissioning, design, "
            "delivery and review"
        ),
    )
    SHARE_POWER = 6, "Willingness to share power, with ways to do it"
    RESOURCES = 7, "Time and resources invested (money, rewards, staff)"
    GOVERNANCE = 8, "Governance that includes families and reviews what was learnt"
    OPEN_CULTURE = 9, "An open, honest and transparent culture"
    INNOVATION = 10, "A focus on innovation"
    INCLUSION = 11, "Diversity and inclusion built into structure, delivery and measurement"
    TRAINING = 12, "Training, support and shared learning"


class Theme(models.TextChoices):
    """A theme of "what is required to make it happen" (IMPOWER, after SCIE)."""

    CULTURE = "culture", "The right culture"
    STRUCTURE = "structure", "Structure"
    RELATIONSHIPS = "relationships", "Relationships and ways of working"


class RaterGroup(models.TextChoices):
    """Whose view a score gives: families (parent carers and young people) or professionals."""

    FAMILY = "family", "Parent carers and young people"
    PROFESSIONAL = "professional", "Professionals"


class ActionStatus(models.TextChoices):
    """Red, amber, green as in the forums' agreement outcomes, plus done (an action ends)."""

    NOT_STARTED = "not_started", "Not started"
    RED = "red", "Red: off track"
    AMBER = "amber", "Amber: at risk"
    GREEN = "green", "Green: on track"
    DONE = "done", "Done"


class YearStatus(models.TextChoices):
    """Where a yearly activity self-evaluation stands (West Sussex framework, section 5)."""

    PLANNING = "planning", "Agreeing the activities"
    REVIEWING = "reviewing", "Reviewing the impact"
    CLOSED = "closed", "Closed"


SCORE_MIN = 1
SCORE_MAX = 10
