"""The report as one self-contained HTML page, for an editor rather than a terminal.

Built from the analysis (never from the text report): per claim, the claim, its verdict,
the fact-checks on it (each verdict's reviewer, rating, date, review and what it rests
on), its origins and why dependent voices count once, a picture of its chains
(Graphviz's SVG when ``dot`` is installed) and the same chains in words, what each source
said with the hedges marked in the quoted words where the record locates them, and each
confidence with its scale.  Everything taken from the document is escaped by
:func:`html.escape`; an address is a link only when it is an ``http`` or ``https`` URL
(anything else, ``javascript:`` included, is shown as text); the page holds no script,
loads nothing (its Content-Security-Policy forbids it) and carries its styles inline.
"""

from __future__ import annotations

import html
import re
import tempfile
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO

import attrs

from claimmodel.analysis import Analysis, ClaimAnalysis, FactCheck, analyze
from claimmodel.exceptions import InvalidTypeError
from claimmodel.model import (
    CANNOT_BE_JUDGED,
    Assertion,
    Bearing,
    Bundle,
    Confidence,
    Evidence,
    EvidenceKind,
    Hedge,
    Rating,
    Span,
)
from claimmodel.model import _checks as check
from claimmodel.model._scales import get_scale
from claimmodel.render._chains import (
    DEPENDENCY_WORDS,
    STANCE_WORDS,
    ClaimChains,
    chains,
    occasion_words,
)
from claimmodel.render._dot import GraphvizError, dot_program, draw_dot, run_dot
from claimmodel.render._text import one_line, shown

__all__ = ["render_html", "write_html"]

_CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8;
  --backs: #1f5c99; --opposes: #a12a2a; --mark: #fff0a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
  "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #ffffff; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
p, li, dd, figcaption { overflow-wrap: anywhere; }
a { color: #0b4f8a; }
nav ol { padding-left: 1.5rem; }
article { border-top: 2px solid var(--line); padding: 1rem 0 1.5rem; }
.claim-id, .ids { color: var(--muted); font-size: 0.9rem; }
.verdict { border-left: 0.35rem solid var(--backs); background: #eef4fb;
  padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.origin { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.5rem 0.75rem;
  margin: 0.5rem 0; list-style: none; }
.origin.backs { border-left: 0.35rem solid var(--backs); }
.origin.opposes { border-left: 0.35rem solid var(--opposes); }
.origins { padding: 0; }
.chain { margin: 0.25rem 0; }
figure { margin: 0.75rem 0; }
figure svg { max-width: 100%; height: auto; }
blockquote { margin: 0.25rem 0 0.25rem 0.5rem; padding-left: 0.75rem;
  border-left: 3px solid var(--line); }
mark { background: var(--mark); color: #000000; padding: 0 0.1em; }
.category { font-size: 0.85rem; color: var(--muted); }
dl { margin: 0.25rem 0; }
dt { font-weight: 600; }
dd { margin: 0 0 0.5rem 1rem; }
.said { border-top: 1px solid #e4e4e4; padding: 0.5rem 0; }
.fact-checks { padding: 0; }
.fact-check { list-style: none; border: 1px solid var(--line); border-radius: 0.4rem;
  border-left: 0.35rem solid var(--muted); padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
.fact-check p { margin: 0.25rem 0; }
.rating { font-size: 1.1rem; }
footer { color: var(--muted); font-size: 0.85rem; padding-bottom: 2rem; }
@media (max-width: 40rem) { body { font-size: 1.05rem; } h1 { font-size: 1.35rem; } }
"""

# The page loads nothing and runs nothing: styles inline, pictures inline, no script.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _e(value: object) -> str:
    """Text from anywhere, escaped for HTML (quotes too, so it is safe in attributes).

    Characters a terminal acts on (the page may be printed to one) and HTML forbids or
    remaps (C0 and C1 controls, DEL, separators, bidirectional controls, lone
    surrogates) are shown as ``\\uXXXX``; line feeds and tabs, white space in HTML,
    stay.
    """
    return html.escape(shown(str(value), keep="\n\t"), quote=True)


def _ids(ids: Iterable[str]) -> str:
    listed = list(ids)
    noun = "assertion" if len(listed) == 1 else "assertions"
    return f'<span class="ids">({noun} {_e(", ".join(listed))})</span>'


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# Characters that never stand in a URL as written: white space and controls (a browser
# drops some of them, so what is shown would not be where the link goes).
_NOT_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]")


def _web_address(url: str) -> bool:
    """Whether ``url`` is an ``http`` or ``https`` URL with a host, safe as a link."""
    if _NOT_IN_URL.search(url) or shown(url) != url:
        return False
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # an unbalanced bracket in the host
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(parts.hostname)


def _address(url: str) -> str:
    """``url`` as a link when it is a web address; anything else as text, never a link."""
    if _web_address(url):
        return f'<a href="{_e(url)}" rel="noreferrer">{_e(url)}</a>'
    return f"<code>{_e(url)}</code> (not a web address, so not a link)"


_KIND = {
    EvidenceKind.TEXT: "A text",
    EvidenceKind.IMAGE: "An image",
    EvidenceKind.VIDEO: "A video",
    EvidenceKind.AUDIO: "A sound recording",
    EvidenceKind.DATASET: "Data",
    EvidenceKind.DOCUMENT: "A document",
}
_BEARING = {
    Bearing.SUPPORTS: "supports the claim",
    Bearing.REFUTES: "refutes the claim",
    Bearing.NEITHER: "bears neither way",
}


def _rating_numbers(rating: Rating) -> str:
    """``" (1 on a scale from 1, the worst, to 5, the best)"``, or nothing without numbers."""
    if rating.value is None or rating.best is None or rating.worst is None:
        return ""
    return (
        f" ({_e(rating.value)} on a scale from {_e(rating.worst)}, the worst, "
        f"to {_e(rating.best)}, the best)"
    )


class _Page:
    """One report: the names of its sources and of its declared scales, the text of its
    document, and the assertions of the claims being written (:meth:`use`)."""

    def __init__(
        self,
        *,
        names: Mapping[str, str],
        scale_names: Mapping[str, str],
        text: str | None,
        graphviz: bool,
    ) -> None:
        self.names = names
        self.scale_names = scale_names
        self.text = text
        self.graphviz = graphviz
        self.assertions: dict[str, Assertion] = {}

    def use(self, assertions: Iterable[Assertion]) -> None:
        """Look assertions up among ``assertions`` (the first of each id) from now on."""
        self.assertions = {}
        for assertion in assertions:
            self.assertions.setdefault(assertion.id, assertion)

    def name(self, source: str) -> str:
        return _e(self.names.get(source, source))

    # -- one claim ---------------------------------------------------------------------

    def claim(self, number: int, picture: ClaimChains) -> Iterator[str]:
        claim = picture.analysis
        anchor = f"claim-{number}"
        yield f'<article id="{anchor}" aria-labelledby="{anchor}-title">'
        yield f'<h2 id="{anchor}-title">{_e(picture.text)}</h2>'
        yield f'<p class="claim-id">Claim <code>{_e(claim.claim)}</code>'
        if claim.text is None:
            yield " (not in the bundle: assertions name it)"
        yield "</p>"
        yield f'<p class="verdict"><strong>Verdict:</strong> {_e(claim.verdict)}</p>'
        yield from self.fact_checks(claim)
        if claim.assertions:
            yield from self.origins(picture)
            yield from self.chains(number, picture)
            yield from self.said(claim)
            yield from self.confidence(claim)
        yield "</article>"

    def fact_checks(self, claim: ClaimAnalysis) -> Iterator[str]:
        """Each verdict on the claim: who rated it how, when, where, and on what."""
        if not claim.fact_checks:
            return
        yield "<h3>Fact-checks</h3>"
        yield '<ul class="fact-checks">'
        for found in claim.fact_checks:
            yield '<li class="fact-check">'
            yield from self.fact_check(found)
            yield "</li>"
        yield "</ul>"

    def fact_check(self, found: FactCheck) -> Iterator[str]:
        rating = found.rating
        scale = ""
        if rating.scale is not None:
            name = self.scale_names.get(rating.scale, rating.scale)
            scale = f", on the {_e(name)} scale"
        date = f", {_e(found.date)}" if found.date is not None else ""
        yield (
            f'<p class="rating"><strong>{self.name(found.reviewer)}</strong> rated it '
            f"<strong>“{_e(rating.label)}”</strong>{_rating_numbers(rating)}{scale}{date} "
            f"{_ids(found.assertions)}</p>"
        )
        if found.url is not None:
            yield f"<p>The review: {_address(found.url)}</p>"
        if found.explanation is not None:
            yield f"<p>In the reviewer's words: {_e(found.explanation)}</p>"
        if found.evidence:
            yield "<p>It rests on:</p><ul>"
            for evidence in found.evidence:
                yield f"<li>{self.rests_on(evidence)}</li>"
            yield "</ul>"

    def rests_on(self, evidence: Evidence) -> str:
        """A piece of evidence a verdict rests on: what it is, its words, where, its bearing."""
        quoted = self.quote(evidence, ())
        parts = []
        if quoted is None or evidence.kind is not EvidenceKind.TEXT:  # words speak for themselves
            parts.append(_KIND[evidence.kind])
        if quoted is not None:
            parts.append(quoted)
        if evidence.url is not None:
            parts.append(f"at {_address(evidence.url)}")
        if evidence.archive_url is not None:
            parts.append(f"(archived at {_address(evidence.archive_url)})")
        if evidence.bearing is not None:
            parts.append(f"— it {_BEARING[evidence.bearing]}")
        return " ".join(parts)

    def origins(self, picture: ClaimChains) -> Iterator[str]:
        claim = picture.analysis
        yield "<h3>Origins</h3>"
        yield (
            f"<p>{_plural(len(claim.assertions), 'assertion')} by "
            f"{_plural(len(claim.sources), 'source')}; "
            f"{_plural(claim.independent_origins, 'independent origin')} behind the claim.</p>"
        )
        yield '<ol class="origins">'
        for group in picture.groups:
            origin = group.origin
            kind = "backs" if origin.asserts else ("opposes" if origin.opposes else "other")
            names = " + ".join(self.name(source) for source in group.speakers)
            yield (
                f'<li class="origin {kind}"><strong>{_e(group.title)}</strong>: {names} '
                f"{_ids(origin.assertions)}"
            )
            if len(group.speakers) > 1:
                why = "They count once because the record ties them together"
                if group.ties:
                    why += ": " + "; ".join(
                        f"{self.name(tie.source)} {_e(DEPENDENCY_WORDS[tie.kind])} "
                        f"{self.name(tie.target)}"
                        for tie in group.ties
                    )
                yield f"<p>{why}.</p>"
            for reason in origin.reasons:
                yield f"<p>{_e(reason)}</p>"
            yield "</li>"
        yield "</ol>"
        for withdrawn in claim.withdrawn:
            yield (
                f"<p>{_e(withdrawn.how.capitalize())}: assertion {_e(withdrawn.assertion)} "
                f"({_e(withdrawn.name)}) by assertion {_e(withdrawn.by)} "
                f"({_e(withdrawn.by_name)}); no longer counted.</p>"
            )
        for reversal in claim.reversals:
            yield f"<p>Changed position: {_e(reversal.name)} {_e(reversal.change)}.</p>"

    def chains(self, number: int, picture: ClaimChains) -> Iterator[str]:
        yield "<h3>Who said it through whom</h3>"
        if picture.hops or any(group.ties for group in picture.groups):
            svg = self.picture(picture, f"claim-{number}-chains")
            if svg is not None:
                label = f"Picture of the attribution chains of: {one_line(picture.text)}"
                yield f"<figure>{svg}"
                yield (
                    f'<figcaption id="claim-{number}-chains">{_e(label)}. '
                    "The list below says the same in words.</figcaption></figure>"
                )
        yield '<ul class="chains">'
        for key in picture.analysis.assertions:
            assertion = self.assertions.get(key)
            if assertion is None or key not in _counted(picture.analysis):
                continue
            steps = [f"<strong>{self.name(assertion.attribution.source)}</strong>"]
            if assertion.occasion is not None:
                where = occasion_words(assertion.occasion)
                when = f", {_e(assertion.date)}" if assertion.date is not None else ""
                steps.append(f"(at {_e(where)}{when})")
            for link in assertion.attribution.chain:
                how = link.channel.value.replace("-", " ")
                when = f", {_e(link.date)}" if link.date is not None else ""
                steps.append(f"({_e(how)}{when}) → {self.name(link.source)}")
            stance = _e(STANCE_WORDS[assertion.stance])
            yield f'<li class="chain">{" ".join(steps)}: {stance} {_ids([key])}</li>'
        yield "</ul>"

    def picture(self, picture: ClaimChains, caption: str) -> str | None:
        """Graphviz's drawing, named by the figure's caption (``None`` without Graphviz)."""
        if not self.graphviz:
            return None
        try:
            svg = run_dot(draw_dot((picture,)))
        except GraphvizError:
            return None
        svg = svg[svg.index("<svg") :]
        svg = re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)
        return svg.replace("<svg", f'<svg role="img" aria-labelledby="{caption}"', 1)

    def said(self, claim: ClaimAnalysis) -> Iterator[str]:
        yield "<h3>What was said</h3>"
        for key in claim.assertions:
            assertion = self.assertions.get(key)
            if assertion is None:  # pragma: no cover - the analysis names the bundle's
                continue
            attribution = assertion.attribution
            yield '<div class="said">'
            cue = f" ({_e(attribution.cue)})" if attribution.cue else ""
            date = f", {_e(assertion.date)}" if assertion.date is not None else ""
            yield (
                f"<p><strong>{self.name(attribution.source)}</strong> "
                f"{_e(STANCE_WORDS[assertion.stance])}{cue}{date} {_ids([key])}</p>"
            )
            for evidence in assertion.evidence:
                quoted = self.quote(evidence, assertion.hedges)
                if quoted is not None:
                    yield f"<blockquote><p>{quoted}</p></blockquote>"
            if assertion.hedges:
                hedges = "; ".join(
                    f"<mark>{_e(hedge.cue)}</mark> "
                    f'<span class="category">{_e(hedge.category.value)}'
                    + (f", on: {_e(hedge.scope)}" if hedge.scope else "")
                    + "</span>"
                    for hedge in assertion.hedges
                )
                yield f"<p>Hedges: {hedges}</p>"
            yield f"<p>{self.judgement(assertion.confidence)}</p>"
            yield "</div>"

    def quote(self, evidence: Evidence, hedges: tuple[Hedge, ...]) -> str | None:
        """The quoted words, each hedge the record locates inside them marked."""
        text = evidence.quote
        span = evidence.span
        if text is None and span is not None and self.text is not None:
            text = span.of(self.text)
        if text is None:
            return None
        marks: list[tuple[int, int, Hedge]] = []
        if span is not None and span.end - span.start == len(text):
            marks = [
                (hedge.span.start - span.start, hedge.span.end - span.start, hedge)
                for hedge in hedges
                if hedge.span is not None and _inside(hedge.span, span)
            ]
        marks.sort(key=lambda mark: (mark[0], -mark[1]))
        parts: list[str] = []
        at = 0
        for start, end, hedge in marks:
            if start < at:  # overlaps one already marked
                continue
            parts.append(_e(text[at:start]))
            title = _e(f"hedge: {hedge.category.value}")
            parts.append(f'<mark title="{title}">{_e(text[start:end])}</mark>')
            at = end
        parts.append(_e(text[at:]))
        return "“" + "".join(parts) + "”"

    def judgement(self, confidence: Confidence) -> str:
        """A confidence in words: the level, its scale by name, its band, who judged it."""
        scale = get_scale(confidence.scale)
        scale_name = scale.name if scale is not None else confidence.scale
        if confidence.level == CANNOT_BE_JUDGED:
            words = "cannot be judged"
        else:
            words = f"“{_e(confidence.level)}”"
        line = f"<strong>Confidence:</strong> {words} on the {_e(scale_name)} scale"
        if confidence.probability is not None:
            line += f" (a probability of {_e(confidence.probability)})"
        if confidence.assessor is not None:
            line += f", judged by {self.name(confidence.assessor)}"
        if confidence.basis:
            line += f". Basis: {_e(confidence.basis)}"
        return line

    def confidence(self, claim: ClaimAnalysis) -> Iterator[str]:
        yield "<h3>Confidence in the claim</h3>"
        if claim.confidence is not None:
            words = (
                f"The assertions' probability bands together span {_e(claim.confidence)} "
                "(the envelope of every band stated)."
            )
        elif claim.judged:
            words = "Graded, but no probability is stated."
        else:
            words = "Cannot be judged."
        yield f"<p>{words}</p>"
        scales = sorted({self.assertions[k].confidence.scale for k in claim.assertions})
        for scale_id in scales:
            scale = get_scale(scale_id)
            if scale is None:
                continue
            citation = f" ({_e(scale.citation)})" if scale.citation else ""
            yield f'<p class="ids">Scale {_e(scale.name)}{citation}.</p>'

    # -- the whole page ----------------------------------------------------------------

    def head(self, title: str, tally: _Tally) -> list[str]:
        """The page up to its claims: the title and what the claims add up to."""
        fact_checked = f"; {tally.checked} fact-checked" if tally.checked else ""
        return [
            "<!doctype html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
            '<meta name="generator" content="claimmodel">',
            f"<title>{_e(title)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{_e(title)}</h1>",
            (
                f"<p>{_plural(tally.claims, 'claim')}; {tally.single} with a single independent "
                f"origin; {tally.contradicted} contradicted{fact_checked}.</p>"
            ),
            "</header>",
            "<main>",
        ]

    def page(self, title: str, pictures: Sequence[ClaimChains]) -> str:
        tally = _Tally()
        for picture in pictures:
            tally.add(picture.analysis)
        parts = self.head(title, tally)
        if len(pictures) > 1:
            parts.append(_NAV_START)
            parts.extend(_listed(number, picture) for number, picture in enumerate(pictures, 1))
            parts.append(_NAV_END)
        for number, picture in enumerate(pictures, start=1):
            parts.extend(self.claim(number, picture))
        parts += _FOOT
        return "\n".join(parts) + "\n"


@attrs.define
class _Tally:
    """What a page's claims add up to, as its header says."""

    claims: int = 0
    single: int = 0
    contradicted: int = 0
    checked: int = 0

    def add(self, claim: ClaimAnalysis) -> None:
        self.claims += 1
        self.single += claim.single_origin
        self.contradicted += claim.contradicted
        self.checked += bool(claim.fact_checks)


_NAV_START = '<nav aria-label="Claims"><h2>Claims</h2><ol>'
_NAV_END = "</ol></nav>"
_FOOT = [
    "</main>",
    (
        "<footer><p>Written by claimmodel from the record, which says who asserts "
        "what; the verdicts count independent origins, not truth.</p></footer>"
    ),
    "</body>",
    "</html>",
]


def _listed(number: int, picture: ClaimChains) -> str:
    """The claim's line in the page's list of claims."""
    return f'<li><a href="#claim-{number}">{_e(picture.text)}</a></li>'


def _counted(claim: ClaimAnalysis) -> set[str]:
    return {key for origin in claim.origins for key in origin.assertions}


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def render_html(
    bundle: Bundle,
    analysis: Analysis | None = None,
    *,
    title: str | None = None,
    graphviz: bool | None = None,
) -> str:
    """The report on ``bundle`` as one self-contained HTML page.

    ``analysis`` is :func:`~claimmodel.analysis.analyze` of the bundle (computed when
    not given); ``title`` heads the page (default: the bundle's title or id).  The
    chains of each claim are drawn by Graphviz's ``dot`` when it is installed (or when
    ``graphviz`` is true) and are always listed in words; ``graphviz=False`` leaves the
    picture out.
    """
    if not isinstance(bundle, Bundle):
        raise InvalidTypeError(f"expected a Bundle, not {check.type_name(bundle)}")
    if analysis is not None and not isinstance(analysis, Analysis):
        raise InvalidTypeError(f"analysis: expected an Analysis, not {check.type_name(analysis)}")
    if analysis is None:
        analysis = analyze(bundle)
    use = dot_program() is not None if graphviz is None else graphviz
    heading = title or bundle.title or bundle.id or "claimmodel report"
    page = _page_of(bundle, graphviz=use)
    page.use(bundle.assertions)
    return page.page(heading, chains(bundle, analysis=analysis))


def _page_of(bundle: Bundle, *, graphviz: bool) -> _Page:
    names: dict[str, str] = {}
    for source in reversed(bundle.sources):  # the first source with an id wins
        names[source.id] = source.label
    document = bundle.document_source
    return _Page(
        names=names,
        scale_names={scale.id: scale.name for scale in bundle.declared_scales},
        text=document.text if document is not None else None,
        graphviz=graphviz,
    )


def write_html(
    write: Callable[[str], object],
    claims: Iterable[tuple[ClaimChains, Iterable[Assertion]]],
    *,
    title: str,
    names: Mapping[str, str],
    scale_names: Mapping[str, str],
    text: str | None,
    graphviz: bool | None = None,
) -> None:
    """The page :func:`render_html` writes, written through ``write`` from each claim's
    picture with its assertions, in order, so that no more than one claim is held.

    The page opens with what its claims add up to and lists them before it shows them,
    so each claim's article and its line in that list go to temporary files first; then
    the page is written whole.  ``names`` are the sources' readable names (by id),
    ``scale_names`` the declared scales' and ``text`` the document's words, which the
    quotes of spans are cut from.
    """
    use = dot_program() is not None if graphviz is None else graphviz
    page = _Page(names=names, scale_names=scale_names, text=text, graphviz=use)
    tally = _Tally()
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as listed,
        tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as articles,
    ):
        for number, (picture, assertions) in enumerate(claims, start=1):
            tally.add(picture.analysis)
            page.use(assertions)
            listed.write(_listed(number, picture) + "\n")
            for part in page.claim(number, picture):
                articles.write(part + "\n")
        for part in page.head(title, tally):
            write(part + "\n")
        if tally.claims > 1:
            write(_NAV_START + "\n")
            _copy(listed, write)
            write(_NAV_END + "\n")
        _copy(articles, write)
    for part in _FOOT:
        write(part + "\n")


def _copy(file: IO[str], write: Callable[[str], object]) -> None:
    file.seek(0)
    while chunk := file.read(1 << 16):
        write(chunk)
