"""Factories for meetings: venues, meetings, agenda items, papers and their files."""

from datetime import datetime, timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.forums.factories import BodyFactory


def at(year, month, day, hour=10, minute=0):
    """An aware datetime in Europe/London."""
    return timezone.make_aware(datetime(year, month, day, hour, minute))  # noqa: DTZ001


def pdf_bytes(text: str = "Budget paper", javascript: bool = False) -> bytes:
    """A small, real PDF made with pikepdf; with `javascript`, one that runs a script on
    opening."""
    import io

    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Title"] = text
    if javascript:
        action = pdf.make_indirect(
            pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        )
        pdf.Root.OpenAction = action
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdf_upload(name="paper.pdf", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(**kwargs), content_type="application/pdf")


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.Venue"

    area = factory.SubFactory("tests.people.factories.LocalAreaFactory")
    name = factory.Sequence(lambda n: f"Community centre {n}")
    address = "1 High Street"
    features = factory.LazyFunction(lambda: ["step_free", "accessible_toilet"])
    capacity = 40


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.Meeting"

    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=30)).replace(
            hour=11, minute=0, second=0, microsecond=0
        )
    )
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(hours=2))
    mode = "in_person"
    venue = factory.LazyAttribute(lambda m: VenueFactory(area=m.body.area))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.AgendaItem"

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Item {n}")


def paper(item, by=None, title="Budget", summary="How the money is spent.", **kwargs):
    """A paper (version 1) on `item`, added through the service."""
    from forums.meetings.services.papers import paper_add

    return paper_add(
        agenda_item=item, by=by, title=title, summary=summary, upload=pdf_upload(**kwargs)
    )
