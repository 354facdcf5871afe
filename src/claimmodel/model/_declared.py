"""Scales a record declares for itself: a newsroom's rating scale, an in-house confidence scale.

A :class:`DeclaredScale` is the wire form of a :class:`~claimmodel.Scale`: an id, a
kind, ordered levels and, for a likelihood scale, a probability band per level.  Its
:attr:`~DeclaredScale.scale` is the :class:`~claimmodel.Scale` that validation, the
analysis and conversion use, as they use a scale passed to them explicitly; there is
still no registry.  Every declared level states a judgement: none of them counts as
"cannot be judged" (the universal level stays available on every scale).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import _checks as check
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue
from claimmodel.model._interval import Interval
from claimmodel.model._scale import Level, Scale, ScaleKind

__all__ = ["DECLARABLE_KINDS", "DeclaredLevel", "DeclaredScale"]

DECLARABLE_KINDS = frozenset({ScaleKind.LIKELIHOOD, ScaleKind.CONFIDENCE, ScaleKind.RATING})
"""The kinds of scale a record may declare."""


@attrs.frozen(kw_only=True)
class DeclaredLevel:
    """One level of a declared scale: its ``label`` (the spelling confidences and ratings
    use), other ``aliases`` matched alike, and the probability ``band`` it stands for (on
    a likelihood scale: every level has one or none has)."""

    label: str = attrs.field(validator=check.text)
    band: Interval | None = attrs.field(
        default=None, validator=check.optional_instance_of(Interval, "an Interval")
    )
    aliases: tuple[str, ...] = check.tuple_field(check.text_items)
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


_kinds = check.member_of(ScaleKind)


def _declarable(instance: object, attribute: attrs.Attribute[Any], value: ScaleKind) -> None:
    _kinds(instance, attribute, value)
    if value not in DECLARABLE_KINDS:
        allowed = ", ".join(sorted(repr(kind.value) for kind in DECLARABLE_KINDS))
        raise InvalidValueError(
            f"a record declares scales of kind {allowed}, not {value.value!r}",
            field=attribute.name,
        )


def _as_tuple(value: object) -> tuple[DeclaredLevel, ...]:
    # A list or a tuple, as tuple fields take them.
    if type(value) is tuple or type(value) is list:
        return tuple(value)
    raise InvalidTypeError(
        f"levels must be a tuple or list of DeclaredLevel, not {check.type_name(value)}",
        field="levels",
    )


@attrs.frozen(kw_only=True)
class DeclaredScale:
    """A scale the record declares: its ``id`` (what confidences and ratings name), a
    ``name``, the ``kind`` of thing it grades (likelihood, confidence or rating) and its
    ``levels`` from lowest to highest (for a rating scale: from worst to best).

    The built-in scales' ids cannot be redefined, and the levels must make a scale:
    spellings name one level each, a confidence or rating scale carries no probability
    bands, and on a likelihood scale every level has a band or none has.
    """

    id: str = attrs.field(validator=check.identifier)
    kind: ScaleKind = attrs.field(validator=_declarable)
    levels: tuple[DeclaredLevel, ...] = attrs.field(
        converter=_as_tuple, validator=check.items_of(DeclaredLevel, "a DeclaredLevel")
    )
    name: str | None = attrs.field(default=None, validator=check.optional_text)
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    def __attrs_post_init__(self) -> None:
        from claimmodel.model._scales import SCALES  # noqa: PLC0415  (the tables load lazily)

        if self.id in SCALES:
            raise InvalidValueError(
                f"{self.id!r} is a built-in scale id and cannot be redefined; give the "
                "declared scale an id of its own",
                field="id",
            )
        if not self.levels:
            raise InvalidValueError(f"scale {self.id!r} declares no levels", field="levels")
        self._build()

    def _build(self) -> Scale:
        return Scale(
            id=self.id,
            name=self.name if self.name is not None else self.id,
            kind=self.kind,
            levels=tuple(
                Level(label=level.label, band=level.band, aliases=level.aliases)
                for level in self.levels
            ),
        )

    @cached_property
    def scale(self) -> Scale:
        """The :class:`~claimmodel.Scale` declared: pass it wherever a scale is taken."""
        return self._build()
