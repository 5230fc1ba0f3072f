"""Word lists of news English: stance cues, pronouns, roles, stop words, related topic terms."""
from __future__ import annotations

import re


def _inflect(lemma: str) -> set[str]:
    """Regular inflections of a verb lemma (irregular forms are listed by hand)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and lemma not in _NO_DOUBLE:
        forms |= {lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


_NO_DOUBLE = {"offer", "suffer", "reiterat", "visit", "limit", "differ", "consider", "counter", "answer", "deliver",
              "question", "threaten", "envision", "caution", "condition", "happen", "open", "reckon", "lessen"}

# Verbs whose subject states a view: "X said / warned / rejected / wants / views ... as".
_STANCE_VERBS = """
say tell state add note remark comment announce declare claim assert argue insist maintain contend explain
write tweet post repeat reiterate stress emphasize emphasise underline underscore acknowledge admit concede
confirm deny suggest signal hint indicate predict caution warn vow pledge promise threaten urge demand ask
appeal press propose offer accuse blame criticize criticise condemn denounce slam praise welcome hail reject
dismiss oppose support back endorse favor favour refuse decline advocate voice express describe characterize
label brand question doubt reassure assure respond reply counter retort object protest complain lament regret
hope want wish seek aim intend plan expect believe think feel fear worry view regard consider deem envisage
envision prefer prioritize prioritise recognize recognise accept outline present unveil push lobby campaign
resist block veto approve commit agree disagree call cast insist reaffirm affirm stress question dispute
challenge defend justify applaud endorse decry deplore lambast blast castigate chide rebuff spurn scorn
caution refuse fault contest envisage anticipate estimate forecast concur counsel recommend advise
""".split()
_IRREGULAR = {"say": {"said"}, "tell": {"told"}, "write": {"wrote", "written"}, "think": {"thought"},
              "feel": {"felt"}, "see": {"sees", "saw", "seen", "seeing"}, "hold": {"holds", "held", "holding"},
              "stand": {"stands", "stood", "standing"}, "seek": {"sought"}, "cast": {"cast", "casts", "casting"},
              "put": {"put", "puts"}, "set": {"set", "sets"}, "lay": {"laid", "lays"}, "speak": {"spoke", "spoken",
              "speaks", "speaking"}, "give": {"gave"}, "make": {"made"}, "forecast": {"forecast"}}

STANCE_VERBS: frozenset[str] = frozenset(
    form for lemma in _STANCE_VERBS + ["see", "hold", "stand", "speak"] for form in _inflect(lemma) | _IRREGULAR.get(lemma, set())
)
# Verbs that only report speech; after a quote they take the speaker after or before them.
REPORTING_VERBS: frozenset[str] = frozenset(
    form for lemma in "say tell add note write tweet post explain insist warn declare state claim argue stress "
    "continue remark comment reply respond ask announce emphasize emphasise conclude concede admit acknowledge "
    "predict caution urge".split()
    for form in _inflect(lemma) | _IRREGULAR.get(lemma, set())
)
# Mental-state verbs: "X said Y wants ..." makes the wanting Y's stance, as reported by X.
MENTAL_VERBS: frozenset[str] = frozenset(
    form for lemma in "want wish seek intend plan aim hope refuse reject oppose believe fear prefer try".split()
    for form in _inflect(lemma) | _IRREGULAR.get(lemma, set())
)
# Nouns that carry a holder's view: "Hegseth's remarks", "comments from X", "Moscow's position".
STANCE_NOUNS: frozenset[str] = frozenset("""
remarks remark comments comment statement statements position positions stance view views proposal proposals
plan demands demand concerns concern doubts doubt skepticism scepticism insistence opposition support call
calls rejection refusal sentiments sentiment warning warnings message assessment argument arguments claims
claim criticism objection objections offer pledge pledges promise promises vision condition conditions
assurances assurance appeal appeals push priority priorities red lines warned insistence position
""".split())
# "X is opposed to", "X remains committed to", "X has been vocal about".
STANCE_ADJECTIVES: frozenset[str] = frozenset("""
opposed committed ready willing prepared determined reluctant unwilling open skeptical sceptical confident
optimistic pessimistic concerned worried adamant firm clear vocal keen eager resolute wary cautious hopeful
against supportive critical insistent unconvinced convinced satisfied dissatisfied unhappy happy
""".split())
COPULAS = frozenset("is are was were be been being remains remained remain has have had appears appeared seems seemed".split())
MODALS = frozenset("must should cannot can't won't will would shall need needs".split())
PASSIVE_BY = frozenset("voiced expressed raised made issued stated offered proposed rejected backed supported "
                       "criticized criticised condemned welcomed endorsed demanded floated put echoed".split())

# Participles that continue the subject of the main clause: "X said ..., emphasizing that ...".
PARTICIPLE_CUES = frozenset(f for f in STANCE_VERBS if f.endswith("ing"))

PERSON_PRONOUNS = {"he": "person", "she": "person", "his": "person", "her": "person", "him": "person"}
PLURAL_PRONOUNS = {"they", "their", "them"}
ORG_PRONOUNS = {"it", "its"}

# Role nouns that stand for a person named earlier: "the minister", "the prime minister added".
ROLE_NOUNS = frozenset("""
president minister premier chancellor secretary spokesman spokeswoman spokesperson official leader envoy
diplomat ambassador negotiator general commander adviser advisor ruler king prince sheikh emir senator
governor mayor chief head negotiator representative foreign-minister
""".split())
PLURAL_HOLDERS = re.compile(
    r"\b(?:the|both) (?:two )?(?:leaders|presidents|sides|countries|men|governments|delegations|parties|nations)\b",
    re.IGNORECASE,
)

# Words that open a clause of its own: a new holder may start after them.
CLAUSE_BREAKS = frozenset({";", "but", "while", "whereas", "although", "though", "however", "yet"})

TITLE_WORDS = frozenset("""
president vice prime minister foreign defense defence secretary state chancellor premier spokesman spokeswoman
spokesperson ambassador envoy special general gen. lt. col. adm. admiral commander chief head leader king queen
prince crown sheikh emir sultan senator sen. rep. representative governor mayor deputy national security
adviser advisor interior finance economy trade treasury energy justice top senior former acting chairman
chairwoman director secretary-general sec. ministry official negotiator diplomat
""".split())

STOPWORDS = frozenset("""
a an the and or but if then else of to in on at by for with from into onto over under about against between
through during before after above below up down out off again further once here there when where why how all
any both each few more most other some such no nor not only own same so than too very can will just don should
now is are was were be been being have has had having do does did doing would could might must shall may i me my
we our you your he him his she her it its they them their what which who whom this that these those am as until
while also said says say told mr mrs ms dr new one two three year years week weeks day days time per cent percent
according would could like including amid since around although though however yet still even well much many
""".split())

# Related terms a topic query reaches beyond its own words (news English, any story).
RELATED_TERMS: dict[str, tuple[str, ...]] = {
    "territory": ("territorial", "border", "borders", "land", "annexation", "annexed", "occupied", "occupation",
                  "region", "regions", "sovereignty", "integrity", "withdrawal", "cede", "ceding"),
    "border": ("borders", "territory", "territorial", "frontier", "boundary"),
    "negotiation": ("negotiations", "talks", "negotiate", "negotiating", "negotiators", "dialogue", "deal",
                    "agreement", "settlement", "diplomacy", "diplomatic", "ceasefire", "truce", "summit", "mediation",
                    "concessions", "table"),
    "talks": ("negotiations", "dialogue", "summit", "meeting", "negotiate"),
    "peace": ("ceasefire", "truce", "settlement", "peace deal", "peace talks", "end the war"),
    "ceasefire": ("truce", "cease-fire", "halt", "pause", "peace", "end the war", "armistice", "hostilities",
                  "deal", "agreement"),
    "truce": ("ceasefire", "cease-fire", "armistice", "end the war", "deal"),
    "governance": ("administration", "administer", "govern", "government", "in power", "control", "authority",
                   "rule", "run gaza", "take over", "day after"),
    "government": ("administration", "cabinet", "authority", "in power", "coalition"),
    "export": ("exports", "export controls", "chips", "semiconductors", "restrictions", "licences", "licenses"),
    "inspection": ("inspectors", "inspections", "inspect", "access", "monitoring", "verification", "safeguards"),
    "enrichment": ("enrich", "enriched", "uranium", "centrifuges", "stockpile", "nuclear"),
    "withdrawal": ("withdraw", "pull out", "pullback", "troops", "forces"),
    "security": ("guarantees", "guarantee", "protection", "defense", "defence", "deterrence", "deterrent",
                 "safeguards", "troops", "peacekeepers", "peacekeeping"),
    "guarantee": ("guarantees", "assurances", "security", "protection", "peacekeepers", "commitment", "deterrent"),
    "defense": ("defence", "military", "armed forces", "army", "spending", "rearm", "rearmament", "security",
                "weapons", "arms"),
    "defence": ("defense", "military", "armed forces", "army", "spending", "rearm", "rearmament", "security"),
    "military": ("troops", "army", "forces", "weapons", "arms", "defense", "defence"),
    "nato": ("alliance", "membership", "accession", "join", "article 5"),
    "membership": ("join", "accession", "member", "members", "bid"),
    "sanction": ("sanctions", "embargo", "restrictions", "penalties", "export controls", "blacklist"),
    "tariff": ("tariffs", "duties", "levies", "trade barriers", "import taxes", "trade war"),
    "trade": ("tariffs", "exports", "imports", "trade deal", "commerce", "market access"),
    "aid": ("assistance", "support", "funding", "weapons", "humanitarian"),
    "humanitarian": ("aid", "relief", "civilians", "food", "medicine", "shelter"),
    "hostage": ("hostages", "captives", "prisoners", "release", "exchange", "freed", "freeing"),
    "prisoner": ("prisoners", "exchange", "swap", "captives", "detainees"),
    "nuclear": ("enrichment", "uranium", "warheads", "atomic", "iaea", "reactor"),
    "energy": ("gas", "oil", "pipeline", "electricity", "power"),
    "election": ("elections", "vote", "ballot", "polls"),
    "refugee": ("refugees", "migrants", "displaced", "asylum"),
    "europe": ("european", "europeans", "eu"),
    "european": ("europe", "europeans", "eu"),
    "war": ("conflict", "fighting", "invasion", "hostilities", "aggression"),
    "reconstruction": ("rebuilding", "recovery", "investment"),
    "minerals": ("mineral", "resources", "rare earths", "mining"),
}

# The noun that ends a title: "Defense Secretary", "Prime Minister" (not "Security" in "Security Conference").
HEAD_TITLES = frozenset("""
president minister premier chancellor secretary spokesman spokeswoman spokesperson ambassador envoy general gen
admiral adm commander chief head leader king queen prince sheikh emir sultan senator sen rep representative
governor mayor adviser advisor chairman chairwoman director secretary-general negotiator diplomat official
""".split())
