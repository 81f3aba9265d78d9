"""axe-core checks of real pages in headless Chromium (see the `axe` fixture)."""

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


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

    def submit(self, page, button: str | None = None):
        """Press the page's main submit button (or the one named) and wait for the result."""
        selector = f"button:has-text('{button}')" if button else "main form [type=submit]"
        with page.expect_navigation():
            page.locator(selector).first.click()
        return page

    def close(self):
        for context in self.contexts:
            context.close()
