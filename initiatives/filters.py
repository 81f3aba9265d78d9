"""The register's search and filters, read from the address with django-filter.

The names in the address (`q`, `co`, `sector`, `status`, `level`, `organisation`, `option`,
`publication`) are the register's public interface: bookmarked and shared links use them, so
they do not change. A part of the address that is not valid is ignored (never an error page),
except a search that is too long, which the page says at the search field.

The FilterSet owns the address: its names, choices and validation. The query itself (search
ranking, who sees drafts, prefetching) stays in `selectors.register_initiatives`, whose query
count is pinned in tests; the FilterSet hands it what was asked for.
"""

import django_filters
from django import forms

from coproduction.people.models import Organisation, Sector
from initiatives import selectors
from initiatives.forms import LEVEL_CHOICES
from initiatives.models import (
    Co,
    Initiative,
    InitiativeStatus,
    Option,
    Publication,
)

MAX_SEARCH_LENGTH = 200


def _checkboxes(label: str, choices, **kwargs) -> django_filters.MultipleChoiceFilter:
    return django_filters.MultipleChoiceFilter(
        label=label, choices=choices, widget=forms.CheckboxSelectMultiple, **kwargs
    )


class RegisterFilterSet(django_filters.FilterSet):
    """The register's filters for one area and one person.

    `organisations` and `options` are the area's (read once by the caller, so the page's
    query count stays fixed); `show_publication` is whether the person may see drafts and
    archived initiatives (the publication filter is only offered to them).
    """

    q = django_filters.CharFilter(
        label="Search",
        max_length=MAX_SEARCH_LENGTH,
        error_messages={
            "max_length": f"Enter a search of {MAX_SEARCH_LENGTH} characters or fewer. "
            "We have shown the register without it."
        },
    )
    co = _checkboxes("Main Co", Co.choices)
    sector = _checkboxes("Sector", Sector.choices)
    status = _checkboxes("Status", InitiativeStatus.choices)
    level = _checkboxes("Level", [(choice.value, choice.label) for choice in LEVEL_CHOICES])
    organisation = django_filters.ChoiceFilter(
        label="Lead organisation", empty_label="Any organisation", null_label=None
    )
    option = django_filters.ChoiceFilter(label="Option", empty_label="Any option", null_label=None)
    publication = _checkboxes(
        "Who can see it",
        Publication.choices,
        help_text="Drafts and archived initiatives are only shown to officers.",
    )

    class Meta:
        model = Initiative
        fields = ["q", "co", "sector", "status", "level", "organisation", "option", "publication"]

    def __init__(
        self,
        data,
        *,
        area,
        organisations: list[Organisation],
        options: list[Option],
        show_publication: bool,
    ):
        super().__init__(data=data, queryset=Initiative.objects.filter(area=area))
        self.area = area
        self.show_publication = show_publication
        self.organisations_by_pk = {str(org.pk): org for org in organisations}
        self.filters["organisation"].extra["choices"] = [
            (str(org.pk), org.name) for org in organisations
        ]
        self.options_by_pk = {str(option.pk): option for option in options}
        groups: dict[str, list] = {}
        for option in options:
            groups.setdefault(f"{option.theme_number}. {option.theme}", []).append(
                (str(option.pk), f"{option.reference} {option.text}")
            )
        self.filters["option"].extra["choices"] = list(groups.items())
        if not options:
            del self.filters["option"]
        if not show_publication:
            del self.filters["publication"]

    def _cleaned(self, name: str, default):
        """A filter's value, or `default` when it is missing or not valid."""
        if not hasattr(self.form, "cleaned_data"):
            self.form.is_valid()
            # Other invalid parts of the address (an old link, a removed organisation) are
            # ignored without a word; only a search that is too long is said at its field.
            for other in [name for name in self.form.errors if name != "q"]:
                del self.form.errors[other]
        return self.form.cleaned_data.get(name) or default

    def register_filters(self) -> selectors.RegisterFilters:
        """What the address asks for, as the selector takes it (invalid parts left out)."""
        return selectors.RegisterFilters(
            query=self._cleaned("q", ""),
            cos=self._cleaned("co", []),
            sectors=self._cleaned("sector", []),
            statuses=self._cleaned("status", []),
            levels=self._cleaned("level", []),
            organisation=self.organisations_by_pk.get(self._cleaned("organisation", "")),
            option=self.options_by_pk.get(self._cleaned("option", "")),
            publications=self._cleaned("publication", []) if self.show_publication else [],
        )

    @property
    def qs(self):
        """The register as asked for: filtered, searched and ordered by the selector."""
        if not hasattr(self, "_qs"):
            self._qs = selectors.register_initiatives(
                area=self.area,
                include_unpublished=self.show_publication,
                filters=self.register_filters(),
            )
        return self._qs
