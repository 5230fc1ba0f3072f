"""The index's tables: documents per story, their extraction by content hash, stories, first sightings, feeds.

Plain data only (compressed JSON of the core's per-document results). Every write is a short transaction, so a
process killed in the middle of an ingest leaves rows that are each whole; the story's signature is written
last, which is how the next run knows to finish the job.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    BigInteger, Column, LargeBinary, MetaData, String, Table, Text, bindparam, create_engine, delete, insert, select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from bot.infra.briefing_store import state_token
from bot.infra.store import UTCDateTime

metadata = MetaData()

documents = Table(
    "index_documents", metadata,
    Column("story", String(200), primary_key=True),
    Column("doc", String(1000), primary_key=True),  # the id readers see: a path below the documents root, or a URL
    Column("content", String(64), nullable=False, index=True),  # sha256 of the story and the cleaned text
    Column("size", BigInteger, nullable=False),  # of the file (-1: fetched from the web)
    Column("mtime_ns", BigInteger, nullable=False),
    Column("title", String(500), nullable=False, default=""),
    Column("url", String(2000)),
    Column("outlet", String(200)),
    Column("published", UTCDateTime),
    Column("first_seen", UTCDateTime, nullable=False),
)

contents = Table(
    "index_contents", metadata,
    Column("content", String(64), primary_key=True),
    Column("text", LargeBinary, nullable=False),  # zlib of the cleaned text (the lexicon is learned from it)
    Column("reading", LargeBinary, nullable=False),  # sentences
    Column("mentions", Text, nullable=False),  # JSON list: whose titles extraction read ("{}": not known yet)
    Column("parties_key", String(16)),  # unused (people are learned corpus-wide), kept likewise
    Column("people", LargeBinary),  # unused, kept likewise
    Column("lexicon_key", String(16)),
    Column("found", LargeBinary),  # statements with ranking stems, given lexicon_key
)

stories = Table(
    "index_stories", metadata,
    Column("story", String(200), primary_key=True),
    Column("signature", String(64), nullable=False),  # of the folder and profile when the last ingest finished
    Column("lexicon_key", String(16), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

seen = Table(
    "index_statement_seen", metadata,
    Column("story", String(200), primary_key=True),
    Column("claim", String(40), primary_key=True),  # hash of holder and quote key
    Column("first_seen", UTCDateTime, nullable=False),
)

briefings = Table(
    "index_briefings", metadata,
    Column("story", String(200), primary_key=True),
    Column("query", String(300), primary_key=True),  # '' for the overview
    Column("signature", String(64), nullable=False),  # of the ingest it was made from
    Column("payload", LargeBinary, nullable=False),
)

lexicons = Table(
    "index_lexicons", metadata,
    Column("story", String(200), primary_key=True),
    Column("lexicon_key", String(16), nullable=False),  # of the lexicon the story's last ingest finished with
    Column("payload", LargeBinary, nullable=False),  # its names (so the next ingest knows which ones changed)
)

meta = Table(
    "index_meta", metadata,
    Column("key", String(300), primary_key=True),
    Column("value", String(200), nullable=False),
)

fetches = Table(
    "index_fetches", metadata,
    Column("url", String(2000), primary_key=True),
    Column("etag", String(500)),
    Column("last_modified", String(100)),
)


@dataclass(frozen=True, slots=True)
class DocumentRow:
    doc: str
    content: str
    size: int
    mtime_ns: int
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    first_seen: datetime | None = None


class IndexStore:
    """Queries of the index tables; thread-safe (one engine, short transactions)."""

    def __init__(self, url: str) -> None:
        args = {"timeout": 30} if url.startswith("sqlite") else {}
        self.engine: Engine = create_engine(url, connect_args=args, pool_pre_ping=True)
        try:
            metadata.create_all(self.engine)
        except (OperationalError, ProgrammingError):
            metadata.create_all(self.engine)  # another process created the tables at the same moment

    @contextmanager
    def tx(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def documents(self, story: str) -> dict[str, DocumentRow]:
        """Every document of a story, by id, in id order."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents).where(documents.c.story == story).order_by(documents.c.doc))
            return {r.doc: DocumentRow(r.doc, r.content, r.size, r.mtime_ns, r.title, r.url, r.outlet, r.published,
                                       r.first_seen) for r in rows}

    def titles_of(self, story: str) -> dict[str, str]:
        """content hash -> title of the first document (in id order) of a story holding that content."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents.c.content, documents.c.title).where(
                documents.c.story == story).order_by(documents.c.doc))
            out: dict[str, str] = {}
            for content, title in rows:
                out.setdefault(content, title or "")
            return out

    def contents_of(self, story: str) -> list[tuple[str, str]]:
        """(document, content hash) of every document of a story (lighter than `documents`)."""
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(documents.c.doc, documents.c.content).where(
                documents.c.story == story))]

    def known_contents(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(set(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                found.update(conn.execute(select(contents.c.content).where(contents.c.content.in_(chunk))).scalars())
        return found

    def column(self, name: str, hashes: Iterable[str], *extra: str) -> dict[str, tuple]:
        """content hash -> (column `name`, *extra columns) for the given hashes."""
        wanted = list(set(hashes))
        cols = [contents.c.content, contents.c[name], *(contents.c[e] for e in extra)]
        out: dict[str, tuple] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                for row in conn.execute(select(*cols).where(contents.c.content.in_(chunk))):
                    out[row[0]] = tuple(row[1:])
        return out

    def add_contents(self, conn: Connection, rows: list[dict]) -> None:
        """New extraction rows; a row another process added meanwhile is the same content, so it is skipped."""
        present = self._present(conn, [r["content"] for r in rows])  # one query for the batch
        fresh = [r for r in rows if r["content"] not in present]
        if fresh:
            conn.execute(insert(contents), fresh)

    @staticmethod
    def _present(conn: Connection, hashes: list[str]) -> set[str]:
        return set(conn.execute(select(contents.c.content).where(contents.c.content.in_(hashes))).scalars())

    def set_contents(self, conn: Connection, rows: list[tuple[str, dict]]) -> None:
        """New values of extraction rows, (content, {column: value}): one executemany per set of columns (a
        batch of an ingest phase has one), not one UPDATE statement per row."""
        by_columns: dict[tuple[str, ...], list[dict]] = {}
        for content, values in rows:
            by_columns.setdefault(tuple(values), []).append({"_content": content, **values})
        for columns, params in by_columns.items():
            statement = update(contents).where(contents.c.content == bindparam("_content"))
            conn.execute(statement.values({c: bindparam(c) for c in columns}), params)

    def set_lexicon_key(self, hashes: list[str], key: str) -> None:
        """Mark contents as extracted under lexicon `key` (their statements are the same under it)."""
        with self.tx() as conn:
            for start in range(0, len(hashes), 500):
                conn.execute(update(contents).where(contents.c.content.in_(hashes[start:start + 500])).values(
                    lexicon_key=key))

    def put_documents(self, conn: Connection, story: str, rows: list[DocumentRow]) -> None:
        """Insert or replace documents of a story (first_seen is kept for a document already known)."""
        if not rows:
            return
        ids = [r.doc for r in rows]
        old = dict(conn.execute(select(documents.c.doc, documents.c.first_seen).where(
            documents.c.story == story, documents.c.doc.in_(ids))).all())
        conn.execute(delete(documents).where(documents.c.story == story, documents.c.doc.in_(ids)))
        conn.execute(insert(documents), [
            {"story": story, "doc": r.doc, "content": r.content, "size": r.size, "mtime_ns": r.mtime_ns,
             "title": r.title[:500], "url": r.url, "outlet": r.outlet, "published": r.published,
             "first_seen": old.get(r.doc) or r.first_seen} for r in rows])

    def remove_documents(self, story: str, ids: list[str]) -> None:
        with self.tx() as conn:
            for start in range(0, len(ids), 500):
                conn.execute(delete(documents).where(documents.c.story == story,
                                                     documents.c.doc.in_(ids[start:start + 500])))

    def drop_orphans(self) -> int:
        """Extraction rows no document points at any more."""
        with self.tx() as conn:
            used = select(documents.c.content)
            return conn.execute(delete(contents).where(contents.c.content.not_in(used))).rowcount or 0

    def story(self, story: str) -> tuple[str, str] | None:
        """(folder signature, state token) of the story's last finished ingest; the token changes with every
        ingest (stored briefings are valid for one token)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(stories.c.signature, stories.c.updated_at).where(stories.c.story == story)).first()
            return (row[0], state_token(row[0], row[1])) if row else None

    def finish(self, story: str, signature: str, lexicon_key: str, now: datetime,
               lexicon: bytes | None = None) -> None:
        with self.tx() as conn:
            conn.execute(delete(stories).where(stories.c.story == story))
            conn.execute(insert(stories).values(story=story, signature=signature, lexicon_key=lexicon_key,
                                                updated_at=now))
            conn.execute(delete(lexicons).where(lexicons.c.story == story))
            if lexicon is not None:
                conn.execute(insert(lexicons).values(story=story, lexicon_key=lexicon_key, payload=lexicon))

    def lexicon(self, story: str) -> tuple[str, bytes] | None:
        """(key, names) of the lexicon the story's last finished ingest used (profile parties only)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(lexicons.c.lexicon_key, lexicons.c.payload).where(
                lexicons.c.story == story)).first()
            return (row[0], row[1]) if row else None

    def mark_seen(self, conn: Connection, story: str, claims: Iterable[str], now: datetime) -> int:
        """Remember when each statement was first seen (in the caller's transaction); returns how many are new."""
        wanted = sorted(set(claims))
        added = 0
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            known = set(conn.execute(select(seen.c.claim).where(seen.c.story == story,
                                                                seen.c.claim.in_(chunk))).scalars())
            rows = [{"story": story, "claim": c, "first_seen": now} for c in chunk if c not in known]
            if rows:
                conn.execute(insert(seen), rows)
                added += len(rows)
        return added

    def first_seen(self, story: str) -> dict[str, datetime]:
        with self.engine.connect() as conn:
            return dict(conn.execute(select(seen.c.claim, seen.c.first_seen).where(seen.c.story == story)).all())

    def briefing(self, story: str, query: str, signature: str) -> bytes | None:
        """A briefing stored for this exact state of the story, or None."""
        with self.engine.connect() as conn:
            return conn.execute(select(briefings.c.payload).where(
                briefings.c.story == story, briefings.c.query == query[:300],
                briefings.c.signature == signature)).scalar()

    def save_briefings(self, story: str, signature: str, payloads: dict[str, bytes]) -> None:
        """Replace stored briefings (older states' rows of the story go)."""
        with self.tx() as conn:
            conn.execute(delete(briefings).where(briefings.c.story == story, briefings.c.signature != signature))
            for query, payload in payloads.items():
                conn.execute(delete(briefings).where(briefings.c.story == story, briefings.c.query == query[:300]))
                conn.execute(insert(briefings).values(story=story, query=query[:300], signature=signature,
                                                      payload=payload))

    def meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()

    def set_meta(self, key: str, value: str) -> None:
        with self.tx() as conn:
            conn.execute(delete(meta).where(meta.c.key == key))
            conn.execute(insert(meta).values(key=key, value=value))

    def validators(self) -> dict[str, tuple[str | None, str | None]]:
        with self.engine.connect() as conn:
            return {r.url: (r.etag, r.last_modified) for r in conn.execute(select(fetches))}

    def save_validators(self, values: dict[str, tuple[str | None, str | None]]) -> None:
        with self.tx() as conn:
            for url, (etag, modified) in values.items():
                conn.execute(delete(fetches).where(fetches.c.url == url))
                try:
                    conn.execute(insert(fetches).values(url=url, etag=etag, last_modified=modified))
                except IntegrityError:
                    pass
