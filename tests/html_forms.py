"""Read the forms of a rendered page as a browser would: where each one posts, its fields,
its buttons, and whether any form is nested in another (invalid HTML: the browser drops the
inner form tag, so its button posts the outer form)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class PageForm:
    method: str
    action: str | None
    fields: dict[str, str] = field(default_factory=dict)
    buttons: list[str] = field(default_factory=list)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[PageForm] = []
        self.open: list[PageForm] = []
        self.nested = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "form":
            if self.open:
                self.nested += 1
            form = PageForm(
                method=(values.get("method") or "get").lower(), action=values.get("action")
            )
            self.forms.append(form)
            self.open.append(form)
        elif self.open and tag in ("input", "button", "select", "textarea"):
            form = self.open[-1]
            kind = (values.get("type") or "").lower()
            if kind == "submit" or tag == "button":
                form.buttons.append(values.get("value") or "")
            elif values.get("name"):
                form.fields[values["name"]] = values.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form" and self.open:
            self.open.pop()


def page_forms(html: str) -> tuple[list[PageForm], int]:
    """The page's forms in order, and how many forms are nested inside another."""
    parser = _FormParser()
    parser.feed(html)
    return parser.forms, parser.nested


def form_with_button(html: str, label: str) -> PageForm:
    """The one form whose submit button reads `label`; fails when there is none or the page
    nests forms."""
    forms, nested = page_forms(html)
    assert nested == 0, "The page nests a form inside another form."
    found = [form for form in forms if label in form.buttons]
    assert len(found) == 1, f"Expected one form with the button {label!r}, found {len(found)}."
    return found[0]


def submit(client, page_url: str, response, label: str, **data):
    """Post the form with the button `label` as a browser would: to its action (or to the
    page itself when it has none), with its hidden fields (CSRF, one-time token)."""
    form = form_with_button(response.content.decode(), label)
    url = form.action or page_url
    return client.post(url, {**form.fields, "submit": label, **data}, follow=True)
