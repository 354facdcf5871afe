"""Format 1.1: evidence beyond text — images, video, audio, datasets and documents."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.corpus import for_corroboration
from claimmodel.strategies import bundles, evidence, partial_dates

DIGEST = hashlib.sha256(b"video").hexdigest()
CLIP = "https://example.org/media/site.mp4"


def _video(**changes: Any) -> cm.Evidence:
    fields: dict[str, Any] = {
        "kind": cm.EvidenceKind.VIDEO,
        "url": CLIP,
        "sha256": DIGEST,
        "captured": cm.PartialDate(year=2025, month=11, day=20),
        "archived": cm.PartialDate(year=2025, month=11, day=26),
        "archive_url": "https://web.archive.org/web/20251126/" + CLIP,
        "bearing": cm.Bearing.REFUTES,
    }
    return cm.Evidence(**{**fields, **changes})


def _bundle(*evidence: cm.Evidence, speaker: cm.Source | None = None) -> cm.Bundle:
    sculptor = cm.Person(id="sculptor", name="Alexei Chebanenko")
    said_by = speaker or sculptor
    chain = (cm.Link(source="sculptor", channel=cm.Channel.SOCIAL_MEDIA),) if speaker else ()
    return cm.Bundle(
        sources=(sculptor,) if speaker is None else (sculptor, speaker),
        claims=(cm.Claim(id="begun", text="Construction of the monument has begun"),),
        assertions=(
            cm.Assertion(
                id="a1",
                claim="begun",
                attribution=cm.Attribution(source=said_by.id, chain=chain),
                confidence=cm.Confidence.cannot_be_judged(scale="icd203"),
                evidence=evidence,
            ),
        ),
    )


class TestModel:
    """Evidence of every kind checks its own fields and keeps what it is given."""

    def test_text_is_the_default_kind_and_new_fields_are_optional(self) -> None:
        plain = cm.Evidence(quote="moving forward")
        assert cm.EvidenceKind.TEXT == plain.kind
        assert (None, None, None, None, None) == (
            plain.sha256,
            plain.captured,
            plain.archived,
            plain.archive_url,
            plain.bearing,
        )
        assert not plain.is_recording
        assert _video().is_recording

    @pytest.mark.parametrize(
        "fields",
        [{"archive_url": "https://archive.ph/x"}, {"sha256": DIGEST}],
    )
    def test_an_archive_url_or_a_digest_alone_is_evidence(self, fields: dict[str, Any]) -> None:
        assert cm.Evidence(kind=cm.EvidenceKind.DATASET, **fields).kind is cm.EvidenceKind.DATASET

    def test_evidence_needs_something_to_find_it_by(self) -> None:
        with pytest.raises(cm.InvalidValueError, match="archive_url or a sha256"):
            cm.Evidence(kind=cm.EvidenceKind.VIDEO, bearing=cm.Bearing.SUPPORTS)

    @pytest.mark.parametrize(
        ("digest", "hint"),
        [
            (DIGEST.upper(), True),
            ("sha256:" + DIGEST, True),
            (f" {DIGEST}", True),
            (DIGEST[:-1], False),
            (DIGEST + "0", False),
            ("g" * 64, False),
            ("", False),
            ("٠" * 64, False),  # Arabic-Indic zeros are digits, not hexadecimal ones
        ],
    )
    def test_a_digest_is_64_lowercase_hex_digits_never_normalised(
        self, digest: str, hint: bool
    ) -> None:
        with pytest.raises(cm.InvalidValueError) as info:
            cm.Evidence(url=CLIP, sha256=digest)
        assert "sha256" == info.value.field
        assert hint == (f"write it as {DIGEST!r}" in str(info.value))

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("sha256", 7),
            ("kind", "video"),
            ("bearing", "refutes"),
            ("captured", "2025-11-20"),
            ("archived", 2025),
            ("archive_url", ["https://archive.ph/x"]),
        ],
    )
    def test_a_value_of_the_wrong_type_is_a_claimmodel_error(
        self, field: str, value: object
    ) -> None:
        with pytest.raises(cm.InvalidTypeError) as info:
            _video(**{field: value})
        assert field == info.value.field

    @pytest.mark.parametrize("uri", ["", "web archive copy", "https://x\n"])
    def test_an_archive_url_is_a_uri(self, uri: str) -> None:
        with pytest.raises(cm.InvalidValueError, match="archive_url"):
            _video(archive_url=uri)

    @given(evidence())
    def test_generated_evidence_is_never_archived_before_it_was_captured(
        self, found: cm.Evidence
    ) -> None:
        report = cm.validate(_bundle(found))
        assert [] == [f for f in report if f.code == "CM507"]


class TestWire:
    """The new keys travel in format 1.1 only, exactly as written, and the schema agrees."""

    def test_every_key_round_trips(self) -> None:
        bundle = _bundle(_video(), cm.Evidence(quote="q", kind=cm.EvidenceKind.TEXT))
        data = cm.to_data(bundle)
        assert {
            "url": CLIP,
            "kind": "video",
            "sha256": DIGEST,
            "captured": "2025-11-20",
            "archived": "2025-11-26",
            "archive_url": "https://web.archive.org/web/20251126/" + CLIP,
            "bearing": "refutes",
        } == data["assertions"][0]["evidence"][0]
        assert {"quote": "q"} == data["assertions"][0]["evidence"][1]  # text: the default
        assert bundle == cm.loads(cm.dumps(bundle))
        jsonschema.validate(data, cm.json_schema())

    def test_a_1_0_document_reads_as_it_always_did(self) -> None:
        data = {
            "format": "claimmodel/1.0",
            "sources": [{"kind": "person", "id": "s"}],
            "claims": [{"id": "c", "text": "t"}],
            "assertions": [
                {
                    "id": "a",
                    "claim": "c",
                    "attribution": {"source": "s"},
                    "confidence": {"scale": "icd203", "level": "cannot-be-judged"},
                    "evidence": [{"url": "https://example.org/a"}],
                }
            ],
            "relations": [],
        }
        (found,) = cm.from_data(data).assertions[0].evidence
        assert cm.Evidence(url="https://example.org/a") == found

    @pytest.mark.parametrize(
        ("key", "value"),
        [
            ("kind", "video"),
            ("sha256", DIGEST),
            ("captured", "2025"),
            ("archived", "2025"),
            ("archive_url", "https://archive.ph/x"),
            ("bearing", "supports"),
        ],
    )
    def test_a_1_0_document_cannot_use_them(self, key: str, value: str) -> None:
        data = cm.to_data(_bundle(cm.Evidence(url=CLIP)))
        data["format"] = "claimmodel/1.0"
        data["assertions"][0]["evidence"][0][key] = value
        with pytest.raises(cm.DecodeError) as info:
            cm.from_data(data)
        assert f"$.assertions[0].evidence[0].{key}" == info.value.problems[0].path
        assert "added in claimmodel/1.1" in info.value.problems[0].message

    @pytest.mark.parametrize(
        ("key", "value"),
        [
            ("sha256", DIGEST.upper()),
            ("sha256", DIGEST[:10]),
            ("kind", "film"),
            ("bearing", "confirms"),
            ("archive_url", "a b"),
            ("captured", "last week"),
        ],
    )
    def test_decoder_and_schema_refuse_the_same_values(self, key: str, value: str) -> None:
        data = cm.to_data(_bundle(_video()))
        data["assertions"][0]["evidence"][0][key] = value
        with pytest.raises(cm.DecodeError) as info:
            cm.loads(json.dumps(data))
        assert info.value.problems[0].path.startswith("$.assertions[0].evidence[0]")
        assert not jsonschema.Draft202012Validator(cm.json_schema()).is_valid(data)

    def test_evidence_with_nothing_to_find_it_by_is_refused_by_both(self) -> None:
        data = cm.to_data(_bundle(_video()))
        data["assertions"][0]["evidence"][0] = {"kind": "video", "bearing": "supports"}
        with pytest.raises(cm.DecodeError):
            cm.from_data(data)
        assert not jsonschema.Draft202012Validator(cm.json_schema()).is_valid(data)


class TestValidation:
    """A recording is never a speaker, and nothing is archived before it was captured."""

    def test_recorded_evidence_on_the_speakers_assertion_is_clean(self) -> None:
        assert [] == list(cm.validate(_bundle(_video())))

    @pytest.mark.parametrize(
        "url",
        [CLIP, "https://example.org/photos/IMG_0042.JPEG?size=large", "file:///tmp/call.ogg"],
    )
    def test_a_document_whose_url_names_a_media_file_is_no_speaker(self, url: str) -> None:
        report = cm.validate(_bundle(speaker=cm.Document(id="clip", url=url)))
        assert [("CM107", "$.assertions[0].attribution.source")] == [
            (f.code, f.path) for f in report
        ]
        assert cm.Severity.WARNING == report.warnings[0].severity

    @pytest.mark.parametrize("field", ["url", "archive_url"])
    def test_a_source_whose_url_is_a_recordings_is_no_speaker(self, field: str) -> None:
        url = "https://t.me/channel/412"
        shown = _video(**{field: url})
        outlet = cm.MediaOutlet(id="clip", url=url)
        report = cm.validate(_bundle(shown, speaker=outlet))
        assert ["CM107"] == [f.code for f in report]
        assert "video evidence" in report.warnings[0].message

    @pytest.mark.parametrize(
        "url",
        [
            "https://example.org/article",
            "https://example.org/report.pdf",
            "https://example.org/mp4",
            "http://[broken",
            "not a url at all",
        ],
    )
    def test_other_documents_speak_freely(self, url: str) -> None:
        text = cm.Evidence(url=url)  # text evidence at the same url: no recording
        assert [] == list(cm.validate(_bundle(text, speaker=cm.Document(id="doc", url=url))))

    def test_the_rule_can_be_turned_off(self) -> None:
        bundle = _bundle(speaker=cm.Document(id="clip", url=CLIP))
        assert [] == list(cm.validate(bundle, ignore=["CM107"]))

    def test_archived_before_captured_is_an_error_at_the_archive_date(self) -> None:
        backwards = _video(archived=cm.PartialDate(year=2025, month=10))
        report = cm.validate(_bundle(cm.Evidence(quote="q"), backwards))
        assert [("CM507", "$.assertions[0].evidence[1].archived")] == [
            (f.code, f.path) for f in report.errors
        ]

    @pytest.mark.parametrize(
        ("captured", "archived"),
        [
            ("2025-11", "2025-11-01"),  # the month may contain the day
            ("2025-11-20T23:00+14:00", "2025-11-20T10:00Z"),  # the same instant, nearly
            ("2025-11-20T10:00", "2025-11-20T09:00Z"),  # a local time could be any zone's
        ],
    )
    def test_only_what_is_certainly_earlier_is_reported(self, captured: str, archived: str) -> None:
        found = _video(
            captured=cm.PartialDate.fromisoformat(captured),
            archived=cm.PartialDate.fromisoformat(archived),
        )
        assert [] == list(cm.validate(_bundle(found)))

    @given(
        captured=partial_dates(),
        archived=partial_dates(),
        kind=st.sampled_from(cm.EvidenceKind),
    )
    def test_any_pair_of_dates_is_judged_without_crashing(
        self, captured: cm.PartialDate, archived: cm.PartialDate, kind: cm.EvidenceKind
    ) -> None:
        # Dates near year 1 and 9999, in any zone, never overflow the comparison.
        found = cm.Evidence(kind=kind, sha256=DIGEST, captured=captured, archived=archived)
        codes = [f.code for f in cm.validate(_bundle(found))]
        assert set(codes) <= {"CM507"}
        if captured.earliest().tzinfo is None and archived.latest().tzinfo is None:
            assert ("CM507" in codes) == (captured.earliest() > archived.latest())


class TestAnalysis:
    """Evidence is never a source: a video, whatever it shows, adds no origin."""

    @given(st.lists(evidence(), max_size=3))
    def test_evidence_changes_no_origin(self, found: list[cm.Evidence]) -> None:
        bare = cm.analyze(_bundle())["begun"]
        shown = cm.analyze(_bundle(*found))["begun"]
        assert bare.origins == shown.origins
        assert bare.sources == shown.sources
        assert bare.verdict.split(";")[0] == shown.verdict.split(";")[0]

    def test_a_video_made_the_speaker_would_have_counted_as_a_voice(self) -> None:
        # Why CM107 exists: the analysis counts whoever the record makes the speaker.
        recorded = _bundle(speaker=cm.Document(id="clip", url=CLIP, name="the video"))
        assert ("clip",) == cm.analyze(recorded)["begun"].sources


def _said(assertion_id: str, source: str, *evidence: cm.Evidence, **fields: Any) -> cm.Assertion:
    return cm.Assertion(
        id=assertion_id,
        claim="begun",
        attribution=cm.Attribution(source=source),
        confidence=cm.Confidence.cannot_be_judged(scale="icd203"),
        evidence=evidence,
        **fields,
    )


def _weighed() -> cm.Bundle:
    """Two outlets carry the same video; a ministry denies, a photograph refutes."""
    photo = cm.Evidence(
        kind=cm.EvidenceKind.IMAGE,
        url="https://example.org/site.jpg",
        captured=cm.PartialDate(year=2025, month=11, day=20),
        bearing=cm.Bearing.REFUTES,
    )
    ledger = cm.Evidence(
        kind=cm.EvidenceKind.DATASET, archive_url="https://archive.ph/x", bearing=cm.Bearing.NEITHER
    )
    return cm.Bundle(
        sources=(cm.MediaOutlet(id="ria"), cm.MediaOutlet(id="tass"), cm.GovernmentBody(id="mod")),
        claims=(cm.Claim(id="begun", text="Construction of the monument has begun"),),
        assertions=(
            _said("a1", "ria", _video(bearing=cm.Bearing.SUPPORTS), cm.Evidence(quote="begun")),
            _said("a2", "tass", _video(bearing=cm.Bearing.SUPPORTS, url="https://t.me/x/1")),
            _said("a3", "mod", photo, ledger, stance=cm.Stance.DENIES),
        ),
    )


class TestEvidenceInTheAnalysis:
    """Evidence with a bearing is listed beside the origins, each piece once."""

    def test_pieces_are_counted_once_by_their_digest_then_their_url(self) -> None:
        claim = cm.analyze(_weighed())["begun"]
        assert 2 == claim.independent_origins  # the two outlets; no video among them
        assert [("a1", "a2")] == [item.assertions for item in claim.supporting_evidence]
        assert [cm.EvidenceKind.IMAGE] == [i.evidence.kind for i in claim.refuting_evidence]
        assert [cm.EvidenceKind.DATASET] == [i.evidence.kind for i in claim.inconclusive_evidence]
        assert claim.verdict.endswith(
            "evidence: 1 supports it (video), 1 refutes it (image), 1 bears neither way (dataset)"
        )

    def test_one_piece_given_two_bearings_is_listed_under_each(self) -> None:
        bundle = _bundle(_video(bearing=cm.Bearing.SUPPORTS), _video())
        claim = cm.analyze(bundle)["begun"]
        assert (1, 1) == (len(claim.supporting_evidence), len(claim.refuting_evidence))

    def test_pieces_without_digest_or_url_are_told_apart_by_place(self) -> None:
        quoted = cm.Evidence(quote="the site is empty", bearing=cm.Bearing.REFUTES)
        claim = cm.analyze(_bundle(quoted, quoted))["begun"]
        assert 2 == len(claim.refuting_evidence)
        assert "evidence: 2 refute it (text)" in claim.verdict

    def test_evidence_without_a_bearing_is_not_listed(self) -> None:
        claim = cm.analyze(_bundle(_video(bearing=None)))["begun"]
        assert () == claim.evidence
        assert "evidence" not in claim.verdict

    def test_a_retraction_withdraws_the_voice_not_the_file(self) -> None:
        bundle = attrs.evolve(
            _weighed(),
            assertions=(
                *_weighed().assertions,
                _said("a4", "ria", retracts="a1", stance=cm.Stance.REPORTS),
            ),
        )
        claim = cm.analyze(bundle)["begun"]
        assert [("a1", "a2")] == [item.assertions for item in claim.supporting_evidence]

    @given(bundles(min_assertions=1))
    def test_what_a_corpus_keeps_analyses_the_same(self, bundle: cm.Bundle) -> None:
        kept = for_corroboration(bundle)
        assert cm.analyze(bundle) == cm.analyze(kept)
        # Evidence without a bearing stays only where a verdict reviews the assertion
        # (it tells where the claim appeared).
        reviewed = {key for verdict in bundle.verdicts for key in verdict.reviews}
        assert all(
            e.bearing is not None
            for a in kept.assertions
            if a.id not in reviewed
            for e in a.evidence
        )
        assert all(kept.assertion(key) == bundle.assertion(key) for key in reviewed)


class TestEvidenceInTheReport:
    """The report lists each piece and counts the claims that evidence refutes."""

    def test_text(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "weighed.json"
        path.write_text(cm.dumps(_weighed()), encoding="utf-8")
        assert 0 == main(["report", str(path)])
        text = capsys.readouterr().out
        words = " ".join(text.split())  # lines are wrapped at 80 characters
        assert (
            "evidence refutes it: image, https://example.org/site.jpg, captured 2025-11-20 "
            "(assertion a3)"
        ) in words
        assert f"evidence supports it: video, {CLIP}, sha256 {DIGEST}, captured" in words
        assert "1 claim; 0 single-origin; 1 contradicted; 1 with refuting evidence" in text

    def test_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "weighed.json"
        path.write_text(cm.dumps(_weighed()), encoding="utf-8")
        assert 0 == main(["report", "--format", "json", str(path)])
        [data] = json.loads(capsys.readouterr().out)
        assert (1, 1, 1) == (
            data["supporting_evidence"],
            data["refuting_evidence"],
            data["inconclusive_evidence"],
        )
        assert {
            "bearing": "supports",
            "kind": "video",
            "url": CLIP,
            "sha256": DIGEST,
            "captured": "2025-11-20",
            "archived": "2025-11-26",
            "archive_url": "https://web.archive.org/web/20251126/" + CLIP,
            "quote": None,
            "assertions": ["a1", "a2"],
        } == data["evidence"][0]
