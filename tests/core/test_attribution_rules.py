"""Attribution rules of news English, each on sentences written for the test (not from the story files).

Holders named by a phrase rather than a party's name, objects that hold no stance, reported speech.
Checked on the statements of the attribution stage itself, before any ranking.
"""
from summarizer.attribution import extract
from summarizer.model import Party
from summarizer.parties import build_lexicon
from summarizer.text import split_sentences

ANDES = {"Peru": ["Peruvian", "Lima"], "Bolivia": ["Bolivian", "La Paz"],
         "Andean Water Council": ["water council"], "Cordillera Copper": ["Cordillera Copper Corp"],
         "Miners' Union": ["miners"]}


def holders(text: str, parties: dict[str, list[str]] = ANDES) -> list[tuple[str, str]]:
    """(holder, sentence) of every statement the attribution stage finds in `text`."""
    lexicon = build_lexicon(tuple(Party(n, tuple(a)) for n, a in parties.items()), [text])
    return [(s.holder, s.sentence.text) for s in extract(split_sentences("doc", text), lexicon)]


def holders_of(text: str, fragment: str, parties: dict[str, list[str]] = ANDES) -> set[str]:
    return {h for h, sentence in holders(text, parties) if fragment in sentence}


def test_possessor_of_a_titled_speaker_with_an_apposition_holds_the_stance():
    text = "Bolivia's deputy minister of mines, Rosa Quispe, rejected the new export quota."
    assert holders_of(text, "rejected the new export quota") == {"Bolivia"}


def test_party_adjective_before_a_long_title_and_a_name_holds_the_stance():
    text = "Peruvian energy ministry spokesman Col Luis Huaman accused Bolivia of hoarding water."
    assert holders_of(text, "accused Bolivia") == {"Peru"}


def test_an_object_after_urged_does_not_become_the_speaker():
    text = "The water council's chair, Elena Mamani, urged Peru to release more water from the reservoir."
    assert holders_of(text, "urged Peru") == {"Andean Water Council"}


def test_the_speaker_after_an_inverted_said_is_read_as_a_phrase():
    text = '"We will not accept a quota written in Lima," said the council\'s president, Jorge Condori.'
    assert holders_of(text, "We will not accept") == {"Andean Water Council"}


def test_a_body_named_again_by_its_head_noun():
    text = ("The Andean Water Council met in Cusco on Monday.\n"
            "The council said it would publish its own flow measurements in May.")
    assert holders_of(text, "publish its own flow measurements") == {"Andean Water Council"}


def test_the_company_means_the_one_party_that_is_a_company():
    text = "The company said the strike had cost it two weeks of output."
    assert holders_of(text, "two weeks of output") == {"Cordillera Copper"}


def test_its_chief_executive_belongs_to_the_party_of_the_sentence_before():
    text = ("Cordillera Copper has offered to cut water use by a quarter.\n"
            "Its chief executive, Ana Torres, said the offer was final.")
    assert holders_of(text, "the offer was final") == {"Cordillera Copper"}


def test_she_after_a_titled_speaker_of_a_party_is_that_speaker():
    text = ("The miners' lawyers filed an appeal on Friday. Bolivia's mines minister, Rosa Quispe, defended "
            "the quota. She said the rules applied to every company.")
    assert holders_of(text, "She said the rules applied") == {"Bolivia"}


def test_she_after_a_speaker_of_no_known_party_names_no_one():
    text = ("Peru said it was ready for talks. Quispe welcomed the offer but called it late. "
            "She said Lima would only discuss quotas after the rains.")
    assert holders_of(text, "She said Lima") <= {"Peru"}
    assert "Peru" not in {h for h, s in holders(text) if s.startswith("Quispe")}


def test_a_name_learned_from_an_apposition_speaks_for_its_party_later():
    text = ("Bolivia's chief negotiator, Marta Vargas, arrived in Lima on Monday.\n"
            "Vargas rejected the Peruvian offer as too small.")
    assert holders_of(text, "rejected the Peruvian offer") == {"Bolivia"}


def test_officials_say_is_a_statement_in_the_present():
    assert holders_of("Bolivian officials say the reservoir is half empty.", "half empty") == {"Bolivia"}


def test_a_plural_noun_before_its_verb_is_not_a_verb():
    text = "Peru and the downstream states are pressing for a joint survey."
    assert "Peru" in holders_of(text, "joint survey")


def test_allies_of_a_party_are_not_the_party():
    text = "Peru's allies in the region have warned against new quotas."
    assert "Peru" not in holders_of(text, "warned against new quotas")


def test_a_party_adjective_on_a_thing_is_no_holder():
    text = "Peruvian overcapacity threatened the smelters, the report found."
    assert holders_of(text, "threatened the smelters") == set()


def test_a_party_that_has_not_commented_holds_no_stance():
    text = "The union said it would strike on Monday; the company has not commented."
    assert "Cordillera Copper" not in holders_of(text, "has not commented",
                                                 {**ANDES, "Miners' Union": ["the union"]})


def test_another_party_s_demands_as_an_object_are_not_its_stance():
    text = "Quispe said Lima would only discuss the miners' wage demands after the vote."
    assert "Miners' Union" not in holders_of(text, "wage demands")


def test_a_guess_after_a_speaker_of_no_party_is_not_the_party_s_stance():
    assert holders_of("Economists said Lima could cut the quota again.", "cut the quota") == set()


def test_a_want_reported_by_a_speaker_of_no_party_is_the_party_s_stance():
    text = "Farm leaders said Bolivia wants to double its water exports."
    assert holders_of(text, "double its water exports") == {"Bolivia"}


def test_a_possessive_pronoun_owner_opens_the_sentence_before():
    text = ("The Andean Water Council's observers were less optimistic.\n"
            "Their lead observer, Hugo Flores, said the gauges had been tampered with.")
    assert holders_of(text, "gauges had been tampered") == {"Andean Water Council"}


def test_a_participle_after_a_dateline_subject_belongs_to_that_subject():
    text = "LA PAZ, May 3 (Wire) - Bolivian negotiators left the talks early on Friday, saying Lima had broken its word."
    assert holders_of(text, "saying Lima had broken") == {"Bolivia"}


def test_taking_a_line_is_a_stance():
    assert holders_of("Bolivia took a similar line.", "similar line") == {"Bolivia"}


def test_a_plural_possessive_apostrophe_keeps_its_party():
    text = "The Andean Islands' government warned that it would close its ports."
    assert holders_of(text, "close its ports", {"Andean Islands": ["Andean Islands"]}) == {"Andean Islands"}


def test_a_body_s_long_proper_name_that_reports_is_the_body():
    text = "The United Nations Water Monitoring Mission reported twelve breaches of the quota since March."
    assert holders_of(text, "twelve breaches", {"United Nations": ["UN"]}) == {"United Nations"}


def test_they_after_a_plural_phrase_of_a_party_is_that_party():
    text = ("The water council's lawyers dispute the figures.\n"
            "The gauges, they wrote, had not been serviced for a decade.")
    assert holders_of(text, "they wrote") == {"Andean Water Council"}


def test_a_minister_of_no_named_country_speaks_for_the_story_s_own_government():
    parties = {"Peru": ["government", "Lima"], "Miners' Union": ["the union"]}
    text = "Energy Minister Carla Ruiz warned that the stoppage was costing the treasury dearly."
    assert holders_of(text, "costing the treasury", parties) == {"Peru"}
    assert holders_of(text, "costing the treasury") == set()  # no party is 'the government'


def test_an_abbreviation_in_brackets_between_subject_and_verb():
    text = "Peru's Water Authority (ANA) ordered the mine to stop pumping."
    assert holders_of(text, "stop pumping", {"ANA": ["Water Authority"]}) == {"ANA"}


def test_the_commission_is_the_latest_commission_named_not_a_party_with_the_word_in_an_alias():
    parties = {"European Union": ["EU", "European Commission"], "Peru": ["Peruvian", "Lima"]}
    text = ("The Andean Electoral Commission declared the count complete on Sunday.\n"
            "The commission's chairperson, Julia Soto, said no irregularity changed the outcome.")
    assert holders_of(text, "no irregularity", parties) == set()
    text = "A Commission spokesperson said the EU would answer within a week."
    assert holders_of(text, "answer within a week", parties) == {"European Union"}


def test_the_spokesperson_named_again_speaks_for_the_party_the_first_mention_gave_him():
    text = ('Cordillera Copper said it would appeal the fine.\n\n'
            '"The ruling ignores years of work," a Cordillera Copper spokeswoman said in a statement.\n\n'
            'Peru said the company had been warned twice.\n\n'
            '"We complied with every request," the spokeswoman added. "The council keeps changing the rules."')
    assert holders_of(text, "We complied") == {"Cordillera Copper"}
    assert holders_of(text, "keeps changing the rules") == {"Cordillera Copper"}
    # a spokesman first named as another party's keeps the latest party
    assert holders_of('"No," a Peruvian spokesman said.\n\n"Yes," a Bolivian spokesman said.\n\n'
                      '"We will see," the spokesman added.', "We will see") == {"Bolivia"}


def test_what_a_statement_reads_is_its_senders():
    text = ('In a statement, Cordillera Copper accused the water council of overreach.\n\n'
            '"We believe the council went far beyond what the law requires," the statement read. '
            '"Our appeal will show it."')
    assert holders_of(text, "far beyond") == {"Cordillera Copper"}
    assert holders_of(text, "Our appeal") == {"Cordillera Copper"}
    assert holders_of("The minister read the report aloud to Peru's deputies.", "read the report") == set()


def test_support_that_others_believe_a_party_gives_is_not_its_stance():
    text = ("The miners, widely believed to receive support from Bolivia, rejected the ceasefire "
            "on Monday.")
    assert holders_of(text, "rejected the ceasefire") == {"Miners' Union"}


def test_a_name_inside_a_list_that_a_preposition_governs_is_no_subject():
    text = ("Established in 1992, the mining forum, chaired by Chile, Peru, and Bolivia, aimed to settle "
            "the water dispute.")
    assert holders_of(text, "aimed to settle") == set()
    # a clause after the list is its own: 'licensed by Peru, and Bolivia has warned'
    text = "A consortium is pumping copper licensed by Peru, and Bolivia has warned the miners to halt work."
    assert holders_of(text, "has warned") == {"Bolivia"}
