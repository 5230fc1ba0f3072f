"""Sentence splitting: pysbd's answers on ordinary paragraphs, bounded rules on page-long ones."""
from __future__ import annotations

import random
from pathlib import Path

from bot.infra.corpus import article
from summarizer.splitting import (LONG_PARAGRAPH, MAX_SENTENCE, _SEGMENTER, _is_plain, _plain_segments,
                                  long_paragraph_sentences, segments)
from summarizer.text import paragraph_sentences, split_sentences


def test_a_page_long_paragraph_ends_sentences_where_pysbd_would():
    text = ('Mr. Smith met U.S. officials in Washington. The U.S. The talks stalled. "We will not give up," '
            'J. R. Doe said on Monday. Prices rose 3.5 percent! Why? See no. 5 for details. ')
    sentences = list(long_paragraph_sentences(text * (LONG_PARAGRAPH // len(text) + 1)))
    assert sentences[:7] == ["Mr. Smith met U.S. officials in Washington.", "The U.S.", "The talks stalled.",
                             '"We will not give up," J. R. Doe said on Monday.', "Prices rose 3.5 percent!",
                             "Why?", "See no. 5 for details."]
    assert sentences[:7] == list(paragraph_sentences(text.strip()))  # pysbd's own answer on the short text
    assert sentences == [s for s in paragraph_sentences(text * (LONG_PARAGRAPH // len(text) + 1))]


def test_no_sentence_is_longer_than_the_window_and_no_text_is_lost():
    for text in ("a" * (3 * MAX_SENTENCE + 5), "word " * MAX_SENTENCE, "Kyiv said no" + " and no" * 2000 + "."):
        pieces = list(paragraph_sentences(text))
        assert all(len(p) <= MAX_SENTENCE for p in pieces)
        assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_ordinary_paragraphs_keep_their_sentences_and_order():
    doc = "Kyiv said the talks would resume. Moscow rejected the plan.\n\nDr. Grossi of the IAEA said no."
    assert [(s.paragraph, s.text) for s in split_sentences("d", doc)] == [
        (0, "Kyiv said the talks would resume."), (0, "Moscow rejected the plan."), (1, "Dr. Grossi of the IAEA said no.")]


def test_slack_mentions_are_not_sentence_ends():
    assert tuple(paragraph_sentences("Alert <!channel> now. Next.")) == ("Alert <!channel> now.", "Next.")


_ROOT = Path(__file__).resolve().parents[2]
_WORDS = ["Russia", "said", "the", "talks", "Kyiv", "would", "resume", "2024", "1,000", "12", "A380", "F16", "5km", "Mr",
          "Dr", "gen", "is", "no", "St", "Co", "KG", "U.S", "a", "I", "ii", "pm", "jpg", "Yahoo", "Ukraine's", "Kurds'",
          "don't", "well-known", "pro-", "--", "\u2014", "$5bn", "50%", "and/or", "said:", "it;", "However", "The"]
_ENDS = [".", ".", ".", "", ",", ":", "!", "?", "...", ".'", '."', ".\u201d", " ."]


def _fuzzed_paragraph(rng: random.Random) -> str:
    """Sentences of words that are plain or just not (abbreviations, short numbers, quotes, odd punctuation)."""
    sentences = []
    for _ in range(rng.randint(1, 5)):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(1, 10))]
        if rng.random() < 0.3:
            i = rng.randrange(len(words))
            j = rng.randrange(i, len(words))
            opening, closing = rng.choice([('"', '"'), ("\u201c", "\u201d"), ('"', ',"'), ("'", "'"), ("(", ")")])
            words[i], words[j] = opening + words[i], words[j] + closing
        sentences.append(" ".join(words) + rng.choice(_ENDS))
    return rng.choice([" ", " ", " ", "  "]).join(sentences)


def _paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for folder in ("tests/data", "seeds")
             for p in (_ROOT / folder).rglob("*.txt")]
    rng = random.Random(5)
    texts += [article(rng, n) for n in range(150)]
    fuzzed = random.Random(11)
    return [p for t in texts for p in t.split("\n") if p.strip()] + [_fuzzed_paragraph(fuzzed) for _ in range(3000)]


def test_plain_paragraphs_skip_pysbd_rules_with_the_same_sentences():
    """The fast path for plain paragraphs gives pysbd's own segments on every test story, a generated corpus and
    fuzzed paragraphs around its limits (abbreviations, short numbers, quotes, apostrophes, odd punctuation)."""
    plain = 0
    for paragraph in _paragraphs():
        if _is_plain(paragraph):
            plain += 1
            assert _plain_segments(paragraph) == _SEGMENTER.processor(paragraph).process(), paragraph
        assert segments(paragraph) == _SEGMENTER.processor(paragraph).process(), paragraph
    assert plain > 1000  # the comparison covers the fast path, not only pysbd against itself


def test_a_quotation_opened_and_closed_in_two_styles_does_not_hide_the_sentence_ends_after_it():
    paragraph = ('"We came for a fair deal. We feel we have not been heard,\u201d said Ana Ruiz, the chair of the '
                 'island group. A draft seen by reporters raises the sum. The hosts want a vote on Saturday.')
    assert list(paragraph_sentences(paragraph)) == [
        '"We came for a fair deal. We feel we have not been heard,\u201d said Ana Ruiz, the chair of the island group.',
        "A draft seen by reporters raises the sum.", "The hosts want a vote on Saturday."]
