"""Load and validate a profile TOML (a contract: docs/architecture.md) into the core's Profile."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from summarizer.model import Party, Profile, Topic

_PARTY_KEYS = {"aliases"}
_TOPIC_KEYS = {"title", "keywords"}
_TOP_KEYS = {"parties", "topics"}
# Names are shown everywhere: never with direction controls (U+202E turns "Russia" into "aissuR") or NULs.
_INVISIBLE = re.compile("[\x00\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class ProfileError(ValueError):
    """A profile that cannot be used; the message names the file and the key."""


def load_profile(path: Path) -> Profile:
    """Read `path`; raise ProfileError naming the file and key on any problem."""
    try:
        data = tomllib.loads(_INVISIBLE.sub("", path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise ProfileError(f"{path}: no such profile file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read profile ({exc.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML ({exc})") from None
    return parse_profile(data, str(path))


def parse_profile(data: dict[str, Any], where: str = "profile") -> Profile:
    """Validate a decoded profile table."""
    for key in data:
        if key not in _TOP_KEYS:
            raise ProfileError(f"{where}: unknown key '{key}' (expected 'parties' and 'topics')")
    parties = tuple(
        Party(name=name, aliases=_strings(body, "aliases", f"{where}: parties.{name}"))
        for name, body in _tables(data, "parties", where, _PARTY_KEYS)
    )
    topics = tuple(
        Topic(
            key=key,
            keywords=_strings(body, "keywords", f"{where}: topics.{key}"),
            title=_string(body, "title", f"{where}: topics.{key}"),
        )
        for key, body in _tables(data, "topics", where, _TOPIC_KEYS)
    )
    return Profile(parties=parties, topics=topics)


def _tables(data: dict[str, Any], section: str, where: str, allowed: set[str]):
    value = data.get(section, {})
    if not isinstance(value, dict):
        raise ProfileError(f"{where}: '{section}' must be a table of tables")
    for name, body in value.items():
        if not isinstance(body, dict):
            raise ProfileError(f"{where}: '{section}.{name}' must be a table")
        for key in body:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                raise ProfileError(f"{where}: unknown key '{section}.{name}.{key}' (known: {known})")
        if not str(name).strip():
            raise ProfileError(f"{where}: '{section}' has an empty name")
        yield str(name), body


def _strings(body: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = body.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{where}.{key} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _string(body: dict[str, Any], key: str, where: str) -> str:
    value = body.get(key, "")
    if not isinstance(value, str):
        raise ProfileError(f"{where}.{key} must be a string")
    return value.strip()
