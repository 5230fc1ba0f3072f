"""The holder of each cue: one small strategy per kind of holder, tried in the order news English uses them.

A verb takes the party in subject position before it (skipping auxiliaries, adverbs, time phrases and
appositions), an earlier cue's holder, a pronoun or role resolved from earlier sentences, 'the two leaders',
or the speaker after a quote; 'according to X' and 'voiced by X' take the agent after them; a noun its possessor.
"""
from __future__ import annotations

import re

from summarizer.attribution.agents import agent_after, possessor, quoted_as_saying, take
from summarizer.attribution.cues import VERB_MODIFIERS, Cue, inside_quote
from summarizer.attribution.discourse import Attribution
from summarizer.attribution.learning import DOCUMENTS, opening_party, role_speaker
from summarizer.attribution.nominals import names_workforce, speaker_phrase, subject_phrase
from summarizer.attribution.subjects import opening_subject, subordinate_subject
from summarizer.attribution.view import SentenceView
from summarizer.compress import MONTH, WEEKDAY
from summarizer.lexicon import (
    FINITE_STANCE_VERBS, PLURAL_HOLDERS, REPORTING_VERBS, ROLE_NOUNS, STANCE_ADJECTIVES, STANCE_VERBS, STOPWORDS,
    TITLE_WORDS,
)
from summarizer.parties import PEOPLE_NOUNS
from summarizer.people import NAME_PARTICLES
from summarizer.words import word_set

_TIME_PLACE = word_set("time_place_words")
_GOVERNMENT_NOUNS = word_set("government_nouns")  # 'the government' of a story's one country
_PRONOUNS = frozenset({"he", "she", "it", "they"})
_HYPOTHETICAL = frozenset({"if", "unless", "until", "once"})
_RELATION_WORDS = frozenset("rival rivals counterpart counterparts ally allies neighbour neighbor partner".split())
_DAY_OR_MONTH = re.compile(rf"{WEEKDAY}|{MONTH}", re.IGNORECASE)
_NOT_ROLES = frozenset({"state", "national", "security", "top", "senior"})  # title words that name no one alone
_PLURAL_HEADS = frozenset("leaders sides presidents countries men governments delegations nations".split())
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# (not "both sides", which are the two sides of the dispute, seldom a coalition that spoke together)
_GROUP_HEADS = frozenset("ministers mediators envoys states countries nations governments leaders".split())
_NOT_POSSESSED = frozenset({"that", "to", "the", "a", "an", "of", "on", "in", "about", "for", ",", "."})
_TELLING = frozenset({"telling", "tell", "tells", "told", "urging", "asking", "warning"})
_MALE = frozenset({"mr", "sir", "lord"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady", "madam"})
_BE = frozenset({"is", "was", "are", "were", "been", "being", "be"})
_IRREGULAR_PARTICIPLES = frozenset({"told", "held", "sought", "seen", "given", "taken", "written", "spoken"})
_ASKING = frozenset({"how", "whether", "why", "what"})
_AMOUNTS = frozenset({"much", "many", "far", "long", "soon"})
_DASHES = frozenset({"—", "–", "-"})
ASIDE_REACH = 20  # tokens an aside between dashes may span
PLURAL_WINDOW = 3  # tokens before the head noun in which 'the two leaders' must stand


def resolve(cue: Cue, view: SentenceView) -> None:
    """Find the holder of one cue (left unset when none is found)."""
    if quoted_as_saying(cue, view):
        return
    if cue.kind in ("according", "passive"):
        agent_after(cue, view, cue.index + 2)
    elif _passive_verb(cue, view):  # 'X was accused of ...', 'X was declared the winner': X is not who acts
        if view.word(cue.index + 1) == "by":
            agent_after(cue, view, cue.index + 2)
    elif cue.kind == "noun":
        possessor(cue, view)
    elif not _participle_after_subject(cue, view) and not _participle_of_main_verb(cue, view):
        stop = _walk_back(cue, view)
        if stop is not None and not _continue_earlier(cue, view, stop) and not _speaker_after_quote(cue, view):
            _subject_phrase(cue, view)
            if not cue.holders and (view.word(stop) == "and" or (  # 'X met Y on Monday and called on Z'
                    view.word(cue.index - 1).removesuffix("s") in DOCUMENTS and view.lower[cue.index].endswith("ing"))):
                opening_subject(cue, view)  # 'X issued a statement rejecting the move
        elif cue.via == "nobody":  # "Cambodia's water minister Chan Sophal said": the title names the party
            _subject_phrase(cue, view)
        elif cue.via == "subject" and cue.speaker is None:
            cue.speaker = role_speaker(view, cue.index, cue.holder_token)
    if cue.via in ("subject", "person") and cue.kind in ("verb", "modal", "adjective") \
            and _asked(view, cue.holder_token):
        cue.holders, cue.via = (), "nobody"  # 'it is unclear how X intends to ...': asked, not held
    elif cue.via in ("subject", "person") and view.word(_before_article(view, cue.holder_token - 1)) in _HYPOTHETICAL:
        cue.holders, cue.via = (), ""  # '... until Mirenia signs the accord': a condition, not what Mirenia holds


def _passive_verb(cue: Cue, view: SentenceView) -> bool:
    """A stance verb's past participle after a form of 'be' ('was accused', 'has been warned', 'were not
    consulted'); an adjective of stance after a copula ('is opposed to') is no passive."""
    w = view.lower[cue.index]
    if cue.kind != "verb" or not (w.endswith("ed") or w in _IRREGULAR_PARTICIPLES) or w in STANCE_ADJECTIVES \
            or w in ("quoted", "cited"):  # 'X was quoted as saying': X said it
        return False
    k = cue.index - 1
    while view.word(k) in ("not", "never", "also", "already", "reportedly", "widely", "formally", "officially"):
        k -= 1
    return view.word(k) in _BE


def _asked(view: SentenceView, k: int) -> bool:
    """Does the subject at token k open a question inside the sentence ('whether Iran will accept', 'how much
    water Ethiopia will release', 'how the EU will respond')?"""
    k = (view.mention_start(k) if k in view.tok_mention else k) - 1
    while view.word(k) in NAME_PARTICLES or view.word(k) in ("the", "a", "an"):  # 'how Von der Leyen intends'
        k -= 1
    back = view.lower[max(0, k - 2):k + 1]
    return bool(back) and (back[-1] in _ASKING or "how" in back[:-1] and back[back.index("how") + 1] in _AMOUNTS)


def _subject_phrase(cue: Cue, view: SentenceView) -> None:
    """"India's environment minister, Arvind Rao, rejected", 'the commission said' (attribution/nominals.py)."""
    if cue.kind == "participle" and view.word(cue.index - 1) == ",":
        opening_subject(cue, view)
    if cue.kind not in ("verb", "adjective"):
        return
    j = cue.index - 1
    while j >= 0 and (view.lower[j] in VERB_MODIFIERS or view.lower[j] in _TIME_PLACE or view.lower[j].endswith("ly")):
        j -= 1
    found = subject_phrase(view, j) if j >= 0 else None
    if found is not None:
        cue.assign(*found)


def _participle_after_subject(cue: Cue, view: SentenceView) -> bool:
    """'European allies, especially French President Macron, expressing concerns'."""
    i = cue.index
    if cue.kind != "participle" or i < 2 or view.lower[i - 1] != "," or (i - 2) not in view.tok_mention \
            or view.object_of_preposition(i - 2) or _object_of_verb(view, view.mention_start(i - 2)) \
            or view.word(view.mention_start(i - 2) - 1) == "," \
            or _example(view, _before_article(view, view.mention_start(i - 2) - 1)):
        return False  # ('talks in the capital, Doha, stressing'; '... the islands, including Diego Garcia,
        # emphasising that ...': an example in the object is no subject)
    take(cue, view, view.tok_mention[i - 2], view.apposition_head(i - 2), "subject")
    return True


def _object_of_verb(view: SentenceView, k: int) -> bool:
    """'... that the United States would annex Greenland, stating that ...': the name at k is a verb's object."""
    before = view.word(k - 1) if view.word(k - 1) != "the" else view.word(k - 2)
    return before in STANCE_VERBS or before in ("annex", "seize", "invade", "attack", "buy", "acquire", "join")


def _participle_of_main_verb(cue: Cue, view: SentenceView) -> bool:
    """'The Kremlin had refused to heed calls by Kyiv's leaders to withdraw, insisting that ...': a participle
    after a comma says more of the sentence's first verb's subject, not of the agent of a noun in between."""
    if cue.kind != "participle" or view.word(cue.index - 1) != ",":
        return False
    main = next((c for c in view.cues if c.index < cue.index and c.kind == "verb" and c.holders), None)
    nouns = [c for c in view.cues if main is not None and main.index < c.index < cue.index and c.kind == "noun"]
    if main is None or not nouns or all(c.holders == main.holders for c in nouns):
        return False  # only where a noun's agent stands between: elsewhere the usual walk finds the subject
    cue.inherit(main, cue.index)  # its segment starts at the participle, after the noun's
    return True


def _walk_back(cue: Cue, view: SentenceView) -> int | None:
    """Scan left for the cue's subject: None once a holder is taken, else the token where the scan stopped."""
    j = cue.index - 1
    while j >= 0:
        step = _step(cue, view, j)
        if step is None or step == j:
            return step
        j = step  # every step that goes on moves left
    return j


def _step(cue: Cue, view: SentenceView, j: int) -> int | None:
    """One token of the scan: None when it gives the holder, j to stop here, a smaller index to go on."""
    w = view.lower[j]
    if j in view.tok_mention:
        return _subject(cue, view, j)
    earlier = next((c for c in view.cues if c.index == j and c.holders), None)
    if earlier is not None:  # "Hegseth's remarks have cast doubt": the noun's holder
        cue.inherit(earlier, j)
        return None
    if w in _PRONOUNS:
        return _pronoun(cue, view, j)
    if w in DOCUMENTS and _determiner_before(view, j) and cue.kind == "verb":
        # 'The letter said': whoever sent it, a few sentences before; 'The joint statement urged': the parties
        # that just spoke together
        found = view.state.document(w, view.index) or view.state.joint(view.index)
        if found is not None:
            cue.assign(found, j - 1)
            return None
    if view.reporters(j):
        return j  # 'the local press reported': its subject holds no stance
    if w in ROLE_NOUNS or (w in TITLE_WORDS and w not in _NOT_ROLES):
        if _role(cue, view, j):
            return None
        if view.word(j - 1) in ("the", "a", "an"):
            cue.via, cue.holder_token = "nobody", j - 1  # 'the spokesperson said': a subject of its own, though
            return j  # unresolved (not a clause's before it); what he says bounds the clause before
        return j - 1 if w in PEOPLE_NOUNS or w in ROLE_NOUNS else j
    if w in _PLURAL_HEADS and _pair(cue, view, j):
        return None
    if w in _GROUP_HEADS and _group(cue, view, j):
        return None
    if w in PEOPLE_NOUNS and j > 0:
        return j - 1
    if w in ("'", "’") and (j - 1) in view.tok_mention:
        return j - 1  # "The Faroe Islands' government"
    if w in _DASHES and w in view.lower[max(0, j - ASIDE_REACH):j]:  # 'Qatar — which mediated the talks — urged'
        return max(k for k in range(max(0, j - ASIDE_REACH), j) if view.lower[k] == w) - 1
    if w == ")" and "(" in view.lower[max(0, j - 6):j]:
        opening = max(k for k in range(max(0, j - 6), j) if view.lower[k] == "(")
        if j - opening == 2 and opening + 1 in view.tok_mention and opening - 1 not in view.tok_mention \
                and view.toks[opening - 1][0][:1].isupper():
            _subject(cue, view, opening + 1)  # 'March 23 Movement (M23) has confirmed': the name it abbreviates
            name = opening - 1
            while name > 0 and (view.toks[name - 1][0][:1].isupper() or view.toks[name - 1][0].isdigit()):
                name -= 1
            if cue.holders:
                cue.holder_token = name  # (the line opens with the whole name, not 'M23) has confirmed')
            return None
        return opening - 1  # 'the Superintendency (SMA) ordered'

    if view.toks[j][0][:1].isupper() and j > 0 and _unowned_last_conjunct(cue, view, j):
        return None
    if w in ("who", "which"):
        return _relative(cue, view, j)
    if w == "," and cue.kind != "participle":
        return _comma(cue, view, j)
    if w in VERB_MODIFIERS or w in _TIME_PLACE or w.endswith("ly") or w.isdigit():
        return j - 1
    return j


def _subject(cue: Cue, view: SentenceView, j: int) -> int | None:
    m = view.tok_mention[j]
    owner = _possessor_of_noun(view, j)
    if owner is not None:  # "Pakistan's foreign ministry said": not the country 'the ministry' means elsewhere
        m, j = view.tok_mention[owner], owner
    if m.kind == "adjective" and not view.people_after(j):
        return j  # 'Russian forces' hold no view
    if names_workforce(view, j):
        return j  # 'Boeing workers rejected the offer': its workers, not the company
    if view.object_of_preposition(j):
        return view.mention_start(j) - 1  # 'ambassador to the U.S.': not the subject
    if _example(view, _before_article(view, view.mention_start(j) - 1)):
        return None  # 'rivals such as China back the deal': the subject is 'rivals', of no party
    take(cue, view, m, j, "person" if m.kind == "person" else "subject")
    _add_coordinated(cue, view, j)
    return None


def _possessor_of_noun(view: SentenceView, j: int) -> int | None:
    """The token of a party's possessive one word or none before a government noun that is an alias ('ministry',
    'government') at j: "Pakistan's foreign ministry", "Peru's government" (not "Malawi's main opposition
    party", which is a party of its own)."""
    m = view.tok_mention[j]
    if m.surface.lower() not in _GOVERNMENT_NOUNS:
        return None
    start = view.mention_start(j)
    for k in (start - 1, start - 2):
        owner = view.tok_mention.get(k)
        if owner is not None:
            return k if owner.possessive and owner.party and owner.party != m.party else None
        if k < 0 or not view.lower[k].isalpha():
            return None
    return None


def _add_coordinated(cue: Cue, view: SentenceView, j: int, k: int | None = None) -> None:
    """'Russia and Ukraine have said', 'The EU, Britain and Norway want', 'Egyptian and Qatari mediators'.
    `k`: the token before the last conjunct, when that conjunct is a name no mention holds."""
    first = view.tok_mention.get(j)
    if k is None:
        k = _before_article(view, _before_title(view, view.mention_start(j) - 1))
        if view.word(k) in _RELATION_WORDS and view.word(k - 1) in ("its", "their", "his", "her"):
            k -= 2  # 'The army and its rival the RSF signed'
    separator = "and"
    if view.word(k) == "and" and view.word(k - 1) == ",":
        k, separator = k - 1, ","  # 'X, Y, and Z said': the serial comma
    # a place of no party ends the list ('Saudi Arabia, the United States and Egypt called'): the others hold it
    unowned_place = not cue.holders and (first is None or cue.via == "nobody" and first.kind != "person")
    while (cue.holders or unowned_place) and k >= 1 and view.lower[k] == separator and (
            (k - 1) in view.tok_mention or _abbreviated(view, k - 1) is not None):
        if (k - 1) not in view.tok_mention:
            k = _abbreviated(view, k - 1) + 1  # 'The Sudanese Armed Forces (SAF) and ...'
        other = view.tok_mention[k - 1]
        adjectives = other.kind == "adjective" and first is not None and first.kind == "adjective"
        if _example(view, _before_article(view, view.mention_start(k - 1) - 1)):
            cue.holders, cue.via, cue.holder_token = (), "", -1  # 'such as Russia, Iran and China': all examples
            return
        if not other.party or (other.kind == "adjective" and not adjectives) or view.object_of_preposition(k - 1):
            return
        if other.party not in cue.holders:
            cue.holders = (other.party, *cue.holders)
        cue.holder_token, cue.via = view.mention_start(k - 1), "subject"
        k, separator = _before_article(view, _before_title(view, cue.holder_token - 1)), ","


def _abbreviated(view: SentenceView, k: int) -> int | None:
    """The last token of a name before its abbreviation in brackets, which ends at k ('Forces (SAF)')."""
    if view.word(k) != ")" or view.word(k - 2) != "(" or (k - 3) not in view.tok_mention:
        return None
    return k - 3


def _unowned_last_conjunct(cue: Cue, view: SentenceView, j: int) -> bool:
    """'Saudi Arabia, the United States, and Egypt called', Egypt no party's name: the parties before it."""
    k = j
    while k > 0 and view.toks[k - 1][0][:1].isupper() and (k - 1) not in view.tok_mention:
        k -= 1
    k = _before_article(view, k - 1)
    if view.word(k) != "and" or not ((k - 1) in view.tok_mention or view.word(k - 1) == ","):
        return False
    _add_coordinated(cue, view, j, k)
    return bool(cue.holders)


def _before_title(view: SentenceView, k: int) -> int:
    """'Pashinyan and Azerbaijani President Ilham Aliyev agreed': step back over a person's title."""
    while k >= 0 and (view.lower[k] in TITLE_WORDS or (k in view.tok_mention and view.tok_mention[k].kind == "adjective"
                                                       and view.lower[k + 1] in TITLE_WORDS)):
        k -= 1
    return k


def _example(view: SentenceView, k: int) -> bool:
    """'economies such as China and the Gulf states also paid': examples are no subject."""
    return view.word(k) in ("like", "including") or (view.word(k) == "as" and view.word(k - 1) == "such")


def _before_article(view: SentenceView, k: int) -> int:
    """'The EU and the island states': step over the article of a coordinated name."""
    return k - 1 if view.word(k) == "the" else k


def _pronoun(cue: Cue, view: SentenceView, j: int) -> None:
    """'The Palestinian Authority said it was ready', 'He urged': same sentence first, then the discourse."""
    w = view.lower[j]
    if w == "it" and cue.reporting and view.word(j - 1) == "," and (found := view.state.document_it(view.index)):
        cue.assign(found, j)  # '..., it said' after 'The letter said ...': the letter's, whoever the clause names
        return None
    # '"Trump's statement is inappropriate," he said': no one named inside the quotation is its speaker
    quoted = (lambda k: False) if inside_quote(j, view.lower) else (lambda k: inside_quote(k, view.lower))
    same = [c for c in view.cues if c.index < j and c.holders and not quoted(c.holder_token)]
    if same and ((w in ("he", "she")) == bool(same[-1].speaker) or w == "they"):
        cue.inherit(same[-1])
        return None
    opener = subordinate_subject(view, j)
    if opener is not None and (opener.kind == "person") == (w in ("he", "she")):
        take(cue, view, opener, j, "pronoun")
        return None
    if w in ("he", "she"):
        person = next((m for k, m in sorted(view.tok_mention.items())
                       if k < j and m.kind == "person" and not view.state.other_sex(m.surface, w) and not quoted(k)),
                      None)
        if person is not None:
            take(cue, view, person, j, "pronoun")
            return None
        if _unknown_subject_before(view, j):
            return None  # 'Pashinian denied ... when he spoke': he is the one no party is known for
        found = view.state.person_pronoun(view.index, w)
    else:
        found = view.state.it_pronoun(view.index) if w == "it" else (
            view.state.joint(view.index) or view.state.they_pronoun(view.index))
        plural_opener = view.state.nominal.plural_openers.get(view.index - 1)
        if found is None and w == "they" and view.word(j - 1) in ("which", "that", "what"):
            party, plural = opening_party(view)  # 'The M23 rebels held Goma, which they claimed to have captured'
            found = Attribution((party,), "pronoun") if party and plural else None
        if found is None and w == "they" and plural_opener is not None:  # "The SMA's lawyers counter ... they wrote"
            found = Attribution((plural_opener,), "pronoun")
    if found is not None:
        cue.assign(found, j)
    return None


def learn_sexes(view: SentenceView) -> None:
    """'Mr Lund', 'Dame Kari Holm'; 'Lund said he ...', 'Holm said her party ...': the person a subject or
    possessive pronoun follows is of its sex (an honorific is surer, so it is never overwritten)."""
    if all(m.kind != "person" for m in view.mentions):
        return  # no person named: nothing to learn (most sentences)
    sexes, last, honoured = view.state.sexes, None, set()
    for k, word in enumerate(view.lower):
        m = view.tok_mention.get(k)
        if m is not None and m.kind == "person":
            if last is None or last[1] is not m:
                first = m.surface.split()[0].lower().rstrip(".")  # 'Sir Keir Starmer' may be the alias itself
                title = first if first in _MALE | _FEMALE else view.lower[k - 1].rstrip(".") if k > 0 else ""
                surname = m.surface.split()[-1]
                if title in _MALE or title in _FEMALE:
                    sexes[surname] = "he" if title in _MALE else "she"
                    honoured.add(surname)
            last = (k, m)
        elif last is not None and _sexed(view, k):
            surname = last[1].surface.split()[-1]
            if surname not in honoured:
                sexes.setdefault(surname, "he" if word in ("he", "his") else "she")
            last = None  # one pronoun per person mention


def _sexed(view: SentenceView, k: int) -> bool:
    """'he', 'she', 'his'; 'her' as a possessive after a verb of saying ('said her party'), not an object."""
    word = view.lower[k]
    if word in ("he", "she", "his"):
        return True
    return word == "her" and k > 0 and view.lower[k - 1] in REPORTING_VERBS | STANCE_VERBS and \
        k + 1 < len(view.lower) and view.lower[k + 1] not in _NOT_POSSESSED


def _unknown_subject_before(view: SentenceView, j: int) -> bool:
    """Is a name no party is known for the subject of a stance verb before token j ('Pashinian denied')?"""
    for k in range(j - 1):
        word, following = view.toks[k][0], view.lower[k + 1]
        if word[:1].isupper() and word.isalpha() and k not in view.tok_mention and word.lower() not in STOPWORDS \
                and (k == 0 or not view.toks[k - 1][0][:1].isupper()) and following in FINITE_STANCE_VERBS \
                and word.lower() not in PEOPLE_NOUNS | ROLE_NOUNS:
            return True
    return False


def _role(cue: Cue, view: SentenceView, j: int) -> bool:
    """'the prime minister added': the latest person whose title holds the role word."""
    k = j
    while k >= 0 and (view.lower[k] in TITLE_WORDS or view.lower[k] in ROLE_NOUNS):
        k -= 1
    if k < 0 or view.lower[k] not in ("the", "a"):
        return False
    found = view.state.role(set(view.lower[k + 1:j + 1]) & (ROLE_NOUNS | TITLE_WORDS), view.index, view.lexicon)
    if found is not None:
        cue.assign(found, k)
    return found is not None


def _pair(cue: Cue, view: SentenceView, j: int) -> bool:
    """'the two leaders', 'both sides': the parties of the two persons just named."""
    start = view.toks[max(0, j - PLURAL_WINDOW)][1]
    if not PLURAL_HOLDERS.search(view.text[start:view.toks[j][2]]):
        return False
    found = view.state.pair(view.index)
    if found is not None:
        cue.assign(found, j)
    return found is not None


def _determiner_before(view: SentenceView, j: int) -> bool:
    """'the statement', 'this letter', 'the joint statement'."""
    k = j - 2 if view.word(j - 1) == "joint" else j - 1
    return view.word(k) in ("the", "this", "that")


def _group(cue: Cue, view: SentenceView, j: int) -> bool:
    """'The (foreign) ministers stressed', 'the four countries said': the parties a sentence just before
    named together as the subject of a stance."""
    k = j - 1
    while k >= max(0, j - PLURAL_WINDOW) and view.lower[k] not in ("the", "both") and k not in view.tok_mention:
        k -= 1
    if view.word(k) != "the" or (k - 1) in view.tok_mention:
        return False
    if any(c.index < k and c.reporting and c.holders for c in view.cues):
        return False  # 'X said that the three countries rebuffed ...': of whom X speaks, not who speaks
    found = view.state.joint(view.index)
    counted = next((_NUMBER_WORDS[w] for w in view.lower[k + 1:j] if w in _NUMBER_WORDS), None)
    if found is not None and counted is not None and counted != len(found.holders):
        return False  # 'the three countries' after two named together: some other three
    if found is not None:
        cue.assign(found, k)
    return found is not None


def _relative(cue: Cue, view: SentenceView, j: int) -> int | None:
    """'Lavrov, who rejected ...': the name before the relative pronoun."""
    k = j - 1
    if k >= 0 and view.lower[k] == ",":
        k -= 1
    if k >= 0 and k in view.tok_mention:
        if view.lower[j] == "which" and view.word(view.mention_start(k) - 1) in ("in", "at"):
            return None  # 'the meeting in Kuala Lumpur, which was aimed at ...': the place or the event
        take(cue, view, view.tok_mention[k], k, "subject")
        return None
    return j


def _comma(cue: Cue, view: SentenceView, j: int) -> int | None:
    """', Xie Feng, warned' names the speaker; ', especially ...,' is skipped to the subject before it."""
    before = view.tok_mention.get(j - 1)
    if before is not None and not view.object_of_preposition(j - 1) and before.kind != "adjective" \
            and view.name_block(j):
        take(cue, view, before, j - 1, "subject")
        cue.holder_token = view.phrase_before_block(j)
        return None
    if _time_aside(view, j, cue.index):
        return j - 1  # 'The ministers of X and Y, on Friday, June 27, signed': a date between them and the verb
    k = view.skip_apposition(j)
    return j if k is None else k


def _time_aside(view: SentenceView, j: int, end: int) -> bool:
    """The words between the comma at j and the cue (commas aside) say only when: ', on Friday, June 27,'."""
    between = [w for w in view.lower[j + 1:end] if w != ","]
    return bool(between) and view.word(end - 1) == "," and all(w in _TIME_PLACE or w.isdigit() for w in between) \
        and any(w.isdigit() or _DAY_OR_MONTH.fullmatch(w) for w in between)


def _continue_earlier(cue: Cue, view: SentenceView, stop: int) -> bool:
    """'X said ..., adding', 'X rejected it and warned': the holder of the cue before."""
    if cue.kind not in ("participle", "verb", "adjective"):
        return False
    earlier = [c for c in view.cues if c.index < cue.index and c.holders and c.kind != "according"]
    if earlier and (cue.kind == "participle" or (stop >= 0 and view.lower[stop] in ("and", ","))):
        cue.inherit(earlier[-1])
        return True
    return False


def _speaker_after_quote(cue: Cue, view: SentenceView) -> bool:
    """'"...," said Zelensky', '"...," said the prime minister' (not '..., urged Hamas to accept': an object)."""
    i = cue.index
    if not (cue.reporting and i > 0 and view.lower[i - 1] in (",", '"', "”")
            and any(w in ('"', "“", "”") for w in view.lower[:i])) or view.lower[i] in _TELLING:
        return False  # ('..., "impartial," telling Kishida that ...': whom one tells is no speaker)
    k = i + 1 if view.word(i + 1) != "the" else i + 2
    if k in view.tok_mention and view.tok_mention[k].party is not None:
        take(cue, view, view.tok_mention[k], k, "quote")
        return True
    if view.word(k) in ROLE_NOUNS | TITLE_WORDS and _role(cue, view, k):
        return True
    found = speaker_phrase(view, i)
    if found is not None:
        cue.assign(*found)
    return found is not None
