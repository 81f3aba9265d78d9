"""The meetings issue's "done when", walked through the pages on the demo data.

As chair@example.org: schedule a meeting of "Objective 3: Working Together Well" at a time
that breaks a rule, acknowledge the warning, attach a paper. When the papers fall due the
worker emails every member once, with the .ics. As parent@example.org (once a member): see
it under "Your next meetings", open the paper, send apologies with an access need. Replace
the paper: one "updated papers" email per member.
"""

import re
from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from coproduction.people.calendar import working_days_before
from coproduction.people.models import Person
from forums.meetings.models import Meeting, SchedulingWarning, WarningCode
from forums.meetings.tasks import dispatch_papers
from forums.models import Body, BodyMembership, JoinRequest
from tests.meetings.factories import pdf_bytes

pytestmark = pytest.mark.django_db

BODY = "Objective 3: Working Together Well"
TITLE = "Short breaks: what families told us"


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)


def page(response) -> str:
    return response.content.decode()


def day_papers_fall_due_today(area):
    """The last day whose papers are due today or earlier (today itself on a working day),
    so the worker sends them at once."""
    today = timezone.localdate()
    day = today + timedelta(days=1)
    while working_days_before(day + timedelta(days=1), area.papers_ahead_working_days) <= today:
        day += timedelta(days=1)
    return day


def pdf_file(name: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, pdf_bytes(text=text), content_type="application/pdf")


def emails_for(meeting_title: str, subject_start: str) -> Counter:
    """Recipients of the emails sent about the meeting whose subject starts so."""
    return Counter(
        m.to[0]
        for m in mail.outbox
        if m.subject.startswith(subject_start) and meeting_title in m.subject
    )


def test_schedule_warn_papers_dispatch_reply_and_updated_papers(client, demo, run_on_commit):
    body = Body.objects.get(area__slug="birmingham", name=BODY)
    area = body.area
    chair = Person.objects.get(email="chair@example.org")
    parent = Person.objects.get(email="parent@example.org")

    # parent@ asked to join in the demo; the chair accepts, as the product does.
    client.force_login(chair)
    join_request = JoinRequest.objects.get(body=body, person=parent)
    with run_on_commit():
        response = client.post(f"/birmingham/join-requests/{join_request.pk}/accept/")
    assert response.status_code == 302
    assert BodyMembership.objects.filter(body=body, person=parent).exists()

    # Schedule at 18:00 on a weekday: parent carers are invited, so it breaks family hours.
    day = day_papers_fall_due_today(area)
    url = f"/birmingham/governance/{body.pk}/meetings/schedule/"
    form = client.get(url).context["form"]
    venue = form.fields["venue"].queryset.get(name="Ladywood Community Hub")
    data = {
        "form_token": form.form_token,
        "title": TITLE,
        "day_0": day.day,
        "day_1": day.month,
        "day_2": day.year,
        "start": "18:00",
        "end": "20:00",
        "mode": "in_person",
        "venue": venue.pk,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    warned = page(response)
    assert "Parent carers are invited." in warned
    assert "Give a reason to go ahead despite this warning" in warned
    assert not Meeting.objects.filter(title=TITLE).exists()
    reasons = {
        name: "Parents asked for an evening so working parents can come."
        for name in response.context["form"].fields
        if name.startswith("reason_")
    }
    assert f"reason_{WarningCode.PARENT_CARER_HOURS}" in reasons
    response = client.post(url, {**data, **reasons})
    assert response.status_code == 302
    meeting = Meeting.objects.get(body=body, title=TITLE)
    assert SchedulingWarning.objects.get(
        meeting=meeting, code=WarningCode.PARENT_CARER_HOURS
    ).reason == ("Parents asked for an evening so working parents can come.")
    assert meeting.papers_due_on() <= timezone.localdate()

    # An agenda item, then a paper on it.
    base = f"/birmingham/meetings/{meeting.pk}/"
    response = client.post(base + "agenda/add/", {"title": "Short breaks", "purpose": "decision"})
    assert response.status_code == 302
    item = meeting.agenda_items.get(title="Short breaks")
    with run_on_commit():
        response = client.post(
            base + f"agenda/{item.pk}/papers/add/",
            {
                "title": "Short breaks review",
                "summary": "What families told us about short breaks.",
                "file": pdf_file("review.pdf", "Short breaks review, first draft"),
            },
        )
    assert response.status_code == 302
    paper = item.papers.get()

    # The worker runs twice: every member gets the papers once, with the calendar invite.
    members = set(
        BodyMembership.objects.filter(body=body, person__is_active=True).values_list(
            "person__email", flat=True
        )
    )
    assert "parent@example.org" in members
    mail.outbox.clear()
    with run_on_commit():
        dispatch_papers.apply()
    with run_on_commit():
        dispatch_papers.apply()
    papers = emails_for(TITLE, "Papers for")
    # Young people get the short, plain version, whose subject asks "can you come?".
    plain = Counter(
        m.to[0] for m in mail.outbox if m.subject.endswith(": can you come?") and TITLE in m.body
    )
    assert set(plain) == {"youngperson@example.org"}
    assert set(papers) | set(plain) == members
    assert len(members) > 2
    assert set((papers + plain).values()) == {1}
    to_parent = next(
        m for m in mail.outbox if m.to == ["parent@example.org"] and TITLE in m.subject
    )
    assert "Short breaks review" in to_parent.body
    assert "What families told us about short breaks." in to_parent.body
    [(filename, invite, _)] = to_parent.attachments
    assert filename == "meeting.ics"
    calendar = Calendar.from_ical(invite)
    event = calendar.walk("VEVENT")[0]
    assert str(event["uid"]) == meeting.ical_uid
    assert TITLE in str(event["summary"])
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/London"
    assert (start.date(), start.hour, start.minute) == (day, 18, 0)
    assert str(calendar["method"]) == "REQUEST"

    # parent@ sees it on the home page and opens the paper.
    client.force_login(parent)
    home = page(client.get("/"))
    assert "Your next meetings" in home
    assert TITLE in home[home.index("Your next meetings") :]
    detail = page(client.get(meeting.get_absolute_url()))
    assert "Short breaks review (version 1, PDF" in detail
    link = re.search(rf'href="({base}papers/\d+/)"', detail).group(1)
    download = client.get(link)
    assert download.status_code == 200
    assert 'filename="short-breaks-review-v1.pdf"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == paper.versions.get().file.open("rb").read()

    # ...and sends apologies with an access need.
    response = client.post(
        base + "reply/",
        {
            "answer": "apologies",
            "needed_features": ["hearing_loop"],
            "access_needs": "Papers in large print, please.",
        },
    )
    assert response.status_code == 302
    assert "Your reply is saved" in page(client.get(response.url))

    # The chair sees the apologies and the need on the replies page.
    client.force_login(chair)
    organise = page(client.get(base + "organise/"))
    replies = organise[organise.index("Replies and access needs") :]
    row = next(r for r in replies.split("</tr>") if parent.display_name in r)
    assert "I can&#x27;t come (apologies)" in row
    assert "Hearing loop" in row
    assert "Papers in large print, please." in row

    # The chair replaces the paper: one "updated papers" email per member, however often
    # the worker runs.
    with run_on_commit():
        response = client.post(
            base + f"papers/{paper.pk}/replace/",
            {"summary": "", "file": pdf_file("review-final.pdf", "Short breaks review, final")},
        )
    assert response.status_code == 302
    mail.outbox.clear()
    with run_on_commit():
        dispatch_papers.apply()
    with run_on_commit():
        dispatch_papers.apply()
    updated = emails_for(TITLE, "Updated papers for")
    assert set(updated) == members
    assert set(updated.values()) == {1}
    assert not emails_for(TITLE, "Papers for")
    body_text = next(
        m for m in mail.outbox if m.to == ["parent@example.org"] and TITLE in m.subject
    ).body
    assert "Short breaks review, version 2 (replaces version 1)" in body_text
