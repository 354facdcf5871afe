"""The mkdocs hook that draws the docs' pictures when the site is built.

A page asks for the picture of a claim with a line of its own::

    <!-- claimmodel-graph: examples/kursk-monument.json nk-fought -->

and gets, in its place, that claim's attribution chains drawn by
``claimmodel.render.to_svg`` (Graphviz) from the file as it is now, inline in the page.
Without Graphviz the page shows the DOT text instead and the build says so.

A line ``<!-- claimmodel-screenshots: FILE CLAIM -->`` gets two screenshots of the HTML
report on FILE (``claimmodel.render.render_html``), scrolled to CLAIM, taken by headless
Chromium at a phone's and a desktop's width; without Chromium and Playwright, a note.
"""

from __future__ import annotations

import base64
import html
import importlib.util
import logging
import re
import tempfile
from pathlib import Path
from typing import Any

import claimmodel as cm
from claimmodel.render import graphviz_installed, render_html, to_dot, to_svg

log = logging.getLogger("mkdocs.hooks.pictures")

ROOT = Path(__file__).resolve().parent.parent.parent
GRAPH = re.compile(r"^<!-- claimmodel-graph: (\S+) (\S+) -->$", re.MULTILINE)
SCREENSHOTS = re.compile(r"^<!-- claimmodel-screenshots: (\S+) (\S+) -->$", re.MULTILINE)
CHROMIUM = Path("/usr/bin/chromium")
# (name, width, height) of each screenshot.
SIZES = (("phone", 390, 844), ("desktop", 1280, 900))


def _picture(match: re.Match[str]) -> str:
    path, claim = match.group(1), match.group(2)
    bundle = cm.loads((ROOT / path).read_text(encoding="utf-8"))
    text = next(c.text for c in bundle.claims if c.id == claim)
    if not graphviz_installed():
        log.info("Graphviz is not installed: the picture of %s is shown as DOT text", claim)
        return f"```dot\n{to_dot(bundle, claim=claim)}```"
    svg = to_svg(bundle, claim=claim)
    svg = svg[svg.index("<svg") :]  # no XML declaration or doctype inside a page
    alt = html.escape(f"Who said it through whom: {text}", quote=True)
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{alt}"', 1)
    return f'<figure class="claimmodel-graph">\n{svg}\n</figure>'


def _shots(path: str, claim: str) -> list[tuple[str, bytes]]:
    from playwright.sync_api import sync_playwright

    bundle = cm.loads((ROOT / path).read_text(encoding="utf-8"))
    number = 1 + [c.id for c in bundle.claims].index(claim)
    shots = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_file = Path(folder, "report.html")
        page_file.write_text(render_html(bundle), encoding="utf-8")
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            for name, width, height in SIZES:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(page_file.as_uri() + f"#claim-{number}")
                shots.append((name, page.screenshot()))
                page.close()
        finally:
            browser.close()
    return shots


def _screenshots(match: re.Match[str]) -> str:
    path, claim = match.group(1), match.group(2)
    if importlib.util.find_spec("playwright") is None or not CHROMIUM.is_file():
        log.info("Chromium or Playwright is missing: no screenshots of the report page")
        return "*(The screenshots are taken when the site is built with Chromium installed.)*"
    figures = []
    for name, png in _shots(path, claim):
        data = base64.b64encode(png).decode("ascii")
        alt = html.escape(
            f"The HTML report on {path} at a {name}'s width, scrolled to the claim {claim}",
            quote=True,
        )
        figures.append(
            f'<figure class="claimmodel-screenshot"><img src="data:image/png;base64,{data}" '
            f'alt="{alt}" style="max-width: 100%; border: 1px solid #ccc">'
            f"<figcaption>At a {name}'s width</figcaption></figure>"
        )
    return "\n".join(figures)


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace each picture request of a page with the picture."""
    return SCREENSHOTS.sub(_screenshots, GRAPH.sub(_picture, markdown))
