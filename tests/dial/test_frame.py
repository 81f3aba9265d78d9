"""What the dial adds to the frame: officers' home page lists subjects due for review; the
area settings page links to the ladder setting; the chosen ladder's words show everywhere;
outsiders cannot tell which records an area holds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduction.people.models import Role
from tests.dial.factories import DialAssessmentFactory, DialSubjectFactory
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def test_officers_see_subjects_due_for_review_on_their_home_page(client, area):
    stale = DialSubjectFactory(area=area, name="Short Breaks team")
    DialAssessmentFactory(subject=stale, assessed_on=timezone.localdate() - timedelta(days=400))
    fresh = DialSubjectFactory(area=area, name="EHC team")
    DialAssessmentFactory(subject=fresh, assessed_on=timezone.localdate() - timedelta(days=30))
    client.force_login(member(area, Role.OFFICER))
    page = client.get("/").content.decode()
    assert "Dial assessments due for review" in page
    assert "Short Breaks team" in page
    assert "EHC team" not in page
    client.force_login(member(area, Role.PARENT_CARER))
    assert "Dial assessments due for review" not in client.get("/").content.decode()


def test_the_administrator_chooses_the_west_sussex_ladder(client, area):
    admin = member(area, Role.AREA_ADMIN)
    client.force_login(admin)
    assert (
        "Words for the engagement levels" in client.get(f"/{area.slug}/settings/").content.decode()
    )
    response = client.post(
        f"/{area.slug}/self-evaluation/ladder/",
        {"ladder": "west_sussex", "form_token": "ladder-token-123456789012"},
    )
    assert response.status_code == 302
    subject = DialSubjectFactory(area=area)
    DialAssessmentFactory(subject=subject, level=6)
    client.force_login(member(area, Role.BOARD_MEMBER))
    page = client.get(f"/{area.slug}/self-evaluation/dial/").content.decode()
    assert "Participation" in page
    assert "Co-design</td>" not in page


def test_an_outsider_gets_the_same_answer_for_an_existing_and_a_missing_subject(
    client, area, other_area
):
    theirs = DialSubjectFactory(area=other_area)
    client.force_login(member(area, Role.OFFICER))
    existing = client.get(f"/{other_area.slug}/self-evaluation/dial/{theirs.pk}/")
    nonexistent = client.get(f"/{other_area.slug}/self-evaluation/dial/999999/")
    assert existing.status_code == nonexistent.status_code == 403


def test_families_are_asked_on_their_home_page_until_they_answer(client, area):
    from tests.dial.factories import ActivityDeclarationFactory, attendee

    declaration = ActivityDeclarationFactory(area=area)
    ActivityDeclarationFactory(area=area)  # one they did not take part in
    parent = attendee(declaration)
    client.force_login(parent)
    page = client.get("/").content.decode()
    assert "Say how it felt" in page
    assert page.count("/self-evaluation/declared-and-experienced/") == 1
    client.post(
        f"/{area.slug}/self-evaluation/declared-and-experienced/{declaration.pk}/answer/",
        {"level": "5"},
    )
    assert "Say how it felt" not in client.get("/").content.decode()


def test_the_west_sussex_ladder_explains_its_own_steps(client, area):
    from evaluation.dial import services

    services.evaluation_settings_update(area=area, ladder="west_sussex")
    client.force_login(member(area, Role.PARENT_CARER))
    page = client.get(f"/{area.slug}/self-evaluation/dial/").content.decode()
    assert "The forum is asked what it thinks about particular plans or issues." in page
