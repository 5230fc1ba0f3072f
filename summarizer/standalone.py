"""Lines that read on their own: an opening pronoun becomes the name attribution resolved, 'this move' the noun
phrase it stands for, and a quote keeps its speaker. What cannot be resolved is reported (None), never guessed."""
from __future__ import annotations

import re

from summarizer.compress import WEEKDAY
from summarizer.lexicon import DETERMINERS, PREPOSITIONS, STANCE_VERBS
from summarizer.people import NAME_PARTICLES
from summarizer.words import word_set


_THE_NAMES = re.compile(r"^United |(?:Union|Nations|Authority|Agency|Commission|Council|Ministry|Organization|"
                        r"Organisation|Kingdom|Republic|Court|Bank|Fund|Alliance|Front|Movement|Party|Coalition|"
                        r"Government|Administration|Emirates|Netherlands|Philippines|Department|Office|Committee|Islands)$")
_OPENING_PRONOUN = re.compile(r"^(?P<w>he|she|it|they)\b", re.IGNORECASE)
_OPENING_POSSESSIVE = re.compile(r"^(?P<w>his|her|its|their)\s+(?=\w)", re.IGNORECASE)
_OPENING_BODY = re.compile(rf"^(?:his|her|its|their)\s+(?:{'|'.join(sorted(word_set('organisation_heads')))})(?=\s)",
                           re.IGNORECASE)
_ANAPHORIC_NOUNS = "|".join(sorted(word_set("anaphoric_nouns")))
_DEMONSTRATIVE = re.compile(rf"\b(?P<det>this|that|these|those|such)\s+(?P<noun>{_ANAPHORIC_NOUNS})\b", re.IGNORECASE)
_OPENING_DEMONSTRATIVE = re.compile(r"^(?:this|that|these|those|such)\b", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
_BE = frozenset({"is", "are", "was", "were"})
_NP_STOP = PREPOSITIONS | {"as", "that", "to", "and", "but", "which", "who", "while", "because", "if", ",", ";", "."}
_REDUCED_RELATIVE = re.compile(
    r"^(?P<det>(?i:a|an|the))\s+(?P<noun>claim|charge|accusation|allegation|assertion|suggestion|report|version|step|"
    r"move|decision|measure|plan|proposal)\s+(?:that\s+|which\s+)?(?P<subject>(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*"
    r"(?:\s+[a-z]+s)?)\s+(?P<adverb>[a-z]+ly\s+)?(?P<verb>[a-z]+ed|denies|rejects|disputes)(?P<rest>\s+[^,;]+)?$")
_RELATIVE_OBJECT = re.compile(
    r"^(?i:which|that)\s+(?P<subject>(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*)\s+"
    r"(?P<verb>(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?(?!(?:is|was|has|does)\b)[a-z]+(?:ed|s))(?P<rest>\s+[^,;]+)?$")
_NAMING_VERBS = frozenset({"called", "calls", "described", "describes", "termed", "labelled", "labeled", "branded",
                           "deemed", "considers", "considered"})
_DENIALS = frozenset("denies denied rejects rejected disputes disputed".split())
_CLAIM_NOUN = re.compile(r"\b(?:claim|charge|accusation|allegation|assertion|report|suggestion|version|account)s?\b")
_EXPLETIVE = re.compile(r"^(?:['’]s|['’]re|\s+(?:is|was|are|were|seems|seemed|remains|appears|would be|will be)\b)")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b")


def short_name(person: str) -> str:
    """'Volodymyr Zelensky' -> 'Zelensky'; 'Ursula von der Leyen' -> 'von der Leyen'."""
    parts = person.split()
    k = len(parts) - 1
    while k > 0 and parts[k - 1].lower() in NAME_PARTICLES:
        k -= 1
    return " ".join(parts[k:])


def party_subject(party: str) -> str:
    """A party's name as the subject of a line: 'The United States', 'Hamas'."""
    return f"The {party}" if _THE_NAMES.search(party) and not party.lower().startswith("the ") else party


_WEEKDAY_END = re.compile(rf"\b{WEEKDAY}$")


def holder_name(holder: str, speaker: str | None) -> str:
    """The speaker's short name, or the party's when no person (or only the party's own name) is known."""
    if speaker and not set(speaker.split()) <= set(holder.split()) and not _demonym_of(speaker, holder) \
            and short_name(speaker).split()[-1][:1].isupper() and not _WEEKDAY_END.search(speaker) \
            and speaker.split()[0] not in ("the", "a", "an"):  # "Sudan's foreign minister" is a role, no name;
        # nor is 'the office of the Prime Minister on Thursday' (whose last word is no surname)
        return short_name(speaker)
    return party_subject(holder)


def _demonym_of(word: str, party: str) -> bool:
    """'Lao' or 'Faroese' taken for a person's name: one word that shares its stem with the party's name."""
    return " " not in word and any(w[:3].lower() == word[:3].lower() for w in party.split() if len(w) > 3)


def resolve_opening(text: str, holder: str, speaker: str | None, antecedent: str,
                    joint: tuple[str, ...] = ()) -> str | None:
    """Replace an opening 'He'/'It'/'Its'/'This move' with what it stands for; None when it cannot be done.
    `joint`: the parties an opening 'They' stands for together ('Norvia, Arkadia and Sardon urged')."""
    body = _OPENING_BODY.match(text)
    if body:  # 'Her party called ...' was attributed to the party itself: the phrase is its name
        return holder_name(holder, None) + text[body.end():]
    m = _OPENING_PRONOUN.match(text) or _OPENING_POSSESSIVE.match(text)
    if m:
        word = m.group("w").lower()
        if word in ("he", "she", "his", "her") and not speaker or _EXPLETIVE.match(text[m.end():]):
            return None  # 'It's a provocation': 'it' is what was said about, not who said it
        name = holder_name(holder, speaker if word in ("he", "she", "his", "her") else None)
        if word in ("they", "their") and len(joint) > 1:
            names = [party_subject(p) for p in joint]
            names[1:] = ["the" + n[3:] if n.startswith("The ") else n for n in names[1:]]
            name = ", ".join(names[:-1]) + " and " + names[-1]
        rest = text[m.end():]
        named_later = speaker and short_name(speaker)[:1].isupper() and \
            re.search(rf"\b{re.escape(short_name(speaker))}\b", rest)
        if re.search(rf"\b{re.escape(name.removeprefix('The '))}\b", rest) or named_later:
            return None  # 'Its envoy urged Laos': a name that is also the object resolved the pronoun wrongly;
            # 'they chose to fly on, Putin said': the speaker, named later, speaks of others
        return name + rest if word in ("he", "she", "it", "they") else f"{possessive(name)} {rest}"
    if _OPENING_DEMONSTRATIVE.match(text):
        resolved = resolve_demonstratives(text, antecedent)
        return None if _OPENING_DEMONSTRATIVE.match(resolved) else resolved[:1].upper() + resolved[1:]
    return text


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") and not name.endswith("ss") else f"{name}'s"


def resolve_demonstratives(text: str, antecedent: str) -> str:
    """'Russia has consistently opposed this move' -> "... opposed Ukraine's NATO membership", taking the object of
    the antecedent's stance verb (and its subject as possessor when the object has none)."""
    m = _DEMONSTRATIVE.search(text)
    if m is None or not antecedent:
        return text
    phrase = antecedent_phrase(antecedent)
    if not phrase or _disagrees(phrase, m.group("noun"), text[m.end():]):
        return text
    return text[:m.start()] + phrase + text[m.end():]


def _disagrees(phrase: str, noun: str, rest: str) -> bool:
    """'This measure was taken' must not become 'Restrictions was taken': a plural for a singular before its verb."""
    plural = phrase.split()[-1].lower()
    return plural.endswith("s") and not plural.endswith("ss") and not noun.lower().endswith("s") \
        and bool(re.match(r"\s+(?:is|was|has)\b", rest))


def antecedent_phrase(antecedent: str) -> str | None:
    """The noun phrase a stance verb of `antecedent` takes as its object, e.g. 'Ukraine views NATO membership as
    crucial' -> "Ukraine's NATO membership"."""
    toks = re.findall(r"[\w’'.-]+|[,;]", antecedent)
    lower = [t.lower() for t in toks]
    verb = next((i for i, w in enumerate(lower) if w in STANCE_VERBS and i > 0 and lower[i - 1] not in DETERMINERS
                 and (w.endswith(("s", "ed")) or w.endswith("ing") and lower[i - 1] in _BE)), None)
    # ('an agreed quota' is an adjective; 'was considering trade measures' a verb)
    if verb is None:
        return None
    end = verb + 1
    while end < len(toks) and lower[end] not in _NP_STOP and end - verb <= 5:
        end += 1
    np = [t.rstrip(".") for t in toks[verb + 1:end]]  # the sentence's final period is no part of the phrase
    if not np or lower[verb + 1] in ("that", "to", "it", "them", "this"):
        return None
    subject = [t for t in toks[:verb] if t[:1].isupper() and t.lower() not in DETERMINERS | _PRONOUNS]
    named = len(subject) == 1 and subject[0] == toks[0]
    if np[0].lower() in ("a", "an"):  # 'a joint commission' is only 'this move' when we know whose it is
        return f"{possessive(subject[0])} {' '.join(np[1:])}" if named else None
    if np[0][:1].isupper() and len(np) > 1 and named:
        return f"{possessive(subject[0])} {' '.join(np)}"
    return " ".join(np)


def reduced_relative(text: str, antecedent: str) -> str:
    """'A claim Indian officials denied' (after '..., accused India of violating the deal') -> 'Indian officials
    denied a claim of violating the deal': the holder and verb first, the claim's content from the antecedent."""
    m = _REDUCED_RELATIVE.match(text)
    if m is None:
        return text
    line = f"{m.group('subject')} {m.group('adverb') or ''}{m.group('verb')} {m.group('det').lower()} {m.group('noun')}"
    if m.group("rest"):
        return line + m.group("rest")
    of = re.search(r"\b(?:accused|accusing|accuses|charged|blamed)\b[^,;]*?\s(of\s[^,;]+?)\s*[,;.]?\s*$", antecedent)
    return f"{line} {of.group(1)}" if of else line


def relative_object(text: str, antecedent: str) -> str:
    """'which Andes Lithium has called disproportionate' (after '..., seeking a fine of 9 billion pesos,') ->
    'Andes Lithium has called a fine of 9 billion pesos disproportionate': the relative's object put back."""
    m = _RELATIVE_OBJECT.match(text)
    noun = _last_noun_phrase(antecedent) if m else None
    verb = m.group("verb").split()[-1].lower() if m else ""
    if m is None or noun is None or not (verb.endswith("ed") or verb in STANCE_VERBS or verb in _NAMING_VERBS):
        return text  # ('that French troops will withdraw': 'troops' is no verb)
    if verb in _DENIALS and not _CLAIM_NOUN.search(noun):
        return text  # 'Kinshasa accuses Kigali of backing the M23, which Rwanda denies': the claim, not 'the M23'
    head = f"{m.group('subject')} {m.group('verb')}"
    rest = m.group("rest") or ""
    if m.group("verb").split()[-1].lower() in _NAMING_VERBS:  # 'called it X': the object comes before X
        return f"{head} {noun}{rest}"
    return f"{head}{rest} {noun}" if not rest.strip() else f"{head} {noun}{rest}"


def _last_noun_phrase(antecedent: str) -> str | None:
    """The last comma piece of `antecedent` (or its tail after a verb) that is a noun phrase with no verb."""
    for piece in reversed([p.strip() for p in antecedent.strip(" ,").rstrip(".!?").split(",")]):
        for m in re.finditer(r"\b(?:a|an|the|its|their)\s", piece, re.IGNORECASE):
            phrase = piece[m.start():]
            if not re.search(r"\b(?:has|have|had|is|are|was|were|will|would|\w+ing|[a-z]+ed)\b", phrase):
                return phrase
    return None


def speaker_quote(speaker_label: str, content: str) -> str:
    """'Netanyahu: “We will not agree to any deal”': a quote keeps who said it."""
    content = content.strip().strip('"“”').rstrip(" ,.")
    label = speaker_label[:1].upper() + speaker_label[1:]  # 'de Moraes' opens a line as 'De Moraes'
    return f"{label}: “{content}”"


def first_person(text: str) -> bool:
    return bool(_FIRST_PERSON.search(text))
