"""Who holds which stance in each sentence: cues, their holders, and one segment per holder.

Rule-based on purpose (no trained model can be downloaded here): a stance cue (a verb such as 'rejected',
an adjective after a copula such as 'is opposed', a noun with a possessor such as "Hegseth's remarks") takes
as holder the party in subject position before it, a speaker after a quote, the agent of 'voiced by', or a
pronoun, role ('the minister') or plural ('the two leaders') resolved from earlier sentences.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.compress import clauses
from summarizer.lexicon import (
    CLAUSE_BREAKS, COPULAS, MENTAL_VERBS, MODALS, PASSIVE_BY, PLURAL_HOLDERS, REPORTING_VERBS, ROLE_NOUNS,
    STANCE_ADJECTIVES, STANCE_NOUNS, STANCE_VERBS, TITLE_WORDS,
)
from summarizer.parties import PEOPLE_NOUNS, Mention, PartyLexicon
from summarizer.text import Sentence, tokens

_DETERMINERS = frozenset("the a an this that these those his her its their our my your any some no such each every "
                         "another other whose".split())
_AUX = frozenset("has have had is are was were will would could should must did does do been be can may might "
                 "shall being also not never still again already now repeatedly consistently reportedly publicly "
                 "previously long firmly strongly openly privately recently once further later earlier then "
                 "just only even clearly explicitly again formally officially quickly swiftly flatly "
                 "categorically sharply angrily bluntly initially largely both all jointly separately".split())
_SKIPPABLE = frozenset("on in at during after before late early last this friday saturday sunday monday tuesday "
                       "wednesday thursday today yesterday week weekend month year morning evening night a an the "
                       "statement interview speech address conference briefing news press joint separate video "
                       "televised call phone meeting summit sidelines of x telegram post message letter "
                       "january february march april may june july august september october november december "
                       "when asked".split())
_BASE_VERB_LEFT = frozenset("to will would not also must should can could may might did do does they we i you "
                            "who which that and firmly strongly still never".split())
_STRONG_NOUNS = frozenset("position positions stance view views proposal proposals demands remarks comments "
                          "statement statements concerns opposition insistence conditions plan offer warning "
                          "criticism rejection refusal objections".split())


@dataclass(frozen=True, slots=True)
class Statement:
    """A party's stance: a segment of one sentence, its holder(s), and how the holder was found."""

    sentence: Sentence
    start: int
    end: int
    holder: str
    via: str  # subject | person | pronoun | role | plural | possessive | by | quote | inherit
    strength: float
    reported_by: str | None = None
    speaker: str | None = None
    split: bool = False  # the sentence holds other holders' stances too
    holder_at: int = -1  # where the holder is named in the sentence (-1: an earlier sentence)
    cue_at: tuple[int, ...] = ()  # where the stance cues are

    @property
    def segment(self) -> str:
        return self.sentence.text[self.start:self.end].strip()

    @property
    def stance_spans(self) -> list[tuple[int, int]]:
        """Clauses of the segment that name the holder or carry a cue, and a complement right after one."""
        spans = clauses(self.sentence.text[self.start:self.end], self.start)
        keep, previous = [], False
        for a, b in spans:
            piece = self.sentence.text[a:b].lstrip().lower()
            own = a <= self.holder_at < b or any(a <= c < b for c in self.cue_at)
            if own or (previous and piece.startswith(("that ", "to ", "including ", "which ", "and "))):
                keep.append((a, b))
            previous = own
        if keep and keep[-1] == spans[-1] and len(keep) == 1 and len(spans) > 1 and self.attribution_last:
            return spans  # 'Aid has slowed sharply, the United Nations said.': the content comes first
        return keep or spans

    @property
    def attribution_last(self) -> bool:
        """The holder and cues sit in a short last clause after the content ('..., the minister said')."""
        spans = clauses(self.sentence.text[self.start:self.end], self.start)
        if len(spans) < 2 or not self.cue_at:
            return False
        a, b = spans[-1]
        return all(a <= c < b for c in self.cue_at) and len(self.sentence.text[a:b].split()) <= 10 and (
            self.holder_at < 0 or a <= self.holder_at < b)

    @property
    def stance_text(self) -> str:
        return " ".join(self.sentence.text[a:b] for a, b in self.stance_spans)

    @property
    def quote(self) -> str:
        """The whole sentence, or this holder's part of it when the sentence was split."""
        return _strip_connectors(self.segment) if self.split else self.sentence.text


@dataclass
class _Cue:
    index: int  # token index of the cue word
    kind: str  # verb | adjective | noun | passive | modal | participle
    holders: tuple[str, ...] = ()
    holder_token: int = -1
    via: str = ""
    speaker: str | None = None
    reporting: bool = False


@dataclass
class Discourse:
    """What earlier sentences of the same document tell about pronouns and roles."""

    persons: list[tuple[str, str | None, int]] = field(default_factory=list)  # (person, party, sentence index)
    holders: list[tuple[str, str | None, str, int]] = field(default_factory=list)  # (party, person, kind, index)


_STRENGTH = {"verb": 1.0, "adjective": 0.9, "noun": 0.8, "passive": 0.85, "participle": 0.9, "modal": 0.4,
             "according": 0.9}


def extract(sentences: list[Sentence], lexicon: PartyLexicon) -> list[Statement]:
    """Statements of one document's sentences, in order (discourse state flows sentence to sentence)."""
    state = Discourse()
    out: list[Statement] = []
    for sentence in sentences:
        out.extend(_sentence_statements(sentence, lexicon, state))
    return out


def _sentence_statements(sentence: Sentence, lexicon: PartyLexicon, state: Discourse) -> list[Statement]:
    text = sentence.text
    toks = tokens(text)
    words = [t[0] for t in toks]
    lower = [w.lower() for w in words]
    mentions = lexicon.find(text)
    tok_mention = _token_mentions(toks, mentions)
    cues = _find_cues(words, lower, tok_mention, text, toks)
    for cue in cues:
        _resolve(cue, cues, words, lower, tok_mention, toks, text, lexicon, state, sentence.index)
    _drop_unowned_reports(cues, lower)
    assigned = [c for c in cues if c.holders]
    groups = _group(assigned, lower)
    if len(groups) > 1:  # "Russia's demands, Ukraine said, were unacceptable": the noun is Ukraine's topic
        groups = [g for g in groups if any(c.kind != "noun" for c in g["cues"])] or groups
    statements = _segments(groups, sentence, toks, lower)
    _remember(state, mentions, statements, sentence.index)
    return statements


def _drop_unowned_reports(cues: list[_Cue], lower: list[str]) -> None:
    """'Analysts said Beijing could respond ...': what follows a speaker of no party is their guess or
    report, not Beijing's stance, up to the next clause break."""
    for k, cue in enumerate(cues):
        if not cue.reporting or cue.holders:
            continue
        for later in cues[k + 1:]:
            if set(lower[cue.index:max(later.holder_token, later.index)]) & (CLAUSE_BREAKS | {";"}):
                break
            if later.via != "inherit":
                later.holders = ()


def _token_mentions(toks, mentions: list[Mention]) -> dict[int, Mention]:
    out: dict[int, Mention] = {}
    for i, (_, start, end) in enumerate(toks):
        for m in mentions:
            if m.start <= start < m.end:
                out[i] = m
                break
    return out


# ---- cues -----------------------------------------------------------------------------------------------

def _find_cues(words, lower, tok_mention, text, toks) -> list[_Cue]:
    cues: list[_Cue] = []
    for i, w in enumerate(lower):
        if i in tok_mention:
            continue
        prev = lower[i - 1] if i else ""
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        if w == "according" and nxt == "to":
            cues.append(_Cue(i, "according"))
        elif w in PASSIVE_BY and nxt == "by":
            cues.append(_Cue(i, "passive"))
        elif w in ("rule", "rules", "ruled", "ruling") and nxt == "out":
            cues.append(_Cue(i, "verb"))  # 'ruled out' (but 'NATO rules' is no stance)
        elif w in STANCE_VERBS and _verb_context(i, w, prev, nxt, lower, tok_mention):
            kind = "participle" if w.endswith("ing") and prev in (",", "while", "and", "by", "before", "after") else "verb"
            cues.append(_Cue(i, kind, reporting=w in REPORTING_VERBS))
        elif w in STANCE_ADJECTIVES and _after_copula(i, lower):
            cues.append(_Cue(i, "adjective"))
        elif w in STANCE_NOUNS and _noun_holder_nearby(i, lower, tok_mention):
            cues.append(_Cue(i, "noun"))
        elif w in MODALS and i > 0 and (i - 1) in tok_mention and tok_mention[i - 1].kind != "adjective" \
                and not any(c.reporting for c in cues):
            cues.append(_Cue(i, "modal"))  # 'Analysts said Beijing could ...' is the analysts' guess
    return cues


def _verb_context(i, w, prev, nxt, lower, tok_mention) -> bool:
    if prev in _DETERMINERS or (i > 0 and (i - 1) in tok_mention and tok_mention[i - 1].possessive):
        return False
    if w.endswith("ed") or w in ("said", "told", "thought", "felt", "saw", "sought", "held", "stood", "wrote",
                                  "spoke", "cast"):
        if nxt == "by" and w not in PASSIVE_BY:
            return False  # "bolstered by": a passive of no stance
        return True
    if w.endswith("ing"):
        return True
    if w.endswith("s") and not w.endswith("ss"):
        if w[:-1] in STANCE_NOUNS or w in STANCE_NOUNS:
            return (i > 0 and (i - 1) in tok_mention) or prev in _AUX or prev in ("who", "which", "that", "he", "she", "it")
        return True
    # A base form ("support", "want", "call") is a verb only after a subject, modal or 'to'.
    return prev in _BASE_VERB_LEFT or (i > 0 and (i - 1) in tok_mention and tok_mention[i - 1].kind != "adjective")


def _after_copula(i, lower) -> bool:
    j = i - 1
    while j >= 0 and (lower[j] in _AUX or lower[j].endswith("ly")) and lower[j] not in COPULAS:
        j -= 1
    return j >= 0 and (lower[j] in COPULAS or lower[j] in ("been", "remains", "remain", "stayed", "appeared"))


def _noun_holder_nearby(i, lower, tok_mention) -> bool:
    for j in (i - 1, i - 2, i - 3):  # "Hegseth's (recent) remarks"
        if j >= 0 and j in tok_mention:
            m = tok_mention[j]
            return m.possessive or (m.kind == "adjective" and lower[i] in _STRONG_NOUNS and j == i - 1)
        if j >= 0 and lower[j] in _DETERMINERS | {",", ";"}:
            break
    nxt = lower[i + 1] if i + 1 < len(lower) else ""
    return nxt in ("from", "by", "of") and (i + 2) in tok_mention or (
        nxt in ("from", "by", "of") and i + 3 < len(lower) and lower[i + 2] in ("the", "a") and (i + 3) in tok_mention)


# ---- holders ----------------------------------------------------------------------------------------------

def _resolve(cue, cues, words, lower, tok_mention, toks, text, lexicon, state, sent_index) -> None:
    i = cue.index
    if cue.kind in ("according", "passive"):
        _take_after(cue, i + 2, tok_mention, lower)
        return
    if cue.kind == "noun":
        for j in (i - 1, i - 2, i - 3):
            if j >= 0 and j in tok_mention:
                _take(cue, tok_mention[j], j, "possessive", tok_mention)
                return
        _take_after(cue, i + 2 if lower[i + 2] not in ("the", "a") else i + 3, tok_mention, lower)
        return
    if cue.kind == "participle" and i >= 2 and lower[i - 1] == "," and (i - 2) in tok_mention \
            and not _object_of_preposition(i - 2, lower, tok_mention):
        _take(cue, tok_mention[i - 2], _apposition_head(i - 2, lower, tok_mention), "subject", tok_mention)
        return  # "European allies, especially ... Macron, expressing concerns"
    j = i - 1
    while j >= 0:
        w = lower[j]
        if j in tok_mention:
            m = tok_mention[j]
            if m.kind == "adjective" and not _people_after(j, lower, tok_mention):
                break
            if _object_of_preposition(j, lower, tok_mention):
                j = _mention_start(j, tok_mention) - 1  # 'ambassador to the U.S.': not the subject
                continue
            _take(cue, m, j, "person" if m.kind == "person" else "subject", tok_mention)
            _add_coordinated(cue, j, lower, tok_mention)
            return
        earlier = next((c for c in cues if c.index == j and c.holders), None)
        if earlier is not None:  # "Hegseth's remarks have cast doubt": the noun's holder
            cue.holders, cue.holder_token, cue.via, cue.speaker = earlier.holders, j, "inherit", earlier.speaker
            return
        if w in ("he", "she", "it", "they"):
            same = [c for c in cues if c.index < j and c.holders]
            if same and ((w in ("he", "she")) == bool(same[-1].speaker) or w == "they"):
                last = same[-1]  # 'The Palestinian Authority said it was ready'
                cue.holders, cue.holder_token, cue.via, cue.speaker = last.holders, last.holder_token, "inherit", last.speaker
                return
            _take_pronoun(cue, w, j, tok_mention, state, sent_index)
            return
        if w in ROLE_NOUNS or w in TITLE_WORDS and w not in ("state", "national", "security", "top", "senior"):
            if _take_role(cue, j, lower, lexicon, state, sent_index):
                return
            if w in PEOPLE_NOUNS or w in ROLE_NOUNS:
                j -= 1
                continue
            break
        if w in ("leaders", "sides", "presidents", "countries", "men", "governments", "delegations", "nations") \
                and _take_plural(cue, j, lower, text, toks, state, sent_index, tok_mention):
            return
        if w in PEOPLE_NOUNS and j > 0:
            j -= 1
            continue
        if w in ("who", "which"):
            k = j - 1
            if k >= 0 and lower[k] == ",":
                k -= 1
            if k >= 0 and k in tok_mention:
                _take(cue, tok_mention[k], k, "subject", tok_mention)
                return
            break
        if w == "," and cue.kind != "participle":
            if (j - 1) in tok_mention and not _object_of_preposition(j - 1, lower, tok_mention) and \
                    tok_mention[j - 1].kind != "adjective" and _name_block(j, lower, tok_mention):
                _take(cue, tok_mention[j - 1], j - 1, "subject", tok_mention)  # ', Xie Feng, warned'
                cue.holder_token = _phrase_before_block(j, lower)
                return
            k = _skip_apposition(j, lower)
            if k is None:
                break
            j = k
            continue
        if w in _AUX or w in _SKIPPABLE or w.endswith("ly") or w.isdigit():
            j -= 1
            continue
        break
    if cue.kind in ("participle", "verb", "adjective"):
        earlier = [c for c in cues if c.index < i and c.holders and c.kind != "according"]
        if earlier and (cue.kind == "participle" or (j >= 0 and lower[j] in ("and", ","))):
            last = earlier[-1]
            cue.holders, cue.holder_token, cue.via, cue.speaker = last.holders, last.holder_token, "inherit", last.speaker
            return
    if cue.reporting and i > 0 and lower[i - 1] in (",", '"', "”"):  # '"...," said Zelensky'
        k = i + 1
        if k < len(lower) and lower[k] in ("the",):
            k += 1
        if k in tok_mention:
            _take(cue, tok_mention[k], k, "quote", tok_mention)
        elif k < len(lower) and lower[k] in ROLE_NOUNS | TITLE_WORDS:
            _take_role(cue, k, lower, lexicon, state, sent_index)


_PREPOSITIONS = frozenset("within on in of to for against with from over about into at by between among toward "
                          "towards under across through without behind beyond".split())


def _apposition_head(j, lower, tok_mention) -> int:
    """'European allies, especially French President Macron': the head before the apposition, same party."""
    m = tok_mention[j]
    k = j
    while k >= 0 and (tok_mention.get(k) is m or lower[k] in TITLE_WORDS or
                      (k in tok_mention and tok_mention[k].party == m.party)):
        k -= 1
    if k >= 1 and lower[k] in ("especially", "notably", "including", "particularly", "like") and lower[k - 1] == ",":
        head = k - 2
        if head in tok_mention and tok_mention[head].party == m.party:
            while head - 1 in tok_mention and tok_mention[head - 1] is tok_mention[head]:
                head -= 1
            return head
    return j


def _mention_start(j, tok_mention) -> int:
    m = tok_mention[j]
    while j - 1 in tok_mention and tok_mention[j - 1] is m:
        j -= 1
    return j


def _object_of_preposition(j, lower, tok_mention) -> bool:
    """Is the mention at token j the object of a preposition ('within the alliance')? 'A spokesman for
    the Kremlin', 'the head of the IAEA' and 'President Zelensky of Ukraine' still name the holder."""
    m = tok_mention[j]
    k = j
    while k >= 0 and (tok_mention.get(k) is m or lower[k] in TITLE_WORDS or lower[k] in _DETERMINERS):
        k -= 1
    if k < 0 or lower[k] not in _PREPOSITIONS:
        return False
    if lower[k] in ("of", "for", "from", "in") and k > 0 and (
            lower[k - 1] in PEOPLE_NOUNS or lower[k - 1] in ROLE_NOUNS or lower[k - 1] in TITLE_WORDS
            or (k - 1) in tok_mention):
        return False
    return True


def _people_after(j, lower, tok_mention) -> bool:
    """'European allies', 'Russian officials' hold views; 'Russian forces' do not."""
    k = j + 1
    while k in tok_mention and tok_mention[k] is tok_mention[j]:
        k += 1
    return k < len(lower) and lower[k] in PEOPLE_NOUNS or tok_mention[j].surface.endswith("s")


def _name_block(j, lower, tok_mention) -> bool:
    """', Xie Feng,' or ', the head of the IAEA,': the block before this comma only names someone."""
    k = j - 1
    while k >= 0 and lower[k] != ",":
        if not (k in tok_mention or lower[k] in TITLE_WORDS or lower[k] in _DETERMINERS or lower[k] == "of"):
            return False
        k -= 1
    return True


def _phrase_before_block(j, lower) -> int:
    """Start of 'Its prime minister' in 'Its prime minister, Mohammad Mustafa, told'."""
    k = j - 1
    while k >= 0 and lower[k] != ",":
        k -= 1
    start = k
    while start > 0 and lower[start - 1] not in (",", ";", '"', "“", "”"):
        start -= 1
    return max(start, 0) if k >= 0 else k + 1


def _skip_apposition(j, lower) -> int | None:
    """Jump back over ', especially French President Emmanuel Macron,' to the subject before it."""
    for k in range(j - 1, max(-1, j - 14), -1):
        if lower[k] == ",":
            return k - 1
        if lower[k] in (";",) or lower[k] in STANCE_VERBS:
            return None
    return None


def _take(cue: _Cue, m: Mention, j: int, via: str, tok_mention: dict[int, Mention] | None = None) -> None:
    """Make `m` the holder; the holder token is where its mention starts (when j lies in it)."""
    if m.party is not None:
        cue.holders = (m.party,)
        cue.holder_token = _mention_start(j, tok_mention) if tok_mention and tok_mention.get(j) is m else j
        cue.via = via
        cue.speaker = m.person
    else:
        cue.holder_token = j  # a person of no party: nobody's position, and nothing to inherit
        cue.via = "nobody"


def _add_coordinated(cue: _Cue, j: int, lower, tok_mention) -> None:
    """'Russia and Ukraine have said': both hold it."""
    k = _mention_start(j, tok_mention) - 1
    if cue.holders and k >= 1 and lower[k] == "and" and (k - 1) in tok_mention:
        other = tok_mention[k - 1]
        if other.party and other.party not in cue.holders and other.kind != "adjective" \
                and not _object_of_preposition(k - 1, lower, tok_mention):
            cue.holders = (other.party, *cue.holders)
            cue.holder_token = _mention_start(k - 1, tok_mention)
            cue.via = "subject"


def _take_after(cue: _Cue, k: int, tok_mention, lower) -> None:
    if k < len(lower) and lower[k] in ("the", "a", "many", "some", "several"):
        k += 1
    if k in tok_mention:
        _take(cue, tok_mention[k], k, "by")


def _take_pronoun(cue, w, j, tok_mention, state: Discourse, sent_index) -> None:
    if w in ("he", "she"):
        same = [m for k, m in sorted(tok_mention.items()) if k < j and m.kind == "person"]
        if same:
            _take(cue, same[0], j, "pronoun")
            return
        previous = [p for p in state.persons if p[2] == sent_index - 1]
        if previous:  # the person the previous sentence was about ('Grossi said ... He urged')
            person, party, _ = previous[0]
            if party:
                cue.holders, cue.holder_token, cue.via, cue.speaker = (party,), j, "pronoun", person
            return
        recent = [h for h in state.holders if h[1] and sent_index - h[3] <= 2]
        if recent:
            cue.holders, cue.holder_token, cue.via, cue.speaker = (recent[-1][0],), j, "pronoun", recent[-1][1]
            return
        persons = [p for p in state.persons if sent_index - p[2] <= 2]
        if persons:
            last_sentence = max(p[2] for p in persons)
            first = next(p for p in persons if p[2] == last_sentence)
            if first[1]:
                cue.holders, cue.holder_token, cue.via, cue.speaker = (first[1],), j, "pronoun", first[0]
        return
    if w == "it":
        recent = [h for h in state.holders if h[2] != "person" and sent_index - h[3] <= 1]
        if recent:
            cue.holders, cue.holder_token, cue.via = (recent[-1][0],), j, "pronoun"
        return
    recent = [h for h in state.holders if h[2] == "plural" and sent_index - h[3] <= 1]
    if recent:
        cue.holders, cue.holder_token, cue.via = (recent[-1][0],), j, "pronoun"


def _take_role(cue, j, lower, lexicon: PartyLexicon, state: Discourse, sent_index) -> bool:
    """'the prime minister added': the latest person whose title holds the role word."""
    k = j
    while k >= 0 and (lower[k] in TITLE_WORDS or lower[k] in ROLE_NOUNS):
        k -= 1
    if k < 0 or lower[k] not in ("the", "a"):
        return False
    role = set(lower[k + 1:j + 1]) & (ROLE_NOUNS | TITLE_WORDS)
    for person, party, index in reversed(state.persons):
        titles = lexicon.titles_of(person)
        if party and sent_index - index <= 6 and titles and role & titles >= (role & {"president", "minister",
                                                                                          "secretary", "chancellor",
                                                                                          "spokesman", "premier"}):
            if role & titles:
                cue.holders, cue.holder_token, cue.via, cue.speaker = (party,), k, "role", person
                return True
    return False


def _take_plural(cue, j, lower, text, toks, state: Discourse, sent_index, tok_mention) -> bool:
    start = toks[max(0, j - 3)][1]
    if not PLURAL_HOLDERS.search(text[start:toks[j][2]]):
        return False
    persons = [p for p in state.persons if sent_index - p[2] <= 1 and p[1]]
    parties: list[str] = []
    for _, party, _ in reversed(persons):
        if party not in parties:
            parties.append(party)
    if len(parties) >= 2:
        cue.holders, cue.holder_token, cue.via = tuple(reversed(parties[:2])), j, "plural"
        return True
    return False


# ---- grouping into segments ---------------------------------------------------------------------------------

def _group(cues: list[_Cue], lower) -> list[dict]:
    """Consecutive cues of the same holder(s) form one group; a holder inside another's complement is reported."""
    groups: list[dict] = []
    for cue in cues:
        if groups and groups[-1]["holders"] == cue.holders:
            groups[-1]["cues"].append(cue)
            continue
        if groups and groups[-1]["cues"][0].kind == "according" and len(groups[-1]["cues"]) == 1:
            frame = groups.pop()  # 'According to the Kremlin, Ukraine has rejected ...'
            groups.append({"holders": cue.holders, "cues": [cue], "start_token": frame["start_token"],
                           "reported_by": frame["holders"][0]})
            continue
        if cue.kind == "according" and groups and cue.holders != groups[-1]["holders"]:
            groups[-1]["reported_by"] = cue.holders[0]  # '..., according to the Kremlin.'
            continue
        if cue.kind == "modal" and groups:
            continue  # 'X said Russia must withdraw' is X's stance, not Russia's
        group = {"holders": cue.holders, "cues": [cue], "start_token": min(cue.holder_token, cue.index),
                 "reported_by": None}
        if groups:
            prev = groups[-1]
            last = prev["cues"][-1]
            between = lower[last.index + 1:group["start_token"]]
            if last.kind in ("verb", "according") and (last.reporting or last.index + 1 == group["start_token"]
                                                       or "that" in between[:2]) and not (set(between) & CLAUSE_BREAKS) \
                    and "," not in between and _holder_first(prev, last):
                # 'Zelensky said Putin wants ...': the stance is Putin's, as Zelensky reports it. But 'X said
                # Europe must defend itself' is X's own prescription: it stays in X's statement.
                if cue.kind == "verb" and lower[cue.index] in MENTAL_VERBS | REPORTING_VERBS \
                        and not _after_modal(cue.index, lower):
                    group["reported_by"] = prev["holders"][0]
                    group["start_token"] = prev["start_token"]
                    groups[-1] = group
                    continue
                prev["cues"].append(cue)
                continue
        groups.append(group)
    return groups


def _after_modal(i, lower) -> bool:
    j = i - 1
    while j >= 0 and (lower[j].endswith("ly") or lower[j] in ("not", "never", "also", "still")):
        j -= 1
    return j >= 0 and lower[j] in MODALS | {"would", "could", "might", "may"}


def _holder_first(group, last_cue) -> bool:
    return group["start_token"] <= last_cue.index


def _segments(groups, sentence: Sentence, toks, lower) -> list[Statement]:
    if not groups:
        return []
    bounds = [0]
    for prev, group in zip(groups, groups[1:]):
        lo, hi = prev["cues"][-1].index + 1, group["start_token"]
        if group["cues"][0].kind in ("according", "passive") or group["start_token"] > group["cues"][0].index:
            hi = group["cues"][0].index
        cut = next((k for k in range(hi - 1, lo - 1, -1) if lower[k] in CLAUSE_BREAKS or lower[k] == ","), None)
        bounds.append(toks[cut][1] if cut is not None else toks[max(hi, lo)][1])
    bounds.append(len(sentence.text))
    split = len(groups) > 1
    out = []
    for group, start, end in zip(groups, bounds, bounds[1:]):
        if sentence.text[start:end].strip(" ,;") == "":
            continue
        first = group["cues"][0]
        strength = max(_STRENGTH.get(c.kind, 0.5) for c in group["cues"])
        holder_at = toks[first.holder_token][1] if first.holder_token >= 0 and first.via not in (
            "pronoun", "inherit") else -1
        cue_at = tuple(toks[c.index][1] for c in group["cues"])
        for holder in group["holders"]:
            out.append(Statement(sentence, start, end, holder, first.via, strength, group["reported_by"],
                                 first.speaker, split, holder_at, cue_at))
    return out


def _remember(state: Discourse, mentions: list[Mention], statements: list[Statement], index: int) -> None:
    for m in mentions:
        if m.kind == "person":
            state.persons.append((m.person or m.surface, m.party, index))
    for s in statements:
        kind = "person" if s.speaker else ("plural" if s.via == "plural" else "party")
        state.holders.append((s.holder, s.speaker, kind, index))
    del state.persons[:-30]
    del state.holders[:-30]


def _strip_connectors(text: str) -> str:
    text = text.strip(" ,;")
    for word in ("but ", "while ", "whereas ", "although ", "though ", "however, ", "yet ", "and "):
        if text.lower().startswith(word):
            return text[len(word):].strip(" ,;")
    return text
