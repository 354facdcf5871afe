"""``claimmodel graph``: the attribution chains of a bundle's claims as a picture."""

from __future__ import annotations

import argparse

from claimmodel.cli._commands import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    print_decode_error,
    print_unreadable,
)
from claimmodel.cli._inputs import UnreadableError, decode_bytes, display_name, read
from claimmodel.cli._interop import fail, write_output
from claimmodel.exceptions import DecodeError, InvalidValueError

__all__ = ["add_parser", "run_graph"]

_FORMATS = ("dot", "mermaid", "svg")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``graph`` to the sub-commands."""
    graph = commands.add_parser(
        "graph",
        help="draw who said each claim through whom (DOT, Mermaid or SVG)",
        description=(
            "Draw the attribution chains of every claim in FILE (or of one, with --claim): "
            "each origin the analysis finds is a box, the voices that depend on each other "
            "share one box with the dependencies that join them (that is why they count "
            "once), and arrows follow each chain from the speaker to the reader."
        ),
        epilog="svg needs Graphviz's dot program; dot and mermaid need nothing. "
        "docs/graphs.md shows the pictures.",
    )
    graph.add_argument("--claim", metavar="ID", help="draw only the claim with this id")
    graph.add_argument(
        "--format",
        choices=_FORMATS,
        default="dot",
        help="dot: Graphviz's DOT language (default); mermaid: a Mermaid flowchart; "
        "svg: the picture drawn by Graphviz",
    )
    graph.add_argument("-o", "--output", metavar="OUT", help="write here, not to standard output")
    graph.add_argument("file", metavar="FILE", help="a bundle JSON file ('-' for standard input)")
    graph.set_defaults(run=run_graph)


def run_graph(args: argparse.Namespace) -> int:
    from claimmodel import render  # noqa: PLC0415  (only this command draws)

    try:
        bundle = decode_bytes(args.file, read(args.file))
        writers = {"dot": render.to_dot, "mermaid": render.to_mermaid, "svg": render.to_svg}
        write_output(args.output, writers[args.format](bundle, claim=args.claim))
    except UnreadableError as error:
        print_unreadable(error)
        return EXIT_UNREADABLE
    except DecodeError as error:
        print_decode_error(args.file, error)
        return EXIT_INVALID
    except render.GraphvizError as error:
        return fail("graph", str(error))
    except InvalidValueError as error:  # an unknown --claim: the command line is wrong
        return fail("graph", f"{display_name(args.file)}: {error}")
    return EXIT_OK
