"""Asking for reports and making them: one job per report in the making, versions kept,
the worker's job idempotent, and the content of each kind."""

import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from coproduction.people.models import Role
from evaluation.figures import Figure, FigureProvider, figures
from evaluation.reports import tasks
from evaluation.reports.content import ReportSections, sections
from evaluation.reports.models import Report, ReportKind, ReportStatus
from evaluation.reports.rendering import pdf_facts
from evaluation.reports.services import report_make, report_request
from tests.forums.factories import BodyFactory
from tests.initiatives.factories import InitiativeFactory
from tests.people.factories import member
from tests.reports.factories import YEAR, ask, published_feedback, ready

pytestmark = pytest.mark.django_db


def pdf_of(report):
    report.refresh_from_db()
    with report.file.open("rb") as handle:
        return pdf_facts(handle.read())


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(p for p in root.rglob("*.pdf")) if root.exists() else []


@pytest.fixture
def extra_providers():
    """Figure providers registered for one test only."""
    added = []

    def add(provider):
        figures.register(provider)
        added.append(provider)
        return provider

    yield add
    for provider in added:
        figures.providers.remove(provider)


def table_provider(slug, title, *, tags=(), rows=(("Informing", 6),), body_level=True):
    return FigureProvider(
        slug=slug,
        title=title,
        tags=tags,
        body_level=body_level,
        build=lambda scope: [
            Figure(
                slug=f"{slug}-table",
                title=f"{title} table",
                headings=("Level", "Services"),
                rows=rows,
            )
        ],
    )


def test_asking_twice_while_it_is_being_made_returns_the_same_job(area):
    board = member(area, Role.BOARD_MEMBER)
    first = ask(area, by=board)
    second, made_new = report_request(
        area=area,
        by=board,
        kind=ReportKind.INSPECTION_PACK,
        period_start=YEAR.starts_on,
        period_end=YEAR.ends_on,
        period_label=YEAR.label,
        queue=False,
    )
    assert (second.pk, made_new) == (first.pk, False)
    assert Report.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_the_same_moment_make_one_job(area):
    board = member(area, Role.BOARD_MEMBER)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def request():
        try:
            barrier.wait()
            results.append(
                report_request(
                    area=area,
                    by=board,
                    kind=ReportKind.SELF_EVALUATION,
                    period_start=YEAR.starts_on,
                    period_end=YEAR.ends_on,
                    period_label=YEAR.label,
                    queue=False,
                )
            )
        except Exception as error:  # pragma: no cover - shown by the assertion
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({report.pk for report, _new in results}) == 1
    assert sorted(new for _report, new in results) == [False, True]
    assert Report.objects.count() == 1


def test_asking_again_once_made_adds_version_2_and_keeps_version_1(area, settings):
    first = ready(area)
    second = ready(area)
    assert (first.version, second.version) == (1, 2)
    assert first.file.name != second.file.name
    assert len(stored_files(settings)) == 2
    first.refresh_from_db()
    assert first.status == ReportStatus.READY
    assert first.file.storage.exists(first.file.name)


def test_making_a_report_twice_stores_one_file(area, settings):
    report = ask(area)
    assert report_make(report_id=report.pk) is not None
    assert report_make(report_id=report.pk) is None
    tasks.make_report.delay(report.pk)
    assert len(stored_files(settings)) == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.READY
    assert report.page_count >= 1
    assert report.byte_size == report.file.size


def test_a_report_that_breaks_is_recorded_as_failed_with_a_message(area):
    def broken(scope):
        raise ValueError("bad figure")

    sections.register(ReportKind.SELF_EVALUATION, ReportSections(slug="broken", build=broken))
    try:
        report = ask(area, kind=ReportKind.SELF_EVALUATION)
        tasks.make_report.delay(report.pk)
    finally:
        sections.unregister(ReportKind.SELF_EVALUATION, "broken")
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert "Ask for it again" in report.failure_message
    assert not report.file


def test_the_pdf_is_tagged_with_language_title_and_headings(area):
    facts = pdf_of(ready(area, kind=ReportKind.INSPECTION_PACK))
    assert facts.marked
    assert facts.has_structure_tree
    assert facts.language == "en-GB"
    assert facts.title == "Inspection evidence pack: Birmingham, 2025 to 2026 school year"
    assert "What this pack is" in facts.headings
    assert "Contents" in facts.headings


@pytest.mark.parametrize(
    ("scope", "field"),
    [
        ("initiative_of_other_area", "scope"),
        ("body_of_other_area", "scope"),
        ("initiative_with_pack", "scope"),
    ],
)
def test_a_scope_that_does_not_fit_is_refused_at_the_field(area, other_area, scope, field):
    kind = ReportKind.YOU_SAID_WE_DID
    if scope == "initiative_of_other_area":
        kwargs = {"initiative": InitiativeFactory(area=other_area)}
    elif scope == "body_of_other_area":
        kwargs = {"body": BodyFactory(area=other_area)}
    else:
        kwargs, kind = {"initiative": InitiativeFactory(area=area)}, ReportKind.INSPECTION_PACK
    with pytest.raises(ValidationError) as error:
        ask(area, kind=kind, **kwargs)
    assert field in error.value.message_dict
    assert not Report.objects.exists()


def test_a_period_ending_before_it_starts_is_refused(area):
    with pytest.raises(ValidationError) as error:
        report_request(
            area=area,
            by=None,
            kind=ReportKind.INSPECTION_PACK,
            period_start=date(2026, 3, 1),
            period_end=date(2026, 2, 1),
            period_label="Spring",
            queue=False,
        )
    assert "period_end" in error.value.message_dict


def test_you_said_we_did_without_feedback_says_so(area):
    facts = pdf_of(ready(area, kind=ReportKind.YOU_SAID_WE_DID))
    assert "No feedback records" in facts.headings


def test_you_said_we_did_shows_every_published_item_under_its_topic(area):
    published_feedback(area, 12)
    facts = pdf_of(ready(area, kind=ReportKind.YOU_SAID_WE_DID))
    assert "Local Offer content and gaps" in facts.headings
    assert "How easy information is to find and understand" in facts.headings
    # One block (a tagged Div) per item, each with what was said and the response.
    assert facts.structure["Div"] == 12
    assert facts.structure["P"] >= 24
    assert "No feedback records" not in facts.headings


def test_the_local_offer_publication_is_a_you_said_we_did_version_of_its_own(area):
    ordinary = ready(area, kind=ReportKind.YOU_SAID_WE_DID)
    local_offer = ready(area, kind=ReportKind.YOU_SAID_WE_DID, local_offer=True)
    assert (ordinary.version, local_offer.version) == (1, 1)
    assert pdf_of(local_offer).title.startswith("Local Offer: you said, we did")


def test_self_evaluation_summary_takes_only_self_evaluation_figures(area, extra_providers):
    extra_providers(table_provider("dial-positions", "Dial positions"))
    extra_providers(table_provider("stakeholders", "Who is involved", tags=("self-evaluation",)))
    extra_providers(table_provider("papers-on-time", "Papers on time"))
    facts = pdf_of(ready(area, kind=ReportKind.SELF_EVALUATION))
    assert "Dial positions" in facts.headings
    assert "Dial positions table" in facts.headings
    assert "Who is involved" in facts.headings
    assert "Papers on time" not in facts.headings


def test_the_inspection_pack_holds_every_registered_figure(area, extra_providers):
    extra_providers(table_provider("dial-positions", "Dial positions"))
    extra_providers(table_provider("papers-on-time", "Papers on time"))
    facts = pdf_of(ready(area, kind=ReportKind.INSPECTION_PACK))
    assert {"Dial positions", "Papers on time", "Papers on time table"} <= set(facts.headings)


def test_a_body_report_leaves_out_area_only_figures(area, extra_providers):
    extra_providers(table_provider("dial-positions", "Dial positions"))
    extra_providers(table_provider("initiatives-by-co", "Initiatives by Co", body_level=False))
    body = BodyFactory(area=area, name="Objective 3: Working Together Well")
    facts = pdf_of(ready(area, kind=ReportKind.INSPECTION_PACK, body=body))
    assert "Dial positions" in facts.headings
    assert "Initiatives by Co" not in facts.headings
    assert "Objective 3: Working Together Well" in facts.title


def test_a_database_that_does_not_answer_is_retried_then_recorded(area):
    from django.db import OperationalError

    from evaluation.reports.services import report_claim, report_requeue

    def flaky(scope):
        raise OperationalError("server closed the connection unexpectedly")

    report = ask(area, kind=ReportKind.SELF_EVALUATION)
    # A retry can claim the report again after a passing failure ...
    assert report_claim(report_id=report.pk) is not None
    report_requeue(report_id=report.pk)
    report.refresh_from_db()
    assert (report.status, report.attempts) == (ReportStatus.QUEUED, 1)
    # ... and after the last retry the report is recorded as failed, with a message.
    sections.register(ReportKind.SELF_EVALUATION, ReportSections(slug="flaky", build=flaky))
    try:
        tasks.make_report.apply(
            args=[report.pk], retries=tasks.make_report.max_retries, throw=False
        )
    finally:
        sections.unregister(ReportKind.SELF_EVALUATION, "flaky")
    report.refresh_from_db()
    assert report.attempts == 2
    assert report.status == ReportStatus.FAILED
    assert report.failure_message == tasks.GAVE_UP


def test_asking_again_for_a_stuck_report_makes_it(area, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    board = member(area, Role.BOARD_MEMBER)
    stuck = ask(area, by=board)
    Report.objects.filter(pk=stuck.pk).update(
        status=ReportStatus.MAKING, started_at=timezone.now() - timedelta(hours=1), attempts=1
    )
    with django_capture_on_commit_callbacks(execute=True):
        again, made_new = report_request(
            area=area,
            by=board,
            kind=ReportKind.INSPECTION_PACK,
            period_start=YEAR.starts_on,
            period_end=YEAR.ends_on,
            period_label=YEAR.label,
        )
    assert (again.pk, made_new) == (stuck.pk, False)
    stuck.refresh_from_db()
    assert stuck.status == ReportStatus.READY
    assert stuck.attempts == 2
