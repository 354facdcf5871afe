"""Bundles the validation tests share."""

from __future__ import annotations

from claimmodel import Assertion, Attribution, Bundle, Confidence


def dangling(count: int) -> Bundle:
    """A bundle of ``count`` assertions, each naming a claim and a source it lacks (two
    errors, CM101 and CM301) and each with a level whose band it does not state (a
    warning, CM204)."""
    return Bundle(
        assertions=tuple(
            Assertion(
                id=f"a{index}",
                claim=f"c{index}",
                attribution=Attribution(source=f"s{index}"),
                confidence=Confidence(scale="icd203", level="likely"),
            )
            for index in range(count)
        )
    )
