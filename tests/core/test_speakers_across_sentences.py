"""Who speaks when the speaker is named elsewhere (issue 9, item 5: more of each party's positions, none given to
the wrong party): a quotation that runs over several paragraphs is the words of whoever it was introduced as; an
outlet that 'quoted him as saying' is not the speaker; a bare title ('the foreign minister') is the one person the
document gave it; a long apposition or a relative 'they' leads back to the subject; 'mediated by X' is X's part.
Sentences written for the test, on an invented dispute over a lake between two states, a regional body and a
union."""
from summarizer.attribution.blocks import block_quotes
from summarizer.text import split_sentences
from tests.builders import briefing, statements

LAKE = {"Tarvia": ["Tarvian", "Olsk"], "Mirenia": ["Mirenian", "Port Brava"],
        "Andean Council": ["the council"], "Lake Fishers Union": ["LFU"]}
TOPICS = {"water": ["water", "lake", "sluices", "level"], "talks": ["talks", "negotiations", "treaty"]}

# one opening mark and one closing mark around four paragraphs, introduced by a question
STATEMENT = ("Tarvia suspended its water partnership with Mirenia, according to a statement by the Tarvian foreign "
             "ministry on Friday.\n"
             "What does the Tarvian statement say?\n"
             "“The decision by Mirenia to close the sluices breaks the promise made to the fishing villages.\n"
             "By closing the sluices, Mirenia has broken the 1998 treaty and left the lake shore without water.\n"
             "The villages on the shore overwhelmingly support a shared lake.\n"
             "We call on both sides to keep the talks on the lake level going.”\n"
             "Mirenia rejected the statement on Saturday.")

# news style: every paragraph of the quotation opens with a mark, only the last one closes
CONVENTION = ("The council said in a statement on Monday:\n"
              "“The lake belongs to every state on its shore.\n"
              "“We urge Tarvia and Mirenia to return to the negotiations without conditions.\n"
              "“The fishing season cannot wait for another summit.”")


def holders_of(text: str, fragment: str) -> set[str]:
    return {s.holder for s in statements(text, LAKE) if fragment in s.sentence.text}


def lines(text: str, topic: str, party: str) -> list[str]:
    return [pos.text for p in briefing(text, topic, LAKE, TOPICS).parties if p.name == party for pos in p.positions]


def test_every_sentence_of_a_statement_printed_whole_is_the_issuer_s():
    assert holders_of(STATEMENT, "breaks the promise") == {"Tarvia"}
    assert holders_of(STATEMENT, "support a shared lake") == {"Tarvia"}
    assert holders_of(STATEMENT, "We call on both sides") == {"Tarvia"}


def test_a_party_named_inside_the_statement_is_what_it_speaks_of_not_who_speaks():
    assert holders_of(STATEMENT, "Mirenia has broken the 1998 treaty") == {"Tarvia"}
    assert holders_of(STATEMENT, "Mirenia rejected the statement") == {"Mirenia"}  # after the quotation closes


def test_a_sentence_of_the_statement_reads_as_the_issuer_s_quotation():
    assert "Tarvia: “We call on both sides to keep the talks on the lake level going”" in lines(
        STATEMENT, "water", "Tarvia")


def test_each_paragraph_reopening_the_quotation_goes_on_with_the_speaker():
    assert holders_of(CONVENTION, "return to the negotiations") == {"Andean Council"}
    assert holders_of(CONVENTION, "fishing season cannot wait") == {"Andean Council"}


def test_a_quotation_that_another_paragraph_never_closes_is_no_block():
    text = ("Olsk said: “We will not accept a lower lake.\n"
            "Mirenia rejected the claim on Monday.\n"
            "Mirenia said the dam was “legal” and would stay.")
    assert block_quotes(split_sentences("doc", text)) == {}
    assert holders_of(text, "rejected the claim") == {"Mirenia"}


def test_the_closing_sentence_keeps_a_speaker_of_its_own():
    text = ("The union wrote to the council on Monday:\n"
            "“The nets are empty and the boats stay in port.\n"
            "“We will not fish until the sluices open,” Mirenian fisheries minister Dana Roos told reporters.")
    assert holders_of(text, "We will not fish") == {"Mirenia"}


def test_a_quotation_with_no_known_speaker_gives_no_one_its_words():
    text = ("Tarvia and Mirenia met in Olsk on Monday.\n"
            "Nobody here knows what comes next.\n"
            "“Mirenia has broken every promise on the lake.\n"
            "Mirenia wants the water for itself.”")
    assert holders_of(text, "wants the water") == set()


def test_they_in_a_relative_clause_is_the_group_the_sentence_opens_with():
    text = "The Mirenian rebels held the dam at Port Brava on Tuesday, which they claimed to have captured on Monday."
    assert holders_of(text, "which they claimed") == {"Mirenia"}


def test_a_long_apposition_with_an_abbreviation_in_brackets_is_stepped_over_to_the_subject():
    text = ("Olsk, leader of the Tarvian lake delegation (TLD) and chair of the Andean Council water board (AWB), "
            "has made it clear that the delegation will not leave the talks.")
    assert holders_of(text, "will not leave the talks") == {"Tarvia"}


def test_an_outlet_that_quoted_someone_as_saying_gives_the_words_to_the_one_quoted():
    text = ("Mirenian water minister Dana Roos spoke to ambassadors in Port Brava on Monday.\n"
            "“The sluices will stay closed until the treaty is respected,” the Lake Courier newspaper quoted her "
            "as saying.")
    assert holders_of(text, "quoted her as saying") == {"Mirenia"}
    text = "A state radio station quoted Olsk as saying that the talks on the lake had failed."
    assert holders_of(text, "quoted Olsk") == {"Tarvia"}


def test_the_title_of_a_person_introduced_in_an_apposition_reaches_a_later_bare_title():
    text = ("The foreign minister of Mirenia, Lucía Dana Roos, told the council on Monday that the lake was dying.\n"
            "Fishing boats stayed in port at Olsk.\n"
            "Tarvian farmers said the water level was normal.\n"
            "Prices of fish rose in the markets of the region.\n"
            "Tarvia said the sluices had been opened for a day.\n"
            "The council met again on Wednesday.\n"
            "Nets were drying on the shore.\n"
            "The foreign minister also called for an embargo on Tarvian fish.")
    assert holders_of(text, "also called for an embargo") == {"Mirenia"}


def test_a_name_with_accented_letters_is_one_word():
    from summarizer.text import tokens
    assert [t[0] for t in tokens("Thérèse Wagner met Félix Roos in Türkiye.")] == [
        "Thérèse", "Wagner", "met", "Félix", "Roos", "in", "Türkiye", "."]


def test_a_bare_title_two_people_held_far_back_is_no_one_s():
    text = ("The foreign minister of Mirenia, Lucía Dana Roos, told the council on Monday that the lake was dying.\n"
            "The foreign minister of Tarvia, Pavel Ostrov, told the council that the level was normal.\n"
            "Fishing boats stayed in port at Olsk.\n"
            "Prices of fish rose in the markets of the region.\n"
            "The council met again on Wednesday.\n"
            "Nets were drying on the shore.\n"
            "Rain fell over the hills.\n"
            "The ferry did not sail.\n"
            "The foreign minister also called for an embargo on fish.")
    assert holders_of(text, "also called for an embargo") == set()


def test_a_line_never_keeps_as_saying_without_the_verb_that_quoted():
    text = ("On Thursday, Tarvia’s water ministry quoted a Mirenian official as saying Mirenia was not closing the "
            "sluices and had not lowered the lake.")
    found = lines(text, "water", "Mirenia")
    assert found and not any(line.lower().startswith("a mirenian official as saying") for line in found)
    assert all("quoted" in line for line in found if "as saying" in line)


def test_the_agent_of_mediated_or_brokered_holds_that_part_not_a_mere_host():
    text = "Tarvia and Mirenia agreed to resume the lake talks next week, mediated by the Andean Council."
    assert holders_of(text, "mediated by") >= {"Andean Council"}
    text = "The two sides signed a water accord in Olsk, brokered by the Lake Fishers Union."
    assert "Lake Fishers Union" in holders_of(text, "brokered by")
    text = "The talks are hosted by the Lake Fishers Union, which has taken no side on the water."
    assert "Lake Fishers Union" not in holders_of(text, "hosted by")


def test_a_second_verb_after_and_goes_back_to_a_subject_opening_with_both():
    text = "Both Tarvia and Mirenia lie downstream of the lake, and fear the new dam will cut their water."
    assert holders_of(text, "fear the new dam") == {"Tarvia", "Mirenia"}


def test_a_line_never_opens_at_an_agent_after_by_and_a_quantifier():
    text = "These claims about the lake level are supported by several Andean Council reports, but denied by Olsk."
    found = lines(text, "water", "Andean Council") + lines(text, "talks", "Andean Council")
    assert not any(line.startswith("Andean Council reports") for line in found)


def test_that_after_a_saying_verb_and_a_time_is_a_reported_clause_not_a_relative_one():
    text = ("Tarvian President Ilse Roos indicated at the weekend that Mirenia had accepted her demands on the "
            "lake level.")
    found = lines(text, "water", "Mirenia") + lines(text, "water", "Tarvia")
    assert not any("accepted the weekend" in line for line in found)
    assert not any(line.endswith("indicated at the weekend") for line in found)


def test_a_noun_in_ing_with_a_verb_of_its_own_gets_no_is():
    text = "The Tarvian warning gained attention as Olsk signed a pact on the lake level with Mirenia."
    found = lines(text, "water", "Tarvia")
    assert not any(" is warning" in line for line in found)


def test_a_monitoring_group_is_not_the_story_s_one_group():
    armed = {"Lake Shore Group": ["LSG"], "Tarvia": ["Tarvian"]}
    text = ("The Lake Shore Group said it would close the sluices.\n"
            "The fishers had at times asked Tarvian leaders to free them, the monitoring group said.\n"
            "The group said the sluices would stay closed.")
    found = [(st.holder, st.sentence.text[:12]) for st in statements(text, armed)]
    assert ("Lake Shore Group", "The fishers ") not in found
    assert ("Lake Shore Group", "The group sa") in found


def test_a_clause_reported_before_its_speaker_is_the_speaker_s_account_not_a_stance_of_its_subject():
    text = ("Tarvia sent a letter to the council on Monday.\n"
            "Mirenia was seeking to legitimise its closure of the sluices under the guise of unfounded claims, "
            "Tarvia said.")
    found = {(st.holder, st.sentence.text[:7]) for st in statements(text, LAKE)}
    assert ("Tarvia", "Mirenia") in found
    assert ("Mirenia", "Mirenia") not in found


def test_a_clause_of_its_own_after_a_comma_is_no_tail_attribution():
    text = ("Mirenia is pushing for a shared lake level before the summit, while Tarvia argues that the sluices "
            "must stay closed.")
    assert {"Mirenia", "Tarvia"} <= {st.holder for st in statements(text, LAKE)}


def test_a_participle_or_a_relative_after_a_comma_is_no_tail_attribution():
    demanding = ("Tarvian President Ilse Roos accused Mirenia of closing the sluices, demanding that Mirenia "
                 "admit guilt.")
    assert "Tarvia" in {st.holder for st in statements(demanding, LAKE)}
    relative = ("Tarvia offered a new treaty, while the council is pushing for a shared lake level, something "
                "Mirenia has said it won't consider.")
    assert "Andean Council" in {st.holder for st in statements(relative, LAKE)}


def test_a_title_with_a_named_person_in_apposition_is_that_person_s_not_the_party_of_the_sentence_before():
    parties = {"Tarvia": ["Tarvian", "Ilse Roos"], "Lake Fishers Union": ["LFU", "the union"]}
    text = ("The Lake Fishers Union announced a five-day strike on Monday.\n"
            "The Fisheries Secretary, Ms Roos, called the move unreasonable and urged the union to return to talks.")
    found = {(st.holder, st.sentence.text[:5]) for st in statements(text, parties)}
    assert ("Tarvia", "The F") in found
    assert ("Lake Fishers Union", "The F") not in found


def test_a_person_named_inside_an_apposition_that_is_no_name_does_not_take_the_title():
    parties = {"Tarvia": ["Tarvian", "Ilse Roos"], "Lake Fishers Union": ["LFU", "the union"]}
    text = ("The Lake Fishers Union announced a five-day strike on Monday.\n"
            "Vice President Jon Holt, the chief negotiator with Ms Roos, said the strike would go ahead.")
    holders = {st.holder for st in statements(text, parties) if st.sentence.text.startswith("Vice")}
    assert holders == {"Lake Fishers Union"}


def test_an_advisor_to_a_party_s_leader_speaks_for_it_but_an_ambassador_to_it_does_not():
    parties = {"Tarvia": ["Tarvian", "Olsk"], "Mirenia": ["Mirenian"]}
    advisor = "A top advisor to Tarvia's president has warned that the lake treaty would fail."
    assert {st.holder for st in statements(advisor, parties)} == {"Tarvia"}
    ambassador = "The ambassador to Tarvia has warned that the lake treaty would fail."
    assert "Tarvia" not in {st.holder for st in statements(ambassador, parties)}


def test_a_participle_after_a_clause_whose_verb_is_no_cue_is_the_opening_phrase_s():
    parties = {"Tarvia": ["Tarvian", "Olsk"], "Mirenia": ["Mirenian"]}
    text = ("A top advisor to Tarvia's president has issued a stark threat against the lake treaty, declaring "
            "that Olsk will block it.")
    assert {st.holder for st in statements(text, parties)} == {"Tarvia"}


def test_a_name_followed_by_its_abbreviation_holds_the_verb_after_it():
    parties = {"Lake Shore Front": ["LSF"], "Tarvia": ["Tarvian"]}
    text = "The rebel group Lake Shore 12 Front (LSF) has confirmed that it sent a delegation to the talks in Olsk."
    found = [st for st in statements(text, parties)]
    assert [st.holder for st in found] == ["Lake Shore Front"]


def test_an_official_after_a_quotation_is_not_of_a_party_his_words_name():
    # the minister's country is no party of this profile: his words are nobody's, not Mirenia's
    parties = {**LAKE, "Mirenia": ["Mirenian", "Port Brava", "Mirenian government"]}
    text = ("However, Osteria's defence minister, Paul Dravin, said that the army would keep fighting on the shore.\n"
            "\"We thank the Mirenian government for its efforts and proposals on the lake,\" the defence minister "
            "said in a speech broadcast on state television.")
    assert not [s.holder for s in statements(text, parties) if "We thank" in s.sentence.text]


def test_a_bare_ministry_after_a_quotation_is_the_ministry_the_document_named():
    text = ("The Tarvian Foreign Ministry said Olsk rejected the Mirenian plan for the sluices.\n"
            "The council, represented by its chair, has hosted the talks for a year.\n"
            "\"The talks failed because Mirenia insisted on closing the sluices,\" the ministry said on Sunday.\n"
            "\"The council's experts know nothing of the lake.\"")
    assert holders_of(text, "The talks failed") == {"Tarvia"}
    assert holders_of(text, "experts know nothing") == {"Tarvia"}


def test_a_party_s_one_word_name_after_the_is_the_body_not_a_person_he_may_stand_for():
    parties = {**LAKE, "Quorum": ["Quorum group"]}
    text = ("General Ivo Marek of Tarvia has accused the Quorum of bias and said the lake plan was unfair.\n"
            "The Quorum, he added, had issued three proposals on the lake.\n"
            "\"The first contradicts everything we stand for, so we wrote our own plan,\" he said.")
    found = {s.holder for s in statements(text, parties) if "contradicts" in s.sentence.text}
    assert found == {"Tarvia"}


def test_a_party_s_own_one_word_name_is_no_person_a_later_he_stands_for():
    text = ("General Ivo Marek of Tarvia has accused the council of bias and said the lake plan was unfair.\n"
            "Mirenia, he added, had issued three proposals on the lake.\n"
            "\"The first contradicts everything we stand for, so we wrote our own plan,\" he said.")
    assert holders_of(text, "contradicts") == {"Tarvia"}


def test_what_parties_must_do_in_words_reported_after_them_is_not_their_stance():
    text = ("Tarvia and Mirenia must immediately stop closing the sluices and return to the talks, said the statement "
            "of the envoy Ana Velez on the occasion of the clash at the lake.")
    assert holders_of(text, "must immediately") == set()
    text = "Mirenia must reopen the sluices before the fishing season, envoy Ana Velez said."
    assert holders_of(text, "must reopen") == set()
    # (its own call, said by its own minister, stays its stance)
    text = "Mirenia must reopen the sluices before the fishing season, the Tarvian minister said."
    assert holders_of(text, "must reopen") == {"Tarvia"}
    text = "Mirenia must reopen the sluices before the fishing season, said Mirenian minister Ana Velez."
    assert holders_of(text, "must reopen") == {"Mirenia"}


# a statement quoted in closed paragraphs: the speaker is named after the first one only
CLOSED = ("“We call on all parties to calm tensions on the shore. Tarvia condemns the attack on the fishing boats "
          "yesterday,” reads the latest statement of the Tarvian foreign ministry on the clash at the sluices.\n"
          "“The decision of the Mirenian government to send police to the sluices sharply and needlessly raised "
          "tensions. Prime Minister Kesh and his government should withdraw the police from the sluices.”\n"
          "“Both Mirenia and the council should return to the talks on the lake level without delay.”\n"
          "Mirenia rejected the statement on Saturday.")


def test_a_closed_quotation_paragraph_after_a_named_speaker_s_quotation_is_that_speaker_s():
    parties = {**LAKE, "Mirenia": ["Mirenian", "Port Brava", "Kesh"]}
    held = {s.holder: s for s in statements(CLOSED, parties) if "needlessly" in s.sentence.text}
    assert set(held) == {"Tarvia"}
    assert {s.holder for s in statements(CLOSED, parties) if "return to the talks" in s.sentence.text} == {"Tarvia"}
    assert {s.holder for s in statements(CLOSED, parties) if "rejected the statement" in s.sentence.text} \
        == {"Mirenia"}
    # a paragraph of several quoted sentences gives its speaker the one that fits a line
    found = [pos.text for topic in TOPICS for p in briefing(CLOSED, topic, parties, TOPICS).parties
             if p.name == "Tarvia" for pos in p.positions]
    assert "Tarvia: “The decision of the Mirenian government to send police to the sluices sharply and needlessly " \
        "raised tensions”" in found


def test_a_low_opening_mark_is_closed_by_a_high_one_and_opens_no_block():
    text = ("The ministry urged Olsk to „lower the alert on the shore“ and halt the patrols.\n"
            "“We will keep the sluices closed,” the Mirenian minister said.\n"
            "Tarvia said the talks would resume.")
    assert 0 not in block_quotes(split_sentences("doc", text))  # the first paragraph closes what it opens


def test_each_sentence_of_a_quoted_paragraph_states_a_stance_on_its_own_topic():
    text = ("“We call on all parties to calm tensions on the shore,” reads the latest statement of the Tarvian "
            "foreign ministry.\n"
            "“Prime Minister Kesh should open the sluices and raise the lake level for the fishing boats. Both Mirenia "
            "and the council should return to the negotiations without delay.”\n")
    parties = {**LAKE, "Mirenia": ["Mirenian", "Port Brava", "Kesh"]}

    def lines(topic):
        return [pos.text for p in briefing(text, topic, parties, TOPICS).parties if p.name == "Tarvia"
                for pos in p.positions]
    assert "Tarvia: “Both Mirenia and the council should return to the negotiations without delay”" in lines("talks")
    assert "Tarvia: “Prime Minister Kesh should open the sluices and raise the lake level for the fishing boats”" \
        in lines("water")
