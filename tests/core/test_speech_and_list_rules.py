"""Rules found by reading real news on a story the bot had not seen (a sovereignty handover between two island
states, a leader abroad, an opposition at home), each checked on sentences written for the test: who speaks
inside someone else's quotation, pronouns and honorifics, untied spokesmen, lists and numbers a line must not
end inside, and a passive aside whose agent holds the view."""
from summarizer import compress as c
from summarizer.attribution import extract
from summarizer.lines import _shorter
from summarizer.model import Party
from summarizer.parties import build_lexicon
from summarizer.text import split_sentences
from tests.builders import briefing

ISLANDS = {"Norland": ["Norlandic", "Prime Minister Ola Brekke", "Brekke"],
           "Sudmark": ["Sudmarkian", "President Tove Dahl", "Dahl"],
           "Westmark": ["Westmarkian", "President Ivar Lund", "Lund"],
           "Free Party": ["Kari Holm", "Holm"]}
TOPICS = {"handover": ["handover", "hand over", "sovereignty"], "base": ["naval base", "lease"],
          "money": ["payments", "money", "cost"]}


def statements(text: str) -> list[tuple[str, str]]:
    parties = tuple(Party(n, tuple(a)) for n, a in ISLANDS.items())
    lexicon = build_lexicon(parties, [text])
    return [(s.holder, s.sentence.text) for s in extract(split_sentences("doc", text), lexicon)]


def lines(text: str, topic: str) -> dict[str, list[str]]:
    return {p.name: [pos.text for pos in p.positions] for p in briefing(text, topic, ISLANDS, TOPICS).parties}


def test_a_title_inside_someone_elses_quotation_gives_its_holder_no_stance():
    text = ("President Ivar Lund of Westmark met Prime Minister Ola Brekke of Norland on Monday. "
            "Lund said the lease of the naval base was a sound one.\n"
            "A spokesman said on Tuesday: \"We welcome the fact that the president backs the handover of the "
            "islands.\"")
    assert ("Westmark", "A spokesman said on Tuesday: \"We welcome the fact that the president backs the handover "
            "of the islands.\"") not in statements(text)


def test_an_untied_spokesman_of_a_leader_is_not_given_to_a_party_whose_leader_has_another_title():
    text = ("Prime Minister Ola Brekke of Norland flew to Westmark. "
            "President Ivar Lund of Westmark said he backed the handover.\n"
            "The Prime Minister's spokesman said the handover would be signed next month.")
    found = dict((sentence, holder) for holder, sentence in statements(text))
    assert found.get("The Prime Minister's spokesman said the handover would be signed next month.") != "Westmark"


def test_a_named_official_still_speaks_for_the_party_named_before_him():
    text = ("Sudmark's parliament passed the bill, and President Tove Dahl said the handover was final.\n"
            "\"We will not give up one island,\" Dahl said on the radio.")
    assert ("Sudmark", "\"We will not give up one island,\" Dahl said on the radio.") in statements(text)


def test_she_is_not_a_man_the_sentence_names_with_mr():
    text = ("Kari Holm of the Free Party spoke after the vote. Mr Lund said the lease was fair.\n"
            "Asked if her party would change course after a visit by Mr Lund, she said: "
            "\"This is about our own interest.\"")
    holders = {holder for holder, sentence in statements(text) if sentence.startswith("Asked if")}
    assert "Westmark" not in holders


def test_a_line_never_ends_on_the_first_item_of_a_list():
    text = "Norland said rivals such as Westmark, Sudmark and two other states back the handover of the islands."
    for line in lines(text, "handover").get("Norland", []):
        assert not line.endswith("such as Westmark"), line
    text = ("Under the accord, which still needs a vote, Norland will pay Sudmark rent, port fees and a fund for "
            "the 1,200 families moved off the islands decades ago to make room for the naval base.")
    for line in lines(text, "base").get("Norland", []):
        assert not line.endswith(("pay Sudmark rent", "of the 1")), line


def test_a_number_is_never_split_at_its_thousands_comma():
    text = "Norland will pay rent and a fund for the 1,200 families moved off the islands to make room for the base"
    assert all(not t.endswith("the 1") for t in _shorter(text))


def test_a_passive_aside_gives_the_line_its_agent():
    text = ("There were also fears, voiced by Westmark's foreign minister, that the handover would put the islands "
            "within reach of hostile fleets")
    assert c.passive_aside_to_active(text) == (
        "Westmark's foreign minister voiced fears that the handover would put the islands within reach of hostile "
        "fleets")


def test_examples_go_only_as_a_whole_list_and_a_condition_after_only_stays():
    assert c.drop_trailing_examples("Sudmark wants every island back, including Eastholm, Farholm and Nesholm") \
        == "Sudmark wants every island back"
    assert c.drop_trailing_examples("Norland said rivals such as Westmark, Sudmark and Osterland back the deal") \
        == "Norland said rivals back the deal"
    assert c.drop_trailing_condition("Norland is ready to pay more, but only if Sudmark drops its claim") \
        == "Norland is ready to pay more, but only if Sudmark drops its claim"
    assert c.drop_trailing_condition("Norland urged Sudmark to halt the survey until a study is done") \
        == "Norland urged Sudmark to halt the survey"


def test_a_line_does_not_start_at_the_agent_of_a_passive():
    text = ("There were also fears, voiced by Westmark's foreign minister, that the handover would put the islands "
            "within reach of hostile fleets.")
    for line in lines(text, "handover").get("Westmark", []):
        assert not line.startswith("Westmark's foreign minister,"), line


def test_she_after_a_sentence_on_two_men_is_the_woman_named_before():
    text = ("Kari Holm of the Free Party said her party would fight the handover.\n"
            "Prime Minister Ola Brekke met President Ivar Lund, and Lund said he backed the lease.\n"
            "Sir Ola Brekke spoke after him.\n"
            "\"We will keep fighting this handover,\" she said.")
    holders = {holder for holder, sentence in statements(text) if sentence.startswith("\"We will keep")}
    assert holders == {"Free Party"}


def test_named_examples_are_no_subject_of_the_verb_after_them():
    text = "Norland's opposition leader said rivals such as Westmark and Sudmark back the handover."
    assert not {holder for holder, _ in statements(text)} & {"Westmark", "Sudmark"}


def test_a_speaker_of_no_party_bounds_the_clause_of_the_party_after_him():
    # opposition leader Ivo Berg belongs to no party: his clause is nobody's, the Westmark clause Westmark's alone
    text = ("Opposition leader Ivo Berg spoke in Nordby.\n"
            "The deal will not survive the winter, Ivo Berg has said, despite Westmark signalling it would back it.")
    quotes = [(s.holder, s.quote) for s in extract(
        split_sentences("doc", text), build_lexicon(tuple(Party(n, tuple(a)) for n, a in ISLANDS.items()),
                                                    [text]))]
    assert quotes and all(not quote.startswith("The deal will not survive") for _, quote in quotes)


def test_direct_speech_holds_only_its_speakers_stance():
    text = ("President Tove Dahl of Sudmark spoke in parliament.\n"
            "Dahl also said: \"If Norland claimed it owned the islands, then that claim does not exist.\"\n"
            "\"The issue is not the lease. The issue is how Norland wants the whole coast.\"")
    holders = {holder for holder, _ in statements(text)}
    assert holders == {"Sudmark"}


def test_a_line_never_stops_inside_a_quotation_and_a_quoted_first_word_is_capitalised():
    text = ('In October, Brekke said Norland\'s future was "bound to the sea," adding that "if we want to live in '
            'peace, we have to share the coast with every neighbour in a fair manner".')
    found = lines(text, "base") or lines(text, "handover") or {}
    shown = [line for party in found.values() for line in party]
    assert all(line.count('"') % 2 == 0 for line in shown)
    text = ('But after the truce began, "the Norlandic side saw Sudmarkian boats enter its waters near the naval '
            'base," a Norlandic navy spokesman said.')
    assert all(not line.startswith('"the') for line in lines(text, "base").get("Norland", []))


def test_a_leading_time_goes_but_a_deadline_stays():
    assert c.drop_time("In October, Brekke said the base must stay") == "Brekke said the base must stay"
    assert c.drop_time("By March, Norland said, the base must close") == "By March, Norland said, the base must close"
    assert c.drop_time("May, the minister said, is too late") == "May, the minister said, is too late"


def test_a_line_from_its_holder_keeps_the_article():
    text = "The talks broke up without a deal, after the Free Party refused to accept a smaller share of the money."
    assert all(not line.startswith("Free Party") for line in lines(text, "money").get("Free Party", []))
