"""Topic matching by stems and related terms, free-text queries, and topic discovery."""
from summarizer import Party, Profile
from summarizer.analysis import analyze
from summarizer.briefing import brief
from summarizer.model import Topic
from summarizer.search import ClaimSearch
from summarizer.topics import TopicMatcher, discover_topics, find_topic, is_anaphoric, slug, stems_of
from tests.builders import briefing, document, holders_of

TOPICS = (Topic("water-sharing", ("river", "dam", "water share"), "Water sharing"),
          Topic("compensation", ("compensation", "damages")))


def test_stems_make_inflected_forms_meet():
    assert stems_of("negotiations") == stems_of("negotiating")
    assert stems_of("The dams").strip().split()[-1] == stems_of("dam").strip()


def test_a_keyword_counts_once_whatever_its_form():
    matcher = TopicMatcher.build(TOPICS[0])
    assert matcher.score(stems_of("The dams on the river")) == matcher.score(stems_of("a dam on a river")) == 2.0


def test_a_multi_word_keyword_matches_only_as_a_phrase():
    matcher = TopicMatcher.build(TOPICS[0])
    assert matcher.score(stems_of("their water share")) > matcher.score(stems_of("share the water"))


def test_related_terms_reach_beyond_the_keywords():
    matcher = TopicMatcher.build(Topic("ceasefire"))
    assert matcher.score(stems_of("a truce was agreed")) > 0
    assert matcher.score(stems_of("the harvest was late")) == 0


def test_a_query_finds_a_topic_by_key_title_or_keyword():
    assert find_topic(TOPICS, "water sharing").key == "water-sharing"
    assert find_topic(TOPICS, "Water-Sharing").key == "water-sharing"
    assert find_topic(TOPICS, "damages").key == "compensation"


def test_free_words_make_an_ad_hoc_topic_of_their_content_words():
    topic = find_topic(TOPICS, "fishing rights in the delta")
    assert topic.key == "fishing-rights-in-the-delta"
    assert {"fishing", "rights", "delta"} <= set(topic.keywords)
    assert "the" not in topic.keywords


def test_slug_and_anaphora():
    assert slug("  Security Guarantees! ") == "security-guarantees"
    assert is_anaphoric("Russia has opposed this move")
    assert not is_anaphoric("Russia has opposed the treaty")


def test_discovery_keeps_subjects_several_statements_touch_and_merges_overlaps():
    stems = [stems_of(s) for s in ("tariffs on steel will rise", "new tariffs were announced",
                                   "the tariff war hurts trade", "a ceasefire held")]
    keys = [t.key for t in discover_topics(stems)]
    assert keys and keys[0] in ("tariffs", "trade")
    assert "ceasefire" not in keys  # touched by one statement only


def test_a_topic_named_by_its_words_alone_reaches_derived_words_and_a_wider_thesaurus():
    asked = find_topic((), "suspension")
    assert asked.guessed
    matcher = TopicMatcher.build(asked)
    assert matcher.score(stems_of("the court may suspend the licence")) > 0
    assert TopicMatcher.build(find_topic((), "wages")).score(stems_of("a 9% pay rise")) > 0
    assert TopicMatcher.build(find_topic((), "kidnappings")).score(stems_of("the kidnappers fled")) > 0
    # a territory's future, an alliance's ties, an economy: subjects of disputes beyond war and trade
    assert TopicMatcher.build(find_topic((), "self-determination")).score(stems_of("we want our independence")) > 0
    assert TopicMatcher.build(find_topic((), "alliance relations")).score(stems_of("he chided the allies")) > 0
    assert TopicMatcher.build(find_topic((), "economy")).score(stems_of("it would be better economically")) > 0


def test_a_topic_the_user_gave_keywords_for_stays_with_them():
    matcher = TopicMatcher.build(Topic("debt", ("loans",)))  # 'creditors' is in the auto-only thesaurus
    assert matcher.score(stems_of("the creditors met in Paris")) == 0
    assert TopicMatcher.build(Topic("suspension", ("halt",))).score(stems_of("they may suspend it")) == 0


def test_a_definite_noun_that_refers_back_is_anaphora():
    assert is_anaphoric("The regulator rejected that account")
    assert is_anaphoric("The union dismissed the offer")
    assert not is_anaphoric("The union said that wages must rise")
    # a regulator's or a court's act, named again: what it was about was said before
    assert is_anaphoric("The carmaker slammed the EU order, saying it would hurt drivers")
    assert is_anaphoric("The ministry welcomed the ruling")


_FRAMED = ("Lowland and Upland agree to a truce after border clashes\n"
           "Lowland and Upland agreed to a truce on Sunday after a week of shelling. "
           "Lowland's prime minister said the army had met its goals. "
           "Upland said the border must be redrawn before any truce.")


def test_without_keywords_a_headline_about_the_topic_lends_it_to_a_party_that_names_it_nowhere():
    profile = Profile(parties=(Party("Lowland"), Party("Upland")))
    analysis = analyze([document(_FRAMED)], profile)
    shown = {p.name: [s.quote for pos in p.positions for s in pos.sources] for p in brief(analysis, "truce").parties}
    assert any("met its goals" in q for q in shown["Lowland"])
    assert shown == {p.name: [s.quote for pos in p.positions for s in pos.sources]
                     for p in ClaimSearch.build(analysis).brief("truce").parties}


def test_with_keywords_the_headline_lends_nothing():
    b = briefing(_FRAMED, "truce", parties={"Lowland": [], "Upland": []}, topics={"truce": ["truce"]})
    assert holders_of(b, "met its goals") == set()


def test_a_topic_touched_only_through_one_borrowed_term_is_not_discovered():
    # 'alliance' (of island states) is a term related to NATO, 'deal' one of several topics: neither names them
    stems = [stems_of(t) for t in ("The Alliance of Island States wants a deal on emissions",
                                   "The alliance said the emissions deal must be fair",
                                   "Negotiations on emissions will resume, the EU said",
                                   "Saudi Arabia said negotiations should slow down")]
    assert [t.key for t in discover_topics(stems)] == ["negotiations"]


def test_a_story_whose_topics_are_all_borrowed_still_gets_its_strongest_one():
    stems = [stems_of(t) for t in ("Laos said the talks on the dam were useful", "Thailand wants talks to resume",
                                   "Cambodia said the talks had failed")]
    assert [t.key for t in discover_topics(stems)] == ["negotiations"]


def test_the_subject_most_statements_touch_through_related_terms_is_discovered_as_the_frame():
    # 'deal' and 'agreement' are related terms of negotiations: no statement names it, most touch it
    stems = [stems_of(t) for t in ("Norland welcomed the deal", "Sudmark said the agreement was historic",
                                   "Westmark backed the deal", "The opposition said the deal was a sell-out",
                                   "Sudmark wants sovereignty over every island",
                                   "Norland said the islands' territory was settled")]
    assert [t.key for t in discover_topics(stems)] == ["negotiations", "territory"]


def test_violence_and_its_escalation_are_about_the_fighting():
    matcher = TopicMatcher.build(Topic("fighting", ("offensive", "siege"), "Fighting and sieges"))
    assert matcher.score(stems_of("grave concern over the escalating violence")) > 0
    assert matcher.score(stems_of("grave concern over the price of bread")) == 0


def test_a_topic_named_by_a_demonym_also_matches_the_country_s_name():
    topic = Topic(key="norwegian_quotas", title="Norwegian quotas", keywords=("Norwegian quotas", "catch limits"))
    matcher = TopicMatcher.build(topic)
    assert matcher.score(stems_of("The ministers rejected Norway's quotas for the coming season.")) >= 1.0
    assert matcher.score(stems_of("Norway said the talks would resume.")) > 0  # the topic's own word, as a name
    assert matcher.score(stems_of("The ministers met in Paris.")) == 0
