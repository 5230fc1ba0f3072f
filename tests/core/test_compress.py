"""Clause spans and line tidying (connectors, datelines, capitals, final period)."""
from summarizer.compress import clauses, tidy, words


def _pieces(text):
    return [text[a:b] for a, b in clauses(text)]


def test_clauses_split_at_commas_semicolons_dashes_and_contrast_words():
    text = "The union rejected the offer, calling it an insult; talks resume Monday while the mayor waits"
    assert _pieces(text) == ["The union rejected the offer", "calling it an insult", "talks resume Monday",
                             "while the mayor waits"]


def test_clause_offsets_shift_with_the_segment():
    assert clauses("a, b", 10) == [(10, 11), (13, 14)]


def test_tidy_drops_leading_connectors_and_capitalises():
    assert tidy("however, the regulator warned of fines.") == "The regulator warned of fines"


def test_tidy_drops_a_wire_dateline():
    assert tidy("NAIROBI, May 2 (Wire) - The ministry denied the report.") == "The ministry denied the report"


def test_tidy_keeps_the_period_of_an_abbreviation():
    assert tidy("The talks were hosted by the U.S.") == "The talks were hosted by the U.S."


def test_tidy_turns_a_participle_with_that_into_its_clause():
    assert tidy("insisting that the dam must be finished") == "The dam must be finished"


def test_words_counts_white_space_separated_words():
    assert words(" one two  three ") == 3
