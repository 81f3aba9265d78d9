"""Rows of the long GOV.UK lists and tables of the forums pages, built in Python.

The governance tree and the representation table repeat one small piece of markup per body
(200 to 1,000 times). Rendered by the template engine, each repetition costs a `{% url %}`,
several `{% if %}` and a dozen variable look-ups, and that was most of those pages' time (the
speed issue). Here each row is one `format_html` call, escaped the same way, and the page's
template inserts the joined rows once.
"""

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

_PK = 2_147_483_647  # a placeholder primary key, replaced in the reversed address


def body_url_maker(area_slug: str):
    """A function from a body's primary key to its page's address (one `reverse` in all)."""
    pattern = reverse("forums:body_detail", args=[area_slug, _PK])
    before, after = pattern.split(str(_PK))
    return lambda pk: f"{before}{pk}{after}"


MISSING = mark_safe("<strong>Missing</strong>")  # noqa: S308 (a constant)


def _yes(present: bool):
    return "Yes" if present else MISSING


def representation_rows(rows, area_slug: str) -> SafeString:
    """The table rows of `forums/representation.html`: one per body with gaps."""
    url = body_url_maker(area_slug)
    html = []
    for row in rows:
        check = row.representation
        if check.missing_sectors:
            sectors = format_html("<strong>{}</strong>", ", ".join(check.missing_sectors))
        else:
            sectors = "None"
        young = _yes(check.has_young_people) if check.needs_young_people else "Not needed"
        if check.enough_families:
            families = format_html("{}%", check.family_share)
        else:
            families = format_html(
                '<strong>{}%</strong><span class="govuk-visually-hidden"> (too few)</span>',
                check.family_share,
            )
        html.append(
            format_html(
                '<tr class="govuk-table__row">'
                '<th scope="row" class="govuk-table__header">'
                '<a class="govuk-link" href="{}">{}</a></th>'
                '<td class="govuk-table__cell">{}</td>'
                '<td class="govuk-table__cell">{}</td>'
                '<td class="govuk-table__cell">{}</td>'
                '<td class="govuk-table__cell">{}</td>'
                '<td class="govuk-table__cell">{}</td>'
                '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
                "</tr>\n",
                url(row.body.pk),
                row.body.name,
                _yes(check.has_authority),
                sectors,
                _yes(check.has_commissioner),
                _yes(check.has_parent_carers),
                young,
                families,
            )
        )
    return mark_safe("".join(html))  # noqa: S308 (each row built by format_html)


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
            format_html(
                '<strong class="govuk-tag govuk-tag--grey">{}</strong>', body.get_status_display()
            )
            if body.status != "active"
            else ""
        )
        leaders = ""
        if body.leaders:
            leaders = format_html(
                " {}.",
                format_html_join(
                    "; ",
                    "{}: {}",
                    ((m.get_role_display(), m.person.display_name) for m in body.leaders),
                ),
            )
        html.append(
            format_html(
                '<li>\n<a class="govuk-link govuk-!-font-weight-bold" href="{}">{}</a>\n{}\n'
                '<br><span class="govuk-body-s">{}, {}. {} member{}.{}</span>\n',
                url(body.pk),
                body.name,
                status,
                body.get_kind_display(),
                body.get_level_display().lower(),
                body.member_count,
                "" if body.member_count == 1 else "s",
                leaders,
            )
        )
        if step["leaf"]:
            html.append("</li>\n")
        html.append("</ul></li>\n" * step["closes"])
    return mark_safe("".join(html))  # noqa: S308 (each piece built by format_html)
