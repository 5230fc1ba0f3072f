"""Auto mode on real news of a strike against carmakers, a coup and a judge against a network: which bodies the
text itself names, checked on texts written for the test."""
from summarizer.discovery import discover_lexicon, find_candidates
from summarizer.organisations import company_signals, lone_subjects
from summarizer.text import split_sentences


def names(texts: list[str]) -> dict[str, set[str]]:
    return {c.name: {c.name, *c.aliases} for c in find_candidates(texts)}


def discovered(texts: list[str]):
    """The lexicon auto mode builds from the texts, and each text's statements."""
    return discover_lexicon(texts, [split_sentences(f"d{k}", t) for k, t in enumerate(texts)])


def test_a_one_word_company_is_found_though_a_possessor_a_stop_or_if_stands_before_it():
    texts = ["Tom Brack's Skylane said it would not obey the order.\n"
             "The judge froze its accounts on Friday. Skylane refused to pay the fines.\n"
             "If Skylane keeps its stance, the state could revoke its licence. Skylane pledged free service."]
    assert "Skylane" in lone_subjects(texts)
    assert "Skylane" not in lone_subjects(["Jon Skylane said it was wrong. Skylane argued the point again."])


def test_a_platform_named_beside_its_kind_is_a_company():
    assert company_signals("The judge fined the social media platform Chirp, which refused to comply.") == ["Chirp"]


def test_a_list_of_companies_is_several_names_and_a_name_joined_by_and_stays_one_unless_the_text_says_otherwise():
    found = names(["The union is striking against Orbis Motors, Vantor and Kestrel Motors on Friday.\n"
                   "It keeps up the pressure on Vantor and Kestrel Motors as talks go on.\n"
                   "Vantor also agreed to keep a plant open."])
    assert not any(" and " in name or "," in name for name in found)
    assert "Kestrel Motors" in found
    found = names(["The Harbour and Rail Workers Union said the strike would go on.\n"
                   "The Commission for Conciliation, Mediation and Arbitration said talks would resume."])
    assert "Harbour and Rail Workers Union" in found
    assert "Commission for Conciliation, Mediation and Arbitration" in found
    found = names(["The opposition parties Alliance for Renewal, Free Citizens Movement, and Green Path said they "
                   "would boycott the new parliament. The Free Citizens Movement rejected the results."])
    assert "Alliance for Renewal" in found and "Free Citizens Movement" in found
    assert not any("," in name for name in found)


def test_the_junta_is_not_the_one_body_the_texts_name_only_in_passing():
    texts = ["Osterland's military junta named a new prime minister on Thursday.\n"
             "The junta said the president was in good health.\n"
             "Vale and Tarn referred to the sanctions against Osterland imposed by the Coastal Monetary Pact (CMP)."]
    found = names(texts)
    assert not any("junta" in aliases for name, aliases in found.items() if "Monetary" in name or name == "CMP")


def test_a_force_named_for_itself_is_a_body_but_a_force_of_no_named_state_is_none():
    found = names(["The Rapid Shield Forces said they would attend the talks in Osterburg.\n"
                   "The Armed Forces said nothing. The Rapid Shield Forces rejected the truce."])
    assert "Rapid Shield Forces" in found and "Armed Forces" not in found


def test_a_body_joined_to_another_by_a_hyphen_is_one_party_under_its_shorter_name():
    found = names(["The Stage Performers Guild said the talks had failed.\n"
                   "The Stage Performers Guild-Federation of Radio Artists (SPG-FRA) called a strike.\n"
                   "The Stage Performers Guild rejected the offer."])
    assert "Stage Performers Guild" in found
    assert not any(name.startswith("Stage Performers Guild-") for name in found)


def test_nato_is_no_topic_of_a_story_that_never_names_it():
    from summarizer.topics import discover_topics
    from summarizer.text import stem
    said = ["the alliance of producers rejected the membership vote", "the union alliance said membership grew",
            "membership of the alliance voted for the strike", "the alliance said its membership backed the deal"]
    stems = [" " + " ".join(stem(w) for w in s.split()) + " " for s in said]
    assert "nato" not in [t.key for t in discover_topics(stems)]


def test_a_one_word_company_is_found_with_an_adverb_before_its_verb():
    texts = ["Skylane initially rejected the offer.\nSkylane has agreed to sign the deal.\nSkylane also wanted more."]
    assert "Skylane" in lone_subjects(texts)


def test_a_company_named_after_a_city_keeps_the_city_and_a_family_name_before_a_given_name_is_no_body():
    found = names(["Tokyo Electric Power Co. said the release would start on Thursday.\n"
                   "Tokyo Electric Power Co. has said the water is safe."])
    assert "Electric Power Co." not in found
    assert "Tokyo Electric Power Co." in found or any("Tokyo Electric Power" in n for n in found)
    texts = ["Bang Moon-kyu, the trade minister, spoke on Friday. Bang said the review was done.\n"
             "Bang added that the ban would stay. Bang argued the impact was small."]
    assert "Bang" not in lone_subjects(texts)


def test_a_city_and_an_industry_word_make_a_company_alias_no_person():
    from summarizer.parties import _looks_like_person
    assert not _looks_like_person("Tokyo Electric Power")
    assert _looks_like_person("Rafael Grossi")


def test_a_president_of_no_named_country_is_not_the_president_of_the_country_whose_government_is_named():
    texts = ["Chile and Peru signed a border deal on Friday in a third country.\n\n"
             "President Lena Voss hailed the historic deal between Chile and Peru, even as both sides voiced doubts.\n\n"
             "The Chilean government said the deal would be ratified within a month.\n\n"
             "Peru's foreign minister rejected any new talks on the maritime line.",
             "The Chilean government welcomed the deal. Transport Minister Ana Soto said the border crossing would "
             "reopen next week."]
    lexicon, _ = discovered(texts)
    assert lexicon.persons["Lena Voss"][0] is None  # her country is not named: not Chile's president
    assert lexicon.persons["Ana Soto"][0] == "Chile"  # a minister of no named country is still the government's


def test_a_head_of_government_is_not_the_country_an_adjective_in_the_sentence_before_names():
    texts = ["India and Pakistan traded strikes on the border.\n\n"
             "The defence ministry said no Pakistani military sites were hit. Prime Minister Ravi Menon watched "
             "the operation closely.\n\nPakistan's foreign ministry warned of a response."]
    lexicon, _ = discovered(texts)
    assert lexicon.persons["Ravi Menon"][0] != "Pakistan"


def test_a_body_whose_name_opens_with_a_demonym_keeps_it_but_a_state_s_agency_is_named_without_the_state():
    found = names(["The Norwegian Ferry Workers Association (NFWA) said the strike would go on.\n"
                   "The NFWA rejected the offer on Friday. The Norwegian Ferry Workers Association called a vote.\n"
                   "The U.S. Federal Shipping Board said it would review the dispute. "
                   "The U.S. Federal Shipping Board warned the ports."])
    assert "Norwegian Ferry Workers Association" in found and "Ferry Workers Association" not in found
    assert "NFWA" in found["Norwegian Ferry Workers Association"]
    assert "Federal Shipping Board" in found


def test_a_group_s_one_word_name_given_to_a_person_as_surname_is_that_person_not_the_group():
    person = ["Tarvia's foreign minister, Ilse Maren Wagner, told the council the lake was dying.\n"
              "Wagner added that the council must act."]
    assert "Wagner" not in names(person)
    group = ["Ilse Maren Wagner met the council.\n"
             "Wagner fighters were seen near the lake, and Wagner said it would stay."]
    assert "Wagner" in names(group)


def test_a_modifier_tying_a_group_to_another_is_not_part_of_its_name():
    found = names(["The al Qaeda-linked Front for the Defence of the Lake (FDL) said it held the dam.\n"
                   "The Front for the Defence of the Lake rejected the talks."])
    assert "Front for the Defence of the Lake" in found
    assert not any("linked" in name for name in found)


def test_a_company_described_by_a_common_noun_or_opening_a_line_after_a_headline_is_found():
    texts = ["Regulator fines Vexa and Orbis over app rules\n"
             "Orbis demanded that the ruling be overturned.\n"
             "Social media giant Vexa said the fine was unfair. Photo-sharing-owner Vexa rejected the order.\n"
             "The iPhone-maker Orbis argued that the rules were unclear."]
    found = lone_subjects(texts)
    assert "Vexa" in found and "Orbis" in found


def test_a_ministry_a_country_owns_is_that_country_s_when_two_countries_name_their_governments():
    from tests.builders import briefing, holders_of
    texts = ["Chile’s government said on Monday that the mackerel quota for Peruvian trawlers was final.\n"
             "Peru’s foreign ministry said the quota broke the fishing treaty and called for talks.\n"
             "Chile rejected the call for talks on the quota."]
    b = briefing(texts, None)
    assert holders_of(b, "quota broke the fishing treaty") == {"Peru"}


def test_a_demonym_before_a_body_the_texts_also_name_without_it_is_no_part_of_its_name():
    found = names(["The Venezuelan National Electoral Council said the count was final.\n"
                   "The National Electoral Council declared the president the winner. "
                   "The National Electoral Council rejected the audit."])
    assert "National Electoral Council" in found and "Venezuelan National Electoral Council" not in found


def test_a_country_quoted_at_a_quotation_s_end_is_no_person_of_the_speaker_s_country():
    from tests.builders import briefing, holders_of
    texts = ["“The attacks were carried out with the support of the United Arab Emirates,” Sudan’s acting "
             "justice minister, Idris Kamal, told the court.\n"
             "Saudi Arabia, the United States, the United Arab Emirates, and Egypt called for a truce in Sudan."]
    b = briefing(texts, None)
    assert "United Arab Emirates" in holders_of(b, "called for a truce")


def test_a_committee_a_named_body_owns_is_that_body():
    found = names(["The Norwegian Ferry Workers Association said the strike would go on.\n"
                   "The Norwegian Ferry Workers Association’s Harbour Pilots Committee has agreed to put the offer "
                   "to members. The Norwegian Ferry Workers Association rejected the deal."])
    assert not any("’s" in name for name in found)
    assert any("Harbour Pilots Committee" in alias for alias in found.get("Norwegian Ferry Workers Association", ()))


def _persons(texts):
    lexicon, _ = discovered(texts)
    return lexicon.persons


def test_a_minister_of_no_named_country_belongs_to_the_country_whose_officials_his_paper_titles_alone():
    texts = ["Chile and Peru signed a truce after talks in Quito.\n\n"
             "A Chilean delegation led by Defence Minister Ana Soto travelled to Quito on Monday. "
             "Foreign Minister Luis Vega welcomed the deal, calling it a first step.\n\n"
             "Peruvian Foreign Minister Rosa Diaz said Peru would honour the truce.",
             "The Peruvian government said it wanted a lasting peace."]
    assert _persons(texts)["Luis Vega"][0] == "Chile"


def test_a_paper_that_titles_officials_of_both_countries_alone_places_no_one():
    texts = ["Chile and Peru signed a truce after talks in Quito.\n\n"
             "Defence Minister Ana Soto of Chile and Peru's Interior Minister Rosa Diaz met on Monday. "
             "Foreign Minister Luis Vega welcomed the deal. Interior Minister Rosa Diaz said it would hold.",
             "Chile's Defence Minister Ana Soto spoke first. Peru's Interior Minister Rosa Diaz agreed."]
    assert _persons(texts)["Luis Vega"][0] is None


def test_a_head_of_state_titled_alone_does_not_make_the_paper_s_country():
    texts = ["Chile and Peru signed a truce after talks in Quito.\n\n"
             "Peruvian President Rosa Diaz hailed the deal.\n\nSecretary of State Luis Vega welcomed it too."]
    assert _persons(texts)["Luis Vega"][0] != "Peru"


def test_a_junta_written_as_a_country_s_rulers_is_that_country_not_the_one_armed_group():
    texts = ["Chile's military junta said on Monday that Islamic State fighters had attacked a convoy.\n\n"
             "The junta said the attack had failed. Islamic State said it had seized the trucks."]
    found = names(texts)
    assert "junta" in found["Chile"]
    assert "junta" not in found["Islamic State"]


def test_an_arabic_name_with_its_articles_is_named_by_its_initials_and_two_spellings_are_one_body():
    found = names(["Harakat Nasr al-Watan wal-Shaab (HNWS) said it would block the roads to Tarn.\n"
                   "The group, spelled Harakat Nasr ul-Watan wa al-Shaab (HNWS) by other papers, warned drivers."])
    bodies = [aliases for aliases in found.values() if "HNWS" in aliases]
    assert len(bodies) == 1
    assert {"Harakat Nasr al-Watan wal-Shaab", "Harakat Nasr ul-Watan wa al-Shaab"} <= bodies[0]


def test_a_named_group_s_fighters_are_that_group_not_the_other_armed_group_of_the_story():
    texts = ["Islamic State fighters attacked a convoy near Tarn. Islamic State said the attack had succeeded.\n\n"
             "The Harakat Nasr al-Watan wal-Shaab (HNWS) said it would block the roads to Tarn. "
             "The militants said the blockade would last. HNWS militants announced a fuel embargo on Chile."]
    lexicon, _ = discovered(texts)
    sentence = "HNWS militants announced a fuel embargo on Chile."
    holders = [m.party for m in lexicon.find(sentence)]
    assert holders[0] == lexicon.alias_party["HNWS"] and "Islamic State" not in holders


def test_a_name_with_a_particle_keeps_its_last_word_however_long():
    texts = ["Chilean President Jose Luis Ramos da Costa said Chile would join the talks.\n\n"
             "Costa warned Peru against new tariffs.\n\nPeru rejected the warning."]
    lexicon, _ = discovered(texts)
    assert lexicon.persons["Jose Luis Ramos da Costa"][0] == "Chile"
    assert "da" not in lexicon.persons and lexicon.persons["Costa"][0] == "Chile"


def test_a_number_in_an_abbreviation_that_its_name_lacks_makes_no_name():
    found = names(["The rebel group March 23 Movement (M23) said it had sent a delegation to Doha.\n"
                   "The March 23 Movement (M23) rejected the offer."])
    assert "Movement" not in found


def test_a_country_spelled_out_before_its_known_abbreviation_is_that_country_not_a_new_body():
    # the gazetteer knows 'DRC' and 'Democratic Republic of the Congo', not this spelling of it
    found = names(["The Democratic Republic of Congo (DRC) turned down the rebels' demands at the talks.\n"
                   "Rwanda denied arming the rebels. The DRC said it would sign no deal leaving them in the east."])
    assert "Democratic Republic of Congo" in found["Democratic Republic of the Congo"]
    assert "Democratic Republic of Congo" not in found
    assert not any("rebels" in aliases for aliases in found.values() if "DRC" in aliases)
    # another body whose abbreviation a known one shares is not that one
    found = names(["The Palestinian Authority (PA) rejected the plan on Monday. The PA said it would not take part.\n"
                   "The Pressmen Association (PA), a union of printers, said its members would strike."])
    assert "Pressmen Association" not in found["Palestinian Authority"]


def test_the_alliance_written_as_british_outlets_write_it_is_nato():
    found = names(["Nato said 25 of its peacekeepers were hurt in the clashes near the town hall.\n"
                   "Tarvia rejected the claims. Nato urged both sides to step back from the border."])
    assert "Nato" in found.get("NATO", set())


def test_a_company_that_petitions_a_court_and_pledges_something_states_things():
    texts = ["Skyreach petitioned the court to unblock its frozen accounts.\n"
             "The judge dismissed the request on Monday. Skyreach pledged free service to its customers."]
    assert "Skyreach" in lone_subjects(texts)


def test_the_union_set_beside_its_full_name_is_that_body_and_its_district_is_the_same_union():
    found = names(["Members of the Federation of Rail and Harbour Workers voted to strike at Kestrel Motors.\n"
                   "The union, the Federation of Rail and Harbour Workers, said Kestrel Motors refused to raise wages.\n"
                   "Two-thirds of the members of the Federation of Rail and Harbour Workers District 12 rejected the "
                   "offer, the union said. Kestrel Motors said the offer was fair."])
    union = found["Federation of Rail and Harbour Workers"]
    assert "union" in union
    assert not any(name.startswith("Federation of Rail and Harbour Workers ") for name in found)


def test_a_name_that_puts_its_head_word_first_is_a_body_and_not_the_country_it_names():
    found = names(["A coalition called the Alliance Fleuve Congo, of which the rebels are a member, said it would "
                   "observe a truce. The Alliance Fleuve Congo rejected the talks."])
    assert "Alliance Fleuve Congo" in found
    assert not any(name == "Union" for name in names(["Union officials said the strike would go on."]))


def test_a_body_whose_first_word_is_someones_surname_does_not_take_his_words():
    found = names(["The corridor will be named the Lindqvist Route for Peace and Trade (LRPT), the ministry said.\n"
                   "President Ola Lindqvist said the route would open next year. Lindqvist said it was historic."])
    assert "Lindqvist" not in found.get("Lindqvist Route for Peace and Trade", set())


def test_a_company_is_shown_under_the_name_the_texts_use_most_and_a_place_never_names_a_body():
    found = names(["Regulators fined Quillon Inc. on Monday. Quillon said it would appeal the fine.\n"
                   "Quillon argued the rules were unfair, and Quillon will keep selling its phones."])
    assert "Quillon" in found and "Quillon Inc." in found["Quillon"]
    found = names(["The Tagus River Commission warned that the Tagus was running low. The Tagus fell again.\n"
                   "The Tagus River Commission said both states must share the water."])
    assert "Tagus River Commission" in found


def test_a_body_named_once_with_its_of_phrase_and_often_without_it_is_one_body_under_the_short_name():
    found = names(["The Coastal Group of Nations has declared its opposition to any text on quotas.\n"
                   "The Coastal Group will not accept any deal, its envoy said. The Coastal Group walked out."])
    assert "Coastal Group" in found and "Coastal Group of Nations" in found["Coastal Group"]
    assert "Coastal Group of Nations" not in found


def test_a_minister_of_no_named_country_belongs_to_the_country_whose_leader_his_paper_titles_without_naming_it():
    # the sentence before names two countries' people, so it does not tell; a 'U.S.' before a title is no
    # sentence end; last, the paper writes 'Prime Minister Pablo Ortega' but 'Chilean President Ana Ruiz'
    texts = ["Chilean President Ana Ruiz said the treaty was close. Her talks with Prime Minister Pablo Ortega were "
             "hosted by U.S. President Mark Hale in Washington.\n\n"
             "Ruiz's remarks were read by Ortega's critics as proof of Chilean pressure. Foreign Minister Luis Bravo "
             "denied that on Wednesday.",
             "Peruvian Prime Minister Pablo Ortega said his government would not bow to pressure from Chile."]
    lexicon, _ = discovered(texts)
    assert lexicon.persons["Luis Bravo"][0] == "Peru"


def test_a_vice_president_of_no_named_country_belongs_to_the_country_whose_president_his_paper_titles_so():
    texts = ["Danish Prime Minister Anna Holm rejected the tone of the remarks. President Tom Reed wants the island, "
             "and Vice President Mark Hale chided Denmark during a tour of the base on Friday.",
             "U.S. President Tom Reed said the island was vital to American security."]
    lexicon, _ = discovered(texts)
    assert lexicon.persons["Mark Hale"][0] == "United States"


def test_a_country_s_long_name_without_its_article_and_spelled_out_before_its_abbreviation_is_that_country():
    texts = ["Rwanda and the Democratic Republic of Congo signed a peace agreement on Friday.",
             "Talks between the Democratic Republic of the Congo (DRC) and Rwanda resumed. The DR Congo army said "
             "it would hold its positions, and DR Congo officials said the deal would stand."]
    names = [c.name for c in find_candidates(texts)]
    assert sum("Congo" in name for name in names) == 1  # the country, not also a body of its full name
    lexicon, found = discovered(texts)
    congo = next(name for name in names if "Congo" in name)
    assert {st.holder for st in found[0]} == {"Rwanda", congo}


def test_a_law_or_a_treaty_named_with_its_abbreviation_is_no_body():
    texts = ["Lumo appealed a fine for breaking the Digital Services Act (DSA) on Monday. The Digital Services Act, "
             "which seeks to rein in large platforms, took effect last year, and the DSA requires audits. The "
             "Harbour Workers Union (HWU) said the HWU would strike."]
    names = {c.name for c in find_candidates(texts)}
    assert not names & {"Digital Services Act", "DSA"}
    assert "Harbour Workers Union" in names


def test_a_name_with_accents_is_a_person_and_the_same_name_written_without_them_is_that_person():
    texts = ["Chilean President Ramón Núñez rejected the plan on Sunday. Núñez said the border talks would go on.",
             "The deal will be signed soon, President Ramon Nunez said on Thursday, after meeting Peru's foreign "
             "minister. Peruvian President Ana Soto welcomed it."]
    lexicon, found = discovered(texts)
    assert lexicon.persons["Ramón Núñez"][0] == "Chile"
    assert lexicon.persons["Ramon Nunez"][0] == "Chile"
    assert {st.holder for st in found[0] if st.sentence.text.startswith("Núñez said")} == {"Chile"}
