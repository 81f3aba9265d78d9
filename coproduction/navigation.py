"""The service navigation: what a person sees in the menu depends on their roles in the area."""

from django.urls import reverse

# Area pages in menu order: (link text, URL name, permission checked against the area,
# what the page is for: shown on the area's overview page). Pages in SECONDARY_PAGES are
# listed on the overview page but kept out of the menu, which must stay short.
AREA_LINKS = [
    ("Overview", "people:area_home", "people.view_area", ""),
    (
        "Initiatives",
        "initiatives:register",
        "initiatives.view_register",
        "The register of co-production initiatives: search, filter and download it.",
    ),
    (
        "Initiatives summary",
        "initiatives:summary",
        "initiatives.view_summary",
        "How many initiatives there are for each of the 4 Co's and each sector.",
    ),
    (
        "Get involved",
        "initiatives:get_involved",
        "initiatives.get_involved",
        "Groups, surveys, panels and workshops you can join now.",
    ),
    (
        "People",
        "people:member_list",
        "people.manage_people",
        "Invite people to the area and change their roles.",
    ),
    (
        "Governance",
        "forums:governance",
        "forums.view_governance",
        "Boards and work streams, who sits on them and whom they represent.",
    ),
    (
        "Join a work stream",
        "forums:joinable",
        "forums.find_bodies_to_join",
        "Ask to join a board or work stream that is open to parent carers and young people.",
    ),
    (
        "Groups",
        "forums:group_list",
        "forums.view_groups",
        "Parent carer forums, youth forums and other groups, and how to reach them.",
    ),
    (
        "Representation gaps",
        "forums:representation",
        "forums.view_representation",
        "Boards and work streams missing a chair with authority, a service, a commissioner "
        "or families.",
    ),
    (
        "Consultation load",
        "forums:consultation",
        "forums.view_consultation_load",
        "How often each group and person has been asked this term, against the area's limit.",
    ),
    (
        "Agreements",
        "forums:agreement_list",
        "forums.view_agreements",
        "Partnership agreements with the parent carer forum: funding, payments, schedule and "
        "outcomes.",
    ),
    (
        "Area settings",
        "people:area_settings",
        "people.change_area",
        "Term dates and how far ahead meeting papers go out.",
    ),
]


SECONDARY_PAGES = {"initiatives:summary", "forums:representation", "forums:consultation"}


def area_links(person, area) -> list[dict]:
    """The area pages this person may open, in menu order."""
    return [
        {
            "text": text,
            "href": reverse(name, kwargs={"area_slug": area.slug}),
            "description": description,
            "in_menu": name not in SECONDARY_PAGES,
        }
        for text, name, permission, description in AREA_LINKS
        if person.has_perm(permission, area)
    ]


def service_navigation(request, area) -> list[dict]:
    person = request.user
    items = [{"text": "Home", "href": reverse("home")}]
    if person.is_authenticated:
        if area is not None:
            items += [
                {"text": link["text"], "href": link["href"]}
                for link in area_links(person, area)
                if link["in_menu"]
            ]
        items += [
            {"text": "Account", "href": reverse("people:account")},
            {"text": "Sign out", "href": reverse("account_logout")},
        ]
    else:
        items += [
            {"text": "Sign in", "href": reverse("account_login")},
            {"text": "Create an account", "href": reverse("account_signup")},
        ]
    _mark_current(items, request.path)
    return items


def _mark_current(items: list[dict], path: str) -> None:
    """Mark the item whose address is the longest match for the page being shown."""
    matches = [
        item
        for item in items
        if path == item["href"] or (item["href"] != "/" and path.startswith(item["href"]))
    ]
    if matches:
        best = max(matches, key=lambda item: len(item["href"]))
        best["current" if best["href"] == path else "active"] = True
