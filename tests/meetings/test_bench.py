"""The papers dispatch benchmark (bench/meetings.py) at a small size: it dispatches every
recipient-send once and counts no duplicates."""

import pytest

from coproduction.people.models import Role
from tests.people.factories import member

pytestmark = pytest.mark.django_db


def test_dispatch_measurement_at_a_small_size(area, settings, tmp_path):
    from bench.meetings import measure_dispatch

    settings.MEDIA_ROOT = tmp_path
    for _ in range(8):
        member(area, Role.PARENT_CARER)
    result = measure_dispatch(area=area, meetings=3, invitees=4, papers=2)
    assert result["recipient_sends"] == 3 * 4
    assert result["duplicates"] == 0
    assert result["ratio"] is not None
