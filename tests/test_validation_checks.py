"""The attribution (CM1xx), confidence (CM2xx) and verdict rules (CM330-CM332, CM510) by
example, message and path included: each behaviour that a mutant of
``validation/_attribution.py``, ``_confidence.py`` or ``_verdicts.py`` could change."""

from __future__ import annotations

import attrs
import pytest

from claimmodel import (
    Assertion,
    Attribution,
    Bundle,
    Channel,
    Claim,
    Confidence,
    DeclaredLevel,
    DeclaredScale,
    Document,
    Evidence,
    EvidenceKind,
    Interval,
    Link,
    MediaOutlet,
    Organization,
    PartialDate,
    Person,
    Rating,
    Relation,
    RelationKind,
    ScaleKind,
    Source,
    Verdict,
    validate,
)

_UNJUDGED = Confidence.cannot_be_judged()


def _date(text: str) -> PartialDate:
    return PartialDate.fromisoformat(text)


def _assertion(
    assertion_id: str = "a",
    *,
    claim: str = "c",
    speaker: str = "p0",
    chain: tuple[Link, ...] = (),
    confidence: Confidence = _UNJUDGED,
    date: str | None = None,
    earliest: str | None = None,
    evidence: tuple[Evidence, ...] = (),
) -> Assertion:
    return Assertion(
        id=assertion_id,
        claim=claim,
        attribution=Attribution(source=speaker, chain=chain),
        confidence=confidence,
        date=None if date is None else _date(date),
        earliest=None if earliest is None else _date(earliest),
        evidence=evidence,
    )


def _bundle(
    *assertions: Assertion,
    sources: tuple[Source, ...] = (),
    verdicts: tuple[Verdict, ...] = (),
    relations: tuple[Relation, ...] = (),
    scales: tuple[DeclaredScale, ...] = (),
) -> Bundle:
    people = tuple(Person(id=f"p{i}") for i in range(3))
    return Bundle(
        sources=(*people, Organization(id="checker"), *sources),
        claims=(Claim(id="c", text="It happened."), Claim(id="d", text="It did not.")),
        assertions=assertions or (_assertion(),),
        relations=relations,
        verdicts=verdicts,
        scales=scales,
    )


def _found(bundle: Bundle, *codes: str) -> list[tuple[str, str, str]]:
    """The findings of ``codes``, as (code, path, message)."""
    return [(f.code, f.path, f.message) for f in validate(bundle) if f.code in codes]


class TestSpeakersAndRelays:
    def test_a_speaker_and_a_relay_not_in_the_bundle(self) -> None:
        bundle = _bundle(_assertion(speaker="ghost", chain=(Link(source="nobody"),)))
        assert _found(bundle, "CM101", "CM102") == [
            (
                "CM102",
                "$.assertions[0].attribution.chain[0].source",
                (
                    "intermediary 'nobody' is not a source of the bundle; add the source or "
                    "correct the id"
                ),
            ),
            (
                "CM101",
                "$.assertions[0].attribution.source",
                (
                    "assertion 'a' is attributed to 'ghost', which is not a source of the bundle; "
                    "add the source or correct the id"
                ),
            ),
        ]

    def test_the_second_assertion_has_its_own_path(self) -> None:
        bundle = _bundle(_assertion(), _assertion("b", speaker="ghost"))
        assert [path for _, path, _ in _found(bundle, "CM101")] == [
            "$.assertions[1].attribution.source"
        ]

    def test_a_source_repeated_in_the_chain(self) -> None:
        chain = (Link(source="p1"), Link(source="p0"), Link(source="p2"), Link(source="p1"))
        assert _found(_bundle(_assertion(chain=chain)), "CM104") == [
            (
                "CM104",
                "$.assertions[0].attribution.chain[1].source",
                (
                    "'p0' is already in the chain as the asserting source; a statement passes "
                    "through each source once, so remove the repeated link"
                ),
            ),
            (
                "CM104",
                "$.assertions[0].attribution.chain[3].source",
                (
                    "'p1' is already in the chain as link 0; a statement passes through each "
                    "source once, so remove the repeated link"
                ),
            ),
        ]

    def test_a_relay_first_met_at_a_later_link(self) -> None:
        chain = (Link(source="p1"), Link(source="p2"), Link(source="p2"))
        assert [m for _, _, m in _found(_bundle(_assertion(chain=chain)), "CM104")] == [
            (
                "'p2' is already in the chain as link 1; a statement passes through each "
                "source once, so remove the repeated link"
            )
        ]

    @pytest.mark.parametrize(("links", "found"), [(16, False), (17, True)])
    def test_the_longest_chain(self, links: int, found: bool) -> None:
        people = tuple(Person(id=f"r{i}") for i in range(links))
        chain = tuple(Link(source=f"r{i}") for i in range(links))
        bundle = _bundle(_assertion(chain=chain), sources=people)
        expected = [
            (
                "CM105",
                "$.assertions[0].attribution.chain",
                (
                    "the chain has 17 intermediaries, more than the maximum of 16; keep only "
                    "the links the record can support"
                ),
            )
        ]
        assert _found(bundle, "CM105") == (expected if found else [])

    def test_a_document_or_outlet_relaying_by_an_unspecified_channel(self) -> None:
        sources = (Document(id="doc"), MediaOutlet(id="paper"))
        chain = (
            Link(source="p1"),  # a person's channel may go unsaid
            Link(source="doc"),
            Link(source="paper", channel=Channel.PUBLICATION),
        )
        unspecified = (Link(source="paper"),)
        bundle = _bundle(
            _assertion(chain=chain), _assertion("b", chain=unspecified), sources=sources
        )
        assert _found(bundle, "CM106") == [
            (
                "CM106",
                "$.assertions[0].attribution.chain[1].channel",
                (
                    "document 'doc' relays the statement but the channel is 'unspecified'; say "
                    "how it got it (e.g. 'interview', 'publication')"
                ),
            ),
            (
                "CM106",
                "$.assertions[1].attribution.chain[0].channel",
                (
                    "media-outlet 'paper' relays the statement but the channel is 'unspecified'; "
                    "say how it got it (e.g. 'interview', 'publication')"
                ),
            ),
        ]


class TestAssessors:
    def test_an_assessor_not_in_the_bundle(self) -> None:
        judged = attrs.evolve(_UNJUDGED, assessor="nobody")
        known = attrs.evolve(_UNJUDGED, assessor="p1")
        bundle = _bundle(
            _assertion(confidence=known),
            _assertion("b", confidence=judged),
            sources=(Person(id="rated", reliability=judged),),
        )
        assert _found(bundle, "CM103") == [
            (
                "CM103",
                "$.sources[4].reliability.assessor",
                "assessor 'nobody' is not a source of the bundle; add the source or correct the id",
            ),
            (
                "CM103",
                "$.assertions[1].confidence.assessor",
                "assessor 'nobody' is not a source of the bundle; add the source or correct the id",
            ),
        ]


def _recording_message(speaker: str, why: str) -> str:
    return (
        f"assertion 'a' is attributed to {speaker!r}, but {why}: a recording shows, it "
        "does not assert; attribute the statement to whoever speaks in it or filmed or "
        "posted it, and keep the recording as evidence on the assertion"
    )


class TestRecordingsAsSpeakers:
    @pytest.mark.parametrize(
        ("url", "why"),
        [
            ("https://example.org/clips/speech.MP4", "its url names a video file"),
            ("https://example.org/a/b/photo.jpeg?size=large#top", "its url names an image file"),
            ("https://example.org/radio/interview.ogg", "its url names an audio file"),
            ("https://example.org/v.webm/", None),  # the last segment is empty
            ("https://example.org/mp4", None),  # no dot: no ending
            ("https://example.org/speech.mp4.html", None),  # only the last ending counts
            ("https://example.org/report.pdf", None),
            ("https://example.org/speech.final.mp4", "its url names a video file"),
            ("https://example.org/clips.mp4/latest", None),  # a dot only in a folder's name
            ("https://example.org", None),  # no path at all
            ("mp4", None),  # a bare word, not a file name
            ("http://[unclosed/clip.mp4", None),  # not a URL: names no file
        ],
    )
    def test_a_document_whose_url_names_a_media_file(self, url: str, why: str | None) -> None:
        bundle = _bundle(sources=(Document(id="clip", url=url),))
        bundle = attrs.evolve(bundle, assertions=(_assertion(speaker="clip"),))
        expected = [] if why is None else [_recording_message("clip", why)]
        assert [m for _, _, m in _found(bundle, "CM107")] == expected

    @pytest.mark.parametrize("field", ["url", "archive_url"])
    @pytest.mark.parametrize("kind", [EvidenceKind.VIDEO, EvidenceKind.IMAGE, EvidenceKind.AUDIO])
    def test_a_speaker_at_the_address_of_recorded_evidence(
        self, field: str, kind: EvidenceKind
    ) -> None:
        address = "https://social.example/posts/1"
        recording = (
            Evidence(kind=kind, url=address)
            if field == "url"
            else Evidence(kind=kind, archive_url=address)
        )
        outlet = MediaOutlet(id="post", url=address)
        bundle = _bundle(
            _assertion(speaker="post"),
            _assertion("b", evidence=(recording,)),
            sources=(outlet,),
        )
        why = f"its url is that of {kind.value} evidence in the record"
        assert _found(bundle, "CM107") == [
            ("CM107", "$.assertions[0].attribution.source", _recording_message("post", why))
        ]

    def test_the_first_kind_recorded_at_an_address_is_named(self) -> None:
        address = "https://social.example/posts/1"
        evidence = (
            Evidence(kind=EvidenceKind.AUDIO, url=address),
            Evidence(kind=EvidenceKind.VIDEO, archive_url=address),
        )
        bundle = _bundle(
            _assertion(speaker="post", evidence=evidence),
            sources=(MediaOutlet(id="post", url=address),),
        )
        why = "its url is that of audio evidence in the record"
        assert [m for _, _, m in _found(bundle, "CM107")] == [_recording_message("post", why)]

    def test_text_evidence_and_people_are_not_recordings(self) -> None:
        address = "https://social.example/posts/1"
        bundle = _bundle(
            _assertion(speaker="post", evidence=(Evidence(url=address),)),
            _assertion("b", speaker="p1"),
            sources=(MediaOutlet(id="post", url=address),),
        )
        assert _found(bundle, "CM107") == []

    def test_an_outlet_without_an_address(self) -> None:
        bundle = _bundle(_assertion(speaker="paper"), sources=(MediaOutlet(id="paper"),))
        assert _found(bundle, "CM107") == []

    def test_switched_off_with_the_rule(self) -> None:
        bundle = _bundle(
            _assertion(speaker="clip"),
            sources=(Document(id="clip", url="https://example.org/speech.mp4"),),
        )
        assert [f.code for f in validate(bundle) if f.code == "CM107"] == ["CM107"]
        assert [f.code for f in validate(bundle, ignore=["CM107"]) if f.code == "CM107"] == []


def _confidence(
    level: str, probability: Interval | None = None, scale: str = "icd203"
) -> Confidence:
    return Confidence(scale=scale, level=level, probability=probability)


class TestConfidences:
    def test_an_unknown_scale(self) -> None:
        bundle = _bundle(
            _assertion(confidence=_confidence("high", scale="house")),
            _assertion("b", confidence=_confidence("high", scale="x-house")),
        )
        assert _found(bundle, "CM205") == [
            (
                "CM205",
                "$.assertions[0].confidence.scale",
                (
                    "scale 'house' is not one claimmodel knows, so its levels cannot be checked; "
                    "use a known scale id (such as 'icd203' or 'probability'), declare it in the "
                    "bundle's scales, pass your own Scale to validate(scales=...), or name it "
                    "with the prefix 'x-'"
                ),
            )
        ]

    def test_a_level_not_on_the_scale(self) -> None:
        bundle = _bundle(
            _assertion(confidence=_confidence("fairly sure")),
            _assertion("b", confidence=_confidence("fairly sure")),  # looked up once, found twice
        )
        found = _found(bundle, "CM201")
        assert [path for _, path, _ in found] == [
            "$.assertions[0].confidence.level",
            "$.assertions[1].confidence.level",
        ]
        assert found[0][2].startswith(
            "'fairly sure' is not a level of scale 'icd203'; use one of: "
        )
        assert "'likely'" in found[0][2]

    def test_cannot_be_judged_carries_no_probability(self) -> None:
        confidence = _confidence("6", Interval(low=0.2, high=0.3), "admiralty-credibility")
        assert _found(_bundle(_assertion(confidence=confidence)), "CM203") == [
            (
                "CM203",
                "$.assertions[0].confidence.probability",
                (
                    "level '6' of scale 'admiralty-credibility' means the confidence cannot be "
                    "judged, so it carries no probability; remove the probability [0.2, 0.3]"
                ),
            )
        ]

    def test_a_grade_of_something_else_carries_no_probability(self) -> None:
        confidence = _confidence("high", Interval(low=0.7, high=0.7), "ipcc-confidence")
        assert _found(_bundle(_assertion(confidence=confidence)), "CM206") == [
            (
                "CM206",
                "$.assertions[0].confidence.probability",
                (
                    "level 'high' of scale 'ipcc-confidence' grades confidence, not how "
                    "likely the claim is, so it carries no probability; remove the probability "
                    "0.7, or state the likelihood as a confidence on a likelihood scale"
                ),
            )
        ]

    def test_a_band_without_a_probability(self) -> None:
        assert _found(_bundle(_assertion(confidence=_confidence("likely"))), "CM204") == [
            (
                "CM204",
                "$.assertions[0].confidence.probability",
                (
                    "level 'likely' of scale 'icd203' stands for 55%–80% but no probability is "
                    "stated, which reads as 'cannot be judged'; state the band (low 0.55, high "
                    "0.8) or a narrower interval inside it"
                ),
            )
        ]

    @pytest.mark.parametrize(
        ("low", "high", "found"),
        [
            (0.55, 0.8, False),
            (0.6, 0.7, False),
            (0.55 - 1e-10, 0.8 + 1e-10, False),  # floating-point noise
            (0.5, 0.8, True),
            (0.55, 0.81, True),
        ],
    )
    def test_a_probability_outside_its_band(self, low: float, high: float, found: bool) -> None:
        confidence = _confidence("likely", Interval(low=low, high=high))
        findings = _found(_bundle(_assertion(confidence=confidence)), "CM202")
        assert bool(findings) is found
        if found:
            assert findings[0][1] == "$.assertions[0].confidence.probability"
            assert findings[0][2].endswith(
                "is not within 55%–80%, the band of level 'likely' on scale 'icd203'; state "
                "an interval inside the band or choose the level that matches the probability"
            )

    def test_the_original_of_a_conversion_is_checked_first(self) -> None:
        original = _confidence("fairly sure", scale="house")
        converted = attrs.evolve(
            _confidence("likely", Interval(low=0.55, high=0.8)), original=original
        )
        bundle = _bundle(_assertion(confidence=converted))
        assert [(code, path) for code, path, _ in _found(bundle, "CM205", "CM202")] == [
            ("CM205", "$.assertions[0].confidence.original.scale")
        ]

    def test_a_source_reliability_is_checked(self) -> None:
        bundle = _bundle(
            sources=(
                Person(id="rated", reliability=_confidence("Z", scale="admiralty-reliability")),
            )
        )
        assert [path for _, path, _ in _found(bundle, "CM201")] == [
            "$.sources[4].reliability.level"
        ]


def _verdict(
    *reviews: str,
    verdict_id: str = "v",
    reviewer: str = "checker",
    rating: Rating | None = None,
    date: str | None = None,
) -> Verdict:
    return Verdict(
        id=verdict_id,
        reviewer=reviewer,
        reviews=reviews or ("a",),
        rating=rating or Rating(label="False"),
        date=None if date is None else _date(date),
    )


_RATINGS = DeclaredScale(
    id="house-ratings",
    kind=ScaleKind.RATING,
    levels=(DeclaredLevel(label="True"), DeclaredLevel(label="False")),
)
_GRADES = DeclaredScale(
    id="house-grades",
    kind=ScaleKind.CONFIDENCE,
    levels=(DeclaredLevel(label="solid"),),
)


class TestRatings:
    def test_a_rating_on_its_scale(self) -> None:
        verdicts = (
            _verdict(rating=Rating(label="False", scale="house-ratings")),
            _verdict(verdict_id="w", rating=Rating(label="Mostly false", scale="house-ratings")),
            _verdict(verdict_id="x", rating=Rating(label="solid", scale="house-grades")),
            _verdict(verdict_id="y", rating=Rating(label="False", scale="nowhere")),
            _verdict(verdict_id="z", rating=Rating(label="False", scale="x-nowhere")),
        )
        bundle = _bundle(verdicts=verdicts, scales=(_RATINGS, _GRADES))
        found = _found(bundle, "CM201", "CM205", "CM207")
        assert found[0][:2] == ("CM201", "$.verdicts[1].rating.label")
        assert found[0][2].startswith(
            "'Mostly false' is not a level of rating scale 'house-ratings'; use one of: "
        )
        assert found[1:] == [
            (
                "CM207",
                "$.verdicts[2].rating.scale",
                (
                    "scale 'house-grades' grades confidence, not a reviewer's rating of a claim; "
                    "name a scale of kind 'rating'"
                ),
            ),
            (
                "CM205",
                "$.verdicts[3].rating.scale",
                (
                    "rating scale 'nowhere' is not one claimmodel knows, so the label cannot be "
                    "checked; declare it in the bundle's scales, pass your own Scale to "
                    "validate(scales=...), or name it with the prefix 'x-'"
                ),
            ),
        ]


class TestVerdicts:
    def test_a_reviewer_and_reviews_not_in_the_bundle(self) -> None:
        bundle = _bundle(verdicts=(_verdict("a", "gone", reviewer="nobody"),))
        assert _found(bundle, "CM330", "CM331") == [
            (
                "CM330",
                "$.verdicts[0].reviewer",
                (
                    "the reviewer 'nobody' is not a source of the bundle; add the fact-checker "
                    "as a source or correct the id"
                ),
            ),
            (
                "CM331",
                "$.verdicts[0].reviews[1]",
                (
                    "verdict 'v' reviews 'gone', which is not an assertion of the bundle; name "
                    "the assertion that made the claim reviewed"
                ),
            ),
        ]

    def test_assertions_of_two_claims(self) -> None:
        bundle = _bundle(
            _assertion(),
            _assertion("b", claim="d"),
            _assertion("e"),
            verdicts=(_verdict("a", "e", "b"),),
        )
        assert _found(bundle, "CM332") == [
            (
                "CM332",
                "$.verdicts[0].reviews[2]",
                (
                    "verdict 'v' reviews assertions of claim 'c' and of claim 'd'; review one "
                    "claim per verdict, or declare the claims the same (same-as, "
                    "translation-of, paraphrase-of)"
                ),
            )
        ]

    def test_the_first_known_claim_is_the_one_compared_against(self) -> None:
        bundle = _bundle(
            _assertion(claim="gone"),  # a claim the bundle does not hold: CM301's finding
            _assertion("b", claim="d"),
            _assertion("e", claim="d"),
            verdicts=(_verdict("a", "b", "e"),),
        )
        assert _found(bundle, "CM332") == []

    @pytest.mark.parametrize(
        "kind", [RelationKind.SAME_AS, RelationKind.TRANSLATION_OF, RelationKind.PARAPHRASE_OF]
    )
    @pytest.mark.parametrize(("subject", "target"), [("d", "c"), ("c", "d")])
    def test_claims_declared_the_same_are_one(
        self, kind: RelationKind, subject: str, target: str
    ) -> None:
        bundle = _bundle(
            _assertion(),
            _assertion("b", claim="d"),
            verdicts=(_verdict("a", "b"), _verdict("b", "a", verdict_id="w")),
            relations=(Relation(id="r", kind=kind, subject=subject, object=target),),
        )
        assert _found(bundle, "CM332") == []

    def test_groups_of_claims_with_long_ids(self) -> None:
        claims = tuple(Claim(id=f"claim-{n}", text=f"Statement {n}.") for n in "wxyz")
        bundle = Bundle(
            sources=(Person(id="p0"), Organization(id="checker")),
            claims=claims,
            assertions=tuple(_assertion(f"a{n}", claim=f"claim-{n}") for n in "wxyz"),
            relations=(
                Relation(id="r1", kind=RelationKind.SAME_AS, subject="claim-w", object="claim-x"),
                Relation(id="r2", kind=RelationKind.SAME_AS, subject="claim-z", object="claim-y"),
            ),
            verdicts=(
                _verdict("aw", "ax"),
                _verdict("ay", "az", verdict_id="w"),
                _verdict("ax", "ay", verdict_id="x"),
            ),
        )
        assert [path for _, path, _ in _found(bundle, "CM332")] == ["$.verdicts[2].reviews[1]"]

    def test_sameness_is_transitive_and_needs_claims_of_the_bundle(self) -> None:
        claims = (
            Claim(id="c", text="It happened."),
            Claim(id="d", text="It did not."),
            Claim(id="e", text="Es geschah."),
            Claim(id="f", text="Sucedió."),
        )
        chain_of_sameness = (
            Relation(id="r1", kind=RelationKind.SAME_AS, subject="e", object="c"),
            Relation(id="r2", kind=RelationKind.TRANSLATION_OF, subject="f", object="e"),
            Relation(id="r3", kind=RelationKind.SAME_AS, subject="d", object="ghost"),
            Relation(id="r4", kind=RelationKind.SAME_AS, subject="f", object="c"),
        )
        bundle = attrs.evolve(
            _bundle(
                _assertion(),
                _assertion("b", claim="f"),
                _assertion("g", claim="d"),
                verdicts=(_verdict("b", "a"), _verdict("g", "a", verdict_id="w")),
                relations=chain_of_sameness,
            ),
            claims=claims,
        )
        assert [path for _, path, _ in _found(bundle, "CM332")] == ["$.verdicts[1].reviews[1]"]

    def test_a_claim_contradicting_another_is_not_the_same(self) -> None:
        bundle = _bundle(
            _assertion(),
            _assertion("b", claim="d"),
            verdicts=(_verdict("a", "b"),),
            relations=(Relation(id="r", kind=RelationKind.CONTRADICTS, subject="d", object="c"),),
        )
        assert [code for code, _, _ in _found(bundle, "CM332")] == ["CM332"]

    @pytest.mark.parametrize(
        ("said", "earliest", "reviewed", "found"),
        [
            ("2026-03-02", None, "2026-03-01", True),
            ("2026-03-02", None, "2026-03-02", False),
            ("2026-03", None, "2026-03-01", False),  # the month may be the 1st
            (None, "2026-03-02", "2026-03-01", True),  # the earliest it was said
            (None, None, "2026-03-01", False),
            ("2026-03-01", "2026-03-05", "2026-03-03", False),  # the date, not the earliest
        ],
    )
    def test_a_verdict_dated_before_the_assertion(
        self, said: str | None, earliest: str | None, reviewed: str, found: bool
    ) -> None:
        bundle = _bundle(
            _assertion(date=said, earliest=earliest), verdicts=(_verdict(date=reviewed),)
        )
        expected = [
            (
                "CM510",
                "$.verdicts[0].date",
                (
                    f"verdict 'v' is dated {reviewed}, before assertion 'a' was made "
                    f"({said or earliest}); a review comes after what it reviews: correct either "
                    "date"
                ),
            )
        ]
        assert _found(bundle, "CM510") == (expected if found else [])

    def test_an_undated_verdict(self) -> None:
        bundle = _bundle(_assertion(date="2026-03-02"), verdicts=(_verdict(),))
        assert _found(bundle, "CM510") == []

    def test_each_reviewed_assertion_is_compared(self) -> None:
        bundle = _bundle(
            _assertion(date="2026-03-01"),
            _assertion("b", date="2026-03-09"),
            verdicts=(_verdict("a", "b", date="2026-03-05"),),
        )
        assert [m.split(";")[0] for _, _, m in _found(bundle, "CM510")] == [
            "verdict 'v' is dated 2026-03-05, before assertion 'b' was made (2026-03-09)"
        ]
