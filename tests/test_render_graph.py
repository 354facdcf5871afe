"""Pictures of the attribution chains: what they show, DOT drawn by Graphviz, Mermaid parsed
and drawn by Mermaid itself, and `claimmodel graph`."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import claimmodel as cm
from browser import chromium, need_graphviz, need_mermaid
from claimmodel.cli import main
from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.render import (
    GraphvizError,
    chains,
    graphviz_installed,
    to_dot,
    to_mermaid,
    to_svg,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, ConsoleMessage, Page

__all__ = ["chromium"]  # the fixture, imported for the tests below

EXAMPLE = Path(__file__).parent.parent / "examples" / "kursk-monument.json"
SVG = "{http://www.w3.org/2000/svg}"
# Text a hostile document may hold, each of which must be drawn as itself.
HOSTILE = (
    '<script>alert("x")</script>',
    "<b>bold</b> & &amp; \\N \\G \\l",
    'end"]; n1 --> n2; click n1 "javascript:alert(1)"',
    "trailing backslash \\",
    "%% not a comment #35; `code` *star* _under_",
    "{braces} [square] (round) |pipe| ;semi",
)


@pytest.fixture(scope="module")
def kursk() -> cm.Bundle:
    """The worked example."""
    return cm.loads(EXAMPLE.read_text(encoding="utf-8"))


def confidence() -> cm.Confidence:
    return cm.Confidence.cannot_be_judged()


def hostile_bundle() -> cm.Bundle:
    """Markup and syntax of every picture language in names, a claim and a channel's date."""
    names = HOSTILE
    sources: list[cm.Source] = [
        cm.Person(id=f"p{number}", name=name) for number, name in enumerate(names)
    ]
    sources.append(cm.MediaOutlet(id="outlet", name="Outlet </svg> ]]>"))
    sources.append(
        cm.Organization(id="org", name='Org "quoted"\nacross lines\x07'),
    )
    sources[0] = cm.Person(
        id="p0",
        name=names[0],
        affiliations=(cm.Affiliation(kind=cm.AffiliationKind.MEMBER_OF, target="org"),),
    )
    sources[1] = cm.Person(
        id="p1",
        name=names[1],
        affiliations=(cm.Affiliation(kind=cm.AffiliationKind.MEMBER_OF, target="org"),),
    )
    claim = cm.Claim(id="k", text='The claim <img src=x onerror="alert(1)"> & more')
    assertions = tuple(
        cm.Assertion(
            id=f"a{number}",
            claim="k",
            attribution=cm.Attribution(
                source=f"p{number}", chain=(cm.Link(source="outlet", channel=cm.Channel.LEAK),)
            ),
            confidence=confidence(),
        )
        for number in range(len(names))
    )
    return cm.Bundle(
        title="<h1>Title</h1>", sources=tuple(sources), claims=(claim,), assertions=assertions
    )


def svg_text(svg: str) -> str:
    """The text an SVG drawing shows, its lines joined by spaces."""
    root = ET.fromstring(svg)
    return " ".join(
        "".join(element.itertext()) for element in root.iter() if element.tag == f"{SVG}text"
    )


class TestChains:
    """The picture's content: origins as the analysis groups them, and why."""

    def test_dependent_voices_share_one_group(self, kursk: cm.Bundle) -> None:
        (picture,) = chains(kursk, claim="nk-fought")
        first = picture.groups[0]
        assert 1 == first.number
        assert ("belyushikov", "lavrov", "russia-mod", "russian-officials") == first.speakers
        assert first.ties, "the dependencies that join the voices are drawn"
        joined = {first.speakers[0]}
        for _ in first.ties:
            for tie in first.ties:
                if tie.source in joined or tie.target in joined:
                    joined |= {tie.source, tie.target}
        assert set(first.speakers) <= joined
        assert "Independent origin 1 behind the claim: 4 voices, counted once" == first.title
        others = {group.title for group in picture.groups[1:]}
        assert {"Reports it"} == others
        assert picture.analysis == cm.analyze(kursk).claims["nk-fought"]

    def test_hops_follow_the_chains(self, kursk: cm.Bundle) -> None:
        (picture,) = chains(kursk, claim="project-proceeding")
        assert [("chebanenko", "ria-novosti"), ("ria-novosti", "article")] == [
            (hop.start, hop.end) for hop in picture.hops
        ]
        assert {"ria-novosti", "article"} == set(picture.relays)
        assert "interview" in picture.hops[0].label

    def test_the_speakers_occasion_labels_the_first_hop(self, kursk: cm.Bundle) -> None:
        (picture,) = chains(kursk, claim="nk-fought")
        (lavrov,) = [hop for hop in picture.hops if hop.start == "lavrov"]
        assert lavrov.occasion is not None
        assert "press conference in Wonsan, 2025-07" == lavrov.label
        assert all(hop.occasion is None for hop in picture.hops if hop.start != "lavrov")
        assert '|"press conference in Wonsan, 2025-07"|' in to_mermaid(kursk, claim="nk-fought")

    @pytest.mark.parametrize(
        ("link", "occasion", "label"),
        [
            (
                cm.Channel.UNSPECIFIED,
                cm.Occasion(event="the Eastern Economic Forum"),
                "the Eastern Economic Forum, 2025-09",
            ),
            (cm.Channel.UNSPECIFIED, cm.Occasion(place="Vladivostok"), "in Vladivostok, 2025-09"),
            (
                cm.Channel.INTERVIEW,
                cm.Occasion(channel=cm.Channel.PRESS_CONFERENCE, place="Vladivostok"),
                "interview, at press conference in Vladivostok, 2025-09",
            ),
            (cm.Channel.INTERVIEW, cm.Occasion(channel=cm.Channel.INTERVIEW), "interview, 2025-09"),
        ],
    )
    def test_occasion_words(self, link: cm.Channel, occasion: cm.Occasion, label: str) -> None:
        bundle = cm.Bundle(
            sources=(cm.Person(id="speaker"), cm.Organization(id="paper")),
            claims=(cm.Claim(id="c", text="It happened."),),
            assertions=(
                cm.Assertion(
                    id="a",
                    claim="c",
                    attribution=cm.Attribution(
                        source="speaker", chain=(cm.Link(source="paper", channel=link),)
                    ),
                    confidence=cm.Confidence.cannot_be_judged(),
                    date=cm.PartialDate.parse("2025-09"),
                    occasion=occasion,
                ),
            ),
        )
        (picture,) = chains(bundle)
        assert [label] == [hop.label for hop in picture.hops]

    def test_joining_sources_are_drawn_between_voices(self) -> None:
        bundle = cm.Bundle(
            sources=(
                cm.Person(id="a", roles=(cm.Role(office="minister", organization="ministry"),)),
                cm.Organization(
                    id="ministry",
                    affiliations=(cm.Affiliation(kind=cm.AffiliationKind.PART_OF, target="gov"),),
                ),
                cm.GovernmentBody(id="gov", name="Government"),
                cm.Person(
                    id="b",
                    affiliations=(
                        cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="gov"),
                    ),
                ),
            ),
            claims=(cm.Claim(id="k", text="K"),),
            assertions=tuple(
                cm.Assertion(
                    id=f"x{s}",
                    claim="k",
                    attribution=cm.Attribution(source=s),
                    confidence=confidence(),
                )
                for s in ("a", "b")
            ),
        )
        (picture,) = chains(bundle)
        (group,) = picture.groups
        assert ("a", "b") == group.speakers
        assert ("gov", "ministry") == group.joining
        assert {"holds-office-at", "part-of", "employed-by"} == {t.kind.value for t in group.ties}
        assert "holds office at" in to_dot(bundle)

    def test_a_dependency_out_of_force_joins_nothing(self) -> None:
        ended = cm.PartialDate.parse("2019")
        bundle = cm.Bundle(
            sources=(
                cm.Person(
                    id="a",
                    affiliations=(
                        cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="b", end=ended),
                    ),
                ),
                cm.Organization(id="b"),
            ),
            claims=(cm.Claim(id="k", text="K"),),
            assertions=tuple(
                cm.Assertion(
                    id=f"x{s}",
                    claim="k",
                    attribution=cm.Attribution(source=s),
                    confidence=confidence(),
                    date=cm.PartialDate.parse("2024"),
                )
                for s in ("a", "b")
            ),
        )
        (picture,) = chains(bundle)
        assert [1, 2] == [group.number for group in picture.groups]
        assert all(not group.ties for group in picture.groups)

    def test_every_claim_by_default(self, kursk: cm.Bundle) -> None:
        assert [claim.id for claim in kursk.claims] == [p.claim for p in chains(kursk)]

    def test_unknown_claim(self, kursk: cm.Bundle) -> None:
        with pytest.raises(InvalidValueError, match="no claim 'nope' in the bundle"):
            chains(kursk, claim="nope")
        with pytest.raises(InvalidValueError, match="its claims: none"):
            chains(cm.Bundle(), claim="nope")

    def test_not_a_bundle(self) -> None:
        with pytest.raises(InvalidTypeError, match="expected a Bundle"):
            chains("bundle")  # type: ignore[arg-type]

    def test_a_claim_without_assertions(self) -> None:
        bundle = cm.Bundle(claims=(cm.Claim(id="k", text="K"),))
        (picture,) = chains(bundle)
        assert ((), (), ()) == (picture.groups, picture.hops, picture.relays)
        assert "K" == picture.text


class TestDot:
    """DOT that Graphviz draws, with every label shown as written."""

    def test_graphviz_draws_the_example(self, kursk: cm.Bundle) -> None:
        need_graphviz()
        text = svg_text(to_svg(kursk, claim="nk-fought"))
        for name in ("Sergey Lavrov", "Andrei Belyushikov", "Russian officials", "counted once"):
            assert name in text

    def test_every_claim_at_once(self, kursk: cm.Bundle) -> None:
        dot = need_graphviz()
        done = subprocess.run(
            [dot, "-Tsvg"], input=to_dot(kursk).encode(), capture_output=True, check=False
        )
        assert 0 == done.returncode, done.stderr
        assert b"" == done.stderr
        assert "RIA Novosti" in svg_text(done.stdout.decode())

    def test_hostile_text_is_drawn_as_text(self) -> None:
        need_graphviz()
        text = svg_text(to_svg(hostile_bundle()))
        for name in HOSTILE:
            assert name in text
        assert 'Org "quoted" across lines\\u0007' in text
        assert "Outlet </svg> ]]>" in text

    def test_names_are_made_here(self) -> None:
        dot = to_dot(hostile_bundle())
        assert "p0" not in dot
        assert "<script>" not in dot
        assert "&lt;script&gt;" in dot

    def test_without_graphviz(
        self, kursk: cm.Bundle, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("PATH", "")
        assert not graphviz_installed()
        with pytest.raises(GraphvizError, match="needs Graphviz's dot program"):
            to_svg(kursk)
        assert 2 == main(["graph", "--format", "svg", str(EXAMPLE)])
        assert "claimmodel graph: error: drawing SVG needs Graphviz" in capsys.readouterr().err

    def test_graphviz_failing(
        self, kursk: cm.Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        fake = tmp_path / "dot"
        fake.write_text("#!/bin/sh\necho 'syntax error' >&2\nexit 1\n")
        fake.chmod(0o755)
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.raises(GraphvizError, match="could not draw the picture: syntax error"):
            to_svg(kursk)


class MermaidPage:
    """One page with Mermaid loaded, and what the page logged as errors."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.set_content("<!doctype html><html lang=en><body><div id=out></div></body></html>")
        page.add_script_tag(path=str(need_mermaid()))
        page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def draw(self, text: str) -> tuple[str, list[str]]:
        """Mermaid's own parser and renderer on ``text``: the drawing's text, and the
        errors logged meanwhile."""
        self.errors.clear()
        shown = self.page.evaluate(
            """async (text) => {
                await mermaid.parse(text);
                const {svg} = await mermaid.render('drawing', text);
                const out = document.getElementById('out');
                out.innerHTML = svg;
                return out.innerText;
            }""",
            text,
        )
        return str(shown), list(self.errors)


@pytest.fixture(scope="module")
def mermaid(chromium: Browser) -> Iterator[MermaidPage]:
    """Mermaid, loaded once in a page of the module's Chromium."""
    page = chromium.new_page()
    try:
        yield MermaidPage(page)
    finally:
        page.close()


class TestMermaid:
    """Mermaid flowcharts that Mermaid parses and draws, labels shown as written."""

    def test_mermaid_draws_the_example(self, mermaid: MermaidPage, kursk: cm.Bundle) -> None:
        shown, errors = mermaid.draw(to_mermaid(kursk, claim="nk-fought"))
        assert [] == errors
        for name in ("Sergey Lavrov", "counted once", "Ministry of Defense"):
            assert name in shown
        relayed, errors = mermaid.draw(to_mermaid(kursk, claim="project-proceeding"))
        assert [] == errors
        for name in ("RIA Novosti", "interview", "publication"):
            assert name in relayed

    def test_hostile_text_is_drawn_as_text(self, mermaid: MermaidPage) -> None:
        shown, errors = mermaid.draw(to_mermaid(hostile_bundle()))
        assert [] == errors
        flat = " ".join(shown.split())
        for name in HOSTILE:
            assert " ".join(name.split()) in flat
        assert 'The claim <img src=x onerror="alert(1)"> & more' in flat

    def test_mermaid_refuses_what_is_not_mermaid(self, mermaid: MermaidPage) -> None:
        from playwright.sync_api import Error

        with pytest.raises(Error, match="Parse error"):
            mermaid.draw('flowchart LR\n  n1["unterminated] --> n2\n')

    def test_ids_are_made_here(self) -> None:
        text = to_mermaid(hostile_bundle())
        assert "p0" not in text
        assert "<" not in text.split("accDescr", 1)[1].split("\n", 1)[1]


class TestCommand:
    """``claimmodel graph``."""

    @pytest.mark.parametrize(
        ("kind", "start"), [("dot", "digraph claimmodel {"), ("mermaid", "flowchart LR")]
    )
    def test_formats(
        self, kind: str, start: str, kursk: cm.Bundle, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 0 == main(["graph", "--format", kind, "--claim", "nk-fought", str(EXAMPLE)])
        out, err = capsys.readouterr()
        assert out.startswith(start)
        expected = to_dot if kind == "dot" else to_mermaid
        assert expected(kursk, claim="nk-fought") == out
        assert "" == err

    def test_dot_is_the_default_and_o_writes_a_file(
        self, tmp_path: Path, kursk: cm.Bundle, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "kursk.dot"
        assert 0 == main(["graph", "-o", str(out), str(EXAMPLE)])
        assert to_dot(kursk) == out.read_text(encoding="utf-8")
        assert ("", "") == capsys.readouterr()

    def test_svg(self, tmp_path: Path) -> None:
        need_graphviz()
        out = tmp_path / "kursk.svg"
        assert 0 == main(["graph", "--format", "svg", "-o", str(out), str(EXAMPLE)])
        assert "Sergey Lavrov" in svg_text(out.read_text(encoding="utf-8"))

    def test_unknown_claim_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main(["graph", "--claim", "nope", str(EXAMPLE)])
        err = capsys.readouterr().err
        assert err.startswith("claimmodel graph: error: ")
        assert "no claim 'nope'" in err

    def test_bad_input(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main(["graph", str(tmp_path / "missing.json")])
        invalid = tmp_path / "invalid.json"
        invalid.write_text('{"format": "claimmodel/1.0", "sources": 1}')
        assert 1 == main(["graph", str(invalid)])
        assert "invalid.json: $.relations: required key" in capsys.readouterr().err
        assert 2 == main(["graph", "--format", "png", str(EXAMPLE)])
