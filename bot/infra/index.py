"""The index as the service sees it: bring a story up to date when its folder changed, read its analysis, and
keep its briefings (a briefing made from one state of the index is stored until the next ingest)."""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.infra import index_work as work
from bot.infra.articles import Article
from bot.infra.briefing_store import briefing_from_plain, briefing_key, briefing_to_plain, pack, unpack
from bot.infra.folders import FileEntry, scan, signature, story_key
from bot.infra.index_codec import found_from_plain
from bot.infra.index_store import DocumentRow, IndexStore
from bot.infra.ingest import Ingest, IngestSummary, Progress, doc_order
from summarizer import Briefing, Document, Profile
from summarizer.analysis import Analysis, analyze, assemble
from summarizer.parties import PartyLexicon, build_lexicon, lexicon_with_people, party_lexicon, people_key
from summarizer.search import ClaimSearch
from summarizer.text import dedupe_key

Warn = Callable[[str], None]
log = logging.getLogger("bot")
RECHECK_SECONDS = 5.0  # a warm service re-scans its folder at most this often (a scan of 10,000 files ~80 ms)
LOAD_CHUNK = 500  # documents whose stored rows are read at once when an analysis is loaded


class Index:
    """Stories' analyses backed by the store; one ingest at a time per process."""

    def __init__(self, store: IndexStore, workers: int | None = None) -> None:
        self.store = store
        self.workers = workers
        self._lock = threading.Lock()

    def is_current(self, story: str, folder: Path, profile_path: Path | None, profile: Profile,
                   files: list[FileEntry] | None = None) -> bool:
        state = self.store.story(story)
        files = scan(folder) if files is None else files
        return state is not None and state[0] == signature(files, profile_path, profile)

    def ingest(self, story: str, folder: Path, profile_path: Path | None, profile: Profile, warn: Warn,
               progress: Progress | None = None, articles: Sequence[Article] = (),
               files: list[FileEntry] | None = None) -> IngestSummary:
        """Bring the story's index up to date with its folder and fetched articles (only what changed is read);
        `files`: the folder as just scanned."""
        with self._lock:
            try:
                return Ingest(self.store, story, profile, warn, progress, self.workers).run(folder, profile_path,
                                                                                            articles, files)
            except IntegrityError:  # another process ingested the same story at the same moment: redo, it is cheap
                return Ingest(self.store, story, profile, warn, progress, self.workers).run(folder, profile_path,
                                                                                            articles)

    def refresh(self, story: str, folder: Path, profile_path: Path | None, profile: Profile,
                warn: Warn, progress: Progress | None = None) -> IngestSummary | None:
        """Ingest only when the folder or profile changed since the last finished ingest (one scan of it)."""
        files = scan(folder)
        if self.is_current(story, folder, profile_path, profile, files):
            return None
        return self.ingest(story, folder, profile_path, profile, warn, progress, files=files)

    def analysis(self, story: str, profile: Profile) -> Analysis:
        """The story's analysis from the index (no file is read): with a profile, its stored statements under
        the lexicon learned from every text; in auto mode, a whole-corpus analysis of the stored texts (which
        parties there are depends on every document's statements). Rows are read a chunk at a time and each
        document's statements decoded only as they are assembled: the peak is the analysis, not the rows. Its
        documents carry no text (~37 MB at 10,000 articles): after the analysis only their ids, titles and URLs
        are read (lines quote the claims' sentences), and with a profile no text is read at all when the index
        keeps each text's people."""
        rows = sorted(self.store.documents(story).values(), key=lambda r: doc_order(r.doc))
        if not profile.parties:
            documents = [_document(row, work.text_of(texts[row.content][0]))
                         for chunk, texts in self._chunks(rows, "text") for row in chunk if row.content in texts]
            return replace(analyze(documents, profile), documents=tuple(replace(d, text="") for d in documents))
        people = self.store.column("people", [r.content for r in rows], "parties_key")
        kept = [row for row in rows if row.content in people]
        lexicon = _lexicon(profile, [people[r.content] for r in kept], lambda: self._texts(kept))
        del people
        return assemble([_document(row) for row in kept], self._found(kept), lexicon, profile)

    def _texts(self, rows: list[DocumentRow]) -> list[str]:
        """The rows' texts, in order (read and decompressed a chunk at a time)."""
        return [work.text_of(texts[row.content][0]) for chunk, texts in self._chunks(rows, "text") for row in chunk]

    def _chunks(self, rows: list[DocumentRow], *columns: str) -> Iterator[tuple[list[DocumentRow], dict]]:
        """The rows a chunk at a time, each with its contents' columns (content -> values)."""
        for start in range(0, len(rows), LOAD_CHUNK):
            chunk = rows[start:start + LOAD_CHUNK]
            yield chunk, self.store.column(columns[0], [r.content for r in chunk], *columns[1:])

    def _found(self, rows: list[DocumentRow]) -> Iterator[list]:
        """Each row's statements, decoded when asked; a content several documents share is decoded once."""
        uses = Counter(r.content for r in rows)
        names: dict = {}  # holders and topics: one object each for the whole load
        kept: dict[str, list] = {}
        for chunk, blobs in self._chunks(rows, "found"):
            for row in chunk:
                if row.content not in kept:
                    blob = blobs.get(row.content, (None,))[0]
                    kept[row.content] = found_from_plain(row.doc, unpack(blob), names) if blob else []
                found = kept[row.content]
                uses[row.content] -= 1
                if not uses[row.content]:
                    del kept[row.content]
                yield found


def _document(row: DocumentRow, text: str = "") -> Document:
    return Document(id=row.doc, text=text, title=row.title, url=row.url)


def _lexicon(profile: Profile, people: list[tuple], texts: Callable[[], list[str]]) -> PartyLexicon:
    """The corpus's lexicon from the people stored per text (people, parties_key); learned from the texts
    (read only then) when the index holds none under the profile's parties (an index written before people
    were kept)."""
    key = people_key(party_lexicon(profile.parties))
    if all(blob is not None and found_key == key for blob, found_key in people):
        return lexicon_with_people(profile.parties, (unpack(blob) for blob, _ in people))
    return build_lexicon(profile.parties, texts())


class IndexedFolder:
    """A documents folder (bot/infra/documents.py) whose analysis and briefings live in the index."""

    def __init__(self, folder, index: Index, story: str | None = None,
                 recheck_seconds: float = RECHECK_SECONDS) -> None:
        self.folder = folder
        self.index = index
        self.story = story or story_key(folder.folder)
        self.recheck_seconds = recheck_seconds
        self._signature: Hashable | None = None
        self._checked = 0.0
        self._read: tuple[Analysis, str] | None = None  # the last analysis read and the ingest it came from

    def signature(self) -> Hashable:
        """The folder's signature and the index's state token, re-read at most every `recheck_seconds`: an
        ingest by the clock's feed refresh or by another process (`ingest`) reaches a warm service too."""
        now = time.monotonic()
        if self._signature is None or now - self._checked >= self.recheck_seconds:
            state = self.index.store.story(self.story)
            self._signature = (self.folder.signature(), state[1] if state else None)
            self._checked = now
        return self._signature

    def documents(self, warn: Warn) -> list[Document]:
        return self.folder.documents(warn)

    def profile(self) -> Profile:
        return self.folder.profile()

    def refresh(self, warn: Warn, progress: Progress | None = None) -> IngestSummary | None:
        return self.index.refresh(self.story, self.folder.folder, self.folder.profile_path, self.profile(), warn,
                                  progress)

    def analysis(self, warn: Warn) -> Analysis:
        """The folder's analysis: the index refreshed first when the folder changed."""
        profile = self.profile()
        self.refresh(warn)
        state = self.index.store.story(self.story)  # before the read: a later ingest makes a newer token
        self._read = None  # the previous analysis is not held while the next one loads
        analysis = self.index.analysis(self.story, profile)
        self._read = (analysis, state[1]) if state is not None else None
        return analysis

    def since(self, analysis: Analysis, moment: datetime) -> Analysis:
        """The analysis narrowed to statements the index first saw at or after `moment` (for 'what changed')."""
        seen = self.index.store.first_seen(self.story)
        fresh = tuple(c for c in analysis.claims
                      if seen.get(work.claim_id(c.statement.holder, dedupe_key(c.statement.quote)), moment) >= moment)
        return replace(analysis, claims=fresh)

    def stored_briefing(self, query: str | None) -> Briefing | None:
        """The briefing stored for the index's current state, when the folder has not changed since."""
        state, key = self.index.store.story(self.story), briefing_key(query)
        if state is None or key is None or not self.index.is_current(self.story, self.folder.folder,
                                                                     self.folder.profile_path, self.profile()):
            return None
        blob = self.index.store.briefing(self.story, key, state[1])
        try:
            return briefing_from_plain(unpack(blob)) if blob else None
        except (TypeError, KeyError, ValueError):
            return None  # stored by another version of the model: made afresh

    def store_briefings(self, search: ClaimSearch, queries: list[str | None]) -> None:
        """Make and keep the briefings of `queries` for the current state (what `ingest` does for every topic)."""
        state = self.index.store.story(self.story)
        if state is not None:
            payloads = {briefing_key(q): pack(briefing_to_plain(search.brief(q))) for q in queries}
            self.index.store.save_briefings(self.story, state[1], {k: v for k, v in payloads.items() if k is not None})

    def keep_briefing(self, query: str | None, briefing: Briefing, analysis: Analysis) -> None:
        """Store a briefing made from `analysis`, under the ingest that analysis was read from, so that the next
        process answers the same question without loading the index; a cache: a failed write is no error."""
        read, key = self._read, briefing_key(query)
        if read is None or read[0] is not analysis or key is None:
            return  # made from an analysis this folder no longer vouches for
        try:
            self.index.store.save_briefings(self.story, read[1], {key: pack(briefing_to_plain(briefing))})
        except SQLAlchemyError as exc:
            log.debug("briefing not stored: %s", type(exc).__name__)
