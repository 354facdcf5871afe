"""The griffe extensions the API reference (docs/api/) loads through mkdocs.yml.

``RstMarkup``: the docstrings are written for ``help()`` and Sphinx alike, with
``:class:`~claimmodel.Bundle``` roles and ``double backquotes``.  The API reference renders
Markdown, so roles become code spans naming the object (the last dotted part after ``~``,
as Sphinx shows them) and double backquotes single ones.

``AttrsSignatures``: the constructor signature of each attrs class, which attrs writes only
at run time.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import attrs
import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|exc|mod|obj|const):`(~?)([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def _role(match: re.Match[str]) -> str:
    short, target = match.groups()
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def markdown(text: str) -> str:
    """``text`` with reST roles and literals written as Markdown code spans."""
    return _LITERAL.sub(r"`\1`", _ROLE.sub(_role, text))


class RstMarkup(griffe.Extension):
    """Rewrites every docstring as it is loaded."""

    def on_instance(self, *, obj: griffe.Object, **_: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)


class AttrsSignatures(griffe.Extension):
    """Gives each attrs class the ``__init__`` signature attrs generates at run time.

    attrs writes ``__init__`` when the class is created, so reading the source finds none;
    the fields' names (their aliases), annotations and defaults are read from the class
    itself, which importing claimmodel's modules allows (they have no side effects).
    """

    def on_package(self, *, pkg: griffe.Module, **_: Any) -> None:
        # After the whole package is loaded, so that base classes can be looked up.
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            for member in obj.members.values():
                if member.is_alias:
                    continue
                if isinstance(member, griffe.Module):
                    stack.append(member)
                elif isinstance(member, griffe.Class):
                    self._add_init(member)

    def _add_init(self, cls: griffe.Class) -> None:
        if "__init__" in cls.members or not cls.path.startswith("claimmodel."):
            return
        try:
            runtime = getattr(importlib.import_module(cls.module.path), cls.name)
        except (ImportError, AttributeError):  # an optional extra that is not installed
            return
        if not (isinstance(runtime, type) and attrs.has(runtime)):
            return
        parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
        for field in attrs.fields(runtime):
            if not field.init:
                continue
            kind = (
                griffe.ParameterKind.keyword_only
                if field.kw_only
                else griffe.ParameterKind.positional_or_keyword
            )
            parameters.append(
                griffe.Parameter(
                    field.alias or field.name,
                    annotation=_annotation(cls, runtime, field.name),
                    kind=kind,
                    default=_default(field),
                )
            )
        init = griffe.Function(
            "__init__", parameters=griffe.Parameters(*parameters), returns="None"
        )
        cls.set_member("__init__", init)


def _annotation(cls: griffe.Class, runtime: type, name: str) -> Any:
    """The field's annotation as the source writes it, from the class or a base."""
    for base in runtime.__mro__:
        try:
            candidate = cls if base is runtime else cls.modules_collection[base.__module__]
            if base is not runtime:
                candidate = candidate[base.__qualname__]
        except KeyError:  # a base outside claimmodel (object)
            continue
        member = candidate.members.get(name)
        if member is not None and not member.is_alias and member.annotation is not None:
            return member.annotation
    return None


def _default(field: Any) -> str | None:
    default = field.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return "..." if default.takes_self else repr(default.factory())
    return repr(default)
