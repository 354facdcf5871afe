"""Partial dates: a point in time known only to some precision.

"In July", said in an article of 25 November 2025, is the month 2025-07: the
model keeps the month and says that it is a month, rather than inventing a day.
The wire form is ISO 8601 in extended format, cut at the precision:
``2025``, ``2025-07``, ``2025-07-14``, ``2025-07-14T09``, ``2025-07-14T09:30``,
``2025-07-14T09:30:05`` or ``2025-07-14T09:30:05.250000``, the forms with a time
optionally followed by ``Z`` or an offset such as ``+03:00``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import inspect
import re
from typing import Any

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model._checks import shown, type_name

__all__ = ["DateCertainty", "PartialDate", "Precision"]


class DateCertainty(enum.Enum):
    """How a date that no source states was arrived at; the value is the wire spelling.

    A date the record states needs none: leave the certainty out.
    """

    ESTIMATED = "estimated"
    """Worked out from evidence (the events a text reports, its file's metadata)."""
    ASSUMED = "assumed"
    """Taken as a working assumption (the day the text was found or encoded)."""


class Precision(enum.Enum):
    """How much of a :class:`PartialDate` is known; the value is the wire spelling."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"

    @property
    def wikidata(self) -> int:
        """Wikidata's precision code (9 = year, 10 = month, 11 = day, … 14 = second)."""
        return _WIKIDATA_CODES[self]

    @classmethod
    def from_wikidata(cls, code: int) -> Precision:
        """The precision for a Wikidata precision code from 9 (year) to 14 (second)."""
        for precision, known in _WIKIDATA_CODES.items():
            if known == code:
                return precision
        raise InvalidValueError(
            f"Wikidata precision {code!r} is not supported; use 9 (year) to 14 (second)"
        )


_WIKIDATA_CODES = {
    Precision.YEAR: 9,
    Precision.MONTH: 10,
    Precision.DAY: 11,
    Precision.HOUR: 12,
    Precision.MINUTE: 13,
    Precision.SECOND: 14,
}

# Field name, inclusive range, in precision order.
_PARTS = (
    ("month", 1, 12),
    ("day", 1, 31),
    ("hour", 0, 23),
    ("minute", 0, 59),
    ("second", 0, 59),
)
_PRECISIONS = tuple(Precision)

_ISO = re.compile(
    r"(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})"
    r"(?:-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2})"
    r"(?::(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,6}))?)?)?"
    r"(?P<offset>Z|[+-]\d{2}:\d{2})?)?)?)?",
    re.ASCII,
)


def _check_int(name: str, value: object, low: int, high: int) -> None:
    if type(value) is not int:
        raise InvalidTypeError(f"{name} must be an integer, not {type_name(value)}", field=name)
    if not low <= value <= high:
        raise InvalidValueError(
            f"{name} must be from {low} to {high}, not {shown(value)}", field=name
        )


@attrs.frozen(kw_only=True)
class PartialDate:
    """A date or time known to a :class:`Precision`, optionally with a UTC offset.

    Give the fields from ``year`` down to the last one known; the precision is the
    finest field given.  ``microsecond`` refines a second-precision time and
    ``tz`` (a fixed :class:`datetime.timezone`) needs at least an hour.
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    microsecond: int | None = None
    tz: dt.timezone | None = None

    def __attrs_post_init__(self) -> None:
        _check_int("year", self.year, 1, 9999)
        missing: str | None = None
        for name, low, high in _PARTS:
            value = getattr(self, name)
            if value is None:
                missing = missing or name
                continue
            if missing is not None:
                raise InvalidValueError(f"{name} is given but {missing} is not", field=name)
            _check_int(name, value, low, high)
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if self.day > last:
                raise InvalidValueError(
                    f"{self.year:04d}-{self.month:02d} has {last} days, not {self.day}",
                    field="day",
                )
        if self.microsecond is not None:
            if self.second is None:
                raise InvalidValueError("microsecond needs a second", field="microsecond")
            _check_int("microsecond", self.microsecond, 0, 999_999)
        if self.tz is not None:
            if type(self.tz) is not dt.timezone:
                raise InvalidTypeError(
                    f"tz must be a datetime.timezone, not {type_name(self.tz)}", field="tz"
                )
            if self.hour is None:
                raise InvalidValueError("a time zone needs at least an hour", field="tz")
            offset = self.tz.utcoffset(None)
            if offset.microseconds or offset.seconds % 60:
                raise InvalidValueError("a UTC offset must be whole minutes", field="tz")

    @property
    def precision(self) -> Precision:
        """The finest part of the date that is known."""
        index = 0
        for name, _, _ in _PARTS:
            if getattr(self, name) is None:
                break
            index += 1
        return _PRECISIONS[index]

    # -- conversions ---------------------------------------------------------------

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Read the wire form (see the module docstring); anything else is an error."""
        if type(text) is not str:
            raise InvalidTypeError(f"a partial date must be a string, not {type_name(text)}")
        match = _ISO.fullmatch(text)
        if match is None:
            raise InvalidValueError(
                f"{text!r} is not a partial date; write YYYY, YYYY-MM, YYYY-MM-DD or "
                "YYYY-MM-DDThh[:mm[:ss[.ffffff]]] with an optional Z or ±hh:mm"
            )
        if cls is PartialDate:  # a subclass may check more: its constructor decides
            read = _read_checked(match.groups())
            if read is not None:
                return read
        parts = match.groupdict()
        fraction = parts.pop("fraction")
        offset = parts.pop("offset")
        kwargs: dict[str, Any] = {k: int(v) for k, v in parts.items() if v is not None}
        if fraction is not None:
            kwargs["microsecond"] = int(fraction.ljust(6, "0"))
        if offset is not None:
            kwargs["tz"] = _parse_offset(offset)
        try:
            return cls(**kwargs)
        except InvalidValueError as error:
            raise InvalidValueError(f"{text!r} is not a real date: {error}") from None

    def isoformat(self) -> str:
        """The wire form: ISO 8601 extended format cut at the precision."""
        # Written for speed (every date of a bundle passes here when it is encoded): one
        # f-string per precision, its two-digit parts taken from a table, since a format
        # specification (``{month:02d}``) is parsed again at every call.
        year, month, day, hour = self.year, self.month, self.day, self.hour
        text = str(year) if year > 999 else _YEARS[year]
        if hour is None:
            if day is not None:
                return f"{text}-{_TWO_DIGITS[month]}-{_TWO_DIGITS[day]}"  # type: ignore[index]
            if month is not None:
                return f"{text}-{_TWO_DIGITS[month]}"
            return text
        minute, second, tz = self.minute, self.second, self.tz
        zone = "" if tz is None else _format_offset(tz)
        text = f"{text}-{_TWO_DIGITS[month]}-{_TWO_DIGITS[day]}T{_TWO_DIGITS[hour]}"  # type: ignore[index]
        if minute is None:
            return f"{text}{zone}"
        if second is None:
            return f"{text}:{_TWO_DIGITS[minute]}{zone}"
        fraction = "" if self.microsecond is None else f".{self.microsecond:06d}"
        return f"{text}:{_TWO_DIGITS[minute]}:{_TWO_DIGITS[second]}{fraction}{zone}"

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """A day-precision date (or second precision, for a ``datetime``)."""
        if isinstance(value, dt.datetime):
            tz = None
            if value.tzinfo is not None:
                offset = value.utcoffset()
                assert offset is not None
                tz = dt.timezone(offset) if offset else dt.UTC
            return cls(
                year=value.year,
                month=value.month,
                day=value.day,
                hour=value.hour,
                minute=value.minute,
                second=value.second,
                microsecond=value.microsecond or None,
                tz=tz,
            )
        if isinstance(value, dt.date):
            return cls(year=value.year, month=value.month, day=value.day)
        raise InvalidTypeError(f"expected a date or datetime, not {type_name(value)}")

    def with_precision(self, precision: Precision) -> PartialDate:
        """The same date cut (never extended) to a coarser ``precision``."""
        if _PRECISIONS.index(precision) > _PRECISIONS.index(self.precision):
            raise InvalidValueError(
                f"cannot refine a {self.precision.value}-precision date to {precision.value}"
            )
        keep = _PRECISIONS.index(precision)
        kwargs: dict[str, Any] = {"year": self.year}
        for index, (name, _, _) in enumerate(_PARTS, start=1):
            if index <= keep:
                kwargs[name] = getattr(self, name)
        if precision is Precision.SECOND:
            kwargs["microsecond"] = self.microsecond
        if keep >= _PRECISIONS.index(Precision.HOUR):
            kwargs["tz"] = self.tz
        return PartialDate(**kwargs)

    def earliest(self) -> dt.datetime:
        """The first instant the date can stand for (naive when the date has no time zone)."""
        return dt.datetime(
            self.year,
            self.month or 1,
            self.day or 1,
            self.hour or 0,
            self.minute or 0,
            self.second or 0,
            self.microsecond or 0,
            tzinfo=self.tz,
        )

    def latest(self) -> dt.datetime:
        """The last instant (to the microsecond) the date can stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        hour = 23 if self.hour is None else self.hour
        minute = 59 if self.minute is None else self.minute
        second = 59 if self.second is None else self.second
        micro = 999_999 if self.microsecond is None else self.microsecond
        return dt.datetime(self.year, month, day, hour, minute, second, micro, tzinfo=self.tz)

    # -- human input -----------------------------------------------------------------

    @classmethod
    def parse(cls, text: str, *, reference: PartialDate | dt.date | None = None) -> PartialDate:
        """Read a date as people write it ("July", "12 March 2025", "2025-07-14 09:30").

        Only the parts the text states are kept, so "July 2025" is a month.  When the
        text gives no year, ``reference`` (usually the publication date of the
        document) supplies it: the result is the most recent such date on or before
        the reference, so "in July" in an article of 25 November 2025 is 2025-07 and
        "December" in the same article is 2024-12.  Parsing uses python-dateutil.
        """
        if type(text) is not str:
            raise InvalidTypeError(f"a date must be a string, not {type_name(text)}")
        stated = _stated_parts(text)
        if "year" not in stated:
            if reference is None:
                raise InvalidValueError(
                    f"{text!r} gives no year; pass reference= (the date it was written)"
                )
            stated["year"] = _most_recent_year(stated, reference, text)
        kwargs: dict[str, Any] = {"year": stated["year"]}
        for name, _, _ in _PARTS:
            if name not in stated:
                break
            kwargs[name] = stated[name]
        if "microsecond" in stated and "second" in kwargs:
            kwargs["microsecond"] = stated["microsecond"]
        if "tz" in stated and "hour" in kwargs:
            kwargs["tz"] = stated["tz"]
        try:
            return cls(**kwargs)
        except InvalidValueError as error:
            raise InvalidValueError(f"{text!r} is not a real date: {error}") from None


# How each field of a PartialDate is filled, in field order (its slots, as attrs fills them).
_FILL = tuple(
    inspect.getattr_static(PartialDate, field.name).__set__ for field in attrs.fields(PartialDate)
)


def _read_checked(groups: tuple[str | None, ...]) -> PartialDate | None:
    """The date a wire form spells, when :class:`datetime.datetime` accepts its parts.

    The constructor's checks, made in C: ``datetime`` refuses exactly the years,
    months, days, hours, minutes, seconds and microseconds the constructor refuses,
    and the wire pattern gives no part without the ones before it, a fraction only
    after seconds and an offset only after an hour, of whole minutes.  So the
    instance is filled without running the checks again.  ``None`` when
    ``datetime`` refuses: the constructor then reports the problem its own way.
    Dates are read often (every date of a document that is decoded) and the
    constructor's generic checks cost several times this.
    """
    year, month, day, hour, minute, second, fraction, offset = groups
    y = int(year)  # type: ignore[arg-type]  # the pattern always has a year
    mo = None if month is None else int(month)
    d = None if day is None else int(day)
    h = None if hour is None else int(hour)
    mi = None if minute is None else int(minute)
    s = None if second is None else int(second)
    us = None if fraction is None else int(fraction.ljust(6, "0"))
    try:  # a missing month or day as 1 (0 is refused), a missing time part as 0
        dt.datetime(
            y, 1 if mo is None else mo, 1 if d is None else d, h or 0, mi or 0, s or 0, us or 0
        )
    except ValueError:
        return None
    tz = None if offset is None else _parse_offset(offset)
    date: PartialDate = object.__new__(PartialDate)
    fill_year, fill_month, fill_day, fill_hour, fill_minute, fill_second, fill_us, fill_tz = _FILL
    fill_year(date, y)
    fill_month(date, mo)
    fill_day(date, d)
    fill_hour(date, h)
    fill_minute(date, mi)
    fill_second(date, s)
    fill_us(date, us)
    fill_tz(date, tz)
    return date


@functools.lru_cache(maxsize=256)  # few offsets occur, and dates repeat them
def _parse_offset(offset: str) -> dt.timezone:
    if offset == "Z":
        return dt.UTC
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    if hours > 23 or minutes > 59:
        raise InvalidValueError(f"{offset!r} is not a UTC offset")
    delta = sign * dt.timedelta(hours=hours, minutes=minutes)
    return dt.UTC if not delta else dt.timezone(delta)


_TWO_DIGITS = tuple(f"{number:02d}" for number in range(100))
"""Each number a date's part after the year can be (0 to 99), in two digits."""
_YEARS = tuple(f"{number:04d}" for number in range(1000))
"""Each year below 1000, in four digits (a later year is its own four)."""


@functools.lru_cache(maxsize=256)  # few offsets occur, and dates repeat them
def _format_offset(tz: dt.timezone) -> str:
    offset = tz.utcoffset(None)
    if not offset:
        return "Z"
    total = int(offset.total_seconds()) // 60
    sign = "-" if total < 0 else "+"
    hours, minutes = divmod(abs(total), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


# Two defaults that differ in every part tell which parts the text itself states.  Both
# years are leap years and both months have 31 days, so any stated day fits either.
_DEFAULT_A = dt.datetime(2000, 1, 1, 0, 0, 0, 0)
_DEFAULT_B = dt.datetime(2004, 3, 2, 1, 1, 1, 1)


def _stated_parts(text: str) -> dict[str, Any]:
    from dateutil import parser  # noqa: PLC0415  (human input only; keep import time low)

    try:
        first = parser.parse(text, default=_DEFAULT_A, fuzzy=True)
        second = parser.parse(text, default=_DEFAULT_B, fuzzy=True)
    except (ValueError, OverflowError) as error:
        raise InvalidValueError(f"{text!r} is not a date python-dateutil can read") from error
    stated: dict[str, Any] = {}
    for name in ("year", "month", "day", "hour", "minute", "second", "microsecond"):
        if getattr(first, name) == getattr(second, name):
            stated[name] = getattr(first, name)
    if first.tzinfo is not None:
        try:
            offset = first.utcoffset()
        except ValueError:  # dateutil reads "UTC+25"; an offset is less than a day
            raise InvalidValueError(f"{text!r} states a UTC offset of a day or more") from None
        assert offset is not None
        stated["tz"] = dt.timezone(offset) if offset else dt.UTC
    if not stated:
        raise InvalidValueError(f"{text!r} states no part of a date")
    return stated


def _most_recent_year(stated: dict[str, Any], reference: PartialDate | dt.date, text: str) -> int:
    if isinstance(reference, PartialDate):
        ref = reference.latest().replace(tzinfo=None)
    elif isinstance(reference, dt.datetime):
        ref = reference.replace(tzinfo=None)
    elif isinstance(reference, dt.date):
        ref = dt.datetime(reference.year, reference.month, reference.day, 23, 59, 59, 999_999)
    else:
        raise InvalidTypeError(
            f"reference must be a PartialDate or date, not {type_name(reference)}"
        )
    for year in range(ref.year, max(ref.year - 8, 0), -1):
        month = stated.get("month", 1)
        day = stated.get("day", 1)
        if day > calendar.monthrange(year, month)[1]:
            continue  # 29 February in a common year
        start = dt.datetime(
            year,
            month,
            day,
            stated.get("hour", 0),
            stated.get("minute", 0),
            stated.get("second", 0),
        )
        if start <= ref:
            return year
    raise InvalidValueError(f"{text!r} does not occur on or before {reference}")
