"""Hypothesis profiles: ``dev`` (default, quick) and ``ci`` (more examples, derandomized).

Choose one with the ``HYPOTHESIS_PROFILE`` environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kursk-monument.json"


@pytest.fixture
def example_path() -> Path:
    """The worked example shipped with the project."""
    return EXAMPLE
