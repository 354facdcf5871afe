"""Bundles of realistic shape, as plain JSON data, for the benchmark.

Each assertion has an attribution chain of one to three links, zero to three
hedges and a partial date; a tenth of the sources carry an affiliation.  There
are a fifth as many sources and half as many claims as assertions, so every
size has the same proportions and time per assertion is comparable.  Dates are
consistent as real ones are: a chain is relayed by distinct sources, in order,
after the statement and before the bundle's publication, so that ``validate``
is timed on a bundle with few findings rather than one per assertion.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

KINDS = (
    "person",
    "organization",
    "government-body",
    "media-outlet",
    "document",
    "anonymous",
    "collective",
)
CHANNELS = ("interview", "press-conference", "statement", "publication", "broadcast", "leak")
CUES = ("confirmed", "said", "hinted", "according to", "told", "claimed")
HEDGES = (
    ("allegedly", "reportative"),
    ("may", "epistemic"),
    ("about", "approximator"),
    ("remains a subject of debate", "disputed"),
    ("unconfirmed", "evidential-gap"),
    ("according to", "attribution-shield"),
    ("hinted", "weak-commitment"),
)
STANCES = ("asserts", "reports", "denies", "disputes", "questions")
ICD203 = (
    ("almost no chance", 0.01, 0.05),
    ("very unlikely", 0.05, 0.2),
    ("unlikely", 0.2, 0.45),
    ("roughly even chance", 0.45, 0.55),
    ("likely", 0.55, 0.8),
    ("very likely", 0.8, 0.95),
    ("almost certain", 0.95, 0.99),
)
WORDS = [
    "monument",
    "soldiers",
    "region",
    "sculptor",
    "ministry",
    "project",
    "construction",
    "officials",
    "collaboration",
    "agency",
    "report",
    "statement",
    "border",
    "forces",
    "deployment",
    "memorial",
    "verification",
    "debate",
    "conference",
    "minister",
    "defence",
    "foreign",
    "village",
]


_FIRST = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
_LAST_STATEMENT = dt.datetime(2025, 9, 1, tzinfo=dt.UTC)
_RELAYED_WITHIN = 20 * 24 * 3600  # seconds; three relays end before publication (2025-11-25)
_MOSCOW = dt.timezone(dt.timedelta(hours=3))


def _instant(rng: random.Random) -> dt.datetime:
    span = int((_LAST_STATEMENT - _FIRST).total_seconds())
    return _FIRST + dt.timedelta(seconds=rng.randrange(span))


def _written(rng: random.Random, instant: dt.datetime) -> str:
    """``instant`` as a partial date of a random precision, from the year to the second."""
    precision = rng.randrange(5)
    if precision == 0:
        return f"{instant.year}"
    if precision == 1:
        return f"{instant.year}-{instant.month:02d}"
    if precision == 2:
        return instant.date().isoformat()
    if precision == 3:
        return instant.strftime("%Y-%m-%dT%H:%MZ")
    return instant.astimezone(_MOSCOW).isoformat()


def _date(rng: random.Random) -> str:
    return _written(rng, _instant(rng))


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _source(rng: random.Random, index: int, count: int) -> dict[str, Any]:
    kind = KINDS[index % len(KINDS)]
    source: dict[str, Any] = {"kind": kind, "id": f"s{index}"}
    if kind != "anonymous":
        source["name"] = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS).capitalize()}"
    else:
        source["description"] = "officials familiar with the matter"
    if kind == "person" and rng.random() < 0.5:
        source["roles"] = [
            {"office": "minister", "organization": f"s{rng.randrange(count)}", "start": "2020"}
        ]
    if index % 10 == 0:
        source["affiliations"] = [
            {
                "kind": rng.choice(("member-of", "employed-by", "controlled-by")),
                "target": f"s{rng.randrange(count)}",
                "start": _date(rng),
            }
        ]
    if kind == "government-body":
        source["jurisdiction"] = "Russia"
    if kind == "media-outlet":
        source["url"] = f"https://news.example/{index}"
    return source


def _assertion(rng: random.Random, index: int, sources: int, claims: int) -> dict[str, Any]:
    said = _instant(rng)
    speaker, *relays = rng.sample(range(sources), 1 + rng.randint(1, 3))
    chain = []
    relayed = said
    for relay in relays:
        link: dict[str, Any] = {"source": f"s{relay}", "channel": rng.choice(CHANNELS)}
        relayed += dt.timedelta(seconds=rng.randrange(_RELAYED_WITHIN))
        if rng.random() < 0.5:
            link["date"] = _written(rng, relayed)
        chain.append(link)
    level, low, high = rng.choice(ICD203)
    assertion: dict[str, Any] = {
        "id": f"a{index}",
        "claim": f"c{rng.randrange(claims)}",
        "attribution": {
            "source": f"s{speaker}",
            "cue": rng.choice(CUES),
            "chain": chain,
        },
        "confidence": {
            "scale": "icd203",
            "level": level,
            "probability": {"low": low, "high": high},
            "assessor": "s0",
        },
    }
    stance = rng.choice(STANCES)
    if stance != "asserts":
        assertion["stance"] = stance
    hedges = []
    for _ in range(rng.randint(0, 3)):
        cue, category = rng.choice(HEDGES)
        hedge: dict[str, Any] = {"cue": cue, "category": category}
        if rng.random() < 0.5:
            hedge["scope"] = _sentence(rng, 4)
        hedges.append(hedge)
    if hedges:
        assertion["hedges"] = hedges
    assertion["date"] = _written(rng, said)
    if rng.random() < 0.3:
        start = rng.randrange(10_000)
        assertion["evidence"] = [
            {"quote": _sentence(rng, 8), "span": {"start": start, "end": start + 60}}
        ]
    return assertion


def bundle_data(assertions: int, *, seed: int = 7) -> dict[str, Any]:
    """A bundle with ``assertions`` assertions, as the plain data ``to_data`` would give."""
    rng = random.Random(seed)
    sources = max(assertions // 5, 10)
    claims = max(assertions // 2, 1)
    return {
        "format": "claimmodel/1.0",
        "id": f"bench-{assertions}",
        "title": "Benchmark bundle",
        "published": "2025-11-25",
        "document": "s4",
        "language": "en",
        "sources": [_source(rng, i, sources) for i in range(sources)],
        "claims": [
            {"id": f"c{i}", "text": _sentence(rng, 10), "subject": rng.choice(WORDS)}
            for i in range(claims)
        ],
        "assertions": [_assertion(rng, i, sources, claims) for i in range(assertions)],
        "relations": [
            {
                "id": f"r{i}",
                "kind": rng.choice(("supports", "contradicts", "elaborates")),
                "subject": f"a{rng.randrange(assertions)}",
                "object": f"a{rng.randrange(assertions)}",
            }
            for i in range(assertions // 20)
        ],
    }
