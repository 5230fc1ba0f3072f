"""A topic outside the story's own (a free-text query, and every topic asked for in auto mode) gets the lines that
are about it, not every line that brushes against it (issue 9, item 7): the query competes with the story's
topics, and a headline lends its topic only to a line that states no other one. Sentences written for the tests."""
from summarizer.analysis import analyze
from summarizer.briefing import brief
from tests.builders import document, profile

PARTIES = {"Norland": ["Norland", "Oslavik"], "Sudria": ["Sudria", "Sudrian"]}
TOPICS = {"water": ["water", "river", "flow"], "power": ["electricity", "power exports", "hydropower"]}


def _quotes(texts: str | list[str], query: str, topics=TOPICS, parties=PARTIES) -> set[str]:
    texts = [texts] if isinstance(texts, str) else texts
    docs = [document(t, id=f"doc{i}.txt") for i, t in enumerate(texts)]
    b = brief(analyze(docs, profile(parties, topics)), query)
    return {s.quote for p in b.parties for pos in p.positions for s in pos.sources}


def test_a_line_more_about_a_story_topic_is_not_shown_under_a_query_it_only_brushes():
    text = ("Norland said the river flow past its dams would fall by half, leaving the workforce idle.\n\n"
            "Sudria warned of layoffs at its cement plants.")
    quotes = _quotes(text, "jobs")
    assert any("layoffs" in q for q in quotes)
    assert not any("river flow" in q for q in quotes)


def test_a_line_naming_the_query_itself_stays_under_it_beside_a_heavier_story_topic():
    text = "Norland said hydropower and electricity sales would pay for new hospitals."
    assert any("new hospitals" in q for q in _quotes(text, "hospitals"))


def test_a_query_that_ties_with_a_story_topic_keeps_the_line():
    text = "Sudria said the river decides the future of every farm in the south."  # one word of the query each
    assert any("every farm" in q for q in _quotes(text, "farm subsidies"))


def test_a_story_topic_sharing_a_term_with_the_query_does_not_compete_with_it():
    topics = {"diplomacy": ["negotiations", "summit", "envoy"]}
    text = "Norland said it would send its envoy to the summit with a new offer."
    assert any("new offer" in q for q in _quotes(text, "talks", topics))


def test_the_subject_most_statements_touch_frames_the_story_and_leaves_its_facets_their_lines():
    parties = {"Opposition Alliance": ["the opposition"], "Electoral Board": ["the board"]}
    text = ("The opposition demanded in a petition that votes from every polling station be checked again.\n\n"
            "The board said the election had been free and fair and that turnout reached 70%.\n\n"
            "The opposition said voters in the north had been turned away from polling stations.")
    assert any("in a petition" in q for q in _quotes(text, "recount", topics={}, parties=parties))


def test_a_headline_lends_its_topic_to_a_reaction_but_not_to_a_line_on_another_topic():
    text = ("Norland and Sudria clash over farm subsidies\n"
            "Norland rejected the plan outright.\n\n"
            "Sudria said it would halt electricity exports to Norland next month.")
    quotes = _quotes(text, "subsidies")
    assert "Norland rejected the plan outright." in quotes
    assert not any("electricity exports" in q for q in quotes)


def test_a_free_text_query_on_a_deal_finds_an_agreement_and_on_sovereignty_a_threat_to_take_back():
    from tests.builders import briefing
    text = ["Island news\n\nTarvia welcomed the historic agreement on the fishing grounds.",
            "More island news\n\nMirenia threatened to take back the islands by force."]
    parties = {"Tarvia": ["Tarvia"], "Mirenia": ["Mirenia"]}
    assert [p.name for p in briefing(text, "deal", parties, None).parties] == ["Tarvia"]
    assert [p.name for p in briefing(text, "sovereignty", parties, None).parties] == ["Mirenia"]
