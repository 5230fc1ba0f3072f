"""How wire copy names who speaks, and the holder each pattern gives (issue 9, item 5: more of each party's
positions). Sentences written for the test, on an invented dispute over a lake between two states, a regional
body and a union."""
from summarizer.attribution import extract
from summarizer.model import Party
from summarizer.parties import build_lexicon
from summarizer.text import split_sentences
from tests.builders import briefing

LAKE = {"Tarvia": ["Tarvian", "Olsk"], "Mirenia": ["Mirenian", "Port Brava"],
        "Andean Council": ["the council"], "Lake Fishers Union": ["LFU"], "Boreal Nets": ["Boreal"],
        "Association of Lake States": ["lake shore states"]}
TOPICS = {"water": ["water", "lake", "level"], "talks": ["talks", "negotiations", "deal"]}


def holders_of(text: str, fragment: str, parties: dict[str, list[str]] = LAKE) -> set[str]:
    lexicon = build_lexicon(tuple(Party(n, tuple(a)) for n, a in parties.items()), [text])
    return {s.holder for s in extract(split_sentences("doc", text), lexicon) if fragment in s.sentence.text}


def lines(text: str, topic: str, party: str) -> list[str]:
    return [pos.text for p in briefing(text, topic, LAKE, TOPICS).parties if p.name == party for pos in p.positions]


def test_a_name_then_a_spokesman_for_a_party_s_ministry_speaks_for_that_party():
    text = "Ilse Varga, a spokeswoman for the Tarvian water ministry, said the lake level had never been lower."
    assert holders_of(text, "never been lower") == {"Tarvia"}


def test_a_name_then_a_title_of_the_body_speaks_for_the_body_and_later_by_surname():
    text = ("Pavel Ostrov, president and chief executive of Boreal, said the nets met every rule.\n"
            "Ostrov also rejected the union's demand for a ban.")
    assert holders_of(text, "met every rule") == {"Boreal Nets"}
    assert holders_of(text, "rejected the union's demand") == {"Boreal Nets"}


def test_a_speaker_named_after_the_content_with_an_abbreviated_body_holds_it():
    text = "Catches have halved in two years, Dara Melo, an LFU organiser, said."
    assert holders_of(text, "Catches have halved") == {"Lake Fishers Union"}


def test_a_title_apposition_naming_a_counterpart_gives_no_party():
    text = "Ilse Varga, an envoy to Mirenia, said the talks would resume."
    assert holders_of(text, "would resume") == set()


def test_a_former_office_in_the_apposition_speaks_for_no_party():
    text = "Ilse Varga, a former Tarvian water minister, said the dam was a mistake."
    assert holders_of(text, "was a mistake") == set()


def test_a_one_word_name_with_a_title_apposition_speaks_for_the_party_and_is_remembered():
    text = ("Kosta, Mirenia's foreign minister, has rejected the plan.\n"
            "Kosta told lawmakers the lake could not be shared on those terms.")
    assert holders_of(text, "rejected the plan") == {"Mirenia"}
    assert holders_of(text, "could not be shared") == {"Mirenia"}


def test_according_to_him_takes_the_person_the_sentence_before_named():
    text = ("Mirenian Foreign Minister Ada Kosta met her Tarvian counterpart on Monday.\n"
            "According to her, the water talks should resume within a month.")
    assert holders_of(text, "should resume within") == {"Mirenia"}


def test_according_to_a_surname_an_apposition_tied_to_a_party():
    text = ("The council's secretary, Rui Campos, visited both capitals.\n"
            "According to Campos, neither side wants the water talks to fail.")
    assert holders_of(text, "neither side wants") == {"Andean Council"}


def test_an_aside_about_the_speaker_between_subject_and_verb_is_skipped():
    text = "A senior Tarvian official, speaking on condition of anonymity, said the talks had stalled."
    assert holders_of(text, "had stalled") == {"Tarvia"}
    text = "Mirenian officials, who asked not to be named, said the lake level was falling."
    assert holders_of(text, "was falling") == {"Mirenia"}


def test_a_whole_quote_after_a_quoted_speaker_is_still_that_speaker_s():
    text = ('"We will not let the lake die," Kosta said on Tuesday. "Our farmers need every drop of it."\n'
            'Olsk said the dam was legal.')
    parties = {**LAKE, "Mirenia": ["Mirenian", "Kosta"]}
    assert holders_of(text, "Our farmers need", parties) == {"Mirenia"}
    found = [pos.text for p in briefing(text, "water", parties, {"water": ["water", "drop"]}).parties
             for pos in p.positions]
    assert "Kosta: “Our farmers need every drop of it”" in found


def test_a_quote_that_follows_no_quoted_speaker_or_names_another_person_is_nobody_s():
    text = 'Olsk said the dam was legal. "The water belongs to everyone."'
    assert holders_of(text, "belongs to everyone") == set()
    text = '"We will not move," Kosta said. "Varga knows this."'
    assert holders_of(text, "Varga knows", {**LAKE, "Tarvia": ["Varga"], "Mirenia": ["Kosta"]}) == set()


def test_members_of_an_adjective_named_body_speak_for_it():
    text = "Andean ministers on Friday urged both states to share the lake's water."
    assert holders_of(text, "share the lake") == {"Andean Council"}


def test_a_described_group_shortened_to_its_head_speaks_for_its_party():
    text = "Mirenia and the shore states are pushing for a binding deal on the lake level."
    assert holders_of(text, "binding deal") == {"Mirenia", "Association of Lake States"}


def test_a_second_verb_after_and_takes_the_clause_s_opening_subject():
    text = "OLSK, May 2 (Wire) - Andean ministers on Friday met Tarvia's president and called on Port Brava to reopen the sluices."
    assert holders_of(text, "reopen the sluices") == {"Andean Council"}


def test_an_embassy_in_a_capital_speaks_for_its_own_country_not_the_capital():
    text = "The Tarvian embassy in Port Brava said it was deeply concerned by the closure."
    assert holders_of(text, "deeply concerned") == {"Tarvia"}


def test_made_clear_states_a_stance():
    text = "Mirenia has made clear that any deal must protect the lake level."
    assert holders_of(text, "must protect") == {"Mirenia"}


def test_a_speaker_known_only_by_role_is_shown_by_party_not_by_a_lowercase_role_word():
    text = ("Tarvia's water minister said the lake level was stable.\n"
            '"Nobody is taking water from Mirenia," she said.')
    assert lines(text, "water", "Tarvia")
    assert all(line[:1].isupper() for line in lines(text, "water", "Tarvia"))


def test_a_pronoun_after_an_opening_subordinate_clause_is_that_clause_s_subject():
    text = "While the Peruvian government has yet to reply, it has repeated its offer of talks."
    assert holders_of(text, "repeated its offer", {"Peru": ["Peruvian", "Lima"], "Chile": []}) == {"Peru"}


def test_both_sides_are_the_two_parties_that_just_held_stances():
    text = ("Tarvia said the dam would be finished in May.\n"
            "Mirenia said it would block the river at the border.\n"
            "Both sides have accused each other of breaking the lake accord.")
    assert holders_of(text, "accused each other") == {"Tarvia", "Mirenia"}


def test_both_sides_after_three_parties_is_nobody_s_guess():
    text = ("Tarvia said the dam would be finished in May.\n"
            "Mirenia and the Andean Council said the river must not be blocked.\n"
            "Both sides have accused each other of breaking the lake accord.")
    assert holders_of(text, "accused each other") == set()


def test_quoted_as_saying_is_the_subject_s_own_statement():
    text = "Kosta was quoted by state radio as saying that the lake talks had collapsed."
    assert holders_of(text, "had collapsed", {**LAKE, "Mirenia": ["Mirenian", "Kosta"]}) == {"Mirenia"}


def test_british_spelling_of_a_stance_verb_is_a_cue():
    text = "Peru said the port would close. Chile has signalled it could accept a shorter closure."
    assert holders_of(text, "could accept", {"Peru": ["Peruvian"], "Chile": ["Chilean"]}) == {"Chile"}


def test_a_statement_rejecting_something_is_its_issuers_stance():
    text = "The Peruvian and Chilean fisheries ministers issued a joint statement rejecting the new quota."
    parties = {"Peru": ["Peruvian"], "Chile": ["Chilean"]}
    assert holders_of(text, "rejecting the new quota", parties) == {"Peru", "Chile"}


def test_a_company_called_by_its_trade_is_that_company():
    text = ("Boreal Nets SA said it would appeal the ban.\n"
            "The netmaker, which employs 900 people, said the lake level was not its doing.")
    parties = {**LAKE, "Boreal Nets": ["Boreal Nets SA"]}
    assert holders_of(text, "not its doing", parties) == set()  # no trade word of our list: nobody's
    text = text.replace("netmaker", "manufacturer")
    assert holders_of(text, "not its doing", parties) == {"Boreal Nets"}


def test_two_titled_leaders_joined_by_and_both_hold_the_stance():
    text = "Peruvian President Ana Rojas and Chilean President Luis Mena agreed to reopen the border."
    parties = {"Peru": ["Peruvian"], "Chile": ["Chilean"]}
    assert holders_of(text, "agreed to reopen", parties) == {"Peru", "Chile"}


def test_a_title_after_lowercase_office_words_keeps_the_party_before_them():
    text = ("Andean Council fisheries policy chief Marta Ruiz visited the lake.\n"
            "The quotas must be cut, she said.")
    assert holders_of(text, "must be cut") == {"Andean Council"}


def test_a_country_before_an_envoy_s_office_is_where_the_envoy_is_sent():
    text = "Chile's Peru border envoy Tomas Vidal said the crossing would reopen."
    assert holders_of(text, "would reopen", {"Peru": ["Peruvian"], "Chile": ["Chilean"]}) == {"Chile"}


def test_a_parliament_speaker_speaks_for_the_country():
    text = "Chile's parliament speaker, a critic of the government, called the ban illegal."
    assert holders_of(text, "the ban illegal", {"Peru": ["Peruvian"], "Chile": ["Chilean"]}) == {"Chile"}


def test_member_states_are_a_noun_not_the_verb_states():
    text = ("Olsk said the sluices would stay shut, while urging Andean member states to lift the fishing ban.")
    assert holders_of(text, "lift the fishing ban") == {"Tarvia"}


def test_a_long_relative_clause_after_the_speaker_is_dropped_from_the_line_not_the_verb():
    text = ("Lake talks stall\n"
            "Tarvian Prime Minister Jon Erl, who has refused to open the sluices until Mirenia signs the water "
            "accord drafted last spring, accused Port Brava of stalling the talks to buy time.")
    found = lines(text, "talks", "Tarvia")
    assert found == ["Tarvian Prime Minister Jon Erl accused Port Brava of stalling the talks to buy time"]


def test_a_generic_noun_names_again_the_one_recent_body_of_its_kind():
    parties = {"Hezbollah": [], "NATO": [], "Israel": ["Israeli"], "Boreal Nets": []}
    text = "Hezbollah said it would not disarm. The group also said its fighters had left the border."
    assert holders_of(text, "fighters had left", parties) == {"Hezbollah"}
    text = "NATO said it would boost air defences. The alliance warned against further provocations."
    assert holders_of(text, "further provocations", parties) == {"NATO"}
    text = "Boreal Nets said it would appeal. The manufacturer argued that the ban was unlawful."
    assert holders_of(text, "ban was unlawful", parties) == {"Boreal Nets"}


def test_a_generic_noun_never_stands_for_a_country_or_for_one_of_two_bodies():
    parties = {"Hezbollah": [], "Hamas": [], "Israel": ["Israeli"]}
    text = "Israel said it would keep its troops in place. The group said the troops must leave."
    assert holders_of(text, "troops must leave", parties) == set()
    text = "Hezbollah and Hamas said they would not disarm. The group said the talks were over."
    assert holders_of(text, "talks were over", parties) == set()


def test_a_verb_before_a_title_does_not_tie_the_titled_person_to_the_subject():
    text = ("The Andean Council declared President Ana Rojas of Tarvia the winner of the lake vote.\n"
            "Rojas urged her rivals to accept defeat.")
    assert holders_of(text, "accept defeat") == {"Tarvia"}


def test_he_after_a_name_of_no_known_party_is_that_person_not_the_last_known_speaker():
    text = ("Tarvian President Ana Kolar said the dam would stay shut.\n"
            "Dobrev denied the claims when he spoke to a Mirenian reporter on the lake shore.")
    assert holders_of(text, "Dobrev denied") == set()

