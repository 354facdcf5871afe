"""Merging several bundles into one, so that a claim's origins are counted across records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from claimmodel.exceptions import InvalidValueError, MergeConflictError
from claimmodel.model import (
    Assertion,
    Bundle,
    Claim,
    DeclaredScale,
    Relation,
    Source,
    Verdict,
    normalize_text,
)
from claimmodel.model import _checks as check

__all__ = ["merge"]

_Item = Source | Claim | Assertion | Relation | Verdict | DeclaredScale

_METADATA = (
    "schema",
    "id",
    "title",
    "published",
    "published_certainty",
    "document",
    "language",
    "extensions",
)


def _same_claim(first: Claim, second: Claim) -> bool:
    # Derived claim ids depend on normalized wording, so wording that differs only
    # in case, width or spacing is the same claim; every other field must agree.
    def key(claim: Claim) -> Claim:
        return attrs.evolve(
            claim,
            text=normalize_text(claim.text),
            subject=None if claim.subject is None else normalize_text(claim.subject),
            predicate=None if claim.predicate is None else normalize_text(claim.predicate),
            object=None if claim.object is None else normalize_text(claim.object),
        )

    return first == second or key(first) == key(second)


def _same(first: _Item, second: _Item) -> bool:
    if isinstance(first, Claim) and isinstance(second, Claim):
        return _same_claim(first, second)
    return first == second


def _differences(first: _Item, second: _Item) -> str:
    if type(first) is not type(second):
        return f"one is a {type(first).__name__}, the other a {type(second).__name__}"
    fields = [
        field.name
        for field in attrs.fields(type(first))
        if getattr(first, field.name) != getattr(second, field.name)
    ]
    return "they differ in " + ", ".join(fields)


def merge(bundles: Iterable[Bundle], *, names: Sequence[str] | None = None) -> Bundle:
    """One bundle holding every declared scale, source, claim, assertion, relation and
    verdict of ``bundles``.

    Items with the same id and the same content unify (the first is kept; claims
    whose wording differs only as far as :func:`~claimmodel.model.normalize_text`
    erases are the same).  The same id with different content raises
    :class:`~claimmodel.exceptions.MergeConflictError` naming both places it came
    from: each bundle is called by its entry in ``names`` (for example a file
    name), else by its ``id``, else by its position.  The bundle-level metadata
    (``$schema``, id, title, publication date and its certainty, document, language,
    extensions) is kept where
    every bundle agrees on it and left empty where they differ, since the merged
    bundle then describes no single document.
    """
    bundles = check.arguments("merge", bundles, Bundle, "Bundles")
    if names is not None and len(names) != len(bundles):
        raise InvalidValueError(
            f"{len(bundles)} bundles need {len(bundles)} names, not {len(names)}"
        )
    labels = [
        names[i] if names is not None else (f"bundle {b.id!r}" if b.id else f"bundle #{i + 1}")
        for i, b in enumerate(bundles)
    ]
    merged: dict[str, Any] = {}
    for kind in ("scales", "sources", "claims", "assertions", "relations", "verdicts"):
        seen: dict[str, tuple[_Item, str]] = {}
        for label, bundle in zip(labels, bundles, strict=True):
            items: tuple[_Item, ...] = getattr(bundle, kind)
            for position, item in enumerate(items):
                where = f"{label} ({kind}[{position}])"
                earlier = seen.get(item.id)
                if earlier is None:
                    seen[item.id] = (item, where)
                elif not _same(earlier[0], item):
                    noun = kind[:-1]
                    raise MergeConflictError(
                        f"{noun} {item.id!r} in {earlier[1]} and in {where} has the same id "
                        f"but different content: {_differences(earlier[0], item)}",
                        kind=kind,
                        item=item.id,
                        first=earlier[1],
                        second=where,
                    )
        merged[kind] = tuple(item for item, _ in seen.values())
    for field in _METADATA:
        values = [getattr(bundle, field) for bundle in bundles]
        if values and all(value == values[0] for value in values):
            merged[field] = values[0]
    if merged.get("published") is None:  # a certainty qualifies a date kept
        merged.pop("published_certainty", None)
    return Bundle(**merged)
