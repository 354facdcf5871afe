"""Dates at the ends of the calendar: every rule and the analysis answer, never overflow."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
import claimmodel.strategies as cms
from claimmodel.cli import main
from claimmodel.validation._dates import definitely_after

_DATE_KEYS = frozenset({"date", "published", "start", "end"})


def _minimal(published: str, said: str, relayed: str | None = None) -> dict[str, Any]:
    attribution: dict[str, Any] = {"source": "p"}
    if relayed is not None:
        attribution["chain"] = [{"source": "q", "channel": "interview", "date": relayed}]
    return {
        "format": "claimmodel/1.0",
        "published": published,
        "sources": [{"kind": "person", "id": "p"}, {"kind": "person", "id": "q"}],
        "claims": [{"id": "c", "text": "It happened."}],
        "assertions": [
            {
                "id": "a",
                "claim": "c",
                "date": said,
                "attribution": attribution,
                "confidence": {"scale": "icd203", "level": "cannot-be-judged"},
            }
        ],
        "relations": [],
    }


class TestOverflow:
    """Bundles that once made date arithmetic overflow inside a rule."""

    @pytest.mark.parametrize(
        ("published", "said", "relayed", "codes"),
        [
            # A local time in year 1 against a zoned one: 14 hours before it is year 0.
            ("0003", "0001-01-01T00:00", "0001-01-01T05:00+05:00", set()),
            ("0001-01-01T05:00+05:00", "0001-01-01T03", None, set()),
            # A zoned time against a local one in 9999: 12 hours after it is year 10000.
            ("9999", "9999-12-31T23:00Z", "9999-12-31T23", set()),
            ("9999-12-31T23:59:59.999999", "9999-12-31T23:59-12:00", None, set()),
            # Clearly out of order even at the widest offsets.
            ("9999", "9999-12-31T23:59+14:00", "0001-01-01T00", {"CM503"}),
            ("0001-01-01T00:00", "9999-12-31T23:00-23:59", None, {"CM501"}),
        ],
    )
    def test_validate_and_analyze(
        self, published: str, said: str, relayed: str | None, codes: set[str]
    ) -> None:
        bundle = cm.from_data(_minimal(published, said, relayed))
        assert codes == {f.code for f in cm.validate(bundle)} - {"CM204", "CM701"}
        assert 1 == len(cm.analyze(bundle))

    def test_command_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "ends.json"
        path.write_text(json.dumps(_minimal("9999", "9999-12-31T23:00Z", "9999-12-31T23")))
        assert 0 == main(["validate", str(path)])
        assert "internal error" not in capsys.readouterr().err


def _date(text: str) -> cm.PartialDate:
    return cm.PartialDate.fromisoformat(text)


class TestZoneBounds:
    """A local time may be at any offset from UTC−12:00 to UTC+14:00, and no further."""

    @pytest.mark.parametrize(
        ("later", "earlier", "expected"),
        [
            # A local 14:00 is at the earliest 00:00 UTC (at +14:00): not after 00:00Z ...
            ("2025-07-14T14:00", "2025-07-14T00:00:00.000000Z", False),
            # ... but after 23:59:59.999999Z the day before.
            ("2025-07-14T14:00", "2025-07-13T23:59:59.999999Z", True),
            # A zoned instant is after a local 11:59 only once it is past 23:59 UTC (−12:00).
            ("2025-07-14T23:59:59.999999Z", "2025-07-14T11:59", False),
            ("2025-07-15T00:00:00.000000Z", "2025-07-14T11:59", True),
            # Both local or both zoned: compared directly, and the same instant is not after.
            ("2025-07-14T10:00", "2025-07-14T09:59", True),
            ("2025-07-14T10:00:00.000000", "2025-07-14T10:00:00.000000", False),
            ("2025-07-14T10:00:00.000000+02:00", "2025-07-14T08:00:00.000000Z", False),
            ("2025-07-14T10:00:00.000001+02:00", "2025-07-14T08:00:00.000000Z", True),
            # Partial dates: "2025" is not after "2025-07", nor "2025-07" after "2025".
            ("2025", "2025-07", False),
            ("2025-07", "2025", False),
            ("2026", "2025-12-31T23:59", True),
        ],
    )
    def test_definitely_after(self, later: str, earlier: str, expected: bool) -> None:
        assert expected == definitely_after(_date(later), _date(earlier))


def _redated(data: Any, dates: list[str], key: str | None = None) -> Any:
    """``data`` with each date string replaced by the next of ``dates`` (cycled)."""
    if isinstance(data, dict):
        return {k: _redated(v, dates, k) for k, v in data.items()}
    if isinstance(data, list):
        return [_redated(item, dates, key) for item in data]
    if isinstance(data, str) and key in _DATE_KEYS:
        dates.append(dates.pop(0))
        return dates[-1]
    return data


class TestAnyDates:
    """Every rule and the analysis answer for any dates, in any order, at any precision."""

    @given(
        cms.bundles(max_assertions=4),
        st.lists(cms.partial_dates().map(str), min_size=1, max_size=8),
    )
    def test_validate_and_analyze_never_raise(self, bundle: cm.Bundle, dates: list[str]) -> None:
        redated = cm.from_data(_redated(cm.to_data(bundle), dates))
        report = cm.validate(redated)
        assert all(f.code.startswith("CM") for f in report)
        analysis = cm.analyze(redated)  # claims declared the same are analysed as one
        assert len(redated.claims) <= len(analysis) + len(analysis.same)

    @given(cms.partial_dates(), cms.partial_dates())
    def test_after_is_a_strict_order(self, first: cm.PartialDate, second: cm.PartialDate) -> None:
        assert not (definitely_after(first, second) and definitely_after(second, first))
        assert not definitely_after(first, first)


class TestBoundsAtWideOffsets:
    """Generated bundles bound a statement by its year only where validation reads that year
    as holding it: a date at an offset beyond −12 h … +14 h gets no such bounds."""

    WIDE = "0001-01-01T00:00+23:59"

    def test_the_year_does_not_hold_a_date_at_a_wide_offset(self) -> None:
        said = cm.Assertion(
            id="a1",
            claim="c1",
            attribution=cm.Attribution(source="s"),
            confidence=cm.Confidence.cannot_be_judged(scale="icd203"),
            date=cm.PartialDate.fromisoformat(self.WIDE),
            earliest=cm.PartialDate(year=1),
        )
        value = cm.Bundle(
            sources=(cm.Person(id="s"),),
            claims=(cm.Claim(id="c1", text="They fought."),),
            assertions=(said,),
        )
        assert ["CM506"] == [f.code for f in cm.validate(value).errors]

    @given(st.data())
    def test_no_year_bounds_beyond_local_offsets(self, data: st.DataObject) -> None:
        wide = cm.PartialDate.fromisoformat(self.WIDE)
        assert {} == data.draw(cms._bounds_of(wide))
