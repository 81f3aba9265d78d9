"""Paper uploads: checked by content, size and active content; versions; late papers;
downloads only for invitees and organisers, named with the version."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coproduction.outbox.models import OutboundEmail
from coproduction.people.models import Role
from forums.meetings.models import MeetingSettings
from forums.meetings.services.papers import paper_add, paper_replace
from tests.forums.factories import BodyFactory, body_member
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, paper, pdf_upload
from tests.people.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def item(area):
    return AgendaItemFactory(meeting=MeetingFactory(body=BodyFactory(area=area)))


def add(item, upload):
    return paper_add(agenda_item=item, by=None, title="Budget", summary="Money.", upload=upload)


def test_a_renamed_executable_is_refused_at_the_field(item):
    exe = SimpleUploadedFile("budget.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    with pytest.raises(ValidationError) as raised:
        add(item, exe)
    assert "whatever its name says" in raised.value.message_dict["file"][0]
    assert not item.papers.exists()


def test_an_empty_file_is_refused(item):
    with pytest.raises(ValidationError) as raised:
        add(item, SimpleUploadedFile("budget.pdf", b""))
    assert "empty" in raised.value.message_dict["file"][0]


def test_a_file_over_the_areas_limit_is_refused(item):
    MeetingSettings.objects.create(area=item.meeting.body.area, paper_size_limit_mb=1)
    big = SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as raised:
        add(item, big)
    assert "smaller than 1 MB" in raised.value.message_dict["file"][0]


def test_a_pdf_with_javascript_is_refused(item):
    with pytest.raises(ValidationError) as raised:
        add(item, pdf_upload(javascript=True))
    assert "script" in raised.value.message_dict["file"][0]


def test_a_new_upload_is_a_new_version_and_old_ones_stay(item):
    first = add(item, pdf_upload())
    second = paper_replace(paper=first.paper, by=None, upload=pdf_upload(text="v2"))
    assert (first.number, second.number) == (1, 2)
    assert second.download_name == "budget-v2.pdf"
    assert first.paper.versions.count() == 2
    assert first.file.name != second.file.name


def test_a_paper_first_added_after_the_due_date_is_late_and_the_chair_told_once(area):
    chair = member(area, Role.OFFICER)
    body = BodyFactory(area=area)
    soon = timezone.now() + timedelta(days=1)
    meeting = MeetingFactory(
        body=body, chair=chair, starts_at=soon, ends_at=soon + timedelta(hours=1)
    )
    item = AgendaItemFactory(meeting=meeting)
    version = paper(item)
    assert version.paper.is_late
    paper_replace(paper=version.paper, by=None, upload=pdf_upload(text="v2"))
    to_chair = OutboundEmail.objects.filter(to=chair.email)
    assert to_chair.count() == 1
    assert "added after the papers were due" in to_chair.get().body_text


def test_a_paper_added_in_good_time_is_not_late(item):
    assert not paper(item).paper.is_late


def test_downloads_are_for_invitees_and_organisers_only(client, area):
    body = BodyFactory(area=area)
    invitee = body_member(body, Role.PARENT_CARER)
    officer = member(area, Role.OFFICER)
    outsider_in_area = member(area, Role.PARENT_CARER)
    meeting = MeetingFactory(body=body)
    version = paper(AgendaItemFactory(meeting=meeting))
    url = f"/{area.slug}/meetings/{meeting.pk}/papers/{version.pk}/"
    client.force_login(outsider_in_area)
    assert client.get(url).status_code == 403
    for person in (invitee, officer):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert 'filename="budget-v1.pdf"' in response["Content-Disposition"]
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_another_meetings_paper_id_is_not_found(client, area):
    body = BodyFactory(area=area)
    invitee = body_member(body, Role.PARENT_CARER)
    mine = MeetingFactory(body=body)
    other = paper(AgendaItemFactory(meeting=MeetingFactory(body=BodyFactory(area=area))))
    client.force_login(invitee)
    assert client.get(f"/{area.slug}/meetings/{mine.pk}/papers/{other.pk}/").status_code == 404
