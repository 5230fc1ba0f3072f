"""Keep a story's index in step with its folder: only new or changed documents are read, removed ones leave,
identical copies share one extraction, and the work is spread over every core (a process pool)."""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing import get_context
from pathlib import Path, PurePosixPath

from bot.infra import index_work as work
from bot.infra.briefing_store import pack, unpack
from bot.infra.index_codec import found_to_plain, lexicon_to_plain, reading_from_plain
from bot.infra.index_relabel import relabel
from bot.infra.index_store import DocumentRow, IndexStore
from bot.infra.articles import Article
from bot.infra.folders import FileEntry, scan, signature
from summarizer import Document, Profile
from summarizer.analysis import corpus_lexicon
from summarizer.extraction import describe, lexicon_key, name_shadow
from summarizer.parties import PartyLexicon, lexicon_with_people, party_lexicon, people_key

BATCH = 200  # documents per transaction: a kill loses at most one batch of work
INLINE = 40  # fewer jobs than this run in this process (a pool costs a second to start)
CHUNK = 16  # jobs per batch sent to a worker
Warn = Callable[[str], None]
Progress = Callable[[str, int, int], None]


@dataclass
class IngestSummary:
    documents: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    extracted: int = 0  # documents whose statements were (re)computed
    new_statements: int = 0
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.documents} documents: {self.added} new, {self.changed} changed, {self.removed} removed, "
                f"{self.extracted} extracted, {self.new_statements} new statements"
                + (f", {self.skipped} skipped" if self.skipped else ""))


def found_key(lexicon: PartyLexicon, topics: tuple) -> str:
    """Key of stored statements: the lexicon they were found with and the topics they were put under."""
    return hashlib.sha256(f"{lexicon_key(lexicon)}\0{topics!r}".encode()).hexdigest()[:16]


def doc_order(doc: str) -> tuple[str, ...]:
    return PurePosixPath(doc).parts


class Ingest:
    """One ingest run of one story."""

    def __init__(self, store: IndexStore, story: str, profile: Profile, warn: Warn,
                 progress: Progress | None = None, workers: int | None = None) -> None:
        self.store, self.story, self.profile = store, story, profile
        self.warn = warn
        self.progress = progress or (lambda phase, done, total: None)
        self.workers = workers or os.cpu_count() or 1
        self.summary = IngestSummary()
        self.now = datetime.now(timezone.utc)
        self.parties = party_lexicon(profile.parties) if profile.parties else None  # people are read under it
        self.lexicon: bytes | None = None  # the names of the lexicon this run used (profile parties only)
        self._pool: ProcessPoolExecutor | None = None

    def run(self, folder: Path, profile_path: Path | None, articles: Sequence[Article] = (),
            files: list[FileEntry] | None = None) -> IngestSummary:
        """Files of `folder` (as just scanned, else scanned now) and articles fetched from the web into the story's
        index."""
        files = scan(folder) if files is None else files
        sig = signature(files, profile_path, self.profile)
        try:
            self._add_articles(articles)
            self._load_changed(folder, files)
            key = self._statements() if self.profile.parties else self._discovered()
        finally:
            if self._pool is not None:
                self._pool.shutdown()
        self.store.finish(self.story, sig, key, self.now, self.lexicon)
        self.store.set_meta(f"core:{self.story}", work.core_fingerprint())
        self.store.drop_orphans()
        self.summary.documents = len(self.store.contents_of(self.story))
        return self.summary

    def _map(self, phase: str, jobs: list, **state) -> Iterable:
        """A phase of index_work over jobs, in order: in this process for a few, else in batches in the pool."""
        blob = work.set_state(**state)
        if len(jobs) < INLINE or self.workers < 2:
            return (work._PHASES[phase](job) for job in jobs)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"))
        batches = [(phase, blob, jobs[k:k + CHUNK]) for k in range(0, len(jobs), CHUNK)]
        return (item for batch in self._pool.map(work.run_batch, batches) for item in batch)

    def _load_changed(self, folder: Path, files: list[FileEntry]) -> None:
        known = self.store.documents(self.story)
        present = {f.doc for f in files}
        stale = self.store.meta(f"core:{self.story}") != work.core_fingerprint()  # a new core reads everything
        todo = [f for f in files if stale or (k := known.get(f.doc)) is None or (k.size, k.mtime_ns) != (f.size,
                                                                                                       f.mtime_ns)]
        gone = [d for d, row in known.items() if d not in present and row.size >= 0]
        jobs = [(self.story, str(f.path), str(folder)) for f in todo]
        batch: list[tuple[FileEntry, dict]] = []
        for n, (entry, result) in enumerate(zip(todo, self._map("load_and_read", jobs, parties=self.parties)), 1):
            for message in result["warnings"]:
                self.warn(message)
            if result["content"] is None:
                self.summary.skipped += 1
                if entry.doc in known:
                    gone.append(entry.doc)
                continue
            batch.append((entry, result))
            self.summary.changed += entry.doc in known
            self.summary.added += entry.doc not in known
            if len(batch) >= BATCH:
                self._write(batch)
                batch = []
            self.progress("reading", n, len(todo))
        self._write(batch)
        if gone:
            self.store.remove_documents(self.story, gone)
            self.summary.removed = len(gone)

    def _add_articles(self, articles: Sequence[Article]) -> None:
        """Web articles join the story under their URL (size -1: no folder scan removes them)."""
        if not articles:
            return
        known = self.store.documents(self.story)
        batch = []
        for article in articles:
            doc = Document(id=article.url, text=article.text, title=article.title, url=article.url)
            result = work.read_text(self.story, doc, self.parties)
            old = known.get(article.url)
            if old is not None and old.content == result["content"]:
                continue
            self.summary.changed += old is not None
            self.summary.added += old is None
            batch.append((DocumentRow(article.url, result["content"], -1, 0, article.title, article.url,
                                      article.outlet, article.published, self.now), result))
        self._write_rows(batch)

    def _write(self, batch: list[tuple[FileEntry, dict]]) -> None:
        if not batch:
            return
        self._write_rows([(DocumentRow(e.doc, r["content"], e.size, e.mtime_ns, r["title"], r["url"],
                                       first_seen=self.now), r) for e, r in batch])

    def _write_rows(self, batch: list[tuple[DocumentRow, dict]]) -> None:
        if not batch:
            return
        columns = ("content", "text", "reading", "mentions", "people", "parties_key")
        rows = {r["content"]: {k: r.get(k) for k in columns} for _, r in batch}
        docs = [row for row, _ in batch]
        with self.store.tx() as conn:
            self.store.add_contents(conn, list(rows.values()))
            self.store.put_documents(conn, self.story, docs)

    def _update(self, phase: str, total: int, updates: Iterable[tuple[str, dict]]) -> None:
        """Write extraction results in batches (one transaction each)."""
        batch: list[tuple[str, dict]] = []
        done = 0
        for item in updates:
            batch.append(item)
            if len(batch) >= BATCH:
                done += self._commit(batch)
                batch = []
                self.progress(phase, done, total)
        done += self._commit(batch)
        self.progress(phase, done, total)

    def _commit(self, batch: list[tuple[str, dict]]) -> int:
        claims: list[str] = []
        for _, values in batch:
            claims += values.pop("claims", ())
        with self.store.tx() as conn:
            self.store.set_contents(conn, batch)
            self.summary.new_statements += self.store.mark_seen(conn, self.story, claims, self.now)
        return len(batch)

    def _rows(self) -> list[tuple[str, str]]:
        """(document, content) of the story's documents, in document order."""
        return sorted(self.store.contents_of(self.story), key=lambda row: doc_order(row[0]))

    def _texts(self, rows: list[tuple[str, str]]) -> list[str]:
        """Every document's text in document order (people are learned from all of them, as a direct read does)."""
        stored = self.store.column("text", list(dict.fromkeys(c for _, c in rows)))
        return [work.text_of(stored[c][0]) for _, c in rows]

    def _statements(self) -> str:
        """Statements of the contents not yet extracted with the corpus's current lexicon (profile parties)."""
        rows = self._rows()
        hashes = list(dict.fromkeys(c for _, c in rows))
        lexicon = self._lexicon(rows, hashes)
        key = found_key(lexicon, self.profile.topics)
        current = self.store.column("lexicon_key", hashes)
        todo = relabel(self.store, self.story, self.profile, [h for h in hashes if current.get(h, (None,))[0] != key],
                       current, lexicon, key)
        self.lexicon = pack({**lexicon_to_plain(lexicon), "topics": repr(self.profile.topics)})
        readings, titles = self.store.column("reading", todo), self.store.titles_of(self.story)
        jobs = [(h, readings[h][0], titles.get(h, "")) for h in todo]
        results = zip(todo, self._map("statements", jobs, lexicon=lexicon, topics=self.profile.topics))
        self._update("statements", len(todo), ((h, {"lexicon_key": key, "found": found, "claims": claims,
                                                    "mentions": json.dumps(reads)})
                                               for h, (found, claims, reads) in results))
        self.summary.extracted = len(todo)
        return key

    def _lexicon(self, rows: list[tuple[str, str]], hashes: list[str]) -> PartyLexicon:
        """The corpus's lexicon (build_lexicon) from the people stored per text; a text read under other
        parties (the profile changed) is read again, in the pool."""
        key = people_key(self.parties)
        stored = self.store.column("people", hashes, "parties_key")
        todo = [h for h in hashes if stored.get(h, (None, None))[1] != key]
        if todo:
            texts = self.store.column("text", todo)
            found = self._map("people", [(h, texts[h][0]) for h in todo], parties=self.parties)
            self._update("people", len(todo), ((h, {"people": blob, "parties_key": k})
                                               for h, (blob, k) in zip(todo, found)))
            stored = self.store.column("people", hashes, "parties_key")
        people = {h: unpack(stored[h][0]) for h in hashes}
        return lexicon_with_people(self.profile.parties, (people[c] for _, c in rows))

    def _discovered(self) -> str:
        """Auto mode: the parties come from every document's statements at once, so all are extracted together
        (stored per content for 'first seen'; the index's analysis redoes the discovery from the texts)."""
        rows = self._rows()
        readings = self.store.column("reading", list(dict.fromkeys(c for _, c in rows)))
        split = [list(reading_from_plain(doc, unpack(readings[c][0])).sentences) for doc, c in rows]
        lexicon, statements = corpus_lexicon(self.profile, self._texts(rows), split)
        key = "auto" + lexicon_key(lexicon)[4:]
        current = self.store.column("lexicon_key", [c for _, c in rows])
        todo: dict[str, tuple] = {}
        shadow = name_shadow(lexicon)
        for (_, content), sentences, sts in zip(rows, split, statements):
            if current.get(content, (None,))[0] != key and content not in todo:
                todo[content] = describe(sentences, sts, shadow)
        self._update("statements", len(todo), (
            (h, {"lexicon_key": key, "found": pack(found_to_plain(found), work.ROW_LEVEL),
                 "claims": [work.claim_id(f.statement.holder, f.key) for f in found]}) for h, found in todo.items()))
        self.summary.extracted = len(todo)
        return key
