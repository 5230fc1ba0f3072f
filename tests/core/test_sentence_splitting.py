"""Sentence splitting: pysbd's answers on ordinary paragraphs, bounded rules on page-long ones."""
from __future__ import annotations

from summarizer.splitting import LONG_PARAGRAPH, MAX_SENTENCE, long_paragraph_sentences
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
