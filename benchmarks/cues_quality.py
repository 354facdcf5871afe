"""Precision and recall of claimmodel.cues against hand annotations.

Run from the repository root:

    python benchmarks/cues_quality.py            # a table per gold set
    python benchmarks/cues_quality.py --json     # the same figures as JSON
    python benchmarks/cues_quality.py --misses   # also list every miss and false alarm

Two gold sets:

- ``benchmarks/cues/`` — a wire-style report of about 1,800 words written and annotated
  exhaustively for every hedge, attribution cue and quotation by someone who had not
  seen the lexicon (its README gives the guidelines).  Precision and recall are measured
  on it.
- the worked example's cues: every hedge cue and attribution cue the Kursk record
  (``examples/kursk-monument.json``) gives, found in ``examples/kursk-article.txt``.
  The example annotates only the cues that matter to its claims, so only recall means
  anything there.

A finding *matches* a gold span of the same kind when the two spans are equal
(``exact``) or, more leniently, when they overlap (``overlap``; each gold span and each
finding is matched at most once).  Labels (hedge categories, suggested stances) are
compared on the matched pairs and reported as agreement, not folded into the scores:
the gold's stance scheme is not claimmodel's (see docs/cues.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
try:
    import claimmodel.cues
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))
    import claimmodel.cues

GOLD = ROOT / "benchmarks" / "cues"
KINDS = ("hedge", "attribution", "quotation")


@dataclass(frozen=True)
class Item:
    """One span of one kind, with its label."""

    start: int
    end: int
    kind: str
    label: str
    text: str


def _label(value: str) -> str:
    return value.replace("_", "-")


def found_items(text: str) -> list[Item]:
    """What the finder finds, as items of the three kinds."""
    findings = claimmodel.cues.find_cues(text)
    items = [
        Item(h.span.start, h.span.end, "hedge", h.category.value, h.text) for h in findings.hedges
    ]
    items += [
        Item(a.span.start, a.span.end, "attribution", a.stance.value, a.text)
        for a in findings.attributions
    ]
    items += [
        Item(q.span.start, q.span.end, "quotation", "direct", q.span.of(text))
        for q in findings.quotations
    ]
    return items


def _pairs(
    gold: Sequence[Item], found: Sequence[Item], *, lenient: bool
) -> list[tuple[Item, Item]]:
    """Gold and found items matched one to one: equal spans first, then overlaps."""
    pairs = []
    free = list(found)
    for item in gold:
        match = next((f for f in free if (f.start, f.end) == (item.start, item.end)), None)
        if match is None and lenient:
            match = next((f for f in free if f.start < item.end and item.start < f.end), None)
        if match is not None:
            free.remove(match)
            pairs.append((item, match))
    return pairs


@dataclass(frozen=True)
class Score:
    """Counts and ratios for one kind under one matching rule."""

    gold: int
    found: int
    matched: int
    agreeing: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def agreement(self) -> float:
        return self.agreeing / self.matched if self.matched else 1.0

    def data(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "found": self.found,
            "matched": self.matched,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "label_agreement": round(self.agreement, 3),
        }


def score(gold: Iterable[Item], found: Iterable[Item], *, lenient: bool) -> dict[str, Score]:
    """A score for each kind, and for hedges and attribution cues together (``cues``)."""
    gold, found = list(gold), list(found)
    scores = {}
    for name, kinds in (*((kind, {kind}) for kind in KINDS), ("cues", {"hedge", "attribution"})):
        g = [item for item in gold if item.kind in kinds]
        f = [item for item in found if item.kind in kinds]
        pairs = [
            pair
            for kind in kinds
            for pair in _pairs(
                [i for i in g if i.kind == kind], [i for i in f if i.kind == kind], lenient=lenient
            )
        ]
        agreeing = sum(1 for a, b in pairs if a.label == b.label)
        scores[name] = Score(len(g), len(f), len(pairs), agreeing)
    return scores


def gold_report() -> tuple[str, list[Item]]:
    """The independent gold text and its annotations."""
    data = json.loads((GOLD / "gold.json").read_text(encoding="utf-8"))
    text = (GOLD / data["text_file"]).read_text(encoding="utf-8")
    items = []
    for annotation in data["annotations"]:
        item = Item(
            annotation["start"],
            annotation["end"],
            annotation["kind"],
            _label(annotation["label"]),
            annotation["text"],
        )
        if text[item.start : item.end] != item.text:
            raise SystemExit(f"gold.json: {annotation} does not slice the text")
        items.append(item)
    return text, items


def example_cues() -> tuple[str, list[Item]]:
    """The Kursk example's hedge and attribution cues, located in the article's text.

    A cue is where the record's span puts it.  A cue the record gives without a span is
    located at each of its occurrences in the text (case-insensitive); a cue not in the
    text is reported as missing from the gold.
    """
    article = (ROOT / "examples" / "kursk-article.txt").read_text(encoding="utf-8")
    bundle = json.loads((ROOT / "examples" / "kursk-monument.json").read_text(encoding="utf-8"))
    placed: dict[tuple[int, int, str], str] = {}
    loose: dict[tuple[str, str], str] = {}
    for assertion in bundle["assertions"]:
        attribution = assertion["attribution"]
        cue = attribution.get("cue")
        if cue:
            stance = assertion.get("stance", "asserts")
            where = attribution.get("cue_span")
            if where:
                placed[(where["start"], where["end"], "attribution")] = stance
            else:
                loose[(cue, "attribution")] = stance
        for hedge in assertion.get("hedges", []):
            where = hedge.get("span")
            if where:
                placed[(where["start"], where["end"], "hedge")] = hedge["category"]
            else:
                loose[(hedge["cue"], "hedge")] = hedge["category"]
    items = [
        Item(start, end, kind, label, article[start:end])
        for (start, end, kind), label in sorted(placed.items())
    ]
    lowered = article.lower()
    for (cue, kind), label in sorted(loose.items()):
        start = lowered.find(cue.lower())
        while start != -1:
            items.append(
                Item(start, start + len(cue), kind, label, article[start : start + len(cue)])
            )
            start = lowered.find(cue.lower(), start + 1)
    return article, items


def _misses(gold: Sequence[Item], found: Sequence[Item]) -> list[str]:
    lines = []
    for kind in KINDS:
        g = [i for i in gold if i.kind == kind]
        f = [i for i in found if i.kind == kind]
        pairs = _pairs(g, f, lenient=True)
        matched_gold = {id(a) for a, _ in pairs}
        matched_found = {id(b) for _, b in pairs}
        lines += [
            f"  missed {kind}: {i.text!r} ({i.label})" for i in g if id(i) not in matched_gold
        ]
        lines += [
            f"  false {kind}: {i.text!r} ({i.label})" for i in f if id(i) not in matched_found
        ]
        lines += [
            f"  label {kind}: {a.text!r} gold {a.label}, found {b.label}"
            for a, b in pairs
            if a.label != b.label
        ]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {"claimmodel": claimmodel.__version__}
    lines = []
    for name, (text, gold) in (
        ("independent report", gold_report()),
        ("Kursk example (recall only)", example_cues()),
    ):
        found = found_items(text)
        recall_only = name.startswith("Kursk")
        if recall_only:  # the example marks no quotations, and not every cue
            found = [item for item in found if item.kind != "quotation"]
        results[name] = {}
        lines.append(f"{name}: {len(text.split())} words, {len(gold)} gold spans")
        lines.append(
            f"  {'':12} {'match':8} {'gold':>5} {'found':>6} {'match':>6} "
            f"{'precision':>9} {'recall':>7} {'labels':>7}"
        )
        for rule in ("exact", "overlap"):
            scores = score(gold, found, lenient=rule == "overlap")
            results[name][rule] = {
                kind: {k: v for k, v in s.data().items() if not (recall_only and k == "precision")}
                for kind, s in scores.items()
                if s.gold
            }
            for kind, s in scores.items():
                if not s.gold:
                    continue
                precision = "-" if recall_only else f"{s.precision:.3f}"
                lines.append(
                    f"  {kind:12} {rule:8} {s.gold:5} {s.found:6} {s.matched:6} "
                    f"{precision:>9} {s.recall:7.3f} {s.agreement:7.3f}"
                )
        if args.misses:
            lines += _misses(gold, found)
    print(json.dumps(results, indent=2) if args.json else "\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
