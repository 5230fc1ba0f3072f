"""A quotation that runs on past its attribution: '"We will not accept it," the minister said. "The river is our
life."' News style names the speaker once; the next sentence, wholly in quotation marks and with no speaker of
its own, is still the same person's words."""
from __future__ import annotations

from summarizer.attribution.statement import Statement
from summarizer.attribution.view import SentenceView

CONTINUED = "continued"  # how the holder of a run-on quotation was found
OPENING_MARKS = ('"', "“")
_CLOSE = ('"', "”")
_QUOTE_MARKS = frozenset('"“”')


def is_whole_quote(text: str) -> bool:
    """'"The river is our life."' or '"It is a red line".': one quotation from the first character to the end."""
    t = text.strip().rstrip(".!?")
    if len(t) < 3 or t[0] not in OPENING_MARKS or t[-1] not in _CLOSE:
        return False
    inner = t[1:-1]
    return not (_QUOTE_MARKS & set(inner))


def quoted_holder(statements: list[Statement], text: str) -> Statement | None:
    """The statement a run-on quotation may continue: the one holder of a sentence that quotes someone, or in
    which one person speaks ('She called on the UN to act.', then a paragraph '"Words have not been enough."')."""
    if not statements or len({s.holder for s in statements}) != 1:
        return None
    return statements[-1] if _QUOTE_MARKS & set(text) or statements[-1].speaker else None


def continued_quote(view: SentenceView, previous: tuple[int, Statement] | None) -> list[Statement]:
    """The run-on quotation's statement, held by the speaker of the quote in the sentence just before."""
    if previous is None or previous[0] != view.index - 1 or not is_whole_quote(view.text):
        return []
    if any(m.party for m in view.mentions if m.kind == "person"):
        return []  # '"Sisi knows this."' names someone else: whose words these are is not certain
    last = previous[1]
    if not _QUOTE_MARKS & set(last.sentence.text) and last.sentence.paragraph == view.sentence.paragraph:
        return []  # 'Olsk said the dam was legal. "The water belongs to everyone."': only a paragraph of its own
        # that is one quotation goes on with the person who spoke just before
    text = view.text
    start = len(text) - len(text.lstrip())
    return [Statement(view.sentence, start, len(text.rstrip()), last.holder, CONTINUED, last.strength,
                      last.reported_by, last.speaker)]
