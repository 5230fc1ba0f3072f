"""StoryDesk: several stories' briefing sources under one deployment, and which story a request is about."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from bot.app.errors import UsageError
from bot.app.ports import BriefingSource
from summarizer import Briefing, Topic
from summarizer.topics import slug

LISTED_TOPICS = 8  # topics named per story in the list of stories
NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five"}


@dataclass(frozen=True)
class Routed:
    """A request's story and topic, or the question to ask instead (`question` set, `source` None)."""

    story: str | None  # None: the deployment's one unnamed story (a root that holds articles itself)
    topic: str | None  # None: the overview
    source: BriefingSource | None = None
    question: str = ""
    suggestions: tuple[str, ...] = ()


def quoted(names: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f"`{name}`" for name in names)


class StoryDesk:
    """The briefing source of each story (one BriefingService per story folder), by the folder's name.

    `named=False` is a root that holds articles itself: one story with no name to type or store. The desk is
    itself a BriefingSource (topics of every story; `brief` picks the story or raises UsageError asking which)."""

    def __init__(self, stories: Mapping[str, BriefingSource], named: bool = True) -> None:
        if not stories:
            raise UsageError("no story to brief")
        self.stories = dict(stories)
        self.named = named

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.stories)

    @property
    def several(self) -> bool:
        return len(self.stories) > 1

    def wrapped(self, wrap: Callable[[BriefingSource], BriefingSource]) -> StoryDesk:
        """The same stories, each source wrapped (e.g. with the model writer)."""
        return StoryDesk({name: wrap(source) for name, source in self.stories.items()}, self.named)

    def story_name(self, word: str) -> str | None:
        """The story a typed word names (case-insensitive), if the desk has named stories."""
        if not self.named:
            return None
        return next((name for name in self.stories if name.lower() == word.lower()), None)

    # --- routing -----------------------------------------------------------------------------------------

    def find(self, text: str, command: str = "/briefing") -> Routed:
        """`[story] [topic words]` as typed in chat: a first word naming a story picks it."""
        words = text.split()
        story = self.story_name(words[0]) if words else None
        rest = " ".join(words[1:] if story else words) or None
        return self.resolve(story, rest, command)

    def resolve(self, story: str | None, topic: str | None, command: str = "/briefing") -> Routed:
        """The story named, the only one, or the only one that knows `topic`; else a question naming them."""
        topic = (topic or "").strip() or None
        if story is not None:
            name = self.story_name(story) or (story if story in self.stories else None)
            if name is None:
                return Routed(None, topic, question=self._unknown_story(story), suggestions=self.names)
            return Routed(name, topic, self.stories[name])
        if not self.several:
            only = self.names[0]
            return Routed(only if self.named else None, topic, self.stories[only])
        if topic is None:
            return Routed(None, None, question=self.listing(command), suggestions=self.names)
        having = self.stories_with(topic)
        if len(having) == 1:
            return Routed(having[0], topic, self.stories[having[0]])
        if having:
            return Routed(None, topic, question=self._ambiguous(topic, having, command), suggestions=tuple(having))
        pairs = tuple(self.suggest(topic))
        return Routed(None, topic, question=f"Nothing found on “{topic}” in any story. Closest: {quoted(pairs)}. "
                                            f"Stories: {quoted(self.names)}. Try `{command} <story> <topic>`.",
                      suggestions=pairs)

    def stories_with(self, topic: str) -> list[str]:
        """Stories with a topic of that key, title or keyword; failing that, those with anything on it."""
        wanted = slug(topic)
        exact = [name for name, source in self.stories.items()
                 if any(wanted in _names_of(t) for t in source.topics())]
        if exact:
            return exact
        return [name for name, source in self.stories.items() if not source.brief(topic).is_empty]

    def _ambiguous(self, topic: str, having: list[str], command: str) -> str:
        count = NUMBERS.get(len(having), str(len(having)))
        return (f"“{topic}” is a topic of {count} stories: {quoted(having)}. "
                f"Try `{command} {having[0]} {topic}`.")

    def _unknown_story(self, story: str) -> str:
        return f"No story “{story}”. Stories: {quoted(self.names)}."

    def listing(self, command: str = "/briefing") -> str:
        """A short list of the stories and their topics (what `/briefing` alone answers over several)."""
        lines = [f"This desk follows {len(self.stories)} stories:"]
        for name, source in self.stories.items():
            keys = [t.key for t in source.topics()]
            more = f" and {len(keys) - LISTED_TOPICS} more" if len(keys) > LISTED_TOPICS else ""
            lines.append(f"• `{name}`: {', '.join(keys[:LISTED_TOPICS]) or 'no topics yet'}{more}")
        first = self.names[0]
        lines.append(f"Ask `{command} <story> [topic]`, e.g. `{command} {first}` for its overview.")
        return "\n".join(lines)

    # --- a BriefingSource over every story ----------------------------------------------------------------

    def brief(self, topic: str | None = None) -> Briefing:
        return self.titled(self.find(topic or ""))

    def titled(self, routed: Routed) -> Briefing:
        """The routed request's briefing, its title naming the story when there are several."""
        return self.with_story(self.answer(routed).brief(routed.topic), routed.story)

    def answer(self, routed: Routed) -> BriefingSource:
        """The routed story's source; UsageError with the question (ambiguous, unknown) otherwise."""
        if routed.source is None:
            raise UsageError(routed.question.replace("`", ""))
        return routed.source

    def with_story(self, briefing: Briefing, story: str | None) -> Briefing:
        if not self.several or not story:
            return briefing
        return replace(briefing, title=f"{story} · {briefing.title}")

    def topics(self) -> tuple[Topic, ...]:
        """Every story's topics (the first of each key), e.g. to warm every story's analysis."""
        seen: dict[str, Topic] = {}
        for source in self.stories.values():
            for topic in source.topics():
                seen.setdefault(topic.key, topic)
        return tuple(seen.values())

    def suggest(self, text: str, limit: int = 5) -> list[str]:
        """Closest topics; over several stories as `story topic` pairs, the best of each story first."""
        if not self.several:
            return next(iter(self.stories.values())).suggest(text, limit)
        per_story = [[f"{name} {key}" for key in source.suggest(text, limit)] for name, source in self.stories.items()]
        ranked = [pair for rank in range(limit) for pairs in per_story if rank < len(pairs) for pair in [pairs[rank]]]
        return ranked[:limit]

    def pairs(self) -> list[tuple[str, Topic]]:
        """(story, topic) of every story's topics, in story order (for autocomplete)."""
        return [(name, topic) for name, source in self.stories.items() for topic in source.topics()]


def route(source: BriefingSource, text: str, command: str = "/briefing") -> Routed:
    """`[story] [topic]` against a desk, or against one plain source (one unnamed story)."""
    if isinstance(source, StoryDesk):
        return source.find(text, command)
    return Routed(None, text.strip() or None, source)


def _names_of(topic: Topic) -> set[str]:
    return {slug(topic.key), slug(topic.title), *(slug(k) for k in topic.keywords)} - {""}


def story_source(source: BriefingSource, story: str | None, topic: str | None = None) -> BriefingSource:
    """The source a subscription of `story` posts from: the desk's story (titled when the desk has several), or
    the source itself when the deployment is one story."""
    if not isinstance(source, StoryDesk):
        return source
    routed = source.resolve(story, topic)
    inner = source.answer(routed)
    return StorySource(source, inner, routed.story) if source.several else inner


class StorySource:
    """One story of a desk whose briefing titles name the story (a channel may follow two). Everything else is
    the story's own source: it has exactly the methods that source has (e.g. `changes` of the index), so a
    check such as isinstance(..., FreshBriefingSource) answers for the story's source."""

    def __init__(self, desk: StoryDesk, source: BriefingSource, story: str | None) -> None:
        self.desk, self.inner, self.story = desk, source, story

    def brief(self, topic: str | None = None) -> Briefing:
        return self.desk.with_story(self.inner.brief(topic), self.story)

    def __getattr__(self, name: str):
        if name == "inner":  # not set yet (copy, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.inner, name)
