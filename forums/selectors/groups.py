"""Reads of participation groups and the area's people for choosing members."""

from django.db.models import (
    Count,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from coproduction.people.models import (
    FAMILY_ROLES,
    AreaMembership,
    LocalArea,
    Person,
)
from forums.models import (
    GroupMembership,
    ParticipationGroup,
)

# Area people ------------------------------------------------------------------------------


def area_people(*, area: LocalArea) -> QuerySet[Person]:
    """Everyone who belongs to the area, for choosing members and signatories."""
    return Person.objects.filter(memberships__area=area).order_by("display_name", "email")


def area_family_people(*, area: LocalArea) -> QuerySet[Person]:
    """Parent carer representatives and young people of the area."""
    return area_people(area=area).filter(memberships__roles__overlap=list(FAMILY_ROLES))


def area_roles_subquery(area_id: int):
    """The roles in area `area_id` of the person of each row, as an annotation."""
    return Subquery(
        AreaMembership.objects.filter(person_id=OuterRef("person_id"), area_id=area_id).values(
            "roles"
        )[:1]
    )


# Participation groups ---------------------------------------------------------------------


def area_groups(*, area: LocalArea) -> QuerySet[ParticipationGroup]:
    return (
        ParticipationGroup.objects.filter(area=area)
        .select_related("area")
        .annotate(member_count=Count("memberships", filter=Q(memberships__left_on=None)))
        .order_by("kind", "name")
    )


def group_get(*, area: LocalArea, pk: int) -> ParticipationGroup | None:
    return (
        ParticipationGroup.objects.filter(area=area, pk=pk)
        .select_related("area", "organisation")
        .first()
    )


def group_current_members(*, group: ParticipationGroup) -> QuerySet[GroupMembership]:
    return (
        GroupMembership.objects.filter(group=group, left_on=None)
        .select_related("person")
        .order_by("role", "person__display_name")
    )


def group_membership_get(*, group: ParticipationGroup, pk: int) -> GroupMembership | None:
    return (
        GroupMembership.objects.filter(group=group, pk=pk, left_on=None)
        .select_related("person", "group__area")
        .first()
    )


def person_current_groups(*, person: Person, area: LocalArea | None = None):
    memberships = GroupMembership.objects.filter(person=person, left_on=None).select_related(
        "group", "group__area"
    )
    if area is not None:
        memberships = memberships.filter(group__area=area)
    return memberships.order_by("group__area__name", "group__name")
