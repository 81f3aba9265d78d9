"""Template helpers for GOV.UK forms: the error summary's links."""

from django import template
from django.utils.html import format_html

from coproduction.forms.dates import summary_target
from coproduction.forms.tokens import FIELD_NAME, new_token

register = template.Library()


@register.filter
def error_links(form) -> list[tuple[str, str]]:
    """(target id, message) for each error of `form`, in the order the fields are shown.

    Errors about the whole form link to its first field. Each message is listed once per
    field, linked to the first input that is wrong (for a date, the day, month or year box).
    """
    fields = form.visible_fields()
    links = []
    first = summary_target(fields[0]) if fields else ""
    for error in form.non_field_errors():
        links.append((first, error))
    for bound_field in fields:
        target = summary_target(bound_field)
        for error in dict.fromkeys(bound_field.errors):
            links.append((target, error))
    return links


@register.simple_tag
def one_time_form_token():
    """A hidden one-time form token for a form written by hand in a template, so that sending
    it twice at once acts once (see coproduction.forms.middleware)."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD_NAME, new_token())
