"""Each line under the topic it is most about; more of each party's distinct positions, merged across outlets."""
from summarizer.analysis import analyze
from summarizer.briefing import brief
from summarizer.model import Topic
from summarizer.selection import PER_PARTY, select
from summarizer.topics import TopicSet, stems_of
from tests.builders import briefing, document, profile

PARTIES = {"Norland": ["Norland", "Norlandic", "Oslavik"], "Sudria": ["Sudria", "Sudrian", "Port Amar"]}
TOPICS = {"water": ["water", "river", "flow"], "power": ["electricity", "power exports", "hydropower"]}


def _lines(b, party):
    return [pos.sources[0].quote for p in b.parties if p.name == party for pos in p.positions]


def _under(text, topic, parties=PARTIES, topics=TOPICS):
    return briefing(text, topic, parties, topics)


def test_a_statement_goes_under_the_topic_its_stance_is_about():
    text = ("Norland said the dam's electricity exports would pay for new schools.\n\n"
            "Sudria demanded a guaranteed minimum flow on the river during the dry season.")
    assert _lines(_under(text, "power"), "Norland") and not _lines(_under(text, "water"), "Norland")
    assert _lines(_under(text, "water"), "Sudria") and not _lines(_under(text, "power"), "Sudria")


def test_a_passing_word_of_another_topic_does_not_move_a_line_there():
    text = "Sudria rejected the deal on hydropower and electricity sales struck at a river port last year."
    assert _lines(_under(text, "power"), "Sudria")
    assert not _lines(_under(text, "water"), "Sudria")


def test_a_statement_with_a_stance_on_two_topics_appears_under_both():
    text = "Norland demanded a bigger share of the river water, and it rejected any limit on its power exports."
    assert _lines(_under(text, "water"), "Norland") and _lines(_under(text, "power"), "Norland")


def test_this_move_takes_its_topic_from_the_sentence_before():
    text = ("Sudria wants to sell electricity to its neighbours through a new grid.\n"
            "Norland has firmly opposed this move.")
    assert "Norland has firmly opposed this move." in _lines(_under(text, "power"), "Norland")
    assert not _lines(_under(text, "water"), "Norland")


def test_the_holders_own_name_is_not_a_topic_word():
    parties = {"European Union": ["EU", "European", "Brussels"], "Norland": ["Norland"]}
    topics = {"european-defence": ["defence", "European army"], "trade": ["tariffs", "trade"]}
    text = "European officials warned that the new tariffs on Norland would hurt trade."
    assert _lines(_under(text, "trade", parties, topics), "European Union")
    assert not _lines(_under(text, "european-defence", parties, topics), "European Union")


def test_the_title_before_the_holders_name_is_not_a_topic_word():
    parties = {**PARTIES, "Sudria": ["Sudria", "Amara Tesh"]}
    text = "Water Minister Amara Tesh said hydropower output would double next year."
    assert _lines(_under(text, "power", parties), "Sudria")
    assert not _lines(_under(text, "water", parties), "Sudria")


def test_a_condition_counts_less_than_the_main_clause():
    text = "Sudria said it would cut its electricity exports if no agreement was reached on the river."
    assert _lines(_under(text, "power"), "Sudria")
    assert not _lines(_under(text, "water"), "Sudria")


def test_a_main_clause_naming_no_topic_takes_the_sentences_and_its_adjuncts():
    text = ("Norland demands a bigger share of the river water, while Sudria says it cannot give more than a third "
            "without cutting its electricity sales.")
    assert _lines(_under(text, "water"), "Sudria") and _lines(_under(text, "power"), "Sudria")


def test_a_condition_put_to_another_party_is_a_demand_on_its_topic():
    text = "Norland threatened to halt its electricity exports unless Sudria guarantees a steady river flow."
    assert _lines(_under(text, "power"), "Norland") and _lines(_under(text, "water"), "Norland")


def test_a_word_inside_a_longer_phrase_of_another_topic_counts_for_that_phrase():
    topics = TopicSet((Topic("aid", ("military aid",)), Topic("army", ("military",))))
    aid, army = topics.scores(stems_of("They promised more military aid."))
    assert aid > 0 and army == 0
    aid, army = topics.scores(stems_of("The military moved north."))
    assert army > 0 and aid == 0


def test_a_term_two_topics_share_counts_less_for_each():
    shared = TopicSet((Topic("water", ("river", "dam")), Topic("power", ("dam", "electricity"))))
    alone = TopicSet((Topic("water", ("river", "dam")),))
    assert shared.scores(stems_of("the dam"))[0] < alone.scores(stems_of("the dam"))[0]


def test_a_free_text_query_still_finds_every_relevant_statement():
    text = "Norland said the dam's electricity exports would pay for new schools, and the river would not suffer."
    b = _under(text, "schools")
    assert _lines(b, "Norland")


def test_the_overview_keeps_one_line_per_party_per_topic():
    text = " ".join(f"Sudria demanded a {w} flow on the river." for w in ("higher", "steadier", "cleaner", "safer"))
    b = _under(text, None)
    assert [len(p.positions) for p in b.parties] == [1]


def test_a_party_gets_up_to_five_distinct_positions_on_a_topic():
    sentences = ["Sudria demanded a guaranteed minimum flow on the river in the dry season.",
                 "Sudria accused Norland of hiding water data from its engineers.",
                 "Sudria proposed a joint commission to monitor the river.",
                 "Sudria warned that farmers downstream would lose their water for rice.",
                 "Sudria rejected Norland's plan to divert the river into a reservoir.",
                 "Sudria threatened to take the water dispute to an international court."]
    b = _under("\n\n".join(sentences), "water")
    assert len(_lines(b, "Sudria")) == PER_PARTY == 5


def test_lines_beyond_three_need_a_holder_named_in_their_own_sentence():
    sentences = ["Sudria demanded a guaranteed minimum flow on the river in the dry season.",
                 "Sudria accused Norland of hiding water data from its engineers.",
                 "Sudria proposed a joint commission to monitor the river.",
                 "Sudrian Water Minister Amara Tesh spoke to reporters after the meeting.",
                 "She warned that farmers downstream would lose their water for rice.",
                 "She said a new reservoir upstream would leave the river dry."]
    quotes = _lines(_under(" ".join(sentences), "water"), "Sudria")
    assert len(quotes) == 4 and not any(q.startswith("She ") for q in quotes[3:])


def test_the_same_stance_from_two_outlets_is_one_line_with_two_sources():
    docs = [document("Norland on Monday rejected the proposal to share river data with Sudria.", id="a.txt"),
            document("Norland rejected the proposal to share river data with Sudria on Monday.", id="b.txt")]
    b = brief(analyze(docs, profile(PARTIES, TOPICS)), "water")
    (party,) = b.parties
    assert len(party.positions) == 1
    assert {s.document for s in party.positions[0].sources} == {"a.txt", "b.txt"}


def test_a_statement_without_a_clean_line_is_skipped_for_the_next():
    docs = [document("Sudria demanded a guaranteed minimum flow on the river. "
                     "Sudria rejected the plan to divert the river into a reservoir.")]
    claims = analyze(docs, profile(PARTIES, TOPICS)).claims
    ranked = [(2.0, claims[0]), (1.0, claims[1])]
    picks = select(ranked, 1, lambda claim: None if claim is claims[0] else "a line")
    assert [p.claims[0] for p in picks] == [claims[1]] and picks[0].text == "a line"


def test_the_occasion_after_who_spoke_is_no_stance_on_its_topic():
    text = ("Sudria is ready to share data but will keep its veto over the river flow, President Lena Amar said on "
            "radio a day after another round of talks on electricity and power exports.")
    assert _lines(_under(text, "water"), "Sudria") and not _lines(_under(text, "power"), "Sudria")


def test_said_that_with_only_an_occasion_is_no_clause_of_its_own():
    text = ("Norland's premier said that during the hydropower meeting, he insisted on a guaranteed flow for the "
            "river.")
    assert _lines(_under(text, "water"), "Norland") and not _lines(_under(text, "power"), "Norland")


def test_what_the_holder_s_subject_phrase_says_of_him_is_no_topic():
    text = ("An anonymous senior Norlandic official involved in the hydropower talks revealed that "
            "Norland would accept a lower flow in the dry season.")
    assert _lines(_under(text, "water"), "Norland") and not _lines(_under(text, "power"), "Norland")
