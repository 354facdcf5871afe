"""Build ``kursk-monument.json``: the worked example, written in Python.

This script is also a tutorial.  It encodes one news article — a report on a
planned monument in Russia's Kursk region to North Korean soldiers who
"allegedly" fought there — as a claimmodel bundle, in four steps:

1. the **sources**: everyone the article names, with their offices and
   affiliations, plus the analyst desk that judges confidence;
2. the **claims**: each proposition in our own words, independent of who says it;
3. the **assertions**: who puts each claim forward, through which chain, on which
   occasion, with which cue, stance, mode and hedges, and how likely the desk judges
   the claim;
4. the **relations** the text implies between assertions and claims.

The article's text (``kursk-article.txt``) goes into the record, and every cue,
hedge and quote points at its words by character offsets, so that validation can
check each one against the text.

Run it from the repository root to (re)write the example file::

    python examples/build_kursk.py

The file is written with :func:`claimmodel.dump`, so ``dump(load(file))``
reproduces it byte for byte.  ``build()`` returns the same bundle without writing
anything; the test suite checks that it equals the shipped file.
"""

from __future__ import annotations

from pathlib import Path

import claimmodel as cm

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "kursk-monument.json"
with (HERE / "kursk-article.txt").open(encoding="utf-8", newline="") as _file:
    ARTICLE = _file.read()
"""The article, exactly as published (its first line is the headline)."""
HEADLINE = ARTICLE.split("\n", 1)[0]

# The article carries no date.  It reports the foreign minister's press conference
# in Wonsan as past and dates it only "in July", without a year; that meeting took
# place in July 2025.  The record estimates the year, 2025, and says so: a day would
# claim more than anything shows.  Every relative date ("in July", "previously")
# resolves against it.
PUBLISHED = cm.PartialDate(year=2025)

# -- Confidence ----------------------------------------------------------------------
#
# Every assertion carries the desk's judgement of how likely the asserted claim is
# true, as a level of the ICD 203 likelihood scale together with the probability
# band the level stands for.  Keeping the level beside the numbers means a reader
# never has to reverse-engineer a label from a percentage.

ICD203 = "icd203"
DESK = "desk"


def icd203(level: str, basis: str) -> cm.Confidence:
    """The desk's judgement: ``level`` on the ICD 203 scale, with its band and basis.

    The band is the one the built-in ``icd203`` scale gives the level.
    """
    return cm.Confidence.parse(level, scale=ICD203, assessor=DESK, basis=basis)


def cannot_be_judged(basis: str) -> cm.Confidence:
    """The desk's explicit statement that it cannot judge the claim."""
    return cm.Confidence.cannot_be_judged(scale=ICD203, assessor=DESK, basis=basis)


# -- Where the words are -------------------------------------------------------------
#
# Spans are character offsets into the article's text.  ``span`` finds the words,
# after an anchor when they occur more than once ("confirmed" is said twice).


def span(words: str, *, after: str | None = None) -> cm.Span:
    """Where ``words`` first occur in the article, after ``after`` when it is given."""
    start = ARTICLE.index(words, ARTICLE.index(after) if after is not None else 0)
    return cm.Span(start=start, end=start + len(words))


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
                "The analysed article; it names no author or outlet and carries no date.  "
                "Its year, 2025, is estimated from the foreign minister's press conference "
                "in Wonsan, which it dates 'in July' without a year."
            ),
            published=PUBLISHED,
            published_certainty=cm.DateCertainty.ESTIMATED,
            language="en",
            text=ARTICLE,
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
            description="Russian news agency the sculptor spoke to.",
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
            aliases=("Choe Son-hui",),
            description=(
                "North Korea's foreign minister; Lavrov met her in Wonsan.  'Choe Son-hui' "
                "is the usual romanisation of her name."
            ),
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
#
# ``parties`` name the sources a claim is about or that gain from it: the two states
# for the fighting and their alliance, and for the monument itself, which the
# foreign minister calls a joint project of Moscow and Pyongyang.  Whoever speaks for
# a party is an interested origin, and an outlet a party controls is no neutral relay.

BELLIGERENTS = ("russian-government", "dprk-government")

MONUMENT_PLANNED = cm.Claim(
    id="monument-planned",
    text="Plans are being finalized for a statue in Russia's Kursk region honouring North "
    "Korean soldiers.",
    subject="statue honouring North Korean soldiers",
    predicate="is being planned in",
    object="Kursk region",
    parties=BELLIGERENTS,
)
NK_FOUGHT = cm.Claim(
    id="nk-fought",
    text="North Korean soldiers fought on the Russian side in the Kursk region "
    "during the war with Ukraine.",
    subject="North Korean soldiers",
    predicate="fought alongside Russian forces in",
    object="Kursk region",
    parties=BELLIGERENTS,
)
NK_INVOLVEMENT = cm.Claim(
    id="nk-involvement",
    text="North Korea has been involved in the Kursk region.",
    subject="North Korea",
    predicate="has been involved in",
    object="Kursk region",
    parties=BELLIGERENTS,
)
COLLABORATION = cm.Claim(
    id="collaboration",
    text="North Korea and Russia have been collaborating.",
    subject="North Korea and Russia",
    predicate="collaborate",
    parties=BELLIGERENTS,
)
PROJECT_PROCEEDING = cm.Claim(
    id="project-proceeding",
    text="The monument project is moving forward.",
    parties=BELLIGERENTS,
)
CONCEPT_STAGE = cm.Claim(
    id="concept-stage",
    text="The monument is in the conceptual phase, with a team of artists and engineers "
    "working to finalize its design.",
)
SITE_OPEN = cm.Claim(
    id="site-open", text="The exact location of the monument is still under consideration."
)
LOOK_SETTLED = cm.Claim(
    id="look-settled", text="A clear vision of how the monument will look has been established."
)
SKETCHES_ONLY = cm.Claim(
    id="sketches-only",
    text="The vision of the monument exists only as preliminary sketches, with many details "
    "still to be worked out.",
)
SYMBOLIC_AND_HISTORIC = cm.Claim(
    id="symbolic-and-historic",
    text="The monument is meant to be both symbolic and historically significant.",
)
JOINT_PROJECT = cm.Claim(
    id="joint-project",
    text="Russia and North Korea are collaborating on the monument.",
    subject="Russia and North Korea",
    predicate="collaborate on",
    object="the monument",
    parties=BELLIGERENTS,
)
HONOURS_KPA = cm.Claim(
    id="honours-kpa",
    text="The monument would honour the Korean People's Army's role in the conflict.",
)
ALLIANCE_STRATEGIC = cm.Claim(
    id="alliance-strategic",
    text="The alliance between Russia and North Korea is of strategic importance in the "
    "war in Ukraine.",
    subject="the alliance between Russia and North Korea",
    predicate="is of strategic importance in",
    object="the war in Ukraine",
    parties=BELLIGERENTS,
)
MINISTERS_MET = cm.Claim(
    id="ministers-met",
    text="Sergey Lavrov met North Korea's foreign minister Cho Son-hui in Wonsan in July.",
    # The claim is about the two ministers.
    parties=("lavrov", "cho-son-hui"),
)
TIES_GROWING = cm.Claim(
    id="ties-growing",
    text="Military and diplomatic ties between Russia and North Korea have increased in "
    "recent months.",
    parties=BELLIGERENTS,
)
CONTROVERSY = cm.Claim(
    id="controversy", text="The planned monument has sparked both intrigue and controversy."
)
CONSTRUCTION_SOON = cm.Claim(
    id="construction-soon", text="Construction of the monument is set to begin in the near future."
)
SYMBOL_OF_ALLIANCE = cm.Claim(
    id="symbol-of-alliance",
    text="The completed monument will serve as a powerful symbol of the alliance between "
    "Russia and North Korea.",
)
SCRUTINY = cm.Claim(
    id="scrutiny",
    text="The international community continues to scrutinize the details of the "
    "collaboration between Russia and North Korea.",
)
FOCAL_POINT = cm.Claim(
    id="focal-point",
    text="The project has become a focal point for discussions about historical memory, "
    "propaganda and the evolving nature of global alliances.",
)


def claims() -> tuple[cm.Claim, ...]:
    """Every claim, in the order the article raises them."""
    return (
        MONUMENT_PLANNED,
        NK_FOUGHT,
        NK_INVOLVEMENT,
        CONTROVERSY,
        COLLABORATION,
        PROJECT_PROCEEDING,
        CONCEPT_STAGE,
        SITE_OPEN,
        LOOK_SETTLED,
        SKETCHES_ONLY,
        SYMBOLIC_AND_HISTORIC,
        MINISTERS_MET,
        JOINT_PROJECT,
        HONOURS_KPA,
        TIES_GROWING,
        ALLIANCE_STRATEGIC,
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
# article, with no chain.  Where and at what event a statement was made is its
# ``occasion``, not a property of a link.


def own_voice(cue: str | None = None, *, after: str | None = None) -> cm.Attribution:
    """The article's own voice, with the words that introduce it, if any."""
    if cue is None:
        return cm.Attribution(source="article")
    return cm.Attribution(source="article", cue=cue, cue_span=span(cue, after=after))


# The sculptor spoke to RIA Novosti; the article took his words from RIA.
VIA_RIA = (
    cm.Link(source="ria-novosti", channel=cm.Channel.INTERVIEW),
    cm.Link(source="article", channel=cm.Channel.PUBLICATION),
)

# The article does not say how the officials' statements reached it: the channel of
# its link stays unspecified, and validation says so (CM106).
REPORTED = (cm.Link(source="article", channel=cm.Channel.UNSPECIFIED),)

# "in July", read against the estimated year of publication: the month 2025-07.
IN_JULY = cm.PartialDate.parse("July", reference=PUBLISHED)

# "The announcement follows a statement by ... Lavrov in July": the sculptor spoke in
# July at the earliest.
AFTER_LAVROV = IN_JULY

# "previously": some time before the article, no closer date given.
_, BEFORE_THE_ARTICLE = cm.parse_date_bounds("previously", reference=PUBLISHED)

# Lavrov spoke at a press conference after meeting Cho Son-hui in Wonsan.
IN_WONSAN = cm.Occasion(
    channel=cm.Channel.PRESS_CONFERENCE,
    event="press conference following his meeting with North Korean Foreign Minister Cho Son-hui",
    place="Wonsan",
)


def chebanenko(cue: str | None, *, after: str | None = None) -> cm.Attribution:
    """The sculptor's words, relayed by RIA Novosti to the article."""
    if cue is None:
        return cm.Attribution(source="chebanenko", chain=VIA_RIA)
    return cm.Attribution(
        source="chebanenko", cue=cue, cue_span=span(cue, after=after), chain=VIA_RIA
    )


def reported(source: str, cue: str, *, after: str | None = None) -> cm.Attribution:
    """A statement the article reports without saying how it came by it."""
    return cm.Attribution(source=source, cue=cue, cue_span=span(cue, after=after), chain=REPORTED)


def quote(
    text: str, *, after: str | None = None, speech: cm.Quotation | None = None
) -> tuple[cm.Evidence, ...]:
    """The words of the article that show the assertion, where they are, and, for
    reported speech, how the article reports it."""
    return (cm.Evidence(quote=text, span=span(text, after=after), quotation=speech),)


def indirect(text: str, *, after: str | None = None) -> tuple[cm.Evidence, ...]:
    """A source's words as the article reports them, in its own words."""
    return quote(text, after=after, speech=cm.Quotation.INDIRECT)


def hedge(
    cue: str, category: cm.HedgeCategory, scope: str, *, after: str | None = None
) -> cm.Hedge:
    """A hedge the article voices, scoped to what it hedges."""
    return cm.Hedge(
        cue=cue, category=category, scope=scope, span=span(cue, after=after), voiced_by="article"
    )


# The claim that North Korean soldiers fought in Kursk is the hard case: several
# Russian state voices state or presuppose it, the article reports it at a distance,
# and nobody independent vouches for it.  One judgement, one basis.
NK_FOUGHT_CONFIDENCE = icd203(
    "likely",
    "Only Russian state voices stand behind it: Russian officials as a group state it; "
    "the foreign minister, the defence ministry and its head take it for granted.  Many "
    "assertions, one interested origin.  The article calls the soldiers' role alleged and "
    "debated and reports no independent verification.  That every one of these voices, "
    "and a monument in the making, treats the fighting as given weighs against "
    "fabrication.  Judged on this article alone.",
)
NK_INVOLVEMENT_CONFIDENCE = icd203(
    "likely",
    "The article takes the involvement for granted while calling its precise nature "
    "debated and the claims about it questioned; the Russian state voices it reports "
    "speak of North Korea's participation.  Judged on this article alone.",
)
MONUMENT_CONFIDENCE = icd203(
    "likely",
    "The sculptor's first-hand account of his own project, reaching the article only "
    "through RIA Novosti.  The foreign minister's word that Moscow and Pyongyang are "
    "collaborating on the monument agrees, but it is no independent support: the record "
    "ties the sculptor's studio to the defence ministry, and both to the Russian state.",
)
CONTROVERSY_CONFIDENCE = icd203(
    "likely",
    "The article's own characterisation, in its headline and its body; the debate it "
    "reports is consistent with it.",
)
ALLEGEDLY = hedge(
    "allegedly",
    cm.HedgeCategory.REPORTATIVE,
    "North Korean soldiers fought alongside Russian forces during the conflict with Ukraine",
)
ALLEGED_ROLE = hedge(
    "Alleged",
    cm.HedgeCategory.REPORTATIVE,
    "North Korean soldiers' role in the Ukraine conflict",
)
DEBATE_OVER_ROLE = hedge(
    "Sparks Debate",
    cm.HedgeCategory.DISPUTED,
    "North Korean soldiers' alleged role in the Ukraine conflict",
)
SUBJECT_OF_DEBATE = hedge(
    "remains a subject of debate",
    cm.HedgeCategory.DISPUTED,
    "the precise nature of North Korea's involvement in the Kursk region",
)
QUESTIONS_LINGER = hedge(
    "questions linger",
    cm.HedgeCategory.DISPUTED,
    "the accuracy of the claims surrounding North Korea's involvement in the region",
)
NO_VERIFICATION = hedge(
    "independent verification remains elusive",
    cm.HedgeCategory.EVIDENTIAL_GAP,
    "the contribution of North Korean troops",
)


def headline() -> tuple[cm.Assertion, ...]:
    """The headline: a controversial monument, a debate over an alleged role."""
    return (
        cm.Assertion(
            id="headline-controversy",
            claim=CONTROVERSY.id,
            attribution=own_voice(),
            confidence=CONTROVERSY_CONFIDENCE,
            evidence=quote("Controversial Monument"),
        ),
        cm.Assertion(
            id="headline-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=own_voice(),
            stance=cm.Stance.REPORTS,
            confidence=NK_FOUGHT_CONFIDENCE,
            hedges=(ALLEGED_ROLE, DEBATE_OVER_ROLE),
            evidence=quote("Alleged Role in Ukraine Conflict"),
        ),
    )


def sculptor() -> tuple[cm.Assertion, ...]:
    """The opening statement and the sculptor's account, through RIA Novosti."""
    return (
        cm.Assertion(
            id="chebanenko-monument-planned",
            claim=MONUMENT_PLANNED.id,
            attribution=chebanenko("comes from"),
            earliest=AFTER_LAVROV,
            confidence=MONUMENT_CONFIDENCE,
            evidence=indirect("plans are being finalized to erect a statue"),
        ),
        cm.Assertion(
            id="article-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=own_voice(),
            stance=cm.Stance.REPORTS,
            confidence=NK_FOUGHT_CONFIDENCE,
            hedges=(ALLEGEDLY,),
            evidence=quote("North Korean soldiers who allegedly fought alongside Russian forces"),
        ),
        cm.Assertion(
            id="chebanenko-proceeding",
            claim=PROJECT_PROCEEDING.id,
            attribution=chebanenko("confirmed"),
            earliest=AFTER_LAVROV,
            confidence=MONUMENT_CONFIDENCE,
            evidence=indirect("the initiative is moving forward"),
        ),
        cm.Assertion(
            id="article-controversy",
            claim=CONTROVERSY.id,
            attribution=own_voice(),
            confidence=CONTROVERSY_CONFIDENCE,
            evidence=quote("has sparked both intrigue and controversy"),
        ),
        cm.Assertion(
            id="article-collaboration",
            claim=COLLABORATION.id,
            attribution=own_voice(),
            stance=cm.Stance.REPORTS,
            confidence=icd203(
                "likely",
                "Reported as alleged.  The foreign minister's word that Moscow and "
                "Pyongyang are collaborating on the monument, and the growing military and "
                "diplomatic ties the article reports, bear it out, from one of the two "
                "parties only.",
            ),
            hedges=(
                hedge(
                    "alleged",
                    cm.HedgeCategory.REPORTATIVE,
                    "the collaboration between North Korea and Russia",
                    after="testament",
                ),
            ),
            evidence=quote("the alleged collaboration between North Korea and Russia"),
        ),
        cm.Assertion(
            id="chebanenko-concept-stage",
            claim=CONCEPT_STAGE.id,
            attribution=chebanenko("revealed"),
            earliest=AFTER_LAVROV,
            confidence=icd203(
                "likely", "The sculptor's first-hand account of his own work; no other source."
            ),
            evidence=indirect("the project is currently in the conceptual phase"),
        ),
        cm.Assertion(
            id="chebanenko-site-open",
            claim=SITE_OPEN.id,
            # Conceded beside what he emphasized, without a cue of its own.
            attribution=chebanenko(None),
            earliest=AFTER_LAVROV,
            confidence=icd203(
                "likely",
                "Part of the sculptor's account, without a cue of its own; no other source.",
            ),
            evidence=indirect("the exact location for the monument remains under consideration"),
        ),
        cm.Assertion(
            id="chebanenko-look-settled",
            claim=LOOK_SETTLED.id,
            attribution=chebanenko("emphasized"),
            earliest=AFTER_LAVROV,
            confidence=icd203(
                "roughly even chance",
                "The sculptor stresses it, but the article at once qualifies it: the "
                "vision exists only as preliminary sketches.",
            ),
            evidence=indirect("a clear vision for its appearance has already been established"),
        ),
        cm.Assertion(
            id="article-sketches-only",
            claim=SKETCHES_ONLY.id,
            attribution=own_voice(),
            confidence=icd203(
                "likely",
                "The article's own qualification of the sculptor's account; consistent "
                "with the conceptual phase he describes.",
            ),
            evidence=quote("this vision is still in the form of preliminary sketches"),
        ),
        cm.Assertion(
            id="article-symbolic",
            claim=SYMBOLIC_AND_HISTORIC.id,
            attribution=own_voice("suggest"),
            confidence=icd203(
                "likely",
                "The article's reading of the sculptor's comments; typical of a memorial.",
            ),
            hedges=(
                hedge(
                    "suggest",
                    cm.HedgeCategory.EPISTEMIC,
                    "the monument being intended as symbolic and historically significant",
                ),
            ),
            evidence=quote("intended to be both symbolic and historically significant"),
        ),
        cm.Assertion(
            id="article-nk-involvement",
            claim=NK_INVOLVEMENT.id,
            attribution=own_voice(),
            mode=cm.AssertionMode.PRESUPPOSED,
            confidence=NK_INVOLVEMENT_CONFIDENCE,
            hedges=(SUBJECT_OF_DEBATE,),
            evidence=quote("the precise nature of North Korea’s involvement in the Kursk region"),
        ),
    )


def foreign_minister() -> tuple[cm.Assertion, ...]:
    """Lavrov at his press conference in Wonsan, in July."""
    return (
        cm.Assertion(
            id="article-ministers-met",
            claim=MINISTERS_MET.id,
            attribution=own_voice(),
            mode=cm.AssertionMode.PRESUPPOSED,
            confidence=icd203(
                "very likely",
                "A public diplomatic meeting, taken for granted by the article as the "
                "occasion of the press conference.",
            ),
            evidence=quote("his meeting with North Korean Foreign Minister Cho Son-hui in Wonsan"),
        ),
        cm.Assertion(
            id="lavrov-joint-project",
            claim=JOINT_PROJECT.id,
            attribution=reported("lavrov", "confirmed", after="Lavrov confirmed"),
            date=IN_JULY,
            occasion=IN_WONSAN,
            confidence=icd203(
                "likely",
                "The Russian foreign minister on the record, after meeting his North "
                "Korean counterpart; no North Korean statement is reported.",
            ),
            evidence=indirect("Moscow and Pyongyang are collaborating on the monument"),
        ),
        cm.Assertion(
            id="lavrov-honours-kpa",
            claim=HONOURS_KPA.id,
            attribution=reported("lavrov", "confirmed", after="Lavrov confirmed"),
            date=IN_JULY,
            occasion=IN_WONSAN,
            confidence=icd203(
                "likely",
                "Part of the foreign minister's statement on the monument, as the article "
                "reports it.",
            ),
            evidence=indirect("honor the Korean People’s Army’s role in the conflict"),
        ),
        cm.Assertion(
            id="lavrov-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=reported("lavrov", "confirmed", after="Lavrov confirmed"),
            date=IN_JULY,
            occasion=IN_WONSAN,
            mode=cm.AssertionMode.PRESUPPOSED,
            confidence=NK_FOUGHT_CONFIDENCE,
            evidence=indirect("the Korean People’s Army’s role in the conflict"),
        ),
        cm.Assertion(
            id="article-ties-growing",
            claim=TIES_GROWING.id,
            attribution=own_voice(),
            confidence=icd203(
                "likely",
                "The article's own background statement; consistent with the ministers' "
                "meeting it reports.",
            ),
            evidence=quote("increased military and diplomatic ties in recent months"),
        ),
    )


def defence_ministry() -> tuple[cm.Assertion, ...]:
    """The defence ministry and its head, at some time before the article."""
    return (
        cm.Assertion(
            id="mod-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=reported("russia-mod", "weighed in"),
            latest=BEFORE_THE_ARTICLE,
            mode=cm.AssertionMode.PRESUPPOSED,
            confidence=NK_FOUGHT_CONFIDENCE,
            evidence=quote("Russia’s Ministry of Defense has also weighed in"),
        ),
        cm.Assertion(
            id="belyushikov-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=reported("belyushikov", "discussing"),
            latest=BEFORE_THE_ARTICLE,
            mode=cm.AssertionMode.PRESUPPOSED,
            confidence=NK_FOUGHT_CONFIDENCE,
            evidence=indirect("North Korea’s participation in the defense of the Kursk region"),
        ),
        cm.Assertion(
            id="belyushikov-strategic",
            claim=ALLIANCE_STRATEGIC.id,
            attribution=reported("belyushikov", "hinted"),
            latest=BEFORE_THE_ARTICLE,
            confidence=cannot_be_judged(
                "An evaluative claim, only hinted at in remarks the article calls vague; "
                "the article gives nothing to weigh it against."
            ),
            hedges=(
                hedge(
                    "vague",
                    cm.HedgeCategory.WEAK_COMMITMENT,
                    "his remarks on the broader implications of North Korea's participation",
                ),
                hedge(
                    "hinted",
                    cm.HedgeCategory.WEAK_COMMITMENT,
                    "the strategic importance of the alliance between the two nations in the "
                    "war in Ukraine",
                ),
            ),
            evidence=indirect(
                "the strategic importance of the alliance between the two nations in the "
                "context of the war in Ukraine"
            ),
        ),
    )


def closing() -> tuple[cm.Assertion, ...]:
    """Questions about the claims, the officials' line, and the article's last words."""
    return (
        cm.Assertion(
            id="article-questions-nk-involvement",
            claim=NK_INVOLVEMENT.id,
            attribution=own_voice(),
            stance=cm.Stance.QUESTIONS,
            confidence=NK_INVOLVEMENT_CONFIDENCE,
            hedges=(QUESTIONS_LINGER,),
            evidence=quote(
                "questions linger about the accuracy of the claims surrounding North Korea’s "
                "involvement in the region"
            ),
        ),
        cm.Assertion(
            id="officials-nk-fought",
            claim=NK_FOUGHT.id,
            attribution=reported("russian-officials", "consistently highlighted"),
            confidence=NK_FOUGHT_CONFIDENCE,
            hedges=(NO_VERIFICATION,),
            evidence=indirect("the contribution of North Korean troops"),
        ),
        cm.Assertion(
            id="article-symbol-of-alliance",
            claim=SYMBOL_OF_ALLIANCE.id,
            attribution=own_voice(),
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
            evidence=quote("expected to serve as a powerful symbol of the alliance"),
        ),
        cm.Assertion(
            id="article-scrutiny",
            claim=SCRUTINY.id,
            attribution=own_voice(),
            confidence=icd203(
                "likely", "The article's own characterisation; no named foreign voice."
            ),
            evidence=quote("continues to scrutinize the details of their collaboration"),
        ),
        cm.Assertion(
            id="article-construction-soon",
            claim=CONSTRUCTION_SOON.id,
            attribution=own_voice(),
            confidence=icd203(
                "roughly even chance",
                "Stated plainly, but at odds with a project still in the conceptual phase "
                "and without a chosen site.",
            ),
            evidence=quote("construction set to begin in the near future"),
        ),
        cm.Assertion(
            id="article-focal-point",
            claim=FOCAL_POINT.id,
            attribution=own_voice(),
            confidence=icd203("likely", "The article's own characterisation of the debate."),
            evidence=quote("a focal point for discussions"),
        ),
    )


def assertions() -> tuple[cm.Assertion, ...]:
    """Every assertion, in the order the article makes or reports them."""
    return (*headline(), *sculptor(), *foreign_minister(), *defence_ministry(), *closing())


# -- 4. Relations --------------------------------------------------------------------
#
# Relations record how the text bears on itself, tensions included: where the article
# says two things that pull against each other, the later ``disputes`` the earlier.


def relations() -> tuple[cm.Relation, ...]:
    """What the text implies about how assertions and claims bear on one another."""
    return (
        cm.Relation(
            id="proceeding-elaborates-planned",
            kind=cm.RelationKind.ELABORATES,
            subject="chebanenko-proceeding",
            object="chebanenko-monument-planned",
            basis="One account: the revelation that plans are being finalized comes from the "
            "sculptor, who confirmed that the initiative is moving forward.",
        ),
        cm.Relation(
            id="concept-stage-disputes-finalized",
            kind=cm.RelationKind.DISPUTES,
            subject="chebanenko-concept-stage",
            object="chebanenko-monument-planned",
            basis="A project 'currently in the conceptual phase' sits uneasily with plans "
            "'being finalized'.",
        ),
        cm.Relation(
            id="sketches-dispute-look",
            kind=cm.RelationKind.DISPUTES,
            subject="article-sketches-only",
            object="chebanenko-look-settled",
            basis="'However': the clear vision the sculptor emphasized is still only "
            "preliminary sketches, with many details to be worked out.",
        ),
        cm.Relation(
            id="lavrov-supports-proceeding",
            kind=cm.RelationKind.SUPPORTS,
            subject="lavrov-joint-project",
            object="chebanenko-proceeding",
            basis="Joint work on the monument, confirmed in July, bears out the sculptor's "
            "word that the project is moving forward; both speak for the Russian state, so "
            "it is no independent support.",
        ),
        cm.Relation(
            id="kpa-elaborates-joint-project",
            kind=cm.RelationKind.ELABORATES,
            subject="lavrov-honours-kpa",
            object="lavrov-joint-project",
            basis="Both parts of one statement: what the joint monument would honour.",
        ),
        cm.Relation(
            id="kpa-supports-nk-fought",
            kind=cm.RelationKind.SUPPORTS,
            subject=HONOURS_KPA.id,
            object=NK_FOUGHT.id,
            basis="A monument to the Korean People's Army's role in the conflict "
            "presupposes that it took part.",
        ),
        cm.Relation(
            id="fought-supports-involvement",
            kind=cm.RelationKind.SUPPORTS,
            subject=NK_FOUGHT.id,
            object=NK_INVOLVEMENT.id,
            basis="North Korean soldiers fighting in the Kursk region would be North Korea's "
            "involvement there.",
        ),
        cm.Relation(
            id="construction-soon-disputes-site",
            kind=cm.RelationKind.DISPUTES,
            subject="article-construction-soon",
            object="chebanenko-site-open",
            basis="Construction 'set to begin in the near future' sits uneasily with an exact "
            "location that 'remains under consideration'.",
        ),
    )


# -- The bundle ----------------------------------------------------------------------


def build() -> cm.Bundle:
    """The whole record of the article."""
    return cm.Bundle(
        id="kursk-monument",
        title=HEADLINE,
        published=PUBLISHED,
        published_certainty=cm.DateCertainty.ESTIMATED,
        document="article",
        language="en",
        sources=sources(),
        claims=claims(),
        assertions=assertions(),
        relations=relations(),
        extensions=cm.FrozenMap(
            {
                "x_note": "The article is undated; its year of publication, 2025, is "
                "estimated from the foreign minister's press conference in Wonsan, which it "
                "dates 'in July' without a year, and relative dates are resolved against it.  "
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
