"""Run every Python code block in the docs and the README as part of the test suite."""

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser

pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser()],
    patterns=["*.md"],
    excludes=["CHANGELOG.md"],
).pytest()
