"""Several stories in one deployment: `/briefing [story] <topic>` and subscriptions per story, through the
real router, briefing services over real folders and a real SQLite store."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.app.commands import CommandContext, Router
from bot.app.desk import StoryDesk, story_source
from bot.app.ports import FreshBriefingSource
from bot.app.service import BriefingService
from bot.app.story_router import story_choices
from bot.cli.basics import build_desk
from bot.cli.wiring import build_router
from bot.infra.documents import DocumentFolder
from bot.infra.store import Store
from config.settings import Settings
from tests.stories_desk import write_stories

HERE = CommandContext(platform="slack", channel="C1", user="U1", team="T1")

pytestmark = pytest.mark.usefixtures("clean_env")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, documents=write_stories(tmp_path / "stories"),
                    database_url=f"sqlite:///{tmp_path / 'store.sqlite3'}", timezone="UTC")


@pytest.fixture
def desk(settings: Settings) -> StoryDesk:
    return build_desk(settings)


@pytest.fixture
def router(settings: Settings, desk: StoryDesk) -> Router:
    return build_router(settings, desk)


def parties(reply) -> list[str]:
    return [p.name for p in reply.briefing.parties if p.positions]


def test_each_story_folder_is_a_story_with_its_own_parties(desk):
    assert desk.names == ("baltic", "ukraine") and desk.several and desk.named
    assert {t.key for t in desk.stories["ukraine"].topics()} == {"nato", "grain"}
    assert {t.key for t in desk.stories["baltic"].topics()} == {"nato", "ports"}


def test_named_story_briefs_that_story_only(router):
    ukraine = router.handle("ukraine nato", HERE)
    assert parties(ukraine) == ["Ukraine", "Russia"] and ukraine.briefing.title.startswith("ukraine · ")
    baltic = router.handle("Baltic nato", HERE)  # the story's name in any case
    assert parties(baltic) == ["Estonia", "Finland"] and baltic.briefing.title.startswith("baltic · ")


def test_a_topic_of_one_story_needs_no_story_name(router):
    assert parties(router.handle("grain", HERE)) == ["Ukraine", "Russia"]
    assert parties(router.handle("ports", HERE)) == ["Estonia", "Finland"]
    words = router.handle("undersea cables", HERE)  # free words found in one story only
    assert parties(words) == ["Estonia"] and words.briefing.title.startswith("baltic · ")


def test_an_ambiguous_topic_is_answered_with_a_question(router):
    reply = router.handle("nato", HERE)
    assert reply.briefing is None and reply.ephemeral
    assert reply.message == "“nato” is a topic of two stories: `baltic`, `ukraine`. Try `/briefing baltic nato`."
    assert reply.suggestions == ("baltic", "ukraine")


def test_option_words_do_not_choose_the_story(router):
    """`name:value` words (options such as `since:24h`) go to the story's own Router, not into the story choice."""
    assert router.handle("grain since:24h", HERE).briefing.title.startswith("ukraine · ")
    assert router.handle("nato since:24h", HERE).message.startswith("“nato” is a topic of two stories")


def test_story_alone_is_its_overview_and_nothing_lists_the_stories(router):
    overview = router.handle("ukraine", HERE)
    assert overview.briefing.topic is None and parties(overview) == ["Ukraine", "Russia"]
    listing = router.handle("", HERE)
    assert listing.briefing is None and listing.ephemeral
    assert "• `baltic`: nato, ports" in listing.message and "• `ukraine`: nato, grain" in listing.message


def test_unknown_topic_and_help_name_the_stories(router):
    unknown = router.handle("fisheries quotas", HERE)
    assert unknown.ephemeral and "in any story" in unknown.message and "`baltic`, `ukraine`" in unknown.message
    assert all(s.split()[0] in ("baltic", "ukraine") for s in unknown.suggestions)  # `story topic` pairs
    inside = router.handle("ukraine ports", HERE)  # a topic of the other story
    assert "in the story `ukraine`" in inside.message and "`ukraine nato`" in inside.message
    help_text = router.handle("help", HERE).message
    assert "`baltic`, `ukraine`" in help_text and "/briefing subscribe [story] [topic]" in help_text


def test_autocomplete_pairs_stories_and_their_topics(desk):
    everything = story_choices(desk, "")
    assert ("ukraine · overview", "ukraine") in everything
    assert ("baltic · Port security", "baltic ports") in everything
    assert {value for _, value in story_choices(desk, "ukr na")} == {"ukraine nato"}
    assert [value for _, value in story_choices(desk, "grain")] == ["ukraine grain"]
    assert story_choices(desk, "qqqq")  # nothing contains it: the closest pairs instead
    assert all(len(name) <= 100 and len(value) <= 100 for name, value in everything)


def test_one_story_root_answers_as_before(tmp_path):
    write_stories(tmp_path)
    folder = tmp_path / "ukraine"
    service = BriefingService(DocumentFolder(folder))
    settings = Settings(_env_file=None, documents=folder, database_url=f"sqlite:///{tmp_path / 's.sqlite3'}")
    desk = build_desk(settings)
    assert not desk.named and not desk.several
    router = build_router(settings, desk)
    for text in ("nato", "", "natoo"):
        assert router.handle(text, HERE) == Router(service).handle(text, HERE)


# --- subscriptions per story ----------------------------------------------------------------------------

def test_a_subscription_per_story(router, settings):
    first = router.handle("subscribe ukraine nato at 07:00", HERE)
    assert first.message.startswith("Subscribed #1: the ukraine · nato briefing, 07:00")
    second = router.handle("subscribe baltic nato at 07:00", HERE)  # same topic and time, other story
    assert second.message.startswith("Subscribed #2: the baltic · nato briefing")
    implied = router.handle("subscribe ports at 09:00", HERE)
    assert implied.message.startswith("Subscribed #3: the baltic · ports briefing")
    overview = router.handle("subscribe ukraine", HERE)
    assert overview.message.startswith("Subscribed #4: the ukraine · overview briefing")
    again = router.handle("subscribe ukraine nato at 07:00", HERE)
    assert again.ephemeral and "already has that daily briefing: #1" in again.message
    store = Store(settings.database_url)
    assert [(s.story, s.topic) for s in store.list()] == [("ukraine", "nato"), ("baltic", "nato"),
                                                          ("baltic", "ports"), ("ukraine", None)]
    listing = router.handle("subscriptions", HERE).message
    assert "#1 · ukraine · nato" in listing and "#2 · baltic · nato" in listing
    store.close()


def test_subscribing_to_an_ambiguous_or_unknown_topic_asks(router, settings):
    ambiguous = router.handle("subscribe nato at 07:00", HERE)
    assert ambiguous.ephemeral and "“nato” is a topic of two stories" in ambiguous.message
    assert "`/briefing subscribe baltic nato`" in ambiguous.message
    unknown = router.handle("subscribe ukraine ports", HERE)
    assert unknown.ephemeral and "Unknown topic “ports”" in unknown.message
    which = router.handle("subscribe", HERE)
    assert which.ephemeral and "`/briefing subscribe <story> [topic]`" in which.message
    assert Store(settings.database_url).list() == []


def test_story_source_posts_the_subscriptions_story(desk):
    ukraine = story_source(desk, "ukraine", "nato").brief("nato")
    assert [p.name for p in ukraine.parties if p.positions] == ["Ukraine", "Russia"]
    assert ukraine.title.startswith("ukraine · ")
    assert isinstance(story_source(desk, "ukraine"), FreshBriefingSource)  # the index's 'changes' still there
    implied = story_source(desk, None, "grain").brief("grain")  # made before stories: the topic's story
    assert [p.name for p in implied.parties if p.positions] == ["Ukraine", "Russia"]
