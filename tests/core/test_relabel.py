"""Which lexicon changes can reach which documents (what an index extracts again)."""
from summarizer import Party
from summarizer.extraction import find_statements, read
from summarizer.model import Document
from summarizer.parties import build_lexicon
from summarizer.relabel import TitleReads, lexicon_change

PARTIES = (Party("Poland", ("Warsaw", "Polish")), Party("Hungary", ("Budapest", "Hungarian")))
FIRST = "Polish Foreign Minister Anna Kowalczyk met her counterparts in Vienna on Monday."


def test_new_titles_alone_are_a_titles_change_and_a_new_person_a_mention_change():
    old = build_lexicon(PARTIES, [FIRST])
    retitled = build_lexicon(PARTIES, [FIRST, "Polish Deputy Prime Minister Anna Kowalczyk spoke on Friday."])
    change = lexicon_change(old, retitled)
    assert change.titled == {"Anna Kowalczyk", "Kowalczyk"} and not change.named
    joined = build_lexicon(PARTIES, [FIRST, "Hungarian President Gabor Vass rejected the plan."])
    change = lexicon_change(old, joined)
    assert {"Gabor Vass", "Vass"} <= change.named and not change.titled


def test_other_parties_change_everything():
    assert lexicon_change(build_lexicon(PARTIES, [FIRST]), build_lexicon(PARTIES[:1], [FIRST])) is None


def test_extraction_records_whose_titles_it_read_and_finds_the_same_statements():
    lexicon = build_lexicon(PARTIES, [FIRST])
    text = f"{FIRST}\n\nThe minister rejected any ceasefire that freezes the front line, officials said.\n"
    reading = read(Document(id="a", text=text))
    recording = TitleReads.of(lexicon)
    assert find_statements(reading, recording) == find_statements(reading, lexicon)
    assert recording.read == {"Anna Kowalczyk"}
    plain = TitleReads.of(lexicon)
    find_statements(read(Document(id="b", text="Warsaw rejected the plan on Monday, officials said.\n")), plain)
    assert plain.read == set()
