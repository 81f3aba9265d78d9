"""Reads of the initiatives app. Each returns rows ready for a page: a fixed number of queries
whatever the number of rows (pinned in tests/initiatives/test_queries.py).

`include_unpublished` is decided by the caller from the rules (officers of the area): drafts
then appear alongside published initiatives; archived ones only when asked for by name.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.utils import timezone

from coproduction.people.models import FAMILY_ROLES, LocalArea, Organisation, Person
from coproduction.registry import ClaimableActivity
from initiatives.models import (
    CO_ORDER,
    ImportUpload,
    Initiative,
    InitiativeChange,
    InitiativeContact,
    Interest,
    Opportunity,
    Option,
    Outcome,
    Publication,
    audiences_for_roles,
)

SEARCH_CONFIG = "english"


@dataclass(kw_only=True)
class RegisterFilters:
    """What the register is narrowed to; every part is optional and they combine freely."""

    query: str = ""
    cos: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    organisation: Organisation | None = None
    option: Option | None = None
    publications: list[str] = field(default_factory=list)


def _co_rank():
    return Case(
        *[When(main_co=co, then=Value(rank)) for rank, co in enumerate(CO_ORDER)],
        output_field=IntegerField(),
    )


def _visible(queryset: QuerySet, include_unpublished: bool, publications: Iterable[str] = ()):
    publications = list(publications)
    if include_unpublished:
        if publications:
            return queryset.filter(publication__in=publications)
        return queryset.exclude(publication=Publication.ARCHIVED)
    return queryset.filter(publication=Publication.PUBLISHED)


def register_initiatives(
    *, area: LocalArea, include_unpublished: bool, filters: RegisterFilters
) -> QuerySet[Initiative]:
    """The register, filtered and searched; by relevance when searching, else by code."""
    initiatives = _visible(
        Initiative.objects.filter(area=area), include_unpublished, filters.publications
    )
    if filters.cos:
        initiatives = initiatives.filter(main_co__in=filters.cos)
    if filters.sectors:
        initiatives = initiatives.filter(sectors__overlap=filters.sectors)
    if filters.statuses:
        initiatives = initiatives.filter(status__in=filters.statuses)
    if filters.levels:
        initiatives = initiatives.filter(level__in=filters.levels)
    if filters.organisation is not None:
        initiatives = initiatives.filter(lead_organisations=filters.organisation)
    if filters.option is not None:
        initiatives = initiatives.filter(options=filters.option)
    initiatives = initiatives.annotate(co_rank=_co_rank())
    query = " ".join(filters.query.split())
    if query:
        search = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        initiatives = (
            initiatives.filter(search_vector=search)
            .annotate(rank=SearchRank(F("search_vector"), search))
            .order_by("-rank", "co_rank", "code_number")
        )
    else:
        initiatives = initiatives.order_by("co_rank", "code_number")
    return initiatives.defer("search_vector").prefetch_related(
        Prefetch("lead_organisations", queryset=Organisation.objects.order_by("name"))
    )


def register_export(
    *, area: LocalArea, include_unpublished: bool, filters: RegisterFilters
) -> QuerySet[Initiative]:
    return register_initiatives(
        area=area, include_unpublished=include_unpublished, filters=filters
    ).prefetch_related(
        Prefetch("options", queryset=Option.objects.order_by("theme_number", "number"))
    )


def initiative_get(*, area: LocalArea, code: str, include_unpublished: bool) -> Initiative | None:
    """One initiative with everything its page shows, or None (another area's, or hidden)."""
    opportunities = (
        Opportunity.objects.annotate(
            accepted_count=Count("interests", filter=Q(interests__status=Interest.Status.ACCEPTED)),
            waiting_count=Count("interests", filter=Q(interests__status=Interest.Status.PENDING)),
        )
        .select_related("opened_by")
        .order_by("closes_on", "pk")
    )
    initiatives = _visible(
        Initiative.objects.filter(area=area, code=code),
        include_unpublished,
        Publication.values if include_unpublished else (),
    )
    return (
        initiatives.defer("search_vector")
        .select_related("created_by")
        .prefetch_related(
            Prefetch("lead_organisations", queryset=Organisation.objects.order_by("name")),
            Prefetch("options", queryset=Option.objects.order_by("theme_number", "number")),
            "outcomes",
            Prefetch("contacts", queryset=InitiativeContact.objects.select_related("person")),
            Prefetch("opportunities", queryset=opportunities),
        )
        .first()
    )


def initiative_for_change(*, area: LocalArea, code: str) -> Initiative | None:
    """An initiative of the area for an officer's form (any publication)."""
    return (
        Initiative.objects.filter(area=area, code=code)
        .defer("search_vector")
        .select_related("area")
        .prefetch_related("lead_organisations", "options")
        .first()
    )


def initiative_history(*, initiative: Initiative, limit: int = 50) -> list[InitiativeChange]:
    return list(
        InitiativeChange.objects.filter(initiative=initiative).select_related("changed_by")[:limit]
    )


def area_options(*, area: LocalArea) -> QuerySet[Option]:
    return Option.objects.filter(area=area).order_by("theme_number", "number")


def area_options_with_counts(*, area: LocalArea, include_unpublished: bool) -> QuerySet[Option]:
    """The area's options, each with how many initiatives the person can see are linked."""
    if include_unpublished:
        visible = ~Q(initiatives__publication=Publication.ARCHIVED)
    else:
        visible = Q(initiatives__publication=Publication.PUBLISHED)
    return area_options(area=area).annotate(initiative_count=Count("initiatives", filter=visible))


def option_get(*, area: LocalArea, pk: int) -> Option | None:
    return Option.objects.filter(area=area, pk=pk).first()


def import_upload_get(*, area: LocalArea, person: Person, pk) -> ImportUpload | None:
    """A file `person` uploaded to import into `area`, or None (someone else's, or gone)."""
    return ImportUpload.objects.filter(area=area, uploaded_by=person, pk=pk).first()


def outcome_get(*, initiative: Initiative, pk) -> Outcome | None:
    """One outcome of `initiative`, or None (another initiative's, or no such id)."""
    return initiative.outcomes.filter(pk=pk).first()


def initiative_contact_get(*, initiative: Initiative, pk: int) -> InitiativeContact | None:
    return initiative.contacts.filter(pk=pk).select_related("person").first()


# Summary -------------------------------------------------------------------------------------


def register_counts_by_co(*, area: LocalArea) -> dict[str, int]:
    """Published initiatives per main Co, counted in SQL."""
    return dict(
        Initiative.objects.filter(area=area, publication=Publication.PUBLISHED)
        .order_by()
        .values_list("main_co")
        .annotate(n=Count("id"))
        .values_list("main_co", "n")
    )


def register_counts_by_co_and_sector(*, area: LocalArea) -> dict[tuple[str, str], int]:
    """Published initiatives per main Co and sector, counted in SQL. An initiative with
    several sectors counts once in each of them."""
    return {
        (co, sector): n
        for co, sector, n in Initiative.objects.filter(area=area, publication=Publication.PUBLISHED)
        .order_by()
        .annotate(sector=Func(F("sectors"), function="unnest", output_field=CharField()))
        .values("main_co", "sector")
        .annotate(n=Count("id"))
        .values_list("main_co", "sector", "n")
    }


# Opportunities and interest -----------------------------------------------------------------


def _with_counts(opportunities: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    return opportunities.annotate(
        accepted_count=Count("interests", filter=Q(interests__status=Interest.Status.ACCEPTED)),
        waiting_count=Count("interests", filter=Q(interests__status=Interest.Status.PENDING)),
    )


def _open_now(opportunities: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    """Open: not closed early, closing date not passed, a place left, initiative published."""
    return _with_counts(
        opportunities.filter(
            closed_early_at__isnull=True,
            closes_on__gte=timezone.localdate(),
            initiative__publication=Publication.PUBLISHED,
        )
    ).filter(Q(places__isnull=True) | Q(accepted_count__lt=F("places")))


def _family_audiences(person: Person) -> dict[int, set[str]]:
    """Audiences the person may join, by area id (areas where they are family only)."""
    return {
        area_id: audiences_for_roles(roles)
        for area_id, roles in person.area_roles().items()
        if roles & FAMILY_ROLES
    }


def _for_person(person: Person, areas: Iterable[int] | None = None) -> Q | None:
    audiences = _family_audiences(person)
    condition = None
    for area_id, allowed in audiences.items():
        if areas is not None and area_id not in areas:
            continue
        part = Q(area_id=area_id, audience__in=sorted(allowed))
        condition = part if condition is None else condition | part
    return condition


def opportunities_open_for(*, person: Person, area: LocalArea | None = None) -> QuerySet:
    """Open opportunities the person (a parent carer or young person) may join, soonest
    closing first, with the person's own interest status (`my_status`) on each."""
    condition = _for_person(person, None if area is None else [area.pk])
    if condition is None:
        return Opportunity.objects.none()
    mine = Interest.objects.filter(opportunity=OuterRef("pk"), person=person).values("status")
    return (
        _open_now(Opportunity.objects.filter(condition))
        .annotate(my_status=Subquery(mine[:1]))
        .select_related("initiative", "area")
        .order_by("closes_on", "pk")
    )


def opportunity_get(
    *, area: LocalArea, code: str, pk: int, include_unpublished: bool
) -> Opportunity | None:
    opportunities = Opportunity.objects.filter(area=area, initiative__code=code, pk=pk)
    if not include_unpublished:
        opportunities = opportunities.filter(initiative__publication=Publication.PUBLISHED)
    return (
        _with_counts(opportunities)
        .select_related("initiative", "area", "opened_by", "course")
        .first()
    )


def opportunity_interests(*, opportunity: Opportunity) -> QuerySet[Interest]:
    status_order = Case(
        *[When(status=s, then=Value(i)) for i, s in enumerate(Interest.Status.values)],
        output_field=IntegerField(),
    )
    return (
        opportunity.interests.select_related("person", "responded_by")
        .annotate(status_order=status_order)
        .order_by("status_order", "created_at")
    )


def interest_of(*, opportunity: Opportunity, person: Person) -> Interest | None:
    return Interest.objects.filter(opportunity=opportunity, person=person).first()


def interest_get(*, opportunity: Opportunity, pk: int) -> Interest | None:
    return (
        Interest.objects.filter(opportunity=opportunity, pk=pk)
        .select_related("person", "opportunity__initiative", "opportunity__area")
        .first()
    )


def interests_of_person(
    *, person: Person, area: LocalArea | None = None, limit: int = 10
) -> list[Interest]:
    """The person's own expressions of interest, most recently changed first."""
    interests = Interest.objects.filter(person=person)
    if area is not None:
        interests = interests.filter(opportunity__area=area)
    else:
        interests = interests.filter(opportunity__area_id__in=list(person.area_roles()))
    return list(
        interests.select_related("opportunity__initiative", "opportunity__area").order_by(
            "-updated_at", "-pk"
        )[:limit]
    )


def interests_waiting_for(
    *, officer: Person, area_ids: Iterable[int], limit: int = 10
) -> tuple[list[Interest], int]:
    """Interest waiting for an answer on the officer's own opportunities, oldest first,
    and how many there are in all."""
    interests = Interest.objects.filter(
        status=Interest.Status.PENDING,
        opportunity__opened_by=officer,
        opportunity__area_id__in=list(area_ids),
    )
    rows = list(
        interests.select_related("person", "opportunity__initiative", "opportunity__area")
        .annotate(total=Window(Count("pk")))
        .order_by("created_at", "pk")[:limit]
    )
    return rows, rows[0].total if rows else 0


# Claimable activities (expenses) ------------------------------------------------------------

# How far back an accepted opportunity can still be claimed for, and how many are listed.
CLAIMABLE_DAYS = 365
CLAIMABLE_LIMIT = 50


def _accepted_interests(*, person: Person, area: LocalArea):
    since = timezone.now() - timedelta(days=CLAIMABLE_DAYS)
    return (
        Interest.objects.filter(
            person=person,
            opportunity__area=area,
            status=Interest.Status.ACCEPTED,
            responded_at__gte=since,
        )
        .select_related("opportunity")
        .order_by("-responded_at", "-pk")
    )


def _claimable(interest: Interest) -> ClaimableActivity:
    return ClaimableActivity(
        key=str(interest.pk),
        title=f"{interest.opportunity.title} (opportunity to get involved)",
        date=timezone.localdate(interest.responded_at),
    )


def accepted_opportunities_claimable(*, person: Person, area: LocalArea) -> list:
    """The person's accepted interest in the area's opportunities (last year, newest first) as
    claimable activities; the date is the day their interest was accepted (one query)."""
    return [_claimable(i) for i in _accepted_interests(person=person, area=area)[:CLAIMABLE_LIMIT]]


def accepted_opportunity_claimable(*, person: Person, area: LocalArea, key: str):
    """One accepted interest of the person by its key, or None (not theirs, not accepted)."""
    if not key.isdigit():
        return None
    interest = _accepted_interests(person=person, area=area).filter(pk=int(key)).first()
    return None if interest is None else _claimable(interest)
