"""The cue lexicon through spaCy's ``PhraseMatcher`` (optional extra ``spacy``).

:class:`CueMatcher` matches the same lexicon as :func:`claimmodel.cues.find_cues`,
on the same tokens and the same normalisation: it writes claimmodel's tokens into a
spaCy ``Doc`` with each token's ``NORM`` set to claimmodel's key (the lowercase
form, NFC, apostrophes and hyphens folded) and matches every form on ``NORM``.  The
conditions and the longest-first selection are the pure-Python finder's own, so the
two return equal findings for every text; a differential test holds them to it.

No trained pipeline is needed or loaded: a blank one (``spacy.blank``) supplies the
vocabulary.  :func:`blank_pipeline` gives one whose tokenizer is claimmodel's, and
the ``claimmodel_cues`` component puts the cues of any pipeline's documents into
``doc.spans``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

try:
    import spacy
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "claimmodel.cues.spacy_adapter needs spaCy: pip install 'claimmodel[spacy]'"
    ) from error

from claimmodel.cues._finder import Findings, findings
from claimmodel.cues._lexicon import CueKind, Entry, Lexicon, default_lexicon
from claimmodel.cues._match import Candidate
from claimmodel.cues._tokens import Token, tokenize

if TYPE_CHECKING:
    from spacy.vocab import Vocab

__all__ = ["SPAN_KEYS", "ClaimmodelTokenizer", "CueMatcher", "blank_pipeline"]

SPAN_KEYS = {
    CueKind.HEDGE: "claimmodel_hedges",
    CueKind.ATTRIBUTION: "claimmodel_attributions",
    CueKind.CHANNEL: "claimmodel_channels",
}
"""The ``doc.spans`` key the ``claimmodel_cues`` component fills for each kind of cue."""


def _doc(vocab: Vocab, tokens: Sequence[Token], text: str) -> Doc:
    """A Doc of exactly these tokens, each token's NORM set to claimmodel's key."""
    spaces = [following.start > token.end for token, following in itertools.pairwise(tokens)]
    if tokens:
        spaces.append(len(text) > tokens[-1].end)
    doc = Doc(vocab, words=[token.text for token in tokens], spaces=spaces)
    for spacy_token, token in zip(doc, tokens, strict=True):
        spacy_token.norm_ = token.key
    return doc


class ClaimmodelTokenizer:
    """A spaCy tokenizer that splits text as claimmodel does, keeping every character.

    White space beyond one space after a token becomes a whitespace token, as spaCy's
    own tokenizer writes it, so ``doc.text`` is the text exactly.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for token in tokenize(text):
            gap = text[position : token.start]
            if gap and words and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
            words.append(token.text)
            spaces.append(False)
            position = token.end
        gap = text[position:]
        if gap and words and gap[0] == " ":
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


def blank_pipeline(language: str = "en") -> Language:
    """A blank spaCy pipeline (no trained model) whose tokenizer is claimmodel's."""
    nlp = spacy.blank(language)
    nlp.tokenizer = ClaimmodelTokenizer(nlp.vocab)
    return nlp


class CueMatcher:
    """The lexicon as one ``PhraseMatcher`` per kind of cue, matching on ``NORM``."""

    def __init__(self, *, lexicon: Lexicon | None = None, vocab: Vocab | None = None) -> None:
        self.lexicon = default_lexicon() if lexicon is None else lexicon
        self.vocab = spacy.blank(self.lexicon.language).vocab if vocab is None else vocab
        self._entries: dict[str, Entry] = {entry.id: entry for entry in self.lexicon.entries}
        self._matchers: dict[CueKind, PhraseMatcher] = {}
        for kind in CueKind:
            matcher = PhraseMatcher(self.vocab, attr="NORM")
            for entry in self.lexicon.entries:
                if entry.kind is kind:
                    patterns = [_doc(self.vocab, tokenize(form), form) for form in entry.forms]
                    matcher.add(entry.id, patterns)
            self._matchers[kind] = matcher

    def candidates(self, tokens: Sequence[Token], kind: CueKind) -> list[Candidate]:
        """Every run of ``tokens`` that equals a form of an entry of ``kind``."""
        doc = _doc(self.vocab, tokens, "")
        strings = self.vocab.strings
        return [
            Candidate(start, end - 1, self._entries[strings[match_id]])
            for match_id, start, end in self._matchers[kind](doc)
        ]

    def _matcher(self) -> Callable[[Sequence[Token], Lexicon, CueKind], list[Candidate]]:
        def match(tokens: Sequence[Token], _: Lexicon, kind: CueKind) -> list[Candidate]:
            return self.candidates(tokens, kind)

        return match

    def find(self, text: str) -> Findings:
        """Everything :func:`claimmodel.cues.find_cues` finds, matched by spaCy."""
        return findings(text, self.lexicon, self._matcher())

    def __call__(self, doc: Doc) -> Doc:
        """Put the cues of ``doc`` into ``doc.spans`` (see :data:`SPAN_KEYS`).

        Each span's ``label_`` is the hedge's category or the cue's suggested stance
        (the channel for a channel phrase) and its ``kb_id_`` the lexicon entry's id.
        Spans are aligned to the document's own tokens, whatever its tokenizer.
        """
        found = self.find(doc.text)
        groups: dict[CueKind, list[Any]] = {kind: [] for kind in CueKind}
        for hedge in found.hedges:
            groups[CueKind.HEDGE].append((hedge.span, hedge.category.value, hedge.entry))
        for cue in found.attributions:
            groups[CueKind.ATTRIBUTION].append((cue.span, cue.stance.value, cue.entry))
            if cue.channel is not None and cue.channel_kind is not None:
                groups[CueKind.CHANNEL].append((cue.channel, cue.channel_kind.value, cue.entry))
        for kind, items in groups.items():
            spans = []
            for span, label, entry in items:
                aligned = doc.char_span(
                    span.start, span.end, label=label, kb_id=entry, alignment_mode="expand"
                )
                if aligned is not None:
                    spans.append(aligned)
            doc.spans[SPAN_KEYS[kind]] = spans
        return doc


@Language.factory("claimmodel_cues", default_config={"lexicon": None})
def _make_component(nlp: Language, name: str, lexicon: str | None) -> CueMatcher:
    """The ``claimmodel_cues`` pipeline component; ``lexicon`` names an extension file."""
    base = default_lexicon(nlp.lang or "en")
    return CueMatcher(
        lexicon=base if lexicon is None else base.extended_from(lexicon), vocab=nlp.vocab
    )
