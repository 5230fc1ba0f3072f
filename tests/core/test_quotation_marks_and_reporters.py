"""Rules found by reading real news on a story the bot had not seen (a big power that wants an island territory,
the state the territory belongs to, and the territory's own government), each checked on sentences written for
the test: quotations in single marks, who a pronoun after a quotation is, what 'of' names after a noun of
rejecting, officials and initials of other bodies, the media, and lines cut at the wrong place."""
from summarizer import compress as c
from summarizer.attribution import extract
from summarizer.lines import is_stance, write_line
from summarizer.model import Party, Topic
from summarizer.parties import build_lexicon
from summarizer.text import double_quoted, split_sentences
from summarizer.topics import TopicMatcher
from summarizer.discovery import find_candidates
from tests.builders import briefing

PARTIES = {"Atlantia": ["Atlantian", "President Rob Garner", "Garner", "Ivo Marsh"],
           "Vestria": ["Vestrian", "Prime Minister Lene Berg", "Berg"],
           "Kaldor": ["Kaldoran", "Premier Anik Olsen", "Olsen", "Tupaq Lund", "Lund"]}
TOPICS = {"takeover": ["takeover", "annex", "control", "for sale"], "visit": ["visit", "delegation"],
          "bases": ["base", "military", "security"]}


def statements(text: str) -> list[tuple[str, str]]:
    lexicon = build_lexicon(tuple(Party(n, tuple(a)) for n, a in PARTIES.items()), [text])
    return [(s.holder, s.sentence.text) for s in extract(split_sentences("doc", text), lexicon)]


def lines(text: str, topic: str | None) -> dict[str, list[str]]:
    return {p.name: [pos.text for pos in p.positions] for p in briefing(text, topic, PARTIES, TOPICS).parties}


def test_single_quotation_marks_are_read_as_quotation_marks_and_apostrophes_stay():
    assert double_quoted("‘It will not happen,’ she said.") == "“It will not happen,” she said."
    assert double_quoted("The premier called it ‘absurd’ and left.") == "The premier called it “absurd” and left."
    assert double_quoted("'We are not for sale,' he said.") == "“We are not for sale,” he said."
    text = "Garner’s plan, which it’ll test in the ’90s style, won’t pass."
    assert double_quoted(text) is text
    assert double_quoted("‘The farmers’ union will resist,’ Olsen said.") == "“The farmers’ union will resist,” Olsen said."
    nested = "“He told us ‘never’,” she said."
    assert double_quoted(nested) is nested  # single marks inside double ones are a quote within a quote
    assert double_quoted("We will decide our own future,’ he added.") == "We will decide our own future,” he added."


def test_speech_in_single_marks_is_its_speakers_and_the_source_keeps_the_articles_marks():
    text = ("Premier Anik Olsen of Kaldor spoke to reporters in the capital on Monday.\n"
            "‘Garner’s demand to annex the island is absurd and shows we must stand together,’ she said.")
    found = lines(text, "takeover")
    assert "Atlantia" not in found
    assert any(line.split(": “")[0] in ("Olsen", "Kaldor") for line in found["Kaldor"])
    b = briefing(text, "takeover", PARTIES, TOPICS)
    quotes = [s.quote for p in b.parties for pos in p.positions for s in pos.sources]
    assert "‘Garner’s demand to annex the island is absurd and shows we must stand together,’ she said." in quotes


def test_a_pronoun_after_a_quotation_is_not_someone_the_quotation_names():
    text = ("Tupaq Lund, who leads the largest party in Kaldor, spoke after the vote.\n"
            "\"Garner's remarks on a takeover are out of place,\" he said.")
    assert ("Atlantia", "\"Garner's remarks on a takeover are out of place,\" he said.") not in statements(text)
    assert ("Kaldor", "\"Garner's remarks on a takeover are out of place,\" he said.") in statements(text)


def test_what_of_names_after_a_noun_of_rejecting_is_its_object():
    text = "Lund spoke. He summoned leaders to discuss a plan to intensify their rejection of Atlantian annexation."
    assert all(holder != "Atlantia" for holder, _ in statements(text))


def test_an_official_of_a_body_that_is_no_party_does_not_speak_for_the_party_before_him():
    text = ("President Rob Garner said Atlantia needed the island for its security.\n"
            "The UN secretary declined to get involved in the row.")
    assert not [h for h, s in statements(text) if s.startswith("The UN secretary")]


def test_the_overview_gives_a_party_a_line_once_even_when_it_is_about_two_topics():
    text = ("Vestria rejects the visit\n"
            "Prime Minister Lene Berg said the visit by an Atlantian delegation to the military base was unacceptable "
            "and that the base must close.")
    overview = briefing(text, None, PARTIES, TOPICS)
    given = [pos.text for p in overview.parties if p.name == "Vestria" for pos in p.positions]
    assert given and len(given) == len(set(given))


def test_capital_initials_before_a_speakers_surname_are_a_first_name_not_a_body():
    text = ("Canada and Norway argue over an Arctic base\n"
            "Canadian Deputy Prime Minister TJ Moreau visited the base on Friday. Moreau said Canada needed the base "
            "for its security.\nNorway rejected the idea, and its prime minister said the base was not for sale.\n"
            "TJ Moreau said Canada would not give up the base.")
    names = [c.name for c in find_candidates([text])]
    assert "Canada" in names and "Norway" in names and "TJ" not in names


def test_a_complement_after_as_stays_and_a_span_of_days_goes_whole():
    assert c.drop_trailing_event("Berg viewed the decision to visit the base as a wise one, saying it was "
                                 "better than taking part in local politics") \
        == "Berg viewed the decision to visit the base as a wise one, saying it was better than taking part in " \
           "local politics"
    assert c.drop_time("Marsh will visit Kaldor from Thursday to Saturday to attend the race") \
        == "Marsh will visit Kaldor to attend the race"


def test_an_apposition_before_according_to_keeps_its_comma():
    assert c.drop_appositives("Berg said Atlantia has no right to annex Kaldor, a territory of Vestria, "
                              "according to a newspaper.") \
        == "Berg said Atlantia has no right to annex Kaldor, according to a newspaper."


def test_a_line_ends_before_the_next_clauses_subject_and_does_not_start_at_a_place_after_in():
    text = ("Kaldor braces for the visit\n"
            "Activists in Kaldor have announced protests against the Atlantian delegation and a member of "
            "parliament, Tupaq Lund, stated that the protests would be peaceful.")
    found = lines(text, "visit").get("Kaldor", [])
    assert found and all(not line.endswith("member of parliament") for line in found)
    assert all(not line.startswith("Kaldor have") for line in found)


def test_the_media_of_a_country_report_and_hold_no_stance_but_its_state_media_do():
    for media in ("Kaldor media", "Kaldor's newspapers"):
        assert statements(f"The race is largely paid for by the consulate, {media} reported.") == []
    text = "Vestria state media said the visit was an unacceptable form of pressure."
    assert [h for h, _ in statements(text)] == ["Vestria"]


def test_a_past_participle_after_a_possessor_is_no_verb():
    assert not is_stance("The Atlantian Vice President’s planned visit to a base in the north")
    assert is_stance("The Atlantian Vice President’s planned visit to the base has been cancelled")


# Rules found on a second unseen story (an armed movement, the state it fights, and their neighbours).
def test_a_predicate_without_its_subject_is_no_line_and_an_apposition_before_an_adverb_goes():
    assert not is_stance("Later told journalists in the city they would withdraw only if their demands were met")
    assert is_stance("Italy rejected the plan outright")
    assert c.drop_appositives("The political head of the movement, Jean Okoro, later told journalists they would "
                              "leave.") == "The political head of the movement later told journalists they would leave."


def test_a_deed_that_a_speaker_of_no_party_ascribes_is_not_the_stance_of_its_doer():
    text = "Independent experts say the militia fighters are backed by Vestria."
    assert statements(text) == []


def test_a_state_named_in_full_is_no_person_and_no_subject_after_in():
    text = ("Rebels in the Federal Republic of Kaldor said on Tuesday they would leave the port city.\n"
            "The Federal Republic of Kaldor said it doubted the rebels would leave.")
    lexicon = build_lexicon(tuple(Party(n, tuple(a)) for n, a in PARTIES.items()), [text])
    assert not [name for name in lexicon.persons if "Republic" in name]
    assert [h for h, s in statements(text) if s.startswith("Rebels in")] == []


# A third unseen story (two states expelling each other's diplomats over an accusation).
def test_the_speaker_tail_of_a_quotation_is_no_line_on_its_own():
    text = ("\"The government of Vestria made a grave error in thinking that it could support criminal acts against "
            "Atlantians here on Atlantian soil, whether it be killings or threats or other violent acts,\" Garner told "
            "reporters in the capital, hours after the expulsions were announced.")
    lexicon = build_lexicon(tuple(Party(n, tuple(a)) for n, a in PARTIES.items()), [text])
    [statement] = extract(split_sentences("doc", text), lexicon)
    line = write_line(statement, "", TopicMatcher.build(Topic("takeover", ("criminal acts",))))
    assert line is not None and line.text != "Garner told reporters in the capital"
    assert "made a grave error" in line.text


# A fourth unseen story (a disputed election: the opposition, the electoral council and the president).
def test_the_time_of_saying_is_no_event_to_drop_and_a_line_never_ends_on_just():
    assert c.drop_trailing_event("The council said just after midnight Garner had won 51 percent of the vote") \
        == "The council said just after midnight Garner had won 51 percent of the vote"
    assert not is_stance("The electoral council said just")


def test_a_passive_participle_with_no_subject_is_no_line():
    assert not is_stance("Issued by the electoral council, controlled by the ruling party, compared to the rival")


def test_such_measures_stand_for_what_the_sentence_before_was_considering_not_its_last_word():
    from summarizer.standalone import antecedent_phrase
    assert antecedent_phrase("Vestria said it was considering trade measures against boats that fish without an "
                             "agreed quota.") == "trade measures"
    assert antecedent_phrase("Boats fish without an agreed quota.") is None


def test_a_quoted_sentence_that_points_back_with_this_is_not_the_one_shown():
    text = ("“Garner did not win the vote on Sunday. He lost by a wide margin to the opposition candidate, 67 to 30 "
            "percent. I know this is true because I can prove it with the tally sheets,” Olsen wrote in a column.")
    lexicon = build_lexicon(tuple(Party(n, tuple(a)) for n, a in PARTIES.items()), [text])
    shown = [write_line(st, "", TopicMatcher.build(Topic("vote", ("vote", "win")))) for st in
             extract(split_sentences("doc", text), lexicon) if st.holder == "Kaldor"]
    assert [line.text for line in shown if line] == ["Olsen: “Garner did not win the vote on Sunday”"]


def test_a_time_after_of_or_since_is_part_of_the_phrase_not_the_time_of_saying():
    assert c.drop_time("Berg said she spoke with Garner at the end of last week and warned him") \
        == "Berg said she spoke with Garner at the end of last week and warned him"
    assert c.drop_time("Berg said last week that Vestria would leave") == "Berg said that Vestria would leave"
