"""Headless Chromium for the tests: Debian's package, driven by Playwright.

Tests that need Chromium, Graphviz or Mermaid (from ``npm ci --prefix tests/js``) skip
with the reason when one is missing, except under CI (``CI=true``), where ``.ci/run``
installs them all and a missing one fails the test instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

HERE = Path(__file__).parent
CHROMIUM = os.environ.get("CLAIMMODEL_CHROMIUM", "/usr/bin/chromium")
MERMAID = HERE / "js" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
AXE = HERE / "fixtures" / "axe-core" / "axe.min.js"
# Chromium as the tests run it: headless (Playwright adds --headless), no sandbox (the
# machines run as root), nothing fetched in the background; Playwright gives every
# launch a fresh, temporary profile (--user-data-dir).
ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing(reason: str) -> None:
    """Skip, or fail under CI, where everything the tests need is installed."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; .ci/run installs it")
    pytest.skip(reason)


def need_graphviz() -> str:
    """The path of Graphviz's ``dot``."""
    found = shutil.which("dot")
    if found is None:
        missing("Graphviz's dot is not installed (apt-get install graphviz)")
    assert found is not None
    return found


def need_mermaid() -> Path:
    """Mermaid's browser build."""
    if not MERMAID.is_file():
        missing(
            f"Mermaid is not installed in tests/js ({MERMAID} missing: npm ci --prefix tests/js)"
        )
    return MERMAID


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """One headless Chromium for a test module (a Playwright ``Browser``)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).is_file():
        missing(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS)
        try:
            yield browser
        finally:
            browser.close()
