"""Rules found by reading real news on four stories the bot had not seen (a strike against carmakers, a coup and
a regional bloc, a judge against a social network, coast guards at a reef), each checked on sentences written
for the test: datelines without a city, quotations after the cue, lines that stop before what was said, a
holder inside a condition or a time clause, 'counterpart', and whom 'he' stands for."""
from summarizer import compress as c
from summarizer.attribution import extract
from summarizer.lines import is_stance, write_line
from summarizer.model import Party, Topic
from summarizer.parties import build_lexicon
from summarizer.standalone import relative_object, speaker_quote
from summarizer.text import split_sentences
from summarizer.topics import TopicMatcher
from tests.builders import briefing

PARTIES = {"Union": ["Metalworkers Union", "Dana Rusk", "Rusk", "Piet Varga"],
           "Orbis Motors": ["Orbis", "Lena Ferro", "Ferro"],
           "Court": ["Supreme Court", "Ilan de Lune", "Lune"],
           "Platform": ["Chirp", "Tom Brack"],
           "Kaldor": ["Kaldoran", "Kaldorans", "Tupaq Lund"],
           "Vestria": ["Vestrian", "Mara Holt"],
           "Bloc": ["Coastal League", "the League"],
           "Sow": ["Sow", "ousted president"]}
TOPICS = {"wages": ["wage", "pay", "raise", "offer", "proposal"], "ban": ["ban", "block", "suspension", "fine"],
          "force": ["force", "intervention", "troops", "resupply"]}


def extracted(text: str, parties: dict[str, list[str]] = PARTIES) -> list:
    """The statements the core finds in `text` under a profile of `parties`."""
    lexicon = build_lexicon(tuple(Party(n, tuple(a)) for n, a in parties.items()), [text])
    return extract(split_sentences("doc", text), lexicon)


def statements(text: str, parties: dict[str, list[str]] = PARTIES) -> list[tuple[str, str]]:
    return [(s.holder, s.sentence.text) for s in extracted(text, parties)]


def lines(text: str, topic: str | None) -> dict[str, list[str]]:
    return {p.name: [pos.text for pos in p.positions] for p in briefing(text, topic, PARTIES, TOPICS).parties}


def every_line(text: str) -> list[str]:
    return [line for topic in (*TOPICS, None) for found in lines(text, topic).values() for line in found]


def test_a_dateline_of_a_date_and_an_agency_alone_goes():
    assert c.drop_dateline("Oct. 25 (Wire) -- After a month on strike, the union said it had a deal.") \
        == "After a month on strike, the union said it had a deal."
    assert c.drop_dateline("March 3, 2024 - The court said ...") == "The court said ..."
    assert c.drop_dateline("March 3 troops crossed the river - a first") == "March 3 troops crossed the river - a first"


def test_a_quotation_after_the_cue_gives_the_speaker_and_its_first_sentence():
    text = ('Union leader Dana Rusk, in a statement answering Orbis, said, "We are studying the latest pay proposal '
            'and will answer it soon. We wish they had been this serious about a raise six weeks ago."')
    found = lines(text, "wages")["Union"]
    assert found == ["Rusk: “We are studying the latest pay proposal and will answer it soon”"]


def test_the_quotation_a_sentence_opens_with_ends_before_the_cue_not_at_a_later_quotation():
    text = ('"The decision to leave the market over the pay offer was hard," said Ferro, adding that if Orbis had '
            'agreed, "there was no way we could face our workers."')
    assert lines(text, "wages")["Orbis Motors"] == ["Ferro: “The decision to leave the market over the pay offer "
                                                    "was hard”"]
    nested = ('Tom Brack closed the Chirp office on Saturday.\n"Because the "Justice" wants us to break the law in '
              'secret, Chirp has no choice but to close its office rather than pay the fine," Tom Brack said on '
              'Saturday.')
    assert any(line.startswith('Brack: “Because the "Justice" wants us') and line.endswith("pay the fine”")
               for line in lines(nested, None)["Platform"])


def test_a_line_never_stops_before_what_was_said_or_lacks_its_first_predicate():
    assert not is_stance("Union leader Dana Rusk, responding to Orbis, said")
    assert not is_stance('"The choice was hard," said Ferro, adding that')
    assert not is_stance("Orbis's final offer but said the union had yet to answer the company")
    assert not is_stance("The juntas of Osterland and Vale said in a joint statement that in the event of an attack")
    assert is_stance('Vestria opposed any return of the sanctions and called the threat "counterproductive"')
    assert is_stance("Kaldor said that in 2020 it signed the treaty")


def test_a_holder_inside_a_condition_or_a_clause_before_the_main_one_gives_no_line_of_both():
    text = ("If Chirp maintains its stance on the ban, the state could revoke the licence of its owner.\n"
            "After Lune blocked Chirp, Tom Brack lashed out at the judge, calling him a tyrant and a thief.")
    for line in every_line(text):
        assert not line.startswith("Chirp maintains")
        assert "lashed out" not in line or not line.startswith("De Lune")


def test_a_name_is_never_cut_in_two_and_a_relative_clause_on_a_name_says_what_it_says_of_him():
    text = ("De Lune accused the platform of spreading lies by refusing the ban – a position backed by "
            "President Tupaq Lund, who declared that the state would not \"be blackmailed by any company, however "
            "big, that thinks itself above the ban\".")
    found = every_line(text)
    assert not any(line.endswith("President") for line in found)
    assert any("Tupaq Lund declared that the state would not" in line for line in found)


def test_which_stands_for_what_comes_before_it_in_its_own_sentence_and_a_stop_is_no_part_of_a_phrase():
    before = "The court confirmed the ban on the platform in the country."
    text = ("This step was taken after Chirp failed to block accounts spreading lies and hate, which Lune deemed a "
            "threat to the vote.")
    court = [s for s in extracted(text) if s.holder == "Court"]
    assert court
    for st in court:
        line = write_line(st, before, TopicMatcher.build(Topic("ban", ("ban",))))
        assert line is None or "platform in the country" not in line.text
    assert relative_object("which Lune deemed a threat", before) \
        == "Lune deemed the ban on the platform in the country a threat"


def test_he_after_a_chain_of_pronouns_is_the_last_speaker_not_a_name_a_pronoun_followed_long_before():
    text = ("Tom Brack has called himself a free speech champion, but since he bought the network once called "
            "Chirp he has been accused of spreading lies.\n"
            "De Lune ordered the complete suspension of the network, telling the regulator to enforce the ban.\n"
            "He also asked app stores to remove the network.\n"
            "And he threatened to fine people who dodge the ban with a private network.")
    holders = {h for h, s in statements(text) if s.startswith("And he threatened")}
    assert holders == {"Court"}


def test_a_counterpart_belongs_to_the_other_side():
    text = "Mara Holt's Kaldoran counterpart Jonas Eck said the resupply would remain a Kaldoran operation."
    assert [h for h, _ in statements(text)] == ["Kaldor"]


def test_an_official_in_a_time_clause_after_a_comma_is_not_the_official_of_the_party_before():
    text = ("Any intervention by the Coastal League would be its first since it sent troops to Osterland in 2017, "
            "when President Halvard Rune refused to step down after losing a vote.")
    assert not any(s.startswith("Any intervention") and h == "Bloc" for h, s in statements(text))


def test_he_is_not_someone_the_sentence_before_only_named_after_a_preposition():
    text = ("Coastal League chief Ana Tor ordered the standby force to get ready for an intervention.\n"
            "The League reiterated its \"strong condemnation\" of the coup and \"continued illegal detention\" of "
            "ousted President Malik Sow, his family and his ministers.\n"
            "He said the League underscored the resolve \"to keep all options on the table.\"")
    said = [(h, s) for h, s in statements(text) if s.startswith("He said")]
    assert said and all(h == "Bloc" for h, _ in said)


def test_an_adverb_and_a_participle_make_no_line():
    assert not is_stance("Allegedly waiting for the resupply mission to be carried out")


def test_a_quote_line_opens_with_a_capital_even_when_the_name_opens_with_a_particle():
    assert speaker_quote("de Lune", "I authorise the return") == "De Lune: “I authorise the return”"


def test_a_time_opening_the_line_goes_and_a_list_after_an_abbreviation_is_not_cut():
    assert c.drop_time("Last month, the union said 97% of members backed a strike") \
        == "the union said 97% of members backed a strike"
    assert c.drop_time("Earlier in the week, Orbis said its strike costs had doubled") \
        == "Orbis said its strike costs had doubled"
    text = "Given its ports, Kaldor matters to the U.S., Vestria, Tarn and Osterland."
    found = every_line(text)
    assert not any(line.endswith("to the U.S") or line.endswith("to the U.S.") for line in found)


def test_he_after_a_speaker_is_the_speaker_not_a_president_named_in_what_he_said():
    text = ("General Omar Tiani of Kaldor spoke on state television about the troops.\n"
            "The general said that while Vestrian President Mara Holt had claimed the troops were winning, the "
            "reality was a pile of dead.\n"
            "\"The approach to our troops has not brought security to the country despite heavy sacrifices,\" he "
            "said.")
    found = [line for line in every_line(text) if "heavy sacrifices" in line]
    assert found and not any(line.startswith(("Holt", "Vestria")) for line in found)


def test_who_said_it_and_when_is_no_line_without_what_was_said():
    assert not is_stance("The union said in statement")
    assert not is_stance("Kaldor and Vestria said after talks in Osterburg")
    assert not is_stance("The producers responded, Variety reported")
    assert is_stance("Kaldor said after the talks that the truce would hold")
    assert is_stance("Aid has slowed sharply, Tor said")
    text = ("Both commanders vowed not to seek any military advantage before the truce begins, the statement released "
            "by the Kaldoran foreign ministry said.")
    assert not any("said released" in line for line in every_line(text))


def test_it_in_the_tail_after_a_closing_quotation_mark_is_the_holder():
    text = ("The Coastal League announced a truce in Osterburg on Saturday.\n"
            "The truce \"shall remain in force for seven days and may be extended with the agreement of both sides,\" "
            "it said.")
    found = [line for line in every_line(text) if "seven days" in line]
    assert found and not any(line.endswith("it said") for line in found)


def test_a_clause_opening_with_although_is_the_holders_not_the_main_clause_after_it():
    assert c.drop_subordinator("Although Kaldor has not announced the end of the talks, they remain deadlocked") \
        == "Kaldor has not announced the end of the talks"
    assert c.drop_subordinator("As Vestria has declared the annexation of the coast") \
        == "Vestria has declared the annexation of the coast"


def test_a_participle_phrase_and_a_name_ending_in_a_verb_form_are_no_stance():
    assert not is_stance("Referencing a letter from the leader to the council outlining pledges to be carried out")
    assert not is_stance("The United States and Kaldor said after talks in Osterburg")


def test_a_quotation_opening_with_such_is_no_line_but_one_opening_with_this_and_a_noun_is():
    text = ("\"If our demands are not met within a week, we will take all measures needed to restore order,\" the "
            "Coastal League said in a statement on the intervention.\n"
            "\"Such measures may include the use of force against the junta.\"")
    assert not any("Such measures" in line for line in every_line(text))
    text = "\"This coup is completely illegitimate and dangerous for the whole region,\" Mara Holt said of the force."
    assert any(line.startswith("Holt: “This coup is completely illegitimate") for line in every_line(text))


def test_a_participle_becomes_a_verb_only_for_the_holder():
    text = ("The statement expressed the government's opposition to any parallel aid structures, referencing a "
            "letter from the Shield leader to the Coastal League outlining pledges to be carried out by their own "
            "relief agency.")
    for st in extracted(text, {**PARTIES, "Shield": ["Shield"]}):
        line = write_line(st, "", TopicMatcher.build(Topic("force", ("aid",))))
        assert line is None or "League is outlining" not in line.text


def test_a_line_is_no_relative_clause_no_addressee_alone_and_no_condition_without_its_claim():
    assert not is_stance("Where the leader of the opposition accused Holt of buying the presidency")
    assert not is_stance("A government source at the prime minister's office told the Courier last November")
    assert not is_stance("Orbis counsel said that if the injunction were ordered")
    assert is_stance("Rusk told reporters the strike would go on")
    assert is_stance("Orbis said that if the injunction were ordered, it would close the plant")


GOVERNMENT = {"Reformists": ["Reform Party", "Kaldoran government", "Lund"], "Blues": ["Blue Party", "Vale"]}


def government_statements(text: str) -> list[tuple[str, str]]:
    return statements(text, GOVERNMENT)


def test_an_official_the_apposition_ties_to_a_party_speaks_for_it_and_an_addressee_is_no_subject():
    text = ("Lund's cabinet approved the amnesty on Tuesday.\n"
            "The capital's regional government president Ana Roe, of the Blue Party, vowed to appeal against the law.")
    assert [h for h, s in government_statements(text) if s.startswith("The capital's")] == ["Blues"]
    text = ("Lund's cabinet approved the amnesty on Tuesday.\n"
            "European Justice Commissioner Jan Berk has written to Kaldor's acting government expressing concerns "
            "over the amnesty.")
    assert not [h for h, s in government_statements(text) if s.startswith("European")]


def test_a_line_is_one_sentence_with_its_speaker_and_opens_with_no_editorial_bracket():
    assert not is_stance("[the Reform Party] have tried to cover up the fact that they lost")
    assert not is_stance("The party has tried to hide that it lost. The premier will always be the one who won")
    assert not is_stance("“Kaldor has never sold itself, and the premier has tried to hide that he lost.”")
    assert is_stance("Gen. Roe said the troops would stay until Sept. 30")
    assert is_stance("Holt: “It is all in their hands. They could come back tomorrow and make a deal”")


def test_a_holder_named_second_in_a_pair_of_subjects_gives_the_line_of_both():
    text = ("Tupaq Lund and Coastal League President Ana Tor have agreed a deal to end the blockade of the port by "
            "the force.")
    assert not any(line.startswith("Ana Tor have") for line in every_line(text))


def test_a_time_left_without_its_event_goes_and_an_announcement_of_a_date_alone_is_no_line():
    assert not is_stance("The plant operator announced on Sept. 11")
    text = "Kaldor has announced an end to its arms transfers to Vestria, a day after the two leaders met in Osterburg."
    assert not any(line.endswith("a day") for line in every_line(text))


def test_a_place_after_a_compass_adjective_is_still_the_object_of_its_preposition():
    text = ("\"Our opposition to the force has not changed a bit,\" the National Federation of Fishers said in a joint "
            "statement with a local group in the Vale region in northeastern Kaldor, adding that the force has "
            "increased fishermen's worries.")
    assert ("Kaldor", text) not in statements(text)


def test_a_watchdog_that_concluded_holds_a_stance():
    parties = {"Atom Agency": ["U.N. atomic watchdog", "Ines Marr"], "Kaldor": ["Kaldoran"]}
    text = "The U.N. atomic watchdog concluded that the discharge plan is consistent with safety standards."
    assert [s.holder for s in extracted(text, parties)] == ["Atom Agency"]


def test_a_participle_after_a_noun_and_its_agent_says_more_of_the_main_subject():
    text = ("Until Sunday, Kaldor had refused to heed calls by Vestria's new leaders to withdraw its troops, "
            "insisting that the coast remains Kaldoran.")
    holders = {h for h, _ in statements(text)}
    assert holders == {"Kaldor"}


def test_whom_a_speaker_is_telling_after_a_quotation_is_no_speaker():
    text = ("During their meeting, Ines Marr called the review \"thorough\" and \"impartial,\" telling Mara Holt that the "
            "results \"have all the elements\" needed to move on.")
    parties = {"Atom Agency": ["Ines Marr"], "Vestria": ["Mara Holt"]}
    assert "Vestria" not in {s.holder for s in extracted(text, parties)}
