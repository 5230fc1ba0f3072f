"""Rules found by scoring real news against hand annotations (made blind, without the bot's output): whose a
letter or statement is when only 'the statement said' names it, a subject whose verb follows an aside between
dashes, and several parties issuing statements together. Each case is written for the test, with invented
countries."""
from tests.builders import lines_by_party, statements

PARTIES = {"Sardon": ["Sardonian", "Velm", "Mara Velm"], "Arkadia": ["Arkadian", "Dunmore"],
           "Norvia": ["Norvian", "Lindqvist"]}


def held(text: str, fragment: str) -> set[str]:
    return {s.holder for s in statements(text, PARTIES) if fragment in s.quote}


def test_the_letter_said_is_the_party_that_sent_the_letter():
    text = ("Sardon on Sunday sent a letter to the Security Council about the dam. "
            "The letter said that the talks with Arkadia had ended after ten years.")
    assert held(text, "The letter said") == {"Sardon"}


def test_the_statement_called_on_is_the_party_that_issued_it():
    text = ("Norvia said in a statement that it wanted the talks to resume. "
            "The statement called on both sides to respect the truce agreed in May.")
    assert held(text, "The statement called on") == {"Norvia"}


def test_a_statement_issued_by_a_party_speaks_for_it_later():
    text = ("A statement issued by the Sardonian foreign ministry expressed concern over the shelling. "
            "“We urge restraint from all sides,” the statement said.")
    assert held(text, "We urge restraint") == {"Sardon"}


def test_a_statement_too_far_back_or_never_issued_is_nobody_s():
    far = ("Norvia said in a statement that it wanted talks. Arkadia shelled the town. The army moved north. "
           "Rain fell in the valley. The bridge was closed. Roads were cut. The statement said the truce held.")
    assert held(far, "The statement said the truce held") == set()
    unknown = "The statement said that both sides had agreed to a truce."
    assert held(unknown, "The statement said") == set()


def test_it_said_after_a_letter_spoke_is_the_letter_not_the_clause_s_subject():
    text = ("Sardon sent a letter to the council on Sunday. The letter said the talks had failed. "
            "Arkadia was seeking to cover its unilateral filling of the dam, it said.")
    assert held(text, "it said") == {"Sardon"}


def test_a_subject_keeps_its_verb_across_an_aside_between_dashes():
    text = "Norvia — which mediated the talks along with Arkadia — also expressed the hope that the truce will hold."
    assert held(text, "expressed the hope") == {"Norvia"}
    spaced = "Norvia - which hosted the talks last week - urged both sides to keep the truce."
    assert held(spaced, "urged both sides") == {"Norvia"}


def test_parties_issuing_statements_together_both_urge():
    text = "Norvia and Arkadia issued statements urging both sides to avoid escalation."
    assert held(text, "urging both sides") == {"Norvia", "Arkadia"}


def test_a_list_ending_in_a_country_of_no_party_is_held_by_the_parties_in_it():
    text = "Sardon, Arkadia, Norvia, and Egypt called on Friday for a three-month truce."
    assert held(text, "called on Friday") == {"Sardon", "Arkadia", "Norvia"}


def test_they_and_the_ministers_after_parties_named_together_are_all_of_them():
    text = ("Sardon, Arkadia and Norvia called on Friday for a three-month truce. "
            "They described the war as the worst crisis in the region. "
            "The ministers stressed that no military solution exists. "
            "The joint statement urged all sides to let aid through.")
    for fragment in ("They described", "The ministers stressed", "The joint statement urged"):
        assert held(text, fragment) == {"Sardon", "Arkadia", "Norvia"}, fragment


def test_a_group_is_not_another_count_nor_whom_a_speaker_talks_about():
    text = ("Sardon and Arkadia called for a truce. "
            "The three countries rejected the plan.")
    assert held(text, "The three countries rejected") == set()
    spoken_of = ("Sardon and Arkadia called for a truce. "
                 "Velm said that the countries had rebuffed every offer of talks.")
    assert held(spoken_of, "rebuffed every offer") == {"Sardon"}


def test_a_group_reaches_only_the_next_sentences():
    text = ("Sardon and Arkadia called for a truce. The army moved north. Rain fell. The roads closed. "
            "They urged calm.")
    assert held(text, "They urged calm") == set()


def test_a_line_of_a_group_names_every_party_and_keeps_the_whole_list():
    text = ("Sardon, Arkadia and the Norvian government called for a truce in the war. "
            "They described the truce as the only way out of the war.")
    lines = lines_by_party(text, "war", PARTIES, {"war": ["war", "truce"]})
    assert "Sardon, Arkadia and Norvia described the truce as the only way out of the war" in lines["Arkadia"]
    listed = ("Sardon, Arkadia, and Norvia will impose their own bans on grain imports despite the council's "
              "decision to end the embargo on September 15, according to reports from several outlets.")
    for party_lines in lines_by_party(listed, "grain", PARTIES, {"grain": ["grain", "bans"]}).values():
        assert all(line.startswith("Sardon, Arkadia, and Norvia will impose") for line in party_lines), party_lines


def test_a_clause_of_an_act_before_a_passive_agent_is_not_turned_round():
    from summarizer.compress import passive_to_active
    text = "aiming to avoid a fine imposed by the Council for breaking the market rules"
    assert passive_to_active(text) == text
    assert passive_to_active("fresh doubts voiced by Sardonian officials") == \
        "Sardonian officials voiced fresh doubts"


def test_a_date_between_the_subject_and_its_verb_is_stepped_over():
    text = "The foreign ministers of Sardon and Arkadia, on Friday, June 27, signed the long-awaited peace agreement."
    assert held(text, "signed the long-awaited") == {"Sardon", "Arkadia"}


def test_the_presidents_of_two_parties_are_both_of_them():
    text = "The presidents of Sardon and Arkadia have expressed their support for a ceasefire."
    assert held(text, "expressed their support") == {"Sardon", "Arkadia"}


def test_a_clause_after_as_is_its_own_not_an_attribution_tail():
    text = ("Rebels advanced on Sunday into the centre of the port city, meeting little resistance, witnesses said, "
            "as Sardon accused Arkadia of ignoring calls for a ceasefire.")
    lines = lines_by_party(text, "ceasefire", PARTIES, {"ceasefire": ["ceasefire", "truce"]})
    assert lines["Sardon"] == ["Sardon accused Arkadia of ignoring calls for a ceasefire"]


def test_a_second_infinitive_goes_whole_to_make_a_long_line_fit():
    from summarizer.compress import drop_trailing_coordination
    text = ("Velm said he agreed with the Norvian government in calling for a ceasefire in the long conflict and "
            "to “address the root causes of the conflict once and for all.”")
    assert drop_trailing_coordination(text) == ("Velm said he agreed with the Norvian government in calling for a "
                                                "ceasefire in the long conflict")


def test_a_party_and_its_rival_both_sign():
    parties = {"Sardonian army": ["Sardonian Armed Forces", "SAF"], "Highland Front": ["Highland Front", "HF"]}
    text = ("The Sardonian Armed Forces (SAF) and its rival Highland Front (HF) signed a pledge to protect "
            "civilians early on Friday.")
    assert {s.holder for s in statements(text, parties)} == {"Sardonian army", "Highland Front"}


def test_an_adviser_to_a_party_s_leader_speaks_for_the_party_an_envoy_to_it_does_not():
    text = "Rafi Amini, top adviser to Sardon's supreme leader, told a news agency that the corridor will be blocked."
    assert held(text, "told a news agency") == {"Sardon"}
    envoy = "Rafi Amini, an envoy to Sardon's president, said the corridor would open."
    assert held(envoy, "said the corridor") == set()


def test_a_party_in_a_condition_holds_nothing_there():
    text = "Sardon will not return to the talks until Arkadia signs the water accord."
    assert {s.holder for s in statements(text, PARTIES)} == {"Sardon"}
    hypothetical = "If Arkadia rejects the plan, Sardon will walk out of the talks."
    assert {s.holder for s in statements(hypothetical, PARTIES)} == {"Sardon"}


def test_a_topic_word_inside_a_party_s_name_says_nothing_of_the_topic():
    from summarizer.topics import NameShadow, TopicMatcher, stems_of
    from summarizer.model import Topic
    shadow = NameShadow(["Highland Support Front", "Trade Commission"])
    support = TopicMatcher.build(Topic("support", ("support", "weapons")))
    assert support.score(shadow(stems_of("The Highland Support Front rejected the truce"))) == 0
    assert support.score(shadow(stems_of("Sardon denied any support for the Highland Support Front"))) > 0
    commission = TopicMatcher.build(Topic("body", ("Trade Commission",)))
    assert commission.score(shadow(stems_of("The Trade Commission fined the firm"))) > 0  # the keyword is the name


def test_a_name_with_its_arabic_article_is_the_alias_without_it():
    parties = {"Sardonian army": ["Burhani", "Karim al-Burhani"], "Highland Front": ["Highland Front"]}
    text = "In a televised address, Al-Burhani said the army had withdrawn from parts of the city."
    assert {s.holder for s in statements(text, parties)} == {"Sardonian army"}
    titled = ("On Monday, General Karim Al-Burhani, chairman of the ruling council and commander of the armed "
              "forces, vowed to avenge the victims of the siege.")
    assert {s.holder for s in statements(titled, parties)} == {"Sardonian army"}



def test_a_surname_is_not_a_party_s_abbreviation_written_in_capitals():
    parties = {"Norvia": ["Norvian", "Oslen"], "Tasman Reform Union": ["TRUMPA"]}
    text = "President Trumpa said the war must end before winter."
    assert {s.holder for s in statements(text, parties)} == set()


def test_an_honorific_after_a_title_is_no_part_of_the_name():
    parties = {"Doctors' union": ["Jack Harl", "DU"], "Government": ["Health Secretary"]}
    text = ("Committee chair Dr Jack Harl argued the offer would leave doctors without jobs. "
            "“Even with this offer, thousands of doctors would still be unable to find a job,” Harl said.")
    assert {s.holder for s in statements(text, parties)} == {"Doctors' union"}
    assert len(statements(text, parties)) == 2


def test_this_measure_is_not_replaced_by_a_plural_before_its_singular_verb():
    from summarizer.standalone import resolve_demonstratives
    text = "This measure was taken after the firm failed to comply with the court's orders"
    assert resolve_demonstratives(text, "The judge imposed restrictions on the firm in Sardon") == text


def test_auto_mode_gives_the_commission_to_the_bloc_whose_commission_the_texts_name():
    from summarizer.discovery import discover_lexicon
    from summarizer.text import split_sentences
    texts = ["Grain ban row\n\nThe European Commission decided not to extend the grain embargo on Sardon. "
             "The World Trade Organization said the bans broke its rules, and the WTO warned Sardon again.",
             "Sardon defies the bloc\n\nIn May, the commission imposed a ban on grain sales in five EU countries. "
             "The European Union said the ban had ended. The WTO said it would review the case."]
    lexicon, _ = discover_lexicon(texts, [split_sentences(f"d{k}", t) for k, t in enumerate(texts)])
    assert lexicon.alias_party.get("commission") != "World Trade Organization"


def test_a_common_noun_standing_for_a_party_still_names_its_topic():
    from summarizer.extraction import name_shadow
    from summarizer.model import Party
    from summarizer.parties import party_lexicon
    from summarizer.topics import stems_of
    lexicon = party_lexicon((Party("Alliance", ("the alliance", "Alliance allies")), Party("Highland Support Front", ())))
    shadow = name_shadow(lexicon)
    assert "allianc" in shadow(stems_of("Kemp cast doubt on Sardon's future within the alliance")).split()
    assert "support" not in shadow(stems_of("The Highland Support Front rejected the plan")).split()




def test_they_after_a_plural_subject_of_one_party_is_that_party():
    text = ("In a statement, Norvian officials expressed grave concern over the shelling. "
            "They also called for an inquiry into the deaths at the border.")
    assert held(text, "They also called") == {"Norvia"}


def test_they_after_a_person_or_too_far_back_is_nobody_s():
    person = "Lindqvist expressed concern over the shelling. They also called for an inquiry into the deaths."
    assert held(person, "They also called") == set()
    far = ("Norvian officials expressed concern over the shelling. Arkadia denied any role in it. "
           "They also called for an inquiry into the deaths.")
    assert held(far, "They also called") == set()


def test_a_second_verb_after_and_keeps_the_subject_past_an_opening_time_phrase():
    text = ("In November, Sardon boycotted the talks called by the chair of the regional bloc, and argued that "
            "the negotiating approach had proved fruitless.")
    assert held(text, "argued that") == {"Sardon"}
    place = ("In Norvia, the delegates boycotted the talks called by the chair of the regional bloc, and argued "
             "that the negotiating approach had proved fruitless.")
    assert held(place, "argued that") == set()  # a place opening the sentence is not its subject


def test_the_government_said_is_the_country_whose_government_was_named_last():
    text = ("The Sardonian government confirmed that troops had entered the town. "
            "“Arkadia is pursuing its plan to occupy our soil,” the government said in a statement.")
    assert held(text, "the government said") == {"Sardon"}
    of = ("Talks resumed after the government of Norvia asked for a pause. "
          "The government said the truce should hold until spring.")
    assert held(of, "The government said") == {"Norvia"}


COMPANIES = {"Orbis": ["Orbis Platforms", "Joel Marsh"], "Appex": ["Appex Inc.", "the phone maker", "Dana Ruiz"],
             "European Commission": ["Brussels", "EU"]}


def test_a_profile_person_named_in_full_is_known_by_the_surname_alone():
    text = "“This is a tariff on our business by other means,” Marsh said on Monday."
    assert {s.holder for s in statements(text, COMPANIES) if "tariff" in s.quote} == {"Orbis"}


def test_a_surname_two_parties_people_share_names_no_one():
    shared = {"Orbis": ["Joel Marsh"], "Appex": ["Anna Marsh"]}
    text = "“This is a tariff on our business by other means,” Marsh said on Monday."
    assert {s.holder for s in statements(text, shared) if "tariff" in s.quote} == set()


def test_the_company_is_the_one_whose_person_spoke_just_before():
    text = ("“This is not just about a fine; it is a tariff on our business,” Joel Marsh said. "
            "The company said it will appeal the decision.")
    assert {s.holder for s in statements(text, COMPANIES) if "will appeal" in s.quote} == {"Orbis"}


def test_the_company_is_not_the_body_that_just_spoke_of_the_company():
    text = ("Brussels said it had given the company two years to comply with the rules. "
            "The company said it will appeal the decision.")
    assert "European Commission" not in {s.holder for s in statements(text, COMPANIES) if "will appeal" in s.quote}


def test_the_company_a_sentence_names_after_a_party_is_not_the_one_before():
    parties = {"Orbis": ["Orbis Motor Company"], "Rail Workers Union": ["RWU"]}
    text = ("The RWU said it would strike on Friday. "
            "Orbis sources said that the company believes the chances of a deal are very low.")
    assert {s.holder for s in statements(text, parties) if "chances of a deal" in s.quote} == {"Orbis"}


def test_a_bare_quote_paragraph_goes_on_with_the_person_who_just_spoke():
    text = ("Sardon's foreign minister Mara Velm told the council on Tuesday that Arkadia must withdraw. "
            "She called on the council to act beyond its condemnation.\n"
            "“Words have not been enough to end the suffering in the valley. It is time for the council to act.”")
    assert held(text, "Words have not been enough") == {"Sardon"}


def test_a_surname_is_not_taken_from_a_name_that_ends_in_a_given_name():
    parties = {"Sardon": ["Kim Dae-jung"], "Arkadia": ["Arkadian"]}
    text = "Dae-jung said the talks with Arkadia had failed."
    assert {s.holder for s in statements(text, parties) if "talks" in s.quote} == set()


def test_she_after_a_sentence_ending_in_who_said_it_is_that_speaker():
    text = ("Velm, who had been staying in the embassy for days, asked the council for asylum, "
            "Norvian envoy Lindqvist said late on Saturday. "
            "She said the government had granted safe passage to the capital.")
    assert held(text, "She said") == {"Norvia"}


def test_he_after_a_speaker_of_no_party_is_not_the_party_he_spoke_of():
    text = ("Spanish Foreign Minister José Albarez confirmed on Sunday that Velm left the country at his own request. "
            "“Our government is committed to the rights of all who live there,” he wrote.")
    assert held(text, "he wrote") == set()


def test_a_quote_a_person_of_no_party_said_is_not_the_party_whose_statement_reports_it():
    text = ("“We have reviewed the proposal, and I am pleased to announce that we have agreed on a path forward,” "
            "Bolan said, according to a statement by the Sardonian government.")
    assert held(text, "reviewed the proposal") == set()
