"""The plug-in point: what each app adds to the portal's frame.

The frame (home page, area overview, menu, area settings page, `seed_demo`) knows no feature
app. Each app fills this registry from its `AppConfig.ready()` (usually by importing its own
`frame.py`), so adding an app means its folder, one line in INSTALLED_APPS and one `include()`
in `coproduction/urls.py`. Modelled on adhocracy+'s per-app dashboard registration and Decidim's
component manifests.

What an app can add:
- area pages for the menu and the overview's "What you can do here" list (`AreaPage`);
- sections of the signed-in home page and of an area's overview page (`SectionProvider`);
- sections of the person's account page (`AccountSection`);
- links to settings pages it owns, listed on the area settings page (`AreaSettingsLink`);
- a demo-data loader, with the loaders it must run after (`DemoLoader`);
- what must end when a person's membership of an area ends (`MembershipEndedHook`);
- things a person took part in that they may claim expenses for (`ClaimableActivitySource`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class AreaPage:
    """One page under /<area-slug>/, shown to people who hold `permission` on the area.

    `order` places it in the menu (lower first); `in_menu=False` keeps it off the menu (which
    must stay on one line) but still lists it on the area overview with its `description`.
    """

    text: str
    url_name: str
    permission: str
    description: str = ""
    order: int = 100
    in_menu: bool = True


@dataclass(frozen=True)
class SectionProvider:
    """Builds page sections: `build(person, area)` returns a list of section dicts.

    A section is a dict with a "title", the "template" that shows it, and its rows. `area` is
    None on the home page (every area of the person) and an area on that area's overview.
    Providers leave out sections with nothing to show and bound their rows.
    """

    name: str
    build: Callable[[Any, Any], list[dict]]
    order: int = 100
    on_home: bool = True
    on_area: bool = True


@dataclass(frozen=True)
class AccountSection:
    """Builds sections of the person's own account page: `build(person)` returns a list of
    section dicts, each with a "title", the "template" that shows it, and its rows (as for
    `SectionProvider`). Providers leave out sections with nothing to show, and run a fixed
    number of queries."""

    name: str
    build: Callable[[Any], list[dict]]
    order: int = 100


@dataclass(frozen=True)
class AreaSettingsLink:
    """A settings page an app owns, linked from the area settings page."""

    title: str
    description: str
    url_name: str
    permission: str
    order: int = 100


@dataclass(frozen=True)
class DemoLoader:
    """Loads an app's demo data; safe to run again. Runs after the loaders named in `after`."""

    name: str
    load: Callable[[], Any]
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class MembershipEndedHook:
    """Called as `end(membership)` inside the transaction that ends an area membership, so
    the roles, requests and notifications that depended on it end with it."""

    name: str
    end: Callable[[Any], None]


@dataclass(frozen=True)
class ClaimableActivity:
    """Something a person took part in and may claim expenses for: `key` is unique within its
    source (the registry prefixes it with the source's name), `date` is the day it happened
    (the day whose partnership agreement rates apply)."""

    key: str
    title: str
    date: date


@dataclass(frozen=True)
class ClaimableActivitySource:
    """Where claimable activities come from (meetings attended, accepted opportunities ...).

    `activities(person, area)` lists the person's activities in the area, newest first and
    bounded; `find(person, area, key)` returns one of them by its key, or None when the person
    did not take part in it (so a claim for it is refused).
    """

    name: str
    activities: Callable[[Any, Any], list[ClaimableActivity]]
    find: Callable[[Any, Any, str], ClaimableActivity | None]


@dataclass
class Registry:
    area_pages: list[AreaPage] = field(default_factory=list)
    sections: list[SectionProvider] = field(default_factory=list)
    account_section_providers: list[AccountSection] = field(default_factory=list)
    settings_links: list[AreaSettingsLink] = field(default_factory=list)
    demo_loaders: dict[str, DemoLoader] = field(default_factory=dict)
    membership_ended_hooks: list[MembershipEndedHook] = field(default_factory=list)
    claimable_sources: list[ClaimableActivitySource] = field(default_factory=list)

    # Registering -----------------------------------------------------------------------

    def add_area_page(self, page: AreaPage) -> None:
        if any(existing.url_name == page.url_name for existing in self.area_pages):
            return  # ready() can run twice in tests; the first registration stands
        self.area_pages.append(page)
        self.area_pages.sort(key=lambda p: p.order)

    def add_sections(self, provider: SectionProvider) -> None:
        if any(existing.name == provider.name for existing in self.sections):
            return
        self.sections.append(provider)
        self.sections.sort(key=lambda p: p.order)

    def add_account_section(self, provider: AccountSection) -> None:
        if any(existing.name == provider.name for existing in self.account_section_providers):
            return
        self.account_section_providers.append(provider)
        self.account_section_providers.sort(key=lambda p: p.order)

    def add_settings_link(self, link: AreaSettingsLink) -> None:
        if any(existing.url_name == link.url_name for existing in self.settings_links):
            return
        self.settings_links.append(link)
        self.settings_links.sort(key=lambda link: link.order)

    def add_demo_loader(self, loader: DemoLoader) -> None:
        self.demo_loaders.setdefault(loader.name, loader)

    def add_membership_ended_hook(self, hook: MembershipEndedHook) -> None:
        if any(existing.name == hook.name for existing in self.membership_ended_hooks):
            return
        self.membership_ended_hooks.append(hook)

    def add_claimable_source(self, source: ClaimableActivitySource) -> None:
        if any(existing.name == source.name for existing in self.claimable_sources):
            return
        self.claimable_sources.append(source)

    # Reading ---------------------------------------------------------------------------

    def area_links(self, person, area) -> list[dict]:
        """The area pages this person may open, in menu order, with their addresses."""
        return [
            {
                "text": page.text,
                "href": reverse(page.url_name, kwargs={"area_slug": area.slug}),
                "description": page.description,
                "in_menu": page.in_menu,
            }
            for page in self.area_pages
            if person.has_perm(page.permission, area)
        ]

    def home_sections(self, person) -> list[dict]:
        return [s for p in self.sections if p.on_home for s in p.build(person, None)]

    def area_sections(self, person, area) -> list[dict]:
        return [s for p in self.sections if p.on_area for s in p.build(person, area)]

    def account_sections(self, person) -> list[dict]:
        return [s for p in self.account_section_providers for s in p.build(person)]

    def area_settings_links(self, person, area) -> list[dict]:
        return [
            {
                "title": link.title,
                "description": link.description,
                "href": reverse(link.url_name, kwargs={"area_slug": area.slug}),
            }
            for link in self.settings_links
            if person.has_perm(link.permission, area)
        ]

    def demo_loaders_in_order(self) -> list[DemoLoader]:
        """Every demo loader, each after the loaders it names (a loop is an error)."""
        ordered: list[DemoLoader] = []
        placed: set[str] = set()
        visiting: set[str] = set()

        def place(name: str) -> None:
            if name in placed:
                return
            if name in visiting:
                raise ValueError(f"Demo loaders wait for each other: {name}")
            if name not in self.demo_loaders:
                raise ValueError(f"No demo loader called {name} is registered")
            visiting.add(name)
            loader = self.demo_loaders[name]
            for before in loader.after:
                place(before)
            visiting.discard(name)
            placed.add(name)
            ordered.append(loader)

        for name in self.demo_loaders:
            place(name)
        return ordered

    def claimable_activities(self, person, area) -> list[ClaimableActivity]:
        """Every source's claimable activities of `person` in `area`, newest first; each key
        is "<source name>:<the source's key>"."""
        found = [
            ClaimableActivity(f"{source.name}:{activity.key}", activity.title, activity.date)
            for source in self.claimable_sources
            for activity in source.activities(person, area)
        ]
        return sorted(found, key=lambda activity: (activity.date, activity.key), reverse=True)

    def claimable_activity(self, person, area, key: str) -> ClaimableActivity | None:
        """The activity with the full `key` ("<source>:<key>") if `person` took part in it in
        `area`, else None."""
        name, _, inner = (key or "").partition(":")
        for source in self.claimable_sources:
            if source.name == name and inner:
                activity = source.find(person, area, inner)
                if activity is not None:
                    return ClaimableActivity(
                        f"{name}:{activity.key}", activity.title, activity.date
                    )
        return None

    def membership_ended(self, membership) -> None:
        for hook in self.membership_ended_hooks:
            hook.end(membership)


registry = Registry()
