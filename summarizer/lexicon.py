"""Word sets of news English (stance cues, roles, titles, stop words, related topic terms), from package data."""
from __future__ import annotations

import re

from summarizer.words import word_set, word_table

_NO_DOUBLE = word_set("no_double")
_IRREGULAR = word_table("irregular_verbs")


def _inflect(lemma: str) -> set[str]:
    """Regular inflections of a verb lemma and its irregular forms from data/irregular_verbs.txt."""
    forms = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and lemma not in _NO_DOUBLE:
        forms |= {lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    elif re.search(r"[^aeiou][aeiou]l$", lemma):  # 'signalled' and 'signaled', 'cancelled' and 'canceled'
        forms |= {lemma + "s", lemma + "ed", lemma + "led", lemma + "ing", lemma + "ling"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


def _verb_forms(name: str) -> frozenset[str]:
    return frozenset(form for lemma in word_set(name) for form in _inflect(lemma))


STANCE_VERBS = _verb_forms("stance_verbs")
# forms that take a subject ('said', 'rejects', 'warned'), not the base form or the participle in -ing
FINITE_STANCE_VERBS = frozenset(v for v in STANCE_VERBS if v not in word_set("stance_verbs") and not v.endswith("ing"))
REPORTING_VERBS = _verb_forms("reporting_verbs")
MENTAL_VERBS = _verb_forms("mental_verbs")
STANCE_NOUNS = word_set("stance_nouns")
STANCE_ADJECTIVES = word_set("stance_adjectives")
COPULAS = word_set("copulas")
MODALS = word_set("modals")
PASSIVE_BY = word_set("passive_by")
ROLE_NOUNS = word_set("role_nouns")
TITLE_WORDS = word_set("title_words")
HEAD_TITLES = word_set("head_titles")
STOPWORDS = word_set("stopwords")
DETERMINERS = word_set("determiners")
PREPOSITIONS = word_set("prepositions")
RELATED_TERMS = word_table("related_terms")
# Words of a body's or a state's name, never of a person's: "Southern Freight Union", "Democratic Republic"
ORG_WORDS = frozenset("""ministry department council agency office commission union organization organisation forces
party authority administration house group bank fund court nations assembly army guard government parliament
congress senate committee alliance front movement coalition league state states republic kingdom federation
street palace electric energy petroleum telecom airlines motors media company corporation holdings community
tribunal association""".split())

PLURAL_HOLDERS = re.compile(
    r"\b(?:the|both) (?:two )?(?:leaders|presidents|sides|countries|men|governments|delegations|parties|nations)\b",
    re.IGNORECASE,
)
# Words that open a clause of its own: a new holder may start after them.
CLAUSE_BREAKS = frozenset({";", "but", "while", "whereas", "although", "though", "however", "yet"})
