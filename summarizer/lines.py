"""A position line: the stance clause of a statement, compressed (never cut), standalone, and a stance.

Candidates are the holder's whole segment, its run of stance clauses, and each stance unit in it; each is
compressed, its opening resolved, and checked to be a statement with a finite verb. The best one that fits the
topic and 8 to 20 words wins (24 when nothing shorter says it); None when no candidate is a standalone stance.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from summarizer import compress as c
from summarizer.attribution import Statement
from summarizer.attribution.cues import inside_quote
from summarizer.attribution.blocks import BLOCK
from summarizer.attribution.quotes import CONTINUED
from summarizer.attribution.statement import LISTED_NAME, same_subject, tail_context_cut
from summarizer.lexicon import (
    COPULAS, DETERMINERS, MODALS, PASSIVE_BY, PREPOSITIONS, REPORTING_VERBS, STANCE_ADJECTIVES, STANCE_NOUNS,
    STANCE_VERBS,
)
from summarizer.parties import PEOPLE_NOUNS
from summarizer.standalone import (
    first_person, holder_name, reduced_relative, relative_object, resolve_demonstratives, resolve_opening,
    speaker_quote,
)
from summarizer.topics import TopicMatcher, stems_of
from summarizer.words import word_set

_AUXILIARIES = COPULAS | MODALS | frozenset("has have had did does do will would could can may might shall must "
                                            "cannot won't can't didn't doesn't isn't aren't".split())
# ('A claim Ghanaian officials denied': a noun and its relative clause; not 'A senior Ghanaian official said')
_FRAGMENT_START = re.compile(
    rf"^(?:(?i:{'|'.join(c.SUBORDINATORS)}|if|unless|because|despite|to|that|which|who|where|given that|now that"
    r"|according to(?![^,]*,)"
    r"|(?:in|at|on|by|for|from|with|under|through|during)\s+(?:which|whom))\b|"
    r"(?i:an?\s+\w+\s+(?:that|which|who))\b|(?i:an?)\s+(?!(?:senior|top|former|acting|deputy|chief)\s)[a-z]+\s+[A-Z]"
    r"|[A-Z][a-z]+ed\s+by\b"  # 'Issued by the council, ...': a passive participle with no subject
    r"|[A-Z][a-z]+ly\s+[a-z]+ing\b"  # 'Allegedly waiting for the mission': nor an adverb and a participle
    r"|[A-Z][a-z]+ing\s+(?:a|an|the|its|their|his|her)\b(?![^,]*\b(?:is|was|are|were|would|will|could|has|had)\b)"
    r"[^,]*$)")  # 'Referencing a letter from the leader ...': a participle phrase with no verb of its own
# a quotation that is only its condition or time clause ('And as soon as this amendment is made')
_CONDITION_ONLY = re.compile(r"(?i:as soon as|as long as|even if|even though|if|unless|until|when|whenever|because|"
                             r"although|though|while|once|whereas)\s")
_PRONOUN_START = re.compile(r"^[\"'“‘]?(?:he|she|they|it|his|her|its|their|them|this|that|these|those|we|our|us|"
                            r"i|my|me|you|your)\b", re.IGNORECASE)
_SUBJECT_PARTICIPLE = re.compile(
    r"(?P<np>(?P<quant>(?:many|some|several|most|all|both)\s+)?(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*"
    r"(?:\s+(?!(?:is|was|has|does)\b)[a-z]+s)?)"
    r"\s*,?\s+(?P<verb>[a-z]+ing)\b")
_ACTION_PAST = PASSIVE_BY | word_set("irregular_past")  # 'Togo raised objections', 'Iran struck a deal'
_NAME_VERB = re.compile(r"\b[A-Z][\w.'’-]*(?<!['’]s)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]{3,}(?:s|ed))\s+\w")
# 'Albin Kurti, who has refused to ...': a subject and its relative clause, the main verb cut away
_RELATIVE_ONLY = re.compile(r"^[^,;:“\"]{1,80},\s+(?:who|which)\b[^,;]*$")
# 'González, recognized as the true winner by the United States': a name and the participle aside after it, the
# clause's own verb left out
_PARTICIPLE_ONLY = re.compile(r"^(?:[A-Z][\w'’.-]*|the|of|and)(?:\s+(?:[A-Z][\w'’.-]*|the|of|and))*,\s+"
                              r"[a-z]+(?:ed|en|ing)\b[^,;]*$")
SUBJECT_WORDS = 5  # a longer subject is no short line's opening
_SUBJECT_AUXILIARY = re.compile(rf"\s(?:{'|'.join(map(re.escape, sorted(_AUXILIARIES)))}|not)\b")  # 'Serbia is'
# Words no whole sentence ends on: a line ending on one was cut at a clause boundary inside it
# (not 'to', 'for', 'that', 'with', 'about': 'if both parties asked it to', 'what they asked for')
_DANGLING = frozenset("the a an and or but nor who whom whose which according of from into at by between among "
                      "toward towards without against than its their just".split())
# a verb whose only object is a bare 'this' or 'that' (the line then names nothing it is about)
_BARE_DEMONSTRATIVE_END = re.compile(r"\b[a-z]+(?:ed|s)\s+(?:this|that)(?:\s+(?:later|earlier|again|too|also|"
                                     r"strongly|firmly|outright|immediately))?\W*$")
_NAME_PARTICIPLE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+)+(?:(?:[a-z]+ly|earlier|later|also|still|again|now|then|"
                              r"already)\s+)?(?P<verb>[a-z]+ing)\b")
# after a line's last word in its sentence: more items of the same list (', Iran and China', ', investments and
# a'), or the condition that makes the stance (', but only if ...')
_APPOSED_SUBJECT = r",\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+,\s+(?:[a-z]+ed|said|says|told|has|have)\b"
_APPOSED_NAME_END = re.compile(r",\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*$")  # '..., Massad Boulos'
_COMPLEMENT_AFTER_NAME = re.compile(r",\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,\s+(?:of|for|over)\s")
_CLAUSE_GOES_ON = re.compile(r"^[\"”’']?,\s+(?:[\w’'.-]+\s+){1,3}?(?:and|or)\s+(?!that\b|which\b|who\b)\w"
                           r"|^[\"”’']?,\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,\s+[A-Z]"
                           # '... and a member of parliament, Pipaluk Lynge, stated': a subject cut off its verb
                           rf"|^{_APPOSED_SUBJECT}"
                           r"|^,?\s+(?:but\s+)?only\s+(?:if|when|after|once)\b")  # the condition is the stance
# a quotation opening with what it cannot show ('Such measures may include force'; not 'This coup is illegal'):
# the words must stay as said
_LEANS_BACK = re.compile(r"(?:such|they|he|she|his|her|its|their|them|(?:this|that|these|those)\s+(?:is|was|are|"
                         r"were|will|would|has|have)\b)\b", re.IGNORECASE)
_POINTS_BACK = re.compile(r"\b(?:this|that|these|those)\s+(?:is|was|are|were|will|would|has|have)\b", re.IGNORECASE)
_OPENING_ADVERBS = frozenset("later earlier also then again still now once further".split())
_OPENING_PHRASE = re.compile(r"(?i)(?:at\s+times|at\s+the\s+same\s+time|in\s+turn|on\s+occasion|in\s+the\s+past"
                             r"|for\s+now|for\s+years|once\s+again|at\s+first|in\s+recent\s+(?:days|weeks|months))\s+")
_PRONOUN_CONTRACTIONS = frozenset("it he she that there what who".split())  # "it's planned": it is
_BASE_SUBJECTS = frozenset("i we they you both also still now not jointly all".split())
# '..., said', '..., declaring', '... adding that' or '... he said only' (cut before its quotation) at the end: what
# was said is not in the line
_SAYING_ENDS = re.compile(r"(?:,\s+(?:said|says|added|adds|stated|told|adding|saying|noting|stating|arguing|declaring|"
                          r"insisting|warning|vowing|announcing)|\b(?:adding|saying|noting|stating|arguing|"
                          r"insisting|said|says|added)\s+that|\b(?:said|says|added|told)\s*,\s+(?:speaking|asking|"
                          r"requesting|declining)\b[^,“\"]*"  # ', speaking on condition of anonymity'
                          r"|\b(?:said|says|added|stated|told\s+\w+)\s+(?:only|simply|merely|briefly|just))\W*$")
# 'An Ethiopian official as saying ...': a line cut from '... quoted an Ethiopian official as saying', its verb lost
_AS_SAYING_ALONE = re.compile(r"^(?:(?!\b(?:quoted|quotes|quoting|cited|cites|citing)\b)[^“\"])*\bas saying\b")
_MAYBE_VERBS = STANCE_VERBS | STANCE_ADJECTIVES | _ACTION_PAST
_OPENING_SUBORDINATOR = re.compile(rf"\s*(?:{'|'.join(c.SUBORDINATORS)}|until)\s+", re.IGNORECASE)
_AFTER_SAYING = PREPOSITIONS | frozenset("after before during following since until".split())
_LAST_CONJUNCT = re.compile(r"\s*(?:and|or)\s+(?:the\s+)?[A-Z]")  # 'and Slovakia will ...'
_PRONOUN_TAIL = re.compile(r"[,.][\"”]\s+(?:he|she|it|they)\s+[a-z]+\W*$")  # '... both sides," it said.'
# a stop, then a capital: a second sentence (not 'Gen. Roe', 'Sept. 4', 'Mr. Roe', 'U.S. officials')
_TWO_SENTENCES = re.compile(r"\b(?!(?:Gen|Sen|Rep|Gov|Col|Capt|Sgt|Lt|Maj|Adm|Corp|Inc|Ltd|Co|St|No|Jan|Feb|Mar|Apr|"
                            r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)[A-Za-z]*[a-z]{2}\.\s+[A-Z]")
_BARE_QUOTATION = re.compile(r"[“\"][^“”\"]*[”\"]\W*")  # a quotation with no speaker: whose words are these?
_DANGLING_SPAN = re.compile(r",\s+(?:a|an|one|two|three|four|five|several|\d+)\s+"
                            r"(?:days?|weeks?|hours?|months?|years?)$")
_SAYING = frozenset("said says told tells added adds stated states wrote writes noted explained announced".split())
# a verb that takes an object before 'as' ('X rejected the claims as false'), with none between
_OBJECT_GAP = re.compile(r"\b(?:rejected|dismissed|described|denounced|condemned|branded|labell?ed|hailed|slammed|"
                         r"critici[sz]ed|welcomed|derided|characteri[sz]ed|decried|praised|blasted|saw|sees|views|"
                         r"viewed|regards|regarded)\s+as\b")
_PREPOSITION_LIKE = frozenset("regarding concerning including following according excluding pending considering "
                              "respecting involving".split())
_ANTECEDENT = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,5}(?P<rel>(?:which|who)\s+)(?:(?:has|have|had|is|was|are|were|will|"
                         r"would|could|can|may|might|did|does|do)\s+(?:not\s+|also\s+|already\s+|repeatedly\s+)?)?")
# a transitive verb that ends the line after a modal or a negation, or 'called' and an adjective: its object
# stood before the subject ('something Boeing has said it won't consider')
_GAP_END = re.compile(r"(?:\b(?:won['’]t|will not|would not|wouldn['’]t|cannot|can['’]t|could not|did not|"
                      r"didn['’]t|does not|doesn['’]t|not)\s+"
                      r"(?:consider|accept|support|recogni[sz]e|approve|allow|tolerate|sign|back|endorse)"
                      r"|\b(?:called|deemed|termed)\s+"
                      r"(?!off\b|for\b|on\b|up\b|out\b|in\b|it\b|them\b|him\b|her\b)[a-z]+)\W*$")
_FINDING = frozenset("concluded found reported wrote announced noted argued".split())  # verbs that report too
_DOCUMENTS = frozenset("report statement letter post communique declaration interview message video".split())
# 'The statement was made by Russia's deputy envoy during a meeting': who spoke, not what was said
_WHO_MADE_IT = re.compile(r"^(?:the|this|that|these|those|his|her|their|its)\s+(?:statements?|remarks?|comments?"
                          r"|announcements?)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
                          r"(?:made|issued|delivered|released|published)\s+(?:by|on|at|during|in)\b", re.IGNORECASE)
_BARE_ATTRIBUTION = re.compile(r"\b(?:said|says|added|stated|wrote)\W*$")
_REPORTED_TAIL = re.compile(r"^(?P<content>[^,]+),\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|reported|reports|added)$")
_CONDITIONS = frozenset("if unless once should".split())
_TIME_PLACE = word_set("time_place_words")
# the rest of a list after a line's last item: ', territorial integrity, and jurisdiction.' (not examples)
_LIST_END = re.compile(r",\s+(?!including\b|such\b|especially\b|notably\b|particularly\b)"
                       r"(?:[\w’'-]+(?:\s+[\w’'-]+){0,2},\s+)*and\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}\.?$")
# a reported clause at a line's end: 'insisted that the provisions, particularly the release of ...'
_REPORTED_CLAUSE = re.compile(r"\b(?P<verb>[a-z]+)\s+that\s+(?P<clause>(?:(?!\bthat\b).)+)$")
# a phrase after a comma that adds to the clause before it, which stands whole without it
_ADDED_PHRASE = re.compile(r"(?:to be|which|including|especially|particularly|as well as|and|[a-z]+ing)\b")
# a past verb of stance right before a modal or an auxiliary: 'which X had warned could escalate' (no subject
# between)
_GAP = re.compile(r"\b([a-z]+ed|said|told|thought|felt|held|wrote)\s+(?:could|would|might|may|can|will|shall|must|"
                  r"is|was|are|were|has|had)\b")
_CLAUSE_OPENERS = PREPOSITIONS | frozenset(c.SUBORDINATORS) | _CONDITIONS
MIN_STANCE_WORDS = 4  # fewer words state no position a reader can use
SHORTENING_TRIES = 12  # candidate lines examined per segment when dropping trailing pieces
_AS_FRAME = re.compile(
    r"^as\s+(?P<frame>[^,]+?\s(?:says?|said|suggests?|suggested|notes?|noted|argues?|argued|warns?|warned|"
    r"claims?|claimed|believes?|believed|acknowledges?|acknowledged|insists?|insisted))\s*,\s+(?P<rest>.+)$",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Line:
    """A written line and how well it fits: within 8 to 20 words (2), up to 24 (1), longer (0)."""

    text: str
    fit: int
    on_topic: bool
    named: bool
    score: float

    @property
    def rank(self) -> tuple:
        n = len(self.text.split())
        return (self.fit > 0, self.on_topic, self.fit, self.named, self.score, n if self.fit == 2 else -n)


def write_line(st: Statement, antecedent: str, matcher: TopicMatcher) -> Line | None:
    """The best standalone line for a statement on a topic, or None when it has none."""
    if st.via == BLOCK:
        quoted = _block_line(st, matcher)
        return _judge(quoted, st, matcher, named=True) if quoted else None
    quoted = _quote_line(st) or _quote_after_cue(st)
    if quoted is not None:
        return _judge(quoted, st, matcher, named=True)
    if st.via == CONTINUED and not st.cue_at:  # a run-on quotation no line can give with its speaker
        return None
    lines = [line for text in _candidates(st) for line in _variants(text, st, antecedent, matcher)]
    return max(lines, key=lambda line: line.rank, default=None)


def _block_line(st: Statement, matcher: TopicMatcher) -> str | None:
    """A sentence of a multi-paragraph quotation, as its speaker's words: 'United States: “We call on all sides
    to ensure protests remain peaceful”'. Not one that quotes inside the quotation, nor one too long to read."""
    content = st.segment.strip('"“” ').rstrip(" ,.")
    if not content or '"' in content or "“" in content or "”" in content:
        return None
    content = _one_quoted_sentence(content, matcher)  # a paragraph of several sentences: the one that fits
    if c.words(content) > c.LONG_WORDS and not first_person(content) or _LEANS_BACK.match(content):
        return None
    return speaker_quote(holder_name(st.holder, st.speaker), content)


def _quote_line(st: Statement) -> str | None:
    """'"We will not give up," the minister said' -> 'Mustafa: “We will not give up”'."""
    text = st.sentence.text[st.start:st.end].strip()
    if text[:1] not in "\"“" or not (st.cue_at or st.via == CONTINUED):
        return None
    # the quotation the text opens with ends at its first closing mark after a comma or stop ('"It was hard,"
    # said Musk, adding that "..."': a second quotation after the cue is not part of it; '"Due to "Justice" X'
    # quotes a word inside the quotation)
    close = next((k for k in range(2, len(text)) if text[k] in "\"”" and text[k - 1] in ",.!?"),
                 max(text.rfind('"'), text.rfind("”")))
    said_at = min(st.cue_at) if st.cue_at else st.end  # a run-on quotation is said by the sentence before
    # (a holder named inside the quotation is not its speaker, unless a cue after it is the holder's too:
    # '"The Islamic Republic will not ...," Ali Bagheri Kani ... told IRIB', both cues Iran's)
    inside = 0 <= st.holder_at <= st.start + close
    if close <= 0 or (inside and not any(at > st.start + close for at in st.cue_at)) \
            or (not inside and st.start + close >= said_at):
        return None
    content = _one_quoted_sentence(text[1:close].rstrip(" ,"))
    if c.words(content) > c.LONG_WORDS and not first_person(content) or _LEANS_BACK.match(content):
        return None
    return speaker_quote(holder_name(st.holder, st.speaker), content)


_SAID_THEN_QUOTE = re.compile(r"^(?P<head>[^\"“”]{2,160}?)\s+"
                              r"(?:said|says|added|stated|declared|wrote|told [\w ]{1,30}?)"
                              r"\s*[,:]\s*[\"“](?P<quote>[^\"“”]+)[\"”]\W*$")


def _quote_after_cue(st: Statement) -> str | None:
    """'UAW President Shawn Fain, in a statement, said, "We are reviewing the proposal. ..."' -> 'Fain: “We are
    reviewing the proposal”': a speaker, the cue, and a quotation that ends the sentence."""
    m = _SAID_THEN_QUOTE.match(st.sentence.text[st.start:st.end].strip())
    if m is None or not st.cue_at:
        return None
    speaker = re.sub(r",[^,]*,", " ", m.group("head"))  # the speaker without an aside ('..., in a statement,')
    if c.words(speaker) > 8 or is_stance(speaker):  # 'The minister rejected the plan and said: ...'
        return None
    content = _one_quoted_sentence(m.group("quote").rstrip(" ,"))
    if c.words(content) > c.LONG_WORDS and not first_person(content) or _LEANS_BACK.match(content):
        return None
    return speaker_quote(holder_name(st.holder, st.speaker), content)


def _one_quoted_sentence(content: str, matcher: TopicMatcher | None = None) -> str:
    """A quotation of several sentences too long for a line gives its first whole sentence of 8 to 20 words on
    the briefing's topic (when a `matcher` is given and one is) that speaks in the first person ('We have made
    tremendous gains ...'), else the first that fits; else all of it, without a trailing phrase that adds to its
    clause ('..., to be accompanied by ...')."""
    if c.words(content) <= c.MAX_WORDS:
        return content
    kept = content
    while c.words(kept) > c.LONG_WORDS and ", " in kept:
        head, _, last = kept.rpartition(", ")
        if not _ADDED_PHRASE.match(last) or c.words(head) < c.MIN_WORDS:
            break
        kept = head
    if kept != content and "." not in kept:
        return kept
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])", content)]
    fitting = [p for p in parts if c.MIN_WORDS <= c.words(p) <= c.MAX_WORDS]
    if len(parts) < 2 or not fitting:
        return content
    # 'I know this is true because I can prove it' says nothing without the sentence 'this' points back to
    plain = [p for p in fitting if not _POINTS_BACK.search(p)] or fitting
    if matcher is not None:  # each sentence of a paragraph may state a stance on another topic
        plain = [p for p in plain if matcher.score(stems_of(p)) > 0] or plain
    return next((p for p in plain if first_person(p)), plain[0])


def _candidates(st: Statement) -> list[str]:
    """The segment from its start and from the holder, the run of stance clauses, and each stance unit."""
    sentence = st.sentence.text
    spans = st.stance_spans
    out = [sentence[st.start:st.end]]
    # 'a step Egypt condemned': a holder inside a reduced relative clause is no line's start; nor is one after
    # a preposition ('64 per cent of members of the union voted', 'activists in Greenland have announced': the
    # line would drop who acted; 'The rejection of President Tinubu's plan'), nor one inside a condition ('If
    # Starlink keeps its stance, Brazil could ...': the main clause is another's), nor a second subject ('Sunak and
    # von der Leyen have agreed': the line names both), nor one inside a question ('it is unclear how X intends
    # to ...', 'how much water X will release': what is asked is not what X holds)
    holder_at = st.holder_at
    from_holder = st.start < st.holder_at < st.end and not re.search(
        r"\b(?:(?:a|an|the)\s+\w+|which|that|who|whom|according\s+to"
        r"|(?:of|in|for|from|by)(?:\s+(?:the|several|some|many|two|three))?|of(?:\s+the)?"
        r"(?:\s+(?-i:[A-Z][\w.'’-]*))+|if|unless|whether|why|what(?:\s+(?-i:[A-Z][\w.'’-]*))*"
        r"|how(?:\s+(?:much|many|far|long|soon)(?:\s+\w+)?)?|suggesting|alleging|claims\s+that|reports\s+that"
        r"|rumou?rs\s+that|speculation\s+that"
        r"|(?-i:[A-Z][\w.'’-]*)\s+and(?:\s+(?-i:[A-Z][\w.'’-]*))*|(?<=[—–-]\s)and(?:\s+the)?)\s*$",
        sentence[st.start:st.holder_at], re.IGNORECASE)
    if from_holder:  # with its article: 'the Faroe Islands and Iceland refused', not 'Faroe Islands ...'
        article = re.search(r"\b(?:the|a|an)\s+$", sentence[st.start:st.holder_at], re.IGNORECASE)
        holder_at = st.start + article.start() if article else st.holder_at
        text = sentence[holder_at:st.end]
        if _OPENING_SUBORDINATOR.fullmatch(sentence[st.start:holder_at]):  # 'After Moraes blocked X, Musk lashed
            text = text.split(", ")[0]  # out': the holder's clause ends where the main clause, not his, begins
        out.append(text)
    if spans:
        out.append(sentence[spans[0][0]:spans[-1][1]])
        if from_holder and st.holder_at < spans[0][0]:
            out.append(sentence[holder_at:spans[-1][1]])
        # (not the last name of a list with its verb: 'and Slovakia will ...' of 'Poland, Hungary, and Slovakia
        # will ...' names one of three)
        out.extend(sentence[a:b] for k, (a, b) in enumerate(spans)
                   if not (k and _LAST_CONJUNCT.match(sentence[a:b])
                           and LISTED_NAME.match(sentence[slice(*spans[k - 1])].strip())))
    # 'Serbia is ready to ... but will keep its red lines on X': the second predicate with its subject ('Serbia
    # will keep ...'), a line of its own
    if (from_holder or st.holder_at == st.start >= 0) and spans and st.cue_at:
        subject = sentence[holder_at:min(st.cue_at)]
        verb = _SUBJECT_AUXILIARY.search(subject)
        subject = subject[:verb.start()].strip() if verb else subject.strip()
        if 0 < len(subject.split()) <= SUBJECT_WORDS and not re.search(r"[,;:“”\"]", subject):
            out.extend(f"{subject} {sentence[a:b].strip()[4:]}" for a, b in spans[1:]
                       if a > min(st.cue_at) and same_subject(sentence[a:b].strip().lower()))
    if st.cue_at and 0 < st.holder_at and st.start <= st.holder_at:  # 'Maduro lashed out against the Carter Center
        # which reported fraud', 'tensions with U.S. President Donald Trump who has threatened tariffs': the holder
        # only the object of another's clause and the antecedent of its own: its clause, made main, with its title
        rel = _ANTECEDENT.fullmatch(sentence[st.holder_at:min(st.cue_at)])  # the cue right after 'which'/'who'
        # (after a verb or a preposition, not 'of': 'members of the association who cast ballots' cast them, and
        # 'the opposition Democratic Party which holds a majority, urged' is a subject)
        before = rel and re.search(r"(?<![\w’'-])([A-Za-z][\w’'-]*)\s+(?:the\s+)?((?:[A-Z][\w’'.-]*\s+)*)$",
                                   sentence[:st.holder_at])
        word = before and before.group(1).lower()
        if before and word != "of" and (word in PREPOSITIONS or word in STANCE_VERBS):
            start = before.start(2) if before.group(2) else \
                st.holder_at - (4 if sentence[:st.holder_at].endswith("the ") else 0)
            out = [sentence[start:st.holder_at + rel.start("rel")] + sentence[st.holder_at + rel.end("rel"):st.end]]
    own = sentence.find(f"that {st.holder} ", st.start, st.end)
    before = sentence[:own].split()[-1:] if own > 0 else []
    # "Its ministry said ... and that Brazil would not allow ...": the holder's own words name it (not 'the region
    # that Venezuela claims', a relative clause)
    if own >= 0 and (not before or before[0].lower() in STANCE_VERBS | {"and", "but"}):
        out.append(sentence[own + 5:st.end])
    if st.attribution_last or _PRONOUN_TAIL.search(sentence[st.start:st.end]):
        out.insert(0, _tail_resolved(st))
    closed = _quotation_end(sentence)  # 'Trudeau told reporters in Ottawa' of '"...," Trudeau told reporters in
    out = [t for t in out if closed < 0 or sentence.find(t) <= closed]  # Ottawa': the words are in the quotation
    # 'the statement released by the State Department said.': who said it, without what was said
    out = [t for t in out if "," in t or not _BARE_ATTRIBUTION.search(t)]
    # ('killing at least 10 people and ...' of '..., killing ...': an act's participle clause, its subject before it;
    # not 'insisting that ...', whose reported clause may stand alone)
    return [t for t in dict.fromkeys(_without_next_subject(t, sentence) for t in out)
            if t.strip() and not _act_participle(t.strip())]


def _act_participle(text: str) -> bool:
    m = re.match(r"([a-z]+ing)\s", text)
    return bool(m) and m.group(1) not in STANCE_VERBS and m.group(1) not in REPORTING_VERBS


def _quotation_end(sentence: str) -> int:
    """Where the quotation a sentence opens with closes (-1 when it opens with none)."""
    if sentence[:1] not in "\"“":
        return -1
    return sentence.find("”" if sentence[0] == "“" else '"', 1)


_NEXT_SUBJECT = re.compile(r"\s+and\s+(?:a|an|the)\s+[\w’'-]+(?:\s+[\w’'-]+){0,5}$")
_ITS_VERB_AFTER = re.compile(f"^{_APPOSED_SUBJECT}")
_TRAILING_CONJUNCTION = re.compile(r",?\s+(?:and|but|or|while|whereas)\s*$", re.IGNORECASE)


def _without_next_subject(text: str, sentence: str) -> str:
    """'... protests against the visit and a member of parliament' of '..., and a member of parliament, Pipaluk
    Lynge, stated ...': the next clause's subject, cut off from its verb, goes; so does the conjunction a
    statement split off the next clause ends on ('... strengthening Arctic defences and' of '... and Copenhagen
    said ...')."""
    text = _TRAILING_CONJUNCTION.sub("", text)
    m = _NEXT_SUBJECT.search(text)
    at = sentence.find(text)
    if m is None or at < 0 or not _ITS_VERB_AFTER.match(sentence[at + len(text):]):
        return text
    return text[:m.start()]


def _tail_resolved(st: Statement) -> str:
    """'Aid has slowed sharply this month, he said.' -> 'Aid has slowed sharply, Guterres said.'"""
    text = st.sentence.text[st.start:st.end].strip().rstrip(".")
    content, _, tail = text.rpartition(",")
    tail, comma = tail.strip(), ", "
    if tail[:1] in "\"”":  # '"... both parties," it said': the quotation closes after the comma
        tail, comma = tail[1:].strip(), f",{tail[0]} "
    tail = tail_context_cut(c.drop_time(tail))
    m = re.match(r"^(?P<subject>he|she|it|they)\b", tail, re.IGNORECASE)
    if m:
        name = holder_name(st.holder, st.speaker if m.group("subject").lower() in ("he", "she") else None)
        tail = re.sub(r"^The\b", "the", name) + tail[m.end():]  # '..., the United States said'
    return f"{content.strip()}{comma}{tail}"


def _variants(text: str, st: Statement, antecedent: str, matcher: TopicMatcher) -> list[Line]:
    """The compressed candidate, then shorter ones made by dropping whole trailing pieces while it is too long."""
    out: list[Line] = []
    keep = _protected(st)
    frontier, seen = [_compress(text, st)], set()
    while frontier and len(seen) < SHORTENING_TRIES:
        line = frontier.pop(0)
        if not line or line in seen:
            continue
        seen.add(line)
        judged = _standalone(line, st, antecedent)
        found = _judge(judged, st, matcher, named=_names_holder(judged, st)) if judged else None
        if found is not None:
            out.append(found)
        if c.words(line) > c.MAX_WORDS and _keeps_cue(line, keep):  # a shorter line keeps a cue it had
            frontier.extend(t for t in _shorter(line) if _keeps_cue(t, keep))
    return out


def _compress(text: str, st: Statement) -> str:
    keep = _protected(st)
    text = c.drop_connectors(c.drop_dateline(text.strip(" ,;:")))
    m = _AS_FRAME.match(text)
    if m:
        text = f"{m.group('frame')} {m.group('rest')}"
    rules: tuple[Callable[[str], str], ...] = (
        c.passive_aside_to_active, c.drop_parentheticals, c.drop_appositives, c.drop_time, c.drop_trailing_context,
        c.drop_trailing_event,
        c.drop_leading_clause, c.drop_subordinator)
    for rule in rules:
        text = _guarded(rule, text, keep)
    if not is_stance(c.tidy(text)):  # 'Despite concerns voiced by X': a fragment whose agent holds the stance
        text = _guarded(c.passive_to_active, text, keep)
    text = _DANGLING_SPAN.sub("", c.tidy(_finite_participle(text, st)))  # ', a day' of ', a day after X'
    return c.relative_to_main(text)


def _protected(st: Statement) -> tuple[str, ...]:
    sentence = st.sentence.text
    return tuple(sentence[a:a + 40].split()[0].strip(",.;:\"“”").lower() for a in st.cue_at)


def _guarded(rule: Callable[[str], str], text: str, keep: tuple[str, ...]) -> str:
    """Apply a rule unless it takes every stance cue out of the text."""
    new = rule(text).strip(" ,;")
    return new if new and _keeps_cue(new, keep) else text


def _keeps_cue(text: str, keep: tuple[str, ...]) -> bool:
    """Does the text still hold one of the holder's stance cues? Cutting 'Union leaders said ..., while Boeing
    maintains that ...' down to its first clause would give Boeing the union's words."""
    return not keep or any(re.search(rf"\b{re.escape(w)}\b", text.lower()) for w in keep)


def _finite_participle(text: str, st: Statement) -> str:
    """'a move that has left many European allies expressing concerns' -> 'many European allies are expressing
    concerns': a participle whose subject names the holder becomes the line's verb (only 'is'/'are' is added)."""
    m = _SUBJECT_PARTICIPLE.search(text)
    if m is None or m.group("verb") not in STANCE_VERBS or m.group("verb") in _PREPOSITION_LIKE \
            or is_stance(c.tidy(text)):
        return text  # ('comments by X regarding the dam': a preposition, not X's verb)
    subject = m.group("np").strip()
    if not _names_holder(subject, st):  # '... a letter to the UN outlining pledges': the UN is not who outlines
        return text
    after = text[m.end("verb"):].split()[:1]
    if after and (after[0].endswith("ed") or after[0] in c.FINITE_WORDS or after[0] in MODALS):
        return text  # 'The Saudi warning gained attention': a noun with its own verb, no participle
    plural = bool(m.group("quant")) or subject.endswith("s") and not subject.endswith("ss")
    return f"{subject} {'are' if plural else 'is'} {text[m.start('verb'):]}"


def _standalone(text: str, st: Statement, antecedent: str) -> str | None:
    if re.match(r"(?:which|whom|that)\b", text, re.IGNORECASE):  # '..., which Moraes deemed a threat': what it
        at = st.sentence.text.find(text[:1].lower() + text[1:])  # stands for comes before it, not a sentence before
        before = st.sentence.text[:at].split()[-1:] if at > 0 else []
        said = c.drop_time(st.sentence.text[:at].rstrip()).split()[-1:] if at > 0 else []  # ('indicated at the
        # weekend that ...': the saying verb before when it was said)
        if text[:4].lower() == "that" and (not before or not before[0].isalpha() or before[0].islower() and (
                before[0] in STANCE_VERBS or before[0] in ("and", "but", "or"))
                or said != before and said and said[0].lower() in STANCE_VERBS):
            return None  # 'and that French troops will withdraw', 'indicated at the weekend that ...': a reported
            # clause, not a relative one
        antecedent = st.sentence.text[:at] if at > 0 else antecedent
    opening = " ".join(text.split()[:4]).lower()
    at = st.sentence.text.lower().find(opening)
    if text[:1] not in "\"“" and _in_quotation(st.sentence.text, at):
        # someone's words are given with their marks and speaker: from where the quotation opens, as a whole
        # clause ('He also expressed that "The UK will continue to ..."'); never from inside it ('"..., they agreed
        # to start talks," he added': nor is 'they' the speaker)
        content = text.rstrip(" .\"”")
        if st.sentence.text[:at].rstrip()[-1:] not in "\"“" or _PRONOUN_START.match(text) or not is_stance(content) \
                or c.words(content) > c.LONG_WORDS or _LEANS_BACK.match(content):
            return None
        return speaker_quote(holder_name(st.holder, st.speaker), content)
    text = relative_object(reduced_relative(text, antecedent), antecedent)
    resolved = resolve_opening(text, st.holder, st.speaker, antecedent, st.joint)
    if resolved is None:
        return None
    resolved = resolve_demonstratives(resolved, antecedent)
    if _PRONOUN_START.match(resolved):
        return None
    at = 1 if resolved[:1] in "\"“" else 0  # '"the Thai side noted ..."': the quotation's first letter
    return resolved[:at] + resolved[at:at + 1].upper() + resolved[at + 1:]


def _judge(text: str, st: Statement, matcher: TopicMatcher, named: bool) -> Line | None:
    """A Line when `text` is a stance: a finite verb, no fragment opening, no cut."""
    if not is_stance(text) or _cut_short(text, st.sentence.text) or _open_quote(text):
        return None
    n = c.words(text)
    fit = 2 if c.MIN_WORDS <= n <= c.MAX_WORDS else (1 if n <= c.LONG_WORDS else 0)
    score = matcher.score(stems_of(text))
    return Line(text, fit, score > 0, named, score)


def is_stance(text: str) -> bool:
    """Does the line state something: a finite verb after a subject, not a fragment or a headline?"""
    if not text or _FRAGMENT_START.match(text) or _RELATIVE_ONLY.match(text) or _PARTICIPLE_ONLY.match(text) \
            or "…" in text or "..." in text \
            or _SAYING_ENDS.search(text) or _AS_SAYING_ALONE.search(text) or text.startswith("[") \
            or _BARE_QUOTATION.fullmatch(text) or _WHO_MADE_IT.match(text) \
            or _TWO_SENTENCES.search(re.sub(r"“[^”]*”", "", text)):  # '[the party] have tried ... lost. The ...'
        return False
    if "?" in re.sub(r"[“\"][^“”\"]*[”\"]", "", text):
        return False  # 'X and Y agree to a truce: will it stop the fighting?': a headline's question
    opening = re.match(r"^[\"“]([^\"“”]*)[\"”]", text)
    if opening and _FRAGMENT_START.match(opening.group(1)) and "," not in opening.group(1).rstrip(" ,"):
        return False  # '"Because of differences over the talks," the ministry said': the quotation's main clause
        # came before it
    spoken = re.match(r"^[^:“\"]{1,60}: “(?:(?:And|But|So)\s+)?([^”]*)”$", text)
    if spoken and _CONDITION_ONLY.match(spoken.group(1)) and "," not in spoken.group(1):
        return False  # 'Aliyev: “And as soon as this constitutional amendment is made”': the main clause is cut off
    if spoken or re.match(r"^[^:“\"]{1,60}: “", text):
        return True
    if _BARE_DEMONSTRATIVE_END.search(text):
        return False  # 'Foreign Minister Ararat Mirzoyan denied that later': denied what?
    lower = re.findall(r"[a-z’'-]+", text.lower())
    last = lower[-1]
    if last in _DANGLING and not re.search(r"[\d%]$", text.rstrip(" .")):  # '... to Vucic who, according'
        return False
    last = (re.findall(r"[a-z’'-]+", c.drop_time(text.rstrip(" .")).lower()) or lower)[-1]  # the last word
    # before when it was said: 'Aliyev indicated at the weekend': indicated what?
    if len(lower) < MIN_STANCE_WORDS or (last in STANCE_VERBS and (last.endswith("ed") or last in _ACTION_PAST)
                                         and "," not in text):  # 'Indian officials denied': denied what?
        return False
    original = re.findall(r"[A-Za-z’'-]+", text)  # the same tokens as `lower`
    # ('At times asked their leaders to ...': an adverbial phrase, then a predicate without its subject)
    phrase = _OPENING_PHRASE.match(text)
    opening = original[len(phrase.group(0).split()):] if phrase else original
    first = next((w.lower() for k, w in enumerate(opening) if w.lower() not in _OPENING_ADVERBS
                  and not (k and w.islower() and w.endswith("ly"))), "")
    if first in STANCE_VERBS or first in _AUXILIARIES or first in _ACTION_PAST:
        return False  # 'Later told journalists ...', 'Came after comments by ...': a predicate without its subject
    if _participle_first(text):  # 'Trump earlier announcing that the two had agreed': a 'despite' clause's rest
        return False
    named = [w[:1].isupper() for w in original]
    # (a capitalised word is part of a name, not a verb: 'United States')
    # (a verb of the source comes after it: 'According to media reports, several tankers, escorted by ...')
    source = re.match(r"(?i)according\s+to\s[^,]*,", text)
    after = len(re.findall(r"[A-Za-z’'-]+", source.group(0))) + 1 if source else 1
    verb = next((i for i in range(after, len(lower))
                 if not named[i] and _finite(lower, i, _plural_name(lower, named, i))), None)
    if verb is None:
        return _name_then_verb(text)
    return _says_something(lower, named, verb, text)


def _says_something(lower: list[str], named: list[bool], verb: int, text: str) -> bool:
    """Given the line's first finite verb: does the line have its subject and say what was said?"""
    # "Ford's final offer but said ...": a second predicate whose subject was left out of the line (not 'Russia
    # opposed ... and called ...', whose first verb is also an adjective)
    if lower[verb - 1] in ("and", "but", "or") and not any(
            w in _AUXILIARIES or not named[j] and (w.endswith("ed") or w.endswith("s") and w in _MAYBE_VERBS)
            for j, w in enumerate(lower[:verb - 1])):
        return False
    rest = lower[verb + 1:]
    if re.search(r"\b(?:not|never|declined to|refused to)\s+(?:say|said|comment|elaborate)\W*$", text):
        return False  # '... but he did not say' (if the gunmen had left): the line stops before what was asked
    aside = re.match(r"^[^“\"]*?\b(?:said|says|argued|stated|added)\s*,\s+(?!according\b)[a-z]+ing\b", text)
    if aside and not re.search(r",\s+that\b", text[aside.end():]):
        return False  # 'Putin said, adding that ...', 'the commission said, threatening ...': what was said first
        # is not in the line, only how it was said (not 'said, speaking on condition of anonymity, that ...')
    if re.search(r"\b(?:do|does|did|doing|done)\s+so\W*$", text):
        return False  # 'Only Poland has said it would do so': do what, the line does not say
    if _GAP_END.search(text):
        return False  # 'something Boeing has said it won't consider', 'remarks the prime minister called unfair'
    gap = _OBJECT_GAP.search(text)
    if gap and not re.search(r"\b(?:is|was|are|were|be|been|being)\s+(?:\w+ly\s+)?$", text[:gap.start()]):
        return False  # 'claims Phnom Penh rejected as "fabricated"': the object was moved before the subject
    if lower[0] in ("a", "an", "the") and any(w in ("that", "which", "who") for w in lower[1:verb]) and not any(
            _finite(lower, j, named[j - 1]) for j in range(verb + 1, len(lower))):
        return False  # 'A territory larger than Greece ... that Venezuela claims as its own': a noun and its relative
    if _reciprocal_of_first_verb(lower, verb) and not any(
            w == "and" or w.endswith("s") and not w.endswith(("'s", "’s", "ss")) for w in lower[:verb]):
        return False  # 'The Congolese army accused each other': the other side was cut from the subject
    if lower[verb] in _SAYING and rest and not re.search(r"[,\"“”]", text) and all(
            w in _TIME_PLACE or w.isdigit() or named[len(lower) - len(rest) + j] for j, w in enumerate(rest)):
        return False  # 'The Treasury's Office said Thursday', 'Petro also said Maduro': who said, not what
    if any(m.group(1).lower() in _MAYBE_VERBS and not re.search(r"\b(?:that|which|who|whom)\b", text[:m.start()])
           for m in _GAP.finditer(text)):  # ('The plan that Russia proposed was rejected' keeps its pronoun)
        return False  # '... Washington and NATO had warned could escalate': a relative clause's verb, its object gone
    if (lower[verb] in _SAYING or lower[verb] in _FINDING) and rest and rest[0] in _AFTER_SAYING \
            and '"' not in text and "“" not in text and not any(
                w in _AUXILIARIES or w == "that" or w.endswith("ed") and lower[j - 1] not in _DOCUMENTS
                for j, w in enumerate(lower) if j > verb):
        return False  # 'The two governments said after talks in Jeddah', 'a UN panel concluded in a report
        # published Tuesday': who said, and when, but not what
    if lower[verb] in ("told", "tells") and not re.search(r"[\"“”]", text) and not any(
            w in _AUXILIARIES or w == "that" or w.endswith("ed") or _finite(lower, j, named[j - 1])
            for j, w in enumerate(lower) if j > verb):
        return False  # 'A government source told CNN last November': told whom, not what
    said = _REPORTED_TAIL.match(text)  # 'The AMPTP responded, Variety reported': what is reported must say something
    if said and not is_stance(said.group("content")):
        return False
    return not _unfinished_complement(lower, named, text)


def _unfinished_complement(lower: list[str], named: list[bool], text: str) -> bool:
    """'... said that in the event of an attack on Niger': the line stops after what opens the reported clause,
    before its verb (the rest came after a comma)."""
    at = len(lower) - 1 - lower[::-1].index("that") if "that" in lower else -1
    if at < 0 or at + 1 >= len(lower) or lower[at + 1] not in _CLAUSE_OPENERS:
        return False
    if lower[at + 1] in _CONDITIONS or lower[at + 1] in c.SUBORDINATORS:  # '... said that if the injunction were
        return "," not in text.rsplit(" that ", 1)[-1]  # ordered', 'said that after a meeting in Munich': no claim
    return not any(_finite(lower, i, named[i - 1]) or lower[i].endswith("ed") for i in range(at + 2, len(lower)))


def _open_quote(text: str) -> bool:
    """Does the line stop inside a quotation ('... adding that "if we plan to live together in peace')?"""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def _cut_short(text: str, sentence: str) -> bool:
    """Does the line end where its sentence goes on with the rest of a list ('... such as Russia' of 'such as
    Russia, Iran and China back the deal'; '... for the U.S.' of 'for the U.S., Europe and China'; 'will pay
    rent' of 'rent, investments and a fund'), with the condition its stance depends on ('ready to pay more' of
    '..., but only if ...'), inside a name or inside an aside?"""
    tail = re.findall(r"[\w’'-]+", text)[-2:]
    if not tail:
        return False
    m = re.search(r"\b" + r"\W+".join(map(re.escape, tail)) + r"(?P<dot>\.?)(?P<rest>[^\w]*[,\s].*)$", sentence)
    if m and tail[-1][:1].isupper() and not m.group("dot") and re.match(r"\s+[A-Z]", m.group("rest")):
        return True  # '... backed by Brazilian President' of '... President Luiz Lula': a name cut in two
    if m and not m.group("dot") and re.match(rf"\s+(?!{c.WEEKDAY}|{c.MONTH})[A-Z]", m.group("rest")) \
            and tail[-1][:1].islower():  # (not a time the line dropped: '... announced Friday afternoon')
        return True  # '... as Italy joined' of '... as Italy joined France in demanding ...': the object cut off
    if m and re.search(r"\s[–—-]\s+(?:a|an|the)\s+[\w’'-]+$", text):
        return True  # '... by refusing the ban – a position' of '– a position backed by ...': an aside cut off
    if m and re.match(r"\s+[—–]\s+[^—–]{1,60}\s[—–]\s+[a-z]", m.group("rest")):
        return True  # '... slammed X and Y' of '... and Y — but especially Y — for failing to ...'
    if m and _LIST_END.match(m.group("rest")):
        return True  # '... sovereignty, territorial integrity' of '..., and jurisdiction.': the list's last item
    if m and (_COMPLEMENT_AFTER_NAME.match(m.group("rest")) or _APPOSED_NAME_END.search(text)
              and re.match(r",\s+(?:of|for|over)\s", m.group("rest"))):
        return True  # '... accused the envoy(, Massad Boulos)' of '..., of acting as ...': the verb's complement cut
    if m and m.group("rest").lstrip()[:1] in ",(" and _clause_without_verb(text):
        return True  # '... insisted that the declaration's provisions' of '..., particularly ..., be implemented'
    return bool(m) and bool(_CLAUSE_GOES_ON.match(m.group("rest")))


def _clause_without_verb(text: str) -> bool:
    """Does the line end in a reported clause ('said that ...') with no word that may be its verb? A word in -s
    after a noun may be one ('the clause represents'); after an article or a possessive it is a noun."""
    m = _REPORTED_CLAUSE.search(text)
    verb = m.group("verb") if m else ""
    if m is None or (verb not in REPORTING_VERBS | STANCE_VERBS or not (verb.endswith("ed") or verb in _ACTION_PAST)) \
            and verb not in ("fact", "claim", "belief", "view", "hope", "fear"):
        return False  # (not 'an offer that resonates': a noun)
    words = re.findall(r"[A-Za-z’'-]+", m.group("clause"))
    lower = [w.lower() for w in words]
    for i, w in enumerate(lower):
        after = lower[i + 1] if i + 1 < len(lower) else ""
        if after == "by":
            continue  # 'its fighters held by the army': a participle, not the clause's verb
        if w in _AUXILIARIES or w == "be" or w in _ACTION_PAST or w.endswith("ed") \
                or w in STANCE_VERBS and not w.endswith("ing"):
            return False
        if i and w.endswith("s") and not w.endswith(("ss", "'s", "’s")) and lower[i - 1] not in DETERMINERS \
                and w not in DETERMINERS | PREPOSITIONS | {"as", "us", "thus"} \
                and not lower[i - 1].endswith(("'s", "’s")) and not words[i][:1].isupper():
            return False
    return True


def _participle_first(text: str) -> bool:
    """Does the line open with a name and a participle in -ing, nothing but an adverb between ('Trump earlier
    announcing that the two had agreed')? Then it has no finite verb of its own, whatever its complement holds."""
    m = _NAME_PARTICIPLE.match(text)  # (', officials said' after it would be the line's finite verb)
    return bool(m) and m.group("verb").lower() in STANCE_VERBS and "," not in text


def _in_quotation(sentence: str, at: int) -> bool:
    """Does character `at` stand inside a quotation? (The marks read as tokens, one character each.)"""
    return inside_quote(max(at, 0), list(sentence))


def _reciprocal_of_first_verb(lower: list[str], verb: int) -> bool:
    """'X accused each other of ...': 'each other' in the first verb's own clause (not in a later one, as in
    '... insists on the Declaration, where the republics pledged to recognise each other's borders')."""
    for j in range(verb + 1, len(lower) - 1):
        if lower[j] in ("that", "which", "where", "who", "when", "while", "and", "but"):
            return False
        if lower[j] == "each" and lower[j + 1] in ("other", "other's", "other’s") or \
                lower[j] == "one" and lower[j + 1] == "another":
            return True
    return False


def _plural_name(lower: list[str], named: list[bool], i: int) -> bool:
    """Do the capitalised words before token i name several ('Britain and Norway want', 'the Houthis want'), so
    that a base form after them is a verb? After one name it is a noun: 'RDF support for M23'."""
    j = i - 1
    while j >= 0 and named[j]:
        j -= 1
    return j < i - 1 and (lower[i - 1].endswith("s") or (j >= 1 and lower[j] == "and" and named[j - 1]))


def _name_then_verb(text: str) -> bool:
    """'Veritel controls nearly 70 percent': a name followed by a verb in -s or -ed (not 'European allies')."""
    for m in _NAME_VERB.finditer(text, 1):
        if m.group("verb") not in PEOPLE_NOUNS and m.group("verb") not in STANCE_NOUNS:
            return True
    return False


def _finite(lower: list[str], i: int, after_name: bool = False) -> bool:
    w, prev = lower[i], lower[i - 1]
    if w in _AUXILIARIES:
        return True
    if w in STANCE_ADJECTIVES:
        return prev in COPULAS
    if (w not in STANCE_VERBS and w not in _ACTION_PAST) or prev in ("to", "the", "a", "an", "of", "for"):
        return False
    if w.endswith("ed") and prev.endswith(("'s", "’s")) and prev[:-2] not in _PRONOUN_CONTRACTIONS:
        return False  # "the Vice President’s planned visit": an adjective after a possessor
    if w.endswith("ed") and lower[i + 1:i + 2] == ["by"] and prev not in _AUXILIARIES and prev != "been":
        return False  # 'The agreement, drafted by France and supported by the US': a participle
    if w.endswith("s") and prev.endswith("ed") and prev not in _ACTION_PAST and prev not in STANCE_VERBS:
        return False  # 'under the guise of unfounded claims': a noun after an adjective in -ed
    if w.endswith(("ed", "s")) or w in _ACTION_PAST:
        return True
    # a base form is a verb after its subject ('they want', 'the two sides state', 'Britain and Norway want'),
    # not a noun after an adjective ('an independent state')
    return not w.endswith("ing") and (after_name or prev in _BASE_SUBJECTS or prev.endswith("s"))


def _names_holder(text: str, st: Statement) -> bool:
    """Does the line name who holds it (its party, a person, or the holder's mention in the sentence)?"""
    if st.holder.lower() in text.lower() or (st.speaker and st.speaker.split()[-1] in text):
        return True
    if st.holder_at >= 0:
        first = st.sentence.text[st.holder_at:].split()[0].strip(",.;:'’s")
        return bool(first) and first in text
    return False


def _shorter(text: str) -> list[str]:
    """Whole trailing pieces that may go when a line is too long: examples, an occasion, a condition, a second
    predicate, a relative clause after a quotation, a place described by a relative clause, the last comma piece
    (outside quotes)."""
    rules = (c.drop_trailing_examples, c.drop_trailing_event, c.drop_trailing_condition, c.drop_trailing_coordination,
             c.drop_trailing_relative, c.drop_trailing_setting)
    out = [c.tidy(rule(text)) for rule in rules]
    depth, cut, quoted_cut = 0, -1, -1
    for k, ch in enumerate(text):
        if ch in "\"“”":
            depth ^= 1
        elif ch in ",;:" and not depth and not (text[k - 1:k].isdigit() and text[k + 1:k + 2].isdigit()):
            cut = k  # not inside a number ('1,500')
        elif ch == "," and depth and text[k + 1:k + 2] in ('"', "”") and k + 2 < len(text):
            quoted_cut = k  # 'was "tied to the Red Sea," adding that ...': the quotation ends here
    if cut > 0:
        out.append(c.tidy(text[:cut]))
    if quoted_cut > cut:
        out.append(c.tidy(text[:quoted_cut] + text[quoted_cut + 1]))
    return [t for t in out if t != text]
