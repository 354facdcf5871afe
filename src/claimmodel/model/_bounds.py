"""Bounded and relative dates: "before July", "previously", "between March and May".

A statement is often dated only by its bounds: the earliest and the latest date it
can have been made (Wikidata's P1319 *earliest date* and P1326 *latest date*).
:func:`parse_date_bounds` reads the common English phrasings and resolves the
relative ones against a reference date, usually the document's publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model._checks import type_name
from claimmodel.model._dates import PartialDate, Precision

__all__ = ["parse_date_bounds"]

Bounds = tuple[PartialDate | None, PartialDate | None]

# The words are matched in any case; the dates keep theirs (python-dateutil reads "UTC"
# and "GMT" as zones, not "utc" and "gmt").
_RANGE = re.compile(
    r"(?:between|from)\s+(?P<first>.+?)\s+(?:and|to|until|till|through)\s+(?P<last>.+)",
    re.IGNORECASE,
)
_BEFORE = re.compile(r"(?:before|prior to|earlier than)\s+(?P<date>.+)", re.IGNORECASE)
_AFTER = re.compile(r"(?:after|later than)\s+(?P<date>.+)", re.IGNORECASE)
_UNTIL = re.compile(r"(?:by|until|till|no later than|not later than)\s+(?P<date>.+)", re.IGNORECASE)
_SINCE = re.compile(
    r"(?:since|from|no earlier than|not earlier than)\s+(?P<date>.+)", re.IGNORECASE
)
_PAST = frozenset({"previously", "earlier", "recently", "already", "the past", "before"})


def _step(date: PartialDate, sign: int) -> PartialDate:
    """The date one unit of its precision later (``sign`` 1) or earlier (-1)."""
    precision = date.precision
    if precision is Precision.YEAR:
        return PartialDate(year=date.year + sign)
    if precision is Precision.MONTH:
        month = (date.month or 1) - 1 + sign
        return PartialDate(year=date.year + month // 12, month=month % 12 + 1)
    units = {
        Precision.DAY: dt.timedelta(days=1),
        Precision.HOUR: dt.timedelta(hours=1),
        Precision.MINUTE: dt.timedelta(minutes=1),
        Precision.SECOND: dt.timedelta(seconds=1),
    }
    moved = date.earliest() + sign * units[precision]
    return PartialDate.from_date(moved).with_precision(precision)


def _month_before(reference: PartialDate) -> PartialDate:
    month = (reference.month or 1) - 2
    return PartialDate(year=reference.year + month // 12, month=month % 12 + 1)


def _relative(phrase: str, reference: PartialDate | None) -> Bounds | None:
    """The bounds of a phrase that only a reference date makes a date of, if it is one."""
    if phrase not in _PAST and not phrase.startswith(("this ", "last ", "earlier this ")):
        return None
    if reference is None:
        raise InvalidValueError(f"{phrase!r} is relative: give a reference date to resolve it")
    year = PartialDate(year=reference.year)
    month = (
        None if reference.month is None else PartialDate(year=reference.year, month=reference.month)
    )
    found: dict[str, Bounds] = {
        "this year": (year, year),
        "earlier this year": (year, reference),
        "last year": (PartialDate(year=reference.year - 1), PartialDate(year=reference.year - 1)),
    }
    if month is not None:
        last_month = _month_before(reference)
        found |= {
            "this month": (month, month),
            "earlier this month": (month, reference),
            "last month": (last_month, last_month),
        }
    if phrase in _PAST:
        return (None, reference)
    if phrase not in found:
        raise InvalidValueError(
            f"{phrase!r} needs a reference date of finer precision than {reference}"
            if phrase.endswith("month") and month is None
            else f"{phrase!r} is not a date phrase claimmodel reads"
        )
    return found[phrase]


def parse_date_bounds(
    text: str, *, reference: PartialDate | dt.date | None = None
) -> tuple[PartialDate | None, PartialDate | None]:
    """The earliest and latest dates a phrase allows, either ``None`` when open.

    Reads "before X", "after X" (exclusive: "before July" ends with June), "by X",
    "until X" and "no later than X", "since X" and "no earlier than X", "between X
    and Y" and "from X to Y" (inclusive), where each X is a date as
    :meth:`PartialDate.parse` reads it, resolved against ``reference`` when it gives
    no year; and the relative phrases "previously", "earlier", "recently", "already"
    (up to the reference), "this year", "earlier this year", "last year", "this
    month", "earlier this month" and "last month".  Anything else raises
    :class:`~claimmodel.exceptions.InvalidValueError`.

    >>> parse_date_bounds("before July", reference=PartialDate(year=2025, month=11, day=25))
    (None, PartialDate(year=2025, month=6))
    """
    if type(text) is not str:
        raise InvalidTypeError(f"a date phrase must be a string, not {type_name(text)}")
    if isinstance(reference, dt.date):
        reference = PartialDate.from_date(reference)
    written = " ".join(text.split()).rstrip(".,")
    if written[:3].casefold() == "in ":
        written = written[3:]
    phrase = written.casefold()
    relative = _relative(phrase, reference)
    if relative is not None:
        return relative

    def read(part: str) -> PartialDate:
        return PartialDate.parse(part, reference=reference)

    if match := _RANGE.fullmatch(written):
        first, last = read(match["first"]), read(match["last"])
        return first, last
    if match := _BEFORE.fullmatch(written):
        return None, _step(read(match["date"]), -1)
    if match := _AFTER.fullmatch(written):
        return _step(read(match["date"]), 1), None
    if match := _UNTIL.fullmatch(written):
        return None, read(match["date"])
    if match := _SINCE.fullmatch(written):
        return read(match["date"]), None
    raise InvalidValueError(
        f"{text!r} is not a bounded date claimmodel reads; write it as 'before X', "
        "'after X', 'by X', 'since X' or 'between X and Y', or give the bounds as dates"
    )
