"""Date rules (CM5xx): nothing happens after it is reported, ends before it starts, is
relayed before it was said, is revised before it was said, or is archived before it
was captured.

Partial dates are compared by the instants they can stand for: one is *after*
another only when its earliest instant is later than the other's latest, so
"2025" is not after "2025-07".  A date without a time zone is a local time in an
unknown zone; compared with one that has a zone, it is allowed any offset from
UTC−12:00 to UTC+14:00.  Two dates without zones are taken to share one.

That a partial date is a real date at its precision (no 30 February, no month
13) is enforced when the date is built, so a decoded bundle never holds one; the
decoder reports it as a decoding problem at the date's path.
"""

from __future__ import annotations

import datetime as dt

from claimmodel.model import Assertion, PartialDate
from claimmodel.validation._context import Context

__all__ = ["check", "definitely_after"]

_EASTMOST = dt.timedelta(hours=14)
_WESTMOST = dt.timedelta(hours=12)


def definitely_after(later: PartialDate, earlier: PartialDate) -> bool:
    """Whether every instant ``later`` can stand for comes after every one ``earlier`` can."""
    return _after(later, earlier.latest())


def _after(later: PartialDate, end: dt.datetime) -> bool:
    """Whether every instant ``later`` can stand for comes after ``end``."""
    start = later.earliest()
    if (start.tzinfo is None) == (end.tzinfo is None):
        return start > end
    # Shifting a date by hours overflows near year 1 and year 9999; the difference of two
    # instants is a timedelta, which cannot, so the shift is compared with the difference.
    if start.tzinfo is None:  # the earliest UTC instant of a local time is 14 hours before it
        return start.replace(tzinfo=dt.UTC) - end > _EASTMOST
    return start - end.replace(tzinfo=dt.UTC) > _WESTMOST  # the latest is 12 hours after it


def check(ctx: Context) -> None:
    """Apply every date rule."""
    published = ctx.published
    # Every statement and relay is compared with the publication's last instant.
    published_end = published.latest() if published is not None else None
    for index, source in enumerate(ctx.bundle.sources):
        periods = [("roles", role.start, role.end) for role in source.roles]
        periods += [("affiliations", a.start, a.end) for a in source.affiliations]
        counters = {"roles": 0, "affiliations": 0}
        for field, start, end in periods:
            position = counters[field]
            counters[field] += 1
            if start is not None and end is not None and definitely_after(start, end):
                ctx.emit(
                    "CM502",
                    f"$.sources[{index}].{field}[{position}].end",
                    f"it ends ({end}) before it starts ({start}); correct or swap the dates",
                )
    for index, assertion in enumerate(ctx.bundle.assertions):
        base = f"$.assertions[{index}]"
        _after_publication(ctx, f"{base}.date", "the statement", assertion.date, published_end)
        _after_publication(
            ctx,
            f"{base}.earliest",
            "the statement's earliest date",
            assertion.earliest,
            published_end,
        )
        _bounds(ctx, base, assertion)
        before: tuple[str, PartialDate] | None = None
        if assertion.date is not None:
            before = ("the statement", assertion.date)
        elif assertion.earliest is not None:
            before = ("the statement's earliest date", assertion.earliest)
        for position, link in enumerate(assertion.attribution.chain):
            if link.date is None:
                continue
            path = f"{base}.attribution.chain[{position}].date"
            _after_publication(ctx, path, "the relay", link.date, published_end)
            if before is not None and definitely_after(before[1], link.date):
                ctx.emit(
                    "CM503",
                    path,
                    f"relayed on {link.date}, before {before[0]} ({before[1]}); links run "
                    "in transmission order, speaker first: correct the date or the order",
                )
            before = (f"link {position}", link.date)
        _revised_before_said(ctx, index, assertion)
    _archived_before_captured(ctx)


def _archived_before_captured(ctx: Context) -> None:
    # A copy cannot be made of what was not yet recorded.  Evidence captured after the
    # document appeared is no error: a later recording may bear on what it reported.
    # Every piece of evidence: an assertion's and a verdict's.
    for path, evidence in ctx.evidence():
        captured, archived = evidence.captured, evidence.archived
        if captured is not None and archived is not None and definitely_after(captured, archived):
            ctx.emit(
                "CM507",
                f"{path}.archived",
                f"the evidence is archived on {archived}, before it was captured ({captured}); "
                "a copy is made after the recording: correct a date",
            )


def _bounds(ctx: Context, base: str, assertion: Assertion) -> None:
    earliest, latest, date = assertion.earliest, assertion.latest, assertion.date
    if earliest is not None and latest is not None and definitely_after(earliest, latest):
        ctx.emit(
            "CM505",
            f"{base}.latest",
            f"the latest date ({latest}) is before the earliest ({earliest}); "
            "correct or swap the bounds",
        )
    elif date is not None:
        if earliest is not None and definitely_after(earliest, date):
            ctx.emit(
                "CM506",
                f"{base}.date",
                f"dated {date}, before its earliest date ({earliest}); correct the date or "
                "the bound",
            )
        if latest is not None and definitely_after(date, latest):
            ctx.emit(
                "CM506",
                f"{base}.date",
                f"dated {date}, after its latest date ({latest}); correct the date or the bound",
            )


def _revised_before_said(ctx: Context, index: int, assertion: Assertion) -> None:
    # The revision's latest possible date against the revised statement's earliest.
    target = assertion.revises
    said = assertion.date or assertion.latest
    if target is None or said is None:
        return
    position = ctx.assertion_ids.get(target)
    revised_assertion = ctx.bundle.assertions[position] if position is not None else None
    revised = (
        None if revised_assertion is None else revised_assertion.date or revised_assertion.earliest
    )
    if revised is not None and definitely_after(revised, said):
        verb = "retracts" if assertion.retracts is not None else "corrects"
        field = "date" if assertion.date is not None else "latest"
        ctx.emit(
            "CM504",
            f"$.assertions[{index}].{field}",
            f"it {verb} {target!r}, said on {revised}, but is dated {said}, before "
            "it; a statement is revised after it is made: correct a date or the revision",
        )


def _after_publication(
    ctx: Context, path: str, what: str, date: PartialDate | None, published_end: dt.datetime | None
) -> None:
    if date is not None and published_end is not None and _after(date, published_end):
        published = ctx.published
        ctx.emit(
            "CM501",
            path,
            f"{what} is dated {date}, after the document appeared ({published})"
            f"{ctx.published_caveat}; correct the date, or the bundle's publication date",
        )
