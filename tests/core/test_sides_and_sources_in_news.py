"""Rules found on two more stories of real news (a border war between neighbours and its truce, a territorial
claim before a world court), each checked on sentences written for the test: an official described by where he
works, the side a sentence opens with, and 'revealed that' as a verb of saying."""
from summarizer.lines import is_stance
from summarizer.model import Party
from summarizer.parties import build_lexicon
from tests.builders import lines_by_party, statements

PARTIES = {"Ghana": ["Ghana", "Ghanaian", "Accra"], "Togo": ["Togo", "Togolese", "Lome"]}
TOPICS = {"trade": ["tariff", "trade", "exports"], "border": ["border", "troops", "ceasefire"]}


def _holders(text: str) -> list[str]:
    return [st.holder for st in statements(text, PARTIES)]


def test_an_official_described_by_the_talks_he_is_involved_in_speaks_for_his_country():
    text = ("An anonymous senior Ghanaian official involved in the talks said that Ghana would welcome a lower "
            "tariff rate than its neighbours.")
    assert _holders(text) == ["Ghana"]
    assert lines_by_party(text, "trade", PARTIES, TOPICS)["Ghana"] == [
        "Ghana would welcome a lower tariff rate than its neighbours"]


def test_a_diplomat_based_in_another_capital_speaks_for_his_own_country():
    assert _holders("A Togolese diplomat based in Accra said that the border should reopen next week.") == ["Togo"]


def test_an_untitled_minister_after_an_opening_side_speaks_for_that_side():
    text = ("Togo said its troops would stay on the border.\n\n"
            "On the Ghanaian side, Finance Minister Kofi Arhin reiterated that the negotiators had offered terms on "
            "exports that were acceptable to the government.")
    assert lines_by_party(text, "trade", PARTIES, TOPICS) == {
        "Ghana": ["Finance Minister Kofi Arhin reiterated that the negotiators had offered terms on exports that were "
                  "acceptable to the government"]}


def test_revealed_that_is_a_verb_of_saying():
    assert is_stance("A senior Togolese official revealed that Togo would welcome a lower tariff rate")
    assert _holders("A senior Togolese official revealed that the troops would leave the border.") == ["Togo"]


COURT = {"Ghana": ["Ghana", "Ghanaian", "Accra"], "West African Court": ["West African Court", "WAC"],
         "COSAC": ["COSAC", "Coastal Community"]}


def test_judges_or_officials_at_a_body_speak_for_the_body():
    assert [st.holder for st in statements("Judges at the West African Court on Friday ordered Ghana to halt work "
                                           "on the dam.", COURT)] == ["West African Court"]
    assert [st.holder for st in statements("Officials at the West African Court said the hearing would resume.",
                                           COURT)] == ["West African Court"]
    assert statements("Diplomats at the Ghana border said the crossing was closed.", COURT) == []


def test_a_body_named_like_a_person_lends_no_surname_to_a_common_noun():
    lexicon = build_lexicon(tuple(Party(n, tuple(a)) for n, a in COURT.items()), [])
    found = lexicon.find("the acting chair of the Community of Sahel and Savanna States, Ami Tene, will mediate")
    assert [m.party for m in found] == []
    assert [m.party for m in lexicon.find("the Coastal Community said")] == ["COSAC"]


def test_a_leader_named_again_by_his_given_name_before_a_relative_clause_is_the_same_person():
    from summarizer import Profile
    from summarizer.analysis import analyze
    from tests.builders import document
    text = ("Togo agreed in principle with Ghanaian prime minister Kofi Mensah’s offer to mediate in the conflict.\n\n"
            "Kofi, who spoke to both prime ministers on Thursday evening, had said the two leaders had agreed to a "
            "ceasefire.")
    analysis = analyze([document(text)], Profile())
    assert [c.statement.holder for c in analysis.claims if c.statement.sentence.text.startswith("Kofi")] == ["Ghana"]


def test_wanting_the_conflict_to_end_is_about_a_ceasefire():
    text = '"We want the conflict to end as soon as possible," Togolese Foreign Minister Ama Dede said in a statement.'
    assert lines_by_party(text, "border", PARTIES, {"border": ["ceasefire", "truce"], "trade": ["tariff"]}) == {
        "Togo": ["Dede: “We want the conflict to end as soon as possible”"]}


def test_a_place_given_as_an_example_in_the_object_does_not_take_the_participle_after_it():
    parties = {"Togo": ["Togo"], "Ghana": ["Ghana"], "Amar Isles": ["Port Amar"]}
    text = ("Last October, Togo had welcomed the agreement between Ghana and its neighbour on the return of the "
            "islands, including Port Amar, emphasising that the treaty ends the dispute.")
    assert {st.holder for st in statements(text, parties)} == {"Togo"}
