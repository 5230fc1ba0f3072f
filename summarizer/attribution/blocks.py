"""A quotation that runs over several paragraphs: a statement printed whole ('What did the statement say?' then
four paragraphs of it), or a speaker's long answer. News style opens each paragraph of such a quotation with a
mark and closes only the last; some outlets open once and close once. Every sentence inside is the words of
whoever the quotation was introduced as, not of the parties it names ('By suspending the talks, the ruling party
has rejected ...' inside a US statement is the US's charge), and a 'we' there is that speaker.

Real copy is often unbalanced, so a run counts as a block only when it closes, within a few paragraphs, the
way one of the two styles would: each paragraph after the first opens with a mark, or holds none at all, until
one closes it. Anything else (a stray mark, a quotation closed only by the paragraph's end) is no block.
"""
from __future__ import annotations

from summarizer.attribution.discourse import Discourse
from summarizer.attribution.learning import DOCUMENTS
from summarizer.attribution.quotes import OPENING_MARKS, quoted_holder
from summarizer.attribution.statement import Statement
from summarizer.attribution.view import SentenceView
from summarizer.text import Sentence

BLOCK = "block"  # how the holder of a sentence inside a multi-paragraph quotation was found
DEFAULT_VOICE_STRENGTH = 0.8  # a voice known only from the sentence that introduced the quotation
BLOCK_PARAGRAPHS = 8  # paragraphs a quotation may run on before one closes it


def block_quotes(sentences: list[Sentence]) -> dict[int, int]:
    """Sentence index -> index of the sentence that opened the multi-paragraph quotation it lies in (the
    opening sentence maps to itself), for each sentence after the opening one up to the one that closes it;
    -1 - that index for a paragraph that is one quotation of its own, after a quotation said by someone named
    ('“...,” reads the statement of the State Department.' then '“Both sides should ...”')."""
    paragraphs: list[list[Sentence]] = []
    for s in sentences:
        if paragraphs and paragraphs[-1][0].paragraph == s.paragraph:
            paragraphs[-1].append(s)
        else:
            paragraphs.append([s])
    out: dict[int, int] = {}
    p = 0
    while p < len(paragraphs):
        opened = _left_open(paragraphs[p])
        if opened is None:
            p += 1
            continue
        last = _closing_paragraph(paragraphs, p)
        if last is None:
            p += 1
            continue
        opener = opened[0]
        inside = [s for s in paragraphs[p] if s.index >= opener.index]
        for q in range(p + 1, last):
            inside.extend(paragraphs[q])
        inside.extend(_up_to_close(paragraphs[last]))
        for s in inside:
            out[s.index] = opener.index
        p = last + 1
    for p in range(1, len(paragraphs)):  # quoted paragraphs after a quotation its speaker was named for
        if paragraphs[p][0].index in out or not _whole_quotation(paragraphs[p]):
            continue
        # (encoded -1 - opener: the speaker's only where the sentence holds no stance of its own)
        before = paragraphs[p - 1]
        opener = out.get(before[-1].index) if before[-1].index in out and _whole_quotation(before) else None
        opener = -1 - opener if opener is not None and opener < 0 else opener
        if opener is None and _said_after_quotation(" ".join(s.text for s in before)):
            opener = before[-1].index
        if opener is not None:
            out.setdefault(opener, -1 - opener)
            for s in paragraphs[p]:
                out[s.index] = -1 - opener
    return out


def _whole_quotation(paragraph: list[Sentence]) -> bool:
    """'“Both sides should recommit to the talks.”': a paragraph that is one quotation and nothing else."""
    text = " ".join(s.text for s in paragraph).strip()
    marks = _marks(text, False)
    return len(marks) == 2 and marks[0] == (0, True) and marks[1][0] >= len(text.rstrip(".")) - 1


def _said_after_quotation(text: str) -> bool:
    """'“We call on all parties to ...,” reads the statement of the State Department.': a quotation, then who."""
    marks = _marks(text.strip(), False)
    return len(marks) >= 2 and marks[0] == (0, True) and not marks[-1][1] \
        and any(ch.isalpha() for ch in text.strip()[marks[-1][0]:])


def _marks(text: str, inside: bool) -> list[tuple[int, bool]]:
    """(offset, opens) of each quotation mark, reading a straight mark by whether a quotation is open."""
    out, low = [], False  # low: opened by '„', which '“' closes ('urged him to „lower the status“')
    for i, ch in enumerate(text):
        if ch == "„" or (ch == "“" and not low) or (ch == '"' and not inside):
            out.append((i, True))
            inside, low = True, ch == "„"
        elif ch == "”" or (ch == "“" and low) or (ch == '"' and inside):
            out.append((i, False))
            inside = low = False
    return out


def _left_open(paragraph: list[Sentence]) -> tuple[Sentence, int] | None:
    """The sentence, and the offset in it, of an opening mark the paragraph never closes."""
    inside, opened = False, None
    for s in paragraph:
        for i, opens in _marks(s.text, inside):
            inside = opens
            opened = (s, i) if opens else None
    if not inside or opened is None or not any(ch.isalpha() for ch in opened[0].text[opened[1]:]):
        return None  # (a mark alone on its line opens nothing one can read)
    return opened


def _up_to_close(paragraph: list[Sentence]) -> list[Sentence]:
    """The closing paragraph's sentences up to the one that closes the quotation."""
    out = []
    for k, s in enumerate(paragraph):
        out.append(s)
        marks = _marks(s.text, True)
        if k == 0 and marks[:1] == [(0, True)]:
            marks = marks[1:]
        if marks:
            break
    return out


def _closing_paragraph(paragraphs: list[list[Sentence]], start: int) -> int | None:
    """The paragraph after `start` that closes the quotation left open there, when every paragraph between
    goes on with it: opens with a mark and leaves it open, or holds no mark at all."""
    for q in range(start + 1, min(len(paragraphs), start + 1 + BLOCK_PARAGRAPHS)):
        text = " ".join(s.text for s in paragraphs[q])
        marks = _marks(text, True)
        if not marks:
            continue  # a paragraph of the quotation printed without marks
        if marks[0] == (0, True):  # a new paragraph of the same quotation: its opening mark is no new quote
            marks = marks[1:]
            if not marks:
                continue
        if marks[0][1]:
            return None  # an opening mark inside a quotation: the marks do not pair as one block
        return q if len(marks) == 1 or marks[-1][1] is False else None
    return None


def voiced(view: SentenceView, statements: list[Statement]) -> list[Statement]:
    """The statements of a sentence in a block: the opening sentence names whose words the quotation is (its
    one speaker, else the one party of the sentence that introduced it: 'What does the White House statement
    say?'); a sentence inside is that speaker's, whoever it names, unless it closes the quotation and then
    names a speaker of its own ('..., in the region," the ministry said')."""
    state = view.state
    opener = state.blocks.get(view.index)
    if opener is None:
        return statements
    if opener < 0:  # a quoted paragraph after one whose speaker was named: that voice where none is found
        opener = -1 - opener
        if opener == view.index:  # the sentence that named the speaker: its quotation's holder, if it has one
            last = quoted_holder(statements, view.text)
            if last is not None:
                state.voices[opener] = (last.holder, last.speaker, last.strength)
            return statements
        if statements:
            return statements
    text = view.text.strip()
    at_start = text[:1] in OPENING_MARKS
    if opener == view.index:
        last = quoted_holder(statements, view.text)
        if last is not None:
            state.voices[opener] = (last.holder, last.speaker, last.strength)
        elif at_start and not statements:
            quoted = state.quoted
            if quoted is not None and quoted[0] == view.index - 1:
                state.voices[opener] = (quoted[1].holder, quoted[1].speaker, quoted[1].strength)
            elif (party := state.previous_party(view.index) or _document_party(state, view.index)) is not None:
                state.voices[opener] = (party, None, DEFAULT_VOICE_STRENGTH)
        if statements or not at_start:
            return statements
    raw = view.text
    close = max(raw.rfind("”"), raw.rfind('"') if raw.count('"') % 2 else -1)
    own = [s for s in statements if close > 0 and any(c > close for c in s.cue_at)]
    if own:
        return own  # its own speaker after the quotation closes ('...," the minister said')
    voice = state.voices.get(opener)
    if voice is None:
        return []  # someone's words, and not those of a party they name
    holder, speaker, strength = voice
    if statements and all(s.holder == holder for s in statements):
        return statements
    if not any(ch.isalpha() for ch in text):
        return []
    start = len(view.text) - len(view.text.lstrip())
    return [Statement(view.sentence, start, len(view.text.rstrip()), holder, BLOCK, strength, None, speaker)]


def _document_party(state: Discourse, index: int) -> str | None:
    """The party that issued the statement the sentence before names ('What is stated in the White House
    statement?' after 'according to a statement by the State Department')."""
    noun = next((w for w in state.previous_words if w in DOCUMENTS), None)
    found = state.document(noun, index) if noun and state.previous[0] == index - 1 else None
    return found.holders[0] if found else None
