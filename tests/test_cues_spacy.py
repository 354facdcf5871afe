"""The spaCy adapter: the same lexicon through PhraseMatcher, equal to the pure finder."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmodel.cues import CueKind, default_lexicon, find_cues, tokenize
from claimmodel.cues._match import candidates

spacy = pytest.importorskip("spacy", reason="the spacy extra is not installed")

from claimmodel.cues.spacy_adapter import (  # noqa: E402  (after the skip)
    SPAN_KEYS,
    ClaimmodelTokenizer,
    CueMatcher,
    blank_pipeline,
)

_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200
) | st.lists(
    st.sampled_from(
        [
            "may",
            "May",
            "allegedly",
            "İ",
            "ß",
            "said",
            "according",
            "to",
            "the",
            "Ministry",
            "could",
            "not",
            "be",
            "independently",
            "verified",
            "about",
            "40",
            ",",
            ".",
            " ",
            "\n\n",
            "\n",
            "“",
            "”",
            "told",
            "Reuters",
            "declined",
            "comment",
            "in",
            "a",
            "statement",
            "’",
            "so-called",
            "so‑called",
            "don’t",
            "know",
            "more",
            "than",
        ]
    ),
    max_size=40,
).map(" ".join)


@cache
def _matcher() -> CueMatcher:
    return CueMatcher()


class TestDifferential:
    """The adapter finds exactly what the pure-Python finder finds."""

    @given(_TEXT)
    def test_same_candidates_for_every_kind(self, text: str) -> None:
        tokens = tokenize(text)
        for kind in CueKind:
            pure = set(candidates(tokens, default_lexicon(), kind))
            assert pure == set(_matcher().candidates(tokens, kind))

    @given(_TEXT)
    def test_same_findings(self, text: str) -> None:
        assert find_cues(text) == _matcher().find(text)

    def test_independent_report(self) -> None:
        from pathlib import Path

        text = (
            Path(__file__).resolve().parent.parent / "benchmarks" / "cues" / "text.txt"
        ).read_text(encoding="utf-8")
        assert find_cues(text) == _matcher().find(text)


class TestPipeline:
    """A blank pipeline with claimmodel's tokenizer, and the claimmodel_cues component."""

    @given(_TEXT)
    def test_tokenizer_keeps_the_text(self, text: str) -> None:
        doc = ClaimmodelTokenizer(_matcher().vocab)(text)
        assert text == doc.text
        assert [t.text for t in tokenize(text)] == [t.text for t in doc if not t.is_space]

    def test_component_fills_span_groups(self) -> None:
        nlp = blank_pipeline()
        nlp.add_pipe("claimmodel_cues")
        text = "Officials said in a statement that it  allegedly\n\nfell."
        doc = nlp(text)
        assert text == doc.text
        assert [("allegedly", "reportative", "en.hedge.allegedly")] == [
            (s.text, s.label_, s.kb_id_) for s in doc.spans[SPAN_KEYS[CueKind.HEDGE]]
        ]
        assert [("said", "asserts"), ("in a statement", "reports")] == [
            (s.text, s.label_) for s in doc.spans[SPAN_KEYS[CueKind.ATTRIBUTION]]
        ]
        assert [("in a statement", "statement")] == [
            (s.text, s.label_) for s in doc.spans[SPAN_KEYS[CueKind.CHANNEL]]
        ]

    def test_component_on_spacys_own_tokenizer(self, tmp_path: object) -> None:
        nlp = spacy.blank("en")
        nlp.add_pipe("claimmodel_cues")
        doc = nlp("They didn't say it may rain.")
        assert [("say", "asserts")] == [
            (s.text, s.label_) for s in doc.spans[SPAN_KEYS[CueKind.ATTRIBUTION]]
        ]
        assert ["may"] == [s.text for s in doc.spans[SPAN_KEYS[CueKind.HEDGE]]]

    def test_component_with_an_extension(self, tmp_path: pytest.TempPathFactory) -> None:
        import json
        from pathlib import Path

        path = Path(str(tmp_path)) / "mine.json"
        path.write_text(json.dumps({"remove": ["en.hedge.may"]}), encoding="utf-8")
        nlp = blank_pipeline()
        nlp.add_pipe("claimmodel_cues", config={"lexicon": str(path)})
        assert [] == list(nlp("It may rain.").spans[SPAN_KEYS[CueKind.HEDGE]])
