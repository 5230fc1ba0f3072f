"""Copies of a statement collapse into one claim per holder and quote key, whatever their keys hash to (the
analysis keeps the hashes, not the keys: an index load would otherwise hold every key). Sentences written for the
tests."""
import summarizer.analysis
from summarizer.analysis import analyze
from tests.builders import document, profile

PARTIES = {"Norland": ["Norland", "Oslavik"], "Sudria": ["Sudria", "Sudrian"]}
TOPICS = {"water": ["water", "river", "dams"]}
TEXT = ("Norland said the river flow past its dams would fall by half.\n\n"
        "Sudria warned that the dams would leave its farms without water.")
RETYPED = ("Norland said the river flow past its dams would fall by half!\n\n"  # same quote key, another quote
           "Sudria said it would build no dams of its own on the river.")


def _claims() -> list[tuple]:
    docs = [document(TEXT, id="a.txt"), document(TEXT, id="b.txt"), document(RETYPED, id="c.txt")]
    claims = analyze(docs, profile(PARTIES, TOPICS)).claims
    return [(c.statement.holder, c.statement.quote, c.documents, c.order) for c in claims]


def test_copies_collapse_into_one_claim_and_other_statements_stay_apart():
    claims = _claims()
    assert [documents for _, _, documents, _ in claims] == [["a.txt", "b.txt", "c.txt"], ["a.txt", "b.txt"],
                                                            ["c.txt"]]


def test_claims_are_the_same_when_every_key_hashes_alike(monkeypatch):
    expected = _claims()
    monkeypatch.setattr(summarizer.analysis, "hash", lambda key: 0, raising=False)
    assert _claims() == expected
