"""A short soak in the test suite; the long one is ``make soak``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.soak import run_soak


@pytest.mark.slow
def test_short_soak_three_desks_converge(tmp_path: Path):
    result = run_soak(tmp_path, desks=3, per_desk=120, rate_s=0.05)
    assert len(result.faults) >= 3 and result.statuses_moved > 0
