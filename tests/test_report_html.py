"""The report as one self-contained HTML page: its content, its escaping, and the page in
headless Chromium (rendered text, no console errors, no request, zero axe-core WCAG A/AA
violations, readable at a phone's and a desktop's width)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

import claimmodel as cm
from browser import AXE, chromium, need_graphviz
from claimmodel.cli import main
from claimmodel.render import render_html

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog, Page, ViewportSize

__all__ = ["chromium"]  # the fixture, imported for the tests below

EXAMPLE = Path(__file__).parent.parent / "examples" / "kursk-monument.json"
WIRE = EXAMPLE.parent / "san-telmo-port.json"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
SCRIPT = "<script>window.pwned = 1</script>"
IMAGE = '<img src=x onerror="window.pwned = 2">'
BREAKOUT = '"><svg onload="window.pwned = 3">'
TEXT = "The minister <b>allegedly</b> said it."
JAVASCRIPT = "javascript:window.pwned = 4"
EVIDENCE_URL = 'https://x.example/"><script>alert(5)</script>'
WIRE_RATING = (
    "<strong>VeriFato</strong> rated it <strong>“False”</strong> (1 on a scale from 1, the "
    "worst, to 5, the best), 2026-03-04"
)
REVIEW = "https://verifato.example/2026/03/04/san-telmo-no-chemical-agent"


@pytest.fixture(scope="module")
def kursk() -> cm.Bundle:
    """The worked example."""
    return cm.loads(EXAMPLE.read_text(encoding="utf-8"))


def hostile() -> cm.Bundle:
    """Markup and script in the title, names, a claim, a cue, a quote, a hedge and ids;
    the document's text with a hedge located in a quote."""
    start = TEXT.index("<b>allegedly</b>")
    hedge_span = cm.Span(start=start + 3, end=start + 12)
    quote_span = cm.Span(start=0, end=len(TEXT))
    return cm.Bundle(
        title=f"Report {SCRIPT}",
        document="doc",
        sources=(
            cm.Document(id="doc", name=f"Paper {IMAGE}", text=TEXT),
            cm.Person(
                id="p<1>",
                name=SCRIPT,
                affiliations=(cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="o"),),
            ),
            cm.Organization(id="o", name=BREAKOUT),
            cm.Person(id="q", name="Quiet & <i>calm</i>"),
            cm.MediaOutlet(id="checker", name=f"Checker {SCRIPT}"),
        ),
        claims=(cm.Claim(id="k&<>", text=f"Claim {IMAGE} & {BREAKOUT}"),),
        assertions=(
            cm.Assertion(
                id="a<1>",
                claim="k&<>",
                attribution=cm.Attribution(
                    source="p<1>",
                    cue=SCRIPT,
                    chain=(cm.Link(source="doc", channel=cm.Channel.INTERVIEW),),
                ),
                confidence=cm.Confidence(
                    scale="icd203",
                    level="likely",
                    probability=cm.Interval(low=0.55, high=0.8),
                    assessor="q",
                    basis=BREAKOUT,
                ),
                hedges=(
                    cm.Hedge(
                        cue="allegedly",
                        category=cm.HedgeCategory.REPORTATIVE,
                        span=hedge_span,
                        scope=IMAGE,
                    ),
                ),
                evidence=(cm.Evidence(span=quote_span),),
            ),
            cm.Assertion(
                id="a2",
                claim="k&<>",
                attribution=cm.Attribution(source="o"),
                confidence=cm.Confidence.cannot_be_judged(),
                stance=cm.Stance.ASSERTS,
            ),
            cm.Assertion(
                id="a3",
                claim="k&<>",
                attribution=cm.Attribution(source="q"),
                confidence=cm.Confidence.cannot_be_judged(),
                stance=cm.Stance.DISPUTES,
            ),
        ),
        verdicts=(
            cm.Verdict(
                id="v<1>",
                reviewer="checker",
                reviews=("a<1>",),
                rating=cm.Rating(label=f"False {SCRIPT}", value=1, best=5, worst=1),
                url=JAVASCRIPT,
                explanation=f"Because {IMAGE}",
                evidence=(
                    cm.Evidence(
                        quote=BREAKOUT,
                        url=EVIDENCE_URL,
                        archive_url="data:text/html,<script>alert(6)</script>",
                        bearing=cm.Bearing.REFUTES,
                    ),
                ),
            ),
        ),
    )


def _checked(url: str | None = None, **rating: Any) -> cm.Bundle:
    """A claim rated by a fact-checker in the review at ``url``."""
    return cm.Bundle(
        sources=(cm.Person(id="p", name="P"), cm.MediaOutlet(id="checker", name="Checker")),
        claims=(cm.Claim(id="k", text="K"),),
        assertions=(
            cm.Assertion(
                id="a",
                claim="k",
                attribution=cm.Attribution(source="p"),
                confidence=cm.Confidence.cannot_be_judged(),
            ),
        ),
        verdicts=(
            cm.Verdict(
                id="v",
                reviewer="checker",
                reviews=("a",),
                rating=cm.Rating(**{"label": "Mostly false", **rating}),
                url=url,
            ),
        ),
    )


def _fact_checks(page: str) -> str:
    """The page's fact-checks section."""
    return page.split("<h3>Fact-checks</h3>", 1)[1].split("<h3>", 1)[0]


class TestPage:
    """What the page says, from the analysis, with everything from the document escaped."""

    def test_one_page_that_loads_nothing(self, kursk: cm.Bundle) -> None:
        page = render_html(kursk)
        assert page.startswith('<!doctype html>\n<html lang="en">')
        assert "default-src 'none'" in page
        assert "<script" not in page
        assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)
        assert '<meta name="viewport"' in page

    def test_per_claim(self, kursk: cm.Bundle) -> None:
        page = render_html(kursk, graphviz=False)
        analysis = cm.analyze(kursk)
        for claim in analysis.claims.values():
            assert claim.text is not None
            assert render_html_escaped(claim.text) in page
            assert render_html_escaped(claim.verdict) in page
        assert "Independent origin 1 behind the claim: 4 voices, counted once" in page
        assert "They count once because the record ties them together" in page
        assert "Sergey Lavrov listed member of Russian officials" in page
        assert "<strong>Sergey Lavrov</strong> (at press conference in Wonsan, 2025-07) (" in page
        assert "on the ICD 203 likelihood scale (a probability of 55%–80%)" in page
        assert "<svg" not in page

    def test_refuses_what_is_not_a_bundle_or_analysis(self, kursk: cm.Bundle) -> None:
        with pytest.raises(cm.InvalidTypeError, match="expected a Bundle, not a string"):
            render_html("examples/kursk-monument.json")  # type: ignore[arg-type]
        with pytest.raises(cm.InvalidTypeError, match="analysis: expected an Analysis"):
            render_html(kursk, {"nk-fought": None})  # type: ignore[arg-type]

    def test_pictures_with_graphviz(self, kursk: cm.Bundle) -> None:
        need_graphviz()
        page = render_html(kursk, graphviz=True)
        assert '<svg role="img" aria-labelledby="claim-2-chains"' in page
        assert '<figcaption id="claim-2-chains">' in page
        assert "<?xml" not in page
        assert "<!--" not in page

    def test_without_graphviz_the_chains_are_words(
        self, kursk: cm.Bundle, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("PATH", "")
        page = render_html(kursk)
        assert "<svg" not in page
        assert "<strong>Alexei Chebanenko</strong> (interview" in page
        assert page == render_html(kursk, graphviz=False)
        assert page == render_html(kursk, graphviz=True)  # asked for, but dot is missing

    def test_hedges_marked_in_the_quote(self) -> None:
        page = render_html(hostile(), graphviz=False)
        quote = (
            "“The minister &lt;b&gt;"
            '<mark title="hedge: reportative">allegedly</mark>'
            "&lt;/b&gt; said it.”"
        )
        assert quote in page

    def test_a_hedge_outside_the_quote_is_not_marked(self) -> None:
        bundle = cm.Bundle(
            document="doc",
            sources=(cm.Document(id="doc", text="He said it allegedly."),),
            claims=(cm.Claim(id="k", text="K"),),
            assertions=(
                cm.Assertion(
                    id="a",
                    claim="k",
                    attribution=cm.Attribution(source="doc"),
                    confidence=cm.Confidence.cannot_be_judged(),
                    hedges=(
                        cm.Hedge(
                            cue="allegedly",
                            category=cm.HedgeCategory.REPORTATIVE,
                            span=cm.Span(start=11, end=20),
                        ),
                    ),
                    evidence=(
                        cm.Evidence(span=cm.Span(start=0, end=10)),
                        cm.Evidence(quote="said it allegedly", span=cm.Span(start=3, end=20)),
                        cm.Evidence(quote="not where the span says", span=cm.Span(start=0, end=4)),
                    ),
                ),
            ),
        )
        page = render_html(bundle, graphviz=False)
        assert "<blockquote><p>“He said it”</p></blockquote>" in page
        assert '“said it <mark title="hedge: reportative">allegedly</mark>”' in page
        assert "“not where the span says”" in page
        assert "Cannot be judged." in page

    def test_nothing_from_the_document_is_markup(self) -> None:
        page = render_html(hostile(), graphviz=False)
        for raw in (SCRIPT, IMAGE, BREAKOUT, "<i>calm</i>", "<b>allegedly</b>", "p<1>"):
            assert raw not in page
        assert render_html_escaped(SCRIPT) in page
        assert "Quiet &amp; &lt;i&gt;calm&lt;/i&gt;" in page

    def test_a_claim_the_bundle_does_not_hold(self) -> None:
        bundle = cm.Bundle(
            sources=(cm.Person(id="p"),),
            assertions=(
                cm.Assertion(
                    id="a",
                    claim="ghost",
                    attribution=cm.Attribution(source="p"),
                    confidence=cm.Confidence(scale="in-house", level="sure"),
                ),
            ),
        )
        page = render_html(bundle, graphviz=False)
        assert "(not in the bundle: assertions name it)" in page
        assert "“sure” on the in-house scale" in page
        assert "<title>claimmodel report</title>" in page

    def test_withdrawn_and_reversed(self) -> None:
        def said(key: str, stance: cm.Stance, **more: Any) -> cm.Assertion:
            return cm.Assertion(
                id=key,
                claim="k",
                attribution=cm.Attribution(source="p"),
                confidence=cm.Confidence.cannot_be_judged(),
                stance=stance,
                **more,
            )

        bundle = cm.Bundle(
            sources=(cm.Person(id="p", name="P"),),
            claims=(cm.Claim(id="k", text="K"),),
            assertions=(
                said("a1", cm.Stance.ASSERTS, date=cm.PartialDate.parse("2024")),
                said("a2", cm.Stance.DENIES, date=cm.PartialDate.parse("2025"), retracts="a1"),
            ),
        )
        page = render_html(bundle, graphviz=False)
        assert "Retracted: assertion a1 (P) by assertion a2 (P); no longer counted." in page
        assert "Changed position: P asserted it (2024), then retracted it (2025)." in page


def render_html_escaped(text: str) -> str:
    """``text`` as the page writes it."""
    import html

    return html.escape(text, quote=True)


class TestFactChecks:
    """Each verdict on a claim, beside its count: the rating, reviewer, date, the review
    (a link only for a web address) and what it rests on."""

    def test_the_wire_reports_verdict(self) -> None:
        page = render_html(cm.loads(WIRE.read_bytes()), graphviz=False)
        section = _fact_checks(page)
        assert f'<p class="rating">{WIRE_RATING} <span class="ids">(assertion ' in section
        assert f'<p>The review: <a href="{REVIEW}" rel="noreferrer">{REVIEW}</a></p>' in section
        assert "<p>In the reviewer's words: The video and the accounts of two doctors" in section
        assert (
            '<li>A video at <a href="https://social.example/posts/san-telmo-gate" '
            'rel="noreferrer">https://social.example/posts/san-telmo-gate</a> (archived at <a '
        ) in section
        assert (
            "<li>“the accounts of two doctors at San Telmo General Hospital” — it refutes the "
            "claim</li>"
        ) in section
        assert 1 == page.count("<h3>Fact-checks</h3>")
        assert (
            "<p>13 claims; 12 with a single independent origin; 1 contradicted; 1 fact-checked.</p>"
            in (page)
        )
        # Links go to the reviews and the evidence; nothing is loaded from anywhere.
        assert not re.search(r"""src=["']?(https?:|//)""", page)
        assert {"a"} == set(re.findall(r"<(\w+)[^>]*\shref=", page))
        no_verdicts = render_html(cm.loads(EXAMPLE.read_bytes()), graphviz=False)
        assert "Fact-checks" not in no_verdicts
        assert "fact-checked" not in no_verdicts

    @pytest.mark.parametrize(
        "url",
        [
            "http://a.example/x",
            "HTTPS://A.example/x?q=1&r=<2>",
            "https://a.example/\u00e9t\u00e9",
        ],
    )
    def test_a_web_address_is_a_link(self, url: str) -> None:
        section = _fact_checks(render_html(_checked(url), graphviz=False))
        escaped = render_html_escaped(url)
        assert f'<p>The review: <a href="{escaped}" rel="noreferrer">{escaped}</a></p>' in section

    @pytest.mark.parametrize(
        "url",
        [
            JAVASCRIPT,
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//a.example/no-scheme",
            "ftp://a.example/x",
            "http://",
            "https://[::1/broken",
            "https://a.example/\tx",
            "https://a.example/ x",
            "https://a.example/\u202ex",
            "vbscript:msgbox",
        ],
    )
    def test_anything_else_is_text(self, url: str) -> None:
        section = _fact_checks(render_html(_checked(url), graphviz=False))
        assert "<a " not in section
        assert "href" not in section
        assert "(not a web address, so not a link)</p>" in section
        assert "<p>The review: <code>" in section

    def test_a_label_alone_on_a_declared_scale(self) -> None:
        scale = cm.DeclaredScale(
            id="house",
            name="House <ratings>",
            kind=cm.ScaleKind.RATING,
            levels=(cm.DeclaredLevel(label="Mostly false"),),
        )
        bundle = attrs.evolve(_checked(scale="house"), scales=(scale,))
        section = _fact_checks(render_html(bundle, graphviz=False))
        assert (
            "<strong>Checker</strong> rated it <strong>“Mostly false”</strong>, on the House "
            '&lt;ratings&gt; scale <span class="ids">(assertion a)</span></p>'
        ) in section
        assert "The review" not in section
        assert "It rests on" not in section

    def test_hostile_verdict_is_text(self) -> None:
        section = _fact_checks(render_html(hostile(), graphviz=False))
        assert f"<code>{render_html_escaped(JAVASCRIPT)}</code>" in section
        assert f"False {render_html_escaped(SCRIPT)}" in section
        assert f"Because {render_html_escaped(IMAGE)}" in section
        link = render_html_escaped(EVIDENCE_URL)
        assert f'at <a href="{link}" rel="noreferrer">{link}</a>' in section
        assert "(archived at <code>data:text/html,&lt;script&gt;alert(6)&lt;/script&gt;</code>" in (
            section
        )
        for raw in (SCRIPT, IMAGE, BREAKOUT, EVIDENCE_URL, "<script>alert(6)"):
            assert raw not in section
        assert 1 == section.count("<a ")


class TestCommand:
    """``claimmodel report --format html``."""

    def test_writes_the_page(
        self, tmp_path: Path, kursk: cm.Bundle, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "report.html"
        assert 0 == main(["report", "--format", "html", "-o", str(out), str(EXAMPLE)])
        assert render_html(kursk) == out.read_text(encoding="utf-8")
        assert ("", "") == capsys.readouterr()

    def test_standard_output_and_several_files(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 0 == main(["report", "--format", "html", str(EXAMPLE), str(EXAMPLE)])
        out = capsys.readouterr().out
        assert out.startswith("<!doctype html>")
        assert "<title>2 bundles: " in out

    def test_o_for_the_text_report(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "report.txt"
        assert 0 == main(["report", "-o", str(out), str(EXAMPLE)])
        assert ("", "") == capsys.readouterr()
        assert 0 == main(["report", str(EXAMPLE)])
        assert capsys.readouterr().out == out.read_text(encoding="utf-8")

    def test_unwritable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        for kind in ("text", "html"):
            target = str(tmp_path / "missing" / "report")
            assert 2 == main(["report", "--format", kind, "-o", target, str(EXAMPLE)])
            assert "cannot write" in capsys.readouterr().err


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The pages the browser tests open, written once."""
    return {
        "kursk": render_html(cm.loads(EXAMPLE.read_text(encoding="utf-8"))),
        "hostile": render_html(hostile()),
        "wire": render_html(cm.loads(WIRE.read_bytes())),
    }


class Opened:
    """A page opened in Chromium: what it logged and asked for."""

    def __init__(self, browser: Browser, content: str, viewport: ViewportSize, tmp: Path) -> None:
        # The page's own Content-Security-Policy would stop axe-core from being injected:
        # the escaping, not the policy, is what these tests hold to account.
        context = browser.new_context(viewport=viewport, bypass_csp=True)
        self.page: Page = context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        path = tmp / "report.html"
        path.write_text(content, encoding="utf-8")
        self.url = path.as_uri()
        self.page.goto(self.url)

    def _dialog(self, dialog: Dialog) -> None:
        """A dialog only a script from the document could open: noted and dismissed."""
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def axe(self) -> list[dict[str, Any]]:
        """The WCAG A and AA violations axe-core finds in the page."""
        self.page.add_script_tag(path=str(AXE))
        found = self.page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
            ".violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.html)}))",
            WCAG,
        )
        return list(found)

    def close(self) -> None:
        self.page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
class TestInChromium:
    """The page in headless Chromium at a phone's and a desktop's width."""

    def test_kursk(
        self, chromium: Browser, pages: dict[str, str], viewport: ViewportSize, tmp_path: Path
    ) -> None:
        opened = Opened(chromium, pages["kursk"], viewport, tmp_path)
        try:
            shown = opened.page.inner_text("body")
            assert "North Korean soldiers fought on the Russian side" in shown
            assert "Verdict: 1 independent origin (Andrei Belyushikov + Sergey Lavrov" in shown
            assert "Independent origin 1 behind the claim: 4 voices, counted once" in shown
            wide = opened.page.evaluate("document.documentElement.scrollWidth")
            assert wide <= viewport["width"], "nothing is wider than the screen"
            assert [] == opened.axe()
            assert [] == opened.errors
            assert [opened.url] == opened.requests
        finally:
            opened.close()

    def test_wire_report_with_its_verdict(
        self, chromium: Browser, pages: dict[str, str], viewport: ViewportSize, tmp_path: Path
    ) -> None:
        opened = Opened(chromium, pages["wire"], viewport, tmp_path)
        try:
            page = opened.page
            shown = page.inner_text("body")
            assert (
                "VeriFato rated it “False” (1 on a scale from 1, the worst, to 5, the best), "
                "2026-03-04"
            ) in shown
            assert [REVIEW, REVIEW] == page.evaluate(
                "Array.from(document.querySelectorAll('.fact-check > p a'),"
                " a => [a.href, a.textContent]).flat()"
            )
            assert "Fact-checks" == page.inner_text("#claim-6 h3")
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= viewport["width"], "nothing is wider than the screen"
            assert [] == opened.axe()
            assert [] == opened.errors
            assert [opened.url] == opened.requests
        finally:
            opened.close()

    def test_hostile_bundle_renders_as_text(
        self, chromium: Browser, pages: dict[str, str], viewport: ViewportSize, tmp_path: Path
    ) -> None:
        opened = Opened(chromium, pages["hostile"], viewport, tmp_path)
        try:
            page = opened.page
            assert None is page.evaluate("window.pwned")
            assert 0 == page.evaluate("document.querySelectorAll('script, img, iframe').length")
            shown = page.inner_text("body")
            for raw in (SCRIPT, IMAGE, BREAKOUT, "Quiet & <i>calm</i>", f"Report {SCRIPT}"):
                assert raw in shown
            assert f"Report {SCRIPT}" == page.title()
            assert "allegedly" == page.inner_text("blockquote mark")
            links = page.evaluate("Array.from(document.links, a => [a.protocol, a.textContent])")
            assert [["https:", EVIDENCE_URL]] == links
            assert JAVASCRIPT in page.inner_text(".fact-check")
            assert [] == opened.dialogs
            assert [] == opened.axe()
            assert [] == opened.errors
        finally:
            opened.close()
