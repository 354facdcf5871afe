"""Build ``san-telmo-port.json``: the second worked example, a wire report.

The article, ``san-telmo-article.txt``, is a short wire-service report written for
this project about an invented country: police clear a dock workers' sit-in at the
port of San Telmo, in Calderra.  Where the Kursk example is a feature built on
named voices, this one has what a wire story is made of: two officials who speak
on condition of anonymity, a figure given as a range and corrected from an earlier
version, a ministry's denial and its statement translated from Portuguese, a
union's account, a port authority that declines to comment, a verified video and a
fact-checker's rating of the ministry's statement.  The steps are the same:

1. the **sources**, the unnamed ones with how many they are and on what terms;
2. the **claims**, figures with their ranges;
3. the **assertions**, denials, no-comments and the correction included;
4. the **relations** between them, and the fact-checker's **verdict**.

Run it from the repository root to (re)write the example file::

    python examples/build_san_telmo.py

``build()`` returns the same bundle without writing anything; the test suite checks
that it equals the shipped file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import attrs

import claimmodel as cm

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "san-telmo-port.json"
with (HERE / "san-telmo-article.txt").open(encoding="utf-8", newline="") as _file:
    ARTICLE = _file.read()
"""The article, exactly as written (its first line is the headline)."""
HEADLINE = ARTICLE.split("\n", 1)[0]

# The dateline gives the day: "VELMAR, Calderra, March 4, 2026".  "On Tuesday" is
# the day before, 3 March 2026.
PUBLISHED = cm.PartialDate(year=2026, month=3, day=4)
TUESDAY = cm.PartialDate(year=2026, month=3, day=3)
WEDNESDAY = PUBLISHED

# -- Confidence ----------------------------------------------------------------------
#
# As in the Kursk example: the desk's judgement of how likely each asserted claim
# is true, as an ICD 203 level with the band it stands for.

ICD203 = "icd203"
DESK = "desk"


def icd203(level: str, basis: str) -> cm.Confidence:
    """The desk's judgement: ``level`` on the ICD 203 scale, with its band and basis.

    The band is the one the built-in ``icd203`` scale gives the level.
    """
    return cm.Confidence.parse(level, scale=ICD203, assessor=DESK, basis=basis)


# -- Where the words are -------------------------------------------------------------


def span(words: str, *, after: str | None = None) -> cm.Span:
    """Where ``words`` first occur in the article, after ``after`` when it is given."""
    start = ARTICLE.index(words, ARTICLE.index(after) if after is not None else 0)
    return cm.Span(start=start, end=start + len(words))


def quote(
    text: str, *, after: str | None = None, speech: cm.Quotation | None = None
) -> cm.Evidence:
    """Words of the article that show an assertion, and where they are."""
    return cm.Evidence(quote=text, span=span(text, after=after), quotation=speech)


def hedge(cue: str, category: cm.HedgeCategory, scope: str) -> cm.Hedge:
    """A hedge the article voices, scoped to what it hedges."""
    return cm.Hedge(cue=cue, category=category, scope=scope, span=span(cue), voiced_by="report")


# -- 1. Sources ----------------------------------------------------------------------
#
# The two officials are one anonymous source standing for two people, with the
# ground rule they spoke under and what the article says of their posts.  The two
# doctors are another; the article gives no ground rule for them.

ILLUSTRATIVE = (
    "illustrative: the example has no real file; the digest is the SHA-256 of the text "
    "'claimmodel example: San Telmo video', and the addresses are reserved example domains"
)
VIDEO_DIGEST = hashlib.sha256(b"claimmodel example: San Telmo video").hexdigest()


def sources() -> tuple[cm.Source, ...]:
    """Everyone the article names or describes, the documents and the desk."""
    return (
        cm.Document(
            id="report",
            name="Meridian Press report on the San Telmo port detentions",
            description="The analysed report, as corrected.",
            published=PUBLISHED,
            publisher="meridian",
            language="en",
            text=ARTICLE,
        ),
        cm.Document(
            id="first-report",
            name="Earlier version of the Meridian Press report",
            description="Published on Tuesday; superseded by the corrected report.",
            published=TUESDAY,
            publisher="meridian",
            language="en",
        ),
        cm.MediaOutlet(
            id="meridian",
            name="Meridian Press",
            description="The wire service that reports from Velmar.",
        ),
        cm.AnonymousSource(
            id="security-officials",
            name="two security officials",
            description="Two security officials, both with the Interior Ministry's public "
            "order directorate, not authorised to discuss the operation.",
            count=2,
            ground_rule=cm.GroundRule.ANONYMITY,
            roles=(cm.Role(office="security official", organization="public-order-directorate"),),
            affiliations=(
                cm.Affiliation(
                    kind=cm.AffiliationKind.EMPLOYED_BY, target="public-order-directorate"
                ),
            ),
        ),
        cm.GovernmentBody(
            id="public-order-directorate",
            name="Public order directorate of the Interior Ministry",
            jurisdiction="Calderra",
            affiliations=(
                cm.Affiliation(kind=cm.AffiliationKind.PART_OF, target="interior-ministry"),
            ),
        ),
        cm.GovernmentBody(
            id="interior-ministry",
            name="Interior Ministry of Calderra",
            aliases=("the Interior Ministry",),
            description="Answers for the police officers who cleared the gate.",
            jurisdiction="Calderra",
        ),
        cm.Person(
            id="varro",
            name="Ilena Varro",
            description="Spokeswoman of the Interior Ministry.",
            roles=(cm.Role(office="spokeswoman", organization="interior-ministry"),),
            affiliations=(
                cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="interior-ministry"),
            ),
        ),
        cm.Organization(
            id="union",
            name="Port Workers' Union",
            description="The dock workers' union whose members held the sit-in.",
        ),
        cm.Organization(
            id="port-authority",
            name="San Telmo Port Authority",
            description="Manages the container terminal; asked the police to clear the gate.",
        ),
        cm.AnonymousSource(
            id="hospital-doctors",
            name="two doctors at San Telmo General Hospital",
            description="Doctors who spoke to VeriFato; the article does not name them.",
            count=2,
            roles=(cm.Role(office="doctor", organization="san-telmo-hospital"),),
            affiliations=(
                cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="san-telmo-hospital"),
            ),
        ),
        cm.Organization(id="san-telmo-hospital", name="San Telmo General Hospital"),
        cm.Organization(
            id="verifato",
            name="VeriFato",
            description="An independent fact-checking organisation based in Velmar.",
        ),
        cm.Organization(
            id=DESK,
            name="claimmodel example desk",
            description="The analysts who encoded this record and judged every confidence.",
        ),
    )


# -- 2. Claims -----------------------------------------------------------------------
#
# The two figures for the detentions share a ``measure``: they are figures for the
# same quantity, and the analysis reports them as conflicting, since the ranges
# "between 40 and 60" and "more than 100" do not meet.

DETENTIONS = "san-telmo-detentions-2026-03-03"

DETAINED = cm.Claim(
    id="detained-40-to-60",
    text="Police detained between 40 and 60 people when they cleared the dock workers' "
    "sit-in at the port of San Telmo on 3 March 2026.",
    quantity=cm.Quantity(measure=DETENTIONS, lower=40, upper=60, unit="people"),
)
DETAINED_OVER_100 = cm.Claim(
    id="detained-over-100",
    text="Police detained more than 100 people when they cleared the dock workers' "
    "sit-in at the port of San Telmo on 3 March 2026.",
    quantity=cm.Quantity(measure=DETENTIONS, lower=100, lower_exclusive=True, unit="people"),
)
UNION_MEMBERS = cm.Claim(
    id="detainees-union-members",
    text="Most of the people detained at San Telmo were members of the Port Workers' Union.",
)
BLOCKADE = cm.Claim(
    id="union-blockade",
    text="The Port Workers' Union had blocked the San Telmo container gate since the "
    "week before, in a dispute over night-shift pay.",
)
TEAR_GAS = cm.Claim(
    id="tear-gas",
    text="Police fired tear gas at the protesters at the San Telmo container gate on 3 March 2026.",
    subject="police",
    predicate="fired tear gas at",
    object="the protesters at the San Telmo container gate",
    # The ministry answers for the police; the union's members were the protesters.
    parties=("interior-ministry", "union"),
)
NO_CHEMICAL_AGENT = cm.Claim(
    id="no-chemical-agent",
    text="The police used no chemical agent at any point while clearing the San Telmo "
    "container gate.",
    parties=("interior-ministry",),
)
RESTRAINT = cm.Claim(
    id="officers-restraint",
    text="The police officers acted with restraint while clearing the San Telmo container gate.",
    parties=("interior-ministry",),
)
MEMBERS_TREATED = cm.Claim(
    id="members-treated",
    text="At least twelve members of the Port Workers' Union needed treatment after the "
    "gate was cleared.",
    quantity=cm.Quantity(measure="san-telmo-union-members-treated", lower=12, unit="people"),
    parties=("union",),
)
CANISTERS = cm.Claim(
    id="canisters-at-gate",
    text="On the evening of 3 March 2026, canisters trailing white smoke landed among "
    "people seated in front of the San Telmo container gate, and people ran coughing "
    "and covering their faces.",
)
IRRITANT_TREATED = cm.Claim(
    id="irritant-treated",
    text="Doctors at San Telmo General Hospital treated protesters for exposure to an "
    "irritant gas on the night of 3 March 2026.",
)
DISPUTE_BEGAN = cm.Claim(
    id="dispute-began",
    text="The San Telmo dispute began on 24 February 2026, when the union rejected a new "
    "pay schedule that cut the premium for night shifts.",
)
NO_TALKS = cm.Claim(
    id="no-talks-in-custody",
    text="The Port Workers' Union will not return to talks while its members remain in custody.",
)
PORT_AUTHORITY_ASKED = cm.Claim(
    id="port-authority-asked-police",
    text="The San Telmo Port Authority asked the police to clear the container gate.",
)


def claims() -> tuple[cm.Claim, ...]:
    """Every claim, in the order the article raises them."""
    return (
        DETAINED,
        UNION_MEMBERS,
        BLOCKADE,
        DETAINED_OVER_100,
        TEAR_GAS,
        NO_CHEMICAL_AGENT,
        RESTRAINT,
        MEMBERS_TREATED,
        CANISTERS,
        PORT_AUTHORITY_ASKED,
        IRRITANT_TREATED,
        DISPUTE_BEGAN,
        NO_TALKS,
    )


# -- 3. Assertions -------------------------------------------------------------------
#
# Chains run in transmission order, nearest the reader last.  The officials "told
# Meridian Press", which published the report; the ministry's words came in "a
# written statement".  For the union, the port authority and the doctors the article
# does not say how their words reached it: those links stay unspecified, and
# validation says so (CM106).

OWN_VOICE = cm.Attribution(source="report")
TOLD_MERIDIAN = (
    cm.Link(source="meridian", channel=cm.Channel.INTERVIEW),
    cm.Link(source="report", channel=cm.Channel.PUBLICATION),
)
# The earlier figure reached this report through its first version.
IN_THE_FIRST_VERSION = (
    cm.Link(source="meridian", channel=cm.Channel.INTERVIEW),
    cm.Link(source="first-report", channel=cm.Channel.PUBLICATION),
    cm.Link(source="report", channel=cm.Channel.PUBLICATION),
)
IN_A_STATEMENT = (cm.Link(source="report", channel=cm.Channel.STATEMENT),)
REPORTED = (cm.Link(source="report", channel=cm.Channel.UNSPECIFIED),)
# The doctors spoke to VeriFato, the article does not say how; VeriFato published
# its rating.
THROUGH_VERIFATO = (
    cm.Link(source="verifato", channel=cm.Channel.UNSPECIFIED),
    cm.Link(source="report", channel=cm.Channel.PUBLICATION),
)


def attribution(
    source: str, cue: str, chain: tuple[cm.Link, ...], *, after: str | None = None
) -> cm.Attribution:
    """``source``'s words, introduced by ``cue``, reaching the report by ``chain``."""
    return cm.Attribution(source=source, cue=cue, cue_span=span(cue, after=after), chain=chain)


def translated(english: str, portuguese: str, *, after: str) -> cm.Evidence:
    """The spokeswoman's words as Meridian Press translated them, with her Portuguese."""
    return cm.Evidence(
        quote=english,
        span=span(english, after=after),
        quotation=cm.Quotation.DIRECT,
        language="en",
        original=portuguese,
        original_language="pt",
        extensions=cm.FrozenMap({"x_translated_by": "Meridian Press"}),
    )


# The video: what the desk holds of it.  Filmed on Tuesday evening, archived on
# Wednesday ("archived a copy on Wednesday"), matched to the San Telmo terminal.
VIDEO = cm.Evidence(
    kind=cm.EvidenceKind.VIDEO,
    url="https://social.example/posts/san-telmo-gate",
    sha256=VIDEO_DIGEST,
    captured=TUESDAY,
    archived=WEDNESDAY,
    archive_url="https://archive.example/2026-03-04/san-telmo-gate",
    bearing=cm.Bearing.SUPPORTS,
    extensions=cm.FrozenMap(
        {
            "x_filmed_by": "a dock worker, not named by the article",
            "x_verified": "location matched by Meridian Press: the gate, the cranes and the "
            "painted lane markings of the San Telmo container terminal",
            "x_basis": ILLUSTRATIVE,
        }
    ),
)

DETENTIONS_CONFIDENCE = icd203(
    "likely",
    "Two officials of the directorate that carried out the operation, unnamed, who "
    "corrected their own earlier figure; no other source gives a count, and the port "
    "authority declined to comment on it.",
)
TEAR_GAS_CONFIDENCE = icd203(
    "likely",
    "The union, an interested party, says so and the ministry, another, denies it; a video "
    "the wire verified shows smoking canisters landing among the protesters, and two "
    "doctors told VeriFato they treated protesters for an irritant gas.  What the "
    "canisters contained was not established.",
)


def officials() -> tuple[cm.Assertion, ...]:
    """The two security officials: the figure, its correction, who was detained."""
    return (
        cm.Assertion(
            id="officials-detained",
            claim=DETAINED.id,
            attribution=attribution("security-officials", "told", TOLD_MERIDIAN),
            earliest=TUESDAY,
            corrects="officials-over-100",
            confidence=DETENTIONS_CONFIDENCE,
            evidence=(
                quote("detained between 40 and 60 at port sit-in"),
                quote(
                    "detained between 40 and 60 people",
                    after="Meridian Press)",
                    speech=cm.Quotation.INDIRECT,
                ),
            ),
        ),
        cm.Assertion(
            id="officials-union-members",
            claim=UNION_MEMBERS.id,
            attribution=attribution(
                "security-officials", "said", TOLD_MERIDIAN, after="public order directorate"
            ),
            earliest=TUESDAY,
            confidence=icd203(
                "likely",
                "The same two officials; consistent with a sit-in held by the union.",
            ),
            evidence=(
                quote(
                    "most of those detained were members of the Port Workers' Union",
                    speech=cm.Quotation.INDIRECT,
                ),
            ),
        ),
        cm.Assertion(
            id="report-blockade",
            claim=BLOCKADE.id,
            attribution=OWN_VOICE,
            confidence=icd203(
                "very likely", "The report's own background, borne out by its last paragraph."
            ),
            evidence=(quote("has blocked the container gate since last week"),),
        ),
        cm.Assertion(
            id="officials-over-100",
            claim=DETAINED_OVER_100.id,
            attribution=attribution("security-officials", "quoted", IN_THE_FIRST_VERSION),
            latest=TUESDAY,
            confidence=icd203(
                "very unlikely",
                "The officials withdrew it themselves: it counted people questioned at "
                "the scene and released.",
            ),
            evidence=(
                quote(
                    "more than 100 people had been detained",
                    speech=cm.Quotation.INDIRECT,
                ),
            ),
            extensions=cm.FrozenMap(
                {
                    "x_correction": "the officials later said the figure wrongly included people "
                    "who had been questioned at the scene and released"
                }
            ),
        ),
    )


def ministry() -> tuple[cm.Assertion, ...]:
    """The Interior Ministry's denial and its spokeswoman's statement, from Portuguese."""
    return (
        cm.Assertion(
            id="ministry-denies-tear-gas",
            claim=TEAR_GAS.id,
            attribution=attribution("interior-ministry", "denied", IN_A_STATEMENT),
            stance=cm.Stance.DENIES,
            earliest=TUESDAY,
            confidence=TEAR_GAS_CONFIDENCE,
            evidence=(
                quote("ministry denies using tear gas"),
                quote(
                    "denied that officers had used tear gas to clear the gate",
                    speech=cm.Quotation.INDIRECT,
                ),
            ),
        ),
        cm.Assertion(
            id="varro-no-chemical-agent",
            claim=NO_CHEMICAL_AGENT.id,
            attribution=attribution("varro", "said", IN_A_STATEMENT, after="Ilena Varro"),
            earliest=TUESDAY,
            confidence=icd203(
                "unlikely",
                "The statement of an interested party, against a verified video of smoking "
                "canisters and two doctors' accounts of treating exposure to an irritant gas.",
            ),
            evidence=(
                translated(
                    "No chemical agent was used at any point.",
                    "Em nenhum momento foi utilizado qualquer agente químico.",
                    after="tear gas to clear",
                ),
            ),
        ),
        cm.Assertion(
            id="varro-restraint",
            claim=RESTRAINT.id,
            attribution=attribution("varro", "said", IN_A_STATEMENT, after="Ilena Varro"),
            earliest=TUESDAY,
            confidence=icd203(
                "roughly even chance",
                "An interested party's characterisation; the video of people running "
                "from smoking canisters sits uneasily with it.",
            ),
            evidence=(
                translated(
                    "The officers acted with restraint",
                    "Os agentes agiram com contenção.",
                    after="at any point.",
                ),
            ),
        ),
    )


def union_and_video() -> tuple[cm.Assertion, ...]:
    """The union's account, the video the wire verified, the port authority's silence."""
    return (
        cm.Assertion(
            id="union-tear-gas",
            claim=TEAR_GAS.id,
            attribution=attribution("union", "said", REPORTED, after="The Port Workers' Union"),
            confidence=TEAR_GAS_CONFIDENCE,
            evidence=(
                quote(
                    "police had fired tear gas into the crowd at the container gate",
                    speech=cm.Quotation.INDIRECT,
                ),
            ),
        ),
        cm.Assertion(
            id="union-members-treated",
            claim=MEMBERS_TREATED.id,
            attribution=attribution("union", "said", REPORTED, after="The Port Workers' Union"),
            confidence=icd203(
                "roughly even chance",
                "The union's own figure, which the wire could not verify; two doctors "
                "speak of treating protesters, without a number.",
            ),
            hedges=(
                hedge(
                    "could not independently verify",
                    cm.HedgeCategory.EVIDENTIAL_GAP,
                    "the union's figure of at least a dozen members needing treatment",
                ),
            ),
            evidence=(
                quote(
                    "at least a dozen of its members needed treatment",
                    speech=cm.Quotation.INDIRECT,
                ),
            ),
        ),
        cm.Assertion(
            id="report-canisters",
            claim=CANISTERS.id,
            attribution=cm.Attribution(source="report", cue="shows", cue_span=span("shows")),
            confidence=icd203(
                "very likely",
                "The wire obtained the original file from the worker who filmed it and "
                "matched the place to the San Telmo terminal.",
            ),
            evidence=(
                quote(
                    "several canisters trailing white smoke landing among people seated "
                    "in front of the container gate"
                ),
                VIDEO,
            ),
        ),
        cm.Assertion(
            id="report-port-authority-asked",
            claim=PORT_AUTHORITY_ASKED.id,
            attribution=OWN_VOICE,
            confidence=icd203("likely", "The report's own background; nobody disputes it."),
            evidence=(quote("asked the police to clear the gate"),),
        ),
        cm.Assertion(
            id="port-authority-no-comment",
            claim=DETAINED.id,
            attribution=attribution("port-authority", "declined to comment", REPORTED),
            stance=cm.Stance.DECLINES_TO_COMMENT,
            confidence=DETENTIONS_CONFIDENCE,
            evidence=(quote("declined to comment on the number of people detained"),),
        ),
    )


def fact_check_and_background() -> tuple[cm.Assertion, ...]:
    """The doctors' accounts VeriFato cites, and the report's closing background."""
    return (
        cm.Assertion(
            id="doctors-irritant",
            claim=IRRITANT_TREATED.id,
            attribution=attribution(
                "hospital-doctors", "said", THROUGH_VERIFATO, after="General Hospital"
            ),
            confidence=icd203(
                "likely",
                "Two doctors with no stake in the dispute, named only as such, through a "
                "fact-checker's report.",
            ),
            evidence=(
                quote(
                    "they had treated protesters for exposure to an irritant gas",
                    speech=cm.Quotation.INDIRECT,
                ),
            ),
        ),
        cm.Assertion(
            id="report-dispute-began",
            claim=DISPUTE_BEGAN.id,
            attribution=OWN_VOICE,
            confidence=icd203("very likely", "The report's own background, with a date."),
            evidence=(quote("began on February 24"),),
        ),
        cm.Assertion(
            id="union-no-talks",
            claim=NO_TALKS.id,
            attribution=attribution("union", "has said", REPORTED),
            confidence=icd203("likely", "The union's own stated position."),
            evidence=(
                quote(
                    "it will not return to talks while its members remain in custody",
                    speech=cm.Quotation.INDIRECT,
                ),
            ),
        ),
    )


def assertions() -> tuple[cm.Assertion, ...]:
    """Every assertion, in the order the article makes or reports them."""
    return (*officials(), *ministry(), *union_and_video(), *fact_check_and_background())


# -- 4. Relations and the verdict ----------------------------------------------------


def relations() -> tuple[cm.Relation, ...]:
    """How the claims bear on one another."""
    return (
        cm.Relation(
            id="no-agent-contradicts-tear-gas",
            kind=cm.RelationKind.CONTRADICTS,
            subject=NO_CHEMICAL_AGENT.id,
            object=TEAR_GAS.id,
            basis="Tear gas is a chemical agent: if none was used, none was fired.",
        ),
        cm.Relation(
            id="canisters-support-tear-gas",
            kind=cm.RelationKind.SUPPORTS,
            subject=CANISTERS.id,
            object=TEAR_GAS.id,
            basis="Smoking canisters landing among the protesters, who run coughing, are "
            "what tear gas fired into a crowd looks like; but the wire 'could not establish "
            "what the canisters contained'.",
        ),
        cm.Relation(
            id="irritant-supports-tear-gas",
            kind=cm.RelationKind.SUPPORTS,
            subject=IRRITANT_TREATED.id,
            object=TEAR_GAS.id,
            basis="Protesters treated for exposure to an irritant gas on the same night.",
        ),
    )


# The article does not say where VeriFato published its rating.  A review has a page
# of its own (ClaimReview requires its URL), so the example gives it one, at a reserved
# example domain like the video's addresses.
VERIFATO_REVIEW = "https://verifato.example/2026/03/04/san-telmo-no-chemical-agent"


def verdicts() -> tuple[cm.Verdict, ...]:
    """VeriFato's rating of the ministry's statement that no chemical agent was used."""
    return (
        cm.Verdict(
            id="verifato-no-chemical-agent",
            reviewer="verifato",
            reviews=("varro-no-chemical-agent",),
            rating=cm.Rating(label="False", value=1, worst=1, best=5),
            date=WEDNESDAY,
            url=VERIFATO_REVIEW,
            explanation="The video and the accounts of two doctors at San Telmo General "
            "Hospital, who said they had treated protesters for exposure to an irritant gas "
            "on Tuesday night, contradicted the statement.",
            evidence=(
                attrs.evolve(VIDEO, bearing=cm.Bearing.REFUTES),
                cm.Evidence(
                    quote="the accounts of two doctors at San Telmo General Hospital",
                    span=span("the accounts of two doctors at San Telmo General Hospital"),
                    bearing=cm.Bearing.REFUTES,
                ),
            ),
        ),
    )


# -- The bundle ----------------------------------------------------------------------


def build() -> cm.Bundle:
    """The whole record of the report."""
    return cm.Bundle(
        id="san-telmo-port",
        title=HEADLINE,
        published=PUBLISHED,
        document="report",
        language="en",
        sources=sources(),
        claims=claims(),
        assertions=assertions(),
        relations=relations(),
        verdicts=verdicts(),
        extensions=cm.FrozenMap(
            {
                "x_note": "An invented report about an invented country, written for "
                "claimmodel's documentation.  Each assertion's confidence is the desk's "
                "judgement, on this report alone, of how likely the asserted claim is true; "
                "assertions of the same claim carry the same judgement."
            }
        ),
    )


def main() -> None:
    """Write the example file next to this script."""
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as file:
        cm.dump(build(), file)


if __name__ == "__main__":
    main()
