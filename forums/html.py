"""Rows of the long GOV.UK lists and tables of the forums pages, built in Python.

The governance tree and the representation table repeat one small piece of markup per body
(200 to 1,000 times). Rendered by the template engine, each repetition costs a `{% url %}`,
several `{% if %}` and a dozen variable look-ups, and that was most of those pages' time (the
speed issue). Here each row is one f-string whose every value goes through `esc` (Python's
`html.escape`, which Django's own `escape` calls), and the page's template inserts the joined
rows once.
"""

from html import escape as esc

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

_PK = 2_147_483_647  # a placeholder primary key, replaced in the reversed address


def body_url_maker(area_slug: str):
    """A function from a body's primary key to its page's address (one `reverse` in all)."""
    pattern = reverse("forums:body_detail", args=[area_slug, _PK])
    before, after = pattern.split(str(_PK))
    return lambda pk: f"{before}{pk}{after}"


MISSING = "<strong>Missing</strong>"


def _yes(present: bool) -> str:
    return "Yes" if present else MISSING


def representation_rows(rows, area_slug: str) -> SafeString:
    """The table rows of `forums/representation.html`: one per body with gaps."""
    url = body_url_maker(area_slug)
    html = []
    for row in rows:
        check = row.representation
        if check.missing_sectors:
            sectors = f"<strong>{esc(', '.join(check.missing_sectors))}</strong>"
        else:
            sectors = "None"
        young = _yes(check.has_young_people) if check.needs_young_people else "Not needed"
        if check.enough_families:
            families = f"{check.family_share:d}%"
        else:
            families = (
                f"<strong>{check.family_share:d}%</strong>"
                '<span class="govuk-visually-hidden"> (too few)</span>'
            )
        html.append(
            '<tr class="govuk-table__row">'
            '<th scope="row" class="govuk-table__header">'
            f'<a class="govuk-link" href="{esc(url(row.body.pk))}">{esc(row.body.name)}</a></th>'
            f'<td class="govuk-table__cell">{_yes(check.has_authority)}</td>'
            f'<td class="govuk-table__cell">{sectors}</td>'
            f'<td class="govuk-table__cell">{_yes(check.has_commissioner)}</td>'
            f'<td class="govuk-table__cell">{_yes(check.has_parent_carers)}</td>'
            f'<td class="govuk-table__cell">{young}</td>'
            f'<td class="govuk-table__cell govuk-table__cell--numeric">{families}</td>'
            "</tr>\n"
        )
    return mark_safe("".join(html))  # noqa: S308 (every value escaped above)


NESTED_LIST = (
    '<ul class="govuk-list govuk-list--bullet govuk-list--spaced govuk-!-margin-top-3 '
    'govuk-!-margin-left-3">'
)


def governance_items(steps, area_slug: str) -> SafeString:
    """The nested list items of `forums/governance.html`, from `selectors.governance_tree`."""
    url = body_url_maker(area_slug)
    html = []
    for step in steps:
        body = step["body"]
        if step["open"]:
            html.append(NESTED_LIST)
        status = (
            f'<strong class="govuk-tag govuk-tag--grey">{esc(body.status_label)}</strong>'
            if body.status != "active"
            else ""
        )
        leaders = ""
        if body.leaders:
            leaders = " " + "; ".join(f"{esc(role)}: {esc(name)}" for role, name in body.leaders)
            leaders += "."
        count = body.member_count
        html.append(
            f'<li>\n<a class="govuk-link govuk-!-font-weight-bold" href="{esc(url(body.pk))}">'
            f"{esc(body.name)}</a>\n{status}\n"
            f'<br><span class="govuk-body-s">{esc(body.kind_label)}, '
            f"{esc(body.level_label.lower())}. {count:d} member{'' if count == 1 else 's'}."
            f"{leaders}</span>\n"
        )
        if step["leaf"]:
            html.append("</li>\n")
        html.append("</ul></li>\n" * step["closes"])
    return mark_safe("".join(html))  # noqa: S308 (every value escaped above)
