"""Hypothesis profiles: ``dev`` (default, quick) and ``ci`` (more examples, derandomized).

Choose one with the ``HYPOTHESIS_PROFILE`` environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The default run stays quick (about 25 examples a property, new ones each run, the
# failures Hypothesis finds kept in its database); CI searches twelve times as far.
settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
# Mutation testing (docs/contributing.md) runs the same tests again in one process, and a
# mutant must be killed or survive the same way on every run.
settings.register_profile(
    "mutation",
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kursk-monument.json"


@pytest.fixture
def example_path() -> Path:
    """The worked example shipped with the project."""
    return EXAMPLE
