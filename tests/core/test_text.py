"""Sentences with offsets, tokens, normalisation, stems, and word lists loaded as package data."""
from summarizer.lexicon import STANCE_VERBS, STOPWORDS
from summarizer.keys import normalize
from summarizer.text import dedupe_key, split_sentences, stem, tokens
from summarizer.words import word_set, word_table


def test_normalize_straightens_quotes_and_collapses_space():
    assert normalize("“We  won’t\n go” – she said") == "\"We won't go\" - she said"


def test_copies_that_differ_in_case_quotes_and_punctuation_share_a_key():
    assert dedupe_key("The union “rejected” the offer.") == dedupe_key("the union rejected the offer")


def test_tokens_keep_abbreviations_and_split_a_final_period():
    words = [t[0] for t in tokens("The U.S. envoy met Dr. Okafor on Monday.")]
    assert words == ["The", "U.S.", "envoy", "met", "Dr.", "Okafor", "on", "Monday", "."]


def test_token_offsets_point_into_the_text():
    text = "Ministers, however, disagreed."
    assert all(text[a:b] == word for word, a, b in tokens(text))


def test_sentences_are_numbered_across_paragraphs():
    sentences = split_sentences("doc", "The union struck. Talks failed.\n\nThe mayor called for calm.")
    assert [(s.index, s.paragraph) for s in sentences] == [(0, 0), (1, 0), (2, 1)]
    assert sentences[2].text == "The mayor called for calm."


def test_stem_joins_inflections_and_possessives():
    assert stem("negotiations") == stem("negotiating")
    assert stem("guarantees") == stem("guarantee")
    assert stem("Ukraine's") == stem("Ukraine")


def test_word_lists_are_package_data_with_comments_ignored():
    assert "said" in STANCE_VERBS and "the" in STOPWORDS
    assert "#" not in " ".join(word_set("stance_nouns"))
    assert "said" in word_table("irregular_verbs")["say"]
