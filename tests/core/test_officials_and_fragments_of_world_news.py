"""Rules found by reading real news on six more stories the bot had not seen (a border war between two
neighbours and its truce, a river dam between upstream and downstream states, a climate summit's finance deal,
a disputed presidential election, a port deal and a breakaway region, a trade pact and its farmers), each
checked on sentences written for the test: officials of a country no party stands for, holders named only as
a place, fragments whose object was moved before their verb, and labels and times that read wrong."""
from summarizer import compress as c
from summarizer.discovery import discover_lexicon, find_candidates
from summarizer.lines import is_stance
from summarizer.standalone import holder_name
from summarizer.text import split_sentences
from tests.builders import briefing, lines_by_party, statements
from tests.builders import every_line as all_lines

PARTIES = {"Norvian government": ["Norvia", "Lindqvist", "Elsa Lindqvist", "Tallor"],
           "Norvian opposition": ["Ivo Karsk", "Karsk", "Civic Platform"],
           "Sardon": ["Sardonian", "Velm", "Mara Velm"],
           "Arkadia": ["Arkadian", "Dunmore"],
           "African Union": ["AU", "AU Commission"]}
TOPICS = {"results": ["results", "count", "tally", "vote"], "talks": ["talks", "mediation", "deal", "agreement"],
          "water": ["water", "dam", "river", "filling"]}


def extracted(text: str, parties: dict[str, list[str]] = PARTIES) -> list:
    return statements(text, parties)


def lines(text: str, topic: str | None) -> dict[str, list[str]]:
    return lines_by_party(text, topic, PARTIES, TOPICS)


def every_line(text: str) -> dict[str, set[str]]:
    return all_lines(text, PARTIES, TOPICS)


def holders(text: str, fragment: str) -> set[str]:
    return {s.holder for s in extracted(text) if fragment in s.sentence.text}


def test_an_official_of_a_country_no_party_stands_for_speaks_for_no_party():
    parties = {"Peruvian government": ["Peru", "Lima"], "Peruvian opposition": ["Ivo Karsk", "Karsk"]}
    text = ("The Peruvian government said it had granted the former candidate safe passage abroad to ease tensions. "
            "Portuguese Foreign Minister Rui Salgado confirmed that the candidate had left the country on a "
            "Portuguese air force plane at his own request.")
    assert not {s.holder for s in extracted(text, parties) if "Salgado" in s.sentence.text}
    # the official of the country the party's names name still speaks for it
    text = text.replace("Portuguese", "Peruvian")
    assert {s.holder for s in extracted(text, parties) if "Salgado" in s.sentence.text} == {"Peruvian government"}
    # nor does a country's minister speak for a bloc just named
    parties = {"European Union": ["EU", "Brussels"], "Small states": ["island states"]}
    text = ("The EU said the draft was a fair starting point. However, Chilean Environment Minister Rosa Pardo "
            "criticized the lack of firm commitments, accusing rich nations of putting politics first.")
    assert not {s.holder for s in extracted(text, parties) if "Pardo" in s.sentence.text}


def test_his_after_a_titled_speaker_is_that_speakers_not_someone_of_the_sentences_before():
    text = ("AU Commission chair Moussa Diallo said the experts would stay. Sardonian Water Minister Omar Haddad "
            "said his government insists on a larger role for the experts in the talks.")
    assert holders(text, "Haddad") == {"Sardon"}


def test_a_party_inside_a_question_holds_nothing_there():
    text = ("Key questions in the talks remain on how much water Sardon will release downstream in a drought. With "
            "some members still opposed, it is unclear how Lindqvist intends to get the deal approved.")
    assert not holders(text, "how much water")
    assert not holders(text, "unclear how")
    # a party that states something after the question word's clause still holds it
    assert holders("Sardon said it would release more water.", "release") == {"Sardon"}


def test_which_after_a_place_is_the_place_or_the_meeting_not_the_party_it_names():
    parties = {"Tallor": ["Tallorese", "Port Ennis"], "Sardon": ["Sardonian"]}
    text = ("The general was speaking after co-chairing the border committee meeting in Port Ennis, which was "
            "aimed at easing tensions.")
    assert not {s.holder for s in extracted(text, parties)}
    # a person named before 'who' still holds what follows
    text = "Talks resumed with Tallorese envoy Rui Salgado, who rejected the new map."
    assert {s.holder for s in extracted(text, parties)} == {"Tallor"}


def test_according_to_alone_is_no_line():
    assert not is_stance("According to Sardon’s state-run SNA news agency")
    assert is_stance("According to the agency, Sardon rejected the proposal")


def test_the_subject_of_a_passive_verb_holds_no_stance():
    assert not holders("Lindqvist was declared the winner of the disputed vote.", "declared")
    assert not holders("Sardon was accused of violating the truce.", "accused")
    assert not holders("The talks in Port Ennis were described as productive by both delegations.", "described")
    # an adjective of stance after a copula is still one, and 'quoted as saying' is the speaker's
    assert holders("Sardon is opposed to the plan.", "opposed") == {"Sardon"}
    assert holders("Mara Velm was quoted as saying that the dam can be shared.", "quoted") == {"Sardon"}


def test_a_reporting_verb_with_no_reported_content_is_no_line():
    assert not is_stance("Arkadia also said Lindqvist")
    assert not is_stance("A UN panel concluded in a report published")
    assert is_stance("Arkadia also said Lindqvist held a great responsibility")


def test_a_long_line_may_drop_what_follows_its_colon_and_a_relative_aside():
    found = every_line(
        "Dunmore also said Lindqvist, who came to power in 2011 after the death of his mentor, held a “great "
        "responsibility” amid the turmoil: “to calm the country and to let the people return to quiet while the "
        "count ends peacefully and the final result, whatever it may be, is accepted”.")
    assert "Arkadia also said Lindqvist held a “great responsibility” amid the turmoil" in found["Arkadia"] or \
        "Dunmore also said Lindqvist held a “great responsibility” amid the turmoil" in found["Arkadia"]


def test_in_a_report_is_where_it_was_said_not_what():
    found = every_line("The council failed to show basic transparency in how it processed the vote count, the AU "
                       "Commission concluded in a report published Tuesday.")
    assert all(not line.endswith(("published", "in a report")) for line in found["African Union"])


def test_an_object_moved_before_its_verb_leaves_no_line_of_the_verb_alone():
    assert not is_stance("Port Ennis rejected as “misleading and fabricated”")
    assert is_stance("Sardon rejected the claims as “misleading and fabricated”")
    assert is_stance("The plan was rejected as unfair by Sardon")
    found = every_line("The two sides traded accusations on Wednesday, with the Norvian army accusing Sardonian "
                       "forces of a “flagrant” violation of the ceasefire — claims Velm rejected as “misleading”.")
    assert all("rejected as" not in line for line in found.get("Sardon", ()))
    found = every_line("Norvia opened the dam on Tuesday in what Prime Minister Elsa Lindqvist called a “great "
                       "achievement for all the people”, but it drew a protest from Sardon.")
    assert all(not line.startswith("Lindqvist called") for line in found["Norvian government"])


def test_a_question_a_subjectless_predicate_and_a_quoted_cause_are_no_lines():
    assert not is_stance("Norvia and Sardon agree to a truce: will it stop the fighting?")
    assert not is_stance("Came after comments by Norvian Prime Minister Elsa Lindqvist on the dam")
    assert not is_stance("“Because of differences over how to resume the talks,” the Sardonian ministry said")
    assert is_stance("“If we are attacked, we will respond,” Velm said")
    assert is_stance("Velm: “Why should we accept a deal that takes our water?”")


def test_a_relative_aside_with_a_name_inside_it_goes_whole():
    found = every_line("Arkadian Prime Minister Tom Dunmore, who hosted the talks in the country's capital, Port "
                       "Ennis, said that Norvia and Sardon had agreed to an “immediate” ceasefire.")
    assert "Arkadian Prime Minister Tom Dunmore said that Norvia and Sardon had agreed to an “immediate” ceasefire" \
        in found["Arkadia"]


def test_times_and_datelines_go_whole_and_a_weekday_is_no_speaker():
    assert c.drop_time("They blamed each other for the fighting that erupted on Thursday, July 24.") \
        == "They blamed each other for the fighting that erupted."
    assert c.drop_time("Velm said in a statement Tuesday that the army adhered to the truce") \
        == "Velm said that the army adhered to the truce"
    assert c.drop_time("Norvia and Sardon concluded this Friday the talks on the dam") \
        == "Norvia and Sardon concluded the talks on the dam"
    assert c.drop_time("The talks must end by this Friday, the envoy said") \
        == "The talks must end by this Friday, the envoy said"
    assert c.drop_dateline("ENNIS/TALLOR: Norvia opened the dam") == "Norvia opened the dam"
    assert holder_name("Sardon", "the office of Sardon's Prime Minister on Thursday") == "Sardon"
    assert holder_name("Sardon", "Mara Velm") == "Velm"


def test_a_preposition_in_ing_is_no_participle_to_make_finite():
    found = every_line("The letter, from the Sardonian foreign minister to the council, came after comments by "
                       "Norvian Prime Minister Elsa Lindqvist regarding the next filling of the dam.")
    assert all(" is regarding" not in line for lines_ in found.values() for line in lines_)


def test_an_untied_leader_does_not_speak_for_the_party_his_stance_is_aimed_at():
    parties = {"Cambodia": ["Cambodian", "Phnom Penh"], "Thailand": ["Thai", "Bangkok"]}
    text = ("Leader condemns Cambodia's first strike\n\n"
            "Suspended Prime Minister Dara Wongsa has condemned Cambodia for initiating violence along the border.")
    assert "Cambodia" not in {s.holder for s in extracted(text, parties) if "Wongsa" in s.sentence.text}
    # the party the sentence before names still may be the one an official speaks for when he says something
    text = "Cambodia's cabinet met on Friday.\n\nPrime Minister Hun Sok said Cambodia would defend its border."
    assert {s.holder for s in extracted(text, parties) if "Hun Sok" in s.sentence.text} == {"Cambodia"}


def test_a_name_part_the_text_uses_alone_is_the_titled_person_it_belongs_to():
    parties = {"Qarth": ["Qartheen", "Qarth City"], "Norvia": ["Norvian"]}
    text = ("Qartheen Foreign Ministry spokesman Guo Lianfeng said the talks were candid.\n\n"
            "The Norvian army said it had seized a border post on Friday and would hold it.\n\n"
            "Guo added that the government supported a political settlement.")
    assert {s.holder for s in extracted(text, parties) if s.sentence.text.startswith("Guo added")} == {"Qarth"}


def test_auto_mode_takes_a_lone_subject_that_is_part_of_a_known_person_for_that_person():
    texts = ["Algeria and Tunisia clashed over the border.\n\nAlgerian President Abdel Karim al-Harun warned Tunisia "
             "on Tuesday. Harun said the dam was a threat. Harun warned of instability.",
             "Tunisia rejected the warning.\n\nHarun stressed that Algeria wanted a binding deal."]
    lexicon, _ = discover_lexicon(texts, [split_sentences(f"d{k}", t) for k, t in enumerate(texts)])
    assert "Harun" not in {p.name for p in lexicon.parties}
    assert lexicon.persons["Harun"][0] == "Algeria"


def test_a_holder_only_in_a_relative_clause_on_anothers_object_gets_its_clause_made_main():
    parties = {"Observers": ["Harbour Center", "observer mission"], "Norvian government": ["Lindqvist"]}
    text = ("On Wednesday, Lindqvist lashed out against the Harbour Center which reported fraud in the presidential "
            "vote, even though his own government had invited it.")
    found = {p.name: [pos.text for pos in p.positions]
             for p in briefing(text, None, parties, {"vote": ["vote", "fraud", "count"]}).parties}
    assert found["Observers"] == ["The Harbour Center reported fraud in the presidential vote"]


def test_a_line_ending_on_a_verb_whose_object_the_sentence_names_next_is_cut_short():
    found = every_line("Sardonian plans to sign the water deal this week were thrown into disarray on Wednesday "
                       "as Tallor joined Norvia in demanding more time.")
    assert all(not line.endswith("joined") for lines_ in found.values() for line in lines_)
    assert c.drop_connectors("Nevertheless, the presidency stated the draft was preliminary") \
        == "the presidency stated the draft was preliminary"


def test_a_body_found_without_a_profile_ends_before_a_weekday_and_an_anonymous_aside_is_no_content():
    texts = ["The Supreme Court on Thursday said there was evidence of an attack on the count. The court ruled on "
             "Friday that the result stood."]
    assert "Supreme Court" in {cand.name for cand in find_candidates(texts)}
    assert not is_stance("A European diplomat said, speaking on condition of anonymity")
    assert is_stance("A European diplomat said, speaking on condition of anonymity, that the deal was dead")
    assert c.drop_appositives('Talks "could get heated", a Sardonian diplomat said, speaking on condition of '
                              'anonymity.') == 'Talks "could get heated", a Sardonian diplomat said, speaking on ' \
                                               'condition of anonymity.'
    assert c.drop_trailing_context('Talks "could get heated", a Sardonian diplomat said, speaking on condition of '
                                   'anonymity.') == 'Talks "could get heated", a Sardonian diplomat said'


def test_times_datelines_and_occasions_of_wire_copy_go_whole():
    assert c.drop_time("Late Monday night, Sardonian leader Mara Velm applauded the vote") \
        == "Sardonian leader Mara Velm applauded the vote"
    assert c.drop_time("The issue is an obstacle, said Ivo Karsk, the party's vice president, in an interview.") \
        == "The issue is an obstacle, said Ivo Karsk, the party's vice president."
    assert c.drop_dateline("Port Ennis, (WNA - Wire News Agency - 24th Oct, 2025) Norvian farmers rejected the offer") \
        == "Norvian farmers rejected the offer"
    assert c.drop_dateline("Ennis, Tallor and Velm rejected the plan") == "Ennis, Tallor and Velm rejected the plan"


def test_an_object_before_its_subject_leaves_the_verb_without_one_at_the_end():
    assert not is_stance("Sardon has said it won’t consider")
    assert not is_stance("In remarks the Norvian prime minister called unfair")
    assert is_stance("Sardon said it would not accept the offer")
    assert is_stance("Sardon called off the talks")
    found = every_line("Arkadian envoy Tom Dunmore expressed confidence that Arkadia would annex Port Ennis, stating "
                       "that the union could play a key role in the talks.")
    assert all(not line.endswith("would annex") for line in found.get("Arkadia", ()))


def test_a_clause_after_the_fact_that_is_cut_short_before_its_verb():
    found = every_line("According to Velm, Arkadia was concerned about the fact that the dams of Tarn and Orl, on "
                       "either side of the river, are run by a Norvian company.")
    assert all(not line.endswith("Tarn and Orl") for lines_ in found.values() for line in lines_)


def test_what_claims_suggest_a_party_did_is_not_its_stance_line():
    found = every_line("This confirms that earlier claims suggesting Dunmore opposed the vote and would back Lindqvist "
                       "were false, according to the Sardonian government.")
    assert all(not line.startswith("Dunmore opposed") for line in found.get("Arkadia", ()))


def test_his_after_an_unknown_persons_possessive_is_that_persons():
    text = ("Karsk said the vote was fair.\n\nMarceau's six-hour visit to the river was a signal in itself and came "
            "at the request of both Norvia and Sardon, his office said.")
    assert not holders(text, "Marceau")


def test_a_companys_workers_are_not_the_company():
    parties = {"Orbis": ["Orbis Motors"], "Union": ["IAM", "machinists"]}
    text = "Orbis workers in the north decisively rejected the company's latest contract offer on Wednesday."
    assert "Orbis" not in {s.holder for s in extracted(text, parties)}
    text = "Orbis machinists decisively rejected the company's latest contract offer on Wednesday."
    assert {s.holder for s in extracted(text, parties)} == {"Union"}


def test_auto_mode_names_no_body_after_a_subordinator_or_across_a_line_break():
    texts = ["Arkadia dodges questions on the dam plan for Tallor\n\nThe Water Commission on Wednesday danced around "
             "questions about the plan. Although the Water Commission refused to answer, it said the plan was legal. "
             "The Water Commission said it would study the dam."]
    found = {cand.name for cand in find_candidates(texts)}
    assert "Water Commission" in found
    assert not any(name.startswith(("Although", "Tallor The")) for name in found)


def test_a_city_and_country_dateline_goes_and_a_participle_after_an_object_is_not_the_objects():
    assert c.drop_dateline("Ennis, Norvia - Sardon will never be a piece of property") \
        == "Sardon will never be a piece of property"
    text = ("Arkadian envoy Tom Dunmore expressed confidence that Arkadia would annex Sardon, stating that the "
            "African Union could play a key role in the talks.")
    assert "Sardon" not in {s.holder for s in extracted(text)}


def test_an_official_of_a_place_a_common_noun_names_speaks_for_no_party_from_context():
    text = ("Norvian Prime Minister Elsa Lindqvist said the talks would go on.\n\n"
            "The island will never be a piece of property to be bought, the Arctic island's new prime minister said.")
    assert "Norvian government" not in holders(text, "Arctic island")
    # the country's and the bloc's officials still speak for the party the context gives
    text = ("The Norvian government said the talks would go on. The country's prime minister said the island "
            "would never be sold.")
    assert holders(text, "country's prime minister") == {"Norvian government"}


def test_a_line_ending_on_do_so_is_not_standalone():
    assert not is_stance("Only Sardon has said it would do so")
    assert is_stance("Sardon said it would do so only after the vote")


def test_a_said_with_nothing_said_before_adding_is_no_line():
    assert not is_stance("Velm said, adding that he had only learned the details on Tuesday")
    assert is_stance("“The dam is ours,” Velm said, adding that he had only learned the details on Tuesday")


def test_a_said_with_nothing_said_before_any_participle_is_no_line():
    # what was said went with the clause before it; the participle is only how it was said
    assert not is_stance("The council said, threatening the two ferry firms with daily penalty payments")
    assert not is_stance("The union said, citing the cost of fuel and the long night shifts")
    assert is_stance("The council said the fines could rise, threatening the two ferry firms with daily penalties")


def test_a_place_in_apposition_is_no_subject_of_the_participle_after_it():
    parties = {"Qarth": ["Qarth City", "Qartheen"], "Norvia": ["Norvian"]}
    text = ("Leaders on Sunday welcomed the truce signed after talks in the Qartheen capital, Qarth City, stressing the "
            "need for stability in the region.")
    assert "Qarth" not in {s.holder for s in extracted(text, parties)}


def test_an_opening_pronoun_is_not_the_speaker_named_later_in_the_line():
    parties = {"Sardon": ["Sardonian", "Velm", "Mara Velm"]}
    found = all_lines("Though the crew could have landed in Ennis, they chose to fly on, Sardonian President Mara "
                      "Velm said, adding that she had learned the details of the crash only later.",
                      parties, {"crash": ["crash", "crew", "landing"]})
    assert all(not line.startswith("Sardon chose") for line in found.get("Sardon", ()))


def test_an_acts_participle_clause_is_no_line_but_a_reported_one_may_be():
    found = every_line("Norvia launched strikes inside Sardon late Friday, killing at least 10 people and breaking a "
                       "truce that had brought two days of calm to the river, Sardonian officials told reporters.")
    assert all(not line.startswith("Killing") for line in found.get("Sardon", ()))
    # a time the line drops is no object cut off
    found = every_line("Talks will resume with Sardon and Norvia in coming days, the AU Commission announced Friday "
                       "afternoon.")
    assert "Talks will resume with Sardon and Norvia in coming days, the AU Commission announced" \
        in found["African Union"]


def test_auto_mode_ties_a_leader_to_the_delegation_he_leads_and_a_short_titled_name_to_its_full_one():
    texts = ["Algeria and Tunisia agreed a ceasefire in Doha. A high-level Algerian delegation led by Defence Minister "
             "Karim Bensaid travelled to Doha for the talks.",
             "Tunisia said the talks had failed.\n\nDefence Minister Karim Bensaid announced that the negotiations "
             "with Tunisia had collapsed.",
             "Algeria's Prime Minister Nadir Halim said the border would stay closed.",
             "Tunisian officials accused Algeria of shelling.\n\n“We have welcomed refugees for decades,” Prime "
             "Minister Nadir said."]
    lexicon, _ = discover_lexicon(texts, [split_sentences(f"d{k}", t) for k, t in enumerate(texts)])
    assert lexicon.persons["Karim Bensaid"][0] == "Algeria"
    assert lexicon.persons["Nadir"][0] == "Algeria"


def test_a_quotation_an_unnamed_source_gives_is_no_party_named_inside_it():
    text = ("“We welcome that Norvia and Sardon agreed to a ceasefire under our mediation,” the statement said. It "
            "added, “Arkadia will continue to support the efforts for a lasting peace between the two countries.”")
    assert not holders(text, "We welcome")
    assert not holders(text, "It added")
    # a named speaker's quotation is still the speaker's
    text = "“We welcome that Norvia and Sardon agreed to a ceasefire,” Dunmore said."
    assert holders(text, "We welcome") == {"Arkadia"}


def test_a_named_object_with_a_relative_clause_after_an_auxiliary_gets_its_clause_made_main():
    parties = {"European Union": ["EU", "Brussels"], "Sardon": ["Sardonian", "Velm", "Mara Velm"]}
    topics = {"fines": ["fines", "tariffs", "penalty"]}
    titled = all_lines("The EU fines totaling $90 million could stoke tensions with Sardonian President Mara Velm "
                       "who has threatened to levy tariffs against countries that penalize Sardonian firms.",
                       parties, topics)
    assert titled["Sardon"] == {"Sardonian President Mara Velm has threatened to levy tariffs against countries "
                                "that penalize Sardonian firms"}
    bare = all_lines("The fines could stoke tensions with Velm who has threatened to levy tariffs against countries "
                     "that penalize Sardonian firms.", parties, topics)
    assert bare["Sardon"] == {"Velm has threatened to levy tariffs against countries that penalize Sardonian firms"}


def test_the_agent_of_a_participle_qualifying_an_object_holds_no_stance_on_the_clause_before():
    parties = {"African Union": ["AU"], "Arkadia": ["Arkadian"], "Norvia": ["Norvian"]}
    text = ("According to the document, both sides have agreed to settle disputes through dialogue, within the "
            "existing framework endorsed by the African Union.")
    assert extracted(text, parties) == []
    # a passive of its own clause, or one qualifying the subject before any verb, is still the agent's stance
    assert {s.holder for s in extracted("The truce plan was endorsed by the African Union on Monday.", parties)} \
        == {"African Union"}
    assert {s.holder for s in extracted("Concerns voiced by Arkadia over the dam grew on Monday.", parties)} \
        == {"Arkadia"}


def test_a_quotation_naming_its_own_party_is_the_speakers_words_when_the_speaker_after_it_is_of_that_party():
    parties = {"Norvia": ["Norvian", "Crown Council", "Ivo Tarn"], "Sardon": ["Sardonian"]}
    found = all_lines('"The Crown Council will not easily give up the pass," Ivo Tarn told state radio on Saturday.',
                      parties, {"pass": ["pass", "corridor"]})
    assert found["Norvia"] == {"Norvia: “The Crown Council will not easily give up the pass”"}  # not '"...," Ivo Tarn'


def test_a_bare_government_is_not_the_party_its_own_sentence_hands_something_to():
    parties = {"Norvian government": ["Norvia", "Norvian"], "Sardon": ["Sardonian"]}
    text = ("The plan faces criticism, with the new Sardonian government demanding more money from Norvia. The "
            "government announced a deal to hand over the islands to Sardon in October, which is meant to secure "
            "the base.")
    assert "Sardon" not in {s.holder for s in extracted(text, parties) if "hand over" in s.sentence.text}


def test_the_subject_of_a_denied_clause_holds_no_stance_by_it():
    parties = {"Norvian government": ["Norvia", "Norvian", "Velm"], "Sardon": ["Sardonian"]}
    text = "Norvia will leave the pact, Velm said on Thursday, but denied that Sardon had sought the move."
    assert {s.holder for s in extracted(text, parties)} == {"Norvian government"}
    assert {s.holder for s in extracted("Velm rejected claims that Sardon had pressed for the exit.", parties)} \
        == {"Norvian government"}
    assert {s.holder for s in extracted("Sardon denied that it had sought the move.", parties)} == {"Sardon"}
