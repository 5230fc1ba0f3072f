"""Stored briefings: their key and plain form, and a read of one with the standard library's sqlite3.

Light on purpose: `brief` in a fresh process answers from the briefing stored for the index's current state
through this module, without SQLAlchemy or the analysis (bot/cli/stored.py). The read is read-only and creates
nothing; anything it cannot be sure of is a miss, and the caller takes the full path.
"""
from __future__ import annotations

import json
import re
import sqlite3
import zlib
from contextlib import closing
from dataclasses import asdict, fields
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from summarizer import Briefing, PartyBriefing, Position, Source

MAX_QUERY = 300  # characters of the key column; a longer query is never stored
_SQLITE_FILE = re.compile(r"sqlite(?:\+pysqlite)?:///([^?#%]+)")  # a plain file path, no options or escapes
_NESTED = {(Briefing, "parties"): PartyBriefing, (PartyBriefing, "positions"): Position, (Position, "sources"): Source}
_READ = ("SELECT s.signature, s.updated_at, b.signature, b.payload FROM index_stories AS s "
         "JOIN index_briefings AS b ON b.story = s.story WHERE s.story = ? AND b.query = ?")


def pack(value, level: int = 6) -> bytes:
    """Compressed JSON; an ingest packs every document's rows at level 1 (twice as fast, a quarter larger)."""
    return zlib.compress(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode(), level)


def unpack(blob: bytes):
    return json.loads(zlib.decompress(blob))


def briefing_key(query: str | None) -> str | None:
    """The key a briefing on `query` is stored under: the query as asked ('' for the overview; a briefing's
    title and notes quote the query, so two spellings are two briefings); None when too long to store."""
    key = (query or "").strip()
    return key if len(key) <= MAX_QUERY else None


def state_token(signature: str, updated_at: datetime) -> str:
    """The token of one finished ingest (stored briefings are valid for one token)."""
    return f"{signature[:24]}@{updated_at.astimezone(timezone.utc).isoformat()}"


def briefing_to_plain(briefing: Briefing) -> dict:
    return asdict(briefing)


def briefing_from_plain(plain: dict) -> Briefing:
    """The Briefing back; raises TypeError/KeyError when it was stored by a different model (a cache miss)."""
    return _build(Briefing, plain)


def _build(cls, plain: dict):
    values = {}
    for f in fields(cls):
        if f.name not in plain:
            continue
        value = plain[f.name]
        inner = _NESTED.get((cls, f.name))
        values[f.name] = tuple(_build(inner, v) for v in value) if inner else _tuples(value)
    return cls(**values)


def _tuples(value):
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def sqlite_path(url: str) -> Path | None:
    """The database file of a plain SQLite URL (relative to the working directory, as SQLAlchemy reads it);
    None for any other store, an in-memory one, or a URL with options."""
    match = _SQLITE_FILE.fullmatch(url)
    if not match or match.group(1) == ":memory:":
        return None
    return Path(match.group(1))


def read_stored(url: str, story: str, query: str | None, signature: str) -> Briefing | None:
    """The briefing stored for `query` when the story's last finished ingest has `signature` (the folder as it
    is now) and the briefing was made from that ingest; None otherwise, or when anything is unusual."""
    path, key = sqlite_path(url), briefing_key(query)
    if path is None or key is None or not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=5)) as conn:
            row = conn.execute(_READ, (story, key)).fetchone()
        if row is None or row[0] != signature:
            return None
        updated = datetime.fromisoformat(row[1]).replace(tzinfo=timezone.utc)
        if row[2] != state_token(row[0], updated):
            return None
        return briefing_from_plain(unpack(row[3]))
    except (sqlite3.Error, ValueError, TypeError, KeyError, zlib.error):
        return None  # no index yet, another schema or model: made afresh
