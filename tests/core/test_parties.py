"""Who is who: profile aliases, metonyms of a named country, people tied to a party by their titles."""
from summarizer.model import Party
from summarizer.parties import build_lexicon

RUSSIA = Party("Russia", ("Russian", "Moscow"))
UKRAINE = Party("Ukraine", ("Ukrainian", "Kyiv"))


def _lexicon(*texts: str, parties=(RUSSIA, UKRAINE)):
    return build_lexicon(tuple(parties), list(texts))


def _found(lexicon, text):
    return [(m.surface, m.party, m.kind) for m in lexicon.find(text)]


def test_profile_aliases_are_found_with_their_party():
    lexicon = _lexicon()
    assert _found(lexicon, "Kyiv and Moscow traded blame.") == [("Kyiv", "Ukraine", "name"), ("Moscow", "Russia", "name")]


def test_a_profile_country_also_answers_to_its_seats_of_power():
    assert _found(_lexicon(), "The Kremlin said nothing.") == [("Kremlin", "Russia", "name")]


def test_nationality_words_are_adjective_mentions():
    assert _found(_lexicon(), "Russian officials declined to comment.")[0][2] == "adjective"


def test_possessive_is_part_of_the_mention():
    mention = _lexicon().find("Ukraine's allies met on Monday.")[0]
    assert (mention.party, mention.possessive) == ("Ukraine", True)


def test_longest_alias_wins_over_a_shorter_one_inside_it():
    lexicon = _lexicon(parties=(Party("European Union", ("EU", "European Commission")), Party("Europe", ("European",))))
    assert [m.party for m in lexicon.find("The European Commission proposed a levy.")] == ["European Union"]


def test_a_titled_person_is_tied_to_the_party_before_the_title():
    lexicon = _lexicon("Russian Foreign Minister Sergei Lavrov met reporters.")
    mention = lexicon.find("Lavrov rejected the plan.")[0]
    assert (mention.party, mention.kind, mention.person) == ("Russia", "person", "Sergei Lavrov")
    assert "minister" in lexicon.titles_of("Lavrov")


def test_a_person_named_with_an_apposition_is_tied_to_that_party():
    lexicon = _lexicon("Olena Kovalenko, Ukraine's deputy foreign minister, arrived late.")
    assert lexicon.find("Kovalenko warned of delays.")[0].party == "Ukraine"


def test_an_unknown_capitalised_word_is_no_mention():
    assert _lexicon().find("Officials in Geneva met on Tuesday.") == []


def test_sheikh_between_two_names_is_part_of_the_name_not_a_second_title():
    lexicon = _lexicon("Ukraine's President Omar Sheikh Farah spoke to parliament.")
    mention = lexicon.find("Farah rejected the plan.")[0]
    assert (mention.party, mention.kind) == ("Ukraine", "person")
    assert lexicon.persons["Omar Sheikh Farah"][0] == "Ukraine"


def test_a_party_s_own_one_word_name_is_no_person_and_a_titled_alias_is_one():
    quorum = Party("Quorum", ("Quorum group", "President Ana Velez", "Velez"))
    lexicon = _lexicon("The Quorum met. Quorum said it would vote.", parties=(RUSSIA, quorum))
    assert ("Quorum", "Quorum", "name") in _found(lexicon, "Quorum said it would vote.")
    found = lexicon.find("President Ana Velez said the vote would go ahead.")
    assert [(m.kind, m.person) for m in found] == [("person", "Ana Velez")]


def test_a_person_spelled_another_way_by_another_outlet_is_the_same_person():
    lexicon = build_lexicon((Party("Norvia", ("Norvian",)), Party("Ostland", ("Ostlandic",))), [
        "Norvian Prime Minister Arek Vardanyan met the envoy.",
        "Prime Minister Arek Vardanian said the treaty was ready. Vardanian also thanked the mediators."])
    assert lexicon.persons["Arek Vardanian"][0] == "Norvia"
    assert lexicon.persons["Vardanian"][0] == "Norvia"
    # another first name, or surnames further apart, are other people
    lexicon = build_lexicon((Party("Norvia", ("Norvian",)),), [
        "Norvian Prime Minister Arek Vardanyan met the envoy.", "Prime Minister Lev Vardanian said no."])
    assert lexicon.persons["Lev Vardanian"][0] is None
