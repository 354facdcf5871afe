"""The layering of docs/architecture.md, checked on the code itself."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "claimmodel"

# Each package (by its first dotted component under claimmodel) and the claimmodel
# packages it may import.  Lower layers never import higher ones.
ALLOWED: dict[str, set[str]] = {
    "exceptions": set(),
    "model": {"exceptions", "model"},
    "format": {"exceptions", "model", "format"},
    "validation": {"exceptions", "model", "format", "validation"},
    "analysis": {"exceptions", "model", "format", "validation", "analysis"},
    "strategies": {"exceptions", "model"},
    # Layer 3 beside validation and analysis: text in, draft model objects out.
    "cues": {"exceptions", "model", "format", "cues"},
    # Layer 4: everything that carries a bundle out of the library or many bundles in.
    "interop": {"exceptions", "model", "format", "validation", "analysis", "interop"},
    # corpus/dask.py reads Parquet corpora through interop.arrow, beside it in layer 4.
    "corpus": {"exceptions", "model", "format", "validation", "analysis", "corpus", "interop"},
    "render": {"exceptions", "model", "format", "validation", "analysis", "render"},
    "cli": {
        "exceptions",
        "model",
        "format",
        "validation",
        "analysis",
        "cues",
        "interop",
        "corpus",
        "render",
        "cli",
    },
}

# Third-party packages each layer may import (the standard library is always allowed).
THIRD_PARTY: dict[str, set[str]] = {
    "exceptions": {"attrs"},
    "model": {"attrs", "dateutil"},
    "format": {"attrs", "cattrs", "msgspec", "orjson"},
    "validation": {"attrs"},
    "analysis": {"attrs"},
    "strategies": {"attrs", "hypothesis"},
    "cues": {"attrs", "spacy"},
    "interop": {"attrs", "pyarrow", "stix2", "prov", "rdflib", "lxml", "networkx", "pyld"},
    "corpus": {"attrs", "dask", "distributed", "fsspec"},  # only corpus/dask.py (see below)
    "render": {"attrs"},
    "cli": {"attrs"},
}
KNOWN_THIRD_PARTY = {
    "attrs",
    "dask",
    "distributed",
    "fsspec",
    "cattrs",
    "dateutil",
    "hypothesis",
    "msgspec",
    "orjson",
    "jsonschema",
    "pyarrow",
    "spacy",
    "stix2",
    "stix2validator",
    "prov",
    "rdflib",
    "lxml",
    "networkx",
    "pyld",
}


def _layer(path: Path) -> str:
    relative = path.relative_to(SRC)
    return relative.parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


class TestLayering:
    """No module imports a layer above its own."""

    def test_claimmodel_imports(self) -> None:
        violations = []
        for path in SRC.rglob("*.py"):
            layer = _layer(path)
            if layer in {"__init__", "__main__", "_version"}:
                continue
            assert layer in ALLOWED, f"{path}: unknown layer {layer!r}; add it to the table"
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] == "claimmodel" and len(parts) > 1:
                    if parts[1] not in ALLOWED[layer]:
                        violations.append(f"{path.relative_to(SRC)} imports {name}")
                elif parts[0] in KNOWN_THIRD_PARTY and parts[0] not in THIRD_PARTY[layer]:
                    violations.append(f"{path.relative_to(SRC)} imports {name}")
        assert [] == violations

    def test_only_the_dask_module_imports_dask(self) -> None:
        importers = sorted(
            str(path.relative_to(SRC))
            for path in SRC.rglob("*.py")
            if any(
                name.split(".")[0] in {"dask", "distributed", "fsspec"}
                or name == "claimmodel.corpus.dask"
                for name in _imports(path)
            )
        )
        assert ["corpus/dask.py"] == importers

    def test_only_the_dask_module_reads_interop_from_the_corpus_layer(self) -> None:
        importers = sorted(
            str(path.relative_to(SRC))
            for path in (SRC / "corpus").rglob("*.py")
            if any(name.startswith("claimmodel.interop") for name in _imports(path))
        )
        assert ["corpus/dask.py"] == importers

    def test_model_knows_nothing_of_cattrs(self) -> None:
        for path in (SRC / "model").rglob("*.py"):
            assert not any(n.startswith("cattrs") for n in _imports(path)), path
