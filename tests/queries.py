"""Helpers for the pinned query counts (tests/*/test_queries.py)."""


def assert_page_queries(client, django_assert_num_queries, pages, page, area, size):
    """Build `page` of `pages` ({page: (build, expected queries)}; `build(area, size)` makes
    `size` rows and returns the url and who asks) and ask for it: it answers 200 in exactly
    the expected number of queries."""
    build, expected = pages[page]
    url, person = build(area, size)
    client.force_login(person)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
