"""The cue finder: tokens, sentences, the lexicon, hedges, attributions, quotations."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmodel import Channel, HedgeCategory, Stance
from claimmodel.cues import (
    AttributionCue,
    Condition,
    CueKind,
    Entry,
    HedgeCue,
    Lexicon,
    SuggestedStance,
    default_lexicon,
    find_attributions,
    find_cues,
    find_hedges,
    find_quotations,
    phrase_keys,
    sentence_spans,
    tokenize,
)
from claimmodel.exceptions import InvalidTypeError, InvalidValueError

SEED = Path(__file__).resolve().parent.parent / "examples" / "kursk-article.txt"


class _HasText(Protocol):
    @property
    def text(self) -> str: ...


def texts(found: Sequence[_HasText]) -> list[str]:
    return [item.text for item in found]


class TestTokens:
    """Tokens keep the text's offsets; keys fold case, apostrophes and hyphens."""

    def test_offsets_are_the_texts(self) -> None:
        text = "İstanbul’s so‑called “cafe\u0301”"
        tokens = tokenize(text)
        assert [t.text for t in tokens] == [text[t.start : t.end] for t in tokens]
        assert ["i̇stanbul", "'", "s", "so", "-", "called", "“", "café", "”"] == [
            t.key for t in tokens
        ]

    def test_phrase_keys(self) -> None:
        assert ("could", "not", "be", "verified") == phrase_keys("Could  NOT\nbe verified")


class TestSentences:
    """Sentences end at terminal punctuation before a capital, and at blank lines."""

    def test_abbreviations_and_paragraphs(self) -> None:
        text = "Mr. Smith met Gen. Lee in the U.S. on Monday. He said so.\n\nA headline\nwrapped."
        assert [
            "Mr. Smith met Gen. Lee in the U.S. on Monday.",
            "He said so.",
            "A headline\nwrapped.",
        ] == [span.of(text) for span in sentence_spans(text)]

    def test_quoted_sentence_end(self) -> None:
        text = '"It is over." She left.'
        assert ['"It is over."', "She left."] == [s.of(text) for s in sentence_spans(text)]


class TestLexicon:
    """The shipped lexicon loads, and a user changes a copy without editing the package."""

    def test_shipped_lexicon(self) -> None:
        lexicon = default_lexicon()
        assert ("claimmodel-cues", "en") == (lexicon.name, lexicon.language)
        assert lexicon.version.count(".") == 2
        kinds = {entry.kind for entry in lexicon.entries}
        assert set(CueKind) == kinds
        for entry in lexicon.entries:
            assert entry.id.startswith(f"en.{entry.kind.value}.")
            assert set(entry.basis) <= set(lexicon.basis), entry.id
        categories = {e.category for e in lexicon.entries if e.kind is CueKind.HEDGE}
        assert set(HedgeCategory) == categories

    def test_round_trip_through_data(self) -> None:
        lexicon = default_lexicon()
        again = Lexicon.from_data(json.loads(json.dumps(lexicon.to_data())))
        assert lexicon == again
        assert dict(lexicon.basis) == dict(again.basis)

    def test_extension_adds_and_removes(self, tmp_path: Path) -> None:
        extension = {
            "add": [
                {
                    "id": "my.hedge.ru",
                    "kind": "hedge",
                    "category": "reportative",
                    "forms": ["якобы"],
                }
            ],
            "remove": ["en.hedge.may"],
        }
        path = tmp_path / "mine.json"
        path.write_text(json.dumps(extension), encoding="utf-8")
        lexicon = default_lexicon().extended_from(path)
        found = find_hedges("Они якобы воевали. It may rain.", lexicon=lexicon)
        assert ["якобы"] == texts(found)
        assert "en.hedge.may" in {e.id for e in default_lexicon().entries}  # unchanged

    def test_with_entries_replaces_by_id(self) -> None:
        entry = Entry(
            id="en.hedge.may",
            kind=CueKind.HEDGE,
            category=HedgeCategory.EPISTEMIC,
            forms=("mayhap",),
        )
        lexicon = default_lexicon().with_entries(entry)
        assert ("mayhap",) == lexicon.entry("en.hedge.may").forms
        assert len(default_lexicon().entries) == len(lexicon.entries)

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"add": [{"id": "x", "kind": "hedge", "forms": ["x"]}]}, "add[0].category"),
            (
                {"add": [{"id": "x", "kind": "hedge", "category": "sure", "forms": ["x"]}]},
                "'sure' is not a category",
            ),
            (
                {"add": [{"id": "x", "kind": "hedge", "category": "epistemic", "forms": "x"}]},
                "add[0]",
            ),
            (
                {"add": [{"id": "x", "kind": "hedge", "category": "epistemic", "forms": ["!"]}]},
                "at least one word",
            ),
            (
                {
                    "add": [
                        {
                            "id": "x",
                            "kind": "channel",
                            "channel": "interview",
                            "forms": ["x"],
                            "stance": "asserts",
                        }
                    ]
                },
                "only an attribution entry",
            ),
            (
                {
                    "add": [
                        {
                            "id": "x",
                            "kind": "hedge",
                            "category": "epistemic",
                            "forms": ["x"],
                            "colour": "red",
                        }
                    ]
                },
                "unknown keys ['colour']",
            ),
            ({"remove": ["en.hedge.nothing"]}, "no entry 'en.hedge.nothing'"),
            ({"delete": []}, "unknown keys ['delete']"),
            ({"remove": "en.hedge.may"}, "list of entry ids"),
            ([], "must be a JSON object"),
        ],
    )
    def test_bad_extensions_name_what_and_where(self, data: object, message: str) -> None:
        with pytest.raises((InvalidValueError, InvalidTypeError), match=None) as caught:
            default_lexicon().extended(data, where="mine.json")
        assert str(caught.value).startswith("mine.json: ")
        assert message in str(caught.value)

    def test_bad_files(self, tmp_path: Path) -> None:
        path = tmp_path / "broken.json"
        path.write_text("{", encoding="utf-8")
        with pytest.raises(InvalidValueError, match=r"broken\.json: cannot read a lexicon"):
            Lexicon.load(path)
        path.write_text(
            json.dumps(
                {
                    "lexicon": "x",
                    "version": "1",
                    "language": "en",
                    "entries": [{"id": "a", "kind": "hedge"}],
                }
            ),
            "utf-8",
        )
        with pytest.raises(
            InvalidValueError, match=r"broken\.json: entries\[0\]\.forms: missing keys"
        ):
            Lexicon.load(path)
        with pytest.raises(InvalidValueError, match="no lexicon ships for the language 'xx'"):
            default_lexicon("xx")

    def test_duplicate_ids(self) -> None:
        entry = default_lexicon().entries[0]
        with pytest.raises(InvalidValueError, match="two entries have the id"):
            Lexicon(name="x", version="1", language="en", entries=(entry, entry))

    def test_suggested_stances_map_to_the_model(self) -> None:
        assert Stance.DENIES is SuggestedStance.DENIES.stance
        assert Stance.DECLINES_TO_COMMENT is SuggestedStance.DECLINES_TO_COMMENT.stance
        assert Stance.DOES_NOT_RESPOND is SuggestedStance.DOES_NOT_RESPOND.stance
        assert {s.value for s in Stance} == {s.value for s in SuggestedStance}

    @pytest.mark.parametrize(
        ("text", "stance"),
        [
            ("The company declined to comment.", SuggestedStance.DECLINES_TO_COMMENT),
            ("Acme refused to comment.", SuggestedStance.DECLINES_TO_COMMENT),
            ('"No comment," she said.', SuggestedStance.DECLINES_TO_COMMENT),
            ("The ministry did not respond.", SuggestedStance.DOES_NOT_RESPOND),
            (
                "The ministry did not return requests for comment.",
                SuggestedStance.DOES_NOT_RESPOND,
            ),
            (
                "Acme did not respond to repeated requests for comment.",
                SuggestedStance.DOES_NOT_RESPOND,
            ),
            ("A spokesman could not be reached for comment.", SuggestedStance.DOES_NOT_RESPOND),
            ("The embassy has not responded.", SuggestedStance.DOES_NOT_RESPOND),
        ],
    )
    def test_declining_is_not_silence(self, text: str, stance: SuggestedStance) -> None:
        """Declining to comment is an act; no answer at all is the absence of one."""
        assert [stance] == [cue.stance for cue in find_attributions(text)][:1]

    def test_version(self) -> None:
        """Forms moved from one stance to another are a major change (docs/cues.md)."""
        assert "2.0.0" == default_lexicon().version


class TestHedges:
    """Hedge cues with their categories, longest match first, spans on the original text."""

    def test_seed_article(self) -> None:
        text = SEED.read_text(encoding="utf-8")
        found = {(h.text, h.category) for h in find_hedges(text)}
        assert {
            ("allegedly", HedgeCategory.REPORTATIVE),
            ("remains a subject of debate", HedgeCategory.DISPUTED),
            ("independent verification remains elusive", HedgeCategory.EVIDENTIAL_GAP),
            ("hinted", HedgeCategory.WEAK_COMMITMENT),
            ("vague", HedgeCategory.WEAK_COMMITMENT),
            ("questions linger", HedgeCategory.DISPUTED),
        } <= found

    def test_longest_match_first(self) -> None:
        text = "The claim could not be independently verified, and it may be false."
        assert ["could not be independently verified", "may"] == texts(find_hedges(text))

    def test_case_folding_keeps_offsets(self) -> None:
        text = "İİİ ALLEGEDLY İ Reportedly"
        found = find_hedges(text)
        assert ["ALLEGEDLY", "Reportedly"] == [h.span.of(text) for h in found]

    def test_conditions(self) -> None:
        text = "In May, about 40 people may have talked about it; some 3 fled, some stayed."
        assert ["about", "may", "some"] == texts(find_hedges(text))
        text = "May they return? About a dozen did, up to $5 each."
        assert ["May", "About", "up to"] == texts(find_hedges(text))

    def test_to_hedge(self) -> None:
        cue = find_hedges("It allegedly happened.")[0]
        hedge = cue.to_hedge(voiced_by="article")
        assert (HedgeCategory.REPORTATIVE, "allegedly", cue.span) == (
            hedge.category,
            hedge.cue,
            hedge.span,
        )


class TestAttributions:
    """Attribution cues, their stances, and speakers and channels where plain."""

    def speakers(self, text: str) -> list[tuple[str, str | None, str | None]]:
        return [
            (
                a.text,
                a.speaker.of(text) if a.speaker else None,
                a.channel.of(text) if a.channel else None,
            )
            for a in find_attributions(text)
        ]

    def test_seed_article(self) -> None:
        text = SEED.read_text(encoding="utf-8")
        found = self.speakers(text)
        assert ("confirmed", "Alexei Chebanenko", "RIA Novosti") in found
        confirmed = find_attributions(text)[0]
        assert confirmed.recipient == confirmed.channel
        assert ("confirmed", "Lavrov", None) in found
        assert ("highlighted", "Russian officials", None) in found
        assert ("weighed in", "Russia’s Ministry of Defense", None) in found

    def test_speakers_and_channels(self) -> None:
        text = (
            '"We have no comment," said Jane Doe, a spokeswoman. According to the Interior '
            "Ministry, it rose. Two people familiar with the matter told Reuters. Officials "
            "said in an interview with the BBC that it fell. He denied it."
        )
        assert [
            ("no comment", None, None),
            ("said", "Jane Doe", None),
            ("According to", "Interior Ministry", None),
            ("told", "Two people familiar with the matter", "Reuters"),
            ("said", "Officials", "in an interview with the BBC"),
            ("in an interview with", None, None),
            ("denied", None, None),
        ] == self.speakers(text)

    def test_stances_and_channel_kinds(self) -> None:
        text = (
            "The company declined to comment. The minister denied it at a press conference. "
            "Critics disputed the figures. She testified that he left."
        )
        found = find_attributions(text)
        assert [
            (SuggestedStance.DECLINES_TO_COMMENT, None),
            (SuggestedStance.DENIES, Channel.PRESS_CONFERENCE),
            (SuggestedStance.DISPUTES, None),
            (SuggestedStance.ASSERTS, Channel.TESTIMONY),
        ] == [(a.stance, a.channel_kind) for a in found]

    def test_adjective_is_no_cue(self) -> None:
        text = "Prosecutors alleged that the alleged fraud began over alleged bribes."
        assert ["alleged"] == texts(find_attributions(text))


class TestQuotations:
    """Direct quotations in English, Russian, German and French typography."""

    @pytest.mark.parametrize(
        ("text", "quoted", "marks"),
        [
            ("He said “we will win” today.", "we will win", "“”"),
            ("Он сказал: «Мы победим».", "Мы победим", "«»"),
            ("Sie sagte: „Wir siegen“.", "Wir siegen", "„“"),
            ("Il a dit : « Nous gagnerons ».", "Nous gagnerons", "«»"),
            ('She said "no".', "no", '""'),
            ("He said ‘Korea’s role’ mattered.", "Korea’s role", "‘’"),
        ],
    )
    def test_styles(self, text: str, quoted: str, marks: str) -> None:
        found = find_quotations(text)
        assert [(quoted, marks)] == [(q.text, q.marks) for q in found]
        assert quoted == found[0].content.of(text)

    def test_nesting_apostrophes_and_paragraphs(self) -> None:
        text = "«Он сказал „да“», Korea’s view. “Unclosed\n\n“Closed”"
        assert ["Он сказал „да“", "да", "Closed"] == texts(find_quotations(text))


_TEXT = st.text(max_size=200) | st.lists(
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
            "“",
            "”",
            "«",
            "»",
            "„",
            "’",
            '"',
            "told",
            "Reuters",
            "declined",
            "comment",
        ]
    ),
    max_size=40,
).map(" ".join)


class TestProperties:
    """Spans match their entries, results are deterministic and sorted, nothing raises."""

    @given(_TEXT)
    def test_spans_match_their_entries(self, text: str) -> None:
        lexicon = default_lexicon()
        findings = find_cues(text)
        cues: list[HedgeCue | AttributionCue] = [*findings.hedges, *findings.attributions]
        for cue in cues:
            entry = lexicon.entry(cue.entry)
            assert cue.text == cue.span.of(text)
            assert phrase_keys(cue.text) in {phrase_keys(form) for form in entry.forms}
        for cue in findings.attributions:
            for part in (cue.speaker, cue.channel, cue.recipient):
                if part is not None:
                    assert cue.sentence.start <= part.start < part.end <= cue.sentence.end
        for quotation in findings.quotations:
            assert quotation.text == quotation.content.of(text)

    @given(_TEXT)
    def test_deterministic_sorted_disjoint(self, text: str) -> None:
        first, second = find_cues(text), find_cues(text)
        assert first == second
        for found in (first.hedges, first.attributions):
            spans = [(cue.span.start, cue.span.end) for cue in found]
            assert sorted(spans) == spans
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
        assert first.hedges == tuple(find_hedges(text))
        assert first.attributions == tuple(find_attributions(text))

    @given(_TEXT)
    def test_sentences_cover_in_order(self, text: str) -> None:
        spans = sentence_spans(text)
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
        assert all(span.of(text).strip() == span.of(text) for span in spans)
        covered = "".join(span.of(text) for span in spans)
        assert "".join(text.split()) == "".join(covered.split())


def test_condition_values_are_documented() -> None:
    assert {"number-follows", "not-capitalised-mid-sentence", "not-after-determiner"} == {
        c.value for c in Condition
    }


class TestMeasuredQuality:
    """benchmarks/cues_quality.py runs, and the figures docs/cues.md reports still hold."""

    def test_independent_report_and_example(self) -> None:
        script = Path(__file__).resolve().parent.parent / "benchmarks" / "cues_quality.py"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        done = subprocess.run(
            [sys.executable, str(script), "--json"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=env,
        )
        assert (0, "") == (done.returncode, done.stderr)
        figures = json.loads(done.stdout)
        cues = figures["independent report"]["exact"]["cues"]
        assert cues["recall"] >= 0.9
        assert cues["precision"] >= 0.8
        assert figures["independent report"]["exact"]["quotation"]["recall"] == 1.0
        assert figures["Kursk example (recall only)"]["overlap"]["cues"]["recall"] >= 0.85
