"""The public names: a snapshot, so that a removal is a deliberate act."""

from __future__ import annotations

import ast
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import claimmodel
import claimmodel.analysis
import claimmodel.corpus
import claimmodel.exceptions
import claimmodel.format
import claimmodel.interop
import claimmodel.model
import claimmodel.validation

# Adding a name: add it here too.  Removing one: it breaks users; see docs/compatibility.md.
EXPECTED_TOP_LEVEL = {
    "CANNOT_BE_JUDGED",
    "FORMAT_VERSION",
    "SCALES",
    "Affiliation",
    "AffiliationKind",
    "Analysis",
    "AnonymousSource",
    "Assertion",
    "AssertionMode",
    "Attribution",
    "Bearing",
    "Bundle",
    "Channel",
    "CitedEvidence",
    "Claim",
    "ClaimAnalysis",
    "ClaimModelError",
    "Collective",
    "Confidence",
    "Contradiction",
    "ControlledRelay",
    "FigureConflict",
    "CorpusLine",
    "CorpusMerge",
    "DateCertainty",
    "DeclaredLevel",
    "DeclaredScale",
    "DecodeError",
    "Dependency",
    "DependencyKind",
    "Document",
    "Draft",
    "Evidence",
    "EvidenceKind",
    "FactCheck",
    "Finding",
    "FrozenMap",
    "GovernmentBody",
    "GroundRule",
    "Hedge",
    "HedgeCategory",
    "Identifier",
    "IdentifierScheme",
    "Interval",
    "InvalidTypeError",
    "InvalidValueError",
    "Level",
    "LimitExceededError",
    "Limits",
    "LineDecodeError",
    "Link",
    "MediaOutlet",
    "MergeConflictError",
    "MissingExtraError",
    "Occasion",
    "Organization",
    "Origin",
    "PartialDate",
    "Person",
    "Polarity",
    "Precision",
    "Problem",
    "Quantity",
    "Quotation",
    "RaisedHedge",
    "Rating",
    "Relation",
    "RelationKind",
    "Report",
    "Reversal",
    "SameClaim",
    "Role",
    "Route",
    "Severity",
    "Scale",
    "ScaleKind",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "UnsupportedFormatError",
    "ValidationError",
    "Verdict",
    "Withdrawal",
    "admiralty_code",
    "analyze",
    "claim_id",
    "convert",
    "dependencies",
    "dump",
    "dump_lines",
    "dumps",
    "dumps_line",
    "from_data",
    "get_scale",
    "iter_lines",
    "iter_load",
    "json_schema",
    "load",
    "loads",
    "merge",
    "merge_corpus",
    "parse_date_bounds",
    "summarize",
    "to_data",
    "validate",
}

EXPECTED_INTEROP = {
    "Exporter",
    "Format",
    "Imported",
    "Importer",
    "export_bundle",
    "formats",
    "get_format",
    "import_bundle",
    "register_format",
}

EXPECTED_EXCEPTIONS = {
    "ClaimModelError",
    "DecodeError",
    "InvalidTypeError",
    "InvalidValueError",
    "LimitExceededError",
    "LineDecodeError",
    "MergeConflictError",
    "MissingExtraError",
    "Problem",
    "UnsupportedFormatError",
    "ValidationError",
}


def _isort_style(name: str) -> tuple[int, str]:
    # The order ruff's RUF022 keeps: CONSTANTS, then Classes, then functions.
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


class TestPublicAPI:
    """Every public name is still there, and `__all__` lists only real, sorted names."""

    def test_top_level_names(self) -> None:
        assert EXPECTED_TOP_LEVEL <= set(claimmodel.__all__)

    def test_interop_names(self) -> None:
        assert EXPECTED_INTEROP <= set(claimmodel.interop.__all__)

    def test_exception_names(self) -> None:
        assert EXPECTED_EXCEPTIONS <= set(claimmodel.exceptions.__all__)

    def test_every_exception_is_importable_from_the_top(self) -> None:
        public = set(claimmodel.exceptions.__all__)
        assert public <= set(claimmodel.__all__)
        for name in public:
            assert getattr(claimmodel.exceptions, name) is getattr(claimmodel, name)

    def test_all_is_sorted_and_resolves(self) -> None:
        modules = (
            claimmodel,
            claimmodel.analysis,
            claimmodel.corpus,
            claimmodel.exceptions,
            claimmodel.format,
            claimmodel.interop,
            claimmodel.model,
            claimmodel.validation,
        )
        for module in modules:
            assert sorted(module.__all__, key=_isort_style) == list(module.__all__)
            for name in module.__all__:
                assert hasattr(module, name), f"{module.__name__}.{name}"

    def test_every_error_is_a_claimmodel_error(self) -> None:
        for name in claimmodel.exceptions.__all__:
            obj = getattr(claimmodel.exceptions, name)
            if isinstance(obj, type) and issubclass(obj, Exception):
                assert issubclass(obj, claimmodel.ClaimModelError)

    def test_version_comes_from_metadata(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            expected = version("claimmodel")
        except PackageNotFoundError:  # running from a source tree that is not installed
            return
        assert expected == claimmodel.__version__


INIT = Path(claimmodel.__file__)
TINY_DOCUMENT = json.dumps(
    {
        "format": "claimmodel/1.0",
        "sources": [{"kind": "person", "id": "p"}],
        "claims": [{"id": "c", "text": "It rained"}],
        "assertions": [
            {
                "id": "a",
                "claim": "c",
                "attribution": {"source": "p"},
                "confidence": {"scale": "icd203", "level": "likely"},
            }
        ],
        "relations": [],
    }
)


def _loaded_after(code: str, *modules: str) -> set[str]:
    """Which of ``modules`` a fresh interpreter has imported after running ``code``."""
    probe = f"{code}\nimport sys\nprint(*[m for m in {modules!r} if m in sys.modules])"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    return set(done.stdout.split())


def _type_checking_imports() -> dict[str, tuple[str, ...]]:
    """The names ``claimmodel/__init__.py`` imports for type checkers, by module."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    return {
        node.module: tuple(alias.name for alias in node.names)
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module
    }


LIBRARY = (
    "attrs",
    "cattrs",
    "claimmodel.analysis",
    "claimmodel.exceptions",
    "claimmodel.format",
    "claimmodel.model",
    "claimmodel.model._convert",
    "claimmodel.model._scales",
    "claimmodel.validation",
)


class TestLazyTopLevel:
    """``import claimmodel`` loads nothing; each public name loads its module on first use."""

    def test_import_loads_no_library_module(self) -> None:
        assert set() == _loaded_after("import claimmodel", *LIBRARY)

    def test_a_model_name_loads_the_model_only(self) -> None:
        loaded = _loaded_after("import claimmodel\nclaimmodel.Bundle()", *LIBRARY)
        assert {"attrs", "claimmodel.exceptions", "claimmodel.model"} == loaded

    def test_from_import_loads_the_name(self) -> None:
        loaded = _loaded_after("from claimmodel import Bundle", *LIBRARY)
        assert {"claimmodel.model"} <= loaded

    def test_first_decode_loads_the_format_but_not_cattrs_or_the_checks(self) -> None:
        code = f"import claimmodel\nclaimmodel.loads({TINY_DOCUMENT!r})"
        loaded = _loaded_after(code, *LIBRARY)
        assert {"attrs", "claimmodel.exceptions", "claimmodel.format", "claimmodel.model"} == (
            loaded
        )

    def test_the_scales_load_on_first_use(self) -> None:
        loaded = _loaded_after("import claimmodel\nclaimmodel.SCALES", *LIBRARY)
        assert {"claimmodel.model", "claimmodel.model._scales"} <= loaded
        assert "claimmodel.model._convert" not in loaded

    def test_the_conversion_rules_load_on_first_use(self) -> None:
        loaded = _loaded_after("import claimmodel\nclaimmodel.convert", *LIBRARY)
        assert {"claimmodel.model._scales", "claimmodel.model._convert"} <= loaded

    def test_subpackages_are_attributes(self) -> None:
        loaded = _loaded_after("import claimmodel\nclaimmodel.validation.validate", *LIBRARY)
        assert "claimmodel.validation" in loaded

    def test_a_command_loads_only_what_it_needs(self, tmp_path: Path) -> None:
        path = tmp_path / "tiny.json"
        path.write_text(TINY_DOCUMENT, encoding="utf-8")
        others = (
            "claimmodel.analysis",
            "claimmodel.corpus",
            "claimmodel.cues",
            "claimmodel.render",
            "importlib.metadata",  # the version, read for SARIF output only
            "msgspec",  # a small document is parsed by json
        )
        code = (
            "import contextlib, io\nfrom claimmodel.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), "
            "contextlib.redirect_stderr(io.StringIO()):\n"
            f"    assert main(['validate', {str(path)!r}]) == 0"
        )
        assert (set(), {"claimmodel.analysis"}) == (
            _loaded_after(code, *others),
            _loaded_after(code.replace("'validate'", "'report'"), *others)
            & {"claimmodel.analysis"},
        )

    def test_a_small_first_document_is_parsed_without_msgspec(self) -> None:
        pytest.importorskip("msgspec")
        small = f"import claimmodel\nclaimmodel.loads({TINY_DOCUMENT!r})"
        large = (
            f"import json, claimmodel\ndata = json.loads({TINY_DOCUMENT!r})\n"
            "data['claims'] += [{'id': f'c{n}', 'text': 'x' * 100} for n in range(600)]\n"
            "claimmodel.loads(json.dumps(data))"
        )
        assert (set(), {"msgspec"}) == (
            _loaded_after(small, "msgspec"),
            _loaded_after(large, "msgspec"),
        )

    def test_homes_cover_all(self) -> None:
        assert sorted(claimmodel.__all__) == sorted(claimmodel._HOME_OF)

    def test_type_checkers_see_the_same_homes(self) -> None:
        assert claimmodel._HOMES == _type_checking_imports()

    def test_every_name_is_its_home_module_object(self) -> None:
        for name in claimmodel.__all__:
            home = importlib.import_module(claimmodel._HOME_OF[name])
            assert getattr(home, name) is getattr(claimmodel, name), name

    def test_star_import_gives_every_name(self) -> None:
        namespace: dict[str, object] = {}
        exec("from claimmodel import *", namespace)
        assert set(claimmodel.__all__) <= set(namespace)

    def test_dir_lists_all(self) -> None:
        assert sorted(claimmodel.__all__) == dir(claimmodel)

    def test_unknown_name_raises_attribute_error(self) -> None:
        with pytest.raises(AttributeError) as caught:
            _ = claimmodel.Bundel
        assert "module 'claimmodel' has no attribute 'Bundel'" == str(caught.value)

    def test_unknown_name_cannot_be_imported(self) -> None:
        with pytest.raises(ImportError, match="Bundel"):
            exec("from claimmodel import Bundel", {})


class TestLazyScales:
    """``claimmodel.model`` loads its confidence scales when one of their names is used."""

    def test_lazy_names_are_their_modules_objects(self) -> None:
        for name, home in claimmodel.model._LAZY_HOMES.items():
            module = importlib.import_module(f"claimmodel.model.{home}")
            assert getattr(module, name) is getattr(claimmodel.model, name), name

    def test_dir_lists_them(self) -> None:
        assert set(claimmodel.model.__all__) <= set(dir(claimmodel.model))

    def test_unknown_name_raises_attribute_error(self) -> None:
        with pytest.raises(AttributeError) as caught:
            _ = claimmodel.model.SCALE
        assert "module 'claimmodel.model' has no attribute 'SCALE'" == str(caught.value)
