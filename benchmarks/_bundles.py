"""Bundles of realistic shape, as plain JSON data, for the benchmark.

Each assertion has an attribution chain of one to three links, zero to three
hedges and a partial date; a tenth of the sources carry an affiliation.  There
are a fifth as many sources and half as many claims as assertions, so every
size has the same proportions and time per assertion is comparable.
"""

from __future__ import annotations

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


def _date(rng: random.Random) -> str:
    year = rng.randint(2015, 2025)
    precision = rng.randrange(5)
    if precision == 0:
        return f"{year}"
    month = rng.randint(1, 12)
    if precision == 1:
        return f"{year}-{month:02d}"
    day = rng.randint(1, 28)
    if precision == 2:
        return f"{year}-{month:02d}-{day:02d}"
    hour, minute = rng.randrange(24), rng.randrange(60)
    if precision == 3:
        return f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}Z"
    return f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{rng.randrange(60):02d}+03:00"


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
    chain = []
    for _ in range(rng.randint(1, 3)):
        link: dict[str, Any] = {
            "source": f"s{rng.randrange(sources)}",
            "channel": rng.choice(CHANNELS),
        }
        if rng.random() < 0.5:
            link["date"] = _date(rng)
        chain.append(link)
    level, low, high = rng.choice(ICD203)
    assertion: dict[str, Any] = {
        "id": f"a{index}",
        "claim": f"c{rng.randrange(claims)}",
        "attribution": {
            "source": f"s{rng.randrange(sources)}",
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
    assertion["date"] = _date(rng)
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
