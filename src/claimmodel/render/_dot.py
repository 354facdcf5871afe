"""Attribution chains in Graphviz's DOT language, and as SVG through Graphviz's ``dot``.

Node and cluster names are made here (``n1``, ``cluster_1_2``), never taken from
the document, and every label is an HTML-like label (``<...>``) whose text is
escaped as XML character data: a label holds no DOT escape sequence (``\\N``,
``\\l``) and no markup, whatever the document says.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator, Sequence

from claimmodel.exceptions import ClaimModelError
from claimmodel.model import Stance
from claimmodel.render._chains import DEPENDENCY_WORDS, ClaimChains, Group
from claimmodel.render._text import wrapped

__all__ = ["GraphvizError", "dot_program", "draw_dot", "run_dot"]

FONT = "DejaVu Sans,Arial,Helvetica,sans-serif"

# Fill and line colours of a box by what its origin does with the claim: dark text on
# each fill keeps a contrast above 7:1.
_BACKS = ("#e8f1fb", "#1f5c99")
_OPPOSES = ("#fdeeee", "#a12a2a")
_OTHER = ("#f3f3f3", "#555555")
_OPPOSING = frozenset({Stance.DENIES, Stance.DISPUTES, Stance.QUESTIONS})


class GraphvizError(ClaimModelError):
    """Graphviz's ``dot`` is not installed, or it failed to draw a picture."""


def _xml(text: str) -> str:
    """``text`` as the character data of an HTML-like label.  Graphviz replaces escape
    sequences (``\\N``, ``\\G``) in HTML-like labels too, and reads ``\\\\`` as one
    backslash: each backslash is doubled."""
    return (
        text.replace("&", "&amp;")
        .replace("\\", "\\\\")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def label(text: str, *, width: int = 36, bold: str | None = None) -> str:
    """An HTML-like label: ``text`` escaped and wrapped, after ``bold`` in bold."""
    lines = [f"<B>{_xml(line)}</B>" for line in wrapped(bold, width)] if bold else []
    lines += [_xml(line) for line in wrapped(text, width)] if text else []
    return "<" + "<BR/>".join(lines) + ">"


def _colours(group: Group) -> tuple[str, str]:
    if group.origin.asserts:
        return _BACKS
    if not _OPPOSING.isdisjoint(group.origin.stances):
        return _OPPOSES
    return _OTHER


def _claim_lines(chains: ClaimChains, number: int) -> Iterator[str]:
    """The clusters, nodes and edges of one claim; its node names are ``c{number}n{i}``."""
    names: dict[str, str] = {}

    def node(key: str) -> str:
        if key not in names:
            names[key] = f"c{number}n{len(names) + 1}"
        return names[key]

    labels = chains.labels
    for index, group in enumerate(chains.groups, start=1):
        fill, line = _colours(group)
        yield f"  subgraph cluster_{number}_{index} {{"
        yield f"    label={label('', bold=group.title, width=44)};"
        yield f'    style="rounded,filled"; fillcolor="{fill}"; color="{line}"; penwidth=1.5;'
        for key in group.speakers:
            yield f"    {node(key)} [label={label(labels[key])}];"
        for key in group.joining:
            yield f'    {node(key)} [label={label(labels[key])}, style="rounded,dashed"];'
        for tie in group.ties:
            words = DEPENDENCY_WORDS[tie.kind]
            yield (
                f"    {node(tie.source)} -> {node(tie.target)} [label={label(words, width=20)}, "
                'style=dashed, arrowhead=empty, color="#555555"];'
            )
        yield "  }"
    for key in chains.relays:
        yield f"  {node(key)} [label={label(labels[key])}];"
    for hop in chains.hops:
        attributes = f" [label={label(hop.label, width=20)}]" if hop.label else ""
        yield f"  {node(hop.start)} -> {node(hop.end)}{attributes};"


def draw_dot(pictures: Sequence[ClaimChains], *, title: str | None = None) -> str:
    """The chains of each claim in ``pictures`` as one DOT digraph.

    With one claim the graph's label is the claim and its verdict; with several,
    each claim is a cluster of its own so labelled, under ``title``.
    """
    lines = [
        "digraph claimmodel {",
        (
            f'  graph [rankdir=LR, fontname="{FONT}", fontsize=12, labelloc=t, '
            "labeljust=l, nodesep=0.3, ranksep=0.6];"
        ),
        f'  node [shape=box, style=rounded, fontname="{FONT}", fontsize=11, color="#333333"];',
        f'  edge [fontname="{FONT}", fontsize=9, color="#333333"];',
    ]
    if len(pictures) == 1:
        chains = pictures[0]
        verdict = f"Verdict: {chains.analysis.verdict}"
        lines.append(f"  label={label(verdict, width=90, bold=chains.text)};")
        lines.extend(_claim_lines(chains, 1))
    else:
        if title:
            lines.append(f"  label={label('', bold=title, width=90)};")
        # Each claim draws its own copy of a source: node names carry the claim's number.
        for number, chains in enumerate(pictures, start=1):
            verdict = label(f"Verdict: {chains.analysis.verdict}", width=70, bold=chains.text)
            lines.append(f"  subgraph cluster_{number} {{")
            lines.append(f"    label={verdict};")
            lines.append('    style=rounded; color="#999999";')
            lines.extend("  " + line for line in _claim_lines(chains, number))
            lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_program() -> str | None:
    """The path of Graphviz's ``dot``, or ``None`` when it is not installed."""
    return shutil.which("dot")


def run_dot(dot: str, *, timeout: float = 60.0) -> str:
    """``dot`` (DOT text) drawn as SVG by Graphviz; :class:`GraphvizError` without it."""
    program = dot_program()
    if program is None:
        raise GraphvizError(
            "drawing SVG needs Graphviz's dot program, which is not installed "
            "(Debian and Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
        )
    try:
        done = subprocess.run(  # noqa: S603  (the program is Graphviz's, the input is ours)
            [program, "-Tsvg"],
            input=dot.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GraphvizError(f"Graphviz's dot could not draw the picture: {error}") from error
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise GraphvizError(f"Graphviz's dot could not draw the picture: {reason}")
    return done.stdout.decode("utf-8")
