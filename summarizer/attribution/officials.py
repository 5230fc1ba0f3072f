"""Officials named by a government title and no country ('Secretary of State Jane Roe said', 'the foreign
ministry spokesman said'): news English names the country once, in or right before the official's sentence.

The official speaks for the one party named before him in his own clause ("Venezuela's assembly approved the
law, and President X said"), else for the one party that held a stance in the sentence before ('Iranian officials accused
... . ..., the foreign ministry spokesman said'), else for the one party that sentence names ('The United
States stepped up its efforts. Secretary of State Jane Roe said'). Anything else stays unattributed.
"""
from __future__ import annotations

from functools import cache

from summarizer.attribution.discourse import Attribution
from summarizer.attribution.view import SentenceView
from summarizer.lexicon import HEAD_TITLES, REPORTING_VERBS, STANCE_VERBS, TITLE_WORDS
from summarizer.gazetteer import country_names, demonyms, place_names
from summarizer.words import word_set

_GOVERNMENT = word_set("government_titles") | frozenset({"ministry", "minister's", "ministry's"})
_FORMER = frozenset({"former", "ex", "late", "then"})
_BODY_NOUNS = word_set("organisation_heads") | word_set("holder_heads")  # 'the bloc's envoy', 'the group's leader'
_HOME_NOUNS = frozenset("country nation government state kingdom republic party ministry".split())
_AIMED = STANCE_VERBS - REPORTING_VERBS  # 'condemned', 'accused', 'urged' + the party: its object
_HEAD_TITLES = HEAD_TITLES | word_set("organisation_titles")
_LEADERS = (frozenset({"prime", "minister"}), frozenset({"president"}), frozenset({"chancellor"}),
            frozenset({"premier"}))  # titles one person of a party holds
_TITLE_WORDS = TITLE_WORDS | _HEAD_TITLES | _GOVERNMENT | frozenset({"the", "a", "an"})
_DEPUTIES = frozenset({"vice", "deputy", "former", "ex", "vice-president"})
NAME_WORDS = 4  # a person's name before a title apposition
SIDE_WORDS = 6  # most words of an opening 'On the Thai side,'


_CLAUSE_OPENERS = word_set("subordinators") | {"until", "where"}


def official_of_context(view: SentenceView, start: int, end: int, speaker: str | None) -> Attribution | None:
    """The party an untied government official of the phrase [start, end] speaks for, from the sentence before."""
    words = {view.lower[k].removesuffix("'s").removesuffix("’s") for k in range(max(0, start - 1), end + 1)}
    if not words & _GOVERNMENT or words & _FORMER or any(
            view.tok_mention[k].party for k in range(start, end + 1) if k in view.tok_mention) or any(
            _acronym(view.toks[k][0]) or view.toks[k][0] in other_bodies()
            for k in range(start, end + 1) if k not in view.tok_mention):
        return None  # 'the NATO secretary', 'the UN envoy', 'European Justice Commissioner X': another body's
    if start > 1 and view.lower[start - 1] in _CLAUSE_OPENERS and view.lower[start - 2] == ",":
        return None  # ', when President X refused ...': a background clause, often another time and place
    named = _named_before(view, start)
    # ('the ministry said' after "Egypt's Foreign Ministry said": the body the document named so, before the one
    # party of the sentence before)
    learned = {view.state.nominal.bodies.get(w) for w in words} - {None}
    party = (named.pop() if len(named) == 1 else None) if named else (
        learned.pop() if len(learned) == 1 else view.state.previous_party(view.index))
    if party is None or (not named and _nameless(view, start, end) and not _may_lead(view, words, party)) \
            or _of_another_country(view, start, end, party) or (not named and _object_after(view, end, party)):
        return None
    for k in range(start, end + 1):  # a later bare surname is the same official ('Roe added')
        m = view.tok_mention.get(k)
        if m is not None and m.kind == "person" and m.party in (None, party):  # (not a person of another party
            view.state.nominal.learn(m.surface.split(), party)  # the phrase names: 'Wes Streeting' stays his)
    return Attribution((party,), "role", speaker)


@cache
def other_bodies() -> frozenset[str]:
    """Names of places and bodies that are no party when no mention stands for them ('European', 'Madrid'); a
    country's demonym is not among them: 'Spanish Justice Minister X' may be the government a party leads."""
    return place_names() - demonyms()


def of_another_place(view: SentenceView, start: int, end: int) -> bool:
    """"The Arctic island's new prime minister": an official of a place a common noun names (not 'the country's'),
    whom neither the sentence before nor the story's government speaks for."""
    return any(view.lower[k].endswith(("'s", "’s")) and view.toks[k][0].islower()
               and view.lower[k][:-2] not in _HOME_NOUNS | _BODY_NOUNS for k in range(start, end + 1))


_TOWARD = frozenset({"to", "with", "against", "from"})


def named_as_object(view: SentenceView, end: int, party: str) -> bool:
    """'The government announced a deal to hand over the islands to Mauritius': a body of no named party is not
    the party its own sentence names as what it acts on or toward."""
    return any(m.party == party and k > end + 1 and view.mention_start(k) == k
               and (view.lower[k - 1] in _TOWARD or view.lower[k - 1] in _AIMED)
               for k, m in view.tok_mention.items())


def _object_after(view: SentenceView, end: int, party: str) -> bool:
    """'Prime Minister X has condemned Cambodia' after a headline naming Cambodia: the party the sentence before
    named is what the official's stance is aimed at, not whom he speaks for ('said Cambodia would ...' is not)."""
    return any(m.party == party and k - 1 > end and view.lower[k - 1] in _AIMED
               for k, m in view.tok_mention.items())


def _of_another_country(view: SentenceView, start: int, end: int, party: str) -> bool:
    """'Portuguese Foreign Minister X' after a sentence on the Peruvian government: the official's country is
    named, and the party's own names name another one, or a bloc or an organisation, which has no minister of a
    country. (A party whose names name no place, such as a governing party, may lead the official's
    government.)"""
    countries = country_names()
    own = {countries[w] for k in range(start, end + 1) if k not in view.tok_mention
           for w in [view.toks[k][0].removesuffix("'s").removesuffix("’s")] if w in countries}
    if not own:
        return False
    named = next((p for p in view.lexicon.parties if p.name == party), None)
    names = [w for alias in ((named.name, *named.aliases) if named else ()) for w in (alias, *alias.split())]
    theirs = {countries[w] for w in names if w in countries}
    if not theirs:  # 'European Union', 'UN'
        return any(w in place_names() for w in names)
    return not own & theirs


def _acronym(token: str) -> bool:
    return len(token) >= 2 and token.isalpha() and token.isupper()


def _nameless(view: SentenceView, start: int, end: int) -> bool:
    """'the Prime Minister's spokesman', not 'President Aurelio Mendez' (whose own party is what is sought)."""
    return not any(view.toks[k][0][:1].isupper() and view.lower[k].removesuffix("'s").removesuffix("’s")
                   not in _TITLE_WORDS for k in range(start, end + 1))


def _may_lead(view: SentenceView, words: set[str], party: str) -> bool:
    """'The Prime Minister's spokesman' after a sentence on the US: when the story names who holds that
    leader's title, the untied official speaks for one of their parties, not for whoever spoke last."""
    title = next((t for t in _LEADERS if t <= words), None)
    if title is None:
        return True
    holders = {p for p, titles in view.lexicon.persons.values()
               if p and title <= titles and not titles & _DEPUTIES}
    return not holders or party in holders


_CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})


def _named_before(view: SentenceView, start: int) -> set[str]:
    """Parties named before the official in his own sentence ("Venezuela's assembly approved the law, and
    President X said"), not in what he is reported to say ('The E3 have no standing, the spokesman said')."""
    before = start - 1
    while before > 0 and view.lower[before] in _CLOSING_QUOTES:  # '"We thank the Trump administration ...," the
        before -= 1  # defense minister said': the administration is in what he says
    if before >= 0 and view.lower[before] in (",", "?", "!"):
        return _side_opening(view, before)
    return {m.party for k, m in view.tok_mention.items() if k < start and m.party and m.kind != "person"}


def _side_opening(view: SentenceView, comma: int) -> set[str]:
    """'On the Thai side, the finance minister said', 'For Ghana's part, ...': the side the sentence opens with."""
    if view.lower[comma] != "," or "," in view.lower[:comma] or comma > SIDE_WORDS \
            or view.lower[0] not in ("on", "for", "from") or view.lower[comma - 1] not in ("side", "part"):
        return set()
    return {m.party for k, m in view.tok_mention.items() if k < comma and m.party}


def titled_apposition(view: SentenceView, start: int, end: int, apposition: tuple[int, int]) -> Attribution | None:
    """'Kurti, Kosovo's prime minister, rejected': a name of no known party, then a title naming the party it
    holds (not a place or counterpart: 'ambassador to the UN'); a later bare 'Kurti' is the same person."""
    a, b = apposition
    if end - start >= NAME_WORDS or not all(view.toks[k][0][:1].isupper() for k in range(start, end + 1)):
        return None
    words = view.lower[a:b + 1]
    if not set(words) & _HEAD_TITLES or set(words) & _FORMER:
        return None
    for k in range(a, b + 1):
        m = view.tok_mention.get(k)
        if m is not None and m.party and not view.object_of_preposition(k):
            name = [view.toks[j][0] for j in range(start, end + 1)]
            view.state.nominal.learn(name, m.party)
            return Attribution((m.party,), "subject", " ".join(name))
    return None
