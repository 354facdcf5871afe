"""The report and the rule registry by example: how a finding prints and which severity
it carries, how paths sort, what a report answers, what a rule's code must be, and how
``select``, ``ignore``, ``severities`` and ``warnings_as_errors`` choose the rules and
grade them, messages included: each behaviour that a mutant of
``validation/_report.py`` or ``validation/_registry.py`` could change."""

from __future__ import annotations

import re

import pytest

from claimmodel import Finding, Report, Severity, ValidationError
from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.validation import RULES, Family, Rule, resolve_severities
from claimmodel.validation._report import _path_key_by_pattern, _plain_path_key, path_key

_BUNDLE_CODES = [code for code, rule in RULES.items() if rule.family is not Family.DECODING]


def _finding(path: str, code: str = "CM301", message: str = "m", *, error: bool = True) -> Finding:
    severity = Severity.ERROR if error else Severity.WARNING
    return Finding(code=code, severity=severity, path=path, message=message)


def _refused(error: type[Exception], message: str, **options: object) -> None:
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        resolve_severities(**options)  # type: ignore[arg-type]


class TestFinding:
    """A finding knows its severity and prints on one line."""

    def test_severities_are_spelled_as_in_options(self) -> None:
        assert ("error", "warning") == (Severity.ERROR.value, Severity.WARNING.value)

    def test_an_error_is_an_error_and_a_warning_is_not(self) -> None:
        assert (True, False) == (_finding("$").is_error, _finding("$", error=False).is_error)

    def test_an_error_prints_its_severity(self) -> None:
        assert "$.claims[0]: CM301 error: gone" == str(_finding("$.claims[0]", message="gone"))


class TestPathKey:
    """Paths sort by the bundle's arrays in wire order, then by index, then by name."""

    def test_the_root_is_the_empty_key(self) -> None:
        assert () == path_key("$")

    def test_the_bundles_keys_rank_in_wire_order(self) -> None:
        names = ["id", "title", "published", "document", "language"]
        names += ["sources", "claims", "assertions", "relations"]
        assert [((1, rank, ""),) for rank in range(9)] == [path_key(f"$.{n}") for n in names]

    def test_indices_and_nested_names(self) -> None:
        assert ((1, 7, ""), (0, 12, ""), (2, 0, "attribution"), (0, 1, ""), (0, 3, "")) == (
            path_key("$.assertions[12].attribution[1][3]")
        )

    def test_other_top_level_keys_sort_by_name(self) -> None:
        assert ((2, 0, "extensions"),) == path_key("$.extensions")

    def test_a_bundle_key_below_the_top_is_a_plain_name(self) -> None:
        assert ((1, 5, ""), (0, 0, ""), (2, 0, "id")) == path_key("$.sources[0].id")

    def test_a_top_level_index_is_an_index(self) -> None:
        assert ((0, 2, ""), (2, 0, "claims")) == path_key("$[2].claims")

    @pytest.mark.parametrize(
        ("path", "key"),
        [
            ("$.sources['a b']", ((1, 5, ""), (2, 0, "a b"))),
            ("$['claims'][3]", ((2, 0, "claims"), (0, 3, ""))),
            ("$.extensions['it''s'].x", ((2, 0, "extensions"), (2, 0, "x"))),
            ("$.sources['it\\'s']", ((1, 5, ""), (2, 0, "it\\'s"))),
            ("sources[1]", ((0, 1, ""),)),
            ("$sources[1]", ((0, 1, ""),)),
            ("$.a-b.c", ((2, 0, "a"), (2, 0, "c"))),
            ("$.é.c", ((2, 0, "c"),)),
            ("$.sources[x].c", ((1, 5, ""), (2, 0, "c"))),
            ("$.sources[].c", ((1, 5, ""), (2, 0, "c"))),
            ("$.sources[1", ((1, 5, ""),)),
            ("$.sources[1]]", ((1, 5, ""), (0, 1, ""))),
            ("$.sources[1]x", ((1, 5, ""), (0, 1, ""))),
            ("$.sources[١].c", ((1, 5, ""), (0, 1, ""), (2, 0, "c"))),
        ],
    )
    def test_any_other_path_is_read_step_by_step(
        self, path: str, key: tuple[tuple[int, int, str], ...]
    ) -> None:
        assert key == path_key(path)

    def test_the_two_readings_agree_on_plain_paths(self) -> None:
        plain = "$.relations[4].subject"
        assert path_key(plain) == path_key(plain.replace(".subject", "['subject']"))

    @pytest.mark.parametrize(
        "path",
        ["$", "$.claims", "$[2].claims", "$.sources[0]", "$.assertions[12].chain[1][30].source"],
    )
    def test_a_plain_path_is_read_by_splitting(self, path: str) -> None:
        # Reports sort every finding by path: the common paths skip the pattern.
        assert _path_key_by_pattern(path) == _plain_path_key(path)

    @pytest.mark.parametrize(
        "path",
        [
            "x.claims",
            ".claims",
            "$.claims['a']",
            "$$.claims",
            "$.a-b",
            "$.é",
            "$.claims[x]",
            "$.claims[]",
            "$.claims[1",
            "$.claims[1]]",
            "$.claims[1]x",
            "$.claims[١]",
        ],
    )
    def test_any_other_path_is_left_to_the_pattern(self, path: str) -> None:
        assert None is _plain_path_key(path)


class TestReport:
    """A report sorts its findings and answers questions about them."""

    ERROR = _finding("$.claims[2]", "CM702", error=True)
    WARNING = _finding("$.sources[10]", "CM701", error=False)
    EARLY = _finding("$.sources[9]", "CM701", error=False)

    def test_findings_sort_by_path_then_code_then_message(self) -> None:
        found = [
            _finding("$.claims[0]", "CM302", "b"),
            _finding("$.claims[0]", "CM302", "a"),
            _finding("$.claims[0]", "CM301", "z"),
            self.ERROR,
            self.WARNING,
            self.EARLY,
        ]
        assert (
            ("$.sources[9]", "CM701", "m"),
            ("$.sources[10]", "CM701", "m"),
            ("$.claims[0]", "CM301", "z"),
            ("$.claims[0]", "CM302", "a"),
            ("$.claims[0]", "CM302", "b"),
            ("$.claims[2]", "CM702", "m"),
        ) == tuple((f.path, f.code, f.message) for f in Report(found))

    def test_a_report_answers_for_its_findings(self) -> None:
        report = Report([self.ERROR, self.WARNING, self.EARLY])
        assert (
            False,
            (self.ERROR,),
            (self.EARLY, self.WARNING),
            frozenset({"CM701", "CM702"}),
            (self.WARNING,),
            (),
            3,
            [self.EARLY, self.WARNING, self.ERROR],
        ) == (
            report.ok,
            report.errors,
            report.warnings,
            report.codes,
            report.at("$.sources[10]"),
            report.at("$.sources"),
            len(report),
            list(report),
        )

    def test_warnings_alone_are_ok(self) -> None:
        report = Report([self.WARNING])
        assert (True, (), (self.WARNING,)) == (report.ok, report.errors, report.warnings)
        report.raise_for_errors()

    def test_an_empty_report(self) -> None:
        report = Report([])
        assert (True, 0, "no findings", False, 0, 0, 0) == (
            report.ok,
            len(report),
            str(report),
            bool(report),
            report.unlisted,
            report.unlisted_errors,
            report.unlisted_warnings,
        )

    def test_a_report_prints_a_finding_a_line(self) -> None:
        assert "$.sources[9]: CM701 warning: m\n$.claims[2]: CM702 error: m" == str(
            Report([self.ERROR, self.EARLY])
        )

    def test_unlisted_findings_add_up(self) -> None:
        report = Report([], unlisted_errors=2, unlisted_warnings=5)
        assert (2, 5, 7) == (report.unlisted_errors, report.unlisted_warnings, report.unlisted)

    def test_raise_for_errors_carries_the_warnings_too(self) -> None:
        report = Report([self.WARNING, self.ERROR])
        with pytest.raises(ValidationError) as caught:
            report.raise_for_errors()
        assert report.findings == caught.value.findings


class TestRule:
    """A rule's code is CM and three digits, the first its family's."""

    def test_every_rule_is_filed_under_its_code(self) -> None:
        assert all(code == rule.code for code, rule in RULES.items())

    def test_a_rule_of_its_familys_digit(self) -> None:
        rule = Rule(
            code="CM799",
            name="x",
            family=Family.ORPHANS,
            severity=Severity.WARNING,
            summary="s",
        )
        assert "CM799" == rule.code

    @pytest.mark.parametrize(
        ("code", "family"),
        [
            ("CM99", Family.QUANTITIES),
            ("CM9999", Family.QUANTITIES),
            ("cm901", Family.QUANTITIES),
            ("XM901", Family.QUANTITIES),
            ("CM9O1", Family.QUANTITIES),
            ("CM901", Family.ORPHANS),
            ("CM001", Family.ATTRIBUTION),
        ],
    )
    def test_a_code_out_of_shape_or_family_is_refused(self, code: str, family: Family) -> None:
        message = f"{code} is not a code of the {family.value} family"
        with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
            Rule(code=code, name="x", family=family, severity=Severity.ERROR, summary="s")


class TestResolveSeverities:
    """select, ignore, severities and warnings_as_errors, each by example."""

    def test_by_default_every_bundle_rule_with_its_own_severity(self) -> None:
        chosen = resolve_severities()
        assert [(c, RULES[c].severity) for c in _BUNDLE_CODES] == list(chosen.items())

    def test_the_result_is_in_code_order_whatever_the_selection(self) -> None:
        chosen = resolve_severities(select=["CM9", "CM70", "CM101"])
        assert ["CM101", "CM701", "CM702", "CM901", "CM902", "CM903"] == list(chosen)

    def test_a_selector_is_trimmed_and_read_in_capitals(self) -> None:
        assert ["CM701", "CM702"] == list(resolve_severities(select=[" cm7\t"]))

    def test_the_decoding_codes_are_never_chosen(self) -> None:
        assert list(resolve_severities(select=["C"])) == _BUNDLE_CODES
        assert list(resolve_severities(select=["CM"])) == _BUNDLE_CODES

    def test_ignore_takes_prefixes_and_leaves_the_rest(self) -> None:
        chosen = resolve_severities(select=["CM7", "CM90"], ignore=["cm70 ", "CM901"])
        assert ["CM902", "CM903"] == list(chosen)

    def test_an_override_grades_the_chosen_rules_alone(self) -> None:
        chosen = resolve_severities(select=["CM70"], severities={"CM7": "error", "CM9": "error"})
        assert {"CM701": Severity.ERROR, "CM702": Severity.ERROR} == chosen

    def test_an_override_takes_a_severity_or_its_spelling(self) -> None:
        chosen = resolve_severities(
            select=["CM101", "CM106"],
            severities={"CM101": Severity.WARNING, "CM106": "error"},
        )
        assert {"CM101": Severity.WARNING, "CM106": Severity.ERROR} == chosen

    def test_the_longer_prefix_wins_whatever_the_padding_or_the_order(self) -> None:
        for overrides in (
            {"CM301": "error", "   CM3   ": "warning"},
            {"   CM3   ": "warning", "CM301": "error"},
            {"CM3": "warning", " CM301": "error"},
            {"cm3": "warning", "CM301": "error"},
        ):
            chosen = resolve_severities(select=["CM30"], severities=overrides)
            assert (Severity.ERROR, Severity.WARNING) == (chosen["CM301"], chosen["CM302"])

    def test_warnings_as_errors_raises_every_warning_after_the_overrides(self) -> None:
        chosen = resolve_severities(
            select=["CM70", "CM30"],
            severities={"CM30": "warning"},
            warnings_as_errors=True,
        )
        assert {Severity.ERROR} == set(chosen.values())
        assert len(chosen) == 2 + sum(code.startswith("CM30") for code in _BUNDLE_CODES)

    def test_without_warnings_as_errors_warnings_stay(self) -> None:
        chosen = resolve_severities(select=["CM70"], warnings_as_errors=False)
        assert {"CM701": Severity.WARNING, "CM702": Severity.WARNING} == chosen

    def test_empty_options_choose_as_none_does(self) -> None:
        assert {} == resolve_severities(select=[])
        assert resolve_severities() == resolve_severities(ignore=[], severities={})

    @pytest.mark.parametrize("option", ["select", "ignore"])
    def test_one_string_is_refused(self, option: str) -> None:
        message = "select and ignore take a list of codes, not one string"
        _refused(InvalidValueError, message, **{option: "CM7"})

    @pytest.mark.parametrize("option", ["select", "ignore"])
    def test_what_is_not_a_list_is_refused(self, option: str) -> None:
        _refused(InvalidTypeError, f"{option} takes a list of codes, not an integer", **{option: 7})

    def test_severities_that_are_not_a_mapping_are_refused(self) -> None:
        message = "severities takes a mapping of codes to severities, not an array"
        _refused(InvalidTypeError, message, severities=["CM701"])

    @pytest.mark.parametrize("option", ["select", "ignore"])
    def test_a_selector_that_is_not_a_string_is_refused(self, option: str) -> None:
        message = f"{option} takes rule codes such as 'CM101', not 7"
        _refused(InvalidValueError, message, **{option: [7]})

    def test_an_override_key_that_is_not_a_string_is_refused(self) -> None:
        message = "severities takes rule codes such as 'CM101', not 7"
        _refused(InvalidValueError, message, severities={7: "error"})

    @pytest.mark.parametrize("selector", ["", "  ", "CM999", "XY"])
    @pytest.mark.parametrize("option", ["select", "ignore"])
    def test_a_selector_that_matches_nothing_is_refused(self, option: str, selector: str) -> None:
        message = (
            f"{option}: {selector!r} matches no rule code; codes run CM001 to CM903 "
            "(a prefix such as 'CM7' selects a family)"
        )
        _refused(InvalidValueError, message, **{option: [selector]})

    def test_an_override_that_matches_nothing_is_refused(self) -> None:
        message = (
            "severities: 'CM999' matches no rule code; codes run CM001 to CM903 "
            "(a prefix such as 'CM7' selects a family)"
        )
        _refused(InvalidValueError, message, severities={"CM999": "error"})

    @pytest.mark.parametrize("selector", ["CM0", "CM00", "cm002"])
    @pytest.mark.parametrize("option", ["select", "ignore"])
    def test_the_decoding_codes_alone_are_refused(self, option: str, selector: str) -> None:
        message = (
            f"{option}: {selector!r} names codes given outside the rules (decoding, the "
            "report's own), which always apply"
        )
        _refused(InvalidValueError, message, **{option: [selector]})

    def test_a_bad_severity_names_the_code_it_was_for(self) -> None:
        message = "severities: 'fatal' for CM702 is not 'error' or 'warning'"
        with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$") as caught:
            resolve_severities(select=["CM7"], severities={"CM702": "fatal"})
        assert (None, True) == (caught.value.__cause__, caught.value.__suppress_context__)

    def test_a_bad_severity_for_a_rule_not_chosen_is_not_read(self) -> None:
        assert {"CM701": Severity.WARNING} == resolve_severities(
            select=["CM701"], severities={"CM702": "fatal"}
        )
