"""Topic matching beyond the exact keyword (stems, related terms, anaphora), free-text queries, discovery."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.gazetteer import country_names, demonyms, gazetteer
from summarizer.keys import normalize, slug, straight
from summarizer.lexicon import RELATED_TERMS, STOPWORDS
from summarizer.model import Topic
from summarizer.text import stem
from summarizer.words import word_set, word_table

# this, these, those, such, the move ..., that account ...: by their first words, so that a place is tried once
# (only whether it matches anywhere is read)
_ANAPHORA = re.compile(r"\b(?:th(?:is|ese|ose|e (?:move|idea|plan|proposal|issue|demand|step|prospect|offer|decision|"
                       r"measures?|charges?|claims?|accusations?|allegations?|findings|request|framework)|"
                       r"at (?:account|claim|view|argument|approach|offer|proposal|plan|idea|decision|move|demand|"
                       r"request|charge|position))|such)\b", re.IGNORECASE)
_REFERRING_NOUNS = "|".join(sorted(word_set("referring_nouns")))
# 'the offer', 'that approach', "the EU's findings", 'the Egyptian framework': a thing named before
_REFERRING = re.compile(rf"\b(?:the|that)\s+(?:[A-Z][\w.]*(?:['’]s)?\s+)?(?P<noun>{_REFERRING_NOUNS})\b")
_RELATED = {stem(k): v for k, v in RELATED_TERMS.items()}
_BROAD = {stem(k): v for k, v in word_table("topic_thesaurus").items()}
_STEM_WORDS = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)
KEYWORD_WEIGHT = 1.0
NAME_WEIGHT = 0.6  # a word of the topic's key or title, when the topic has keywords of its own
RELATED_WEIGHT = 0.6
DISCOVERY_MIN_STATEMENTS = 2  # a discovered topic must be touched by at least this many statements
HITS_MEMO = 2048  # ' stem stem ' strings whose topic hits a TopicSet remembers
DISCOVERY_OVERLAP = 0.6  # Jaccard overlap of statements above which two discovered topics are one


@functools.lru_cache(maxsize=16384)  # a sentence is stemmed for its statements, their clauses and its neighbours
def stems_of(text: str) -> str:
    """' stem stem stem ' for phrase look-ups with plain substring tests."""
    words = _STEM_WORDS.findall(straight(text).lower())  # the words alone: no need to normalise spaces
    return " " + " ".join(map(stem, words)) + " "


def _phrase(text: str) -> str:
    return stems_of(text).strip()


class NameShadow:
    """A ' stem stem ' string with each party name of several words joined into one token ('european_commiss'):
    a topic word inside a party's name ('commission' of 'European Commission', 'support' of 'Rapid Support
    Forces', 'court' of 'Constitutional Court') says nothing of the topic. A topic keyword that is the whole name
    still matches: TopicMatcher holds each phrase joined too."""

    def __init__(self, names: Iterable[str]) -> None:
        phrases = sorted({p for p in map(_phrase, names) if " " in p}, key=len, reverse=True)
        self._regex = re.compile(rf"(?<= )(?:{'|'.join(map(re.escape, phrases))})(?= )") if phrases else None
        self._memo: dict[str, str] = {}

    def __call__(self, stems: str) -> str:
        if self._regex is None:
            return stems
        out = self._memo.get(stems)
        if out is None:
            if len(self._memo) >= HITS_MEMO:
                self._memo.clear()
            out = self._memo[stems] = self._regex.sub(lambda m: m.group(0).replace(" ", "_"), stems)
        return out


NO_SHADOW = NameShadow(())


@dataclass(frozen=True)
class TopicMatcher:
    """Weighted stem phrases of a topic: its keywords (1.0), words of its key and title (0.6), related terms (0.6)."""

    topic: Topic
    terms: tuple[tuple[str, float], ...]

    @classmethod
    @functools.lru_cache(maxsize=256)  # topics are frozen; every briefing and statement reuses their matchers
    def build(cls, topic: Topic) -> "TopicMatcher":
        weights: dict[str, float] = {}

        def add(text: str, weight: float) -> None:
            phrase = _phrase(text)
            if phrase and phrase not in _STOP_STEMS:
                weights[phrase] = max(weights.get(phrase, 0.0), weight)

        for keyword in topic.keywords:
            for text in (keyword, *_with_country(keyword)):  # 'Chinese control' is also 'China's control'
                add(text, KEYWORD_WEIGHT)
            for full in _full_names(keyword):  # 'WTO' is also 'the World Trade Organization'
                add(full, KEYWORD_WEIGHT)
        own_words = [w for w in re.split(r"[\s_\-/]+", f"{topic.key} {topic.title}".lower()) if w and w not in STOPWORDS]
        broad = topic.guessed or not topic.keywords  # no user keywords: derived words and the wider thesaurus
        for word in own_words:
            for form in (word, *_with_country(word), *(derived_forms(word) if broad else ())):
                add(form, KEYWORD_WEIGHT if not topic.keywords else NAME_WEIGHT)
        for word in list(weights) + own_words:
            head = stem(word.split()[-1]) if word else ""
            for related in (*_RELATED.get(head, ()), *(_BROAD.get(head, ()) if broad else ())):
                add(related, RELATED_WEIGHT)
        for phrase, weight in list(weights.items()):  # 'European Commission' as a keyword is the party's name too
            if " " in phrase:
                weights.setdefault(phrase.replace(" ", "_"), weight)
        return cls(topic, tuple(sorted(weights.items())))

    @property
    def broad(self) -> bool:
        """No user gave this topic keywords (auto mode, a free-text query): it is guessed from its words."""
        return self.topic.guessed or not self.topic.keywords

    def score(self, stems: str) -> float:
        """Sum of the weights of the distinct terms found in a ' stem stem ' string."""
        return sum(weight for phrase, weight in self.terms if f" {phrase} " in stems)


class TopicSet:
    """The topics of one story scored side by side, to tell which one a sentence is most about: a term counts
    by the share of it each topic owns (a word several topics list says little), and a word inside a longer
    phrase of another topic found at the same place counts for that phrase only ('military aid')."""

    def __init__(self, topics: tuple[Topic, ...]) -> None:
        self.topics = topics
        plain = [TopicMatcher.build(t) for t in topics]
        claims: dict[str, float] = {}
        for matcher in plain:
            for phrase, weight in matcher.terms:
                claims[phrase] = claims.get(phrase, 0.0) + weight
        self._terms = tuple({phrase: weight * weight / claims[phrase] for phrase, weight in m.terms} for m in plain)
        # phrase -> (topic, place in that topic's terms), by the phrase's first stem: a string is only tested
        # for the phrases that start with one of its stems
        self._owners: dict[str, list[tuple[int, int]]] = {}
        self._memo: dict[str, list] = {}
        self._by_first: dict[str, list[str]] = {}
        self._no_hits: list[dict[str, float]] = [{} for _ in topics]  # shared by every string naming no term: read only
        for k, terms in enumerate(self._terms):
            for place, phrase in enumerate(terms):
                if phrase not in self._owners:
                    self._by_first.setdefault(phrase.split(" ")[0], []).append(phrase)
                self._owners.setdefault(phrase, []).append((k, place))
        self._starts = frozenset(self._by_first)  # first stems of every phrase

    def scores(self, stems: str) -> tuple[float, ...]:
        """Owned topic weight of a ' stem stem ' string, one figure per topic."""
        entry = self._entry(stems)
        if entry[1] is None:
            entry[1] = tuple([sum(hits.values()) if hits else 0 for hits in entry[0]])
        return entry[1]

    def phrases_ending(self, head: str, stems: str) -> list[str]:
        """Longer topic phrases ending in the stem `head` that a ' stem stem ' string holds ('trade measur')."""
        return sorted({p for terms in self._terms for p in terms
                       if " " in p and p.rsplit(" ", 1)[1] == head and f" {p} " in stems})

    def firsts(self, stems: str) -> tuple[int, ...]:
        """Where each topic's first counted term starts in a ' stem stem ' string (its length when none)."""
        entry = self._entry(stems)
        if entry[2] is None:
            entry[2] = _firsts(stems, entry[0], len(stems))
        return entry[2]

    def firsts_joined(self, main: str, rest: str) -> tuple[int, ...]:
        """firsts(main + rest) of two ' stem stem ' strings. A rest of no stems ('  ', most clauses) adds no
        term nor place, only length (the place of a topic not named): main's own terms serve, not found again."""
        if rest.strip():
            return self.firsts(main + rest)
        return _firsts(main, self._entry(main)[0], len(main) + len(rest))

    @classmethod
    @functools.lru_cache(maxsize=8)  # topics are frozen: every assigner of a story shares one set and its memo
    def shared(cls, topics: tuple[Topic, ...]) -> "TopicSet":
        return cls(topics)

    def _entry(self, stems: str) -> list:
        """[each topic's counted terms, scores, firsts] of a ' stem stem ' string, memoised: a statement's
        sentence, clauses and context are scored several times over, and the same strings recur."""
        entry = self._memo.get(stems)
        if entry is None:
            if len(self._memo) >= HITS_MEMO:
                self._memo.clear()
            entry = self._memo[stems] = [self._hits(stems), None, None]
        return entry

    def _hits(self, stems: str) -> list[dict[str, float]]:
        starts = self._starts.intersection(stems.split(" "))  # its stems that start a phrase
        matched = {p for first in starts for p in self._by_first[first] if f" {p} " in stems}
        if not matched:
            return self._no_hits
        places: list[list[tuple[int, str]]] = [[] for _ in self._terms]
        for phrase in matched:
            for k, place in self._owners[phrase]:
                places[k].append((place, phrase))
        phrases = [p for p in matched if " " in p]  # only a phrase of several words holds another
        return [{p: terms[p] for _, p in sorted(hits) if not (phrases and self._shadowed(p, terms, phrases, stems))}
                if hits else {} for hits, terms in zip(places, self._terms)]

    @staticmethod
    def _shadowed(phrase: str, own: dict[str, float], matched: list[str], stems: str) -> bool:
        """Every occurrence of `phrase` sits inside a longer matched phrase that is not one of its topic's."""
        count = stems.count(f" {phrase} ")
        return any(longer not in own and f" {phrase} " in f" {longer} " and stems.count(f" {longer} ") >= count
                   for longer in matched if len(longer) > len(phrase))


def _firsts(stems: str, hits: list[dict[str, float]], missing: int) -> tuple[int, ...]:
    """Where each topic's first counted term starts in `stems` (`missing` for a topic with none)."""
    return tuple(min([stems.find(f" {p} ") for p in terms]) if terms else missing for terms in hits)


# Derivation a stemmer does not undo: (ending, replacements) - suspension/suspend, emission/emit,
# disarmament/disarm, inspection/inspector, kidnapping/kidnappers, protest/protesters.
_DERIVATIONS = (("nsions", ("nd",)), ("nsion", ("nd",)), ("ssions", ("t",)), ("ssion", ("t",)),
                ("aments", ("",)), ("ament", ("",)), ("ments", ("",)), ("ment", ("",)),
                ("ions", ("or", "ors")), ("ion", ("or", "ors")), ("ings", ("ers",)), ("ing", ("ers",)))


def _with_country(text: str) -> tuple[str, ...]:
    """A topic phrase with its demonym put as the country ('Chinese influence' -> 'China influence'), which
    texts also write ("China's influence"; the possessive is stemmed away)."""
    words = text.split()
    return tuple(" ".join(country_names()[w.title()] if k == i else v for k, v in enumerate(words))
                 for i, w in enumerate(words) if w.title() in demonyms())


def derived_forms(word: str) -> tuple[str, ...]:
    """Words derived from a topic word by a regular English suffix rule, for a topic named by one word."""
    word = word.lower()
    if len(word) < 6 or not word.isalpha():
        return ()
    for ending, replacements in _DERIVATIONS:
        root = word[:-len(ending)]
        if word.endswith(ending) and len(root) >= 3:
            return tuple(root + r for r in replacements)
    if word.endswith(("er", "ers", "or", "ors")):
        return ()
    base = word[:-1] if word.endswith("s") else word
    return (base + ("rs" if base.endswith("e") else "ers"),)  # strikers, protesters


@functools.cache
def _full_names(keyword: str) -> tuple[str, ...]:
    """The full names of the body an abbreviation keyword stands for (none for other keywords)."""
    if not re.fullmatch(r"[A-Z]{2,6}", keyword):
        return ()
    return tuple(n for e in gazetteer() if keyword in e.all_names for n in (e.name, *e.names)
                 if len(n.split()) > 1)


def is_anaphoric(text: str) -> bool:
    """Does the text lean on an earlier sentence ('this move', 'such plans', 'dismissed the offer')?"""
    return bool(_ANAPHORA.search(text) or _REFERRING.search(text))


def find_topic(topics: tuple[Topic, ...], query: str) -> Topic:
    """A known topic whose key, title or keyword the query names; else an ad-hoc topic of the query's words."""
    wanted = slug(query)
    for topic in topics:
        names = {slug(topic.key), slug(topic.title)} | {slug(k) for k in topic.keywords[:1]}
        if wanted in names:
            return topic
    for topic in topics:
        if wanted and wanted in {slug(k) for k in topic.keywords}:
            return topic
    return Topic(key=wanted or "topic", keywords=(normalize(query),) + tuple(
        w for w in re.findall(r"[\w'-]+", query) if w.lower() not in STOPWORDS and len(w) > 2), title=query.strip(),
        guessed=True)


# Subjects news about contested stories keeps returning to; discovery looks for these first.
DISCOVERABLE = ("territory", "negotiation", "ceasefire", "security", "nato", "sanction", "tariff", "trade", "aid",
                "humanitarian", "hostage", "prisoner", "nuclear", "energy", "election", "refugee", "defense",
                "reconstruction", "minerals", "membership", "peace")


def _named(matcher: "TopicMatcher", stems: list[str]) -> bool:
    """Do the statements name the topic itself, or two of its own related terms? One term shared with other
    topics is no evidence: 'alliance' (Alliance of Small Island States) is no NATO, 'deal' no ceasefire."""
    found = {phrase for phrase, _ in matcher.terms for s in stems if f" {phrase} " in s}
    own = {phrase for phrase, weight in matcher.terms if weight >= KEYWORD_WEIGHT}
    if matcher.topic.key in _NAMED_ONLY:  # a body's name: an actors' union's 'alliance' and 'membership' are no NATO
        return bool(found & own)
    return bool(found & own) or len(found - _shared_terms()) >= 2


_NAMED_ONLY = frozenset({"nato"})  # discoverable topics that are a body's name, found only where it is named


@functools.cache
def _shared_terms() -> frozenset[str]:
    """Related terms of more than one discoverable topic ('deal', 'agreement')."""
    seen: dict[str, int] = {}
    for head in DISCOVERABLE:
        matcher = TopicMatcher.build(Topic(key=head))
        for phrase, weight in matcher.terms:
            if weight < KEYWORD_WEIGHT:
                seen[phrase] = seen.get(phrase, 0) + 1
    return frozenset(p for p, n in seen.items() if n > 1)


FRAME_SHARE = 0.25  # share of all statements a topic touched only through related terms must exceed to be kept


def discover_topics(claim_stems: list[str], limit: int = 6) -> tuple[Topic, ...]:
    """The subjects most statements touch, from a vocabulary of news topics; overlapping ones merged."""
    found: list[tuple[int, str, set[int]]] = []
    weak: list[tuple[int, str, set[int]]] = []  # touched only through one shared or related term
    for head in DISCOVERABLE:
        matcher = TopicMatcher.build(Topic(key=head))
        hits = {k for k, stems in enumerate(claim_stems) if matcher.score(stems) >= RELATED_WEIGHT}
        if len(hits) >= DISCOVERY_MIN_STATEMENTS:
            named = _named(matcher, [claim_stems[k] for k in hits])
            (found if named else weak).append((len(hits), head, hits))
    if not found:  # every topic only borrowed: the strongest one stands for the story
        found, limit = weak, 1
    else:  # a borrowed topic more statements touch than any named one, and many, is the story's frame ('the deal')
        most = max(max(len(hits) for _, _, hits in found), FRAME_SHARE * len(claim_stems))
        found += [w for w in weak if len(w[2]) > most]
    found.sort(key=lambda f: (-f[0], DISCOVERABLE.index(f[1])))
    chosen: list[tuple[str, set[int]]] = []
    for _, head, hits in found:
        if any(len(hits & other) / len(hits | other) >= DISCOVERY_OVERLAP for _, other in chosen):
            continue
        chosen.append((head, hits))
    names = {"negotiation": "negotiations", "sanction": "sanctions", "tariff": "tariffs", "hostage": "hostages",
             "prisoner": "prisoners", "refugee": "refugees"}
    return tuple(Topic(key=names.get(h, h), title=names.get(h, h)) for h, _ in chosen[:limit])
