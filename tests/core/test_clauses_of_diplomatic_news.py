"""Rules found by reading real news on six more stories the bot had not seen (a border treaty between two
neighbours, a territorial claim before a world court, an EU-brokered normalisation, rebels and a neighbour's
army, a flare-up between two nuclear neighbours, tariffs on cars), each checked on sentences written for the
test: relative clauses, a list after a preposition, gerunds after a preposition, lines that say only when,
quotations with no speaker outside them, and a body named after a country's possessive."""
from summarizer.attribution.discourse import Discourse
from summarizer.attribution.view import SentenceView
from summarizer import compress as c
from summarizer.lines import is_stance
from summarizer.model import Party
from summarizer.parties import build_lexicon
from summarizer.standalone import relative_object
from summarizer.text import split_sentences
from tests.builders import briefing, lines_by_party, statements
from tests.builders import every_line as all_lines

PARTIES = {"Norvia": ["Norvian", "Lindqvist", "Elsa Lindqvist"],
           "Sardon": ["Sardonian", "Karsk", "Ivo Karsk"],
           "Union": ["EU", "European Union", "Brussels"],
           "Arkadia": ["Arkadian", "Washington"],
           "Torr Front": ["TF", "Torr rebels"]}
TOPICS = {"border": ["border", "region", "territory", "claim"], "talks": ["talks", "plan", "deal", "agreement"],
          "ceasefire": ["ceasefire", "truce", "fighting", "attack"]}


def extracted(text: str, parties: dict[str, list[str]] = PARTIES) -> list:
    return statements(text, parties)


def lines(text: str, topic: str | None) -> dict[str, list[str]]:
    return lines_by_party(text, topic, PARTIES, TOPICS)


def every_line(text: str) -> dict[str, set[str]]:
    return all_lines(text, PARTIES, TOPICS)


def test_a_relative_clause_after_a_noun_is_no_line_of_its_subject_and_leaves_no_dangling_that():
    text = ("Arkadian envoy Max Rowe pledged support for Norvia in a growing dispute over the fertile Vale region "
            "that Sardon is now claiming after a referendum.")
    found = every_line(text)
    assert "Sardon" not in found  # 'Sardon is now claiming after a referendum' says nothing whole
    assert all(not line.endswith(" that") for line in found["Arkadia"])
    assert any(line.endswith("over the fertile Vale region") for line in found["Arkadia"])


def test_a_relative_clause_whose_object_is_put_back_still_gives_its_subject_a_line():
    assert relative_object("that Sardon calls the Northern March", "fighting broke out in the valley") \
        == "Sardon calls the valley the Northern March"
    # a noun in -s after a name is no verb to rebuild around ('that Norvian troops will leave')
    assert relative_object("that Norvian troops will leave by May", "in the next hours") \
        == "that Norvian troops will leave by May"


def test_a_reported_clause_after_and_that_is_not_rebuilt_as_a_relative_one():
    text = ("Norvian leader Elsa Lindqvist announced that the envoy to Sardon will return home in the next hours, "
            "and that Norvian troops will leave the border region by the end of the year.")
    found = every_line(text)["Norvia"]
    assert not any("the next hours will" in line for line in found)
    assert any("Elsa Lindqvist announced that the envoy to Sardon will return" in line for line in found)


def test_a_name_in_a_list_after_a_preposition_is_no_subject_of_the_participle_after_it():
    text = ("Arkadian President Lee Moss hails the ceasefire between Norvia and Sardon, saying he will now work "
            "with leaders of both countries to settle the border dispute.")
    found = every_line(text)
    assert "Sardon" not in found and "Norvia" not in found
    assert any("hails the ceasefire between Norvia and Sardon" in line for line in found["Arkadia"])


def test_what_someone_called_is_his_own_clause_s_not_a_segment_of_its_own():
    text = ("Arkadian President Lee Moss has expressed his willingness to mediate the border dispute between Norvia "
            "and Sardon, suggesting that a deal may be possible to settle what he called “a thousand years” of "
            "feuding.")
    spans = [st.sentence.text[st.start:st.end].strip(" ,") for st in extracted(text)]
    assert not any(span.startswith(("he called", "what he called")) for span in spans)
    assert "Sardon" not in every_line(text)  # nor is the participle after 'Norvia and Sardon' theirs
    found = every_line("Norvian leader Elsa Lindqvist also published what she called her vision for the border "
                       "region on Tuesday.")
    assert any("published what she called her vision" in line for line in found["Norvia"])


def test_a_verb_right_before_a_modal_lost_its_object_to_a_relative_pronoun():
    assert not is_stance("Arkadia and the Union had warned could escalate into violence")
    assert not is_stance("Norvia has said would be unacceptable")
    # a verb of saying between commas is an aside, not a gap
    assert is_stance("Sardon's demands, Norvia said, were unacceptable")


def test_a_speaker_and_a_time_say_nothing():
    assert not is_stance("The Arkadian Treasury's Office of Foreign Assets Control said Thursday")
    assert not is_stance("The foreign ministry said on Monday")
    assert is_stance("The Chinese subsidies introduced a bias into the market, Lindqvist said")
    # what was said stands in the quotation before the verb of saying
    assert is_stance("The Norvian government “respects the findings of the [UN] report,” Norvia’s minister told the "
                     "press briefing Friday")


def test_a_gerund_after_a_preposition_is_the_accuser_s_claim_not_the_accused_s_stance():
    text = ("Sardonian President Ivo Karsk has pledged a strong military response to attacks by Torr rebels, "
            "accusing Norvia of backing the group and condemning the region's leaders for their silence.")
    found = every_line(text)
    assert "Norvia" not in found
    assert all(not line.endswith("accusing") for line in found["Sardon"])


def test_a_base_form_after_the_and_a_name_is_a_noun():
    text = ("Although tentatively agreeing on the EU plan reached last month, Sardonian President Ivo Karsk "
            "seemed to backtrack on some of its points after pressure from hardliners.")
    assert "Union" not in every_line(text)


def test_a_base_form_after_one_name_is_a_noun_after_two_a_verb():
    assert not is_stance("TF support for the rebels")
    assert is_stance("Norvia and Sardon want a lasting truce on the border")


TRADE = {"Commission": ["European Commission", "Brussels", "Maris Ode"],
         "Cathay": ["Cathayan", "Ministry of Commerce", "Cathayan government"],
         "Carmakers": ["VDA", "Volkau", "European carmakers"],
         "Germany": ["German government", "Berlin"]}
TARIFFS = {"tariffs": ["tariff", "duties", "vote", "negotiations", "talks"]}


def trade_lines(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for topic in ("tariffs", None):
        for p in briefing(text, topic, TRADE, TARIFFS).parties:
            out.setdefault(p.name, set()).update(pos.text for pos in p.positions)
    return out


def test_a_quotation_under_a_label_with_no_speaker_is_no_party_s_named_inside_it():
    text = ("Reactions to the vote:\n\nVOLKAU CHIEF EXECUTIVE:\n\n"
            '"The Commission\'s decision is not constructive and may hinder trade relations with Cathay."\n\n'
            '"Today, the European Commission is planning to tax the cars we sell with new duties."')
    assert "Commission" not in trade_lines(text)


def test_a_quotation_after_a_verb_that_is_no_cue_gives_no_one_named_in_it_the_words():
    text = ('He continued, "Such demands for self-rule do not come from the people of the valley. Only Sardon '
            'wants this border redrawn, but that is not possible."')
    assert "Sardon" not in every_line(text)


def test_a_quotation_opened_with_one_mark_and_closed_with_the_other_is_closed():
    text = '"Norvia wants to keep the valley and will never give the border region back,” Karsk said in the capital.'
    assert every_line(text) == {"Sardon": {"Karsk: “Norvia wants to keep the valley and will never give the border "
                                           "region back”"}}


def test_a_they_inside_a_quotation_is_not_the_speaker():
    text = ('EU envoy Ana Prel met both leaders in Brussels on Tuesday.\n\n"But, even if they disagreed, they agreed '
            'to start talks on the status of the border region in the near future, taking this first draft as a '
            'starting point for all the discussions," she added.')
    assert not any(line.startswith(("The Union agreed", "The European Union agreed", "EU agreed"))
                   for line in every_line(text).get("Union", ()))


def test_the_spokesperson_after_an_opening_clause_is_not_the_subject_of_that_clause():
    text = ("Noting that the Commission is still willing to continue talks on a minimum price, the spokesperson said "
            "Cathay always advocates resolving trade disputes through negotiations.")
    holders = {st.holder for st in extracted(text, TRADE) if "always advocates" in st.sentence.text[st.start:st.end]}
    assert "Commission" not in holders


def test_a_body_named_after_a_country_s_possessive_is_the_holder():
    text = "Germany's VDA industry body said the duties increase the risk of a tariff war."
    found = trade_lines(text)
    assert "Germany" not in found and found["Carmakers"]


def test_according_to_a_speaker_is_no_line_s_opening_name():
    text = "According to Lindqvist, Norvia will suspend the border treaty that governs the shared valley."
    found = every_line(text)["Norvia"]
    assert not any(line.startswith("Lindqvist,") for line in found)


def test_a_numbered_plan_of_a_named_body_is_a_noun():
    text = ("They agreed last month to the wording of an 11-point EU plan to settle the border dispute after the "
            "war of the nineties.")
    assert "Union" not in every_line(text)


def test_a_holder_s_clause_after_even_though_is_its_line_not_the_main_clause_of_another():
    text = ("Norvia is also in diplomatic talks to persuade Sardon to take part in the border proceedings at the "
            "world court, even though Sardon does not recognise its jurisdiction.")
    found = every_line(text).get("Sardon", set())
    assert found and not any(line.startswith("Norvia is also") for line in found)


def test_a_region_is_not_the_country_whose_name_it_holds():
    lexicon = build_lexicon((Party("Arkadia", ("America", "Washington")),), ["x"])
    found = lexicon.find("Latin America must be a territory of peace, America said. North American leaders met.")
    assert [m.surface for m in found] == ["America"] and found[0].start == 44


def test_each_other_keeps_both_sides_of_its_subject():
    text = ("On Tuesday the Torr rebels — who have been tightening their grip on the border region for months — "
            "and the Sardonian army accused each other of violating an earlier ceasefire.")
    found = every_line(text)["Sardon"]
    assert found == {"The Torr rebels and the Sardonian army accused each other of violating an earlier ceasefire"}
    assert not is_stance("The Sardonian army accused each other of violating the ceasefire")
    assert is_stance("Sardon insists on the 1991 treaty, where the republics pledged to respect each other's borders")


def test_a_reported_clause_is_not_cut_between_its_subject_and_its_verb():
    text = ("The Torr Front had previously insisted that the truce's provisions, particularly the release of its "
            "fighters held by the Sardonian army, be carried out before broader peace talks could begin.")
    found = every_line(text)["Torr Front"]
    assert all(not line.endswith(("provisions", "the Sardonian army")) for line in found), found


def test_an_even_as_clause_goes_with_its_even():
    text = ("Arkadian President Lee Moss hailed a historic peace deal between Norvia and Sardon on Thursday, even "
            "as the two leaders voiced misgivings ahead of the signing.")
    assert all(not line.endswith(", even") for line in every_line(text)["Arkadia"])


def test_a_long_quotation_drops_a_trailing_phrase_and_keeps_its_marks_and_speaker():
    text = ('"The first order of business is to begin carrying out the plan for disarming the Torr Front along the '
            'border, to be followed by a lifting of Sardon\'s defensive measures," Norvian Foreign Minister Elsa '
            'Lindqvist said.')
    assert every_line(text)["Norvia"] == {"Lindqvist: “The first order of business is to begin carrying out the plan "
                                          "for disarming the Torr Front along the border”"}


def test_a_quotation_opened_after_a_verb_is_given_with_its_marks_never_as_the_line_s_own_words():
    text = ("A junior minister visited the border region on Friday.\n\n"
            "He also expressed that “Arkadia will continue to work with partners in the region, as well as through "
            "international bodies, to ensure the border is respected.”")
    found = every_line(text)["Arkadia"]
    assert found and all("“" in line for line in found), found
    assert not is_stance("Given that talks are ongoing between the negotiating parties")


def governed(text: str, parties: tuple[Party, ...], surface: str) -> bool:
    """Is the mention `surface` in the sentence `text` the object of a preposition?"""
    view = SentenceView.of(split_sentences("doc", text)[0], build_lexicon(parties, [text]), Discourse())
    return view.object_of_preposition(next(k for k, m in view.tok_mention.items() if m.surface == surface))


def test_a_person_after_with_and_a_nationality_is_governed_by_the_preposition():
    text = ("Addressing a press conference with Chilean President Lee Moss, the Peruvian prime minister warned that "
            "Peru would respond.")
    # so a later 'he said' is not Moss (Discourse.objects), whether or not his country is a party
    assert governed(text, (Party("Chile", ("Chilean", "Lee Moss")), Party("Peru", ("Peruvian",))), "Lee Moss")
    assert governed(text, (Party("Peru", ("Peruvian", "Rosa Vidal")), Party("Bolivia", ("Lee Moss",))), "Lee Moss")


def test_fragments_that_say_nothing_whole_are_no_lines():
    assert not is_stance("In which citizens would say whether the border region belongs to Sardon")
    assert not is_stance("A territory larger than the valley and rich in oil that Sardon claims as its own")
    assert not is_stance("The agreement, drafted by Norvia and supported by Arkadia")
    assert not is_stance("Norvia's interior minister stated that the border was under control but he did not say")
    assert not is_stance("Karsk said that after what he called a constructive meeting with Lindqvist in the capital")
    assert is_stance("The plan that Sardon proposed was rejected by Norvia")
    assert is_stance("The talks were supported by Arkadia")


def test_a_capital_s_dateline_without_spaces_goes():
    found = every_line("LINDAU—Norvia has outlined its demands for a final border treaty, calling for changes to the "
                       "map.")
    assert all(not line.startswith("LINDAU") for line in found["Norvia"]) and found["Norvia"]


def test_a_line_does_not_stop_before_an_aside_between_dashes_or_before_the_last_item_of_a_list():
    text = ("EU envoy Ana Prel had slammed Sardonian President Ivo Karsk and Norvian leader Elsa Lindqvist — but "
            "especially Lindqvist — for failing to defuse the border row.\n\n"
            "Lindqvist stressed that talks now focus on reopening the border on the basis of sovereignty, "
            "territorial integrity, and jurisdiction.")
    found = every_line(text)
    assert not any(line.endswith("Elsa Lindqvist") for line in found.get("Union", ()))
    assert not any(line.endswith(("sovereignty", "territorial integrity")) for line in found["Norvia"])


def test_a_bullet_opens_no_line_and_a_reported_clause_cut_before_a_parenthesis_is_no_line():
    assert c.drop_connectors("• Norvian defence advisers declared persona non grata") \
        == "Norvian defence advisers declared persona non grata"
    text = ("Norvian Foreign Secretary Elsa Lindqvist stated that a meeting of the Cabinet Committee on Security "
            "(CCS), the highest body on national security, had decided to suspend the border treaty.")
    assert not any(line.endswith("Committee on Security") for line in every_line(text)["Norvia"])


def test_a_time_after_later_or_earlier_goes_with_it():
    assert c.drop_time("Norvia's interior minister stated later Sunday that the border was calm") \
        == "Norvia's interior minister stated that the border was calm"


def test_a_denial_after_a_clause_denies_the_claim_not_the_clause_s_last_noun():
    assert relative_object("which Sardon denies", "Norvia accuses Sardon of backing the Torr rebels, ") \
        == "which Sardon denies"  # 'Sardon denies the Torr rebels' would misstate it: no line
    assert relative_object("which Sardon denies", "Norvia repeated the accusation, ") == "Sardon denies the accusation"
