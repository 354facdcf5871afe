"""What a confidence scale is: its kind, its ordered levels and their probability bands.

This module holds the classes only.  The scales the standards publish are data in
:mod:`claimmodel.model._scales`, and the rules that convert and summarize
judgements across scales are in :mod:`claimmodel.model._convert`.  A scale a user
defines (a newsroom's rating scale, an in-house confidence scale) is built from
the same classes and passed explicitly to the functions that need it; there is no
registry to add it to.

Three kinds of level exist:

* a level with a probability ``band`` — a likelihood (ICD 203, IPCC, STIX,
  Admiralty credibility, plain probability);
* a *judged* level without a band — a grade of the analysis (analytic
  confidence), of a source (reliability) or a rating; no band is invented for it;
* a level that *cannot be judged* — the universal :data:`CANNOT_BE_JUDGED`,
  accepted on every scale, and the published equivalents (Admiralty F and 6, STIX
  "Not Specified"); these never carry a number.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import _checks as check
from claimmodel.model._interval import Interval

__all__ = [
    "CANNOT_BE_JUDGED",
    "UNIVERSAL",
    "Level",
    "Scale",
    "ScaleKind",
    "is_unjudged",
    "probability_label",
]

CANNOT_BE_JUDGED = "cannot be judged"
"""The level, valid on every scale, that says no judgement is possible.

Spelt in words, like the levels of the scales it joins ("very likely", "about as
likely as not"); format 1.0 spelt it ``cannot-be-judged``, which is still read and
still means the same (see :func:`is_unjudged`).
"""

_CANNOT_BE_JUDGED_1_0 = "cannot-be-judged"
_UNJUDGED_SPELLINGS = frozenset({CANNOT_BE_JUDGED, _CANNOT_BE_JUDGED_1_0})


def is_unjudged(level: str) -> bool:
    """Whether ``level`` is the universal level, in its spelling or in format 1.0's.

    Exact spellings only, as the JSON Schema states them; other capitalisations
    are spellings that validation reads through :meth:`Scale.level`.
    """
    return level in _UNJUDGED_SPELLINGS


class ScaleKind(enum.Enum):
    """What a scale grades."""

    LIKELIHOOD = "likelihood"
    """Verbal probability terms, each standing for a probability band."""
    CONFIDENCE = "confidence"
    """Analytic confidence in a judgement: the quality of evidence and reasoning."""
    RELIABILITY = "reliability"
    """How far a *source* can be trusted (Admiralty A–F)."""
    CREDIBILITY = "credibility"
    """How likely a piece of *information* is to be true (Admiralty 1–6)."""
    NUMERIC = "numeric"
    """Numbers standing for themselves (STIX 0–100, plain probabilities)."""
    RATING = "rating"
    """A reviewer's rating of a claim (a fact-checker's "Mostly true")."""

    @property
    def grades(self) -> bool:
        """Whether levels of this kind grade something other than probability (no bands)."""
        return self in _GRADES


_GRADES = frozenset({ScaleKind.CONFIDENCE, ScaleKind.RELIABILITY, ScaleKind.RATING})

# Spellings are matched without regard to case, spacing, or the dash or underscore
# standing between words ("almost-no-chance", "almost_no_chance", "2 - probably true").
_SEPARATORS = str.maketrans({"-": " ", "–": " ", "—": " ", "_": " "})
_SPACED_SLASH = re.compile(r"\s*/\s*")


@lru_cache(maxsize=1024)  # the same few spellings, once per confidence of a bundle
def _key(text: str) -> str:
    """The matching key of a spelling: case-, space-, dash- and underscore-insensitive."""
    key = " ".join(text.casefold().translate(_SEPARATORS).split())
    return _SPACED_SLASH.sub("/", key)


def _check_band(level: Level, attribute: attrs.Attribute[Interval | None], band: object) -> None:
    if band is not None and not isinstance(band, Interval):
        raise InvalidTypeError(
            f"band must be an Interval or None, not {check.shown(band)}", field="band"
        )


def _check_rank(level: Level, attribute: attrs.Attribute[int | None], rank: object) -> None:
    if rank is not None and (type(rank) is not int or rank < 0):
        raise InvalidTypeError(
            f"rank must be a whole number or None, not {check.shown(rank)}", field="rank"
        )


def _check_stix(level: Level, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and (type(value) is not int or not 0 <= value <= 100):
        raise InvalidValueError(
            f"stix must be a STIX confidence value, an integer from 0 to 100, or None, "
            f"not {check.shown(value)}",
            field="stix",
        )


def _check_citation(scale: Scale, attribute: attrs.Attribute[str], value: object) -> None:
    if type(value) is not str:
        raise InvalidTypeError(
            f"citation must be a string, not {check.type_name(value)}", field="citation"
        )
    check.unicode("citation", value)


_BOOLEAN = check.instance_of(bool, "a boolean")


@attrs.frozen(kw_only=True)
class Level:
    """One level of a scale.

    ``label`` is the canonical wire spelling (``Confidence.level``); ``aliases``
    are the other published spellings, all matched case-insensitively.
    ``band`` is the probability interval the level stands for, ``None`` when it
    stands for none (see ``judged``); ``low_open`` and ``high_open`` say that the
    band excludes that bound (IPCC "more likely than not" is more than 50 %).
    ``rank`` orders the judged levels of a scale by ascending likelihood,
    reliability, confidence or rating: it is the level's position among them,
    filled in by the scale (``None`` for levels that cannot be judged).
    ``code`` is a short published code (Admiralty "B", "2"), and ``stix`` the
    STIX 2.1 confidence value that STIX Appendix A assigns to the level.
    ``judged`` is false for the levels that say no judgement is possible.
    ``corroborated`` marks a level that states confirmation by other sources
    (Admiralty credibility 1): a probability alone never reaches it.
    """

    label: str = attrs.field(validator=check.text)
    band: Interval | None = attrs.field(default=None, validator=_check_band)
    aliases: tuple[str, ...] = check.tuple_field(check.text_items)
    rank: int | None = attrs.field(default=None, validator=_check_rank)
    code: str | None = attrs.field(default=None, validator=check.optional_text)
    stix: int | None = attrs.field(default=None, validator=_check_stix)
    judged: bool = attrs.field(default=True, validator=_BOOLEAN)
    low_open: bool = attrs.field(default=False, validator=_BOOLEAN)
    high_open: bool = attrs.field(default=False, validator=_BOOLEAN)
    corroborated: bool = attrs.field(default=False, validator=_BOOLEAN)

    def __attrs_post_init__(self) -> None:
        if not self.judged and (self.band is not None or self.stix is not None):
            raise InvalidValueError(
                f"level {self.label!r} cannot be judged, so it carries no number", field="band"
            )
        if (self.low_open or self.high_open) and self.band is None:
            raise InvalidValueError(
                f"level {self.label!r} has no band, so no bound of it can be open", field="band"
            )
        if self.band is not None and self.band.low == self.band.high and self.open_bound:
            raise InvalidValueError(
                f"level {self.label!r}: a band of one point cannot exclude it", field="band"
            )

    @property
    def open_bound(self) -> bool:
        """Whether the band excludes either of its bounds."""
        return self.low_open or self.high_open

    @property
    def spellings(self) -> tuple[str, ...]:
        """The label followed by every alias."""
        return (self.label, *self.aliases)

    def describe_band(self) -> str:
        """The band in per cent, an open bound marked ("more than 50 %" reads "> 50%–100%")."""
        if self.band is None:
            return "no probability"
        if self.band.low == self.band.high:
            return str(self.band)
        low = f"> {self.band.low:.0%}" if self.low_open else f"{self.band.low:.0%}"
        high = f"< {self.band.high:.0%}" if self.high_open else f"{self.band.high:.0%}"
        return f"{low}–{high}"

    def admits(self, probability: Interval, tolerance: float = 0.0) -> bool:
        """Whether a stated ``probability`` lies inside the band, open bounds excluded.

        The band itself is admitted, as the level's own band (its open bounds
        implied: it is what :meth:`claimmodel.Confidence.parse` states).
        ``tolerance`` widens a closed bound for floating-point noise; an open
        bound is never widened.
        """
        band = self.band
        if band is None:
            return False
        if probability == band:
            return True
        low_ok = (
            probability.low > band.low if self.low_open else probability.low >= band.low - tolerance
        )
        high_ok = (
            probability.high < band.high
            if self.high_open
            else probability.high <= band.high + tolerance
        )
        return low_ok and high_ok

    def __str__(self) -> str:
        return self.label


UNIVERSAL = Level(label=CANNOT_BE_JUDGED, aliases=(_CANNOT_BE_JUDGED_1_0,), judged=False)
"""The level every scale accepts: no judgement is possible."""


def _ranked(levels: tuple[Level, ...], scale_id: str) -> tuple[Level, ...]:
    """The levels with each judged level's rank set to its position among them."""
    ranked: list[Level] = []
    position = 0
    for index, level in enumerate(levels):
        if not isinstance(level, Level):
            raise InvalidTypeError(
                f"scale {scale_id!r}: levels[{index}] must be a Level, not "
                f"{check.type_name(level)}",
                field="levels",
            )
        if not level.judged:
            if level.rank is not None:
                raise InvalidValueError(
                    f"scale {scale_id!r}: level {level.label!r} cannot be judged, so it has "
                    "no rank",
                    field="levels",
                )
            ranked.append(level)
            continue
        if level.rank is not None and level.rank != position:
            raise InvalidValueError(
                f"scale {scale_id!r}: level {level.label!r} is listed at position {position} "
                f"among the judged levels but has rank {level.rank}; list levels in ascending "
                "order and leave rank unset",
                field="levels",
            )
        ranked.append(level if level.rank is not None else attrs.evolve(level, rank=position))
        position += 1
    return tuple(ranked)


@attrs.frozen(kw_only=True)
class Scale:
    """A named scale: its ``id`` (the wire contract), a human ``name``, the ``kind``
    of thing it grades, the ``citation`` of the publication that defines it, and
    its ``levels`` in ascending order.

    The universal :data:`CANNOT_BE_JUDGED` level is accepted on every scale
    without being listed.  ``unjudged`` is the label conversions use for "cannot
    be judged" on this scale (Admiralty "F" and "6", otherwise the universal
    level).  The ``probability`` scale is *open*: its levels are numbers, see
    :meth:`level`.  ``stix_table`` names the STIX 2.1 Appendix A scale that
    spells this scale's judged levels, rank for rank, so that STIX's own table is
    used for them (ICD 203 and the DNI scale of A.5).

    A scale that grades something other than probability (confidence,
    reliability, a rating) has no bands; on the others either every judged level
    has a band or none has.
    """

    id: str = attrs.field(validator=check.identifier)
    name: str = attrs.field(validator=check.text)
    kind: ScaleKind = attrs.field(validator=check.member_of(ScaleKind))
    citation: str = attrs.field(default="", validator=_check_citation)
    levels: tuple[Level, ...] = check.tuple_field()
    unjudged: str = attrs.field(default=CANNOT_BE_JUDGED, validator=check.text)
    open: bool = attrs.field(default=False, validator=_BOOLEAN)
    stix_table: str | None = attrs.field(default=None, validator=check.optional_text)
    _index: Mapping[str, Level] = attrs.field(init=False, repr=False, eq=False)
    _by_label: Mapping[str, Level] = attrs.field(init=False, repr=False, eq=False)
    _probability: bool = attrs.field(init=False, repr=False, eq=False)

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt by the constructor, which makes the look-up tables again (they are
        # read-only mapping proxies, which pickle refuses), so a scale crosses processes.
        fields = {f.name: getattr(self, f.name) for f in attrs.fields(Scale) if f.init}
        return (_scale, (fields,))

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "levels", _ranked(self.levels, self.id))
        if not self.levels and not self.open:
            raise InvalidValueError(f"scale {self.id!r} has no levels", field="levels")
        index: dict[str, Level] = {}
        for level in (*self.levels, UNIVERSAL):
            for spelling in level.spellings:
                key = _key(spelling)
                if index.get(key, level) is not level:
                    raise InvalidValueError(
                        f"scale {self.id!r}: spelling {spelling!r} names two levels",
                        field="levels",
                    )
                index[key] = level
        object.__setattr__(self, "_index", MappingProxyType(index))
        by_label = {level.label: level for level in self.levels}
        object.__setattr__(self, "_by_label", MappingProxyType(by_label))
        # Read for every confidence an analysis summarizes: worked out once.
        object.__setattr__(
            self,
            "_probability",
            self.open
            or (
                not self.kind.grades and all(level.band is not None for level in self.judged_levels)
            ),
        )
        if _key(self.unjudged) not in index or index[_key(self.unjudged)].judged:
            raise InvalidValueError(
                f"scale {self.id!r}: {self.unjudged!r} is not a level that cannot be judged",
                field="unjudged",
            )
        banded = [level.band is not None for level in self.judged_levels]
        if self.kind.grades and any(banded):
            raise InvalidValueError(
                f"scale {self.id!r} grades {self.kind.value}, not probability, so its levels "
                "carry no probability band",
                field="levels",
            )
        if any(banded) and not all(banded):
            raise InvalidValueError(
                f"scale {self.id!r}: either every judged level has a probability band or none has",
                field="levels",
            )

    @property
    def levels_by_label(self) -> Mapping[str, Level]:
        """The listed levels by canonical label (the universal level not included)."""
        return self._by_label

    @property
    def judged_levels(self) -> tuple[Level, ...]:
        """The listed levels that stand for a judgement, in ascending order."""
        return tuple(level for level in self.levels if level.judged)

    @property
    def is_probability(self) -> bool:
        """Whether the judged levels of this scale stand for probability bands."""
        return self._probability

    def level(self, text: str) -> Level | None:
        """The level spelt ``text`` (case-insensitive, any published spelling), or None.

        On the open ``probability`` scale a level is a probability written as a
        decimal ("0.7", "1e-05") or a percentage ("70%"), or an interval of two
        such numbers joined by a dash ("0.6-0.8", "60%–80%"); the canonical label
        is Python's shortest round-tripping text of each bound ("0.7", "0.6-0.8").
        """
        if type(text) is not str:
            return None
        found = self._index.get(_key(text))
        if found is not None or not self.open:
            return found
        band = _parse_probability(text)
        if band is None:
            return None
        return Level(label=probability_label(band), band=band)

    def unjudged_level(self) -> Level:
        """The level conversions use to say "cannot be judged" on this scale."""
        return self._index[_key(self.unjudged)]

    def describe_levels(self) -> str:
        """The valid levels, for error messages."""
        if self.open:
            return "a probability from 0 to 1 such as '0.7', '70%' or '0.6-0.8', or " + repr(
                CANNOT_BE_JUDGED
            )
        if len(self.levels) > 20:
            first, last = self.levels[0].label, self.levels[-1].label
            return f"an integer from {first!r} to {last!r}, or {CANNOT_BE_JUDGED!r}"
        return ", ".join(repr(level.label) for level in (*self.levels, UNIVERSAL))

    def __str__(self) -> str:
        return self.id


# --- the open probability scale -------------------------------------------------------

_NUMBER = r"((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)(\s*%)?"
_PROBABILITY = re.compile(rf"\s*{_NUMBER}\s*(?:[-–]\s*{_NUMBER}\s*)?")


def _number(digits: str, percent: str | None) -> float:
    value = float(digits)
    return value / 100 if percent else value


def _parse_probability(text: str) -> Interval | None:
    match = _PROBABILITY.fullmatch(text)
    if match is None:
        return None
    low = _number(match[1], match[2])
    high = low if match[3] is None else _number(match[3], match[4])
    if not (0.0 <= low <= high <= 1.0):
        return None
    return Interval(low=low, high=high)


def probability_label(band: Interval) -> str:
    """The canonical label of ``band`` on the open ``probability`` scale ("0.7", "0.6-0.8")."""
    if band.low == band.high:
        return repr(band.low)
    return f"{band.low!r}-{band.high!r}"


def _scale(fields: dict[str, object]) -> Scale:
    """A :class:`Scale` from its fields (what pickle calls to rebuild one)."""
    return Scale(**fields)  # type: ignore[arg-type]
