"""Several stories under one documents root: each story is a folder with its own profile.toml."""
from __future__ import annotations

import os
from pathlib import Path

from bot.app.errors import UsageError
from config.profile import load_profile
from summarizer.keys import slug

PROFILE_FILE = "profile.toml"


def story_folders(root: Path) -> dict[str, Path]:
    """Story name -> folder, for every folder right below `root` that holds a profile.toml."""
    if not root.is_dir():
        return {}
    try:
        with os.scandir(root) as entries:  # a root of 10,000 articles: no stat of each file, as iterdir would make
            names = sorted(e.name for e in entries if e.is_dir())
    except OSError:
        return {}  # an unreadable root: the documents opener reports it, naming the folder
    return {name: root / name for name in names if (root / name / PROFILE_FILE).is_file()}


def story_folder(root: Path, story: str | None, topic: str | None) -> Path:
    """The folder to brief below a documents root (a root that is no folder is left for the opener to name)."""
    return choose_story(root, story, topic) if root.is_dir() else root


def choose_story(root: Path, story: str | None, topic: str | None) -> Path:
    """The folder to brief: the named story, the only one, or the one whose profile has the topic; the root
    itself when it holds no story folders. An unknown story or an ambiguous topic is a question for the user."""
    stories = story_folders(root)
    if not stories:
        if story:
            raise UsageError(f"{root}: holds no story folders (a story is a folder with a {PROFILE_FILE})")
        return root
    if story:
        if story not in stories:
            raise UsageError(f"no story “{story}” in {root}; stories: {', '.join(stories)}")
        return stories[story]
    if len(stories) == 1:
        return next(iter(stories.values()))
    having = [name for name, folder in stories.items() if topic and _has_topic(folder, topic)]
    if len(having) == 1:
        return stories[having[0]]
    among = having or list(stories)
    about = f"“{topic}” is a topic of several stories" if having else "Several stories"
    raise UsageError(f"{about}: {', '.join(among)}. Which one? (--story NAME)")


def _has_topic(folder: Path, topic: str) -> bool:
    wanted = slug(topic)
    profile = load_profile(folder / PROFILE_FILE)
    return any(wanted in {slug(t.key), slug(t.title), *(slug(k) for k in t.keywords)} for t in profile.topics)
