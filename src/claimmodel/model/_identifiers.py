"""External identifiers: the same source named by a registry outside the record.

A source's ``id`` is local to its bundle; an :class:`Identifier` names it in a
registry everyone shares (a Wikidata item, a ROR organization, an ISNI or ORCID
name, an outlet's web domain, a URL), so that records written apart can be
matched.  Each scheme has one canonical spelling, checked here, check digits
included: an identifier that does not look right is refused, never rewritten.
"""

from __future__ import annotations

import enum
import re

import attrs

from claimmodel.exceptions import InvalidValueError
from claimmodel.model import _checks as check

__all__ = ["Identifier", "IdentifierScheme"]


class IdentifierScheme(enum.Enum):
    """The registries an identifier can come from; the value is the wire spelling."""

    WIKIDATA = "wikidata"
    """A Wikidata item id: ``Q`` and a number without leading zeros (``Q7747``)."""
    ROR = "ror"
    """A Research Organization Registry id, without its URL prefix (``01ggx4157``)."""
    ISNI = "isni"
    """An International Standard Name Identifier: 16 characters, no spaces
    (``000000012103268X``)."""
    ORCID = "orcid"
    """An ORCID iD in groups of four, without its URL prefix (``0000-0002-1825-0097``)."""
    DOMAIN = "domain"
    """An outlet's web domain in lower case, internationalised names in their ``xn--`` form
    (``ria.ru``)."""
    URL = "url"
    """An absolute ``http`` or ``https`` URL (``https://ria.ru/``)."""


_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
_QID = re.compile(r"Q[1-9][0-9]{0,11}", re.ASCII)
_ROR = re.compile(r"0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}", re.ASCII)
_ISNI = re.compile(r"[0-9]{15}[0-9X]", re.ASCII)
_ORCID = re.compile(r"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]", re.ASCII)
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)", re.ASCII)
_URL = re.compile(r"https?://[!\"$-.0->A-~]+(?:[/?#][!-~]*)?", re.ASCII)
"""http or https, a host (no user name: no ``@``) and the rest in printable ASCII."""


def _mod_11_2(digits: str) -> str:
    """The ISO 7064 MOD 11-2 check character of ``digits`` (ISNI and ORCID)."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def _ror_checksum(body: str) -> int:
    """The ISO 7064 MOD 97-10 check number of a ROR id's base-32 part."""
    number = 0
    for character in body:
        number = number * 32 + _CROCKFORD.index(character)
    return 98 - (number * 100) % 97


def _wikidata(value: str) -> str | None:
    if _QID.fullmatch(value) is None:
        return "a Wikidata item id is Q followed by a number without leading zeros, such as Q7747"
    return None


def _ror(value: str) -> str | None:
    if _ROR.fullmatch(value) is None:
        return (
            "a ROR id is 9 characters: 0, six lower-case letters or digits (no i, l, o, u) "
            "and two check digits, such as 01ggx4157, without https://ror.org/"
        )
    if _ror_checksum(value[:7]) != int(value[7:]):
        return "its check digits do not match: the id is mistyped"
    return None


def _isni(value: str) -> str | None:
    if _ISNI.fullmatch(value) is None:
        return "an ISNI is 15 digits and a check digit or X, without spaces"
    if _mod_11_2(value[:15]) != value[15]:
        return "its check character does not match: the ISNI is mistyped"
    return None


def _orcid(value: str) -> str | None:
    if _ORCID.fullmatch(value) is None:
        return (
            "an ORCID iD is four groups of four digits joined by hyphens, the last character "
            "a digit or X, such as 0000-0002-1825-0097, without https://orcid.org/"
        )
    digits = value.replace("-", "")
    if _mod_11_2(digits[:15]) != digits[15]:
        return "its check character does not match: the iD is mistyped"
    return None


def _domain(value: str) -> str | None:
    labels = value.split(".")
    if (
        len(value) > 253
        or len(labels) < 2
        or not all(_LABEL.fullmatch(label) for label in labels)
        or labels[-1].isdigit()
    ):
        return (
            "a domain is two or more labels of lower-case letters, digits and hyphens joined "
            "by dots, such as ria.ru (no scheme, path or final dot; an internationalised name "
            "in its xn-- form)"
        )
    return None


def _url(value: str) -> str | None:
    if _URL.fullmatch(value) is None:
        return (
            "a URL is absolute, starts with http:// or https:// and a host, and has no spaces "
            "or characters outside ASCII (percent-encode them)"
        )
    return None


_CHECKS = {
    IdentifierScheme.WIKIDATA: _wikidata,
    IdentifierScheme.ROR: _ror,
    IdentifierScheme.ISNI: _isni,
    IdentifierScheme.ORCID: _orcid,
    IdentifierScheme.DOMAIN: _domain,
    IdentifierScheme.URL: _url,
}


@attrs.frozen(kw_only=True)
class Identifier:
    """The ``value`` a source has in the registry ``scheme`` names, in its canonical form."""

    scheme: IdentifierScheme = attrs.field(validator=check.member_of(IdentifierScheme))
    value: str = attrs.field(validator=check.text)

    def __attrs_post_init__(self) -> None:
        problem = _CHECKS[self.scheme](self.value)
        if problem is not None:
            raise InvalidValueError(
                f"{self.value!r} is not a valid {self.scheme.value!r} identifier: {problem}",
                field="value",
            )

    def __str__(self) -> str:
        return f"{self.scheme.value}:{self.value}"
