"""Attribution chains as a Mermaid flowchart.

Node and subgraph ids are made here (``c1n1``, ``c1o2``), never taken from the
document.  Every label is a quoted string in which each character Mermaid gives
a meaning to (quotes, ``#``, ``&``, angle brackets, brackets, braces, pipes,
semicolons, backticks, backslashes, ``*`` and ``_``) is written as a Mermaid entity
code (``#35;``), which Mermaid shows as the character itself: a label holds no
markup, no Markdown and no statement of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from claimmodel.render._chains import DEPENDENCY_WORDS, ClaimChains
from claimmodel.render._text import one_line

__all__ = ["draw_mermaid"]

_SPECIAL = frozenset("\"#&<>[](){}|;`\\*_~=%:'")


def text(value: str) -> str:
    """``value`` on one line, each character Mermaid acts on as an entity code."""
    return "".join(
        f"#{ord(character)};" if character in _SPECIAL else character
        for character in one_line(value)
    )


def quoted(value: str) -> str:
    """A Mermaid label: ``value`` escaped, in double quotes."""
    return f'"{text(value)}"'


def _claim_lines(chains: ClaimChains, number: int) -> Iterator[str]:
    names: dict[str, str] = {}

    def node(key: str) -> str:
        if key not in names:
            names[key] = f"c{number}n{len(names) + 1}"
        return names[key]

    labels = chains.labels
    for index, group in enumerate(chains.groups, start=1):
        style = "backs" if group.origin.asserts else "other"
        if group.origin.opposes:
            style = "opposes"
        yield f"  subgraph c{number}o{index} [{quoted(group.title)}]"
        for key in group.speakers:
            yield f"    {node(key)}[{quoted(labels[key])}]"
        for key in group.joining:
            yield f"    {node(key)}[{quoted(labels[key])}]:::joining"
        for tie in group.ties:
            words = quoted(DEPENDENCY_WORDS[tie.kind])
            yield f"    {node(tie.source)} -.->|{words}| {node(tie.target)}"
        yield "  end"
        yield f"  class c{number}o{index} {style}"
    for key in chains.relays:
        yield f"  {node(key)}[{quoted(labels[key])}]"
    for hop in chains.hops:
        if hop.label:
            yield f"  {node(hop.start)} -->|{quoted(hop.label)}| {node(hop.end)}"
        else:
            yield f"  {node(hop.start)} --> {node(hop.end)}"


def draw_mermaid(pictures: Sequence[ClaimChains], *, title: str | None = None) -> str:
    """The chains of each claim in ``pictures`` as one Mermaid flowchart (left to right).

    Each claim is a subgraph titled with its text, holding one subgraph per origin;
    the verdict of each claim is in the chart's accessible description.
    """
    lines = ["flowchart LR"]
    heading = title or (pictures[0].text if len(pictures) == 1 else "Attribution chains")
    lines.append(f"  accTitle: {one_line(heading)}")
    verdicts = " ".join(f"{chains.text}: {chains.analysis.verdict}." for chains in pictures)
    lines.append(f"  accDescr: {one_line(verdicts)}")
    lines.append("  classDef backs fill:#e8f1fb,stroke:#1f5c99,color:#000000")
    lines.append("  classDef opposes fill:#fdeeee,stroke:#a12a2a,color:#000000")
    lines.append("  classDef other fill:#f3f3f3,stroke:#555555,color:#000000")
    lines.append("  classDef joining stroke-dasharray:4 3")
    for number, chains in enumerate(pictures, start=1):
        lines.append(f"  subgraph c{number} [{quoted(chains.text)}]")
        lines.append("  direction LR")
        lines.extend("  " + line for line in _claim_lines(chains, number))
        lines.append("  end")
    return "\n".join(lines) + "\n"
