"""`/briefing [story] <topic>` over a desk of several stories: the Router, with the story picked first."""
from __future__ import annotations

from bot.app.commands import HELP, Reply, Router, SubscriptionVerbs
from bot.app.desk import StoryDesk, quoted

CHOICE_LENGTH = 100  # characters of an autocomplete choice's name and value (Discord's limit)
STORY_HELP = ("This desk follows several stories: {stories}. Name the story first (`/briefing {first} <topic>`), "
              "or just the topic when only one story has it; `/briefing {first}` gives that story's overview and "
              "`/briefing` alone lists every story with its topics. Daily posts: "
              "`/briefing subscribe [story] [topic] [at HH:MM]`.")


class StoryRouter(Router):
    """The chat router over a StoryDesk. With one story it answers exactly as the plain Router does."""

    def __init__(self, desk: StoryDesk, subscriptions: SubscriptionVerbs | None = None) -> None:
        super().__init__(desk, subscriptions)
        self.desk = desk

    def help_text(self) -> str:
        if not self.desk.several:
            return HELP
        return HELP + "\n" + STORY_HELP.format(stories=quoted(self.desk.names), first=self.desk.names[0])

    def brief_reply(self, text: str) -> Reply:
        """The named or implied story's briefing; a question (ephemeral) when the story is ambiguous or unknown."""
        routed = self.desk.find(text)
        if not self.desk.several:  # one story: its name may be typed, else exactly the plain Router's answer
            return Router(routed.source).brief_reply(routed.topic or "")
        if routed.source is None:
            return Reply(message=routed.question, ephemeral=True, suggestions=routed.suggestions)
        briefing = self.desk.titled(routed)
        if not briefing.is_empty or routed.topic is None:
            return Reply(briefing=briefing)
        prefix = f"{routed.story} " if self.desk.several and routed.story else ""
        suggestions = tuple(prefix + key for key in routed.source.suggest(routed.topic))
        where = f" in the story `{routed.story}`" if self.desk.several and routed.story else ""
        others = f" Stories: {quoted(self.desk.names)}." if self.desk.several else ""
        return Reply(message=f"Nothing found on “{routed.topic}”{where}. Closest known topics: "
                             f"{quoted(suggestions) or 'none yet'}.{others} Try `/briefing help`.",
                     ephemeral=True, suggestions=suggestions)


def story_choices(desk: StoryDesk, typed: str, limit: int = 25) -> list[tuple[str, str]]:
    """Autocomplete (name, value) pairs: each story (its overview), then `story topic` pairs, every typed word
    found in the story's name or the topic's key, title or keywords; the closest pairs when none is."""
    words = typed.lower().split()
    offered: list[tuple[str, str, str]] = [(f"{name} · overview", name, name) for name in desk.names]
    per_story = [[(f"{name} · {topic.label}", f"{name} {topic.key}",
                   " ".join((name, topic.key, topic.label, *topic.keywords)))
                  for story, topic in desk.pairs() if story == name] for name in desk.names]
    longest = max((len(pairs) for pairs in per_story), default=0)
    offered += [pairs[i] for i in range(longest) for pairs in per_story if i < len(pairs)]  # stories take turns
    hits = [(name, value) for name, value, haystack in offered
            if all(word in haystack.lower() for word in words)]
    if not hits and words:
        names = {value: name for name, value, _ in offered}
        hits = [(names.get(pair, pair), pair) for pair in desk.suggest(typed, limit)]
    fitting = [(name[:CHOICE_LENGTH], value) for name, value in hits if len(value) <= CHOICE_LENGTH]
    return fitting[:limit]
