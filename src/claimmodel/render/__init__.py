"""Pictures and pages for people: who said a claim through whom, and why voices that
depend on each other count once.

:func:`chains` gathers what a picture of a bundle shows: for each claim, its origins
as :func:`~claimmodel.analysis.analyze` groups them, with the dependencies that
join the voices of one origin, and every hop of its attribution chains.
:func:`to_dot` writes it in Graphviz's DOT language, :func:`to_mermaid` as a
Mermaid flowchart, and :func:`to_svg` draws it with Graphviz's ``dot`` program
(when installed).  :func:`render_html` writes the whole report as one
self-contained HTML page.  ``docs/graphs.md`` and ``docs/report.md`` show them.

Text from the document never becomes markup or syntax in any of them: node names
are made here, and every label is escaped for its language.
"""

from __future__ import annotations

from claimmodel.analysis import Analysis
from claimmodel.model import Bundle
from claimmodel.model._repr import use_compact_reprs
from claimmodel.render._chains import ClaimChains, Group, Hop, chains
from claimmodel.render._dot import GraphvizError, dot_program, draw_dot, run_dot
from claimmodel.render._html import render_html
from claimmodel.render._mermaid import draw_mermaid

__all__ = [
    "ClaimChains",
    "GraphvizError",
    "Group",
    "Hop",
    "chains",
    "graphviz_installed",
    "render_html",
    "to_dot",
    "to_mermaid",
    "to_svg",
]


def _title(bundle: Bundle) -> str | None:
    return bundle.title or bundle.id


def to_dot(bundle: Bundle, *, claim: str | None = None, analysis: Analysis | None = None) -> str:
    """The attribution chains of every claim of ``bundle`` (or of ``claim``) in DOT.

    Each origin of a claim is a box (a cluster); the voices of one origin sit in one
    box with the sources and dependencies that join them drawn dashed, so the
    picture shows why they count once.  Arrows follow each chain from the speaker to
    the reader, labelled with the channel.
    """
    return draw_dot(chains(bundle, claim=claim, analysis=analysis), title=_title(bundle))


def to_mermaid(
    bundle: Bundle, *, claim: str | None = None, analysis: Analysis | None = None
) -> str:
    """The same picture as :func:`to_dot`, as a Mermaid flowchart."""
    return draw_mermaid(chains(bundle, claim=claim, analysis=analysis), title=_title(bundle))


def to_svg(bundle: Bundle, *, claim: str | None = None, analysis: Analysis | None = None) -> str:
    """:func:`to_dot` drawn as SVG by Graphviz's ``dot``; :class:`GraphvizError` when
    Graphviz is not installed or fails."""
    return run_dot(to_dot(bundle, claim=claim, analysis=analysis))


def graphviz_installed() -> bool:
    """Whether Graphviz's ``dot`` program is on the ``PATH``."""
    return dot_program() is not None


use_compact_reprs(globals())  # reprs without the fields at their defaults
