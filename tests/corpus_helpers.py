"""Generated corpora whose records name the same people, bodies, outlets and claims.

Every bundle is written apart, with local ids that collide across bundles (``s1``
is a minister in one record and an outlet in the next), so identity across
documents must come from evidence: the Wikidata ids most mentions of the world's
sources carry, and the wording of claims.  The world holds what corroboration
across documents must get right: people employed by bodies for a span of years
(dated dependencies that bundles state apart), outlets controlled by governments,
unnamed officials reached through the same outlet in different records, claims
with figures that conflict, translations, retractions, and interested parties.
The benchmark (``benchmarks/dask_corpus.py``) writes its corpus with it too.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

_ORGANIZATIONS = [
    ("government-body", "Ministry of Defence"),
    ("government-body", "Ministry of Foreign Affairs"),
    ("government-body", "Government of the Federation"),
    ("government-body", "Government of the Republic"),
    ("organization", "Studio of Military Painters"),
    ("organization", "Border Monitoring Group"),
    ("media-outlet", "State News Agency"),
    ("media-outlet", "Independent Wire"),
    ("media-outlet", "Regional Broadcaster"),
    ("media-outlet", "Morning Courier"),
]
# (organization, the organization that controls it or that it is part of, kind, start, end)
_CONTROL = [
    (6, 2, "controlled-by", None, None),
    (8, 2, "controlled-by", "2019", None),
    (0, 2, "part-of", None, None),
    (1, 2, "part-of", None, None),
    (4, 0, "part-of", None, None),
    (9, 3, "controlled-by", "2016", "2021"),
]
_CLAIMS = [
    "Foreign soldiers fought in the border region.",
    "A monument to the soldiers is planned in the region.",
    "Construction of the monument begins next year.",
    "The sculptor has finished the sketches.",
    "The ministry approved the project.",
    "Independent verification of the deployment is missing.",
    "The border crossing was closed in July.",
    "The agency interviewed the sculptor.",
    "Casualty figures were not published.",
    "The two governments signed an agreement.",
    "Observers were denied access to the region.",
    "The project is funded by the state.",
]
_PLACES = ["the border region", "the capital", "the north", "the coastal district"]
_STATEMENTS = [f"{text[:-1]}, in {place}." for text in _CLAIMS for place in _PLACES]
_TROOPS = [(10_000, 12_000), (11_000, None), (15_000, None), (None, 3_000)]
_STANCES = ["asserts", "asserts", "asserts", "reports", "denies", "disputes", "questions"]
_LEVELS = [
    ("unlikely", 0.2, 0.45),
    ("roughly even chance", 0.45, 0.55),
    ("likely", 0.55, 0.8),
    ("very likely", 0.8, 0.95),
]


class World:
    """The sources and claims the records of a corpus are about, drawn once from ``seed``."""

    def __init__(self, seed: int = 0, *, people: int = 16, statements: int = 48) -> None:
        """``people`` people and ``statements`` claims (the first 48 are worded apart;
        later ones are numbered variants of them)."""
        rng = random.Random(seed)
        self.statements = [
            _STATEMENTS[k] if k < len(_STATEMENTS) else f"{_STATEMENTS[k % 48][:-1]} (item {k})."
            for k in range(statements)
        ]
        self.sources: list[dict[str, Any]] = []
        for number, (kind, name) in enumerate(_ORGANIZATIONS):
            self.sources.append({"kind": kind, "name": name, "qid": f"Q{100 + number}"})
        for child, parent, kind, start, end in _CONTROL:
            affiliation: dict[str, Any] = {"kind": kind, "target": parent}
            if start is not None:
                affiliation["start"] = start
            if end is not None:
                affiliation["end"] = end
            self.sources[child].setdefault("affiliations", []).append(affiliation)
        for number in range(people):
            person: dict[str, Any] = {
                "kind": "person",
                "name": f"Person {number}",
                "qid": f"Q{1000 + number}",
                "affiliations": [],
            }
            first = rng.randrange(2015, 2022)
            person["affiliations"].append(
                {
                    "kind": rng.choice(["employed-by", "member-of"]),
                    "target": rng.randrange(6),
                    "start": str(first),
                    "end": str(first + rng.randrange(1, 4)),
                }
            )
            if rng.random() < 0.4:
                person["roles"] = [
                    {"office": "spokesperson", "organization": rng.randrange(4), "start": "2020"}
                ]
            self.sources.append(person)

    def related(self, entity: int) -> list[int]:
        """The entities ``entity`` names (affiliation targets, role organizations)."""
        source = self.sources[entity]
        found = [a["target"] for a in source.get("affiliations", [])]
        found += [r["organization"] for r in source.get("roles", [])]
        return found


def bundle_data(world: World, index: int, *, seed: int = 0) -> dict[str, Any]:
    """The ``index``-th record of a corpus about ``world``, as wire data."""
    rng = random.Random(f"{seed}:{index}")
    sources, speakers, governments, outlets = _sources(world, rng, index)
    claims, relations = _claims(rng, world.statements, governments)
    assertions = _assertions(rng, speakers, claims, outlets)
    data: dict[str, Any] = {
        "format": "claimmodel/1.1",
        "title": f"Report {index}",
        "document": "doc",
        "sources": sources,
        "claims": claims,
        "assertions": assertions,
        "relations": relations,
    }
    if rng.random() < 0.8:
        data["id"] = f"report-{index}"
    return data


def _sources(
    world: World, rng: random.Random, index: int
) -> tuple[list[dict[str, Any]], list[str], list[str], list[str]]:
    """A record's sources; the ids of its speakers, governments and outlets (the one that
    published the record first)."""
    chosen: dict[int, None] = {}
    for entity in rng.sample(range(len(world.sources)), rng.randint(2, 5)):
        chosen[entity] = None
        for other in world.related(entity):
            chosen[other] = None
    outlets = [e for e in range(6, 10) if e in chosen] or [rng.randrange(6, 10)]
    chosen.update(dict.fromkeys(outlets))
    entities = list(chosen)
    rng.shuffle(entities)
    local = {entity: f"s{number + 1}" for number, entity in enumerate(entities)}
    sources: list[dict[str, Any]] = []
    for entity in entities:
        known = world.sources[entity]
        source: dict[str, Any] = {"kind": known["kind"], "id": local[entity], "name": known["name"]}
        if rng.random() < 0.85:  # most mentions carry the identifier that joins them
            source["identifiers"] = [{"scheme": "wikidata", "value": known["qid"]}]
        affiliations = [
            {**a, "target": local[a["target"]]}
            for a in known.get("affiliations", [])
            if a["target"] in local
        ]
        if affiliations:
            source["affiliations"] = affiliations
        roles = [
            {**r, "organization": local[r["organization"]]}
            for r in known.get("roles", [])
            if r["organization"] in local
        ]
        if roles:
            source["roles"] = roles
        sources.append(source)
    unnamed = []
    for number in range(rng.choice([0, 0, 1, 2])):
        officials: dict[str, Any] = {
            "kind": "anonymous",
            "id": f"u{number + 1}",
            "description": "officials familiar with the matter",
        }
        if rng.random() < 0.2:
            officials["independent"] = True
        sources.append(officials)
        unnamed.append(officials["id"])
    outlet = local[rng.choice(outlets)]
    sources.append(
        {"kind": "document", "id": "doc", "name": f"Report {index}", "publisher": outlet}
    )
    speakers = [*(local[e] for e in entities), *unnamed, "doc"]
    governments = [local[e] for e in entities if world.sources[e]["kind"] == "government-body"]
    others = [local[e] for e in outlets if local[e] != outlet]
    return sources, speakers, governments, [outlet, *others]


def _claims(
    rng: random.Random, statements: list[str], governments: list[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A record's claims and the relations that declare two of them the same."""
    claims: list[dict[str, Any]] = []
    texts = rng.sample(range(len(statements)), rng.randint(2, 4))
    for number, text in enumerate(texts):
        wording = statements[text]
        if rng.random() < 0.2:
            wording = "  " + wording.upper()  # the same claim, as normalization sees it
        claim: dict[str, Any] = {"id": f"c{number + 1}", "text": wording}
        if text < len(_PLACES) and governments:  # foreign soldiers fought: the governments' claim
            claim["parties"] = governments[:2]
        claims.append(claim)
    if rng.random() < 0.3:
        low, high = rng.choice(_TROOPS)
        quantity: dict[str, Any] = {"measure": "foreign troops", "unit": "soldiers"}
        if high is None:
            quantity["value"] = low
        elif low is None:
            quantity["upper"] = high
        else:
            quantity.update(lower=low, upper=high)
        claims.append(
            {
                "id": f"c{len(claims) + 1}",
                "text": f"About {low or high} foreign soldiers were deployed.",
                "quantity": quantity,
            }
        )
    relations: list[dict[str, Any]] = []
    if rng.random() < 0.25:  # a translation or a paraphrase of the first claim, declared so
        kind, wording = rng.choice(
            [
                ("translation-of", "(fr) {}"),
                ("paraphrase-of", "In other words: {}"),
                ("same-as", "Put simply: {}"),
            ]
        )
        claims.append({"id": f"c{len(claims) + 1}", "text": wording.format(statements[texts[0]])})
        relations.append(
            {"id": "r1", "kind": kind, "subject": claims[-1]["id"], "object": claims[0]["id"]}
        )
    return claims, relations


def _assertions(
    rng: random.Random, speakers: list[str], claims: list[dict[str, Any]], outlets: list[str]
) -> list[dict[str, Any]]:
    """A record's assertions, dated, some relayed by an outlet, one retracted now and then."""
    outlet = outlets[0]
    assertions: list[dict[str, Any]] = []
    for number in range(rng.randint(3, 7)):
        speaker = rng.choice(speakers)
        year = rng.randrange(2015, 2026)
        level, low, high = rng.choice(_LEVELS)
        assertion: dict[str, Any] = {
            "id": f"a{number + 1}",
            "claim": rng.choice(claims)["id"],
            "attribution": {"source": speaker},
            "confidence": {
                "scale": "icd203",
                "level": level,
                "probability": {"low": low, "high": high},
            },
            "date": f"{year}-{rng.randrange(1, 13):02d}",
        }
        if speaker != "doc" and rng.random() < 0.7:
            relay = outlet if rng.random() < 0.6 else rng.choice(outlets)
            if relay != speaker:
                assertion["attribution"]["chain"] = [{"source": relay, "channel": "interview"}]
        stance = rng.choice(_STANCES)
        if stance != "asserts":
            assertion["stance"] = stance
        if rng.random() < 0.3:
            assertion["hedges"] = [{"cue": "allegedly", "category": "reportative"}]
        assertions.append(assertion)
    if rng.random() < 0.15:
        earlier = rng.choice(assertions)
        assertions.append(
            {
                "id": f"a{len(assertions) + 1}",
                "claim": earlier["claim"],
                "attribution": {"source": earlier["attribution"]["source"]},
                "confidence": {"scale": "icd203", "level": "likely"},
                "date": "2025-12",
                "retracts": earlier["id"],
            }
        )
    return assertions


def write_corpus(
    folder: Path, bundles: int, *, files: int = 3, seed: int = 0, world: World | None = None
) -> list[Path]:
    """Write ``bundles`` records about one world (by default, ``World(seed)``) into ``files``
    JSON Lines files."""
    world = World(seed) if world is None else world
    paths = [folder / f"part-{number}.jsonl" for number in range(files)]
    handles = [path.open("w", encoding="utf-8", newline="\n") for path in paths]
    try:
        for index in range(bundles):
            data = bundle_data(world, index, seed=seed)
            handles[index * files // bundles].write(
                json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
            )
    finally:
        for handle in handles:
            handle.close()
    return paths
