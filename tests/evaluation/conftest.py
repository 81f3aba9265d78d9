import pytest

from tests.evaluation.factories import provider_registered, sample_provider


@pytest.fixture
def registered_provider():
    """A test figure provider, registered for this test only (removed afterwards)."""
    with provider_registered(sample_provider()) as provider:
        yield provider


@pytest.fixture
def area_only_provider():
    """A test provider with `body_level=False`, registered for this test only."""
    with provider_registered(sample_provider(body_level=False, slug="test-area-only")) as provider:
        yield provider
