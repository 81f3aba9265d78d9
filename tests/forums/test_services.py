"""Rules of the forums services: memberships, the governance tree, joining, equality
monitoring, consultation requests and partnership agreements."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduction.consultation import services as consultation_services
from coproduction.consultation.models import ConsultationRequest, RequestKind
from coproduction.people.models import Role, Sector
from forums import services
from forums.details import AgreementDetails, BodyDetails, BodyMembershipDetails, PaymentDetails
from forums.models import (
    AgreementOutcome,
    AgreementPayment,
    AgreementScheduleItem,
    Body,
    BodyMembership,
    BodyRole,
    EqualityRecord,
    GroupMembership,
    JoinRequest,
    PartnershipAgreement,
    PopulationFigure,
)
from tests.forums.factories import (
    BodyFactory,
    BodyMembershipFactory,
    JoinRequestFactory,
    ParticipationGroupFactory,
    PartnershipAgreementFactory,
    body_member,
)
from tests.people.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


# Participation groups ---------------------------------------------------------------------


def test_a_person_is_added_to_a_group_once(area):
    group = ParticipationGroupFactory(area=area)
    parent = member(area, Role.PARENT_CARER)
    services.group_member_add(group=group, person=parent, role="representative")
    with pytest.raises(ValidationError, match="already a member"):
        services.group_member_add(group=group, person=parent, role="member")
    assert GroupMembership.objects.count() == 1


def test_only_people_of_the_area_join_its_groups(area, other_area):
    group = ParticipationGroupFactory(area=area)
    stranger = member(other_area, Role.PARENT_CARER)
    with pytest.raises(ValidationError) as error:
        services.group_member_add(group=group, person=stranger, role="member")
    assert "person" in error.value.error_dict


def test_leaving_a_group_keeps_the_membership_as_history(area):
    group = ParticipationGroupFactory(area=area)
    parent = member(area, Role.PARENT_CARER)
    membership = services.group_member_add(group=group, person=parent, role="member")
    services.group_member_leave(membership=membership)
    membership.refresh_from_db()
    assert membership.left_on == TODAY()
    # They can join again later: a new row.
    services.group_member_add(group=group, person=parent, role="member")
    assert GroupMembership.objects.filter(person=parent).count() == 2


# Equality monitoring ----------------------------------------------------------------------


def test_equality_answers_are_kept_only_with_consent(area):
    person = member(area, Role.PARENT_CARER)
    with pytest.raises(ValidationError) as error:
        services.equality_record_save(person=person, consent=False, ethnicity="white")
    assert "consent" in error.value.error_dict
    assert not EqualityRecord.objects.exists()


def test_withdrawing_consent_deletes_the_answers(area):
    person = member(area, Role.PARENT_CARER)
    services.equality_record_save(person=person, consent=True, ethnicity="asian", carer="yes")
    services.equality_record_save(person=person, consent=True, ethnicity="mixed")
    record = EqualityRecord.objects.get(person=person)
    assert (record.ethnicity, record.carer) == ("mixed", "")
    services.equality_record_withdraw(person=person)
    assert not EqualityRecord.objects.filter(person=person).exists()


def test_an_unknown_answer_is_refused(area):
    person = member(area, Role.PARENT_CARER)
    with pytest.raises(ValidationError) as error:
        services.equality_record_save(person=person, consent=True, ethnicity="martian")
    assert "ethnicity" in error.value.error_dict


def test_population_figures_of_one_question_cannot_add_up_to_over_100(area):
    figures = {("ethnicity", "white"): Decimal("80"), ("ethnicity", "asian"): Decimal("30")}
    with pytest.raises(ValidationError) as error:
        services.population_figures_save(area=area, figures=figures)
    assert "ethnicity__asian" in error.value.error_dict
    assert not PopulationFigure.objects.exists()


def test_population_figures_replace_the_old_ones(area):
    services.population_figures_save(area=area, figures={("ethnicity", "white"): Decimal(50)})
    services.population_figures_save(
        area=area, figures={("ethnicity", "white"): None, ("carer", "yes"): Decimal("9.5")}
    )
    assert list(PopulationFigure.objects.values_list("question", "category", "percent")) == [
        ("carer", "yes", Decimal("9.5"))
    ]


# Bodies -----------------------------------------------------------------------------------


def test_a_body_cannot_report_to_itself(area):
    board = BodyFactory(area=area)
    with pytest.raises(ValidationError) as error:
        services.body_save(
            area=area, details=replace(BodyDetails.of(board), parent=board), body=board
        )
    assert "cannot report to itself" in error.value.message_dict["parent"][0]


def test_a_body_cannot_be_made_its_own_ancestor(area):
    trust = BodyFactory(area=area, name="Children's Trust Board", kind="board")
    partnership = BodyFactory(area=area, name="Complex Needs Partnership Board", parent=trust)
    work_stream = BodyFactory(area=area, name="Local Offer", parent=partnership)
    with pytest.raises(ValidationError) as error:
        services.body_save(
            area=area, details=replace(BodyDetails.of(trust), parent=work_stream), body=trust
        )
    assert "Local Offer reports to Children's Trust Board already" in str(error.value)
    trust.refresh_from_db()
    assert trust.parent is None


def test_a_body_reports_to_a_board_of_its_own_area(area, other_area):
    elsewhere = BodyFactory(area=other_area)
    details = BodyDetails(name="New", kind="board", level="strategic", purpose="x")
    with pytest.raises(ValidationError) as error:
        services.body_save(area=area, details=replace(details, parent=elsewhere))
    assert "parent" in error.value.error_dict
    assert not Body.objects.filter(name="New").exists()


def test_bodies_nest_to_any_depth(area):
    parent = None
    for level in range(8):
        parent = services.body_save(
            area=area,
            details=BodyDetails(
                name=f"Level {level}",
                kind="board",
                level="strategic",
                purpose="x",
                parent=parent,
            ),
        )
    assert parent.parent.parent.name == "Level 5"


# Memberships ------------------------------------------------------------------------------


def test_a_person_cannot_be_a_current_member_twice(area):
    body = BodyFactory(area=area)
    officer = body_member(body, Role.OFFICER)
    with pytest.raises(ValidationError) as error:
        services.body_membership_save(
            body=body, details=BodyMembershipDetails(person=officer, role=BodyRole.CO_CHAIR)
        )
    assert "already a member" in error.value.message_dict["person"][0]
    assert BodyMembership.objects.filter(person=officer).count() == 1


def test_the_database_refuses_overlapping_memberships(area):
    body = BodyFactory(area=area)
    officer = body_member(body, Role.OFFICER)
    with pytest.raises(IntegrityError), transaction.atomic():
        BodyMembership.objects.create(body=body, person=officer, started_on=TODAY())


def test_an_end_date_before_the_start_is_refused(area):
    body = BodyFactory(area=area)
    officer = member(area, Role.OFFICER)
    details = BodyMembershipDetails(
        person=officer, started_on=date(2026, 9, 1), ended_on=date(2026, 8, 1)
    )
    with pytest.raises(ValidationError) as error:
        services.body_membership_save(body=body, details=details)
    assert "ended_on" in error.value.error_dict
    assert not BodyMembership.objects.exists()


def test_leaving_sets_the_end_date_and_allows_joining_again(area):
    body = BodyFactory(area=area)
    officer = member(area, Role.OFFICER)
    membership = BodyMembershipFactory(body=body, person=officer)
    services.body_membership_end(membership=membership)
    membership.refresh_from_db()
    assert membership.ended_on == TODAY()
    services.body_membership_save(
        body=body,
        details=BodyMembershipDetails(person=officer, started_on=TODAY() + timedelta(1)),
    )
    assert BodyMembership.objects.filter(body=body, person=officer).count() == 2


def test_whom_a_member_represents_comes_from_their_organisation_when_not_said(area):
    body = BodyFactory(area=area)
    nhs = OrganisationFactory(area=area, name="NHS Trust", sector=Sector.HEALTH)
    officer = member(area, Role.OFFICER)
    membership = services.body_membership_save(
        body=body, details=BodyMembershipDetails(person=officer, represents_organisation=nhs)
    )
    assert membership.represents_sector == Sector.HEALTH


def test_members_come_from_the_bodys_area(area, other_area):
    body = BodyFactory(area=area)
    with pytest.raises(ValidationError) as error:
        services.body_membership_save(
            body=body, details=BodyMembershipDetails(person=member(other_area, Role.OFFICER))
        )
    assert "person" in error.value.error_dict


# Join requests ----------------------------------------------------------------------------


@pytest.fixture
def work_stream(area):
    body = BodyFactory(area=area, name="Working Together Well", open_to_requests=True)
    body_member(body, Role.OFFICER, role=BodyRole.CHAIR, email="chair@example.org")
    return body


def test_asking_to_join_emails_the_chair(work_stream, run_on_commit):
    parent = member(work_stream.area, Role.PARENT_CARER, display_name="Sam Okafor")
    with run_on_commit():
        join_request = services.join_request_create(
            body=work_stream, person=parent, note="I run a support group."
        )
    assert join_request.status == JoinRequest.Status.PENDING
    assert [message.to for message in mail.outbox] == [["chair@example.org"]]
    assert "Sam Okafor asks to join Working Together Well" in mail.outbox[0].subject
    assert "I run a support group." in mail.outbox[0].body


def test_a_second_pending_request_is_refused(work_stream):
    parent = member(work_stream.area, Role.PARENT_CARER)
    services.join_request_create(body=work_stream, person=parent, note="")
    with pytest.raises(ValidationError, match="already asked"):
        services.join_request_create(body=work_stream, person=parent, note="")
    assert JoinRequest.objects.count() == 1


def test_the_database_refuses_two_pending_requests(work_stream):
    parent = member(work_stream.area, Role.PARENT_CARER)
    JoinRequestFactory(body=work_stream, person=parent)
    with pytest.raises(IntegrityError), transaction.atomic():
        JoinRequest.objects.create(body=work_stream, person=parent)


def test_a_closed_body_takes_no_requests(area):
    closed = BodyFactory(area=area, open_to_requests=False)
    with pytest.raises(ValidationError, match="not taking requests"):
        services.join_request_create(body=closed, person=member(area, Role.PARENT_CARER), note="")


def test_members_and_officers_cannot_ask_to_join(work_stream):
    parent = body_member(work_stream, Role.PARENT_CARER)
    with pytest.raises(ValidationError, match="already a member"):
        services.join_request_create(body=work_stream, person=parent, note="")
    with pytest.raises(ValidationError, match="Only parent carer"):
        services.join_request_create(
            body=work_stream, person=member(work_stream.area, Role.OFFICER), note=""
        )


def test_accepting_makes_a_member_records_the_seat_and_emails_them(work_stream, run_on_commit):
    area = work_stream.area
    chair = work_stream.memberships.get().person
    forum = ParticipationGroupFactory(area=area, name="Birmingham Parent Carer Forum")
    parent = member(area, Role.PARENT_CARER, email="parent@example.org")
    services.group_member_add(group=forum, person=parent, role="representative")
    work_stream.hours_per_term = Decimal(10)
    work_stream.save()
    join_request = JoinRequestFactory(body=work_stream, person=parent)
    with run_on_commit():
        membership = services.join_request_accept(join_request=join_request, decided_by=chair)

    assert membership.role == BodyRole.MEMBER
    assert membership.represents_sector == Sector.PARENT_CARERS
    assert membership.represents_group == forum
    assert membership.started_on == TODAY()
    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by, join_request.membership) == (
        JoinRequest.Status.ACCEPTED,
        chair,
        membership,
    )
    seat = ConsultationRequest.objects.get(person=parent)
    assert (seat.kind, seat.hours_asked, seat.made_by) == (
        RequestKind.WORK_STREAM_SEAT,
        Decimal(10),
        chair,
    )
    assert mail.outbox[-1].to == ["parent@example.org"]
    assert "You have joined Working Together Well" in mail.outbox[-1].subject
    assert chair.email in mail.outbox[-1].body


def test_a_request_is_decided_once(work_stream):
    chair = work_stream.memberships.get().person
    join_request = JoinRequestFactory(
        body=work_stream, person=member(work_stream.area, Role.PARENT_CARER)
    )
    services.join_request_accept(join_request=join_request, decided_by=chair)
    with pytest.raises(ValidationError, match="already been accepted"):
        services.join_request_decline(join_request=join_request, decided_by=chair, reason="x")


def test_declining_needs_a_reason_which_is_emailed(work_stream, run_on_commit):
    chair = work_stream.memberships.get().person
    parent = member(work_stream.area, Role.PARENT_CARER)
    join_request = JoinRequestFactory(body=work_stream, person=parent)
    with pytest.raises(ValidationError) as error:
        services.join_request_decline(join_request=join_request, decided_by=chair, reason="  ")
    assert "reason" in error.value.error_dict
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING

    with run_on_commit():
        services.join_request_decline(
            join_request=join_request, decided_by=chair, reason="The group is full this year."
        )
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.DECLINED
    assert mail.outbox[-1].to == [parent.email]
    assert "The group is full this year." in mail.outbox[-1].body
    assert not BodyMembership.objects.filter(person=parent).exists()


def test_a_declined_request_cannot_lack_a_reason_in_the_database(work_stream):
    join_request = JoinRequestFactory(
        body=work_stream, person=member(work_stream.area, Role.PARENT_CARER)
    )
    join_request.status = JoinRequest.Status.DECLINED
    with pytest.raises(IntegrityError), transaction.atomic():
        join_request.save()


def test_withdrawing_lets_the_person_ask_again(work_stream):
    parent = member(work_stream.area, Role.PARENT_CARER)
    join_request = services.join_request_create(body=work_stream, person=parent, note="")
    services.join_request_withdraw(join_request=join_request)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.WITHDRAWN
    services.join_request_create(body=work_stream, person=parent, note="Again")
    assert JoinRequest.objects.filter(person=parent).count() == 2


# Consultation requests --------------------------------------------------------------------


def test_another_app_records_an_opportunity(area):
    officer = member(area, Role.OFFICER)
    parent = member(area, Role.PARENT_CARER)
    group = ParticipationGroupFactory(area=area)
    request = consultation_services.consultation_request_record(
        area=area,
        group=group,
        person=parent,
        kind=RequestKind.OPPORTUNITY,
        asked_on=date(2026, 10, 1),
        hours_asked=Decimal("2.5"),
        title="Co-design workshop",
        made_by=officer,
    )
    assert (request.group, request.person, request.kind) == (group, parent, "opportunity")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"group": None, "person": None}, "group"),
        ({"hours_asked": Decimal(-1)}, "hours_asked"),
        ({"title": " "}, "title"),
        ({"kind": "gossip"}, "kind"),
    ],
)
def test_a_request_with_bad_input_is_not_recorded(area, changes, field):
    arguments = {
        "area": area,
        "group": ParticipationGroupFactory(area=area),
        "person": None,
        "kind": RequestKind.SURVEY,
        "asked_on": date(2026, 10, 1),
        "hours_asked": Decimal(1),
        "title": "Survey",
        "made_by": None,
        **changes,
    }
    with pytest.raises(ValidationError) as error:
        consultation_services.consultation_request_record(**arguments)
    assert field in error.value.error_dict
    assert not ConsultationRequest.objects.exists()


def test_another_areas_group_cannot_be_recorded(area, other_area):
    with pytest.raises(ValidationError):
        consultation_services.consultation_request_record(
            area=area,
            group=ParticipationGroupFactory(area=other_area),
            kind=RequestKind.SURVEY,
            asked_on=date(2026, 10, 1),
            hours_asked=Decimal(1),
            title="Survey",
            made_by=None,
        )


# Partnership agreements -------------------------------------------------------------------


@pytest.fixture
def agreement(area):
    forum = OrganisationFactory(area=area, name="Parent Carer Forum", sector=Sector.PARENT_CARERS)
    council = OrganisationFactory(area=area, name="County Council")
    signatory = member(area, Role.OFFICER, email="signatory@example.org")
    agreement = services.agreement_save(
        area=area,
        details=AgreementDetails(
            title="Partnership agreement",
            parties=[forum, council],
            signatories=[signatory],
            starts_on=date(2026, 4, 1),
            review_on=date(2027, 4, 1),
            core_funding_amount=Decimal(30000),
            core_funding_period="year",
        ),
    )
    AgreementPayment.objects.create(
        agreement=agreement,
        kind="expenses",
        description="Mileage",
        rate=Decimal("0.45"),
        unit="mile",
    )
    AgreementScheduleItem.objects.create(
        agreement=agreement, kind="meeting", title="Partnership board", planned_on=date(2026, 6, 1)
    )
    AgreementOutcome.objects.create(agreement=agreement, outcome="Reps on every work stream")
    return agreement


def test_the_review_date_must_come_after_the_start(area):
    details = AgreementDetails(
        title="Agreement",
        parties=[OrganisationFactory(area=area)],
        starts_on=date(2026, 4, 1),
        review_on=date(2026, 3, 1),
    )
    with pytest.raises(ValidationError) as error:
        services.agreement_save(area=area, details=details)
    assert "review_on" in error.value.error_dict
    assert not PartnershipAgreement.objects.exists()


def test_parties_are_organisations_of_the_area(area, other_area):
    details = AgreementDetails(
        title="Agreement",
        parties=[OrganisationFactory(area=other_area)],
        starts_on=date(2026, 4, 1),
        review_on=date(2027, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        services.agreement_save(area=area, details=details)
    assert "parties" in error.value.error_dict


def test_a_signed_agreement_is_not_changed_in_place(agreement):
    services.agreement_sign(agreement=agreement, signed_on=TODAY())
    agreement.refresh_from_db()
    changed = replace(AgreementDetails.of(agreement), title="Changed", signatories=[])
    with pytest.raises(ValidationError, match="Renew it"):
        services.agreement_save(area=agreement.area, details=changed, agreement=agreement)
    with pytest.raises(ValidationError, match="Renew it"):
        services.agreement_part_save(
            agreement=agreement,
            details=PaymentDetails(kind="training", description="x", unit="day"),
        )
    with pytest.raises(ValidationError, match="Renew it"):
        services.agreement_part_delete(part=agreement.payments.get())
    assert PartnershipAgreement.objects.get().title == "Partnership agreement"


def test_progress_on_outcomes_is_recorded_after_signing(agreement):
    services.agreement_sign(agreement=agreement, signed_on=TODAY())
    outcome = agreement.outcomes.get()
    services.agreement_outcome_record_progress(
        outcome=outcome, status="amber", evidence="9 of 11 work streams"
    )
    outcome.refresh_from_db()
    assert (outcome.status, outcome.evidence) == ("amber", "9 of 11 work streams")


def test_signing_needs_signatories_and_a_past_date(area):
    agreement = PartnershipAgreementFactory(area=area)
    with pytest.raises(ValidationError, match="signatories"):
        services.agreement_sign(agreement=agreement, signed_on=date(2026, 3, 1))
    agreement.signatories.add(member(area, Role.OFFICER))
    with pytest.raises(ValidationError, match="today or earlier"):
        services.agreement_sign(agreement=agreement, signed_on=TODAY() + timedelta(days=1))
    assert PartnershipAgreement.objects.get().status == PartnershipAgreement.Status.DRAFT


def test_renewing_makes_a_draft_version_that_supersedes_when_signed(agreement):
    services.agreement_sign(agreement=agreement, signed_on=TODAY())
    renewal = services.agreement_renew(agreement=agreement)

    assert (renewal.version, renewal.status) == (2, PartnershipAgreement.Status.DRAFT)
    assert (renewal.starts_on, renewal.review_on) == (date(2027, 4, 1), date(2028, 4, 1))
    assert renewal.first_version == agreement
    assert set(renewal.parties.all()) == set(agreement.parties.all())
    assert set(renewal.signatories.all()) == set(agreement.signatories.all())
    assert renewal.payments.get().rate == Decimal("0.45")
    assert renewal.schedule.get().planned_on == date(2027, 6, 1)
    assert renewal.outcomes.get().status == "not_started"
    with pytest.raises(ValidationError, match="renewed already"):
        services.agreement_renew(agreement=agreement)

    services.agreement_sign(agreement=renewal, signed_on=TODAY())
    agreement.refresh_from_db()
    assert agreement.status == PartnershipAgreement.Status.SUPERSEDED
    third = services.agreement_renew(agreement=renewal)
    assert (third.version, third.first_version) == (3, agreement)


def test_a_draft_cannot_be_renewed(agreement):
    with pytest.raises(ValidationError, match="Only the signed"):
        services.agreement_renew(agreement=agreement)


def test_review_reminders_go_a_month_before_and_on_the_day_once_each(agreement, run_on_commit):
    services.agreement_sign(agreement=agreement, signed_on=TODAY())
    review = agreement.review_on  # 1 April 2027

    with run_on_commit():
        assert services.agreement_review_reminders_send(today=review - timedelta(days=40)) == 0
        assert services.agreement_review_reminders_send(today=date(2027, 3, 1)) == 1
        assert services.agreement_review_reminders_send(today=date(2027, 3, 1)) == 0
        assert services.agreement_review_reminders_send(today=date(2027, 3, 15)) == 0
        assert services.agreement_review_reminders_send(today=review) == 1
        assert services.agreement_review_reminders_send(today=review) == 0
        assert services.agreement_review_reminders_send(today=review + timedelta(days=2)) == 0

    assert [message.to for message in mail.outbox] == [["signatory@example.org"]] * 2
    assert "is due for review on 1 April 2027" in mail.outbox[0].subject
    assert "Review Partnership agreement today" in mail.outbox[1].subject
    assert agreement.reminders.count() == 2


def test_a_body_without_a_chair_or_lead_takes_no_requests(area):
    body = BodyFactory(area=area, open_to_requests=True)
    body_member(body, Role.OFFICER)
    with pytest.raises(ValidationError, match="no chair or lead"):
        services.join_request_create(body=body, person=member(area, Role.PARENT_CARER), note="")
    assert not JoinRequest.objects.exists()
