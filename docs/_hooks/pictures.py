"""The mkdocs hook that draws the docs' pictures when the site is built.

A page asks for the picture of a claim with a line of its own::

    <!-- claimmodel-graph: examples/kursk-monument.json nk-fought -->

and gets, in its place, that claim's attribution chains drawn by
``claimmodel.render.to_svg`` (Graphviz) from the file as it is now, inline in the page.
Without Graphviz the page shows the DOT text instead and the build says so.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from typing import Any

import claimmodel as cm
from claimmodel.render import graphviz_installed, to_dot, to_svg

log = logging.getLogger("mkdocs.hooks.pictures")

ROOT = Path(__file__).resolve().parent.parent.parent
GRAPH = re.compile(r"^<!-- claimmodel-graph: (\S+) (\S+) -->$", re.MULTILINE)


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


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace each picture request of a page with the picture."""
    return GRAPH.sub(_picture, markdown)
