"""Build ``kursk-monument.json``: the worked example, written in Python.

This script is also a tutorial.  It encodes one news article — a report on a
planned monument in Russia's Kursk region to North Korean soldiers who
"allegedly" fought there — as a claimmodel bundle, in four steps:

1. the **sources**: everyone the article names, with their offices and
   affiliations, plus the analyst desk that judges confidence;
2. the **claims**: each proposition in our own words, independent of who says it;
3. the **assertions**: who puts each claim forward, through which chain, with
   which cue, stance and hedges, and how likely the desk judges the claim;
4. the **relations** the text implies between assertions and claims.

Run it from the repository root to (re)write the example file::

    python examples/build_kursk.py

The file is written with :func:`claimmodel.dump`, so ``dump(load(file))``
reproduces it byte for byte.  ``build()`` returns the same bundle without writing
anything; the test suite checks that it equals the shipped file.
"""

from __future__ import annotations

from pathlib import Path

import claimmodel as cm

OUTPUT = Path(__file__).resolve().parent / "kursk-monument.json"

# The article carries no date.  The record assumes the day it was encoded and
# says so; every relative date in the text ("in July") resolves against it.
PUBLISHED = cm.PartialDate(year=2025, month=11, day=25)

# -- Confidence ----------------------------------------------------------------------
#
# Every assertion carries the desk's judgement of how likely the asserted claim is
# true, as a level of the ICD 203 likelihood scale together with the probability
# band the level stands for.  Keeping the level beside the numbers means a reader
# never has to reverse-engineer a label from a percentage.

ICD203 = "icd203"
ICD203_BANDS = {
    "almost no chance": (0.01, 0.05),
    "very unlikely": (0.05, 0.20),
    "unlikely": (0.20, 0.45),
    "roughly even chance": (0.45, 0.55),
    "likely": (0.55, 0.80),
    "very likely": (0.80, 0.95),
    "almost certain": (0.95, 0.99),
}
DESK = "desk"


def icd203(level: str, basis: str) -> cm.Confidence:
    """The desk's judgement: ``level`` on the ICD 203 scale, with its band and basis."""
    low, high = ICD203_BANDS[level]
    return cm.Confidence(
        scale=ICD203,
        level=level,
        probability=cm.Interval(low=low, high=high),
        assessor=DESK,
        basis=basis,
    )


def cannot_be_judged(basis: str) -> cm.Confidence:
    """The desk's explicit statement that it cannot judge the claim."""
    return cm.Confidence.cannot_be_judged(scale=ICD203, assessor=DESK, basis=basis)


# -- 1. Sources ----------------------------------------------------------------------
#
# A source is identified by its id.  Names stay exactly as the article spells them;
# other spellings go in ``aliases``.  Affiliations the article does not state are
# marked with an ``x_basis`` extension saying where they come from.

BACKGROUND = "background knowledge, not stated in the article"


def sources() -> tuple[cm.Source, ...]:
    """Everyone the article names, the state bodies behind them, and the desk."""
    return (
        cm.Document(
            id="article",
            name="Article on the planned Kursk monument",
            description=(
                "The analysed article; it names no author or outlet.  It carries no date: "
                "this record assumes 2025-11-25 (day precision), the day it was encoded."
            ),
            published=PUBLISHED,
            published_certainty=cm.DateCertainty.ASSUMED,
            language="en",
        ),
        cm.Person(
            id="chebanenko",
            name="Alexei Chebanenko",
            description="Sculptor working on the monument.",
            roles=(cm.Role(office="sculptor", organization="grekov-studio"),),
            affiliations=(
                cm.Affiliation(kind=cm.AffiliationKind.MEMBER_OF, target="grekov-studio"),
            ),
        ),
        cm.Organization(
            id="grekov-studio",
            name="Grekov Studio of Military Painters",
            aliases=("Studio of Military Painters named after Grekov",),
            description="Studio of military artists the sculptor is affiliated with.",
            affiliations=(
                cm.Affiliation(
                    kind=cm.AffiliationKind.PART_OF,
                    target="russia-mod",
                    extensions=cm.FrozenMap(
                        {
                            "x_basis": f"{BACKGROUND}: the studio is an institution of the "
                            "Russian Ministry of Defence"
                        }
                    ),
                ),
            ),
        ),
        cm.MediaOutlet(
            id="ria-novosti",
            name="RIA Novosti",
            description="Russian news agency that interviewed the sculptor.",
            affiliations=(
                cm.Affiliation(
                    kind=cm.AffiliationKind.CONTROLLED_BY,
                    target="russian-government",
                    extensions=cm.FrozenMap(
                        {
                            "x_basis": f"{BACKGROUND}: RIA Novosti belongs to the state-owned "
                            "agency Rossiya Segodnya"
                        }
                    ),
                ),
            ),
        ),
        cm.Person(
            id="lavrov",
            name="Sergey Lavrov",
            description="Russia's foreign minister.",
            roles=(cm.Role(office="Foreign Minister", organization="russia-mfa"),),
            affiliations=(
                cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="russia-mfa"),
            ),
        ),
        cm.GovernmentBody(
            id="russia-mfa",
            name="Ministry of Foreign Affairs of the Russian Federation",
            description="Named in the article only through its minister's title.",
            jurisdiction="Russia",
            affiliations=(
                cm.Affiliation(kind=cm.AffiliationKind.PART_OF, target="russian-government"),
            ),
        ),
        cm.Person(
            id="belyushikov",
            name="Andrei Belyushikov",
            aliases=("Andrei Belousov",),
            description=(
                "Head of Russia's Ministry of Defense as the article names him.  The "
                "spelling looks garbled: the minister at the time was Andrei Belousov.  "
                "The record keeps the name as written; identity rests on the id."
            ),
            roles=(cm.Role(office="Head of the Ministry", organization="russia-mod"),),
            affiliations=(
                cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="russia-mod"),
            ),
        ),
        cm.GovernmentBody(
            id="russia-mod",
            name="Ministry of Defense of the Russian Federation",
            aliases=("Russia's Ministry of Defense",),
            jurisdiction="Russia",
            affiliations=(
                cm.Affiliation(kind=cm.AffiliationKind.PART_OF, target="russian-government"),
            ),
        ),
        cm.Collective(
            id="russian-officials",
            name="Russian officials",
            description="Officials of the Russian state, spoken of as one voice.",
            members=("lavrov", "belyushikov"),
            affiliations=(
                cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="russian-government"),
            ),
            extensions=cm.FrozenMap(
                {
                    "x_basis": "members: the two Russian officials the article quotes on the "
                    "subject; the group may include others"
                }
            ),
        ),
        cm.GovernmentBody(
            id="russian-government",
            name="Government of the Russian Federation",
            aliases=("Moscow",),
            description=(
                "The Russian state, common parent of every Russian state source in this "
                "record; the article calls it 'Moscow'."
            ),
            jurisdiction="Russia",
        ),
        cm.Person(
            id="cho-son-hui",
            name="Cho Son-hui",
            description="North Korea's foreign minister; met Lavrov in Wonsan.",
            roles=(cm.Role(office="Foreign Minister", organization="dprk-mfa"),),
            affiliations=(cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="dprk-mfa"),),
        ),
        cm.GovernmentBody(
            id="dprk-mfa",
            name="Ministry of Foreign Affairs of the DPRK",
            description="Named in the article only through its minister's title.",
            jurisdiction="North Korea",
            affiliations=(
                cm.Affiliation(kind=cm.AffiliationKind.PART_OF, target="dprk-government"),
            ),
        ),
        cm.GovernmentBody(
            id="dprk-government",
            name="Government of the Democratic People's Republic of Korea",
            aliases=("Pyongyang",),
            description="The North Korean state; the article calls it 'Pyongyang'.",
            jurisdiction="North Korea",
        ),
        cm.Collective(
            id="international-community",
            name="the international community",
            description="Foreign governments and observers, spoken of as one voice.",
        ),
        cm.Organization(
            id=DESK,
            name="claimmodel example desk",
            description="The analysts who encoded this record and judged every confidence.",
        ),
    )


# -- 2. Claims -----------------------------------------------------------------------
#
# Claims are written in the encoder's words.  Without an explicit id, a claim's id is
# derived from its normalized content (``claim-`` and 16 hex digits), so the same
# claim in two records merges.  This example gives readable ids instead, so that the
# JSON file can be read by eye.

MONUMENT_PLANNED = cm.Claim(
    id="monument-planned",
    text="A monument honouring North Korean soldiers is to be built in Russia's Kursk region.",
    subject="monument to North Korean soldiers",
    predicate="is planned in",
    object="Kursk region",
)
NK_FOUGHT = cm.Claim(
    id="nk-fought",
    text="North Korean soldiers fought on the Russian side in the Kursk region "
    "during the war with Ukraine.",
    subject="North Korean soldiers",
    predicate="fought alongside Russian forces in",
    object="Kursk region",
    # The two belligerents the claim is about: whoever speaks for either is interested.
    parties=("russian-government", "dprk-government"),
)
PROJECT_PROCEEDING = cm.Claim(id="project-proceeding", text="The monument project is going ahead.")
CONCEPT_STAGE = cm.Claim(
    id="concept-stage",
    text="The monument is at the concept stage, with artists and engineers completing its design.",
)
SITE_OPEN = cm.Claim(id="site-open", text="Where the monument will stand has not been decided yet.")
LOOK_SETTLED = cm.Claim(
    id="look-settled", text="How the monument will look has already been clearly worked out."
)
SKETCHES_ONLY = cm.Claim(
    id="sketches-only",
    text="The monument's design exists only as preliminary sketches, with many details still open.",
)
SYMBOLIC_AND_HISTORIC = cm.Claim(
    id="symbolic-and-historic",
    text="The monument is meant to carry symbolic weight and historical significance.",
)
JOINT_PROJECT = cm.Claim(
    id="joint-project",
    text="Russia and North Korea are working together on the monument.",
    subject="Russia and North Korea",
    predicate="collaborate on",
    object="the monument",
)
HONOURS_KPA = cm.Claim(
    id="honours-kpa",
    text="The monument is to honour the part the Korean People's Army played in the war.",
)
PARTICIPATION_STRATEGIC = cm.Claim(
    id="participation-strategic",
    text="North Korea's part in defending the Kursk region mattered strategically "
    "to the Russia–North Korea alliance in the war in Ukraine.",
)
MINISTERS_MET = cm.Claim(
    id="ministers-met",
    text="Sergey Lavrov met North Korea's foreign minister Cho Son-hui in Wonsan in July.",
)
TIES_GROWING = cm.Claim(
    id="ties-growing",
    text="Military and diplomatic ties between Russia and North Korea have grown in recent months.",
)
CONTROVERSY = cm.Claim(
    id="controversy", text="The planned monument has drawn both interest and controversy."
)
CONSTRUCTION_SOON = cm.Claim(id="construction-soon", text="Building the monument will start soon.")
SYMBOL_OF_ALLIANCE = cm.Claim(
    id="symbol-of-alliance",
    text="The finished monument will stand as a strong symbol of the Russia–North Korea alliance.",
)
SCRUTINY = cm.Claim(
    id="scrutiny",
    text="Other countries and observers are examining the details of how Russia "
    "and North Korea cooperate.",
)
FOCAL_POINT = cm.Claim(
    id="focal-point",
    text="The project has become a focus of debate on historical memory, propaganda "
    "and shifting global alliances.",
)


def claims() -> tuple[cm.Claim, ...]:
    """Every claim, in the order the article raises them."""
    return (
        MONUMENT_PLANNED,
        NK_FOUGHT,
        PROJECT_PROCEEDING,
        CONTROVERSY,
        CONCEPT_STAGE,
        SITE_OPEN,
        LOOK_SETTLED,
        SKETCHES_ONLY,
        SYMBOLIC_AND_HISTORIC,
        MINISTERS_MET,
        JOINT_PROJECT,
        HONOURS_KPA,
        TIES_GROWING,
        PARTICIPATION_STRATEGIC,
        SYMBOL_OF_ALLIANCE,
        SCRUTINY,
        CONSTRUCTION_SOON,
        FOCAL_POINT,
    )


# -- 3. Assertions -------------------------------------------------------------------
#
# Attribution chains run in transmission order: the speaker is ``source``, and
# ``chain`` lists each intermediary with the channel by which it received the
# statement, nearest the reader last.  The article's own voice is attributed to the
# article, with no chain.

OWN_VOICE = cm.Attribution(source="article")

# Chebanenko told RIA Novosti (an interview); the article took it from RIA.
VIA_RIA = (
    cm.Link(source="ria-novosti", channel=cm.Channel.INTERVIEW),
    cm.Link(source="article", channel=cm.Channel.PUBLICATION),
)

# "in July", read against the assumed publication date: the month 2025-07.
IN_JULY = cm.PartialDate.parse("July", reference=PUBLISHED)

# Lavrov spoke at a press conference after meeting Cho Son-hui in Wonsan.
AT_PRESS_CONFERENCE = cm.Link(source="article", channel=cm.Channel.PRESS_CONFERENCE, date=IN_JULY)
IN_WONSAN = cm.FrozenMap(
    {"x_occasion": "press conference after meeting Cho Son-hui (cho-son-hui) in Wonsan"}
)

# The article does not say how the other statements reached it.
REPORTED = cm.Link(source="article", channel=cm.Channel.UNSPECIFIED)

# "previously" bounds a date only from above (before the article); it stays undated.
PREVIOUSLY = cm.FrozenMap(
    {"x_date": "'previously': some time before the article; no closer date given"}
)


def chebanenko(cue: str | None) -> cm.Attribution:
    """The sculptor's words, relayed by RIA Novosti to the article."""
    return cm.Attribution(source="chebanenko", cue=cue, chain=VIA_RIA)


def quote(text: str) -> tuple[cm.Evidence, ...]:
    """A few words of the article that show the assertion."""
    return (cm.Evidence(quote=text),)


def hedge(cue: str, category: cm.HedgeCategory, scope: str) -> cm.Hedge:
    """A hedge voiced by the article."""
    return cm.Hedge(cue=cue, category=category, scope=scope, voiced_by="article")


# The claim that North Korean soldiers fought in Kursk is the hard case: several
# Russian state voices assert or presuppose it, the article reports it at a
# distance, and nobody independent vouches for it.  One judgement, one basis.
NK_FOUGHT_CONFIDENCE = icd203(
    "likely",
    "Asserted or presupposed only by Russian state voices (officials as a group, the "
    "foreign minister, the defence head): many assertions, one interested origin.  The "
    "article hedges it, calls it debated and reports no independent verification.  "
    "Against fabrication: Moscow is building the monument with Pyongyang's stated "
    "participation.  Judged on this article alone.",
)

ALLEGEDLY = hedge(
    "allegedly",
    cm.HedgeCategory.REPORTATIVE,
    "North Korean soldiers fought alongside Russian forces",
)
SUBJECT_OF_DEBATE = hedge(
    "remains a subject of debate",
    cm.HedgeCategory.DISPUTED,
    "the precise nature of North Korea's involvement in the Kursk region",
)
QUESTIONS_LINGER = hedge(
    "questions linger",
    cm.HedgeCategory.DISPUTED,
    "the accuracy of the claims about North Korea's involvement in the region",
)
NO_VERIFICATION = hedge(
    "independent verification remains elusive",
    cm.HedgeCategory.EVIDENTIAL_GAP,
    "the contribution of North Korean troops",
)


def assertions() -> tuple[cm.Assertion, ...]:
    """Every assertion, in the order the article makes or reports them."""
    return (
        # The article's own framing of the project and of the fighting.
        cm.Assertion(
            id="article-monument-planned",
            claim=MONUMENT_PLANNED.id,
            attribution=OWN_VOICE,
            confidence=icd203(
                "very likely",
                "Stated in the article's own voice and borne out by the sculptor's and "
                "the foreign minister's accounts of the project.",
            ),
            evidence=quote("plans are being finalized"),
        ),
        cm.Assertion(
            id="article-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=OWN_VOICE,
            stance=cm.Stance.REPORTS,
            confidence=NK_FOUGHT_CONFIDENCE,
            hedges=(ALLEGEDLY, SUBJECT_OF_DEBATE, QUESTIONS_LINGER),
            evidence=quote("allegedly fought"),
        ),
        cm.Assertion(
            id="article-controversy",
            claim=CONTROVERSY.id,
            attribution=OWN_VOICE,
            confidence=icd203(
                "likely",
                "The article's own assessment; the debate it reports is consistent with it.",
            ),
            evidence=quote("intrigue and controversy"),
        ),
        # The sculptor, through RIA Novosti.
        cm.Assertion(
            id="chebanenko-proceeding",
            claim=PROJECT_PROCEEDING.id,
            attribution=chebanenko("confirmed"),
            confidence=icd203(
                "very likely",
                "The sculptor speaks of his own project; the foreign minister's July "
                "statement on the joint work supports it.",
            ),
            evidence=quote("moving forward"),
        ),
        cm.Assertion(
            id="chebanenko-concept-stage",
            claim=CONCEPT_STAGE.id,
            attribution=chebanenko("revealed"),
            confidence=icd203(
                "likely", "The sculptor's first-hand account of his own work; no other source."
            ),
            evidence=quote("conceptual phase"),
        ),
        cm.Assertion(
            id="chebanenko-site-open",
            claim=SITE_OPEN.id,
            attribution=chebanenko(None),
            confidence=icd203(
                "likely",
                "Reported as part of the sculptor's account, without a cue of its own; "
                "no other source.",
            ),
            evidence=quote("remains under consideration"),
        ),
        cm.Assertion(
            id="chebanenko-look-settled",
            claim=LOOK_SETTLED.id,
            attribution=chebanenko("emphasized"),
            confidence=icd203(
                "roughly even chance",
                "The sculptor stresses it, but the article at once qualifies it: the "
                "design exists only as preliminary sketches.",
            ),
            evidence=quote("clear vision"),
        ),
        cm.Assertion(
            id="article-sketches-only",
            claim=SKETCHES_ONLY.id,
            attribution=OWN_VOICE,
            confidence=icd203(
                "likely",
                "The article's own qualification of the sculptor's account; consistent "
                "with the concept stage he describes.",
            ),
            evidence=quote("preliminary sketches"),
        ),
        cm.Assertion(
            id="article-symbolic",
            claim=SYMBOLIC_AND_HISTORIC.id,
            attribution=cm.Attribution(source="article", cue="suggest"),
            confidence=icd203(
                "likely",
                "The article's inference from the sculptor's remarks; typical of a memorial.",
            ),
            hedges=(
                hedge(
                    "suggest",
                    cm.HedgeCategory.EPISTEMIC,
                    "the monument being meant as symbolic and historically significant",
                ),
            ),
            evidence=quote("comments suggest"),
        ),
        # Lavrov, at a press conference in July.
        cm.Assertion(
            id="article-ministers-met",
            claim=MINISTERS_MET.id,
            attribution=OWN_VOICE,
            confidence=icd203(
                "very likely", "A public diplomatic meeting, stated plainly by the article."
            ),
            evidence=quote("meeting with North Korean Foreign Minister"),
        ),
        cm.Assertion(
            id="lavrov-joint-project",
            claim=JOINT_PROJECT.id,
            attribution=cm.Attribution(
                source="lavrov", cue="confirmed", chain=(AT_PRESS_CONFERENCE,)
            ),
            date=IN_JULY,
            confidence=icd203(
                "likely",
                "The Russian foreign minister on the record, after meeting his North "
                "Korean counterpart; no North Korean statement is reported.",
            ),
            evidence=quote("collaborating on the monument"),
            extensions=IN_WONSAN,
        ),
        cm.Assertion(
            id="lavrov-honours-kpa",
            claim=HONOURS_KPA.id,
            attribution=cm.Attribution(source="lavrov", chain=(AT_PRESS_CONFERENCE,)),
            date=IN_JULY,
            confidence=icd203(
                "likely",
                "Part of the foreign minister's statement on the monument, as the article "
                "reports it.",
            ),
            evidence=quote("honor the Korean People’s Army"),
            extensions=IN_WONSAN,
        ),
        cm.Assertion(
            id="lavrov-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=cm.Attribution(source="lavrov", chain=(AT_PRESS_CONFERENCE,)),
            date=IN_JULY,
            confidence=NK_FOUGHT_CONFIDENCE,
            evidence=quote("the Korean People’s Army’s role in the conflict"),
            extensions=cm.FrozenMap(
                {
                    **IN_WONSAN,
                    "x_inference": "implied: honouring the Korean People's Army's role in the "
                    "conflict presupposes that it took part",
                }
            ),
        ),
        cm.Assertion(
            id="article-ties-growing",
            claim=TIES_GROWING.id,
            attribution=OWN_VOICE,
            confidence=icd203(
                "likely",
                "The article's own background statement; consistent with the ministers' "
                "meeting it reports.",
            ),
            evidence=quote("increased military and diplomatic ties"),
        ),
        # The head of the defence ministry, at some earlier time.
        cm.Assertion(
            id="belyushikov-strategic",
            claim=PARTICIPATION_STRATEGIC.id,
            attribution=cm.Attribution(source="belyushikov", cue="hinted", chain=(REPORTED,)),
            confidence=cannot_be_judged(
                "An evaluative claim, only hinted at in remarks the article calls vague; "
                "the article gives nothing to weigh it against."
            ),
            hedges=(
                hedge(
                    "vague",
                    cm.HedgeCategory.WEAK_COMMITMENT,
                    "his remarks on the implications of North Korea's participation",
                ),
                hedge(
                    "hinted",
                    cm.HedgeCategory.WEAK_COMMITMENT,
                    "the strategic importance of the alliance in the war in Ukraine",
                ),
            ),
            evidence=quote("hinted at the strategic importance"),
            extensions=PREVIOUSLY,
        ),
        cm.Assertion(
            id="belyushikov-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=cm.Attribution(source="belyushikov", cue="discussing", chain=(REPORTED,)),
            confidence=NK_FOUGHT_CONFIDENCE,
            evidence=quote("North Korea’s participation in the defense"),
            extensions=cm.FrozenMap(
                {
                    **PREVIOUSLY,
                    "x_inference": "implied: discussing North Korea's participation in the "
                    "defence of the Kursk region presupposes that it took part",
                }
            ),
        ),
        # Russian officials as a group.
        cm.Assertion(
            id="officials-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=cm.Attribution(
                source="russian-officials", cue="consistently highlighted", chain=(REPORTED,)
            ),
            confidence=NK_FOUGHT_CONFIDENCE,
            hedges=(NO_VERIFICATION,),
            evidence=quote("contribution of North Korean troops"),
        ),
        # The article's closing paragraph.
        cm.Assertion(
            id="article-symbol-of-alliance",
            claim=SYMBOL_OF_ALLIANCE.id,
            attribution=OWN_VOICE,
            confidence=icd203(
                "likely", "A forecast in the article's own voice, hedged as an expectation."
            ),
            hedges=(
                hedge(
                    "expected to",
                    cm.HedgeCategory.EPISTEMIC,
                    "the completed monument serving as a powerful symbol of the alliance",
                ),
            ),
            evidence=quote("expected to serve as a powerful symbol"),
        ),
        cm.Assertion(
            id="article-scrutiny",
            claim=SCRUTINY.id,
            attribution=OWN_VOICE,
            confidence=icd203(
                "likely", "The article's own characterisation; no named foreign voice."
            ),
            evidence=quote("continues to scrutinize"),
        ),
        cm.Assertion(
            id="community-questions-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=cm.Attribution(
                source="international-community", cue="continues to scrutinize", chain=(REPORTED,)
            ),
            stance=cm.Stance.QUESTIONS,
            confidence=NK_FOUGHT_CONFIDENCE,
            evidence=quote("scrutinize the details of their collaboration"),
            extensions=cm.FrozenMap(
                {
                    "x_inference": "the scrutiny the article reports extends to the claimed "
                    "military collaboration, the fighting included"
                }
            ),
        ),
        cm.Assertion(
            id="article-construction-soon",
            claim=CONSTRUCTION_SOON.id,
            attribution=OWN_VOICE,
            confidence=icd203(
                "roughly even chance",
                "Stated plainly, but at odds with a project still at the sketch stage "
                "and without a chosen site.",
            ),
            evidence=quote("set to begin in the near future"),
        ),
        cm.Assertion(
            id="article-focal-point",
            claim=FOCAL_POINT.id,
            attribution=OWN_VOICE,
            confidence=icd203("likely", "The article's own characterisation of the debate."),
            evidence=quote("a focal point for discussions"),
        ),
    )


# -- 4. Relations --------------------------------------------------------------------


def relations() -> tuple[cm.Relation, ...]:
    """What the text implies about how assertions and claims bear on one another."""
    return (
        cm.Relation(
            id="lavrov-supports-proceeding",
            kind=cm.RelationKind.SUPPORTS,
            subject="lavrov-joint-project",
            object="chebanenko-proceeding",
            basis="Joint work on the monument, confirmed in July, supports the sculptor's "
            "word that the project is going ahead.",
        ),
        cm.Relation(
            id="proceeding-supports-planned",
            kind=cm.RelationKind.SUPPORTS,
            subject="chebanenko-proceeding",
            object="article-monument-planned",
            basis="The sculptor at work on the monument bears out the article's report "
            "of the plan.",
        ),
        cm.Relation(
            id="sketches-elaborate-look",
            kind=cm.RelationKind.ELABORATES,
            subject="article-sketches-only",
            object="chebanenko-look-settled",
            basis="The article qualifies the sculptor's clear vision: it is still only sketches.",
        ),
        cm.Relation(
            id="kpa-elaborates-joint-project",
            kind=cm.RelationKind.ELABORATES,
            subject="lavrov-honours-kpa",
            object="lavrov-joint-project",
            basis="Both parts of one statement: what the joint monument is to honour.",
        ),
        cm.Relation(
            id="kpa-supports-nk-fought",
            kind=cm.RelationKind.SUPPORTS,
            subject=HONOURS_KPA.id,
            object=NK_FOUGHT.id,
            basis="A monument to the Korean People's Army's role in the war presupposes "
            "that it took part.",
        ),
    )


# -- The bundle ----------------------------------------------------------------------


def build() -> cm.Bundle:
    """The whole record of the article."""
    return cm.Bundle(
        id="kursk-monument",
        title="Planned Kursk monument to North Korean soldiers revives debate over "
        "their disputed part in the war against Ukraine",
        published=PUBLISHED,
        published_certainty=cm.DateCertainty.ASSUMED,
        document="article",
        language="en",
        sources=sources(),
        claims=claims(),
        assertions=assertions(),
        relations=relations(),
        extensions=cm.FrozenMap(
            {
                "x_note": "The article is undated; its publication date is assumed to be "
                "2025-11-25 (day precision) and relative dates are resolved against it.  "
                "Each assertion's confidence is the desk's judgement, on this article alone, "
                "of how likely the asserted claim is true; assertions of the same claim "
                "carry the same judgement.  Affiliations marked x_basis come from "
                "background knowledge, not from the article."
            }
        ),
    )


def main() -> None:
    """Write the example file next to this script."""
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as file:
        cm.dump(build(), file)


if __name__ == "__main__":
    main()
