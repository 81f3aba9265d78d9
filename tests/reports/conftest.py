import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Reports are stored under a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
