"""Work done per document during an ingest, in worker processes: plain arguments in, plain data out."""
from __future__ import annotations

import hashlib
import pickle
import zlib
from pathlib import Path

from bot.infra.documents import load_document
from bot.infra.folders import core_fingerprint
from bot.infra.index_codec import found_to_plain, pack, reading_from_plain, reading_to_plain, unpack
from summarizer import Document
from summarizer.extraction import find_statements, read

_state: dict = {}


def run_batch(job: tuple[str, bytes, list]) -> list:
    """One batch of a phase in a worker: the phase's shared state (parties, lexicon) arrives pickled once per
    batch and is unpickled once per worker."""
    name, state, items = job
    key = hashlib.sha1(state).digest()
    if _state.get("key") != key:
        _state.update(pickle.loads(state), key=key)
    return [_PHASES[name](item) for item in items]


def set_state(**state) -> bytes:
    """State for jobs run in this process; returns it pickled for jobs run in workers."""
    blob = pickle.dumps(state)
    _state.update(state, key=hashlib.sha1(blob).digest())
    return blob


def content_hash(story: str, text: str) -> str:
    """Key of a document's extraction: identical copies within a story share it; stories share nothing; a new
    core makes new keys (old rows are dropped as orphans)."""
    return hashlib.sha256(f"{core_fingerprint()}\0{story}\0{text}".encode("utf-8")).hexdigest()


def claim_id(holder: str, key: str) -> str:
    """Stable id of a statement across documents and runs (for 'first seen')."""
    return hashlib.sha1(f"{holder}\0{key}".encode()).hexdigest()[:32]


def load_and_read(job: tuple[str, str, str]) -> dict:
    """Load one file (warnings are returned, not printed) and read it: its sentences."""
    story, path, folder = job
    warnings: list[str] = []
    doc = load_document(Path(path), Path(folder), warnings.append)
    if doc is None:
        return {"content": None, "warnings": warnings}
    return {**read_text(story, doc), "warnings": warnings}


def read_text(story: str, doc: Document) -> dict:
    """The extraction row of one document's text (also used for articles fetched from the web)."""
    reading = read(doc)
    return {"content": content_hash(story, doc.text), "text": zlib.compress(doc.text.encode("utf-8"), 6),
            "reading": pack(reading_to_plain(reading)), "mentions": "{}",  # column kept for older index files
            "title": doc.title, "url": doc.url}


def text_of(blob: bytes) -> str:
    """A stored document text."""
    return zlib.decompress(blob).decode("utf-8")


def statements(job: tuple[str, bytes]) -> tuple[bytes, list[str]]:
    """Statements of one document (compressed) and the ids of its claims."""
    content, blob = job
    found = find_statements(reading_from_plain(content, unpack(blob)), _state["lexicon"])
    return pack(found_to_plain(found)), [claim_id(f.statement.holder, f.key) for f in found]


_PHASES = {"load_and_read": load_and_read, "statements": statements}
