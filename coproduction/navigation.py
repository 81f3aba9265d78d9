"""The service navigation: what a person sees in the menu depends on their roles in the area."""

from django.urls import reverse

from coproduction.registry import registry


def area_links(person, area) -> list[dict]:
    """The area pages this person may open, in menu order (each app registers its own)."""
    return registry.area_links(person, area)


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
