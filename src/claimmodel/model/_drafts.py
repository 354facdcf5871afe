"""Drafts: objects a program suggested and no person has reviewed yet.

A cue finder, an extraction pipeline or a language model can propose sources,
claims, assertions, hedges and relations.  Until a person has looked at them they
are not the encoder's judgement, so each carries a :class:`Draft` marker saying
who suggested it; validation reports every marker (rule ``CM801``) until a person
clears it with the object's ``reviewed()`` method.
"""

from __future__ import annotations

import attrs

from claimmodel.model import _checks as check
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue

__all__ = ["Draft"]


@attrs.frozen(kw_only=True)
class Draft:
    """The mark of a machine-suggested object: ``by`` what, and a ``note`` for the reviewer."""

    by: str = attrs.field(validator=check.text)
    """The program that suggested the object, as it names itself (``"claimmodel cues 0.4"``)."""
    note: str | None = attrs.field(default=None, validator=check.optional_text)
    """What the reviewer should check ("speaker guessed from the sentence")."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )
