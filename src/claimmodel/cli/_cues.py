"""``claimmodel cues``: the hedge and attribution cues of a text, marked or as JSON."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from claimmodel.cli._inputs import UnreadableError, display_name, read
from claimmodel.cli._terminal import colours_wanted, json_for_terminal, printable
from claimmodel.exceptions import ClaimModelError
from claimmodel.format import Limits, to_data

if TYPE_CHECKING:  # the lexicon loads when the command runs, not with every command
    from claimmodel.cues import Findings, Lexicon

EXIT_OK = 0
EXIT_UNREADABLE = 2

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# SGR colours per kind of mark: hedges yellow, attribution cues cyan, speakers bold,
# channels magenta, the labels dim.
_COLOURS = {"hedge": "33", "attribution": "36", "speaker": "1", "channel": "35"}
_DIM = "2"


class _UnreadableTextError(Exception):
    """A text file could not be read or is not UTF-8."""


def read_text(path: str) -> str:
    """The text of ``path`` (standard input for ``-``) as UTF-8, a byte-order mark removed."""
    limit = Limits().max_document_bytes
    try:
        data = read(path)  # as bundles are read: an empty path, a pipe nothing writes to, …
    except UnreadableError as error:
        raise _UnreadableTextError(str(error)) from None
    if len(data) > limit:
        raise _UnreadableTextError(f"{display_name(path)}: the text is over {limit} bytes")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise _UnreadableTextError(
            f"{display_name(path)}: the text is not UTF-8 (byte {error.start})"
        ) from None


def _marks(findings: Findings) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, label) for every span to mark, in text order."""
    marks: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for hedge in findings.hedges:
        marks.setdefault((hedge.span.start, hedge.span.end), []).append(
            ("hedge", f"hedge:{hedge.category.value}")
        )
    for cue in findings.attributions:
        marks.setdefault((cue.span.start, cue.span.end), []).append(
            ("attribution", f"attribution:{cue.stance.value}")
        )
        if cue.speaker is not None:
            marks.setdefault((cue.speaker.start, cue.speaker.end), []).append(
                ("speaker", "speaker")
            )
        if cue.channel is not None:
            kind = f":{cue.channel_kind.value}" if cue.channel_kind else ""
            marks.setdefault((cue.channel.start, cue.channel.end), []).append(
                ("channel", f"channel{kind}")
            )
    result = []
    for (start, end), labels in marks.items():
        unique = list(dict.fromkeys(labels))
        result.append((start, end, unique[-1][0], " ".join(label for _, label in unique)))
    # Outer marks open first: earlier start, then the longer span.
    result.sort(key=lambda mark: (mark[0], -mark[1]))
    return result


def _plain(text: str) -> str:
    """``text`` made safe to print, keeping its own line breaks."""
    return "\n".join(printable(line) for line in _LINE_BREAK.split(text))


def render_marked(findings: Findings, *, colour: bool) -> str:
    """The text with each cue marked: ``[words]{label}``, or coloured on a terminal."""
    text = findings.text
    events: list[tuple[int, int, int, str]] = []  # (position, order, sequence, markup)
    for sequence, (start, end, kind, label) in enumerate(_marks(findings)):
        if colour:
            opening = f"\x1b[{_COLOURS[kind]}m"
            closing = f"\x1b[0m\x1b[{_DIM}m{{{label}}}\x1b[0m"
        else:
            opening, closing = "[", f"]{{{label}}}"
        events.append((start, 1, sequence, opening))
        events.append((end, 0, -sequence, closing))
    events.sort()
    pieces: list[str] = []
    position = 0
    for at, _, _, markup in events:
        pieces.append(_plain(text[position:at]))
        pieces.append(markup)
        position = at
    pieces.append(_plain(text[position:]))
    return "".join(pieces)


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def findings_data(findings: Findings, lexicon: Lexicon) -> dict[str, Any]:
    """The findings as JSON data: spans as code-point offsets, with entry ids."""
    text = findings.text
    return {
        "lexicon": {"name": lexicon.name, "version": lexicon.version},
        "hedges": [
            {
                **_span(text, hedge.span.start, hedge.span.end),
                "entry": hedge.entry,
                "category": hedge.category.value,
            }
            for hedge in findings.hedges
        ],
        "attributions": [
            {
                **_span(text, cue.span.start, cue.span.end),
                "entry": cue.entry,
                "stance": cue.stance.value,
                "speaker": _span(text, cue.speaker.start, cue.speaker.end) if cue.speaker else None,
                "channel": _span(text, cue.channel.start, cue.channel.end) if cue.channel else None,
                "recipient": _span(text, cue.recipient.start, cue.recipient.end)
                if cue.recipient
                else None,
                "channel_kind": cue.channel_kind.value if cue.channel_kind else None,
            }
            for cue in findings.attributions
        ],
        "quotations": [
            {
                **_span(text, quotation.span.start, quotation.span.end),
                "content": _span(text, quotation.content.start, quotation.content.end),
                "marks": quotation.marks,
            }
            for quotation in findings.quotations
        ],
    }


def _lexicon(args: argparse.Namespace) -> Lexicon:
    from claimmodel.cues import default_lexicon  # noqa: PLC0415  (see the imports)

    lexicon = default_lexicon(args.language)
    for path in args.lexicon:
        lexicon = lexicon.extended_from(path)
    return lexicon


def _texts(paths: Sequence[str]) -> Iterator[tuple[str, str | None, str | None]]:
    """(path, text, problem) for each path: the text, or what went wrong reading it."""
    for path in paths:
        try:
            yield path, read_text(path), None
        except _UnreadableTextError as error:
            yield path, None, str(error)


def _draft(args: argparse.Namespace, lexicon: Lexicon) -> int:
    """Print the starting bundle of the one FILE as JSON."""
    if len(args.files) != 1:
        print("claimmodel cues: --draft takes exactly one FILE", file=sys.stderr)
        return EXIT_UNREADABLE
    ((_, text, problem),) = _texts(args.files)
    if text is None:
        print(printable(problem), file=sys.stderr)
        return EXIT_UNREADABLE
    from claimmodel.cues import draft_bundle  # noqa: PLC0415  (see the imports)

    try:
        bundle = draft_bundle(text, lexicon=lexicon, title=args.title)
    except ClaimModelError as error:
        print(f"{printable(display_name(args.files[0]))}: {printable(error)}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(json_for_terminal(to_data(bundle)))
    return EXIT_OK


def run_cues(args: argparse.Namespace) -> int:
    """Find the cues of each FILE and print them marked in the text, or as JSON."""
    try:
        lexicon = _lexicon(args)
    except ClaimModelError as error:
        print(f"claimmodel cues: {printable(error)}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.draft:
        return _draft(args, lexicon)
    from claimmodel.cues import find_cues  # noqa: PLC0415  (see the imports)

    status = EXIT_OK
    results: list[dict[str, Any]] = []
    colour = args.format == "text" and colours_wanted(sys.stdout)
    for path, text, problem in _texts(args.files):
        if text is None:
            print(printable(problem), file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        findings = find_cues(text, lexicon=lexicon)
        if args.format == "json":
            results.append({"file": display_name(path), **findings_data(findings, lexicon)})
            continue
        if len(args.files) > 1:
            print(f"==> {printable(display_name(path))} <==")
        print(render_marked(findings, colour=colour))
    if args.format == "json":
        print(json_for_terminal(results))
    return status


def add_parser(commands: Any) -> None:
    """Add the ``cues`` sub-command to the ``claimmodel`` parser's sub-commands."""
    cues = commands.add_parser(
        "cues",
        help="find hedge and attribution cues in a text",
        description=(
            "Find the hedge cues, attribution cues (with their speaker and channel where "
            "the sentence shows them plainly) and quotations of each FILE, a UTF-8 text "
            "('-' reads standard input). Print the text with each cue marked (coloured on "
            "a terminal, [words]{label} otherwise), the findings as JSON, or (--draft) a "
            "starting bundle. Exit 0, or 2 when a file cannot be read."
        ),
    )
    cues.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, or -")
    cues.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: the text with cues marked (default); json: a list of one object per file",
    )
    cues.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="EXTENSION",
        help='a JSON file {"add": [entry, ...], "remove": [id, ...]} applied to the '
        "shipped lexicon (repeatable, applied in order)",
    )
    cues.add_argument(
        "--language",
        default="en",
        help="the language of the shipped lexicon to start from (default: en)",
    )
    cues.add_argument(
        "--draft",
        action="store_true",
        help="print a starting bundle (JSON) for the one FILE instead: the document with its "
        "text and one draft assertion per attribution cue, every suggested object marked as a "
        "draft for a person to review",
    )
    cues.add_argument(
        "--title", metavar="TITLE", help="with --draft: the bundle's title and the document's name"
    )
    cues.set_defaults(run=run_cues)
