"""The rules of the dial: aims, evidence, dates, the co-produced flag, the timeline's moves,
who may say which level they experienced, one answer each, and the suppression maths."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.dial import selectors, services
from evaluation.dial.models import Characteristic, ExperiencedAnswer
from evaluation.figures import SUPPRESSED
from evaluation.scale import Ladder
from forums.meetings.models import Rsvp
from initiatives.models import Interest
from tests.dial.factories import (
    ActivityDeclarationFactory,
    DialAssessmentFactory,
    DialSubjectFactory,
    attendee,
)
from tests.forums.factories import BodyFactory, body_member
from tests.initiatives.factories import InitiativeFactory, InterestFactory, OpportunityFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def record(subject, by, **changes):
    arguments = {
        "level": 4,
        "aimed_level": 5,
        "aim_reason": "Families should shape it.",
        "evidence": "Workshop notes.",
        "answers": {},
        "participants": [],
        "others_count": 0,
        "assessed_on": timezone.localdate(),
    }
    arguments.update(changes)
    return services.dial_assessment_record(subject=subject, by=by, **arguments)


@pytest.fixture
def subject(area):
    return DialSubjectFactory(area=area, name="SEND Assessment Service")


@pytest.fixture
def officer(area):
    return member(area, Role.OFFICER)


def test_an_aim_below_informing_is_refused_at_the_field(subject, officer):
    with pytest.raises(ValidationError) as error:
        record(subject, officer, aimed_level=2)
    assert "informing" in error.value.message_dict["aimed_level"][0]


def test_an_assessment_needs_evidence(subject, officer):
    with pytest.raises(ValidationError) as error:
        record(subject, officer, evidence="   ")
    assert error.value.message_dict["evidence"] == ["Enter the evidence for this level"]


def test_an_assessment_cannot_be_dated_in_the_future(subject, officer):
    with pytest.raises(ValidationError) as error:
        record(subject, officer, assessed_on=timezone.localdate() + timedelta(days=1))
    assert "assessed_on" in error.value.message_dict


def test_people_of_another_area_cannot_be_named_as_taking_part(subject, officer, other_area):
    with pytest.raises(ValidationError) as error:
        record(subject, officer, participants=[member(other_area, Role.PARENT_CARER)])
    assert "participants" in error.value.message_dict


def test_it_counts_as_co_produced_only_with_a_parent_carer_or_young_person(area, subject, officer):
    professionals_only = record(subject, officer, participants=[officer], others_count=4)
    assert not professionals_only.co_produced
    young_person = member(area, Role.YOUNG_PERSON)
    with_family = record(subject, officer, participants=[officer, young_person])
    assert with_family.co_produced


def test_answers_are_kept_only_for_the_dials_own_questions(subject, officer):
    assessment = record(
        subject,
        officer,
        answers={"where_we_sit": "Consultation, mostly.", "sharing": "Not a strategic question"},
    )
    assert assessment.answers == {"where_we_sit": "Consultation, mostly."}


def test_the_timeline_names_moves_back_as_well_as_forward(subject):
    today = timezone.localdate()
    for days, level in [(300, 4), (200, 6), (100, 5), (10, 5)]:
        DialAssessmentFactory(subject=subject, level=level, assessed_on=today - timedelta(days))
    moves = [e.move for e in selectors.subject_timeline(subject=subject, ladder=Ladder.DIAL)]
    assert moves == [
        "Stayed at engagement",
        "Moved back from co-design to engagement",
        "Moved up from consultation to co-design",
        "First placed at consultation",
    ]


def test_the_timeline_uses_the_areas_ladder(area, subject):
    services.evaluation_settings_update(area=area, ladder=Ladder.WEST_SUSSEX)
    DialAssessmentFactory(subject=subject, level=5)
    ladder = selectors.area_ladder(area=area)
    [entry] = selectors.subject_timeline(subject=subject, ladder=ladder)
    assert entry.level_words == "Participation"


def test_settings_are_made_once_per_area_on_first_use(area):
    services.evaluation_settings_update(area=area, ladder=Ladder.WEST_SUSSEX)
    services.evaluation_settings_update(area=area, ladder=Ladder.DIAL)
    assert area.evaluation_settings.ladder == Ladder.DIAL


# Declared against experienced --------------------------------------------------------------


def test_a_declaration_is_for_exactly_one_activity(area, officer):
    body = BodyFactory(area=area)
    initiative = InitiativeFactory(area=area)
    with pytest.raises(ValidationError):
        services.activity_declare(
            area=area, by=officer, aimed_level=5, reached_level=4, body=body, initiative=initiative
        )
    with pytest.raises(ValidationError):
        services.activity_declare(area=area, by=officer, aimed_level=5, reached_level=4)


def test_an_activity_is_declared_once(area, officer):
    body = BodyFactory(area=area)
    services.activity_declare(area=area, by=officer, aimed_level=5, reached_level=4, body=body)
    with pytest.raises(ValidationError) as error:
        services.activity_declare(area=area, by=officer, aimed_level=6, reached_level=4, body=body)
    assert "body" in error.value.message_dict


def test_another_areas_activity_cannot_be_declared(area, other_area, officer):
    with pytest.raises(ValidationError):
        services.activity_declare(
            area=area, by=officer, aimed_level=5, reached_level=4, body=BodyFactory(area=other_area)
        )


def test_one_answer_per_person_which_they_can_change(area):
    declaration = ActivityDeclarationFactory(area=area)
    parent = attendee(declaration)
    services.experienced_answer_give(declaration=declaration, person=parent, level=4)
    services.experienced_answer_give(declaration=declaration, person=parent, level=6)
    assert list(ExperiencedAnswer.objects.values_list("level", flat=True)) == [6]


def test_those_who_replied_they_were_coming_to_a_meeting_took_part(area):
    declaration = ActivityDeclarationFactory(area=area)
    parent = member(area, Role.PARENT_CARER)
    assert not selectors.took_part(declaration=declaration, person=parent)
    Rsvp.objects.create(meeting=declaration.meeting, person=parent, answer="attending")
    assert selectors.took_part(declaration=declaration, person=parent)


def test_those_accepted_on_an_initiatives_opportunity_took_part(area, officer):
    initiative = InitiativeFactory(area=area)
    declaration = services.activity_declare(
        area=area, by=officer, aimed_level=6, reached_level=5, initiative=initiative
    )
    interest = InterestFactory(opportunity=OpportunityFactory(initiative=initiative))
    assert not selectors.took_part(declaration=declaration, person=interest.person)
    interest.status = Interest.Status.ACCEPTED
    interest.save()
    assert selectors.took_part(declaration=declaration, person=interest.person)


def test_current_members_of_a_body_took_part_in_its_work(area, officer):
    body = BodyFactory(area=area)
    declaration = services.activity_declare(
        area=area, by=officer, aimed_level=6, reached_level=5, body=body
    )
    young_person = body_member(body, Role.YOUNG_PERSON)
    assert selectors.took_part(declaration=declaration, person=young_person)
    assert not selectors.took_part(declaration=declaration, person=member(area, Role.YOUNG_PERSON))


def test_someone_who_did_not_take_part_cannot_answer(area):
    declaration = ActivityDeclarationFactory(area=area)
    with pytest.raises(ValidationError):
        services.experienced_answer_give(
            declaration=declaration, person=member(area, Role.PARENT_CARER), level=5
        )


# Suppression maths ---------------------------------------------------------------------------


@pytest.mark.parametrize("answered", [1, 2, 3, 4])
def test_under_five_answers_only_fewer_than_5_is_shown(answered):
    summary = selectors.experienced_summary({5: answered}, ladder=Ladder.DIAL)
    assert summary.answered == SUPPRESSED
    assert not summary.shown
    assert summary.rows == []
    assert summary.typical == ""


def test_no_answers_is_shown_as_none():
    summary = selectors.experienced_summary({}, ladder=Ladder.DIAL)
    assert summary.answered == 0
    assert not summary.shown


def test_five_answers_show_the_middle_level_and_suppress_small_cells():
    summary = selectors.experienced_summary({4: 2, 6: 3}, ladder=Ladder.DIAL)
    assert summary.answered == 5
    assert summary.shown
    assert summary.typical == "Co-design"  # the third of 4, 4, 6, 6, 6
    assert summary.rows == [("Consultation", SUPPRESSED), ("Co-design", SUPPRESSED)]


def test_the_middle_of_an_even_count_is_the_lower_middle_answer():
    summary = selectors.experienced_summary({3: 5, 7: 5}, ladder=Ladder.DIAL)
    assert summary.typical == "Informing"
    assert summary.rows == [("Informing", 5), ("Co-production", 5)]


# Characteristics and stakeholders ------------------------------------------------------------


def test_a_characteristics_check_needs_every_characteristic_and_evidence(area, officer):
    ratings = dict.fromkeys(Characteristic.values, ("present", "Minutes"))
    ratings["trust"] = ("partly", "")
    del ratings["power"]
    with pytest.raises(ValidationError) as error:
        services.characteristics_check_record(
            area=area, by=officer, checked_on=timezone.localdate(), ratings=ratings
        )
    assert set(error.value.message_dict) == {"trust_evidence", "power_status"}


def test_a_stakeholder_is_one_organisation_group_or_typed_name(area):
    from tests.people.factories import OrganisationFactory

    organisation = OrganisationFactory(area=area)
    with pytest.raises(ValidationError):
        services.stakeholder_add(
            area=area,
            kind="organisation",
            brings=[],
            notes="",
            organisation=organisation,
            name="Also typed",
        )
    added = services.stakeholder_add(
        area=area, kind="organisation", brings=["venues"], notes="", organisation=organisation
    )
    assert added.display_name == organisation.name
    with pytest.raises(ValidationError):
        services.stakeholder_add(
            area=area, kind="organisation", brings=[], notes="", organisation=organisation
        )
