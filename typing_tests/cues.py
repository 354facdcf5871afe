"""Exercise the cue finder's public API under the type checker (``mypy --strict``).

Nothing here runs in the test suite: the file passes when mypy finds no error, so
that the annotations users of ``claimmodel.cues`` see stay precise.
"""

from __future__ import annotations

from typing import assert_type

import claimmodel as cm
from claimmodel.cues import (
    DRAFTED_BY,
    AttributionCue,
    Condition,
    CueKind,
    Entry,
    Findings,
    HedgeCue,
    Lexicon,
    Quotation,
    Recipient,
    SpeakerPosition,
    SuggestedStance,
    Token,
    default_lexicon,
    draft_bundle,
    find_attributions,
    find_cues,
    find_hedges,
    find_quotations,
    key,
    phrase_keys,
    sentence_spans,
    tokenize,
)
from claimmodel.cues.spacy_adapter import CueMatcher, blank_pipeline


def hedges(text: str) -> list[cm.Hedge]:
    found = assert_type(find_hedges(text), list[HedgeCue])
    categories = [assert_type(cue.category, cm.HedgeCategory) for cue in found]
    assert len(categories) == len(found)
    spans = [assert_type(cue.span, cm.Span) for cue in found]
    assert all(span.of(text) for span in spans)
    return [cue.to_hedge(voiced_by="document", scope=None) for cue in found]


def attributions(text: str) -> list[cm.Stance]:
    stances: list[cm.Stance] = []
    for cue in assert_type(find_attributions(text), list[AttributionCue]):
        assert_type(cue.stance, SuggestedStance)
        assert_type(cue.speaker, cm.Span | None)
        assert_type(cue.channel_kind, cm.Channel | None)
        assert_type(cue.entry, str)
        stance = assert_type(cue.stance.stance, cm.Stance | None)
        if stance is not None:
            stances.append(stance)
    return stances


def everything(text: str, lexicon: Lexicon) -> int:
    findings = assert_type(find_cues(text, lexicon=lexicon), Findings)
    assert_type(findings.hedges, tuple[HedgeCue, ...])
    assert_type(findings.attributions, tuple[AttributionCue, ...])
    assert_type(findings.quotations, tuple[Quotation, ...])
    assert_type(findings.sentences, tuple[cm.Span, ...])
    quotations = assert_type(find_quotations(text), list[Quotation])
    sentences = assert_type(sentence_spans(text), list[cm.Span])
    tokens = assert_type(tokenize(text), list[Token])
    keys = assert_type(phrase_keys(text), tuple[str, ...])
    folded = assert_type(key("Allegedly"), str)
    return len(quotations) + len(sentences) + len(tokens) + len(keys) + len(folded)


def lexicons() -> Lexicon:
    lexicon = assert_type(default_lexicon("en"), Lexicon)
    version = assert_type(lexicon.version, str)
    assert version
    entry = assert_type(lexicon.entry("en.attribution.no-response"), Entry)
    assert_type(entry.kind, CueKind)
    assert_type(entry.stance, SuggestedStance | None)
    assert_type(entry.condition, Condition | None)
    assert_type(entry.recipient, Recipient | None)
    assert_type(entry.speaker, SpeakerPosition)
    assert_type(entry.forms, tuple[str, ...])
    mine = Entry(
        id="ru.hedge.yakoby",
        kind=CueKind.HEDGE,
        forms=("якобы",),
        category=cm.HedgeCategory.REPORTATIVE,
    )
    changed = lexicon.with_entries(mine).without("en.hedge.may")
    extended = changed.extended({"add": [mine.to_data()], "remove": []}, where="typing")
    return assert_type(extended, Lexicon)


def draft(text: str) -> cm.Report:
    bundle = assert_type(draft_bundle(text, title="T", document_id="doc"), cm.Bundle)
    marker = bundle.assertions[0].draft if bundle.assertions else None
    assert marker is None or marker.by.startswith(DRAFTED_BY)
    return cm.validate(bundle)


def through_spacy(text: str) -> Findings:
    matcher = CueMatcher(lexicon=default_lexicon())
    nlp = blank_pipeline()
    nlp.add_pipe("claimmodel_cues")
    assert nlp(text).spans["claimmodel_hedges"] is not None
    return assert_type(matcher.find(text), Findings)
