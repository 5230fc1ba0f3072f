"""`/briefing [story] <topic>` over a desk of several stories: pick the story, then the plain Router over it."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.app.commands import (HELP, HELP_WORDS, SUBSCRIPTION_VERBS, CommandContext, Reply, Router,
                              SubscriptionVerbs, clean_text)
from bot.app.desk import Routed, StoryDesk, quoted

CHOICE_LENGTH = 100  # characters of an autocomplete choice's name and value (Discord's limit)
OPTION = re.compile(r"[a-z]+:\S*", re.IGNORECASE)  # `name:value` words are options for the story's Router
STORY_HELP = ("This desk follows several stories: {stories}. Name the story first (`/briefing {first} <topic>`), "
              "or just the topic when only one story has it; `/briefing {first}` gives that story's overview and "
              "`/briefing` alone lists every story with its topics. Daily posts: "
              "`/briefing subscribe [story] [topic] [at HH:MM]`.")


class StoryRouter(Router):
    """The chat router over a StoryDesk: help and subscriptions as the Router does them (stories included),
    anything else goes to a plain Router over the story named or implied. With one unnamed story it answers
    exactly as the plain Router does."""

    def __init__(self, desk: StoryDesk, subscriptions: SubscriptionVerbs | None = None) -> None:
        super().__init__(desk, subscriptions)
        self.desk = desk

    def handle(self, text: str, ctx: CommandContext) -> Reply:
        words = clean_text(text).split()
        verb = words[0].lower() if words else ""
        if verb in HELP_WORDS and self.desk.several:
            return Reply(message=self.help_text(), ephemeral=True)
        if verb in HELP_WORDS or verb in SUBSCRIPTION_VERBS:
            return super().handle(text, ctx)
        options = [word for word in words if OPTION.fullmatch(word)]
        routed = self.desk.find(" ".join(word for word in words if word not in options))
        if routed.source is None:
            return Reply(message=routed.question, ephemeral=True, suggestions=routed.suggestions)
        reply = Router(routed.source).handle(" ".join(filter(None, (routed.topic, *options))), ctx)
        if reply.briefing is not None:
            return replace(reply, briefing=self.desk.with_story(reply.briefing, routed.story))
        if reply.suggestions and self.desk.several:  # nothing found: say which story, and name the others
            return self.nothing_found(routed)
        return reply

    def help_text(self) -> str:
        return HELP + "\n" + STORY_HELP.format(stories=quoted(self.desk.names), first=self.desk.names[0])

    def nothing_found(self, routed: Routed) -> Reply:
        """'Nothing found on “x” in the story `s`', its closest `story topic` pairs and the other stories."""
        suggestions = tuple(f"{routed.story} {key}" for key in routed.source.suggest(routed.topic or ""))
        return Reply(message=f"Nothing found on “{routed.topic}” in the story `{routed.story}`. Closest known "
                             f"topics: {quoted(suggestions) or 'none yet'}. Stories: {quoted(self.desk.names)}. "
                             f"Try `/briefing help`.", ephemeral=True, suggestions=suggestions)


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
