"""Pages as people use them: an officer records an assessment and sees it on the timeline;
bad input comes back at the field with what was typed; a double click makes one record; a
parent says which level a meeting felt like and nobody else ever sees that answer."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.dial.models import (
    ActivityDeclaration,
    CharacteristicCheck,
    DialAssessment,
    ExperiencedAnswer,
    Stakeholder,
)
from tests.dial.factories import ActivityDeclarationFactory, DialSubjectFactory, answers, attendee
from tests.forums.factories import BodyFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db

TOKEN = "a-one-time-form-token-123456"


@pytest.fixture
def officer(area):
    return member(area, Role.OFFICER, display_name="Olivia Bennett")


@pytest.fixture
def subject(area):
    return DialSubjectFactory(area=area, name="SEND Assessment Service")


def assessment_data(**changes):
    today = timezone.localdate()
    data = {
        "level": "4",
        "aimed_level": "5",
        "aim_reason": "Families should shape the annual review process.",
        "evidence": "Parent carer forum survey, March.",
        "answer_where_we_sit": "We ask, but decide elsewhere.",
        "others_count": "2",
        "assessed_on_0": str(today.day),
        "assessed_on_1": str(today.month),
        "assessed_on_2": str(today.year),
        "form_token": TOKEN,
    }
    data.update(changes)
    return data


def test_an_officer_records_an_assessment_and_sees_it_on_the_timeline(
    client, area, officer, subject
):
    parent = member(area, Role.PARENT_CARER, display_name="Sam Okafor")
    client.force_login(officer)
    url = f"/{area.slug}/self-evaluation/dial/{subject.pk}/assess/"
    response = client.post(url, assessment_data(participants=[str(parent.pk), str(officer.pk)]))
    assert response.status_code == 302
    page = client.get(subject.get_absolute_url()).content.decode()
    assert "First placed at consultation" in page
    assert "Parent carer forum survey, March." in page
    assert "We ask, but decide elsewhere." in page
    assert "Sam Okafor" in page
    assert "Co-produced" in page
    overview = client.get(f"/{area.slug}/self-evaluation/dial/").content.decode()
    assert "SEND Assessment Service" in overview


def test_a_double_click_makes_one_assessment(client, area, officer, subject):
    client.force_login(officer)
    url = f"/{area.slug}/self-evaluation/dial/{subject.pk}/assess/"
    first = client.post(url, assessment_data())
    second = client.post(url, assessment_data())
    assert first.status_code == second.status_code == 302
    assert DialAssessment.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"aimed_level": "2"}, "aimed_level", "Aim for informing or above"),
        ({"evidence": ""}, "evidence", "Enter the evidence for this level"),
        ({"level": ""}, "level", "Choose the level today"),
        ({"level": "9"}, "level", "Choose one of the levels"),
        ({"others_count": "lots"}, "others_count", "Enter the number of others"),
        ({"assessed_on_1": "13"}, "assessed_on", "must be a real date"),
        (
            {"assessed_on_2": str(timezone.localdate().year + 1)},
            "assessed_on",
            "today or in the past",
        ),
        ({"participants": ["999999"]}, "participants", "Choose people of this area"),
    ],
)
def test_bad_input_is_explained_at_the_field_and_kept(
    client, area, officer, subject, changes, field, message
):
    client.force_login(officer)
    url = f"/{area.slug}/self-evaluation/dial/{subject.pk}/assess/"
    response = client.post(url, assessment_data(**changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    assert "Families should shape the annual review process." in response.content.decode()
    assert not DialAssessment.objects.exists()


def test_the_strategic_and_individual_dials_ask_different_questions(client, area, officer):
    client.force_login(officer)
    strategic = DialSubjectFactory(area=area, dial="strategic")
    individual = DialSubjectFactory(area=area, dial="individual", kind="team")
    s = client.get(f"/{area.slug}/self-evaluation/dial/{strategic.pk}/assess/").content.decode()
    i = client.get(f"/{area.slug}/self-evaluation/dial/{individual.pk}/assess/").content.decode()
    assert "What good practice already exists?" in s
    assert "What good practice already exists?" not in i
    assert "How can the learning be shared?" in i


def test_adding_a_subject_then_a_double_click(client, area, officer):
    client.force_login(officer)
    body = BodyFactory(area=area, name="Complex Needs Partnership Board")
    url = f"/{area.slug}/self-evaluation/dial/add/"
    data = {
        "dial": "strategic",
        "kind": "body",
        "body": str(body.pk),
        "name": "",
        "form_token": TOKEN,
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert area.dial_subjects.get().name == "Complex Needs Partnership Board"


def test_a_subject_without_a_name_or_body_is_refused(client, area, officer):
    client.force_login(officer)
    response = client.post(
        f"/{area.slug}/self-evaluation/dial/add/", {"dial": "strategic", "kind": "team"}
    )
    assert "Enter the name" in response.context["form"].errors["name"][0]


def test_an_officer_changes_an_assessment(client, area, officer, subject):
    client.force_login(officer)
    client.post(f"/{area.slug}/self-evaluation/dial/{subject.pk}/assess/", assessment_data())
    assessment = DialAssessment.objects.get()
    url = f"/{area.slug}/self-evaluation/dial/assessments/{assessment.pk}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(url, assessment_data(level="6", form_token="another-token-12345678901"))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.level == 6


# Declared against experienced --------------------------------------------------------------


def test_an_officer_declares_the_level_of_a_meeting(client, area, officer):
    from tests.meetings.factories import MeetingFactory

    meeting = MeetingFactory(body=BodyFactory(area=area))
    client.force_login(officer)
    url = f"/{area.slug}/self-evaluation/declared-and-experienced/declare/"
    response = client.post(
        url,
        {"meeting": str(meeting.pk), "aimed_level": "6", "reached_level": "5", "form_token": TOKEN},
    )
    assert response.status_code == 302
    assert (
        client.post(
            url,
            {
                "meeting": str(meeting.pk),
                "aimed_level": "6",
                "reached_level": "5",
                "form_token": TOKEN,
            },
        ).status_code
        == 302
    )
    assert ActivityDeclaration.objects.get().meeting == meeting


def test_declaring_without_an_activity_is_explained(client, area, officer):
    client.force_login(officer)
    response = client.post(
        f"/{area.slug}/self-evaluation/declared-and-experienced/declare/",
        {"aimed_level": "6", "reached_level": "5"},
    )
    assert "Choose one activity" in response.context["form"].errors["initiative"][0]


def test_a_parent_says_how_a_meeting_felt_and_sees_only_their_own_answer(client, area):
    declaration = ActivityDeclarationFactory(area=area, aimed_level=7, reached_level=7)
    parent = attendee(declaration)
    other = attendee(declaration)
    ExperiencedAnswer.objects.create(declaration=declaration, person=other, level=2)
    client.force_login(parent)
    url = f"/{area.slug}/self-evaluation/declared-and-experienced/{declaration.pk}/"
    page = client.get(url).content.decode()
    assert "Say how it felt" in page
    assert "Educating" not in page  # the other person's answer
    response = client.post(url + "answer/", {"level": "4", "form_token": TOKEN})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Your answer: <strong>Consultation</strong>" in page
    assert "Educating" not in page
    assert "fewer than 5" in page


def test_nobody_else_sees_a_persons_answer(client, area):
    declaration = ActivityDeclarationFactory(area=area, aimed_level=7, reached_level=7)
    parent = attendee(declaration)
    ExperiencedAnswer.objects.create(declaration=declaration, person=parent, level=2)
    url = f"/{area.slug}/self-evaluation/declared-and-experienced/{declaration.pk}/"
    for role in [Role.OFFICER, Role.COMMISSIONER, Role.BOARD_MEMBER, Role.AREA_ADMIN]:
        client.force_login(member(area, role))
        for page in [url, f"/{area.slug}/self-evaluation/declared-and-experienced/"]:
            assert "Educating" not in client.get(page).content.decode(), role
    client.force_login(attendee(declaration))
    assert "Educating" not in client.get(url).content.decode()
    answer_page = client.get(url + "answer/")
    assert answer_page.context["form"].initial == {}


def test_five_answers_show_what_families_felt(client, area):
    declaration = ActivityDeclarationFactory(area=area, aimed_level=7, reached_level=7)
    answers(declaration, 4, 4, 4, 5, 5)
    client.force_login(member(area, Role.BOARD_MEMBER))
    page = client.get(
        f"/{area.slug}/self-evaluation/declared-and-experienced/{declaration.pk}/"
    ).content.decode()
    assert "What families said" in page
    assert "Consultation" in page


def test_a_young_person_gets_plain_words(client, area):
    declaration = ActivityDeclarationFactory(area=area)
    client.force_login(attendee(declaration, Role.YOUNG_PERSON))
    url = f"/{area.slug}/self-evaluation/declared-and-experienced/{declaration.pk}/answer/"
    page = client.get(url).content.decode()
    assert "How much say did you have?" in page
    assert "We planned it together" in page
    response = client.post(url, {})
    assert "Choose one answer" in response.context["form"].errors["level"][0]


# Characteristics and stakeholders ------------------------------------------------------------


def test_an_officer_records_a_characteristics_check_for_a_body(client, area, officer):
    from evaluation.dial.models import Characteristic

    body = BodyFactory(area=area)
    client.force_login(officer)
    today = timezone.localdate() - timedelta(days=1)
    data = {
        "body": str(body.pk),
        "checked_on_0": str(today.day),
        "checked_on_1": str(today.month),
        "checked_on_2": str(today.year),
        "form_token": TOKEN,
    }
    for value in Characteristic.values:
        data[f"{value}_status"] = "not_yet"
    data["trust_status"] = "present"
    url = f"/{area.slug}/self-evaluation/characteristics/check/"
    response = client.post(url, data)
    assert "trust_evidence" in response.context["form"].errors
    data["trust_evidence"] = "Minutes show families chaired two meetings."
    response = client.post(url, data)
    assert response.status_code == 302
    check = CharacteristicCheck.objects.get()
    assert check.body == body
    page = client.get(response["Location"]).content.decode()
    assert "Minutes show families chaired two meetings." in page


def test_an_officer_maps_stakeholders_and_who_is_missing(client, area, officer):
    client.force_login(officer)
    base = f"/{area.slug}/self-evaluation/stakeholders/"
    response = client.post(
        base + "add/",
        {"name": "Ladywood Mosque", "kind": "group", "brings": ["venues", "networks"]},
    )
    assert response.status_code == 302
    response = client.post(base + "add/", {"kind": "group"})
    assert "Choose an organisation or a group" in response.context["form"].errors["organisation"][0]
    client.post(base + "missing/add/", {"name": "Fathers", "why_it_matters": "Seldom heard."})
    page = client.get(base).content.decode()
    assert "Ladywood Mosque" in page
    assert "Venues, Networks" in page
    assert "Seldom heard." in page
    assert Stakeholder.objects.count() == 1


# Implausible dates (tester's report: an assessment dated 1 January 1900 was accepted) -------


def test_an_assessment_dated_1900_is_refused_at_the_field_and_the_text_kept(
    client, area, officer, subject
):
    client.force_login(officer)
    url = f"/{area.slug}/self-evaluation/dial/{subject.pk}/assess/"
    response = client.post(
        url, assessment_data(assessed_on_0="1", assessed_on_1="1", assessed_on_2="1900")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["assessed_on"]
    assert errors == [
        "The date of the assessment must be on or after 1 September 2014, when "
        "the SEND reforms began"
    ]
    assert "Families should shape the annual review process." in response.content.decode()
    assert not DialAssessment.objects.exists()


def test_a_characteristics_check_dated_before_the_reforms_is_refused(client, area, officer):
    from evaluation.dial.models import Characteristic

    client.force_login(officer)
    data = {"checked_on_0": "31", "checked_on_1": "8", "checked_on_2": "2014", "form_token": TOKEN}
    for value in Characteristic.values:
        data[f"{value}_status"] = "not_yet"
    response = client.post(f"/{area.slug}/self-evaluation/characteristics/check/", data)
    assert response.status_code == 200
    assert "on or after 1 September 2014" in response.context["form"].errors["checked_on"][0]
    assert not CharacteristicCheck.objects.exists()


def test_past_only_dates_show_a_past_example_in_their_hint(client, area, officer, subject):
    client.force_login(officer)
    last_year = timezone.localdate().year - 1
    for url in (
        f"/{area.slug}/self-evaluation/dial/{subject.pk}/assess/",
        f"/{area.slug}/self-evaluation/characteristics/check/",
    ):
        page = client.get(url).content.decode()
        assert f"For example, 27 3 {last_year}" in page
        assert f"27 3 {last_year + 2}" not in page


def test_the_services_refuse_dates_before_the_reforms_too(area, officer, subject):
    from datetime import date

    from django.core.exceptions import ValidationError

    from evaluation.dial import services

    with pytest.raises(ValidationError) as caught:
        services.dial_assessment_record(
            subject=subject,
            by=officer,
            level=4,
            aimed_level=5,
            aim_reason="Why",
            evidence="Minutes",
            answers={},
            participants=[],
            others_count=0,
            assessed_on=date(1900, 1, 1),
        )
    assert "assessed_on" in caught.value.message_dict
