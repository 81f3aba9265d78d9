"""Demo self-evaluation (loaded after people, forums, meetings and initiatives).

Birmingham gets two years of dial assessments for seven subjects, moving back as well as
forward; declared levels for a meeting, a body's work and an initiative, with six families'
answers on the "Co-production framework: first draft" meeting (so the experienced level
shows), and parent@example.org recorded present there without an answer yet, to try; three
characteristics checks of the area and one of a work stream; stakeholders and who is missing.
Leeds and West Sussex (which shows the West Sussex ladder) get a lighter set. Safe to run
again: subjects, declarations and stakeholders are found by name, and assessments and checks
are only added where none exist.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from coproduction.people.models import LocalArea, Organisation, Person
from evaluation.dial import services
from evaluation.dial.models import (
    ActivityDeclaration,
    Characteristic,
    CharacteristicCheck,
    DialSubject,
    ExperiencedAnswer,
    MissingStakeholder,
    Stakeholder,
)
from evaluation.scale import Ladder
from forums.meetings.models import Attendance, Meeting
from forums.models import Body, ParticipationGroup
from initiatives.models import Initiative

# (dial, kind, name, body name or None, levels oldest first: one every four months or so)
BIRMINGHAM_SUBJECTS = [
    (
        "strategic",
        "body",
        "SEND Local Area Partnership Board",
        "SEND Local Area Partnership Board",
        [3, 4, 4, 5, 4, 5, 6],
    ),
    (
        "strategic",
        "body",
        "Objective 3: Working Together Well",
        "Objective 3: Working Together Well",
        [4, 5, 6, 6, 5, 6, 7],
    ),
    ("strategic", "service", "SEND Assessment and Review Service", None, [2, 3, 4, 3, 4, 4, 5]),
    ("strategic", "directorate", "Children and Families directorate", None, [3, 3, 4, 4, 5, 4, 4]),
    ("strategic", "partnership", "Birmingham Children's Partnership", None, [4, 4, 5, 5, 5, 6, 5]),
    ("individual", "team", "Educational Psychology team", None, [4, 5, 5, 6, 5, 6, 6]),
    ("individual", "team", "Short Breaks team", None, [3, 4, 3, 4, 5, 5, 6]),
]

LIGHT_SUBJECTS = {
    "leeds": [
        ("strategic", "partnership", "Complex Needs Partnership", [4, 5, 5]),
        ("individual", "team", "Leeds SENSAP team", [3, 4, 4]),
    ],
    "west-sussex": [
        ("strategic", "service", "SEND Assessment Service", [3, 4, 5]),
        ("strategic", "partnership", "West Sussex SEND partnership", [4, 5, 7]),
    ],
}

STRATEGIC_ANSWERS = {
    "where_we_sit": "Families are asked early and some decisions change, but the agenda is "
    "still set by officers.",
    "next_level": "Shared agenda setting with the parent carer forum and paid time for "
    "families to prepare.",
    "good_practice": "The short breaks statement was rewritten with the forum's working group.",
    "learning": "Start with families before the first draft, not after it.",
}
INDIVIDUAL_ANSWERS = {
    "best_practice": "Two caseworkers plan reviews with families; others need coaching.",
    "sharing": "Monthly practice sessions led by a parent carer and a caseworker.",
    "how_we_know": "Families tell us in review feedback that they were listened to.",
}

EVIDENCE = [
    "Minutes of the termly review with the parent carer forum.",
    "Feedback from the annual family survey and the forum's own report.",
    "Two decisions changed after families spoke: see the 'you said, we did' log.",
    "Observation of meetings by the forum's co-production lead.",
]


def _people(emails) -> list[Person]:
    return list(Person.objects.filter(email__in=emails))


def _assessments(subject, levels, *, officer, family, professionals, today):
    if subject.assessments.exists():
        return
    count = len(levels)
    for index, level in enumerate(levels):
        days_ago = 20 + (count - 1 - index) * (700 // max(count - 1, 1))
        with_families = index % 3 != 1  # every third without families: "not co-produced"
        answers = STRATEGIC_ANSWERS if subject.dial == "strategic" else INDIVIDUAL_ANSWERS
        services.dial_assessment_record(
            subject=subject,
            by=officer,
            level=level,
            aimed_level=min(7, max(levels) if index == count - 1 else level + 1),
            aim_reason="The next step up is realistic in a year and families asked for it.",
            evidence=EVIDENCE[index % len(EVIDENCE)],
            answers=answers if index % 2 == 0 else {},
            participants=[*professionals, *(family if with_families else [])],
            others_count=index % 4,
            assessed_on=today - timedelta(days=days_ago),
        )


def _check(area, body, statuses, on, officer):
    services.characteristics_check_record(
        area=area,
        body=body,
        by=officer,
        checked_on=on,
        ratings={
            value: (
                status,
                "" if status == "not_yet" else "Seen in meeting minutes and the forum's feedback.",
            )
            for value, status in zip(Characteristic.values, statuses, strict=True)
        },
    )


def _birmingham(area: LocalArea, today) -> None:
    officer = Person.objects.get(email="officer@example.org")
    family = _people(["bham.pcfchair@example.org", "bham.youth@example.org"])
    professionals = _people(["officer@example.org", "bham.director@example.org"])
    for dial, kind, name, body_name, levels in BIRMINGHAM_SUBJECTS:
        body = Body.objects.filter(area=area, name=body_name).first() if body_name else None
        subject, _ = DialSubject.objects.get_or_create(
            area=area, dial=dial, name=name, defaults={"kind": kind, "body": body}
        )
        _assessments(
            subject,
            levels,
            officer=officer,
            family=family,
            professionals=professionals,
            today=today,
        )

    # Declared against experienced.
    meeting = Meeting.objects.filter(
        body__area=area, title="Co-production framework: first draft"
    ).first()
    if meeting is not None:
        declaration, _ = ActivityDeclaration.objects.get_or_create(
            meeting=meeting,
            defaults={
                "area": area,
                "aimed_level": 7,
                "reached_level": 6,
                "declared_by": officer,
                "declared_on": meeting.local_day,
            },
        )
        answered = [
            ("bham.pcfchair@example.org", 5),
            ("bham.pcfrep@example.org", 6),
            ("bham.parent1@example.org", 5),
            ("bham.parent2@example.org", 4),
            ("bham.parent3@example.org", 6),
            ("bham.youth@example.org", 5),
        ]
        for email in [e for e, _ in answered] + ["parent@example.org"]:
            person = Person.objects.filter(email=email).first()
            if person is not None:
                Attendance.objects.get_or_create(
                    meeting=meeting, person=person, defaults={"status": "present"}
                )
        for email, level in answered:
            person = Person.objects.filter(email=email).first()
            if person is not None:
                ExperiencedAnswer.objects.get_or_create(
                    declaration=declaration, person=person, defaults={"level": level}
                )
    strategy = Body.objects.filter(area=area, name="Objective 1: SEND strategy").first()
    if strategy is not None:
        ActivityDeclaration.objects.get_or_create(
            body=strategy,
            defaults={"area": area, "aimed_level": 6, "reached_level": 4, "declared_by": officer},
        )
    initiative = Initiative.objects.filter(area=area).order_by("code_number").first()
    if initiative is not None:
        ActivityDeclaration.objects.get_or_create(
            initiative=initiative,
            defaults={"area": area, "aimed_level": 6, "reached_level": 5, "declared_by": officer},
        )

    # Characteristics, with history.
    if not CharacteristicCheck.objects.filter(area=area).exists():
        P, S, N = "present", "partly", "not_yet"
        _check(area, None, [N, S, S, N, S, N, S, N], today - timedelta(days=700), officer)
        _check(area, None, [S, S, P, S, S, N, P, S], today - timedelta(days=360), officer)
        _check(area, None, [S, P, P, P, P, S, P, S], today - timedelta(days=30), officer)
        working_together = Body.objects.filter(
            area=area, name="Objective 3: Working Together Well"
        ).first()
        if working_together is not None:
            _check(
                area,
                working_together,
                [P, P, P, P, P, S, P, P],
                today - timedelta(days=40),
                officer,
            )

    # Stakeholders and who is missing.
    for org_name, kind, brings, notes in [
        (
            "Birmingham Parent Carer Forum",
            "organisation",
            ["lived_experience", "networks", "training"],
            "Co-delivers the co-production training.",
        ),
        ("Forward Carers Birmingham", "organisation", ["networks", "venues"], ""),
        ("Autism West Midlands", "organisation", ["training", "skills"], ""),
        ("Birmingham Educational Psychology Service", "service", ["skills", "delivery"], ""),
    ]:
        organisation = Organisation.objects.filter(area=area, name=org_name).first()
        if organisation is not None:
            Stakeholder.objects.get_or_create(
                area=area,
                organisation=organisation,
                defaults={"kind": kind, "brings": brings, "notes": notes},
            )
    group = ParticipationGroup.objects.filter(area=area).order_by("name").first()
    if group is not None:
        Stakeholder.objects.get_or_create(
            area=area,
            group=group,
            defaults={"kind": "group", "brings": ["lived_experience", "networks"]},
        )
    Stakeholder.objects.get_or_create(
        area=area,
        name="Ladywood Community Hub",
        defaults={"kind": "organisation", "brings": ["venues"], "notes": "Free rooms in term."},
    )
    for name, why in [
        (
            "Fathers and male carers",
            "They are rarely at forum meetings; their view of services differs.",
        ),
        (
            "Families who speak languages other than English",
            "A third of families in some wards; surveys reach few of them.",
        ),
        ("Independent special schools", "Many children with EHC plans are placed there."),
    ]:
        MissingStakeholder.objects.get_or_create(
            area=area, name=name, defaults={"why_it_matters": why}
        )


def _light(area: LocalArea, today) -> None:
    officer = (
        Person.objects.filter(
            memberships__area=area, memberships__roles__overlap=["officer", "commissioner"]
        )
        .order_by("pk")
        .first()
    )
    family = list(
        Person.objects.filter(
            memberships__area=area, memberships__roles__overlap=["parent_carer"]
        ).order_by("pk")[:1]
    )
    for dial, kind, name, levels in LIGHT_SUBJECTS.get(area.slug, []):
        subject, _ = DialSubject.objects.get_or_create(
            area=area, dial=dial, name=name, defaults={"kind": kind}
        )
        _assessments(
            subject,
            levels,
            officer=officer,
            family=family,
            professionals=[officer] if officer else [],
            today=today,
        )
    if officer is not None and not CharacteristicCheck.objects.filter(area=area).exists():
        _check(
            area,
            None,
            ["partly", "present", "partly", "present", "partly", "not_yet", "present", "partly"],
            today - timedelta(days=90),
            officer,
        )
    for organisation in Organisation.objects.filter(area=area, sector="parent_carers")[:1]:
        Stakeholder.objects.get_or_create(
            area=area,
            organisation=organisation,
            defaults={"kind": "organisation", "brings": ["lived_experience", "networks"]},
        )


@transaction.atomic
def seed() -> None:
    today = timezone.localdate()
    for area in LocalArea.objects.filter(slug__in=["birmingham", "leeds", "west-sussex"]):
        if area.slug == "west-sussex":
            services.evaluation_settings_update(area=area, ladder=Ladder.WEST_SUSSEX)
        if area.slug == "birmingham":
            _birmingham(area, today)
        else:
            _light(area, today)
