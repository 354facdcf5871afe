"""The cue lexicon: entries the finder matches, stored as data in the package.

Each :class:`Entry` has an id, a kind (a hedge, an attribution cue, or a channel
phrase), the forms it matches (whole phrases, each form written out, inflections
included: matching is on tokens, never on stems), and what a match suggests — a
:class:`~claimmodel.model.HedgeCategory`, a :class:`SuggestedStance`, a
:class:`~claimmodel.model.Channel`.  A :class:`Lexicon` is an immutable set of
entries with a name, a version and a language; users add and remove entries with
:meth:`Lexicon.with_entries`, :meth:`Lexicon.without` and :meth:`Lexicon.extended`
without touching the package.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from claimmodel.cues._tokens import phrase_keys, tokenize
from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import Channel, FrozenMap, HedgeCategory, Stance

__all__ = [
    "Condition",
    "CueKind",
    "Entry",
    "Lexicon",
    "Recipient",
    "SpeakerPosition",
    "SuggestedStance",
    "default_lexicon",
]


class CueKind(enum.Enum):
    """What an entry's matches are."""

    HEDGE = "hedge"
    """Words that weaken, distance or qualify a statement."""
    ATTRIBUTION = "attribution"
    """A reporting verb or phrase that ties content to a speaker."""
    CHANNEL = "channel"
    """How a statement was made or passed on ("in an interview with", "in a statement")."""


class SuggestedStance(enum.Enum):
    """The stance an attribution cue suggests; the value is the lexicon's spelling."""

    ASSERTS = "asserts"
    REPORTS = "reports"
    DENIES = "denies"
    DISPUTES = "disputes"
    QUESTIONS = "questions"
    DECLINES_TO_COMMENT = "declines-to-comment"
    """Asked and declined to answer: "declined to comment", "refused to comment"."""
    DOES_NOT_RESPOND = "does-not-respond"
    """Asked and no answer came: "did not respond to a request for comment"."""

    @property
    def stance(self) -> Stance | None:
        """The model's :class:`~claimmodel.model.Stance`, where it has one."""
        try:
            return Stance(self.value)
        except ValueError:
            return None


class Condition(enum.Enum):
    """A check on a match's context, for the few words that are cues only in one."""

    NUMBER_FOLLOWS = "number-follows"
    """A quantity follows: "about 300", "some forty", "up to a dozen", "around $5"."""
    NOT_CAPITALISED_MID_SENTENCE = "not-capitalised-mid-sentence"
    """Not capitalised inside a sentence: the modal "may", not the month "May"."""
    NOT_AFTER_DETERMINER = "not-after-determiner"
    """Not right after a determiner, a possessive or a preposition: the verb "alleged"
    ("prosecutors alleged"), not the adjective ("the alleged attack", "over alleged
    abuses")."""


class Recipient(enum.Enum):
    """Where an attribution cue names who received the statement (a channel)."""

    OBJECT = "object"
    """Directly after the cue: "told RIA Novosti"."""
    TO = "to"
    """After "to": "confirmed to RIA Novosti", "said to reporters"."""


class SpeakerPosition(enum.Enum):
    """Where a cue's speaker is looked for first."""

    BEFORE = "before"
    """"The ministry said", with "..., said the ministry" as the fallback."""
    AFTER = "after"
    """"According to the ministry", "citing officials"."""
    NONE = "none"
    """The phrase names no speaker ("in a statement"): the reporting verb beside it does."""


def _enum_or_none(enum_type: type[enum.Enum]) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, enum_type):
            raise InvalidTypeError(
                f"{attribute.name} must be a {enum_type.__name__} or None, not {value!r}",
                field=attribute.name,
            )

    return check


def _forms(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    if not value:
        raise InvalidValueError("an entry needs at least one form", field=attribute.name)
    for form in value:
        if type(form) is not str or not any(token.is_word for token in tokenize(form)):
            raise InvalidValueError(
                f"each form must be a phrase with at least one word, not {form!r}",
                field=attribute.name,
            )


def _id(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str or not value or value != value.strip():
        raise InvalidValueError(
            f"an entry id must be a non-empty string without outer spaces, not {value!r}",
            field=attribute.name,
        )


def _texts(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    if not all(type(item) is str and item for item in value):
        raise InvalidTypeError(
            f"{attribute.name} must hold non-empty strings", field=attribute.name
        )


def _optional_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not str:
        raise InvalidTypeError(f"{attribute.name} must be a string or None", field=attribute.name)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(f"expected a list of strings, not {value!r}")
    return tuple(value)


@attrs.frozen(kw_only=True)
class Entry:
    """One lexicon entry: its ``id``, ``kind``, ``forms`` and what a match suggests."""

    id: str = attrs.field(validator=_id)
    kind: CueKind = attrs.field(validator=attrs.validators.instance_of(CueKind))
    forms: tuple[str, ...] = attrs.field(converter=_strings, validator=_forms)
    """The phrases matched, each written out ("said", "says", "saying")."""
    category: HedgeCategory | None = attrs.field(
        default=None, validator=_enum_or_none(HedgeCategory)
    )
    """A hedge's category."""
    stance: SuggestedStance | None = attrs.field(
        default=None, validator=_enum_or_none(SuggestedStance)
    )
    """The stance an attribution cue suggests."""
    channel: Channel | None = attrs.field(default=None, validator=_enum_or_none(Channel))
    """The channel a channel phrase (or an attribution cue such as "testified") names."""
    condition: Condition | None = attrs.field(default=None, validator=_enum_or_none(Condition))
    recipient: Recipient | None = attrs.field(default=None, validator=_enum_or_none(Recipient))
    speaker: SpeakerPosition = attrs.field(
        default=SpeakerPosition.BEFORE, validator=attrs.validators.instance_of(SpeakerPosition)
    )
    basis: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_texts)
    """Keys of the lexicon's ``basis``: the literature the entry draws on."""
    note: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        needs = {
            CueKind.HEDGE: ("category", self.category),
            CueKind.ATTRIBUTION: ("stance", self.stance),
            CueKind.CHANNEL: ("channel", self.channel),
        }
        name, value = needs[self.kind]
        if value is None:
            raise InvalidValueError(f"a {self.kind.value} entry needs a {name}", field=name)
        if self.kind is not CueKind.HEDGE and self.category is not None:
            raise InvalidValueError("only a hedge entry has a category", field="category")
        if self.kind is not CueKind.ATTRIBUTION and self.stance is not None:
            raise InvalidValueError("only an attribution entry has a stance", field="stance")

    @classmethod
    def from_data(cls, data: object) -> Entry:
        """An entry from its JSON object (the lexicon file's spelling)."""
        if not isinstance(data, Mapping):
            raise InvalidTypeError(f"an entry must be a JSON object, not {data!r}")
        known = {field.name for field in attrs.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InvalidValueError(f"unknown keys {unknown}; known: {sorted(known)}")
        missing = [name for name in ("id", "kind", "forms") if name not in data]
        if missing:
            raise InvalidValueError(f"missing keys {missing}", field=missing[0])
        values = dict(data)
        for name, enum_type in (
            ("kind", CueKind),
            ("category", HedgeCategory),
            ("stance", SuggestedStance),
            ("channel", Channel),
            ("condition", Condition),
            ("recipient", Recipient),
            ("speaker", SpeakerPosition),
        ):
            if name in values:
                try:
                    values[name] = enum_type(values[name])
                except ValueError:
                    choices = ", ".join(repr(member.value) for member in enum_type)
                    raise InvalidValueError(
                        f"{values[name]!r} is not a {name}; one of {choices}", field=name
                    ) from None
        return cls(**values)

    def to_data(self) -> dict[str, Any]:
        """The entry as a JSON object, as the lexicon file spells it."""
        data: dict[str, Any] = {"id": self.id, "kind": self.kind.value, "forms": list(self.forms)}
        for name in ("category", "stance", "channel", "condition", "recipient"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value.value
        if self.speaker is not SpeakerPosition.BEFORE:
            data["speaker"] = self.speaker.value
        if self.basis:
            data["basis"] = list(self.basis)
        if self.note is not None:
            data["note"] = self.note
        return data


def _entries(value: Iterable[Entry]) -> tuple[Entry, ...]:
    entries = tuple(value)
    seen: set[str] = set()
    for entry in entries:
        if not isinstance(entry, Entry):
            raise InvalidTypeError(f"a lexicon holds Entry objects, not {entry!r}")
        if entry.id in seen:
            raise InvalidValueError(f"two entries have the id {entry.id!r}", field="entries")
        seen.add(entry.id)
    return entries


@attrs.frozen(kw_only=True)
class Lexicon:
    """A named, versioned set of entries for one language."""

    name: str
    version: str
    language: str
    entries: tuple[Entry, ...] = attrs.field(converter=_entries)
    basis: FrozenMap[str] = attrs.field(
        factory=FrozenMap, converter=FrozenMap, eq=False, hash=False, repr=False
    )
    """The literature the entries draw on: key → citation."""
    # Entries by the key of their first token: built once, never part of the value.
    _index: dict[CueKind, dict[str, list[tuple[tuple[str, ...], Entry]]]] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        index: dict[CueKind, dict[str, list[tuple[tuple[str, ...], Entry]]]] = {
            kind: {} for kind in CueKind
        }
        for entry in self.entries:
            for form in entry.forms:
                keys = phrase_keys(form)
                index[entry.kind].setdefault(keys[0], []).append((keys, entry))
        object.__setattr__(self, "_index", index)

    def phrases(self, kind: CueKind) -> dict[str, list[tuple[tuple[str, ...], Entry]]]:
        """The forms of ``kind`` as token keys, grouped by their first key."""
        return self._index[kind]

    def entry(self, entry_id: str) -> Entry:
        """The entry with this id."""
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise InvalidValueError(f"the lexicon {self.name!r} has no entry {entry_id!r}")

    def with_entries(self, *entries: Entry) -> Lexicon:
        """A copy with these entries added, each replacing any entry with the same id."""
        replaced = {entry.id for entry in entries}
        kept = [entry for entry in self.entries if entry.id not in replaced]
        return attrs.evolve(self, entries=(*kept, *entries))

    def without(self, *entry_ids: str) -> Lexicon:
        """A copy without the entries of these ids (each must exist)."""
        for entry_id in entry_ids:
            self.entry(entry_id)
        dropped = set(entry_ids)
        return attrs.evolve(
            self, entries=tuple(entry for entry in self.entries if entry.id not in dropped)
        )

    def extended(self, data: object, *, where: str = "the extension") -> Lexicon:
        """A copy changed by an extension: ``{"add": [entry, ...], "remove": [id, ...]}``.

        ``where`` names the extension in error messages (a file name, for instance).
        """
        if not isinstance(data, Mapping):
            raise InvalidTypeError(f"{where}: an extension must be a JSON object")
        unknown = sorted(set(data) - {"add", "remove"})
        if unknown:
            raise InvalidValueError(f"{where}: unknown keys {unknown}; known: ['add', 'remove']")
        removed = data.get("remove", [])
        if not isinstance(removed, list) or not all(type(i) is str for i in removed):
            raise InvalidTypeError(f"{where}: 'remove' must be a list of entry ids")
        try:
            lexicon = self.without(*removed)
        except InvalidValueError as error:
            raise InvalidValueError(f"{where}: remove: {error}") from None
        added = data.get("add", [])
        if not isinstance(added, list):
            raise InvalidTypeError(f"{where}: 'add' must be a list of entries")
        entries = []
        for position, item in enumerate(added):
            try:
                entries.append(Entry.from_data(item))
            except (InvalidTypeError, InvalidValueError) as error:
                field = f".{error.field}" if error.field else ""
                raise type(error)(f"{where}: add[{position}]{field}: {error}") from None
        return lexicon.with_entries(*entries)

    @classmethod
    def from_data(cls, data: object, *, where: str = "the lexicon") -> Lexicon:
        """A lexicon from its JSON object; errors name ``where`` and the entry's position."""
        if not isinstance(data, Mapping):
            raise InvalidTypeError(f"{where}: a lexicon must be a JSON object")
        required = {"lexicon", "version", "language", "entries"}
        missing = sorted(required - set(data))
        unknown = sorted(set(data) - required - {"basis"})
        if missing or unknown:
            raise InvalidValueError(f"{where}: missing keys {missing}, unknown keys {unknown}")
        for name in ("lexicon", "version", "language"):
            if type(data[name]) is not str or not data[name]:
                raise InvalidTypeError(f"{where}: {name!r} must be a non-empty string")
        if not isinstance(data["entries"], list):
            raise InvalidTypeError(f"{where}: 'entries' must be a list")
        basis = data.get("basis", {})
        if not isinstance(basis, dict) or not all(type(v) is str for v in basis.values()):
            raise InvalidTypeError(f"{where}: 'basis' must map keys to citations")
        entries = []
        for position, item in enumerate(data["entries"]):
            try:
                entries.append(Entry.from_data(item))
            except (InvalidTypeError, InvalidValueError) as error:
                field = f".{error.field}" if error.field else ""
                raise type(error)(f"{where}: entries[{position}]{field}: {error}") from None
        try:
            return cls(
                name=data["lexicon"],
                version=data["version"],
                language=data["language"],
                entries=entries,
                basis=dict(basis),
            )
        except InvalidValueError as error:
            raise InvalidValueError(f"{where}: {error}") from None

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        """A lexicon from a JSON file."""
        return cls.from_data(_read_json(path), where=str(path))

    def extended_from(self, path: str | Path) -> Lexicon:
        """A copy changed by the extension in a JSON file (see :meth:`extended`)."""
        return self.extended(_read_json(path), where=str(path))

    def to_data(self) -> dict[str, Any]:
        """The lexicon as a JSON object, as the package's files spell it."""
        data: dict[str, Any] = {"lexicon": self.name, "version": self.version}
        data["language"] = self.language
        if self.basis:
            data["basis"] = dict(self.basis)
        data["entries"] = [entry.to_data() for entry in self.entries]
        return data


def _read_json(path: str | Path) -> object:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise InvalidValueError(f"{path}: cannot read a lexicon: {error}") from None


_DEFAULTS: dict[str, Lexicon] = {}


def default_lexicon(language: str = "en") -> Lexicon:
    """The lexicon the package ships for ``language`` (read once, then shared)."""
    if language not in _DEFAULTS:
        name = f"{language}.json"
        folder = resources.files("claimmodel.cues") / "lexicons"
        if not (folder / name).is_file():
            shipped = sorted(
                item.name.removesuffix(".json")
                for item in folder.iterdir()
                if item.name.endswith(".json")
            )
            raise InvalidValueError(
                f"no lexicon ships for the language {language!r}; shipped: {shipped}"
            )
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        _DEFAULTS[language] = Lexicon.from_data(data, where=f"claimmodel.cues lexicon {name}")
    return _DEFAULTS[language]
