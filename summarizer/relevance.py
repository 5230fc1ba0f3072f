"""How much a claim is about a topic, and which topics of a story it belongs under."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from summarizer.analysis import Claim
from summarizer.extraction import name_shadow
from summarizer.attribution.blocks import BLOCK
from summarizer.attribution.statement import SAYING, tail_context_cut
from summarizer.model import Topic
from summarizer.parties import PartyLexicon
from summarizer.lexicon import COPULAS, MODALS, PREPOSITIONS, REPORTING_VERBS, STANCE_VERBS
from summarizer.keys import straight
from summarizer.text import stem
from summarizer.topics import TopicMatcher, TopicSet, is_anaphoric, stems_of

Firsts = Callable[[], tuple[int, ...]]  # where each topic is first named, worked out only when a tie asks

MIN_RELEVANCE = 0.5  # below this a claim is not about the topic at all
CLAUSE_MIN = 0.6  # owned topic weight a stance clause needs to state a stance on that topic (one related term)
SUBORDINATE = 0.5  # share a term counts for in a condition, time or cause clause ('... if no deal is reached')
_OPENING_QUOTATION = re.compile(r'^\s*[“"]([^“”"]+)[”"]')
REACTION_WORDS = 12  # a sentence this short that names no topic reacts to the story's main event
HEADLINE_LEAD = 2.0  # a headline is about one topic when it weighs this many times the next one
# a clause with at most this many words on each side of its saying verb before the occasion it names ('...,
# President Ana Vidal said on live TV a day after talks on X') only says who spoke
FRAME_WORDS = 6
SUBJECT_WORDS = 6  # most words between a holder's name and its verb that still describe the holder
QUERIES_KEPT = 16  # free-text queries whose claim topics an assigner keeps
# if, in case, in the wake of, unless, until, after, as long as, ahead of, amid(st), before, because, since,
# following, when(ever), without, once, provided: by first letter (at most one can match at a place, so the match
# is the same). 'agreed to continue their ceasefire following days of negotiations' is about the ceasefire.
_SUBORDINATOR = re.compile(r"\b(?:i(?:f|n case|n the wake of)|u(?:nless|ntil)|a(?:fter|s long as|head of|midst|mid)|"
                           r"b(?:efore|ecause)|since|following|w(?:hen(?:ever)?|ithout)|once|provided)\b", re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"(?:\b[A-Z][\w.'’-]*\s+)+$")
_REFERRING = re.compile(r"\b(such|these|those|the same)\s+([a-z]+)\b", re.IGNORECASE)
_WITHOUT = re.compile(r"\swithout\s", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|cannot|no)\b|n['’]t\b", re.IGNORECASE)
# 'Brazil, which borders both countries, offered talks': the aside describes the holder, not the stance
_RELATIVE_ASIDE = re.compile(r"(?<=,)\s*(?:which|who)\s[^,;\"“”]*(?=,)", re.IGNORECASE)
# 'said the count was checked and that no irregularity changed the outcome': two things said, each its own clause
_COMPLEMENTS = re.compile(r",?\s+(?:and|but)\s+that\s+", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9][.!?])\s+(?=[A-Z“\"])")
_CONDITION = re.compile(r"\s(?:if|unless|provided|as long as)\s", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")  # the words stems_of reads
# Words that can only be a clause's verb: between two topic terms they set the terms apart
_VERBS = COPULAS | MODALS | frozenset({"has", "have", "had", "did", "does"}) | frozenset(
    w for w in STANCE_VERBS | REPORTING_VERBS if w.endswith("ed") or w in ("said", "told"))
_MODIFIER_PREPOSITIONS = PREPOSITIONS - {"to"}  # 'to' before a term is mostly an infinitive ('to respect')


@dataclass(frozen=True, slots=True)
class RelevanceWeights:
    """How the statement, the rest of its sentence and the sentences around it add to its topic relevance."""

    rest_of_sentence: float = 0.5  # share of the topic weight only the rest of the sentence adds
    context_cap: float = 2.0  # most the previous sentence or the paragraph may add
    neighbours: float = 0.3  # share of the paragraph's topic weight for a statement that leans on nothing


WEIGHTS = RelevanceWeights()


def relevance(claim: Claim, matcher: TopicMatcher, headline: bool = True) -> float:
    """Topic weight in the statement, half of what only the rest of its sentence adds, and the previous
    sentence when the statement leans on it ('such aspirations', 'this move', 'he', 'the two leaders'). With
    `headline` (a story's own topic, which the assigner then narrows to one), a short reaction that neither it nor
    the sentences around it tie to any topic is just relevant to the topics its story's headline names."""
    score = _combine(claim, matcher.score(claim.stems), matcher.score(claim.sentence_stems),
                     matcher.score(claim.context_stems), matcher.score(claim.neighbour_stems))
    if headline and not score and _reaction(claim) and matcher.score(claim.lead_stems):
        return MIN_RELEVANCE  # 'The council dismissed the offer': a reaction is about what its story is about
    return score


def _reaction(claim: Claim) -> bool:
    """A short sentence, or one leaning on what was said before: a reaction to the story's main event. A quotation
    the sentence opens with is measured without who said it ('"Everyone in the city is facing a daily struggle to
    survive," said Eric Lund, the agency's regional director for eastern Africa')."""
    text = claim.statement.sentence.text
    quoted = _OPENING_QUOTATION.match(text)
    said = quoted.group(1) if quoted else text
    return len(said.split()) <= REACTION_WORDS or is_anaphoric(claim.statement.stance_text)


def _combine(claim: Claim, own: float, sentence: float, context: float, neighbours: float) -> float:
    score = own + WEIGHTS.rest_of_sentence * max(0.0, sentence - own)
    around = WEIGHTS.neighbours * min(neighbours, WEIGHTS.context_cap)
    if claim.leans_back:  # leaning on the sentence before: its topic counts
        return score + max(min(context, WEIGHTS.context_cap), around)
    return score + around


class TopicAssigner:
    """Puts each claim under the topic it is most about, and under another topic only when one of its stance
    clauses is about that topic first (a passing mention of a rival topic's word is not a stance on it).
    The words naming the holder are left out: 'European allies voiced concerns' is not about Europe.
    A query's assigner (`for_query`) sets the reader's topic against the story's, and keeps a claim the query
    ties for."""

    def __init__(self, topics: tuple[Topic, ...], lexicon: PartyLexicon, query: bool = False) -> None:
        self.keys = tuple(t.key for t in topics)
        self.query = topics[-1] if query else None  # the reader's topic, last of `topics`
        self._name = stems_of(self.query.title or self.query.key.replace("-", " ")) if self.query else "  "
        self._topics = TopicSet(topics) if query else TopicSet.shared(topics)  # a story's topics: one set, memo kept
        self._lexicon = lexicon
        self._shadow = name_shadow(lexicon)
        # A headline places a reaction under the profile's topic it names. Not a query's (the briefing lends it
        # its own, 'lent'), nor a discovered topic's: most headlines name the story's frame, which every
        # discovered topic is a facet of.
        self._headlines = not query and any(t.keywords for t in topics)
        self._seen: dict[int, frozenset[str]] = {}  # claim order -> its topics (an overview asks per topic)
        self._sets: dict[frozenset[str], frozenset[str]] = {}
        self._stated: dict[int, frozenset[str]] = {}  # claim order -> the topics its own stance clauses state
        self._queries: dict[Topic, TopicAssigner] = {}

    def for_query(self, topic: Topic) -> "TopicAssigner":
        """The assigner for a topic outside the story (a free-text query, every topic in auto mode): the query
        competes with the story's topics, so a sentence more about one of those is not shown under it. Left out:
        a topic sharing a term with the query (the same subject named otherwise: 'talks', 'negotiations'), and
        the story's frame, the discovered topic most statements touch (an election in an election story), of
        which any query is a facet."""
        if topic.key in self.keys or self.query is not None:
            return self
        if topic not in self._queries:
            query = {p for p, _ in TopicMatcher.build(topic).terms}
            story = self._topics.topics
            if story and not any(t.keywords for t in story):  # discovered topics: the frame comes first
                story = story[1:]
            rivals = tuple(t for t in story if not query & {p for p, _ in TopicMatcher.build(t).terms})
            if len(self._queries) >= QUERIES_KEPT:  # a long-running bot is asked many free-text queries
                del self._queries[next(iter(self._queries))]
            self._queries[topic] = TopicAssigner(rivals + (topic,), self._lexicon, query=True)
        return self._queries[topic]

    def topics_of(self, claim: Claim) -> frozenset[str]:
        """Keys of the topics `claim` belongs under: those its stance clauses are about, else the one its
        sentence and context are most about (empty when it is about none of them)."""
        if claim.order not in self._seen:
            # topics found at ingest are the story's; a query's are worked out here
            known = frozenset(claim.topics) if claim.topics is not None and self.query is None else None
            found = known if known is not None else self._assign(claim) if self.keys else frozenset()
            self._seen[claim.order] = self._sets.setdefault(found, found)  # few distinct sets: one object each
        return self._seen[claim.order]

    def stated(self, claim: Claim) -> frozenset[str]:
        """Keys of the topics the claim's own stance clauses state a stance on: none when only the sentences
        around it name a topic (then a query's headline may lend it its own)."""
        if claim.order not in self._stated:
            stated = frozenset(self.keys[k] for k in self._clause_topics(self._clauses(claim)))
            self._stated[claim.order] = self._sets.setdefault(stated, stated)
        return self._stated[claim.order]

    def _clauses(self, claim: Claim) -> list[tuple[tuple[float, ...], tuple[float, ...], tuple[int, ...], bool]]:
        """Each stance clause's topic scores (see `_clause_scores`) and whether it names the query itself."""
        texts = [self._referent(text, claim.context_stems) for text in self._stance_clauses(claim)]
        return [(*self._clause_scores(text), self._names_query(text)) for text in texts]

    def _names_query(self, text: str) -> bool:
        """'... would pay for new schools' names the query 'schools' itself, not just a word related to it."""
        return bool(self._name.strip()) and self._name in stems_of(text)

    def _clause_topics(self, clauses: list) -> set[int]:
        """Topics a stance clause is about first; and the query wherever a clause names it: the reader asked
        about that very thing, and the clause states something about it."""
        found: set[int] = set()
        for main, rest, firsts, words, named in clauses:
            found |= self._top([m + SUBORDINATE * r for m, r in zip(main, rest)], firsts, CLAUSE_MIN, words)
            found |= {len(self.keys) - 1} if named else set()
        return found

    def _top(self, scores: list[float] | tuple[float, ...], firsts: Firsts, minimum: float,
             words: Iterable[tuple[int, str]] = ()) -> set[int]:
        """`_top` of a stance clause, and the query too when it ties for the highest score: the reader asked
        about it, and the clause states a stance on it as much as on its rival. (A claim whose topic comes only
        from the sentences around it gets no such favour: the story's topic named first takes it.)"""
        found = _top(scores, firsts, minimum, words)
        last = len(scores) - 1
        if found and self.query is not None and scores[last] >= max(scores) - 1e-9:
            found.add(last)
        return found

    def _assign(self, claim: Claim) -> frozenset[str]:
        clauses = self._clauses(claim)
        found = self._clause_topics(clauses)
        self._stated[claim.order] = frozenset(self.keys[k] for k in found)
        if not found:
            own = [0.0] * len(self.keys)
            for main, rest, *_ in clauses:
                own = [o + m + SUBORDINATE * r for o, m, r in zip(own, main, rest)]
            rows = zip(own, *(self._topics.scores(s) for s in (claim.sentence_stems, claim.context_stems,
                                                                claim.neighbour_stems)))
            combined = [_combine(claim, *row) for row in rows]
            found = _top(combined, partial(self._topics.firsts, claim.sentence_stems), 0.0)
            if self._headlines:
                found = self._around(combined, found, claim.lead_stems, _reaction(claim))
            for main, rest, firsts, words, _ in clauses:  # '... cannot pay more without closing plants'
                if not any(main):
                    found |= self._top(rest, firsts, CLAUSE_MIN, words)
        return frozenset(self.keys[k] for k in found)

    def _around(self, combined: list[float], found: set[int], lead: str, reaction: bool) -> set[int]:
        """The topic of a claim whose sentence names none: the one the sentences around it are about, else
        (when they name none either) the one its story's headline is about."""
        if not any(combined) and reaction:
            scores = sorted(self._topics.scores(lead), reverse=True) + [0.0]
            if scores[0] >= HEADLINE_LEAD * scores[1]:
                found = _top(list(self._topics.scores(lead)), partial(self._topics.firsts, lead), 0.0) or found
        return found

    def _referent(self, text: str, context: str) -> str:
        """'Such measures could include ...' after '... considering trade measures': the clause is about what
        it refers back to, so the earlier sentence's phrase stands in for the referring one."""
        def expand(match: re.Match) -> str:
            phrases = self._topics.phrases_ending(stem(match.group(2).lower()), context)
            return f"{match.group(1)} {phrases[0]}" if len(phrases) == 1 else match.group(0)
        return _REFERRING.sub(expand, text)

    def _clause_scores(self, text: str) -> tuple[tuple[float, ...], ...]:
        """Owned topic weight of a clause's main part and of its condition, time or cause part (which counts
        for less), and where each topic's first term sits (a topic named after a verb that follows another
        topic's term sits apart from it: see _top)."""
        cut = _SUBORDINATOR.search(text)
        main_text, rest_text = (text[:cut.start()], text[cut.start():]) if cut else (text, "")
        main, rest = self._shadow(stems_of(main_text)), self._shadow(stems_of(rest_text))
        words = ClauseWords(main_text, rest_text, len(main))
        firsts = partial(self._topics.firsts_joined, main, rest)
        return self._topics.scores(main), self._topics.scores(rest), firsts, words

    def _stance_clauses(self, claim: Claim) -> list[str]:
        """Each stance clause, the holder's own name blanked out."""
        st = claim.statement
        text = st.sentence.text
        if st.holder_at >= 0:
            found = self._lexicon.find(text)
            mention = next((m for m in found if m.start == st.holder_at), None)
            if mention is not None:
                start = _title_start(text, mention.start)
                end = _subject_end(text, mention.end, st.cue_at)
                text = text[:start] + " " * (end - start) + text[end:]
            elif st.cue_at:  # 'An anonymous senior Cambodian official involved in the talks revealed': what
                # describes the official after his party's name (the words before it are kept: 'judges at the
                # World Court ordered' is about the court)
                inner = next((m for m in found if st.holder_at < m.start < min(st.cue_at) and m.party == st.holder),
                             None)
                if inner is not None:
                    end = _subject_end(text, inner.end, st.cue_at)
                    text = text[:inner.end] + " " * (end - inner.end) + text[end:]
        if text.count(",") > 1:  # an aside lies between two commas
            text = _RELATIVE_ASIDE.sub(lambda m: " " * len(m.group(0)), text)
        # (a paragraph of a quoted statement states a stance in each of its sentences: each is a clause of its own)
        split = _SENTENCE_BREAK.split if st.via == BLOCK else lambda clause: [clause]
        return [_frame_cut(part) for a, b in st.stance_spans for said in split(text[a:b])
                for piece in _COMPLEMENTS.split(said) for part in self._demands(piece)]

    def _demands(self, clause: str) -> list[str]:
        """A condition put to a party states what the holder demands of it ('will cut gas supplies unless
        Kyiv pays its debts'): it is a clause of its own; other conditions stay context."""
        parts = _CONDITION.split(clause, maxsplit=1)
        if len(parts) == 2 and any(m.party for m in self._lexicon.find(parts[1])):
            return parts
        parts = _WITHOUT.split(clause, maxsplit=1)
        if len(parts) == 2 and _NEGATION.search(parts[0]) and any(self._topics.scores(self._shadow(stems_of(parts[0])))):
            return parts  # 'reconstruction could not begin without a lasting ceasefire' demands a ceasefire
        return [clause]

    def belongs(self, claim: Claim, topic: Topic) -> bool:
        """Whether `claim` may be shown under `topic`: it is most about it, or states a stance on it too."""
        return topic.key in self.for_query(topic).topics_of(claim)

    def lent(self, claim: Claim, topic: Topic) -> bool:
        """Whether a headline naming `topic` may lend it to `claim`: the claim belongs under it, or (for a query,
        which the story's topics may not name) its own stance clauses state no other topic. 'Sanctions will not
        help' under a headline on fishing quotas is about sanctions, not quotas."""
        assigner = self.for_query(topic)
        return topic.key in assigner.topics_of(claim) or (assigner.query is not None and not assigner.stated(claim))


def _frame_cut(clause: str) -> str:
    """A clause that only says who spoke, without the occasion it names ('Vucic said on live TV a day after
    another round of talks', 'said that during the meeting'): where one speaks is no stance on it."""
    cut = tail_context_cut(clause)
    verb = SAYING.search(cut)
    if cut == clause or not verb:
        return clause
    return cut if max(len(cut[:verb.start()].split()), len(cut[verb.end():].split())) <= FRAME_WORDS else clause


def _subject_end(text: str, end: int, cues: tuple[int, ...]) -> int:
    """Where the holder's subject phrase ends: at its verb when only a few words of no clause of their own lie
    between ('a Cambodian official involved in the talks revealed': who he is says nothing of the topic)."""
    verb = min((c for c in cues if c >= end), default=-1)
    between = text[end:verb]
    if verb < 0 or len(between.split()) > SUBJECT_WORDS or between.startswith(("'", "’")) \
            or re.search(r"[,;:“”\"()]|\b(?:who|which|that)\b", between):
        return end  # (not "Venezuela's election plan": the words of a possessed noun cue say what it is)
    return verb


def _title_start(text: str, start: int) -> int:
    """Where the capitalised title before a holder's name begins ('U.S. Defense Secretary Pete Hegseth'):
    a title names who speaks, not what the stance is about."""
    title = _TITLE_BEFORE.search(text[:start])
    return title.start() if title else start


def _top(scores: list[float] | tuple[float, ...], firsts: Firsts, minimum: float,
         words: Iterable[tuple[int, str]] = ()) -> set[int]:
    """Index of the highest score above zero and at least `minimum`; on a tie the topic named first, as the
    head of a phrase comes before what modifies it ('a ban on grain exports', 'limits on fishing in the bay'),
    and any tied topic a verb sets apart from it ('the count had lacked transparency': a stance on both)."""
    best = max(scores, default=0.0)
    if best <= 0 or best < minimum:
        return set()
    tied = [k for k, s in enumerate(scores) if s >= best - 1e-9]
    if len(tied) == 1:
        return set(tied)  # no tie: where each topic is named first is not read (most clauses)
    firsts = firsts()
    first = min(firsts[k] for k in tied)
    # still tied (no term in the text): ambiguous, keep all
    return {k for k in tied if firsts[k] == first or _apart(first, firsts[k], words)}


def _apart(first: int, place: int, words: Iterable[tuple[int, str]]) -> bool:
    """A verb stands between the two terms, and the later one is the verb's own argument, not inside a
    modifier ('lost track of knowledge about the centrifuges' is about what was lost)."""
    between = [w for at, w in words if first < at < place]
    return any(w in _VERBS for w in between) and not any(w in _MODIFIER_PREPOSITIONS for w in between[-2:])


class ClauseWords:
    """The words of a clause's main and subordinate parts with where each stem starts in their stems joined
    (clause_words), worked out when first read: only a tie between topics reads them (_apart)."""

    __slots__ = ("_parts", "_words")

    def __init__(self, main_text: str, rest_text: str, main_length: int) -> None:
        self._parts = (main_text, rest_text, main_length)
        self._words: tuple[tuple[int, str], ...] | None = None

    def __iter__(self) -> Iterator[tuple[int, str]]:
        if self._words is None:
            main_text, rest_text, main_length = self._parts
            self._words = tuple(clause_words(main_text) + [(main_length + at, w) for at, w in clause_words(rest_text)])
        return iter(self._words)


def clause_words(text: str) -> list[tuple[int, str]]:
    """Each word of a text with where its stem starts in stems_of(text)."""
    out, at = [], 1
    for word in _WORD.findall(straight(text).lower()):
        out.append((at, word))
        at += len(stem(word)) + 1
    return out
