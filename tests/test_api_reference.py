"""The API reference (docs/api/) documents every public name; mkdocs builds it in CI.

Public modules are found by walking the package (names without a leading underscore;
the command line is documented in docs/cli.md instead), and their ``__all__`` is read from
the source, so that modules behind an optional extra are held to it without the extra.
"""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
import re
from pathlib import Path

import claimmodel

API_PAGES = Path(__file__).parent.parent / "docs" / "api"
_DIRECTIVE = re.compile(r"^::: (\S+)$", re.MULTILINE)
_NOT_API = ("claimmodel.cli", "claimmodel.__main__")


def _public_modules() -> list[str]:
    found = ["claimmodel"]
    for info in pkgutil.walk_packages(claimmodel.__path__, prefix="claimmodel."):
        parts = info.name.split(".")
        if any(part.startswith("_") for part in parts) or info.name.startswith(_NOT_API):
            continue
        found.append(info.name)
    return found


def _all_of(module: str) -> list[str]:
    """The names in ``module``'s ``__all__``, read from its source without importing it."""
    spec = importlib.util.find_spec(module)
    assert spec is not None
    assert spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            assert isinstance(node, ast.Assign)
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return [str(name) for name in value]
    return []


def _directives() -> list[str]:
    return [
        dotted
        for page in sorted(API_PAGES.glob("*.md"))
        for dotted in _DIRECTIVE.findall(page.read_text(encoding="utf-8"))
    ]


class TestApiReference:
    """Every name in a public module's ``__all__`` has an entry, and no entry repeats."""

    def test_every_public_name_is_documented(self) -> None:
        documented = set(_directives())
        top_level = set(claimmodel.__all__)
        missing = [
            f"{module}.{name}"
            for module in _public_modules()
            if module not in documented  # a module's entry shows each of its names
            for name in _all_of(module)
            if f"{module}.{name}" not in documented
            and not (name in top_level and f"claimmodel.{name}" in documented)
        ]
        assert [] == missing, "add a '::: name' entry for each to a page of docs/api/"

    def test_entries_name_public_objects(self) -> None:
        modules = _public_modules()
        for dotted in _directives():
            module, _, name = dotted.rpartition(".")
            assert dotted in modules or name in _all_of(module), dotted

    def test_each_name_is_documented_once(self) -> None:
        directives = _directives()
        assert sorted(set(directives)) == sorted(directives)

    def test_every_page_is_in_the_site(self) -> None:
        config = (API_PAGES.parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
        for page in API_PAGES.glob("*.md"):
            assert f"api/{page.name}" in config
