"""What validation returns: findings, their severity, and the report that holds them."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator

import attrs

from claimmodel.exceptions import ValidationError

__all__ = ["Finding", "Report", "Severity", "path_key"]


class Severity(enum.Enum):
    """How serious a finding is; the value is the spelling in output and options."""

    ERROR = "error"
    """The bundle breaks a rule; :attr:`Report.ok` is false."""
    WARNING = "warning"
    """Probably a mistake or a gap, but the bundle is consistent."""


@attrs.frozen(kw_only=True)
class Finding:
    """One rule a bundle breaks, at one place.

    ``code`` is the rule's stable code (``CM101``), ``path`` the location of the
    offending value in wire names (``$.assertions[3].attribution.chain[1].source``)
    and ``message`` says what is wrong and how to fix it.
    """

    code: str
    severity: Severity
    path: str
    message: str

    @property
    def is_error(self) -> bool:
        """Whether the finding is of severity error."""
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return f"{self.path}: {self.code} {self.severity.value}: {self.message}"


_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]")


# The bundle's own keys in the order the wire format writes them; other keys sort by name.
_TOP_LEVEL = {
    name: rank
    for rank, name in enumerate(
        (
            "id",
            "title",
            "published",
            "document",
            "language",
            "sources",
            "claims",
            "assertions",
            "relations",
        )
    )
}


def path_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key for paths: the bundle's arrays in wire order (sources, claims,
    assertions, relations), indices by number (``[2]`` before ``[10]``), other keys
    by name."""
    # Reports sort every finding by this key, so the common path (names and
    # indices only) is read by splitting; anything else by the pattern.
    plain = _plain_path_key(path)
    return _path_key_by_pattern(path) if plain is None else plain


def _plain_path_key(path: str) -> tuple[tuple[int, int, str], ...] | None:
    """:func:`path_key` of a path of plain names and indices; ``None`` for any other."""
    if not path.startswith("$") or "'" in path:
        return None
    key: list[tuple[int, int, str]] = []
    for position, part in enumerate(path[1:].split(".")):
        name, bracket, indices = part.partition("[")
        if position == 0:
            if name:
                return None
        elif not (name.isascii() and name.isidentifier()):
            return None
        elif not key and name in _TOP_LEVEL:
            key.append((1, _TOP_LEVEL[name], ""))
        else:
            key.append((2, 0, name))
        if bracket:
            for index in indices.split("["):
                digits = index.removesuffix("]")
                if len(digits) != len(index) - 1 or not (digits.isascii() and digits.isdigit()):
                    return None
                key.append((0, int(digits), ""))
    return tuple(key)


def _path_key_by_pattern(path: str) -> tuple[tuple[int, int, str], ...]:
    key: list[tuple[int, int, str]] = []
    for match in _STEP.finditer(path):
        name, index, quoted = match.groups()
        if index is not None:
            key.append((0, int(index), ""))
        elif not key and name in _TOP_LEVEL:
            key.append((1, _TOP_LEVEL[name], ""))
        else:
            key.append((2, 0, name if name is not None else quoted))
    return tuple(key)


def order(finding: Finding) -> tuple[object, ...]:
    return (path_key(finding.path), finding.code, finding.message)


def _sorted(found: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(found, key=order))


@attrs.frozen
class Report:
    """Every finding of one validation, in document order (by path, then code; see
    :func:`path_key`).

    Iterate over it for the findings; :attr:`ok` is true when none is an error.
    :meth:`raise_for_errors` turns a report with errors into a
    :class:`~claimmodel.exceptions.ValidationError`.  Like any container, a
    report is true when it holds findings, warnings included: test :attr:`ok`
    for validity.

    A validation given ``max_findings`` lists at most that many findings, the first
    in document order; ``unlisted_errors`` and ``unlisted_warnings`` count the others,
    and one more finding, ``CM003`` at ``$`` (an error when an unlisted finding is),
    says how many there were, so that :attr:`ok` stays true to the whole bundle.
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_sorted)
    unlisted_errors: int = attrs.field(default=0, kw_only=True)
    unlisted_warnings: int = attrs.field(default=0, kw_only=True)

    @property
    def unlisted(self) -> int:
        """How many findings were found beyond ``max_findings`` and are not listed."""
        return self.unlisted_errors + self.unlisted_warnings

    @property
    def ok(self) -> bool:
        """Whether no finding is an error (warnings are allowed)."""
        return not any(f.is_error for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.is_error)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return tuple(f for f in self.findings if not f.is_error)

    @property
    def codes(self) -> frozenset[str]:
        """The codes of every finding."""
        return frozenset(f.code for f in self.findings)

    def at(self, path: str) -> tuple[Finding, ...]:
        """The findings at exactly ``path``."""
        return tuple(f for f in self.findings if f.path == path)

    def raise_for_errors(self) -> None:
        """Raise :class:`~claimmodel.exceptions.ValidationError` if any finding is an error.

        The exception carries every finding, warnings included.
        """
        if not self.ok:
            raise ValidationError(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __str__(self) -> str:
        if not self.findings:
            return "no findings"
        return "\n".join(str(f) for f in self.findings)
