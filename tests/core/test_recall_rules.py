"""Rules that let a profile briefing find more of each party's positions (issue 9, item 5), each on sentences
written for the test: officials named by a title alone, 'she' after an apposition, coordinated subjects with
articles, reactions that lean on the sentence before or on the story's headline, two complements of one 'said'.
"""
from summarizer.analysis import analyze
from summarizer.attribution import extract
from summarizer.model import Party
from summarizer.parties import build_lexicon
from summarizer.relevance import TopicAssigner
from summarizer.text import split_sentences
from tests.builders import briefing, document, profile

ISLES = {"Peru": ["Peruvian", "Lima"], "Chile": ["Chilean", "Santiago"],
         "Harbour Union": ["dockers' union"], "Coastal League": ["the league"]}
TOPICS = {"fishing": ["fishing", "catch", "quota"], "ports": ["port", "harbour", "port access"],
          "talks": ["talks", "negotiations"]}


def holders_of(text: str, fragment: str, parties: dict[str, list[str]] = ISLES) -> set[str]:
    lexicon = build_lexicon(tuple(Party(n, tuple(a)) for n, a in parties.items()), [text])
    return {s.holder for s in extract(split_sentences("doc", text), lexicon) if fragment in s.sentence.text}


def lines(text: str, topic: str, party: str) -> list[str]:
    return [pos.text for p in briefing(text, topic, ISLES, TOPICS).parties if p.name == party
            for pos in p.positions]


def test_an_official_of_no_named_country_speaks_for_the_country_the_sentence_before_names():
    text = ("Chile closed its waters to foreign trawlers on Monday.\n"
            "Fisheries Secretary Dana Kell said the closure would last until the stock recovers.")
    assert holders_of(text, "the closure would last") == {"Chile"}


def test_an_official_after_a_stance_speaks_for_its_holder_not_for_a_party_in_the_quote():
    text = ("Chilean officials accused Peru of overfishing.\n"
            "Peru has no right to fish there, the foreign ministry spokesman Ivo Brand said.")
    assert holders_of(text, "no right to fish there") == {"Chile"}


def test_a_country_named_earlier_in_the_official_s_own_clause_wins_over_the_sentence_before():
    text = ("Peru rejected the new rules on Monday.\n"
            "Chile's parliament passed the rules last week, and President Lena Varo said her government "
            "would enforce them.")
    assert holders_of(text, "would enforce them") == {"Chile"}


def test_a_former_official_or_two_candidate_countries_gives_no_holder():
    text = ("Peru and Chile met in Valparaiso.\n"
            "Prime Minister Tomas Ried said the meeting had gone well.")
    assert holders_of(text, "the meeting had gone well") == set()


def test_she_after_an_apposition_speaks_for_the_body_the_person_spoke_for():
    text = ("The league's chairwoman, Mira Sand, defended the quota.\n"
            "She said every vessel had been inspected and that no catch was landed illegally.")
    assert holders_of(text, "every vessel had been inspected") == {"Coastal League"}


def test_both_parts_of_a_coordinated_subject_with_articles_hold_the_stance():
    text = "The league and the dockers' union are pushing for every port to reopen before winter."
    assert holders_of(text, "every port to reopen") == {"Coastal League", "Harbour Union"}


def test_examples_after_such_as_are_not_a_coordinated_subject():
    text = "Peru said large fleets such as Chile and the league's trawlers should pay for the survey."
    assert holders_of(text, "should pay for the survey") == {"Peru"}


def test_her_party_opening_a_line_is_the_party_itself():
    text = ("Union leader Sara Holm welcomed the ruling.\n"
            "Her union called on members to stay calm while the talks continued.")
    parties = {"Harbour Union": ["Sara Holm", "dockers' union"], "Peru": ["Peruvian"]}
    found = [pos.text for p in briefing(text, "talks", parties, TOPICS).parties for pos in p.positions]
    assert found == ["The Harbour Union called on members to stay calm while the talks continued"]


def test_a_reaction_to_the_offer_takes_the_topic_of_the_sentence_before():
    text = ("Peru offered to cut its mackerel quota by a fifth if Chile reopened the talks.\n\n"
            "Chile rejected that approach.")
    assert lines(text, "fishing", "Chile") or lines(text, "talks", "Chile")


def test_a_short_reaction_naming_no_topic_goes_under_the_headline_topic():
    text = ("Chile closes port to Peruvian trawlers\n"
            "Chile closed the port of Valparaiso to Peruvian trawlers on Sunday.\n\n"
            "Peru condemned the decision as unlawful.")
    assert lines(text, "ports", "Peru") == ["Peru condemned the decision as unlawful"]
    assert not lines(text, "fishing", "Peru")


QUOTA_CUT = ("Chile said on Monday it would halve the mackerel quota for Peruvian trawlers.\n\n"
             "President Ana Quispe was in Cusco on a state visit. "
             "Peru's foreign minister called the decision unlawful.")


def test_a_reaction_whose_paragraph_names_no_topic_takes_the_one_its_headline_names():
    under_quota_headline = "Chile halves mackerel quota for Peruvian fleet\n" + QUOTA_CUT
    assert lines(under_quota_headline, "fishing", "Peru") == ["Peru's foreign minister called the decision unlawful"]
    assert not lines(under_quota_headline, "talks", "Peru")


def test_a_headline_naming_no_topic_or_two_places_no_reaction():
    for headline in ("Chile and Peru trade barbs", "Chile halves mackerel quota as port talks stall"):
        assert not any(lines(f"{headline}\n{QUOTA_CUT}", topic, "Peru") for topic in TOPICS), headline


def test_a_short_quotation_with_a_long_attribution_still_reacts_to_the_headline():
    text = ("Chile closes port to Peruvian trawlers\n"
            "Chile closed the port of Valparaiso to Peruvian trawlers on Sunday.\n\n"
            "“We will not be pushed around by a neighbour,” said Ana Quispe, Peru's foreign minister, speaking to "
            "reporters in Lima on Sunday evening.")
    assert lines(text, "ports", "Peru") == ["Quispe: “We will not be pushed around by a neighbour”"]


def test_a_long_sentence_naming_no_topic_does_not_borrow_the_headline():
    text = ("Chile closes port to Peruvian trawlers\n"
            "Chile closed the port of Valparaiso to Peruvian trawlers on Sunday.\n\n"
            "Peru said it would not be bullied by a neighbour that had broken every promise it made in "
            "the last ten years.")
    analysis = analyze([document(text)], profile(ISLES, TOPICS))
    assigner = TopicAssigner(analysis.topics, analysis.lexicon)
    claim = next(c for c in analysis.claims if "bullied" in c.statement.sentence.text)
    assert not assigner.topics_of(claim)


def test_two_complements_of_one_said_each_carry_their_topic():
    text = "The league said the harbour must stay open and that the quota was set too low."
    assert lines(text, "ports", "Coastal League") and lines(text, "fishing", "Coastal League")


def test_a_relative_aside_about_the_holder_does_not_set_the_topic():
    text = "Peru, which runs the largest fishing fleet in the region, offered to host talks in Lima."
    assert lines(text, "talks", "Peru") and not lines(text, "fishing", "Peru")


def test_a_quote_before_its_speaker_is_one_stance_with_every_clause():
    text = ('Chile closed the harbour on Sunday.\n'
            '"We want the boats back at sea, but we cannot accept a quota that ruins us," '
            'the Chilean fisheries minister said.')
    assert lines(text, "fishing", "Chile")


def test_a_topic_named_after_the_verb_of_a_clause_is_a_stance_on_it_too():
    text = "The league said the quota talks had failed to reopen the port."
    assert lines(text, "fishing", "Coastal League") and lines(text, "ports", "Coastal League")


def test_a_topic_inside_a_modifier_after_the_verb_stays_with_the_head_topic():
    text = "The league said the quota had lost track of landings at the port."
    assert lines(text, "fishing", "Coastal League") and not lines(text, "ports", "Coastal League")


def test_a_topic_word_modifying_another_topic_s_word_is_not_a_stance_on_it():
    text = "Chile called for limits on fishing near the port of Arica."
    assert lines(text, "fishing", "Chile") and not lines(text, "ports", "Chile")
