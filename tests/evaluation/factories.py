"""Test helpers for the board dashboard: a figure provider registered for one test only."""

from contextlib import contextmanager

from evaluation.figures import Figure, FigureProvider, Measure, figures, suppress


@contextmanager
def provider_registered(provider: FigureProvider):
    """Register `provider` for the duration of the block, then remove it (even on failure)."""
    figures.register(provider)
    try:
        yield provider
    finally:
        figures.providers.remove(provider)


def _test_figures(scope):
    rows = [
        ("Area", scope.area.name),
        ("Period", scope.period.slug),
        ("Body", scope.body.name if scope.body else "whole area"),
        ("Small count", suppress(3)),
        ("Risky text", '=HYPERLINK("http://evil.example")'),
        ("Negative number", -2),
    ]
    return [
        Figure(
            slug="test-figure",
            title="A test figure",
            description="Made by the test provider.",
            headings=("What", "Value"),
            rows=tuple(rows),
            notes=("A note from the test provider.",),
        )
    ]


def _test_measures(scope):
    return [
        Measure("Test people counted", 3),
        Measure("Test area name length", len(scope.area.name) * 10),
    ]


def sample_provider(*, body_level: bool = True, slug: str = "test-provider") -> FigureProvider:
    return FigureProvider(
        slug=slug,
        title="Test provider",
        build=_test_figures,
        order=1,
        measures=_test_measures,
        body_level=body_level,
    )
