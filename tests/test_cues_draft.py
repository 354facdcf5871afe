"""Drafting a starting bundle from text: every suggestion marked, nothing a judgement."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.cues import DRAFTED_BY, draft_bundle
from claimmodel.exceptions import InvalidValueError

ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "kursk-article.txt"


def _text(bundle: cm.Bundle, claim_id: str) -> str:
    claim = bundle.claim(claim_id)
    assert claim is not None
    return claim.text


def _drafted(bundle: cm.Bundle) -> list[object]:
    objects: list[object] = [*bundle.sources, *bundle.claims, *bundle.assertions]
    objects += [hedge for assertion in bundle.assertions for hedge in assertion.hedges]
    return [item for item in objects if getattr(item, "draft", None) is not None]


class TestArticle:
    """The seed article drafts into a bundle a person completes."""

    def test_shape(self) -> None:
        text = ARTICLE.read_text(encoding="utf-8")
        bundle = draft_bundle(text, title="Kursk monument")
        document = bundle.source("document")
        assert isinstance(document, cm.Document)
        assert (text, "Kursk monument", None) == (document.text, document.name, document.draft)
        first = bundle.assertions[0]
        assert ("alexei-chebanenko", "confirmed") == (
            first.attribution.source,
            first.attribution.cue,
        )
        assert [("ria-novosti", cm.Channel.UNSPECIFIED), ("document", cm.Channel.PUBLICATION)] == [
            (link.source, link.channel) for link in first.attribution.chain
        ]
        assert isinstance(bundle.source("ria-novosti"), cm.MediaOutlet)
        assert "the initiative is moving forward" == _text(bundle, first.claim)
        revealed = bundle.assertions[1]
        assert "alexei-chebanenko" == revealed.attribution.source  # the surname, again
        officials = next(a for a in bundle.assertions if a.attribution.cue == "highlighted")
        assert isinstance(bundle.source(officials.attribution.source), cm.Collective)
        assert ["independent verification remains elusive"] == [h.cue for h in officials.hedges]
        assert {"document"} == {h.voiced_by for h in officials.hedges}
        hinted = next(a for a in bundle.assertions if a.attribution.cue == "hinted")
        assert isinstance(bundle.source(hinted.attribution.source), cm.AnonymousSource)

    def test_every_suggestion_is_a_draft_and_reported(self) -> None:
        bundle = draft_bundle(ARTICLE.read_text(encoding="utf-8"))
        suggested: list[object] = [*bundle.sources[1:], *bundle.claims, *bundle.assertions]
        suggested += [hedge for assertion in bundle.assertions for hedge in assertion.hedges]
        assert suggested == _drafted(bundle)
        markers = [getattr(item, "draft", None) for item in suggested]
        assert all(m is not None and m.by.startswith(DRAFTED_BY) for m in markers)
        report = cm.validate(bundle)
        assert report.ok
        assert len(suggested) == sum(1 for f in report if f.code == "CM801")
        for assertion in bundle.assertions:
            assert not assertion.confidence.judged
            assert cm.CANNOT_BE_JUDGED == assertion.confidence.level
        assert cm.loads(cm.dumps(bundle)) == bundle


class TestSentences:
    """Stances, quotations, unnamed speakers and statements of no comment."""

    def test_quotation_pronoun_denial_and_no_comment(self) -> None:
        text = (
            '"We will win the runoff," said Jane Doe. He denied that the vote was rigged. '
            "The commission declined to comment."
        )
        bundle = draft_bundle(text)
        assert [
            ("jane-doe", cm.Stance.ASSERTS, "We will win the runoff"),
            ("speaker-1", cm.Stance.DENIES, "the vote was rigged"),
            ("commission", cm.Stance.DECLINES_TO_COMMENT, "the vote was rigged"),
        ] == [(a.attribution.source, a.stance, _text(bundle, a.claim)) for a in bundle.assertions]
        placeholder = bundle.source("speaker-1")
        assert isinstance(placeholder, cm.AnonymousSource)
        assert placeholder.draft is not None
        assert placeholder.draft.note == "name the speaker, or keep them anonymous"

    def test_hedge_inside_a_quotation_is_the_speakers(self) -> None:
        text = "“It may be over,” said Jane Doe, who allegedly left."
        (assertion,) = draft_bundle(text).assertions
        assert [("may", None), ("allegedly", "document")] == [
            (h.cue, h.voiced_by) for h in assertion.hedges
        ]

    def test_a_speaker_told_itself(self) -> None:
        """A recipient that is the speaker is no relay: the chain holds each source once."""
        bundle = draft_bundle("Officials said Officials told Officials")
        assert [["document"], ["document"]] == [
            [link.source for link in a.attribution.chain] for a in bundle.assertions
        ]
        assert cm.validate(bundle).ok

    def test_no_cue_no_assertion(self) -> None:
        bundle = draft_bundle("It rained.")
        assert ((), (), 1) == (bundle.assertions, bundle.claims, len(bundle.sources))

    def test_blank_text_and_lone_surrogates(self) -> None:
        with pytest.raises(InvalidValueError, match="there is no text to draft from"):
            draft_bundle(" \n")
        with pytest.raises(InvalidValueError, match="a lone surrogate at offset 8"):
            draft_bundle("He said \ud800 so.")


def _silent(text: str) -> list[tuple[str, cm.Stance, str, str | None]]:
    """Each drafted assertion's speaker, stance, claim text and draft note."""
    bundle = draft_bundle(text)
    return [
        (
            a.attribution.source,
            a.stance,
            _text(bundle, a.claim),
            a.draft.note if a.draft is not None else "NOT A DRAFT",
        )
        for a in bundle.assertions
    ]


_BEFORE = (
    "its sentence names no topic: the claim is the one drafted just before; check that this "
    "is what the source was asked about"
)
_SENTENCE_BEFORE = (
    "its sentence names no topic: the claim is the sentence before; check that this is what "
    "the source was asked about, and word it as a claim"
)


class TestNoComment:
    """A source that declined to comment or did not respond gets a draft assertion with
    that stance, about what it was asked, and a note where that is a guess."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "The company declined to comment on the allegations.",
                ("company", cm.Stance.DECLINES_TO_COMMENT, "the allegations", None),
            ),
            (
                "The ministry did not return requests for comment on whether the vote was rigged.",
                ("ministry", cm.Stance.DOES_NOT_RESPOND, "the vote was rigged", None),
            ),
            (
                "Acme did not respond to questions about the leak.",
                ("acme", cm.Stance.DOES_NOT_RESPOND, "the leak", None),
            ),
            (
                "The minister declined to say whether troops had crossed the border.",
                ("minister", cm.Stance.DECLINES_TO_COMMENT, "troops had crossed the border", None),
            ),
        ],
    )
    def test_topic_in_the_sentence(
        self, text: str, expected: tuple[str, cm.Stance, str, str | None]
    ) -> None:
        assert [expected] == _silent(text)

    def test_the_claim_drafted_before(self) -> None:
        text = (
            "Prosecutors said that Acme dumped solvent into the river. Acme did not respond "
            "to a request for comment. Its owner declined to comment."
        )
        bundle = draft_bundle(text)
        assert [
            ("prosecutors", cm.Stance.ASSERTS, "Acme dumped solvent into the river", None),
            ("acme", cm.Stance.DOES_NOT_RESPOND, "Acme dumped solvent into the river", _BEFORE),
            (
                "speaker-1",
                cm.Stance.DECLINES_TO_COMMENT,
                "Acme dumped solvent into the river",
                _BEFORE,
            ),
        ] == _silent(text)
        assert 1 == len(bundle.claims)  # one claim, three positions on it
        result = cm.analyze(bundle)[bundle.claims[0].id]
        assert (1, 1) == (result.declining, result.not_responding)

    def test_the_sentence_before(self) -> None:
        text = "Acme's plant leaked solvent. A spokesman for Acme could not be reached for comment."
        assert [
            (
                "spokesman-for-acme",
                cm.Stance.DOES_NOT_RESPOND,
                "Acme's plant leaked solvent",
                _SENTENCE_BEFORE,
            )
        ] == _silent(text)

    def test_only_the_sentence_before(self) -> None:
        """A claim two sentences back is not taken: the sentence between is."""
        text = (
            "Prosecutors said that Acme dumped solvent. The river turned brown in May. "
            "Acme declined to comment."
        )
        assert (
            "acme",
            cm.Stance.DECLINES_TO_COMMENT,
            "The river turned brown in May",
            _SENTENCE_BEFORE,
        ) == _silent(text)[-1]

    def test_nothing_to_be_about(self) -> None:
        """A first sentence that names no topic has no claim to draft."""
        found = _silent("The commission declined to comment, citing the rules.")
        assert [] == [a for a in found if a[1] is cm.Stance.DECLINES_TO_COMMENT]
        assert () == draft_bundle("The commission declined to comment.").assertions

    def test_no_comment_inside_a_quotation(self) -> None:
        """The quoted words are the speaker's: the verb that reports them drafts them."""
        text = 'Acme leaked solvent. "We have no comment," said Jane Doe.'
        assert [cm.Stance.ASSERTS] == [a.stance for a in draft_bundle(text).assertions]

    def test_reported_until_reviewed(self) -> None:
        bundle = draft_bundle("Acme's plant leaked solvent. Acme did not respond.")
        report = cm.validate(bundle)
        assert report.ok
        (assertion,) = bundle.assertions
        assert any(f.code == "CM801" and f.path == "$.assertions[0].draft" for f in report), list(
            report
        )
        assert cm.loads(cm.dumps(bundle)) == bundle
        assert assertion.reviewed().draft is None

    def test_command_line(self, tmp_path: Path) -> None:
        article = tmp_path / "article.txt"
        article.write_text(
            "Acme's plant leaked solvent. Acme did not return requests for comment. "
            "Its owner declined to comment on the spill.\n",
            encoding="utf-8",
        )
        done = subprocess.run(
            [sys.executable, "-m", "claimmodel", "cues", "--draft", str(article)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (0, "") == (done.returncode, done.stderr)
        data = json.loads(done.stdout)
        assert [
            ("acme", "does-not-respond", "Acme's plant leaked solvent"),
            ("speaker-1", "declines-to-comment", "the spill"),
        ] == [
            (
                a["attribution"]["source"],
                a["stance"],
                next(c["text"] for c in data["claims"] if c["id"] == a["claim"]),
            )
            for a in data["assertions"]
        ]


_TEXT = st.lists(
    st.sampled_from(
        [
            "Officials",
            "said",
            "that",
            "the",
            "Ministry",
            "told",
            "Reuters",
            "it",
            "may",
            "allegedly",
            "fell",
            ".",
            ",",
            "“",
            "”",
            "He",
            "denied",
            "Jane",
            "Doe",
            "\n\n",
            "according",
            "to",
            "declined",
            "comment",
            "in",
            "a",
            "statement",
            "İ",
            "ß",
            "“x”",
        ]
    ),
    max_size=40,
).map(" ".join) | st.text(max_size=120)
_DRAFTABLE = _TEXT.filter(str.strip)


class TestProperties:
    """Any text drafts into a valid bundle that round-trips exactly."""

    @given(_DRAFTABLE)
    def test_valid_and_exact(self, text: str) -> None:
        bundle = draft_bundle(text)
        assert cm.validate(bundle).ok
        assert cm.loads(cm.dumps(bundle)) == bundle


class TestCommandLine:
    """``claimmodel cues --draft`` prints the starting bundle."""

    def test_draft(self, tmp_path: Path) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "claimmodel", "cues", "--draft", "--title", "T", str(ARTICLE)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (0, "") == (done.returncode, done.stderr)
        bundle = cm.loads(done.stdout)
        assert bundle == draft_bundle(ARTICLE.read_text(encoding="utf-8"), title="T")
        assert "claimmodel/" in json.loads(done.stdout)["format"]

    def test_draft_takes_one_file(self, tmp_path: Path) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "claimmodel", "cues", "--draft", str(ARTICLE), str(ARTICLE)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (2, "claimmodel cues: --draft takes exactly one FILE\n") == (
            done.returncode,
            done.stderr,
        )
        missing = str(tmp_path / "missing.txt")
        done = subprocess.run(
            [sys.executable, "-m", "claimmodel", "cues", "--draft", missing],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 2 == done.returncode
        assert "cannot read" in done.stderr
        blank = tmp_path / "blank.txt"
        blank.write_text("\n", encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "claimmodel", "cues", "--draft", str(blank)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (2, f"{blank}: there is no text to draft from: the text is empty or blank\n") == (
            done.returncode,
            done.stderr,
        )
