"""Demo initiatives, options and opportunities (used by `manage.py seed_demo`).

Birmingham's ten themes of options and its 48 initiatives come from its 2022 mapping report
(initiatives/data/*.csv) and are loaded through the same importer officers use, with each
initiative linked to the options that cite it. Leeds and West Sussex get a handful of
initiatives written for the demo. Opportunities to get involved are opened on several
Birmingham initiatives. Everything goes through the services, so history is recorded.

Each part runs only when its rows are not there yet, so a second run changes nothing.
"""

import csv
import io
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from coproduction.people.models import LocalArea, Person
from initiatives import services
from initiatives.csv_format import COLUMN_NAMES
from initiatives.models import Audience, Initiative, Opportunity, Option

DATA = Path(__file__).resolve().parent / "data"

# A few summaries in our own words, so search has more than titles to work with.
BIRMINGHAM_SUMMARIES = {
    "CoComm1": "Parent carers and young people help plan how young people with SEND move "
    "into adult life: education, work, housing, health and friendships.",
    "CoDesign5": "A youth forum where autistic young people and young people with "
    "communication needs shape the services they use.",
    "CoDesign13": "A short document a child or young person brings to hospital so staff know "
    "how they communicate, what helps and what upsets them, without retelling the story.",
    "CoDesign16": "Young people are paid apprentices who bring their views into service "
    "transformation and improvement work.",
    "CoDesign17": "Parent carers and young people help design and test the Local Offer "
    "website so families can find SEND services and support.",
    "CoDel11": "Young people with SEND learn on the job with an employer, with a job coach, "
    "as a route into paid work.",
    "CoAssess1": "Surveys of parent carers about EHC plans and SEND support, used to review "
    "services.",
}

LEEDS = [
    {
        "title": "SEND strategy co-produced with Epic Leeds",
        "summary": "The area's SEND strategy drawn up with Epic Leeds, schools, health and "
        "social care, with an action plan reviewed by a steering group.",
        "main_co": "Co-commissioning",
        "cos": "Co-commissioning; Co-design; Co-assessment",
        "sectors": "Education; Health; Social care; Parent carers",
        "level": "Strategic",
        "status": "Active",
        "start_date": "2024-09-01",
        "lead_organisations": "Leeds City Council Social Care and Complex Needs; Epic Leeds",
        "engagement_aimed": "Co-production",
        "engagement_reached": "Co-design",
        "publication": "Published",
    },
    {
        "title": "Local Offer working group",
        "summary": "Parent carers and practitioners improve the Local Offer website and its "
        "other formats, and use families' feedback to develop it.",
        "main_co": "Co-design",
        "sectors": "Education; Parent carers",
        "level": "Service",
        "status": "Active",
        "lead_organisations": "Leeds City Council Children's Services; Epic Leeds",
        "funding_source": "Council SEND budget",
        "funding_amount": "15000",
        "funding_kind": "Recurring",
        "engagement_aimed": "Co-design",
        "publication": "Published",
    },
    {
        "title": "EHC plan work stream",
        "summary": "A multi-agency work stream with parent carer representatives reforming "
        "how education, health and care plans are assessed and written.",
        "main_co": "Co-design",
        "sectors": "Education; Health; Social care; Parent carers",
        "level": "Service",
        "status": "Planned",
        "lead_organisations": "Leeds City Council Children's Services; NHS Leeds; Epic Leeds",
        "publication": "Published",
    },
    {
        "title": "Peer support for carers of disabled children",
        "main_co": "Co-delivery",
        "sectors": "Voluntary and community; Parent carers",
        "level": "Individual",
        "status": "Active",
        "lead_organisations": "Carers Leeds",
        "publication": "Published",
    },
]

WEST_SUSSEX = [
    {
        "title": "Partnership agreement with the parent carer forum",
        "summary": "The agreement between the council, health and the West Sussex Parent "
        "Carer Forum: roles, the yearly schedule of meetings and projects, and the funding "
        "for the forum's core costs.",
        "main_co": "Co-commissioning",
        "sectors": "Education; Health; Social care; Parent carers",
        "level": "Strategic",
        "status": "Active",
        "lead_organisations": "West Sussex County Council; West Sussex Parent Carer Forum",
        "funding_source": "Council and NHS Sussex",
        "funding_kind": "Time-limited",
        "funding_ends_on": "2027-03-31",
        "engagement_aimed": "Co-production",
        "publication": "Published",
    },
    {
        "title": "Co-production framework and self-evaluation",
        "main_co": "Co-assessment",
        "cos": "Co-assessment; Co-design",
        "sectors": "Education; Parent carers; Young people",
        "level": "Strategic",
        "status": "Active",
        "lead_organisations": "West Sussex County Council; West Sussex Parent Carer Forum",
        "publication": "Published",
    },
    {
        "title": "Youth cabinet review of short breaks",
        "main_co": "Co-assessment",
        "sectors": "Social care; Young people",
        "level": "Service",
        "status": "Planned",
        "lead_organisations": "West Sussex Youth Cabinet; West Sussex County Council Social Care",
        "publication": "Published",
    },
]

OUTCOMES = {
    "CoDesign17": [
        {
            "description": "Families find the SEND services and support they need on the "
            "Local Offer website without having to ask.",
            "indicators": "Visits to the site; families' ratings of how easy it is to find "
            "things; feedback sent through the site.",
            "timescale": "Redesigned pages live by September 2027",
            "responsible": "Local Offer team with Birmingham Parent Carer Forum",
        },
        {
            "description": "Information is easy to read for young people and for families "
            "whose first language is not English.",
            "indicators": "Pages checked by young people; number of pages in easy read and "
            "in community languages.",
            "timescale": "By March 2028",
            "responsible": "Communications and engagement lead (SEND)",
        },
    ],
    "CoDesign13": [
        {
            "description": "Children and young people do not have to retell their story each "
            "time they come to hospital.",
            "indicators": "Share of admissions where a passport is used; young people's and "
            "parents' feedback.",
            "timescale": "Ongoing",
            "responsible": "Lead nurse for vulnerabilities",
        }
    ],
}

# (code, title, kind, audience, description, time asked, support, reward, days open, places)
OPPORTUNITIES = [
    (
        "CoDesign17",
        "Test the new Local Offer website",
        Opportunity.Kind.WORKSHOP,
        Audience.PARENT_CARERS,
        "Try out the new pages with the web team and tell them what is hard to find or "
        "hard to understand. No computer skills needed.",
        "One 2-hour workshop on a weekday morning, in term time",
        ["expenses", "childcare", "online"],
        "£20 shopping voucher",
        28,
        8,
    ),
    (
        "CoComm1",
        "Join the Preparing for Adulthood work stream",
        Opportunity.Kind.WORK_STREAM,
        Audience.PARENT_CARERS,
        "Sit on the work stream that plans how young people move into adult services. You "
        "would bring your family's experience and views from the parent carer forum.",
        "A 2-hour meeting every 6 weeks for a year, plus reading papers",
        ["expenses", "childcare", "training", "accessible_papers"],
        "Paid for your time at the forum's rate",
        42,
        2,
    ),
    (
        "CoDesign5",
        "Help plan the youth forum's year",
        Opportunity.Kind.WORKSHOP,
        Audience.YOUNG_PEOPLE,
        "Choose what the RISE youth forum works on next year, with food and games.",
        "One Saturday afternoon",
        ["expenses", "online"],
        "Lunch and a certificate",
        21,
        None,
    ),
    (
        "CoDesign13",
        "Tell us what you think of the new hospital passport",
        Opportunity.Kind.SURVEY,
        Audience.ANYONE,
        "A short survey about the draft hospital passport: is it clear, and does it say "
        "what staff need to know?",
        "About 10 minutes, online or on paper",
        ["online", "accessible_papers"],
        "",
        35,
        None,
    ),
    (
        "CoDesign16",
        "Sit on the interview panel for new apprentices",
        Opportunity.Kind.INTERVIEW_PANEL,
        Audience.YOUNG_PEOPLE,
        "Help choose the next transformation and improvement apprentices. We give you "
        "training on interviewing first.",
        "Half a day of training and one day of interviews",
        ["expenses", "training"],
        "£50 voucher",
        30,
        1,
    ),
    (
        "CoAssess1",
        "Parent survey on EHC plan reviews",
        Opportunity.Kind.SURVEY,
        Audience.PARENT_CARERS,
        "Tell us how your child's last annual review went.",
        "About 15 minutes",
        ["online"],
        "",
        14,
        None,
    ),
    (
        "CoDel11",
        "Tell us what made your supported internship work",
        Opportunity.Kind.WORKSHOP,
        Audience.YOUNG_PEOPLE,
        "Meet other interns and the team that runs supported internships, and say what "
        "helped and what should change.",
        "One 90-minute session after college",
        ["expenses", "interpreter"],
        "£15 voucher",
        14,
        12,
    ),
]


def _csv_text(rows: list[dict]) -> str:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=COLUMN_NAMES)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return output.getvalue()


def _birmingham_rows(options: list[Option]) -> list[dict]:
    """Birmingham's initiatives file as import rows, each with the options that cite it."""
    with (DATA / "birmingham_options.csv").open(newline="", encoding="utf-8") as file:
        examples = [row["example_initiatives"] for row in csv.DictReader(file)]
    cited: dict[str, list[str]] = {}
    for option, codes in zip(options, examples, strict=True):
        for code in filter(None, (c.strip() for c in codes.split(";"))):
            cited.setdefault(code, []).append(option.reference)
    rows = []
    with (DATA / "birmingham_initiatives.csv").open(newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            rows.append(
                {
                    "code": row["code"],
                    "title": row["title"],
                    "summary": BIRMINGHAM_SUMMARIES.get(row["code"], ""),
                    "main_co": row["primary_co"],
                    "lead_organisations": row["lead_organisations"],
                    "options": "; ".join(cited.get(row["code"], [])),
                }
            )
    return rows


def _seed_birmingham(area: LocalArea, officer: Person) -> None:
    with (DATA / "birmingham_options.csv").open(newline="", encoding="utf-8") as file:
        options = services.options_load(area=area, rows=csv.DictReader(file))
    if Initiative.objects.filter(area=area).exists():
        return
    services.initiatives_import(
        area=area, by=officer, csv_text=_csv_text(_birmingham_rows(options)), publish=True
    )
    for code, outcomes in OUTCOMES.items():
        initiative = Initiative.objects.get(area=area, code=code)
        for outcome in outcomes:
            services.outcome_add(initiative=initiative, by=officer, **outcome)
    for code, person in [("CoDesign17", officer), ("CoDesign13", officer)]:
        services.contact_add(
            initiative=Initiative.objects.get(area=area, code=code),
            by=officer,
            person=person,
            role="Co-production lead",
        )
    services.contact_add(
        initiative=Initiative.objects.get(area=area, code="CoDesign17"),
        by=officer,
        name="Local Offer team",
        role="Birmingham City Council",
        email="localoffer@example.org",
    )


# Hours in all (reading and travel included) of each demo opportunity, for consultation load.
OPPORTUNITY_HOURS = {
    "CoDesign17": Decimal("3"),
    "CoComm1": Decimal("24"),
    "CoDesign5": Decimal("6"),
    "CoDesign13": Decimal("0.2"),
    "CoDesign16": Decimal("3"),
    "CoAssess1": Decimal("0.3"),
    "CoDel11": Decimal("2"),
}


def _seed_opportunities(area: LocalArea, officer: Person) -> None:
    if Opportunity.objects.filter(area=area).exists():
        return
    today = timezone.localdate()
    opened = {}
    for (
        code,
        title,
        kind,
        audience,
        description,
        time,
        support,
        reward,
        days,
        places,
    ) in OPPORTUNITIES:
        opened[code] = services.opportunity_open(
            initiative=Initiative.objects.get(area=area, code=code),
            by=officer,
            details=services.OpportunityDetails(
                title=title,
                kind=kind,
                description=description,
                audience=audience,
                time_asked=time,
                hours_asked=OPPORTUNITY_HOURS[code],
                support_offered=support,
                reward=reward,
                closes_on=today + timedelta(days=days),
                places=places,
            ),
        )
    young_person = Person.objects.get(email="youngperson@example.org")
    # The apprentices' interview panel has one place, and it is taken: full.
    interest = services.interest_express(
        opportunity=opened["CoDesign16"],
        person=young_person,
        message="I did work experience at the council last summer.",
    )
    services.interest_accept(
        interest=interest,
        by=officer,
        message="Thank you, you have the place. We will send the training dates this week.",
    )
    # Interest waiting for the officer's answer.
    services.interest_express(opportunity=opened["CoDesign13"], person=young_person)
    # The parent survey was closed early by the officer.
    services.opportunity_close(opportunity=opened["CoAssess1"], by=officer)


def _seed_other_area(area: LocalArea, rows: list[dict], by: Person | None) -> None:
    if Initiative.objects.filter(area=area).exists():
        return
    services.initiatives_import(area=area, by=by, csv_text=_csv_text(rows), publish=True)


@transaction.atomic
def seed() -> None:
    officer = Person.objects.get(email="officer@example.org")
    birmingham = LocalArea.objects.get(slug="birmingham")
    _seed_birmingham(birmingham, officer)
    _seed_opportunities(birmingham, officer)
    _seed_other_area(LocalArea.objects.get(slug="leeds"), LEEDS, officer)
    _seed_other_area(LocalArea.objects.get(slug="west-sussex"), WEST_SUSSEX, None)
