"""From text to a first draft: hedge and attribution cues found by a lexicon.

A transparent, deterministic finder — no model, nothing downloaded — that
proposes what a person confirms: every hedge cue ("allegedly", "remains a
subject of debate") with its category, every attribution cue ("told",
"according to", "declined to comment") with the stance it suggests and, where
the sentence shows them plainly, its speaker and channel, and every direct
quotation.  The lexicon is data in the package (:func:`default_lexicon`),
versioned, and extendable without editing the package.
"""

from claimmodel.cues._draft import DRAFTED_BY, draft_bundle
from claimmodel.cues._finder import (
    AttributionCue,
    Findings,
    HedgeCue,
    find_attributions,
    find_cues,
    find_hedges,
)
from claimmodel.cues._lexicon import (
    Condition,
    CueKind,
    Entry,
    Lexicon,
    Recipient,
    SpeakerPosition,
    SuggestedStance,
    default_lexicon,
)
from claimmodel.cues._quotes import Quotation, find_quotations
from claimmodel.cues._sentences import sentence_spans
from claimmodel.cues._tokens import Token, key, phrase_keys, tokenize
from claimmodel.model._repr import use_compact_reprs

__all__ = [
    "DRAFTED_BY",
    "AttributionCue",
    "Condition",
    "CueKind",
    "Entry",
    "Findings",
    "HedgeCue",
    "Lexicon",
    "Quotation",
    "Recipient",
    "SpeakerPosition",
    "SuggestedStance",
    "Token",
    "default_lexicon",
    "draft_bundle",
    "find_attributions",
    "find_cues",
    "find_hedges",
    "find_quotations",
    "key",
    "phrase_keys",
    "sentence_spans",
    "tokenize",
]

use_compact_reprs(globals())  # reprs without the fields at their defaults
