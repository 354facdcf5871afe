"""Schema.org ClaimReview out and in (the ``claimreview`` extra, with ``pyld``).

:func:`to_claimreview` writes each verdict of a bundle as a ``ClaimReview`` in
JSON-LD, with what Google's fact-check documentation requires and recommends;
:func:`to_factcheck_pages` writes the same verdicts as the Fact Check Tools API's
``ClaimReviewMarkupPage`` objects, the form fact-checkers submit through.
:func:`from_claimreview` reads ClaimReview back: the JSON-LD this module writes, the
markup as web pages carry it (``<script type="application/ld+json">``), the Fact
Check Tools API's markup pages and its claim search responses.  :func:`expand`
expands a document against the schema.org context shipped with claimmodel,
without the network.  ``docs/claimreview.md`` maps each field to the model.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from importlib import resources
from typing import Any

try:
    from pyld import jsonld
except ImportError as error:  # pragma: no cover  (tested in a subprocess)
    raise ImportError(
        "claimmodel.interop.claimreview needs the pyld library, which is an optional extra; "
        "install it with: pip install 'claimmodel[claimreview]'"
    ) from error

import attrs

from claimmodel.exceptions import ClaimModelError, DecodeError, InvalidValueError, Problem
from claimmodel.format._errors import json_escaped
from claimmodel.interop._registry import Imported
from claimmodel.model import (
    AnonymousSource,
    Assertion,
    Attribution,
    Bundle,
    Claim,
    Confidence,
    Document,
    Evidence,
    MediaOutlet,
    Organization,
    PartialDate,
    Person,
    Rating,
    Source,
    Verdict,
)

__all__ = [
    "SCHEMA_ORG",
    "expand",
    "from_claimreview",
    "read_claimreview",
    "to_claimreview",
    "to_claimreview_json",
    "to_factcheck_pages",
    "to_factcheck_pages_json",
]

SCHEMA_ORG = "https://schema.org"
"""The context every ClaimReview this module writes names."""

# The spellings of the schema.org context found on the web; each is served from the copy
# shipped in claimmodel/interop/_data (schema.org release 30.0, see NOTICE.md there).
_CONTEXT_URLS = frozenset(
    f"{scheme}://schema.org{path}"
    for scheme in ("http", "https")
    for path in ("", "/", "/docs/jsonldcontext.jsonld", "/docs/jsonldcontext.json")
)

# -- writing ---------------------------------------------------------------------------


def _refuse(verdict: Verdict, field: str, message: str) -> InvalidValueError:
    return InvalidValueError(f"verdict {verdict.id!r}: {message}", field=field)


def _whole(verdict: Verdict, name: str, number: float | None) -> int | None:
    """A rating number as the integer ClaimReview takes; a fraction is refused, never rounded."""
    if number is None:
        return None
    if type(number) is int:
        return number
    if number.is_integer():
        return int(number)
    raise _refuse(
        verdict,
        f"rating.{name}",
        f"the rating's {name} {number!r} is not a whole number, and ClaimReview's "
        f"{_RATING_KEYS[name]} is an integer; claimmodel does not round it: give the "
        "rating on a whole-number scale, or give its label alone",
    )


_RATING_KEYS = {"value": "ratingValue", "best": "bestRating", "worst": "worstRating"}


def _agent(bundle: Bundle, verdict: Verdict, source_id: str, role: str) -> dict[str, Any]:
    """The ClaimReview ``author`` a source stands for: a Person or an Organization."""
    source = bundle.source(source_id)
    if source is None:
        raise _refuse(verdict, role, f"its {role} {source_id!r} is not in the bundle's sources")
    if isinstance(source, Person):
        kind = "Person"
    elif isinstance(source, (AnonymousSource, Document)):
        what = "an anonymous source" if isinstance(source, AnonymousSource) else "a document"
        raise _refuse(
            verdict,
            role,
            f"its {role} {source_id!r} is {what}; ClaimReview names a Person or an "
            "Organization as the author",
        )
    else:
        kind = "Organization"
    agent: dict[str, Any] = {"@type": kind}
    if source.name is not None:
        agent["name"] = source.name
    if isinstance(source, MediaOutlet) and source.url is not None:
        agent["url"] = source.url
    return agent


def _date_key(assertion: Assertion) -> tuple[int, float]:
    # Undated assertions after dated ones; dates compared as instants (a date without a
    # time zone as if at UTC), counted in seconds so that no year overflows.
    if assertion.date is None:
        return (1, 0.0)
    start = assertion.date.earliest()
    offset = start.utcoffset() or dt.timedelta(0)
    seconds = (start.replace(tzinfo=None) - dt.datetime(1, 1, 1)).total_seconds()
    return (0, seconds - offset.total_seconds())


@attrs.frozen
class _Made:
    """The claim a verdict reviews, as the reviewed assertions made it."""

    claim: Claim
    claimants: tuple[dict[str, Any], ...]
    date: PartialDate | None
    first: dict[str, Any] | None
    appearances: tuple[dict[str, Any], ...]


def _appearances(bundle: Bundle, assertion: Assertion) -> list[dict[str, Any]]:
    works: list[dict[str, Any]] = []
    for evidence in assertion.evidence:
        url = evidence.url
        if url is None and evidence.document is not None:
            document = bundle.source(evidence.document)
            url = document.url if isinstance(document, Document) else None
        archive = evidence.archive_url
        if url is None:
            url, archive = archive, None
        if url is None:
            continue
        work: dict[str, Any] = {"@type": "CreativeWork", "url": url}
        if archive is not None:
            work["archivedAt"] = archive
        works.append(work)
    return works


def _made(bundle: Bundle, verdict: Verdict) -> _Made:
    assertions: list[Assertion] = []
    for assertion_id in verdict.reviews:
        assertion = bundle.assertion(assertion_id)
        if assertion is None:
            raise _refuse(
                verdict,
                "reviews",
                f"it reviews assertion {assertion_id!r}, which is not in the bundle",
            )
        assertions.append(assertion)
    claim = bundle.claim(assertions[0].claim)
    if claim is None:
        raise _refuse(
            verdict,
            "claimReviewed",
            f"the claim {assertions[0].claim!r} it reviews is not in the bundle, and "
            "ClaimReview requires the claim reviewed",
        )
    ordered = sorted(assertions, key=_date_key)
    claimants: list[dict[str, Any]] = []
    seen: set[str] = set()
    for assertion in ordered:
        speaker = assertion.attribution.source
        if speaker not in seen:
            seen.add(speaker)
            claimants.append(_agent(bundle, verdict, speaker, "claimant"))
    earliest = _appearances(bundle, ordered[0])
    first = earliest[0] if earliest else None
    works: list[dict[str, Any]] = []
    for assertion in ordered:
        for work in _appearances(bundle, assertion):
            if work is not first and work not in works and work != first:
                works.append(work)
    return _Made(
        claim=claim,
        claimants=tuple(claimants),
        date=ordered[0].date,
        first=first,
        appearances=tuple(works),
    )


def _review_url(verdict: Verdict) -> str:
    if verdict.url is None:
        raise _refuse(
            verdict,
            "url",
            "it has no url, and ClaimReview requires the URL of the page that publishes the "
            "review (Verdict.url)",
        )
    return verdict.url


def _verdicts(bundle: Bundle) -> tuple[Verdict, ...]:
    if not bundle.verdicts:
        raise InvalidValueError(
            "the bundle has no verdicts, and a ClaimReview is a verdict: nothing to write",
            field="verdicts",
        )
    return bundle.verdicts


def _claim_review(bundle: Bundle, verdict: Verdict) -> dict[str, Any]:
    url = _review_url(verdict)
    made = _made(bundle, verdict)
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.rating.label}
    for name, key in _RATING_KEYS.items():
        number = _whole(verdict, name, getattr(verdict.rating, name))
        if number is not None:
            rating[key] = number
    if verdict.explanation is not None:
        rating["ratingExplanation"] = verdict.explanation
    item: dict[str, Any] = {"@type": "Claim"}
    if made.claimants:
        item["author"] = made.claimants[0] if len(made.claimants) == 1 else list(made.claimants)
    if made.date is not None:
        item["datePublished"] = made.date.isoformat()
    if made.first is not None:
        item["firstAppearance"] = made.first
    if made.appearances:
        item["appearance"] = list(made.appearances)
    review: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": made.claim.text,
        "author": _agent(bundle, verdict, verdict.reviewer, "reviewer"),
    }
    if verdict.date is not None:
        review["datePublished"] = verdict.date.isoformat()
    review["itemReviewed"] = item
    review["reviewRating"] = rating
    return review


def to_claimreview(bundle: Bundle) -> list[dict[str, Any]]:
    """Each verdict of ``bundle`` as a schema.org ``ClaimReview`` in JSON-LD, in order.

    Each object names its own ``@context``, so each can go in a page's
    ``<script type="application/ld+json">`` alone.  A verdict without what
    ClaimReview requires (its url, a claim in the bundle, a reviewer who is a person
    or an organization), or with a rating number that is not a whole number, is an
    :class:`~claimmodel.exceptions.InvalidValueError` naming the verdict and the field.
    """
    return [_claim_review(bundle, verdict) for verdict in _verdicts(bundle)]


def _dumps(data: object, indent: int | None) -> str:
    # What a terminal acts on is written as a JSON escape: the same data, safe to show.
    text = json_escaped(json.dumps(data, ensure_ascii=False, indent=indent))
    return text + "\n" if indent is not None else text


def to_claimreview_json(bundle: Bundle, *, indent: int | None = 2) -> str:
    """:func:`to_claimreview` as JSON text (a JSON array of ClaimReview objects)."""
    return _dumps(to_claimreview(bundle), indent)


def _api_author(agent: Mapping[str, Any]) -> dict[str, Any]:
    return {"name": agent["name"]} if "name" in agent else {}


def _markup(bundle: Bundle, verdict: Verdict) -> dict[str, Any]:
    review = _claim_review(bundle, verdict)
    item, made = review["itemReviewed"], _made(bundle, verdict)
    if len(made.claimants) > 1:
        raise _refuse(
            verdict,
            "claimant",
            f"it reviews the claim as {len(made.claimants)} claimants made it, and the Fact "
            "Check Tools API names one claim author",
        )
    markup: dict[str, Any] = {"url": review["url"], "claimReviewed": review["claimReviewed"]}
    if "datePublished" in item:
        markup["claimDate"] = item["datePublished"]
    if made.first is not None:
        markup["claimFirstAppearance"] = made.first["url"]
    if made.appearances:
        markup["claimAppearances"] = [work["url"] for work in made.appearances]
    if made.claimants:
        markup["claimAuthor"] = _api_author(made.claimants[0])
    schema_rating = review["reviewRating"]
    rating: dict[str, Any] = {"textualRating": schema_rating["alternateName"]}
    for key in ("ratingValue", "bestRating", "worstRating", "ratingExplanation"):
        if key in schema_rating:
            rating[key] = schema_rating[key]
    markup["rating"] = rating
    return markup


def to_factcheck_pages(bundle: Bundle) -> list[dict[str, Any]]:
    """The verdicts of ``bundle`` as the Fact Check Tools API's ``ClaimReviewMarkupPage``
    objects: one page per review URL, in the order the URLs first appear.

    The page's URL, publication date and review author are page-level fields: verdicts
    that share a URL must share the reviewer and the date.  The API names one claim
    author, so a verdict on a claim made by several claimants is refused.
    """
    pages: dict[str, tuple[Verdict, dict[str, Any]]] = {}
    for verdict in _verdicts(bundle):
        markup = _markup(bundle, verdict)
        url = markup["url"]
        if url not in pages:
            page: dict[str, Any] = {"pageUrl": url}
            if verdict.date is not None:
                page["publishDate"] = verdict.date.isoformat()
            page["claimReviewAuthor"] = _api_author(
                _agent(bundle, verdict, verdict.reviewer, "reviewer")
            )
            page["claimReviewMarkups"] = []
            pages[url] = (verdict, page)
        first, page = pages[url]
        if (first.reviewer, first.date) != (verdict.reviewer, verdict.date):
            raise _refuse(
                verdict,
                "url",
                f"it shares the review URL {url!r} with verdict {first.id!r} but not its "
                "reviewer and date, which the API holds once per page",
            )
        page["claimReviewMarkups"].append(markup)
    return [page for _, page in pages.values()]


def to_factcheck_pages_json(bundle: Bundle, *, indent: int | None = 2) -> str:
    """:func:`to_factcheck_pages` as JSON text (a JSON array of pages)."""
    return _dumps(to_factcheck_pages(bundle), indent)


# -- JSON-LD processing, offline -------------------------------------------------------


@functools.cache
def _context_text() -> str:
    path = resources.files("claimmodel.interop").joinpath("_data/schemaorgcontext.jsonld")
    return path.read_text(encoding="utf-8")


def _context() -> dict[str, Any]:
    # Parsed afresh for each load: pyld gets a document of its own to work on.
    context: dict[str, Any] = json.loads(_context_text())
    return context


def _loader(url: str, options: object = None) -> dict[str, Any]:
    """pyld's document loader: the schema.org context from the shipped copy, nothing else."""
    del options
    if url not in _CONTEXT_URLS:
        raise DecodeError(
            [
                Problem(
                    path="$",
                    message=f"the JSON-LD names the remote document {url!r}; claimmodel reads "
                    "only the schema.org context, from its own copy, and fetches nothing",
                )
            ]
        )
    return {"contextUrl": None, "documentUrl": url, "document": _context()}


def _pyld(action: str, call: Any) -> Any:
    try:
        return call()
    except jsonld.JsonLdError as error:
        # The loader's own refusal, wrapped by pyld: raised as it was.
        seen: BaseException | None = error
        while seen is not None:
            if isinstance(seen, ClaimModelError):
                raise seen from None
            seen = getattr(seen, "cause", None) or seen.__cause__ or seen.__context__
        message = " ".join(str(part) for part in error.args) or type(error).__name__
        raise DecodeError(
            [Problem(path="$", message=f"the JSON-LD cannot be {action}: {message}")]
        ) from None


def expand(document: object) -> list[Any]:
    """``document`` (JSON-LD as Python data) expanded, the schema.org context read from
    the copy claimmodel ships; any other remote context is refused, nothing is fetched."""
    expanded: list[Any] = _pyld(
        "expanded", lambda: jsonld.expand(document, {"documentLoader": _loader})
    )
    return expanded


def _compact(document: object) -> Any:
    return _pyld(
        "read",
        lambda: jsonld.compact(document, SCHEMA_ORG, {"documentLoader": _loader}),
    )


# -- reading ---------------------------------------------------------------------------


class _Scripts(HTMLParser):
    """The text of every ``<script type="application/ld+json">`` of a page, with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[int, str]] = []
        self._open: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        kind = dict(attrs).get("type") or ""
        if kind.split(";")[0].strip().lower() == "application/ld+json":
            self._open = (self.getpos()[0], [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            line, parts = self._open
            self.scripts.append((line, "".join(parts)))
            self._open = None


def _problem(path: str, message: str) -> DecodeError:
    return DecodeError([Problem(path=path, message=message)])


def _documents(text: str) -> list[tuple[str, Any]]:
    """The JSON documents in ``text``: itself, or a page's JSON-LD scripts, each with a path."""
    if not text.lstrip().startswith("<"):
        try:
            return [("$", json.loads(text))]
        except json.JSONDecodeError as error:
            raise _problem("$", f"not JSON: {error.msg} (line {error.lineno})") from None
    parser = _Scripts()
    parser.feed(text)
    parser.close()
    if not parser.scripts:
        raise _problem("$", 'the page has no <script type="application/ld+json">')
    documents = []
    for number, (line, script) in enumerate(parser.scripts, start=1):
        where = f"script {number} (line {line})"
        try:
            documents.append((where, json.loads(script)))
        except json.JSONDecodeError as error:
            raise _problem(
                where,
                f'the page\'s JSON-LD script {number} (<script type="application/ld+json"> '
                f"at line {line}) is not JSON: {error.msg} (its line {error.lineno})",
            ) from None
    return documents


@attrs.frozen
class _Agent:
    kind: str  # "Person", "Organization" or "" (not stated)
    name: str | None
    url: str | None


@attrs.frozen
class _Review:
    """One review, whatever it was read from."""

    path: str
    claim: str
    claimants: tuple[_Agent, ...]
    claim_date: PartialDate | None
    first: tuple[str, str | None] | None
    appearances: tuple[tuple[str, str | None], ...]
    reviewer: _Agent
    date: PartialDate | None
    url: str | None
    label: str
    numbers: tuple[float, float, float] | None
    explanation: str | None


def _get(node: Mapping[str, Any], key: str) -> Any:
    """``node[key]``, also where compaction left the term as ``schema:key`` or a value object."""
    for spelling in (key, f"schema:{key}", f"http://schema.org/{key}"):
        if spelling in node:
            value = node[spelling]
            if isinstance(value, Mapping) and len(value) == 1:
                value = value.get("@value", value.get("@id", value))
            return value
    return None


def _text(node: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> str | None:
    value = _get(node, key)
    if value is None:
        if required:
            raise _problem(f"{path}.{key}", f"{key} is required and missing")
        return None
    if type(value) is not str or not value.strip():
        raise _problem(f"{path}.{key}", f"{key} must be a non-empty string, not {value!r}")
    return value


def _date(node: Mapping[str, Any], key: str, path: str) -> PartialDate | None:
    value = _text(node, key, path)
    if value is None:
        return None
    try:
        return PartialDate.fromisoformat(value)
    except ClaimModelError as error:
        raise _problem(f"{path}.{key}", f"{key} is not an ISO 8601 date: {error}") from None


_NUMERAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _number(node: Mapping[str, Any], key: str, path: str) -> float | None:
    value = _get(node, key)
    if value is None:
        return None
    if type(value) is int or type(value) is float:
        return value
    # Pages on the web often write numbers as strings: a plain decimal numeral is read.
    if type(value) is str and _NUMERAL.fullmatch(value.strip()):
        return json.loads(value.strip())  # type: ignore[no-any-return]
    raise _problem(f"{path}.{key}", f"{key} must be a number, not {value!r}")


def _numbers(
    node: Mapping[str, Any], keys: tuple[str, str, str], path: str
) -> tuple[float, float, float] | None:
    read = [_number(node, key, path) for key in keys]
    if all(number is None for number in read):
        return None
    value, best, worst = read
    if value is None or best is None or worst is None:
        missing = [key for key, number in zip(keys, read, strict=True) if number is None]
        raise _problem(
            path,
            f"the rating gives {keys[0]} without {' and '.join(missing)}; claimmodel keeps a "
            "rating's value with its scale or not at all, and does not assume one",
        )
    return (value, best, worst)


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _node_type(node: Mapping[str, Any]) -> str:
    kinds = _as_list(node.get("@type", node.get("type")))
    names = [_local(kind) for kind in kinds if type(kind) is str]
    wanted = [name for name in names if name in _AGENT_TYPES or name == "ClaimReview"]
    return (wanted or names or [""])[0]


def _local(kind: str) -> str:
    for prefix in ("schema:", "http://schema.org/", "https://schema.org/"):
        if kind.startswith(prefix):
            return kind[len(prefix) :]
    return kind


_AGENT_TYPES = frozenset({"Person", "Organization", "NewsMediaOrganization"})


def _ld_agent(value: object, path: str) -> _Agent:
    if type(value) is str:
        return _Agent(kind="", name=value, url=None)
    if not isinstance(value, Mapping):
        raise _problem(path, f"an author must be an object or a name, not {value!r}")
    kind = _node_type(value)
    return _Agent(
        kind="Person" if kind == "Person" else "Organization" if kind in _AGENT_TYPES else "",
        name=_text(value, "name", path),
        url=_text(value, "url", path),
    )


def _work(value: object, path: str) -> tuple[str, str | None]:
    if type(value) is str:
        return (value, None)
    if not isinstance(value, Mapping):
        raise _problem(path, f"an appearance must be a URL or a CreativeWork, not {value!r}")
    url = _text(value, "url", path)
    archive = _text(value, "archivedAt", path)
    if url is None:
        if archive is None:
            raise _problem(path, "an appearance needs a url")
        return (archive, None)
    return (url, archive)


def _from_ld(node: Mapping[str, Any], path: str) -> _Review:
    rating = _get(node, "reviewRating")
    if not isinstance(rating, Mapping):
        raise _problem(f"{path}.reviewRating", "reviewRating (a Rating object) is required")
    rating_path = f"{path}.reviewRating"
    label = _text(rating, "alternateName", rating_path) or _text(rating, "name", rating_path)
    if label is None:
        raise _problem(f"{rating_path}.alternateName", "the rating's alternateName is required")
    authors = _as_list(_get(node, "author"))
    if not authors:
        raise _problem(f"{path}.author", "the review's author (who reviewed the claim) is missing")
    if len(authors) > 1:
        raise _problem(f"{path}.author", "the review names several authors; claimmodel takes one")
    item = _get(node, "itemReviewed") or {}
    if not isinstance(item, Mapping):
        raise _problem(f"{path}.itemReviewed", "itemReviewed must be a Claim object")
    item_path = f"{path}.itemReviewed"
    first = _get(item, "firstAppearance")
    return _Review(
        path=path,
        claim=_text(node, "claimReviewed", path, required=True),  # type: ignore[arg-type]
        claimants=tuple(
            _ld_agent(agent, f"{item_path}.author") for agent in _as_list(_get(item, "author"))
        ),
        claim_date=_date(item, "datePublished", item_path),
        first=None if first is None else _work(first, f"{item_path}.firstAppearance"),
        appearances=tuple(
            _work(work, f"{item_path}.appearance") for work in _as_list(_get(item, "appearance"))
        ),
        reviewer=_ld_agent(authors[0], f"{path}.author"),
        date=_date(node, "datePublished", path),
        url=_text(node, "url", path, required=True),
        label=label,
        numbers=_numbers(rating, ("ratingValue", "bestRating", "worstRating"), rating_path),
        explanation=_text(rating, "ratingExplanation", rating_path),
    )


def _api_agent(value: object, path: str) -> _Agent:
    if not isinstance(value, Mapping):
        raise _problem(path, f"must be an object, not {value!r}")
    return _Agent(kind="", name=_text(value, "name", path), url=None)


def _from_page(page: Mapping[str, Any], path: str) -> Iterator[_Review]:
    author = page.get("claimReviewAuthor")
    reviewer = _api_agent(author if author is not None else {}, f"{path}.claimReviewAuthor")
    reviewer = attrs.evolve(reviewer, kind="Organization")
    markups = page.get("claimReviewMarkups")
    if not isinstance(markups, list):
        raise _problem(f"{path}.claimReviewMarkups", "claimReviewMarkups must be a list")
    for index, markup in enumerate(markups):
        where = f"{path}.claimReviewMarkups[{index}]"
        if not isinstance(markup, Mapping):
            raise _problem(where, "a markup must be an object")
        rating = markup.get("rating")
        if not isinstance(rating, Mapping):
            raise _problem(f"{where}.rating", "rating is required")
        first = _text(markup, "claimFirstAppearance", where)
        appearances = markup.get("claimAppearances", [])
        if not isinstance(appearances, list):
            raise _problem(f"{where}.claimAppearances", "claimAppearances must be a list")
        claimant = markup.get("claimAuthor")
        yield _Review(
            path=where,
            claim=_text(markup, "claimReviewed", where, required=True),  # type: ignore[arg-type]
            claimants=() if claimant is None else (_api_agent(claimant, f"{where}.claimAuthor"),),
            claim_date=_date(markup, "claimDate", where),
            first=None if first is None else (first, None),
            appearances=tuple(_work(url, f"{where}.claimAppearances") for url in appearances),
            reviewer=reviewer,
            date=_date(page, "publishDate", path),
            url=_text(markup, "url", where) or _text(page, "pageUrl", path, required=True),
            label=_text(rating, "textualRating", f"{where}.rating", required=True),  # type: ignore[arg-type]
            numbers=_numbers(
                rating, ("ratingValue", "bestRating", "worstRating"), f"{where}.rating"
            ),
            explanation=_text(rating, "ratingExplanation", f"{where}.rating"),
        )


def _from_search(response: Mapping[str, Any], path: str) -> Iterator[_Review]:
    claims = response.get("claims")
    if not isinstance(claims, list):
        raise _problem(f"{path}.claims", "claims must be a list")
    for index, claim in enumerate(claims):
        where = f"{path}.claims[{index}]"
        if not isinstance(claim, Mapping):
            raise _problem(where, "a claim must be an object")
        text = _text(claim, "text", where, required=True)
        claimant = _text(claim, "claimant", where)
        reviews = claim.get("claimReview")
        if not isinstance(reviews, list):
            raise _problem(f"{where}.claimReview", "claimReview must be a list")
        for number, review in enumerate(reviews):
            at = f"{where}.claimReview[{number}]"
            if not isinstance(review, Mapping):
                raise _problem(at, "a claim review must be an object")
            publisher = review.get("publisher")
            if not isinstance(publisher, Mapping):
                raise _problem(f"{at}.publisher", "the review's publisher is required")
            yield _Review(
                path=at,
                claim=text,  # type: ignore[arg-type]
                claimants=() if claimant is None else (_Agent(kind="", name=claimant, url=None),),
                claim_date=_date(claim, "claimDate", where),
                first=None,
                appearances=(),
                reviewer=_Agent(
                    kind="Organization",
                    name=_text(publisher, "name", f"{at}.publisher"),
                    url=None,
                ),
                date=_date(review, "reviewDate", at),
                url=_text(review, "url", at),
                label=_text(review, "textualRating", at, required=True),  # type: ignore[arg-type]
                numbers=None,
                explanation=None,
            )


def _walk_ld(value: object, path: str, skipped: dict[str, int]) -> Iterator[_Review]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_ld(item, f"{path}[{index}]", skipped)
        return
    if not isinstance(value, Mapping):
        raise _problem(path, f"a JSON-LD node must be an object, not {value!r}")
    node: Mapping[str, Any] = value
    context = node.get("@context")
    if context is not None and not (type(context) is str and context in _CONTEXT_URLS):
        # Another context (a @vocab, a prefix): compacted into schema.org's own terms.
        node = _compact(node)
    if "@graph" in node:
        yield from _walk_ld(node["@graph"], f"{path}.@graph", skipped)
        return
    kind = _node_type(node)
    if kind == "ClaimReview":
        yield _from_ld(node, path)
    else:
        name = kind or "untyped node"
        skipped[name] = skipped.get(name, 0) + 1


def _reviews(document: object, path: str, skipped: dict[str, int]) -> Iterator[_Review]:
    if isinstance(document, Mapping) and "@context" not in document:
        if "claimReviewMarkups" in document:
            yield from _from_page(document, path)
            return
        if "claims" in document:
            yield from _from_search(document, path)
            return
    if (
        isinstance(document, list)
        and document
        and all(isinstance(item, Mapping) and "claimReviewMarkups" in item for item in document)
    ):
        for index, page in enumerate(document):
            yield from _from_page(page, f"{path}[{index}]")
        return
    yield from _walk_ld(document, path, skipped)


def _id(prefix: str, *parts: object) -> str:
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return f"{prefix}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def _source(agent: _Agent, role: str) -> Source:
    source_id = _id("source", agent.kind, agent.name, agent.url)
    if agent.kind == "Person":
        return Person(id=source_id, name=agent.name)
    if agent.kind == "Organization":
        if agent.url is not None:
            return MediaOutlet(id=source_id, name=agent.name, url=agent.url)
        return Organization(id=source_id, name=agent.name)
    # Only a name: whether a person or an organization is not stated, and not guessed.
    return Person(
        id=source_id,
        name=agent.name,
        description=f"the {role} as named in a ClaimReview; whether a person or an "
        "organization is not stated",
    )


def _build(reviews: list[_Review]) -> Bundle:
    sources: dict[str, Source] = {}
    claims: dict[str, Claim] = {}
    assertions: dict[str, Assertion] = {}
    verdicts: dict[str, Verdict] = {}
    for review in reviews:
        try:
            claim = Claim(text=review.claim)
            claims.setdefault(claim.id, claim)
            reviewer = _source(review.reviewer, "reviewer")
            sources.setdefault(reviewer.id, reviewer)
            claimants: list[Source] = []
            for agent in review.claimants:
                claimant = _source(agent, "claimant")
                # Two claimants the markup describes alike are one source.
                if all(claimant.id != known.id for known in claimants):
                    claimants.append(claimant)
            if not claimants:
                claimants.append(
                    AnonymousSource(
                        id=_id("source", "claimant", review.claim),
                        description="the claimant, whom the ClaimReview does not name",
                    )
                )
            key = attrs.astuple(review)[1:]
            reviewed: list[str] = []
            for index, claimant in enumerate(claimants):
                sources.setdefault(claimant.id, claimant)
                evidence: tuple[Evidence, ...] = ()
                if index == 0:
                    works = (() if review.first is None else (review.first,)) + review.appearances
                    evidence = tuple(
                        Evidence(url=url, archive_url=archive) for url, archive in works
                    )
                assertion = Assertion(
                    id=_id("assertion", key, claimant.id),
                    claim=claim.id,
                    attribution=Attribution(source=claimant.id),
                    confidence=Confidence.cannot_be_judged(),
                    date=review.claim_date if index == 0 else None,
                    evidence=evidence,
                )
                assertions.setdefault(assertion.id, assertion)
                reviewed.append(assertion.id)
            value, best, worst = review.numbers or (None, None, None)
            verdict = Verdict(
                id=_id("verdict", key),
                reviewer=reviewer.id,
                reviews=tuple(reviewed),
                rating=Rating(label=review.label, value=value, best=best, worst=worst),
                date=review.date,
                url=review.url,
                explanation=review.explanation,
            )
        except ClaimModelError as error:
            raise _problem(review.path, str(error)) from None
        verdicts.setdefault(verdict.id, verdict)
    return Bundle(
        sources=tuple(sources.values()),
        claims=tuple(claims.values()),
        assertions=tuple(assertions.values()),
        verdicts=tuple(verdicts.values()),
    )


def read_claimreview(data: str | bytes) -> Imported:
    """The verdicts in ``data``, as a bundle, with what was skipped.

    ``data`` is ClaimReview JSON-LD (an object, an array, a ``@graph``), a web page
    whose ``<script type="application/ld+json">`` elements carry it, the Fact Check
    Tools API's ``ClaimReviewMarkupPage`` objects or its claim search response
    (``claims`` with ``claimReview`` entries).  Nodes that are not ClaimReviews are
    counted in ``skipped`` by type.  Malformed input is a
    :class:`~claimmodel.exceptions.DecodeError` naming where.
    """
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise _problem("$", f"not UTF-8 text: {error.reason} at byte {error.start}") from None
    skipped: dict[str, int] = {}
    reviews: list[_Review] = []
    for path, document in _documents(data):
        reviews.extend(_reviews(document, path, skipped))
    if not reviews:
        raise _problem("$", "no ClaimReview found")
    return Imported(bundle=_build(reviews), skipped=skipped)


def from_claimreview(data: str | bytes | Mapping[str, Any] | list[Any]) -> Bundle:
    """The verdicts in ``data`` as a bundle: text or bytes as :func:`read_claimreview`
    takes them, or JSON already parsed (an object or an array)."""
    if isinstance(data, (Mapping, list)):
        data = json.dumps(data, ensure_ascii=False)
    return read_claimreview(data).bundle
