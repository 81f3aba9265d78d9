"""The feedback pages as people use them: publication visibility, families' own items,
officers answering, anonymising and publishing, importing a spreadsheet, double clicks."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coproduction.people.models import Role
from evaluation.feedback import services
from evaluation.feedback.models import FeedbackItem, Visibility
from tests.feedback.factories import FeedbackItemFactory, answered, published
from tests.forums.factories import BodyFactory
from tests.initiatives.factories import InitiativeFactory
from tests.initiatives.spreadsheet_files import ods_bytes, xlsx_bytes
from tests.people.factories import member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def make_public(area):
    services.feedback_settings_update(area=area, visibility=Visibility.PUBLIC)


# Publication -----------------------------------------------------------------------------


def test_members_only_pages_send_anonymous_visitors_to_sign_in(client, area):
    published(FeedbackItemFactory(area=area))
    response = client.get("/birmingham/you-said-we-did/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_members_only_pages_are_not_there_for_another_areas_member(client, area, other_area):
    client.force_login(member(other_area, Role.OFFICER))
    assert client.get("/birmingham/you-said-we-did/").status_code == 404
    assert client.get(f"/birmingham/you-said-we-did/local-offer/{TODAY.year}/").status_code == 404


def test_members_see_the_published_items(client, area):
    published(FeedbackItemFactory(area=area), text="The short breaks list is out of date.")
    FeedbackItemFactory(area=area, text="Not published yet.")
    client.force_login(member(area, Role.PARENT_CARER))
    text = page_text(client.get("/birmingham/you-said-we-did/"))
    assert "The short breaks list is out of date." in text
    assert "Not published yet." not in text


def test_the_public_page_needs_no_sign_in_and_shows_only_published_anonymised_text(client, area):
    make_public(area)
    parent = member(area, Role.PARENT_CARER, display_name="Priya Shah")
    published(
        FeedbackItemFactory(area=area, said_by=parent, text="Priya Shah: call 07700 900123."),
        text="[name removed]: call [phone number removed].",
    )
    FeedbackItemFactory(area=area, text="Waiting for a response, not published.")
    response = client.get("/birmingham/you-said-we-did/")
    assert response.status_code == 200
    text = page_text(response)
    assert "[name removed]: call [phone number removed]." in text
    assert "Priya" not in text
    assert "07700" not in text
    assert "not published" not in text


def test_the_page_filters_by_topic_and_period(client, area):
    make_public(area)
    published(
        FeedbackItemFactory(area=area, topic="accessibility", text="Hard to read on a phone.")
    )
    published(FeedbackItemFactory(area=area, topic="other", text="Parking at the centre."))
    old = published(FeedbackItemFactory(area=area, topic="accessibility", text="Old comment."))
    FeedbackItem.objects.filter(pk=old.pk).update(
        said_on=TODAY - timedelta(days=800), due_on=TODAY - timedelta(days=700)
    )
    text = page_text(client.get("/birmingham/you-said-we-did/?topic=accessibility"))
    assert "Hard to read on a phone." in text
    assert "Old comment." in text
    assert "Parking" not in text
    from evaluation.figures import academic_year

    period = academic_year(TODAY).slug
    text = page_text(
        client.get(f"/birmingham/you-said-we-did/?topic=accessibility&period={period}")
    )
    assert "Hard to read on a phone." in text
    assert "Old comment." not in text
    assert (
        client.get("/birmingham/you-said-we-did/?topic=nonsense&period=x&page=zz").status_code
        == 200
    )


def test_body_and_initiative_pages_show_their_own_items(client, area, other_area):
    make_public(area)
    body = BodyFactory(area=area, name="Short breaks work stream")
    initiative = InitiativeFactory(area=area)
    published(FeedbackItemFactory(area=area, body=body, text="About the work stream."))
    published(FeedbackItemFactory(area=area, initiative=initiative, text="About the initiative."))
    text = page_text(client.get(f"/birmingham/you-said-we-did/bodies/{body.pk}/"))
    assert "About the work stream." in text
    assert "About the initiative." not in text
    text = page_text(client.get(f"/birmingham/you-said-we-did/initiatives/{initiative.code}/"))
    assert "About the initiative." in text
    assert "About the work stream." not in text
    other_body = BodyFactory(area=other_area)
    assert client.get(f"/birmingham/you-said-we-did/bodies/{other_body.pk}/").status_code == 404


def test_the_yearly_local_offer_publication_groups_comments_by_topic(client, area):
    make_public(area)
    published(
        FeedbackItemFactory(
            area=area, topic="local_offer_content", text="No autism support listed."
        )
    )
    published(FeedbackItemFactory(area=area, topic="development", text="Ask families earlier."))
    response = client.get(f"/birmingham/you-said-we-did/local-offer/{TODAY.year}/")
    text = page_text(response)
    assert "No autism support listed." in text
    assert "Ask families earlier." in text
    assert "regulation 56" in text
    assert client.get("/birmingham/you-said-we-did/local-offer/1999/").status_code == 404


# Families --------------------------------------------------------------------------------


def test_a_parent_sends_feedback_and_sees_it_with_its_response(client, area, run_on_commit):
    parent = member(area, Role.PARENT_CARER)
    client.force_login(parent)
    response = client.post(
        "/birmingham/feedback/send/",
        {"text": "The Local Offer has no page on short breaks.", "topic": "local_offer_content"},
    )
    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    assert item.said_by == parent
    answered(item, text="We wrote a short breaks page.")
    text = page_text(client.get("/birmingham/feedback/yours/"))
    assert "The Local Offer has no page on short breaks." in text
    assert "We wrote a short breaks page." in text


def test_a_person_never_sees_someone_elses_unpublished_items(client, area):
    parent = member(area, Role.PARENT_CARER)
    someone_else = member(area, Role.PARENT_CARER)
    FeedbackItemFactory(area=area, said_by=someone_else, text="Someone else's worry.")
    FeedbackItemFactory(area=area, said_by=parent, text="My own worry.")
    client.force_login(parent)
    text = page_text(client.get("/birmingham/feedback/yours/"))
    assert "My own worry." in text
    assert "Someone else's worry." not in text
    assert "Someone else's worry." not in page_text(client.get("/birmingham/you-said-we-did/"))


def test_the_young_persons_form_uses_short_plain_words(client, area):
    client.force_login(member(area, Role.YOUNG_PERSON))
    text = page_text(client.get("/birmingham/feedback/send/"))
    assert "Tell us what you think" in text
    assert "A service you use" in text
    response = client.post("/birmingham/feedback/send/", {"text": "", "topic": ""})
    assert "Write what you want to tell us." in page_text(response)


def test_a_form_with_errors_keeps_what_was_typed(client, area):
    client.force_login(member(area, Role.PARENT_CARER))
    response = client.post(
        "/birmingham/feedback/send/", {"text": "Long waits for CAMHS.", "topic": "service"}
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "Enter the name of the service." in text
    assert "Long waits for CAMHS." in text
    assert not FeedbackItem.objects.exists()


def test_two_clicks_on_send_make_one_item(client, area):
    client.force_login(member(area, Role.PARENT_CARER))
    token = client.get("/birmingham/feedback/send/").context["form"].form_token
    data = {"text": "Once only.", "topic": "other", "form_token": token}
    first, second = (
        client.post("/birmingham/feedback/send/", data),
        client.post("/birmingham/feedback/send/", data),
    )
    assert first.status_code == 302
    assert second.status_code in (200, 302, 409)
    assert FeedbackItem.objects.count() == 1


def test_two_clicks_on_record_make_one_item(client, area):
    client.force_login(member(area, Role.OFFICER))
    token = client.get("/birmingham/feedback/add/").context["form"].form_token
    data = {
        "text": "From the autumn survey.",
        "said_on_0": str(TODAY.day),
        "said_on_1": str(TODAY.month),
        "said_on_2": str(TODAY.year),
        "source": "survey",
        "topic": "accessibility",
        "form_token": token,
    }
    first, _second = (
        client.post("/birmingham/feedback/add/", data),
        client.post("/birmingham/feedback/add/", data),
    )
    assert first.status_code == 302
    assert FeedbackItem.objects.count() == 1


# Officers --------------------------------------------------------------------------------


def test_a_response_on_an_item_of_another_area_is_a_404(client, area, other_area):
    theirs = FeedbackItemFactory(area=other_area)
    client.force_login(member(area, Role.OFFICER))
    for path in ["", "respond/", "anonymise/", "leave-out/"]:
        assert client.get(f"/birmingham/feedback/{theirs.pk}/{path}").status_code == 404, path
    assert client.post(f"/birmingham/feedback/{theirs.pk}/publish/").status_code == 404


def test_a_due_date_before_the_item_is_refused_at_the_field(client, area):
    officer = member(area, Role.OFFICER)
    item = FeedbackItemFactory(area=area)
    client.force_login(officer)
    before = item.said_on - timedelta(days=1)
    response = client.post(
        f"/birmingham/feedback/{item.pk}/respond/",
        {
            "kind": "did",
            "text": "We did it.",
            "owner": officer.pk,
            "due_on_0": before.day,
            "due_on_1": before.month,
            "due_on_2": before.year,
        },
    )
    assert response.status_code == 200
    assert "The due date must be on or after the day it was said" in page_text(response)
    assert "We did it." in page_text(response)


def test_publishing_without_the_anonymising_step_says_what_to_do(client, area):
    item = answered(FeedbackItemFactory(area=area))
    client.force_login(member(area, Role.OFFICER))
    response = client.post(f"/birmingham/feedback/{item.pk}/publish/", follow=True)
    assert "Run the anonymising step and confirm the text before publishing." in page_text(response)
    item.refresh_from_db()
    assert item.published_at is None


def test_an_officer_answers_anonymises_and_publishes(client, area):
    officer = member(area, Role.OFFICER, display_name="Helen Ward")
    parent = member(area, Role.PARENT_CARER, display_name="Priya Shah")
    item = FeedbackItemFactory(
        area=area, said_by=parent, text="Priya Shah here, email priya@example.org"
    )
    client.force_login(officer)
    client.post(
        f"/birmingham/feedback/{item.pk}/respond/",
        {
            "kind": "doing",
            "text": "We are rewriting the page.",
            "owner": officer.pk,
            "due_on_0": item.due_on.day,
            "due_on_1": item.due_on.month,
            "due_on_2": item.due_on.year,
        },
    )
    form = client.get(f"/birmingham/feedback/{item.pk}/anonymise/").context["form"]
    assert form.initial["text"] == "[name removed] here, email [email address removed]"
    client.post(
        f"/birmingham/feedback/{item.pk}/anonymise/",
        {"text": "A parent here.", "suggested": form.initial["suggested"]},
    )
    client.post(f"/birmingham/feedback/{item.pk}/publish/")
    item.refresh_from_db()
    assert item.is_published
    assert item.confirmed_text == "A parent here."
    text = page_text(client.get("/birmingham/you-said-we-did/"))
    assert "A parent here." in text
    assert "We are rewriting the page." in text
    history = page_text(client.get(f"/birmingham/feedback/{item.pk}/"))
    assert "Published" in history
    assert "Anonymised text confirmed" in history


def test_leaving_out_a_duplicate_from_the_page(client, area):
    first = FeedbackItemFactory(area=area)
    second = FeedbackItemFactory(area=area)
    client.force_login(member(area, Role.OFFICER))
    response = client.post(f"/birmingham/feedback/{second.pk}/leave-out/", {"reason": "duplicate"})
    assert "Choose the item it repeats." in page_text(response)
    response = client.post(
        f"/birmingham/feedback/{second.pk}/leave-out/",
        {"reason": "duplicate", "duplicate_of": "999999"},
    )
    assert "There is no other item with that number in this area." in page_text(response)
    client.post(
        f"/birmingham/feedback/{second.pk}/leave-out/",
        {"reason": "duplicate", "duplicate_of": first.pk},
    )
    second.refresh_from_db()
    assert second.duplicate_of == first


def test_overdue_responses_are_on_the_owners_home_page(client, area):
    owner = member(area, Role.OFFICER)
    FeedbackItemFactory(
        area=area,
        owner=owner,
        text="Still waiting about transport.",
        said_on=TODAY - timedelta(weeks=10),
        due_on=TODAY - timedelta(weeks=2),
    )
    client.force_login(owner)
    text = page_text(client.get("/"))
    assert "Feedback overdue for your response" in text
    assert "Still waiting about transport." in text


# Importing -------------------------------------------------------------------------------

HEADINGS = ["text", "said_on", "topic", "service_name", "source"]


def upload(client, name, data):
    return client.post("/birmingham/feedback/import/", {"file": SimpleUploadedFile(name, data)})


def test_import_a_bad_file_shows_every_problem_and_saves_nothing(client, area):
    client.force_login(member(area, Role.OFFICER))
    csv = "text,said_on,topic\n,2026-10-01,content\nHard to find,31/02/2026,weather\n"
    response = upload(client, "feedback.csv", csv.encode())
    assert response.status_code == 302
    text = page_text(client.get("/birmingham/feedback/import/check/"))
    assert "There are problems with your file" in text
    assert "Enter what was said." in text
    assert "is not a date we can read" in text
    assert "“weather” is not a topic we know" in text
    assert client.post("/birmingham/feedback/import/check/").status_code == 200
    assert not FeedbackItem.objects.exists()


def test_import_a_workbook_checks_then_imports_once(client, area):
    client.force_login(member(area, Role.OFFICER))
    rows = [
        HEADINGS,
        ["Local Offer is hard to search", "2026-10-01", "accessibility", "", "survey"],
    ]
    rows.append(
        [
            "Speech therapy waits",
            "02/10/2026",
            "named service",
            "Speech and language therapy",
            "group",
        ]
    )
    upload(client, "feedback.xlsx", xlsx_bytes(rows))
    text = page_text(client.get("/birmingham/feedback/import/check/"))
    assert "Check the feedback before you import it" in text
    assert "Speech therapy waits" in text
    first = client.post("/birmingham/feedback/import/check/")
    second = client.post("/birmingham/feedback/import/check/")
    assert first.status_code == second.status_code == 302
    assert FeedbackItem.objects.count() == 2
    item = FeedbackItem.objects.get(topic="service")
    assert item.service_name == "Speech and language therapy"
    assert item.due_on == item.said_on + timedelta(weeks=8)


def test_import_an_opendocument_spreadsheet(client, area):
    client.force_login(member(area, Role.OFFICER))
    upload(
        client,
        "feedback.ods",
        ods_bytes([HEADINGS, ["Transport forms are long", "2026-10-03", "other", "", ""]]),
    )
    client.post("/birmingham/feedback/import/check/")
    assert FeedbackItem.objects.get().text == "Transport forms are long"


def test_an_unreadable_upload_is_refused_at_the_field(client, area):
    client.force_login(member(area, Role.OFFICER))
    response = upload(client, "feedback.pdf", b"%PDF-1.4")
    assert response.status_code == 200
    assert "The selected file must be a CSV file" in page_text(response)
