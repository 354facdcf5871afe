"""Memory: decoding holds a bounded amount per assertion (measured with tracemalloc).

``docs/security.md`` records the peak for 100,000 assertions; reproduce it with
``PYTHONPATH=src python tests/test_hostile_memory.py 100000``.  The test below
checks the same bound on a smaller bundle, so a regression shows up in CI.
"""

from __future__ import annotations

import gc
import sys
import tracemalloc

import claimmodel as cm

BYTES_PER_ASSERTION = 4_000
"""The documented bound: peak memory while decoding, per assertion (text included)."""
BASELINE = 4_000_000
"""Fixed costs independent of size (converter caches, first-use code generation)."""


def typical_bundle(assertions: int) -> cm.Bundle:
    """A bundle shaped like real work: one claim per two assertions, a source per ten,
    each assertion with a cue, a one-link chain, a hedge and a probability band."""
    sources = [
        cm.Person(id=f"s{i}", name=f"Person number {i}") for i in range(assertions // 10 or 1)
    ]
    claims = [
        cm.Claim(text=f"The monument number {i} will be built in the region soon.")
        for i in range(assertions // 2 or 1)
    ]
    confidence = cm.Confidence(
        scale="icd203", level="likely", probability=cm.Interval(low=0.55, high=0.8)
    )
    return cm.Bundle(
        sources=tuple(sources),
        claims=tuple(claims),
        assertions=tuple(
            cm.Assertion(
                id=f"a{i}",
                claim=claims[i % len(claims)].id,
                attribution=cm.Attribution(
                    source=sources[i % len(sources)].id,
                    cue="confirmed",
                    chain=(
                        cm.Link(
                            source=sources[(i + 1) % len(sources)].id,
                            channel=cm.Channel.INTERVIEW,
                        ),
                    ),
                ),
                confidence=confidence,
                hedges=(cm.Hedge(cue="allegedly", category=cm.HedgeCategory.REPORTATIVE),),
            )
            for i in range(assertions)
        ),
    )


def peak_decoding(data: bytes) -> int:
    """The peak of traced memory, in bytes, while ``loads`` decodes ``data``."""
    gc.collect()
    tracemalloc.start()
    try:
        bundle = cm.loads(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert bundle.assertions
    return peak


class TestDecodingMemory:
    """Decoding holds at most the documented bytes per assertion."""

    def test_peak_within_bound(self) -> None:
        count = 2_000
        data = cm.dumps(typical_bundle(count)).encode("utf-8")
        cm.loads(data)  # warm up: converter code is generated on first use
        assert peak_decoding(data) <= BASELINE + BYTES_PER_ASSERTION * count


if __name__ == "__main__":  # pragma: no cover  (the measurement behind the docs)
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    text = cm.dumps(typical_bundle(count)).encode("utf-8")
    cm.loads(cm.dumps(typical_bundle(10)))
    peak = peak_decoding(text)
    sys.stdout.write(
        f"{count:,} assertions, {len(text):,} bytes of JSON: peak {peak / 2**20:,.1f} MiB "
        f"({peak / count:,.0f} bytes per assertion, {peak / len(text):.1f}x the text)\n"
    )
