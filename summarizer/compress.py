"""Compress, never cut: rules that take out of a clause what carries no stance, and only that.

Each rule deletes whole pieces (a dateline, a leading subordinate clause, an appositive, a time adverbial, a
trailing context clause) or moves the attribution of a content-first sentence to the front. None shortens a
line by cutting it off, none adds a content word, and none drops a negation or a number from a clause it keeps.
"""
from __future__ import annotations

import re

from summarizer.lexicon import COPULAS, MODALS, PREPOSITIONS, REPORTING_VERBS, STANCE_VERBS
from summarizer.words import word_set

MAX_WORDS = 20
MIN_WORDS = 8
LONG_WORDS = 24  # a stance that cannot be said shorter may take this many words
APPOSITIVE_WORDS = 12
EVENT_VERB_REACH = 6  # words after 'after' within which its clause must show a finite verb  # longest comma-framed insertion taken for an appositive
# a run of spaces is read once for the three breaks it may start (same matches as one alternative each)
_CLAUSE_SPLIT = re.compile(r",\s+|;\s+|\s+(?:(?=(?:while|whereas|but)\s)|-{1,2}\s+|[–—]\s+)")
_LEADING = re.compile(
    r"^(?:(?:however|additionally|moreover|meanwhile|furthermore|also|but|and|yet|still|instead|indeed|nevertheless|"
    r"nonetheless|similarly|likewise|"
    r"separately|in addition|at the same time|on the other hand|as a result|in turn|for (?:its|his|her|their) part|"
    r"especially|notably)\b[,]?\s*)+",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z/ .'-]{2,}(?:,[^-–—]{0,40})?\s*(?:\([^)]{1,30}\))?\s*[-–—]{1,2}\s+|\([A-Z][\w ]{1,30}\)\s*[-–—]\s+"
    # 'YEREVAN—Azerbaijan ...', 'ISLAMABAD: Deputy ...', 'GUBA/CAIRO: Ethiopia ...'
    r"|[A-Z]{3,}(?:[ /][A-Z]{3,})?(?:—|:\s+)(?=[A-Z])"
    # 'New York, (APP - ... 24th Oct, 2024) Boeing ...', 'Copenhagen, Denmark - Greenland ...'
    r"|[A-Z][\w.' -]{2,30},\s*\([^()]{1,90}\)\s*(?=[A-Z])"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z][a-z]+(?: [A-Z][a-z]+)?\s+[-–—]\s+(?=[A-Z])"
    r"|By [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*[-–—|]\s+"
    # 'Oct. 25 (Wire) -- ...': a date alone, before the agency or the dash
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?\s*"
    r"(?:\([^)]{1,30}\)\s*)?[-–—]{1,2}\s+)")
SUBORDINATORS = (*sorted(word_set("subordinators")), "in the wake of", "ahead of")
_LEADING_CLAUSE = re.compile(
    r"^(?:in|during|at) (?:an?|the|his|her|its|their) [^,]{0,40}\b(?:statement|interview|address|speech|post|"
    r"briefing|conference|meeting|summit|rally|letter|video|report|communique)\b[^,]{0,90},\s+|"
    rf"^(?:(?:{'|'.join(SUBORDINATORS)})\b|[A-Za-z]+ing\b|(?:asked|pressed|questioned|speaking)\b)[^,]*,\s+",
    re.IGNORECASE)
_PARENTHETICAL = re.compile(
    r",\s+(?:for (?:its|his|her|their) part|in turn|however|meanwhile|too|though|for now|so far|in return|"
    r"in a statement|in response|for example|at least publicly),(?=\s)", re.IGNORECASE)
_BRACKETS = re.compile(r"\s*\([^()]{1,60}\)")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_TIME = re.compile(  # a deadline ('by next year', 'before Friday') is content, not time of saying; nor is the
    # object of 'of' or 'since' ('at the end of last week'), nor a time an adverb narrows ('killed just this year')
    rf"(?<!\bby)(?<!\buntil)(?<!\bbefore)(?<!\bof)(?<!\bsince)(?<!\bjust)(?<!\bonly)(?<!\beven)"
    rf"\s*,?\s+(?:from {WEEKDAY} (?:to|until|through) {WEEKDAY}"
    rf"|(?:on|late on|early on|from|this|last) {WEEKDAY}(?:,? {MONTH} \d{{1,2}}\b)?"  # 'on Thursday, July 24'
    r"(?: (?:morning|afternoon|evening|night))?"
    r"|(?:(?:for|in|from|over|during) )?(?:last|this|next|earlier this|later this) "
    r"(?:week|weekend|month|year|morning|evening)"
    r"|(?:at|over) the weekend"  # British: 'Aliyev indicated at the weekend that ...'
    r"|(?:yesterday|today|tonight)(?= |,|\.|$))(?=[\s,.;]|$)")
# 'In October, Abiy said': when it was said, opening the sentence (not a deadline: 'By March, ...' stays)
# '... M23 rebels — who have been consolidating control of the east — and the army': an aside between dashes
_DASH_RELATIVE = re.compile(r"\s+[—–]\s+(?:who|which|whose)\b[^—–;“”\"]*\s[—–]\s+")
_LEADING_TIME = re.compile(
    rf"^(?:(?:on|late on|early on) {WEEKDAY}\s+(?=the\s|(?-i:[A-Z]))"  # 'On Tuesday the rebels ...'
    rf"|(?:(?:in|on|late on|early on|earlier in|late in|late|early|last|this) )?(?:{WEEKDAY}"
    r"(?: (?:morning|afternoon|evening|night))?"  # 'Late Monday night, ...'
    rf"|{MONTH}(?: \d{{1,2}})?(?:,? \d{{4}})?"
    r"|yesterday|today)\s*,\s+(?=(?-i:[A-Z]))"  # not 'May, the minister said, is too late'
    r"|(?:last (?:week|month|year|weekend)|earlier (?:this|in the) (?:week|month|year|day))\s*,\s+"
    r"(?=(?-i:[A-Z])|the\s))",
    re.IGNORECASE)
_OCCASION = re.compile(
    r",?\s+(?:in|during) (?:(?:an?|the|his|her|their|its) (?:[a-z-]+ ){0,2}"
    r"(?:statement|interview|address|speech|post|briefing|broadcast|appearance|remarks|video|message|letter|report)"
    r"|(?:[a-z-]+ )?(?:remarks|comments|statements|interviews))"  # ('in televised remarks publicized on Wednesday')
    r"(?: (?:released|posted|published|publici[sz]ed|broadcast|televised|aired|shared|issued|made))?"
    # ('issued by its foreign ministry': the subject's own office; another agent stays, with its statement)
    r"(?: by (?:its|his|her|their)(?: (?!(?:on|in|at|to|with|for|after|over)\b)[\w-]+){1,3}(?=[\s,.;]|$)(?! by))?"
    r"(?: (?:on|to|with) [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})?(?=[\s,.;]|$)(?!\s+(?:\w+\s+)?by\b)"
    # 'on Facebook', 'on his Truth Social network': where it was posted, not what
    r"|\s+on (?:(?:his|her|their|its) (?:[A-Z][\w-]* ){0,3}(?:social media )?(?:network|account|platform|page|"
    r"channel|website|feed)|Facebook|Telegram|Twitter|Instagram|social media)(?=[\s,.;]|$)")
_TRAILING_CONTEXT = re.compile(
    r",\s+(?:as|after|while|amid|amidst|following|before|since|when|days after|hours after|weeks after|even though)"
    r"\s[^,;]*$",
    re.IGNORECASE)
_TRAILING_ACCORDING = re.compile(r",\s+(?:according to |(?:speaking |who spoke )?on condition of anonymity|speaking "
                                 r"anonymously|(?:asking|who asked) not to be (?:named|identified))[^,;]*$",
                                 re.IGNORECASE)
_TRAILING_OPTIONAL = re.compile(r"(?:,\s+|\s+(?=(?:including|such as)\s))(?:including|such as|especially)\s[^;]*$")
_PASSIVE_ASIDE = re.compile(
    r"^(?:there\s+(?:were|was|are|is|have\s+been|has\s+been)\s+(?:also\s+)?)?(?P<np>[^,;\"“]{1,60}?),\s+"
    r"(?P<verb>[a-z]+ed|made|put)\s+by\s+(?P<agent>[^,;\"“]{1,80}),\s+(?P<rest>(?:that|about|over|on|of)\s.+)$",
    re.IGNORECASE)
# 'economies such as China and the Gulf states also paid in': named examples inside a clause, its verb after them
_NAMED = r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:\s+[a-z]+s)?"
_MID_EXAMPLES = re.compile(rf",?\s+(?:such as|including)\s+{_NAMED}(?:(?:,\s+|\s+and\s+|,\s+and\s+){_NAMED})*,?"
                           rf"(?=\s+(?!and\b|or\b|but\b)[a-z])")
# words that make the rest of an example list a clause of its own
_LIST_VERBS = STANCE_VERBS | REPORTING_VERBS | COPULAS | MODALS | frozenset(
    {"has", "have", "had", "do", "does", "did", "will", "would", "can", "could"})
# (with a name in commas inside it: ', who hosted the talks in the capital, Putrajaya, said')
_RELATIVE = re.compile(r",\s+(?:who|whose|which)\s(?:[^,;\"“”]|,\d){1,160}"
                       r"(?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?,(?=\s+[a-z])")
_AGE = re.compile(r"(?<=[A-Za-z]),\s+\d{1,3},(?=\s+[a-z])")  # 'Irfaan Ali, 44, called'
_VERBISH = re.compile(r"^(?:[a-z]+(?:ed|s|ing)|said|told|says|has|have|had|is|are|was|were|will|would|can|could|"
                      r"must|should|may|might|did|does|do|also|again|has|never|repeatedly|strongly|later|earlier|then|[a-z]+ly)\b")


FINITE_WORDS = word_set("irregular_past") | {"had", "has", "have", "was", "were", "is", "are"}


def clauses(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans of the clauses of `text` (shifted by `offset`)."""
    spans, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        if m.start() > start:
            spans.append((offset + start, offset + m.start()))
        start = m.end()
    if start < len(text):
        spans.append((offset + start, offset + len(text)))
    return spans


def words(text: str) -> int:
    return len(text.split())


def drop_dateline(text: str) -> str:
    """'CAIRO, March 4 (Wire) - The ministry ...', 'By Ann Lee - ...' -> 'The ministry ...'."""
    return _DATELINE.sub("", text)


def drop_connectors(text: str) -> str:
    """'However, Russia ...', 'Additionally, he ...', '• Indian advisers ...' -> 'Russia ...', 'he ...', ..."""
    return _LEADING.sub("", text.lstrip("•▪·*– ")).strip()


def drop_leading_clause(text: str) -> str:
    """'As Zelensky arrives at the conference, he expresses ...' -> 'he expresses ...'."""
    return _LEADING_CLAUSE.sub("", text, count=1)


def drop_subordinator(text: str) -> str:
    """'As Moscow has declared the annexation' -> 'Moscow has declared the annexation' (the stance itself); the
    main clause after it goes too ('Although X has not announced it, the talks remain stalled': another's)."""
    m = re.match(r"^(?:as|while|although|though|whereas|but|and|when)\s+(?=\S)", text, flags=re.IGNORECASE)
    if m is None:
        return text
    rest = text[m.end():]
    if m.group(0).strip().lower() in ("although", "though", "while", "whereas", "as", "when"):
        unquoted = re.sub(r"[\"“][^\"”]*[\"”]", lambda q: "x" * len(q.group()), rest)  # commas inside quotes stay
        comma = re.search(r",\s+(?=[a-z]+\s|[A-Z])", unquoted)
        rest = rest[:comma.start()] if comma else rest
    return rest


def drop_parentheticals(text: str) -> str:
    """'Hamas, for its part, insists' -> 'Hamas insists'; bracketed asides go too."""
    return _BRACKETS.sub("", _PARENTHETICAL.sub("", text))


_PARTICLES = r"(?:da|de|do|dos|das|del|van|von|der|al|bin|ibn|di|du|la|le)"
_NAME_WHO = re.compile(rf"^(?P<name>(?:(?:[A-Z][\w.'’-]*|{_PARTICLES})\s+){{0,6}}[A-Z][\w.'’-]*),\s+who\s+"
                       r"(?=(?:has|had|have|is|was|would|will|[a-z]+ed)\b)")


def relative_to_main(text: str) -> str:
    """'Lula da Silva, who declared that the state would not yield' -> 'Lula da Silva declared that ...': a line
    that is a name and its relative clause, with no main verb after it, says what the clause says of the name."""
    m = _NAME_WHO.match(text)
    if m is None or "," in re.sub(r"[\"“][^\"”]*[\"”]", "", text[m.end():]):
        return text
    return f"{m.group('name')} {text[m.end():]}"


def drop_appositives(text: str) -> str:
    """', who visited the region last week,' / ', the head of the IAEA,' / ', Xie Feng,' between a subject and its
    verb. A list ('France, Britain and Germany') is no appositive."""
    text = _AGE.sub("", _RELATIVE.sub("", _DASH_RELATIVE.sub(" ", text)))
    commas = [m for m in re.finditer(r",\s+", text)]
    out, pos = [], 0
    for first, second in zip(commas, commas[1:]):
        if first.start() < pos:
            continue
        inner = text[first.end():second.start()]
        if ";" in inner or inner.count('"') % 2 or inner.count("“") != inner.count("”") \
                or not _is_appositive(inner, text[:first.start()], text[second.end():]):
            continue
        # ', a Danish territory, according to ...': the attribution after it keeps its comma
        out.append(text[pos:first.start()] + (", " if text.startswith("according to ", second.end()) else " "))
        pos = second.end()
    out.append(text[pos:])
    return re.sub(r"\s{2,}", " ", "".join(out))


def _is_appositive(inner: str, before: str, after: str) -> bool:
    if words(inner) > APPOSITIVE_WORDS or re.search(r"\b(?:and|or|said|says|told|added)\b", inner) \
            or not before.strip():  # (', a European diplomat said,' is who said it)
        return False
    if not _VERBISH.match(after) or after.startswith(("and ", "but ")):
        return False
    opener = re.match(r"(?:the|a|an|one|known|especially|notably|including|particularly|also|both|[a-z]+ing\b|"
                      r"[A-Z][\w.'’-]*['’]s\b|[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|al-\w+|bin|von|der|de))*$)", inner)
    return opener is not None


def drop_time(text: str) -> str:
    """'said on Monday that', 'said Tuesday', 'last week', 'in a televised statement' -> gone (dates with numbers
    and deadlines stay)."""
    text = _OCCASION.sub("", text)  # first: 'said in a statement Tuesday'
    text = re.sub(rf"\b(said|says|told|announced|added|warned|\w+ed)\s+(?:(?:later|earlier|late|early)\s+)?"
                  rf"{WEEKDAY}"
                  rf"(?:\s+(?:morning|afternoon|evening|night))?\b(?!,? \d)", r"\1", text)
    return _TIME.sub("", _LEADING_TIME.sub("", text))


def drop_trailing_context(text: str) -> str:
    """', after the United States quadrupled tariffs ...', ', according to two officials' and ', speaking on
    condition of anonymity' at the end."""
    return _TRAILING_ACCORDING.sub("", _TRAILING_CONTEXT.sub("", text))


# An 'as' clause of time or cause opens with its subject ('as the talks began', 'as Russia pressed')
_SAID_JUST = re.compile(r"\b(?:said|says|announced|told \w+)(?:\s+(?:just|shortly|soon|right|immediately))?$")
_AS_SUBJECT = re.compile(r"(?:the|a|an|his|her|their|its|this|that|these|those|it|they|he|she|we|[A-Z])\b")


def drop_trailing_event(text: str) -> str:
    """'... to defend its interests after the United States quadrupled tariffs' -> '... its interests': a trailing
    'after/as/while' clause with a verb of its own is the occasion, not the stance ('after the war' stays)."""
    for m in re.finditer(r",?\s+(?:even\s+)?(?P<marker>after|as|while|amid|following)\s+(?P<rest>[^;\"“”]+)$", text):
        head = m.group("rest").split(",")[0].split()[:EVENT_VERB_REACH]  # its own verb, not one after a comma
        if m.group("marker") == "as" and not _AS_SUBJECT.match(m.group("rest")):
            continue  # 'described the meeting as poor': the verb's complement, not an occasion
        if _SAID_JUST.search(text[:m.start()]):
            continue  # 'said just after midnight Maduro had won': the time of saying, then what was said
        if any(w.endswith("ed") or w in FINITE_WORDS for w in head[1:]):
            return text[:m.start()]
    return text


def drop_trailing_condition(text: str) -> str:
    """'... urged Laos to suspend work until a full study has been completed' -> '... to suspend work': only to
    make a too long line fit, the whole trailing condition goes (a line never ends inside one)."""
    m = re.search(r"\s+(?:until|unless|if|before|because|so that|provided)\s[^\"“”;]+$", text)
    if m is None or re.search(r"\b(?:only|even|not)$", text[:m.start()]):  # 'but only if ...' is the stance
        return text
    return text[:m.start()]


def drop_trailing_relative(text: str) -> str:
    """'... were a "novel form of economic extortion" that the United States will not tolerate' -> '... were a
    "novel form of economic extortion"': only to make a too long line fit, a relative clause after the quotation
    it describes goes whole (a 'that' right after a quotation introduces no reported clause)."""
    m = re.search(r"(?<=[\"”])\s+(?:that|which)\s[^\"“”;,]+$", text)
    return text if m is None else text[:m.start()]


# '... alter the situation on the ground in a potentially oil-rich territory that is the subject of a dispute':
# a place brought in by an indefinite article and described by its own relative clause
_TRAILING_SETTING = re.compile(r"\s+(?:in|on|at|near|across|along)\s+an?\s+[^,;\"“”]{1,60}?\s(?:that|which|where)\s"
                               r"[^,;\"“”]+$")


def drop_trailing_setting(text: str) -> str:
    """Only to make a too long line fit: a trailing place and the relative clause describing it go whole."""
    m = _TRAILING_SETTING.search(text)
    return text if m is None else text[:m.start()]


_SECOND_INFINITIVE = re.compile(r"\s+and\s+to\s+(?:[^\"“”;]|[\"“][^\"“”]*[\"”])*$")


# a trailing second predicate: 'and will go ahead', 'and warned', 'and said the group had ...' (irregular past)
_SECOND_PREDICATE = re.compile(
    r"\s+and\s+(?:(?:has|have|had|will|would|is|are|was|were|must|could|should|can)\b|[a-z]+ed\b|"
    r"(?:" + "|".join(sorted(word_set("irregular_past"))) + r")\b|"
    r"[a-z]+s\b(?=\s+(?:that|the|a|to|it|for)\b))[^\"“”;]*$")


def drop_trailing_coordination(text: str) -> str:
    """'Laos says the project is essential and will go ahead as scheduled' -> '... is essential': only to make a
    too long line fit, a trailing second predicate goes whole."""
    m = _SECOND_PREDICATE.search(text) \
        or _SECOND_INFINITIVE.search(text)  # '... calling for a ceasefire and to "address the root causes"'
    return text[:m.start()] if m and words(text[:m.start()]) >= MIN_WORDS else text


def drop_trailing_examples(text: str) -> str:
    """', including Crimea, Donetsk, and Luhansk' at the end: examples of what the clause already says. Not
    when a verb follows the list: 'adversaries such as Russia, Iran and China back the deal' is the clause."""
    text = _MID_EXAMPLES.sub("", text)
    m = _TRAILING_OPTIONAL.search(text)
    if m is None or any(w in _LIST_VERBS for w in re.findall(r"[a-z']+", m.group(0).split(None, 2)[-1])):
        return text
    return text[:m.start()]


def passive_aside_to_active(text: str) -> str:
    """'There were also concerns, voiced by Rubio, that the deal posed a threat' -> 'Rubio voiced concerns that
    the deal posed a threat': the agent of a passive aside holds what the noun phrase says."""
    m = _PASSIVE_ASIDE.match(text.strip(" ."))
    if m is None:
        return text
    np = m.group("np")
    return f"{m.group('agent')} {m.group('verb')} {np if _proper(np) else np[:1].lower() + np[1:]} {m.group('rest')}"


_ING_START = re.compile(r"^[a-z]+ing\s", re.IGNORECASE)
_AGENT_TAIL = re.compile(r"\s(?:for|to|with|over|after|in|on|at|from|because|against)\s", re.IGNORECASE)


def passive_to_active(text: str, agent: str | None = None) -> str:
    """'Earlier sentiments of inevitability voiced by NATO allies' -> 'NATO allies voiced earlier sentiments of
    inevitability': a noun phrase with its agent after 'by' says who holds it."""
    m = re.match(r"^(?:despite |amid |after )?(?P<np>[^,;]+?) (?P<verb>[a-z]+ed|made|put) by (?P<agent>[^,;]+?)$",
                 text.strip(" .,"), re.IGNORECASE)
    if m is None or (agent and agent.lower() not in m.group("agent").lower()) \
            or m.group("np").split(" ", 1)[0].lower() in PREPOSITIONS:  # ('within the framework endorsed by X'
        return text  # opens with a preposition: no thing X endorsed)
    np = m.group("np")
    # ('aiming to sidestep a fine imposed by the Commission for violating the act': a clause of an act, not a
    # noun phrase, and an agent with more after it, neither of which turns round)
    if _ING_START.match(np) or _AGENT_TAIL.search(m.group("agent")):
        return text
    return f"{m.group('agent')} {m.group('verb')} {np[:1].lower() + np[1:] if not _proper(np) else np}"


def _proper(word_group: str) -> bool:
    first = word_group.split()[0]
    return first[:1].isupper() and first.lower() not in ("the", "a", "an", "earlier", "many", "some")


def tidy(text: str) -> str:
    """Edge punctuation and connectors off, a capital first letter, no final period (an abbreviation's stays)."""
    text = drop_connectors(drop_dateline(text.strip(" ,;:-–—")))
    text = re.sub(r"^\w+ing\s+that\s+", "", text, flags=re.IGNORECASE)  # 'emphasizing that X must ...'
    text = re.sub(r"\s+([,;.])", r"\1", re.sub(r"\s{2,}", " ", text)).rstrip(" ,;:")
    text = _balance_quotes(text)
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$|\b[A-Z]\.[A-Z]\.$", text):
        text = text[:-1]
    return text[:1].upper() + text[1:]


def _balance_quotes(text: str) -> str:
    """A quotation mark left alone at an edge by the sentence split ('Kurti did not accept it.”') goes."""
    if text.endswith("”") and text.count("”") > text.count("“") or text.endswith('"') and text.count('"') % 2:
        text = text[:-1].rstrip()
    if text.startswith("“") and text.count("“") > text.count("”") or text.startswith('"') and text.count('"') % 2:
        text = text[1:].lstrip()
    return text
