"""Position lines that read on their own: resolved openings, quotes with their speaker, stances not fragments."""
from summarizer.lines import is_stance
from summarizer.standalone import antecedent_phrase, holder_name, party_subject, resolve_opening, short_name
from tests.builders import briefing

GHANA = {"Ghana": ["Ghana", "Ghanaian", "Accra"], "Togo": ["Togo", "Togolese", "Lome"]}
TOPICS = {"dam": ["dam", "river", "water"]}


def _lines(texts, topic="dam", parties=GHANA, topics=TOPICS):
    return {p.name: [pos.text for pos in p.positions] for p in briefing(texts, topic, parties, topics).parties}


def test_an_opening_pronoun_becomes_the_name_attribution_found():
    lines = _lines("Water Minister Ama Mensah of Ghana visited the river on Friday. "
                   "She said the dam would be finished before the rains.")
    assert lines["Ghana"] == ["Mensah said the dam would be finished before the rains"]


def test_a_demonstrative_becomes_the_antecedent_noun_phrase():
    lines = _lines("Togo wants a joint water commission for the river, but Ghana has rejected this move.")
    assert lines["Ghana"] == ["Ghana has rejected Togo's joint water commission"]


def test_a_first_person_quote_keeps_its_speaker():
    lines = _lines('Togolese Foreign Minister Kodjo Adedze arrived in Lome. '
                   '"We will not accept a dam that dries our river," Adedze told reporters.')
    assert lines["Togo"] == ["Adedze: “We will not accept a dam that dries our river”"]


def test_content_first_sentence_keeps_its_attribution_without_the_time():
    lines = _lines("Water levels behind the dam have fallen to record lows this month, Ghana's foreign ministry said.")
    assert lines["Ghana"] == ["Water levels behind the dam have fallen to record lows, Ghana's foreign ministry said"]


def test_content_first_sentence_drops_the_occasion_after_its_attribution():
    lines = _lines("Water levels behind the dam have fallen to record lows, Ghana's foreign ministry said in the wake "
                   "of the talks between the leaders of the two countries in the capital.")
    assert lines["Ghana"] == ["Water levels behind the dam have fallen to record lows, Ghana's foreign ministry said"]


def test_appositive_time_and_trailing_occasion_go_and_the_holder_stays():
    lines = _lines("Ama Mensah, Ghana's foreign minister, said on Tuesday that the dam must release more water, "
                   "after farmers downstream lost their harvest.")
    assert lines["Ghana"] == ["Ama Mensah said that the dam must release more water"]


def test_a_long_sentence_is_compressed_never_cut():
    text = ("Togo, which depends on the river for most of its farming, warned that it would take the dam dispute "
            "to the regional court if Ghana did not share its water release schedule, including for the dry season.")
    (line,) = _lines(text)["Togo"]
    assert "…" not in line and "..." not in line
    assert line.startswith("Togo warned that it would take the dam dispute to the regional court")
    assert len(line.split()) <= 24


def test_negations_and_numbers_stay():
    lines = _lines("Ghana said on Monday that it would never cut the river's flow by more than 20 percent.")
    assert lines["Ghana"] == ["Ghana said that it would never cut the river's flow by more than 20 percent"]


def test_a_passive_fragment_becomes_its_agent_s_statement():
    lines = _lines("Despite objections to the dam raised by Togo, construction resumed.")
    assert lines["Togo"] == ["Togo raised objections to the dam"]


def test_a_fragment_is_no_stance():
    assert not is_stance("Despite earlier objections from farmers")
    assert not is_stance("Advocating for collective unity on the river")
    assert not is_stance("A claim Ghanaian officials denied")
    assert not is_stance("Ghanaian officials denied")
    assert is_stance("Ghana rejected the plan for the dam")
    assert is_stance("Adedze: “We will strike”")


def test_a_line_ending_in_a_saying_participle_whose_words_fell_away_is_no_stance():
    assert not is_stance("Mensah met the farmers at the dam as he left the capital, declaring")
    assert not is_stance("Ghana rejected the plan for the dam, saying")
    assert is_stance("Ghana rejected the plan for the dam, saying it would flood the valley")


def test_a_name_and_the_participle_aside_after_it_is_no_stance():
    assert not is_stance("Mensah, recognised as the winner of the vote by Togo and a score of other countries")
    assert not is_stance("Mensah, speaking to reporters in Accra on Friday")
    assert is_stance("Mensah, recognised as the winner by Togo, had been staying in the embassy for days")
    assert is_stance("Ghana, backed by Togo, rejected the plan for the dam")


def test_an_opening_that_cannot_be_resolved_is_refused_not_guessed():
    assert resolve_opening("He rejected the plan", "Ghana", None, "") is None
    assert resolve_opening("This was rejected", "Ghana", None, "The weather was bad.") is None
    assert resolve_opening("It rejected the plan", "European Union", None, "") == "The European Union rejected the plan"
    assert resolve_opening("Its minister resigned", "Togo", None, "") == "Togo's minister resigned"
    assert resolve_opening("Its envoy urged Togo to wait", "Togo", None, "") is None  # Togo urging itself?
    assert resolve_opening("It's a provocation, an official said", "Togo", None, "") is None


def test_names_for_lines():
    assert short_name("Ursula von der Leyen") == "von der Leyen"
    assert short_name("Ama Mensah") == "Mensah"
    assert party_subject("United Nations") == "The United Nations"
    assert party_subject("Hamas") == "Hamas"
    assert holder_name("Togo", "Togolese") == "Togo"  # a demonym taken for a person's name
    assert holder_name("Togo", "Kodjo Adedze") == "Adedze"
    assert antecedent_phrase("Togo wants a joint commission, officials said") == "Togo's joint commission"
    assert antecedent_phrase("The weather was bad") is None


def test_a_reduced_relative_puts_its_holder_first_with_the_claim_from_the_clause_before():
    lines = _lines("Ghanaian officials accused Togo of diverting the river within days, a charge Togo denied.")
    assert lines["Togo"] == ["Togo denied a charge of diverting the river within days"]


def test_a_relative_clause_gets_its_object_back_from_the_clause_before():
    lines = _lines("Ghana wants a levy of 3 cents per cubic metre on dam water, which Togo has called unfair.")
    assert lines["Togo"] == ["Togo has called a levy of 3 cents per cubic metre on dam water unfair"]


def test_a_shortened_line_keeps_its_own_holder_s_clause():
    # the first clause is another speaker's: cut to fit, Togo's line would give Togo the engineers' words
    lines = _lines("Engineers working on the project said the dam's second turbine hall had fallen well behind "
                   "schedule, while Togo maintains that the compensation offered to displaced families is far too low.")
    assert lines["Togo"] == ["Togo maintains that the compensation offered to displaced families is far too low"]


def test_a_line_does_not_start_at_a_holder_named_after_of():
    # from the holder on, the line would say the association voted, not 64 per cent of its members
    lines = _lines("Local farm leaders in Kumasi said that 64 per cent of members of the Ghana Farmers Association "
                   "who cast ballots on Wednesday voted against accepting the dam compensation offer.",
                   parties={"Togo": ["Togo"], "Farmers": ["Ghana Farmers Association"]})
    assert lines["Farmers"] and all("64 per cent of members" in line for line in lines["Farmers"])


def test_a_long_quotation_gives_its_first_person_sentence():
    lines = _lines('"This week was full of difficult meetings for everyone involved. We will not accept a dam '
                   'that dries the river in the north," Togolese minister Kodjo Adedze said.')
    assert lines["Togo"] == ["Adedze: “We will not accept a dam that dries the river in the north”"]


def test_a_line_ending_on_a_word_no_sentence_ends_on_was_cut_and_is_no_stance():
    assert not is_stance("Togo said it offered a water-sharing plan to Ghana's president who, according")
    assert not is_stance("Ghana said the dam would hold more water than")
    assert is_stance("Togo said it would not back down")
    assert is_stance("Togo said it was ready to open the sluices if Ghana asked it to")


def test_a_name_and_a_participle_is_no_stance_whatever_its_complement_says():
    assert not is_stance("Ghana earlier announcing that the two neighbours had agreed to share the river")
    assert is_stance("Ghana is announcing that the two neighbours had agreed to share the river")
    assert is_stance("Togo considering a new dam, officials said")


def test_a_noun_that_looks_like_a_verb_makes_no_stance():
    assert not is_stance("The recognition of Togo as an independent state by Ghana")
    assert is_stance("Ghana, Togo and Benin want each country to cut its water use")


def test_a_party_whose_only_line_is_a_wall_of_text_gets_none_but_a_long_line_stays():
    wall = ("“Eager to share the river between the states of the basin and driven by the ideals of brotherhood, "
            "solidarity, mutual aid, peace and development, the heads of state of the three riparian countries created "
            "with twelve of their peers, on a day long remembered, the commission that manages the dam,” said the "
            "statement read out by Kofi Mensah, Ghana's spokesman.")
    assert "Ghana" not in _lines(wall)
    long = ("Ghana said that the heads of state of the three riparian countries created the commission that manages "
            "the dam with twelve of their peers in the capital.")
    assert len(_lines(long)["Ghana"][0].split()) > 24


def test_a_saying_verb_followed_only_by_when_it_was_said_is_no_stance():
    assert not is_stance("Tarvian President Ilse Roos indicated at the weekend")
    assert not is_stance("Mirenian officials denied on Monday")
    assert is_stance("Mirenia rejected the offer last week")


def test_a_source_named_with_according_to_lends_no_verb_to_a_fragment_after_it():
    assert not is_stance("According to local radio reports and videos, a dozen grain barges, escorted by Norvian "
                         "and Tarnish patrol boats")
    assert is_stance("According to local radio reports, the Tarnish navy rejected the escort plan")


def test_who_made_a_statement_is_no_stance():
    assert not is_stance("The statement was made by Norvia's deputy envoy to the United Nations during a debate")
    assert not is_stance("These remarks were delivered at a dinner for diplomats in Lisvik on Friday")
    assert is_stance("The statement was issued after Norvia rejected the grain deal")


def test_an_adverbial_phrase_then_a_predicate_without_its_subject_is_no_stance():
    assert not is_stance("At times asked their leaders to help free them")
    assert not is_stance("In turn rejected the offer of new talks on the lake")
    assert is_stance("At times the union asked its members to stay calm")


def test_a_line_cut_before_the_quotation_of_said_only_is_no_stance():
    assert not is_stance("On the water level of the lake the minister said only")
    assert is_stance("Norvia said only that it would reply to the offer later")


def test_a_plural_noun_after_an_adjective_in_ed_is_no_verb():
    assert not is_stance("Under the guise of unfounded claims about the lake level")
    assert is_stance("The Lake Council renewed calls for a shared water plan")


def test_a_line_ending_on_an_apposition_whose_verb_goes_on_after_it_was_cut():
    lines = _lines("Gen Kofi Boateng of Ghana has accused Togo's river envoy, Yawo Mensah, of acting as an obstacle to "
                   "a deal on the dam and said the joint river commission had become biased in favour of Togo's "
                   "farmers and their water pumps.")
    assert "Gen Kofi Boateng has accused Togo's river envoy, Yawo Mensah" not in lines.get("Ghana", [])
    assert all(not line.endswith(("Yawo Mensah", "envoy")) for line in lines.get("Ghana", []))
    # the second predicate ('and said ...', an irregular past) goes whole to make the line fit
    assert any(line.endswith("of acting as an obstacle to a deal on the dam") for line in lines["Ghana"])


def test_a_statement_split_off_the_next_clause_does_not_end_on_its_conjunction():
    lines = _lines("On Tuesday, Ghana agreed at a meeting to focus on protecting the river dam and "
                   "Lome said it would build two water reservoirs by next year.")
    assert lines["Ghana"] == ["Ghana agreed at a meeting to focus on protecting the river dam"]


def test_a_quotation_that_is_only_its_condition_is_no_stance():
    assert not is_stance("Adedze: “And as soon as the river commission is formed”")
    assert not is_stance("Adedze: “Once the dam is finished”")
    assert is_stance("Adedze: “Once the dam is finished, we will share the water”")
    assert is_stance("Adedze: “That is not acceptable”")


def test_a_verb_whose_only_object_is_a_bare_demonstrative_is_no_line():
    assert not is_stance("Foreign Minister Kodjo Adedze denied that later")
    assert not is_stance("Togo rejected this")
    assert is_stance("Togo has rejected this move")  # a noun the standalone step can resolve
    assert is_stance("Adedze said that the dam was legal")


def test_a_second_predicate_after_but_is_a_line_with_its_subject():
    lines = _lines("Togo is willing to discuss \"some technical points of the joint survey with its neighbours\" but "
                   "will keep its veto over the dam on the river, Foreign Minister Kodjo Adedze said on state radio "
                   "after another round of talks.")
    assert lines["Togo"] == ["Togo will keep its veto over the dam on the river"]
