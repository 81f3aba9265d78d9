"""`{% initiative_rows initiatives area_slug %}`: the rows of the initiatives table, built in
Python.

A register page shows 25 initiatives; rendered by the template engine each row cost a
`{% url %}`, an `{% include %}` of the status tags and a dozen look-ups, most of the page's
time after its SQL (the speed issue). Each row is now one f-string whose every value goes
through `esc` (Python's `html.escape`, which Django's own `escape` calls), with the same
markup as templates/initiatives/includes/status_tags.html.
"""

from html import escape as esc

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

STATUS_TAGS = {
    "active": ("green", "Active"),
    "planned": ("blue", "Planned"),
    "paused": ("yellow", "Paused"),
}
ENDED_TAG = ("grey", "Ended")
PUBLICATION_TAGS = {"draft": ("purple", "Draft"), "archived": ("orange", "Archived")}
_CODE = "CoComm999999999"  # a placeholder code the address pattern accepts


def status_tags(initiative) -> str:
    """The initiative's status, and its publication when it is not published (safe HTML)."""
    colour, label = STATUS_TAGS.get(initiative.status, ENDED_TAG)
    tags = f'<strong class="govuk-tag govuk-tag--{colour}">{label}</strong>'
    if initiative.publication in PUBLICATION_TAGS:
        colour, label = PUBLICATION_TAGS[initiative.publication]
        tags += f'\n<strong class="govuk-tag govuk-tag--{colour}">{label}</strong>'
    return tags


@register.simple_tag
def initiative_rows(initiatives, area_slug: str) -> SafeString:
    """One table row per initiative (lead organisations prefetched)."""
    before, after = reverse("initiatives:detail", args=[area_slug, _CODE]).split(_CODE)
    rows = []
    for initiative in initiatives:
        organisations = initiative.lead_organisations.all()
        led_by = (
            '<br><span class="govuk-body-s govuk-!-margin-0">Led by '
            f"{esc(', '.join(str(organisation) for organisation in organisations))}</span>"
            if organisations
            else ""
        )
        code = esc(initiative.code)
        rows.append(
            '<tr class="govuk-table__row">\n'
            f'<td class="govuk-table__cell">{code}</td>\n'
            '<td class="govuk-table__cell">\n'
            f'<a class="govuk-link govuk-!-font-weight-bold" href="{esc(before)}{code}'
            f'{esc(after)}">{esc(initiative.title)}</a>\n{led_by}\n</td>\n'
            f'<td class="govuk-table__cell">{esc(initiative.get_main_co_display())}</td>\n'
            f'<td class="govuk-table__cell">{status_tags(initiative)}</td>\n'
            "</tr>\n"
        )
    return mark_safe("".join(rows))  # noqa: S308 (every value escaped above)
