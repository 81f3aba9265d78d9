"""Reads of requests to join boards and work streams."""

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    QuerySet,
)
from django.utils import timezone

from coproduction.people.models import (
    AreaMembership,
    LocalArea,
    Person,
)
from forums.models import (
    CHAIR_ROLES,
    Body,
    BodyMembership,
    BodyStatus,
    JoinRequest,
    current_on,
)
from forums.selectors.groups import area_roles_subquery


def joinable_bodies(*, area: LocalArea, person: Person) -> QuerySet[Body]:
    """Bodies open to requests that `person` is not on now and that have a chair or lead to
    answer, each with its chairs and leads and whether `person` has a request waiting.
    Two queries."""
    today = timezone.localdate()
    current_member = BodyMembership.objects.filter(
        current_on(today), body_id=OuterRef("pk"), person=person
    )
    pending = JoinRequest.objects.filter(
        body_id=OuterRef("pk"), person=person, status=JoinRequest.Status.PENDING
    )
    led = BodyMembership.objects.filter(
        current_on(today), body_id=OuterRef("pk"), role__in=list(CHAIR_ROLES)
    )
    return (
        Body.objects.filter(area=area, open_to_requests=True)
        .exclude(status=BodyStatus.ENDED)
        .exclude(Exists(current_member))
        .filter(Exists(led))
        .select_related("area", "parent")
        .annotate(request_pending=Exists(pending))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=BodyMembership.objects.filter(
                    current_on(today), role__in=list(CHAIR_ROLES)
                )
                .select_related("person")
                .order_by("role", "person__display_name"),
                to_attr="leaders",
            )
        )
        .order_by("kind", "name")
    )


def person_join_requests(*, area: LocalArea, person: Person) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(body__area=area, person=person)
        .select_related("body", "body__area")
        .order_by("-created_at")
    )


def body_pending_requests(*, body: Body) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(body=body, status=JoinRequest.Status.PENDING)
        .select_related("person", "body__area")
        .annotate(area_roles=area_roles_subquery(body.area_id))
        .order_by("created_at")
    )


def has_pending_request(*, body: Body, person: Person) -> bool:
    return JoinRequest.objects.filter(
        body=body, person=person, status=JoinRequest.Status.PENDING
    ).exists()


def join_request_get(*, area: LocalArea, pk: int) -> JoinRequest | None:
    return (
        JoinRequest.objects.filter(body__area=area, pk=pk)
        .select_related("body", "body__area", "person")
        .first()
    )


def person_pending_requests(*, person: Person, area: LocalArea | None = None):
    requests = JoinRequest.objects.filter(
        person=person, status=JoinRequest.Status.PENDING
    ).select_related("body", "body__area")
    if area is not None:
        requests = requests.filter(body__area=area)
    return requests.order_by("created_at")


def requests_waiting_for(*, person: Person, area: LocalArea | None = None):
    """Pending requests to join the bodies `person` chairs, co-chairs or leads, in the areas
    they belong to (a place ended on the day they left an area still counts that day)."""
    chaired = BodyMembership.objects.filter(
        current_on(timezone.localdate()),
        person=person,
        role__in=list(CHAIR_ROLES),
        body__area_id__in=AreaMembership.objects.filter(person=person).values("area_id"),
    ).values("body_id")
    requests = JoinRequest.objects.filter(
        status=JoinRequest.Status.PENDING, body_id__in=chaired
    ).select_related("body", "body__area", "person")
    if area is not None:
        requests = requests.filter(body__area=area)
    return requests.order_by("created_at")
