"""axe-core checks of real pages in headless Chromium (see the `axe` fixture)."""

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# WCAG 1.4.10 Reflow: at 320 CSS pixels wide nothing may need scrolling in two directions.
REFLOW_WIDTH = 320
# What sticks out past the right edge, so a failure says where to look.
WIDEST_ELEMENTS = """() => {
  const edge = window.innerWidth;
  const out = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.right > edge + 0.5 && !element.closest(".app-table-scroll *")) {
      const classes = [...element.classList].slice(0, 2).join(".");
      const name = element.tagName.toLowerCase() + (classes ? "." + classes : "");
      out.push(`${name} (${Math.round(box.right)}px)`);
    }
  }
  const scrollWidth = document.documentElement.scrollWidth;
  return {scrollWidth: scrollWidth, innerWidth: edge, out: out.slice(0, 8)};
}"""


class AxeSession:
    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self.contexts = []
        self.axe = Axe()

    def open(self, path: str, *, as_person=None, expect_status: int = 200):
        context = self.browser.new_context(base_url=self.base_url)
        self.contexts.append(context)
        if as_person is not None:
            client = Client()
            client.force_login(as_person)
            context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                        "url": self.base_url,
                    }
                ]
            )
        page = context.new_page()
        response = page.goto(path)
        assert response.status == expect_status, f"{path}: {response.status}"
        return page

    def check(self, page) -> None:
        results = self.axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            },
        )
        violations = results.response["violations"]
        assert not violations, f"{page.url}\n{results.generate_report()}"
        self.check_reflow(page)

    def check_reflow(self, page) -> None:
        """The page fits a 320 px wide screen without scrolling sideways (WCAG 1.4.10).

        Wide tables may scroll inside their own labelled region (`.app-table-scroll`); the page
        itself never does.
        """
        size = page.viewport_size
        page.set_viewport_size({"width": REFLOW_WIDTH, "height": 640})
        try:
            found = page.evaluate(WIDEST_ELEMENTS)
        finally:
            page.set_viewport_size(size)
        assert found["scrollWidth"] <= found["innerWidth"], (
            f"{page.url} scrolls sideways on a {REFLOW_WIDTH} px screen "
            f"({found['scrollWidth']} px wide). Too wide: {', '.join(found['out'])}"
        )

    def submit(self, page, button: str | None = None):
        """Press the page's main submit button (or the one named) and wait for the result."""
        selector = f"button:has-text('{button}')" if button else "main form [type=submit]"
        with page.expect_navigation():
            page.locator(selector).first.click()
        return page

    def close(self):
        for context in self.contexts:
            context.close()


def check_pages(axe, person, paths):
    """Open each of `paths` as `person` and check it (axe-core and reflow)."""
    for path in paths:
        axe.check(axe.open(path, as_person=person))


def check_form_errors(axe, person, path, fill=None):
    """Open a form, `fill` it wrongly if given (it takes the page), send it and check the
    page that explains the errors (which must show the error summary)."""
    page = axe.open(path, as_person=person)
    if fill:
        fill(page)
    axe.submit(page)
    assert page.locator(".govuk-error-summary").is_visible(), path
    axe.check(page)
