"""One sentence as the attribution stages see it: tokens, lower-cased words, party mentions by token, and
the phrase shapes around a mention (apposition, object of a preposition) that decide whether it is a subject."""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from summarizer.attribution.discourse import Discourse
from summarizer.gazetteer import demonyms
from summarizer.lexicon import (
    COPULAS, DETERMINERS, MENTAL_VERBS, PREPOSITIONS, REPORTING_VERBS, ROLE_NOUNS, STANCE_NOUNS, STANCE_VERBS,
    TITLE_WORDS,
)
from summarizer.parties import PEOPLE_NOUNS, Mention, PartyLexicon
from summarizer.text import Sentence, tokens

APPOSITION_REACH = 24  # tokens back over ', especially French President Emmanuel Macron,' to the subject, or over
# ', leader of the Congo River Alliance (AFC) and ally of the March 23 Movement (M23),'
_APPOSITION_OPENERS = frozenset({"especially", "notably", "including", "particularly", "like"})
_ASIDE_OPENERS = frozenset({"who", "which"})  # ', who asked not to be named,' describes the subject
_REPORTERS = frozenset({"media", "press", "newspapers", "newspaper", "broadcaster", "broadcasters"})
_STATUS = frozenset("former ousted deposed exiled jailed detained late acting".split())  # 'of ousted President X'
_COMPASS = re.compile(r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?|central|"
                      r"eastern|western|northern|southern|rural|coastal")  # 'in northeastern Japan'
SERVICE_NOUNS = frozenset("advisor advisors adviser advisers aide aides assistant assistants spokesman spokeswoman "
                           "spokesperson counsellor counselor".split())
_HOLDER_PREPOSITIONS = frozenset({"of", "for", "from", "in"})  # 'a spokesman for the Kremlin'
# Nouns a 'that' clause states the content of ('the fact that', 'claims that'), unlike a thing a clause
# describes ('the region that Venezuela claims'): a plan or an offer may be either, and is read as the thing.
_CONTENT_NOUNS = (STANCE_NOUNS - {"plan", "proposal", "proposals", "offer", "vision", "priority", "priorities", "push",
                                  "support", "opposition"}) | frozenset(
    "fact idea notion news sign signs signal possibility prospect impression belief hope hopes fear fears evidence "
    "report reports allegation allegations suggestion risk chance grounds expectation expectations".split())
_VERBS = STANCE_VERBS | REPORTING_VERBS | MENTAL_VERBS | COPULAS
NOUN_PHRASE_REACH = 5  # 'the oil-rich Essequibo region that': words from a determiner to 'that'


_LIST_PREPOSITIONS = frozenset({"by", "between", "among", "with", "against", "including"})


@dataclass
class SentenceView:
    """A sentence's tokens and mentions, and the cues found in it so far."""

    sentence: Sentence
    lexicon: PartyLexicon
    state: Discourse
    toks: list[tuple[str, int, int]]
    lower: list[str]
    mentions: list[Mention]
    tok_mention: dict[int, Mention]
    cues: list = field(default_factory=list)

    @classmethod
    def of(cls, sentence: Sentence, lexicon: PartyLexicon, state: Discourse) -> "SentenceView":
        toks = tokens(sentence.text)
        mentions = lexicon.find(sentence.text)
        return cls(sentence, lexicon, state, toks, [t[0].lower() for t in toks], mentions, _token_mentions(toks, mentions))

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def index(self) -> int:
        return self.sentence.index

    def word(self, j: int) -> str:
        """The lower-cased token at j, or '' outside the sentence."""
        return self.lower[j] if 0 <= j < len(self.lower) else ""

    def mention_start(self, j: int) -> int:
        m = self.tok_mention[j]
        while j - 1 in self.tok_mention and self.tok_mention[j - 1] is m:
            j -= 1
        return j

    def object_of_preposition(self, j: int) -> bool:
        """Is the mention at token j the object of a preposition ('within the alliance')? 'A spokesman for
        the Kremlin', 'the head of the IAEA' and 'President Zelensky of Ukraine' still name the holder."""
        lower, m = self.lower, self.tok_mention[j]
        k = j
        while k >= 0 and (self.tok_mention.get(k) is m or lower[k] in TITLE_WORDS or lower[k] in DETERMINERS
                          or lower[k] in _STATUS or _COMPASS.fullmatch(lower[k])
                          or m.kind == "person" and (k in self.tok_mention and self.tok_mention[k].kind == "adjective"
                                                     or self.toks[k][0] in demonyms())):
            k -= 1  # ('with Iranian President Masoud Pezeshkian': the person is governed too)
        if k > 0 and lower[k] in ("and", "or") and (k - 1) in self.tok_mention and m.kind != "adjective":
            return self.object_of_preposition(k - 1)  # 'between India and Pakistan': both governed
        if k > 0 and lower[k] in (",", "and", "or") and m.kind != "adjective" and self._listed_after(k, j):
            return True  # 'chaired by France, Russia, and the US': every name of the list is governed
        if k < 0 or lower[k] not in PREPOSITIONS:
            return False
        if lower[k] == "to" and k > 0 and lower[k - 1] in SERVICE_NOUNS:
            return False  # 'a top advisor to Iran's Supreme Leader' serves it (not 'ambassador to the U.S.')
        if lower[k] in _HOLDER_PREPOSITIONS and k > 0 and (
                lower[k - 1] in PEOPLE_NOUNS or lower[k - 1] in ROLE_NOUNS or lower[k - 1] in TITLE_WORDS
                or (k - 1) in self.tok_mention):
            return lower[k] == "in" and self._named_before(k - 1)
        return True

    def _listed_after(self, k: int, j: int) -> bool:
        """Is the mention at j, after the ',' or 'and' at k, a later name of a list of names that a preposition
        governs ('by France, Russia, and the US')? A name after a comma is one only where the list goes on after it
        too, and a last name after 'and' only where two or more came before ('In Washington, Russia said' and
        'licensed by Guyana, and Caracas has warned' are no lists)."""
        m, end = self.tok_mention[j], j
        while self.tok_mention.get(end + 1) is m:
            end += 1
        if self.lower[k] == "," and self.word(end + 1) not in (",", "and", "or"):
            return False
        i = k
        while i >= 0 and (self.lower[i] in (",", "and", "or", "the") or self.toks[i][0][:1].isupper()):
            i -= 1
        if self.lower[k] != "," and "," not in self.lower[i + 1:k - 1]:
            return False  # 'licensed by Guyana, and Caracas has warned': a clause of its own, not a list's end
        return 0 <= i < k - 1 and self.lower[i] in _LIST_PREPOSITIONS

    def relative_subject(self, start: int) -> bool:
        """Is the subject starting at token `start` that of a relative clause whose object is the noun before it
        ('the region that Venezuela is now claiming', ', which Brussels had warned could escalate', 'what he
        called')? Its verb says nothing whole of the subject's own: the clause belongs to the sentence's."""
        k = start - 1
        w = self.word(k)
        if w in ("which", "whom", "what"):
            return self.word(k - 1) not in PREPOSITIONS  # 'the summit, at which Russia said ...' is whole
        head = self.word(k - 1)
        if w != "that" or not head.replace("-", "").isalpha() or head in _VERBS or head.endswith("ed") \
                or head in _CONTENT_NOUNS:
            return False
        for j in range(k - 2, max(-1, k - 2 - NOUN_PHRASE_REACH), -1):
            if self.lower[j] in DETERMINERS or (j in self.tok_mention and self.tok_mention[j].possessive):
                return True
            if self.lower[j] in _VERBS or not self.lower[j].replace("-", "").isalpha():
                return False
        return False

    def _named_before(self, head: int) -> bool:
        """'The U.S. embassy in Pristina', 'Russian diplomats in Kyiv': the phrase already names its party, so
        the place after 'in' is only where they are."""
        for k in range(head - 1, max(-1, head - 4), -1):
            if k in self.tok_mention and self.tok_mention[k].party:
                return True
            if self.lower[k] in DETERMINERS or self.lower[k] == ",":
                return False
        return False

    def people_after(self, j: int) -> bool:
        """'European allies', 'Russian officials' and 'Russian state media' hold views; 'Russian forces' and
        'Greenlandic media' (which report) do not."""
        k = j + 1
        while k in self.tok_mention and self.tok_mention[k] is self.tok_mention[j]:
            k += 1
        return k < len(self.lower) and self.lower[k] in PEOPLE_NOUNS and not self.reporters(k) \
            or self.tok_mention[j].surface.endswith("s")

    def reporters(self, k: int) -> bool:
        """'Greenlandic media reported', 'the local press said': they report, unlike 'state media'."""
        word = self.lower[k].removesuffix("'s").removesuffix("’s")
        return word in _REPORTERS and self.word(k - 1) not in ("state", "state-run", "official")

    def apposition_head(self, j: int) -> int:
        """'European allies, especially French President Macron': the head before the apposition, same party."""
        lower, m = self.lower, self.tok_mention[j]
        k = j
        while k >= 0 and (self.tok_mention.get(k) is m or lower[k] in TITLE_WORDS or
                          (k in self.tok_mention and self.tok_mention[k].party == m.party)):
            k -= 1
        if k >= 1 and lower[k] in _APPOSITION_OPENERS and lower[k - 1] == ",":
            head = k - 2
            if head in self.tok_mention and self.tok_mention[head].party == m.party:
                return self.mention_start(head)
        return j

    def name_block(self, j: int) -> bool:
        """', Xie Feng,' or ', the head of the IAEA,': the block before this comma only names someone."""
        k = j - 1
        while k >= 0 and self.lower[k] != ",":
            w = self.lower[k]
            if not (k in self.tok_mention or w in TITLE_WORDS or w in DETERMINERS or w == "of"):
                return False
            k -= 1
        return True

    def phrase_before_block(self, j: int) -> int:
        """Start of 'Its prime minister' in 'Its prime minister, Mohammad Mustafa, told'."""
        lower = self.lower
        k = j - 1
        while k >= 0 and lower[k] != ",":
            k -= 1
        start = k
        while start > 0 and lower[start - 1] not in (",", ";", '"', "“", "”"):
            start -= 1
        return max(start, 0) if k >= 0 else k + 1

    def _relative_before(self, k: int) -> int | None:
        """', who hosted the talks in the capital, Ennis, said': past the relative aside the name closes."""
        at = _relative_aside_start(self.lower, k)
        return at - 1 if at is not None else None

    def skip_apposition(self, j: int) -> int | None:
        """Jump back over ', especially French President Emmanuel Macron,' to the subject before it, and over an
        aside about the speaker (', speaking on condition of anonymity,', ', who asked not to be named,')."""
        verb = False
        for k in range(j - 1, max(-1, j - APPOSITION_REACH), -1):
            if self.lower[k] == ",":
                first = self.word(k + 1)
                if verb and not (first in _ASIDE_OPENERS or first.endswith("ing")):
                    return None
                named = all(self.toks[i][0][:1].isupper() for i in range(k + 1, j))
                return (self._relative_before(k) if named else None) or k - 1
            if self.lower[k] == ";":
                return None
            verb = verb or (self.lower[k] in STANCE_VERBS and k not in self.tok_mention)
        return None


def _relative_aside_start(lower: list[str], k: int) -> int | None:
    """The comma opening ', who hosted the talks in the capital' when the name at k+1 ends it (', Ennis,')."""
    for i in range(k - 1, max(-1, k - APPOSITION_REACH), -1):
        if lower[i] in (",", ";"):
            return i if lower[i] == "," and lower[i + 1] in ("who", "which", "whose") else None
    return None


def _token_mentions(toks: list[tuple[str, int, int]], mentions: list[Mention]) -> dict[int, Mention]:
    """The mention each token starts inside (the first one listed, should two hold it)."""
    at: dict[int, Mention] = {}
    for m in reversed(mentions):  # the first mention listed is written last
        for k in range(m.start, m.end):
            at[k] = m
    return {i: at[start] for i, (_, start, _) in enumerate(toks) if start in at} if at else {}
