"""Reads of "You said, we did". Each runs a fixed number of queries whatever the rows.

The PDF reports (evaluation.reports) call `published_items` and `local_offer_publication`;
they return plain rows (dicts of text, labels and dates), never model objects, so a report
cannot reach a field that is not published (who said it, the original text).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet

from coproduction.people.models import OFFICER_ROLES, AreaMembership, LocalArea, Person
from evaluation.feedback.anonymise import mask_personal_details
from evaluation.feedback.models import (
    LOCAL_OFFER_TOPICS,
    FeedbackItem,
    FeedbackSettings,
    FeedbackStatusChange,
    FeedbackUpload,
    Topic,
    Visibility,
)

# Pages that list items show at most this many per page.
PAGE_SIZE = 25
# The yearly Local Offer publication lists at most this many items per topic.
PUBLICATION_ITEMS_PER_TOPIC = 50


def feedback_settings_for(*, area: LocalArea) -> FeedbackSettings:
    """The area's settings, or the defaults (unsaved) when none are stored (one query)."""
    found = FeedbackSettings.objects.filter(area=area).first()
    return found if found is not None else FeedbackSettings(area=area)


def is_public(*, area: LocalArea) -> bool:
    """Whether the area publishes its "You said, we did" pages to everyone (one query)."""
    return FeedbackSettings.objects.filter(area=area, visibility=Visibility.PUBLIC).exists()


def item_get(*, area: LocalArea, pk: int) -> FeedbackItem | None:
    """An item of `area` with its links, its owner and who said it (for officers), or None
    (one query)."""
    return (
        FeedbackItem.objects.filter(area=area, pk=pk)
        .select_related(
            "owner",
            "said_by",
            "confirmed_by",
            "body",
            "initiative",
            "meeting",
            "evidence_initiative",
            "evidence_meeting",
        )
        .first()
    )


def item_history(*, item: FeedbackItem) -> list[FeedbackStatusChange]:
    return list(item.changes.select_related("changed_by").order_by("changed_at", "pk"))


def area_items(
    *, area: LocalArea, show: str = "", topic: str = "", today: date
) -> QuerySet[FeedbackItem]:
    """The area's items for officers, newest first. `show`: "overdue", "waiting" (no
    response yet), "answered", "left_out", "to_publish" (answered, not left out or published),
    "published", or everything."""
    items = FeedbackItem.objects.filter(area=area).select_related("owner")
    filters = {
        "overdue": Q(response_kind="", due_on__lt=today),
        "waiting": Q(response_kind=""),
        "answered": ~Q(response_kind=""),
        "left_out": ~Q(leave_out_reason=""),
        "to_publish": ~Q(response_kind="") & Q(leave_out_reason="", published_at__isnull=True),
        "published": Q(published_at__isnull=False),
    }
    if show in filters:
        items = items.filter(filters[show])
    if topic in Topic.values:
        items = items.filter(topic=topic)
    return items.order_by("-said_on", "-pk")


def person_items(*, area: LocalArea, person: Person) -> QuerySet[FeedbackItem]:
    """What `person` sent in `area` (theirs only), newest first: "What you told us"."""
    return FeedbackItem.objects.filter(area=area, said_by=person).order_by("-said_on", "-pk")


def published_queryset(
    *,
    area: LocalArea,
    body=None,
    initiative=None,
    topic: str | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
) -> QuerySet[FeedbackItem]:
    """Published items of `area` (only ever with confirmed text), newest first; narrowed to
    a body, an initiative, a topic and the days said (both ends count) when given."""
    items = FeedbackItem.objects.filter(area=area, published_at__isnull=False).exclude(
        confirmed_text=""
    )
    if body is not None:
        items = items.filter(body=body)
    if initiative is not None:
        items = items.filter(initiative=initiative)
    if topic:
        items = items.filter(topic=topic)
    if period_start:
        items = items.filter(said_on__gte=period_start)
    if period_end:
        items = items.filter(said_on__lte=period_end)
    return items.select_related("evidence_initiative", "evidence_meeting").order_by(
        "-said_on", "-pk"
    )


def published_row(item: FeedbackItem) -> dict:
    """A published item as a plain row: nothing about who said it, only the confirmed text."""
    return {
        "id": item.pk,
        "text": item.confirmed_text,
        "topic": item.topic,
        "topic_label": item.topic_label,
        "response_kind": item.response_kind,
        "response_label": item.get_response_kind_display() if item.response_kind else "",
        "response_text": item.response_text,
        "will_by": item.will_by,
        "could_not_why": item.could_not_why,
        "status": item.status_label,
        "said_on": item.said_on,
        "due_on": item.due_on,
        "answered_on": item.first_answered_on,
        "published_on": item.published_at.date() if item.published_at else None,
        "evidence_url": item.evidence_url,
        "evidence_initiative": str(item.evidence_initiative or ""),
        "evidence_meeting": str(item.evidence_meeting or ""),
    }


def published_items(
    *,
    area: LocalArea,
    body=None,
    initiative=None,
    period_start: date,
    period_end: date,
    topic: str | None = None,
) -> list[dict]:
    """Published items for a report (one query): plain rows (see `published_row`) of the
    items said from `period_start` to `period_end` (both ends count), newest first."""
    return [
        published_row(item)
        for item in published_queryset(
            area=area,
            body=body,
            initiative=initiative,
            topic=topic,
            period_start=period_start,
            period_end=period_end,
        )
    ]


def local_offer_publication(
    *, area: LocalArea, year: int, limit_per_topic: int | None = PUBLICATION_ITEMS_PER_TOPIC
) -> dict:
    """The yearly Local Offer publication (regulation 56 of the SEND Regulations 2014): the
    published comments on the Local Offer said in calendar year `year`, grouped by the three
    Local Offer topics (content and gaps, accessibility of information, how it was
    developed), each with the response and intended action, oldest first. Two queries with
    `limit_per_topic=None`, four otherwise.

    Returns {"year", "area_name", "period_start", "period_end", "topics": [{"topic",
    "label", "items": [rows], "more": int}], "item_count", "left_out_count"}. A page shows at
    most `limit_per_topic` items per topic ("more" says how many are not shown); a report
    passes None for all of them. `left_out_count`
    is how many comments of that year on those topics were left out (vexatious, about one
    person's own services, duplicates), so the publication can say so without showing them.
    """
    start, end = date(year, 1, 1), date(year, 12, 31)
    of_year = FeedbackItem.objects.filter(
        area=area, said_on__range=(start, end), topic__in=LOCAL_OFFER_TOPICS
    )
    published = Q(published_at__isnull=False) & ~Q(confirmed_text="")
    per_topic: dict[str, Count] = {
        str(topic): Count("pk", filter=published & Q(topic=topic)) for topic in LOCAL_OFFER_TOPICS
    }
    counts = of_year.aggregate(left_out=Count("pk", filter=~Q(leave_out_reason="")), **per_topic)
    left_out = counts.pop("left_out")

    def rows_of(queryset, limit: int | None = None) -> list[dict]:
        items = (
            queryset.filter(published)
            .select_related("evidence_initiative", "evidence_meeting")
            .order_by("said_on", "pk")
        )
        return [published_row(item) for item in (items if limit is None else items[:limit])]

    if limit_per_topic is None:  # one query for every topic
        by_topic: dict[str, list[dict]] = {topic: [] for topic in LOCAL_OFFER_TOPICS}
        for row in rows_of(of_year):
            by_topic[row["topic"]].append(row)
    else:  # one bounded query per topic
        by_topic = {
            topic: rows_of(of_year.filter(topic=topic), limit_per_topic)
            for topic in LOCAL_OFFER_TOPICS
        }
    topics = [
        {
            "topic": topic,
            "label": Topic(topic).label,
            "items": by_topic[topic],
            "more": counts[topic] - len(by_topic[topic]),
        }
        for topic in LOCAL_OFFER_TOPICS
    ]
    return {
        "year": year,
        "area_name": area.name,
        "period_start": start,
        "period_end": end,
        "topics": topics,
        "item_count": sum(counts.values()),
        "left_out_count": left_out,
    }


def known_names(*, area: LocalArea) -> list[str]:
    """The names of the people of `area` (their display names), for masking (one query)."""
    return list(
        AreaMembership.objects.filter(area=area)
        .exclude(person__display_name="")
        .values_list("person__display_name", flat=True)
    )


def suggested_text(*, item: FeedbackItem) -> str:
    """The item's text with personal details masked (see anonymise.mask_personal_details);
    the names masked are those of the people of its area, and the person who said it."""
    names = known_names(area=item.area)
    if item.said_by_id and item.said_by and item.said_by.display_name:
        names.append(item.said_by.display_name)
    return mask_personal_details(item.text, known_names=names)


def area_officers(*, area: LocalArea) -> QuerySet[Person]:
    """The area's officers and commissioners, who can own a response (one query)."""
    return Person.objects.filter(
        memberships__area=area, memberships__roles__overlap=list(OFFICER_ROLES), is_active=True
    ).order_by("display_name", "email")


def owner_overdue(*, person: Person, area: LocalArea | None, today: date):
    """Items `person` owns that are overdue for a response (in `area`, or all their areas),
    most overdue first (a queryset: the caller bounds it)."""
    items = FeedbackItem.objects.filter(owner=person, response_kind="", due_on__lt=today)
    if area is not None:
        items = items.filter(area=area)
    return items.select_related("area").order_by("due_on", "pk")


def overdue_owner_ids(*, today: date) -> list[int]:
    """The people who own at least one overdue item, for the weekly digest (one query)."""
    return list(
        FeedbackItem.objects.filter(response_kind="", due_on__lt=today, owner__isnull=False)
        .values_list("owner_id", flat=True)
        .distinct()
        .order_by("owner_id")
    )


def area_counts(*, area: LocalArea, today: date) -> dict:
    """How many items wait, are overdue, are answered and are published (one query)."""
    return FeedbackItem.objects.filter(area=area).aggregate(
        total=Count("pk"),
        waiting=Count("pk", filter=Q(response_kind="")),
        overdue=Count("pk", filter=Q(response_kind="", due_on__lt=today)),
        published=Count("pk", filter=Q(published_at__isnull=False)),
        left_out=Count("pk", filter=~Q(leave_out_reason="")),
    )


def import_upload_get(*, area: LocalArea, person: Person, pk) -> FeedbackUpload | None:
    """An upload `person` made in `area`, or None."""
    if not isinstance(pk, int):
        return None
    return FeedbackUpload.objects.filter(area=area, uploaded_by=person, pk=pk).first()


def publication_years(*, area: LocalArea) -> list[int]:
    """The years with published Local Offer comments, newest first (one query)."""
    return sorted(
        {
            day.year
            for day in FeedbackItem.objects.filter(
                area=area, published_at__isnull=False, topic__in=LOCAL_OFFER_TOPICS
            ).dates("said_on", "year")
        },
        reverse=True,
    )


def initiative_for_publication(*, area: LocalArea, code: str, include_unpublished: bool):
    """The initiative of `area` with `code` (any letter case): published ones only unless
    `include_unpublished` (officers); None otherwise (one query)."""
    from initiatives.models import Initiative, Publication

    initiatives = Initiative.objects.filter(area=area, code__iexact=code).only(
        "pk", "area", "code", "title", "publication"
    )
    if not include_unpublished:
        initiatives = initiatives.filter(publication=Publication.PUBLISHED)
    return initiatives.first()


# "What you told us" lists at most this many of the person's items.
OWN_ITEMS = 100


def bounded(queryset, limit: int = OWN_ITEMS) -> tuple[list, bool]:
    """Up to `limit` rows and whether there were more (one query)."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit
