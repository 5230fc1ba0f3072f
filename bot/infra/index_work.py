"""Work done per document during an ingest, in worker processes: plain arguments in, plain data out."""
from __future__ import annotations

import hashlib
import pickle
import zlib
from pathlib import Path

from bot.infra.documents import load_document
from bot.infra.folders import core_fingerprint
from bot.infra.briefing_store import pack, unpack
from bot.infra.index_codec import found_to_plain, reading_from_plain, reading_to_plain
from summarizer import Document
from summarizer.analysis import Claim
from summarizer.extraction import Found, find_statements, name_shadow, read, title_stems
from summarizer.relabel import TitleReads
from summarizer.relevance import TopicAssigner
from summarizer.parties import PartyLexicon, people_key
from summarizer.people import people_in

_state: dict = {}
ROW_LEVEL = 1  # zlib level of a document's stored rows: each is written once per ingest, read when loaded


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
    """Load one file (warnings are returned, not printed) and read it: its sentences (and its people, given
    the profile's parties in the state)."""
    story, path, folder = job
    warnings: list[str] = []
    doc = load_document(Path(path), Path(folder), warnings.append)
    if doc is None:
        return {"content": None, "warnings": warnings}
    return {**read_text(story, doc, _state.get("parties")), "warnings": warnings}


def read_text(story: str, doc: Document, parties: PartyLexicon | None = None) -> dict:
    """The extraction row of one document's text (also used for articles fetched from the web); with the
    parties' lexicon (before people are learned), the people the text names, under that lexicon's key."""
    reading = read(doc)
    row = {"content": content_hash(story, doc.text), "text": zlib.compress(doc.text.encode("utf-8"), ROW_LEVEL),
           "reading": pack(reading_to_plain(reading), ROW_LEVEL), "mentions": "{}",  # titles read: known once extracted
           "title": doc.title, "url": doc.url}
    if parties is not None:
        row.update(people=pack(people_in(parties.alias_party, doc.text), ROW_LEVEL), parties_key=_people_key(parties))
    return row


def people(job: tuple[str, bytes]) -> tuple[bytes, str]:
    """The people one stored text names, under the parties of the state (when the profile changed)."""
    _, blob = job
    parties = _state["parties"]
    return pack(people_in(parties.alias_party, text_of(blob)), ROW_LEVEL), _people_key(parties)


def _people_key(parties: PartyLexicon) -> str:
    """people_key of a phase's parties, worked out once per state, not per document (it hashes every alias).
    A state's parties are a new object each time the state is set, and never changed."""
    known = _state.get("people_key")
    if known is None or known[0] is not parties:
        known = _state["people_key"] = (parties, people_key(parties))
    return known[1]


def text_of(blob: bytes) -> str:
    """A stored document text."""
    return zlib.decompress(blob).decode("utf-8")


def statements(job: tuple[str, bytes, str]) -> tuple[bytes, list[str], list[str]]:
    """Statements of one document (compressed), the ids of its claims and the persons whose titles extraction
    read (relabel.py); with the profile's topics in the state, each with the topics it belongs under (what every
    briefing would otherwise work out again; the document's headline places a short reaction naming none)."""
    content, blob, title = job
    lexicon = TitleReads.of(_state["lexicon"])
    found = find_statements(reading_from_plain(content, unpack(blob)), lexicon)
    if _state.get("topics") and found:
        assigner, lead = TopicAssigner(_state["topics"], lexicon), title_stems(title, name_shadow(lexicon))
        found = tuple(Found(f.statement, f.key, f.stems, f.sentence_stems, f.context_stems, f.neighbour_stems,
                            f.antecedent, tuple(sorted(assigner.topics_of(_claim(f, k, lead)))))
                      for k, f in enumerate(found))
    claims = [claim_id(f.statement.holder, f.key) for f in found]
    return pack(found_to_plain(found), ROW_LEVEL), claims, sorted(lexicon.read)


def _claim(f: Found, order: int, lead: str) -> Claim:
    return Claim(f.statement, [], f.stems, f.sentence_stems, f.context_stems, f.neighbour_stems, order, f.antecedent,
                 lead_stems=lead)


_PHASES = {"load_and_read": load_and_read, "statements": statements, "people": people}
