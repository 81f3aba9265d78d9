"""Reads of partnership agreements."""

from django.db.models import (
    Prefetch,
    Q,
    QuerySet,
)

from coproduction.people.models import (
    LocalArea,
    Organisation,
    Person,
)
from forums.models import (
    AgreementOutcome,
    Body,
    PartnershipAgreement,
)

# Partnership agreements -------------------------------------------------------------------


def area_agreements(*, area: LocalArea) -> QuerySet[PartnershipAgreement]:
    """Every version of every agreement of the area, newest version first within each."""
    return (
        PartnershipAgreement.objects.filter(area=area)
        .select_related("area", "reviewing_body")
        .prefetch_related(Prefetch("parties", queryset=Organisation.objects.order_by("name")))
        .order_by("title", "-version")
    )


def agreement_get(*, area: LocalArea, pk: int) -> PartnershipAgreement | None:
    return (
        PartnershipAgreement.objects.filter(area=area, pk=pk)
        .select_related("area", "reviewing_body", "previous_version")
        .prefetch_related(
            Prefetch("parties", queryset=Organisation.objects.order_by("name")),
            Prefetch("signatories", queryset=Person.objects.order_by("display_name")),
            "payments",
            "schedule",
            Prefetch("outcomes", queryset=AgreementOutcome.objects.order_by("pk")),
        )
        .first()
    )


def agreement_versions(*, agreement: PartnershipAgreement) -> QuerySet[PartnershipAgreement]:
    first = agreement.first_version_id or agreement.pk
    return PartnershipAgreement.objects.filter(Q(pk=first) | Q(first_version_id=first)).order_by(
        "-version"
    )


def agreement_reminders(*, agreement: PartnershipAgreement):
    return agreement.reminders.select_related("person").order_by("sent_at")


def agreement_part_get(*, agreement: PartnershipAgreement, model, pk: int):
    """One payment, schedule item or outcome (`model`) of the agreement, or None."""
    return model.objects.filter(agreement=agreement, pk=pk).first()


def body_agreements(*, body: Body) -> QuerySet[PartnershipAgreement]:
    """Partnership agreements this body reviews."""
    return PartnershipAgreement.objects.filter(reviewing_body=body).order_by("title", "-version")
