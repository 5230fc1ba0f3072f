"""Load a folder of news files (.txt, .md, .html) into clean core Documents; skip bad files with a warning.

Every pass over a file's text is linear in its length (no pattern here can backtrack over a long line), and each
file has a time budget: one that is still being read when it runs out is skipped with a warning naming it.
"""
from __future__ import annotations

import codecs
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from bot.app.ports import Warn
from bot.infra.folders import SUFFIXES, StoryFolder, check_readable
from bot.infra.html_text import html_to_text
from summarizer import Document
from summarizer.splitting import LONG_PARAGRAPH
from summarizer.text import paragraph_sentences

MAX_BYTES = 5 * 1024 * 1024  # larger files are not news articles; skip rather than stall a briefing
MB = 1024 * 1024
BINARY_SNIFF = 8192  # leading bytes searched for a NUL: a text file has none
MAX_TITLE = 200  # characters of a first line taken as the title
MAX_SENTENCES = 5000  # a long report has a few hundred; the rest of a longer file is not read
BUDGET_SECONDS = 3.0  # CPU seconds per file for reading, cleaning and sentence splitting
# Every branch is anchored and has at most one unbounded quantifier, so a match costs one pass over the line.
_BOILERPLATE = re.compile(
    r"(?:(?:read|see) (?:more|also)\b.*|related(?: articles| stories| coverage)?:?.*|advertisement"
    r"|share this(?: article)?|sign up\b.*|subscribe\b.*|(?:photo|image|file photo|picture)(?: credit)?:.*"
    r"|(?:updated|published|posted)\s*(?::\s*)?\w.*\d{4}.*|click here\b.*|follow us\b.*|copyright\b.*|©.*"
    r"|all rights reserved.*|reporting by\b.*|editing by\b.*|\w+ minute read)$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_PHOTO_CAPTION = re.compile(r"\((?:photo|image): ", re.IGNORECASE)
# '*Trawlers in the harbour. Photo: Wire/File*': a caption that ends in its credit (short, no sentence after it)
_TRAILING_CREDIT = re.compile(r"(?:^|[.!?]\s+)(?:photo|photograph|image|picture)(?: credit)?:\s*[^.!?]{1,60}$",
                              re.IGNORECASE)
_NAME = re.compile(r"[A-Z][\w.'-]+", re.IGNORECASE)
_LINK = re.compile(r"\[[^\[\]]*\]\([^()]*\)|https?://\S+")  # link text stops at "[": no rescans
_LINK_LIST_FILLER = re.compile(r"[\s|•·,-]")
# Shown text never carries direction overrides (U+202E makes "txt.exe" read "exe.txt") or NULs.
_INVISIBLE = re.compile("[\x00\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NUL = b"\x00"
_URL_SAFE = "!#$%&'()*+,-./:;=?@[]_~"  # a page's address keeps these; spaces, quotes and controls are encoded


class _OverBudget(Exception):
    """A file took longer than its budget to read."""


class DocumentFolder(StoryFolder):
    """A folder of news files and its profile: the Corpus of the briefing service (bot/app/ports.py)."""

    def documents(self, warn: Warn) -> list[Document]:
        check_readable(self.folder)
        return load_documents(self.folder, warn)


def load_documents(folder: Path, warn: Warn, budget: float = BUDGET_SECONDS) -> list[Document]:
    """Every readable news file below `folder`, in path order; bad files are skipped with one warning each."""
    docs = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES):
        doc = load_document(path, folder, warn, budget)
        if doc is not None:
            docs.append(doc)
    return docs


def load_document(path: Path, folder: Path, warn: Warn, budget: float = BUDGET_SECONDS) -> Document | None:
    """One news file below `folder` (None, with a warning, when it cannot be used; the index reads files one by one)."""
    name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
    if path.is_symlink() and not _inside(path, folder.resolve()):
        warn(f"skipped {name}: a link to a file outside the documents folder")
        return None
    if not path.is_file():
        return None
    try:
        return _load_one(path, name, Deadline(budget), warn)
    except _OverBudget:
        warn(f"skipped {name}: not read within {budget:g} s of CPU time (too long or too unusual a text)")
        return None


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link loop
        return False


class Deadline:
    """A file's CPU-time budget. A thread's CPU time cannot run ahead of the wall clock, so the CPU clock (a
    system call, costly next to the wall clock's) is read only once the budget has passed on the wall clock."""

    def __init__(self, budget: float) -> None:
        self._wall = time.perf_counter() + budget
        self._cpu = time.thread_time() + budget

    def passed(self) -> bool:
        return time.perf_counter() > self._wall and time.thread_time() > self._cpu


def _load_one(path: Path, name: str, deadline: Deadline, warn: Warn) -> Document | None:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            warn(f"skipped {name}: {size:,} bytes is over the {MAX_BYTES // (1024 * 1024)} MB limit")
            return None
        raw = path.read_bytes()
    except OSError as exc:
        warn(f"skipped {name}: cannot read ({exc.strerror or exc.__class__.__name__})")
        return None
    text = _decode(raw)
    if text is None:
        warn(f"skipped {name}: {'binary file' if _NUL in raw[:BINARY_SNIFF] else 'not UTF-8 text'}")
        return None
    title, url = "", None
    if path.suffix.lower() in (".html", ".htm"):
        title, text, url = html_to_text(text)
        url = quote(url, safe=_URL_SAFE) if url and not _INVISIBLE.search(url) else None
    text = clean_text(text, deadline)
    if not text.strip():
        warn(f"skipped {name}: empty")
        return None
    text = _first_sentences(text, name, deadline, warn)
    title = (_INVISIBLE.sub("", title).strip() or text.split("\n", 1)[0])[:MAX_TITLE]
    return Document(id=name, text=text, title=title, url=url)


def _first_sentences(text: str, name: str, deadline: Deadline, warn: Warn) -> str:
    """The text up to its MAX_SENTENCES-th sentence: the rest of a file that long is no news article, and
    reading it would cost a briefing seconds on any machine (the CPU budget only stops a slow one). The analysis
    reuses the sentences split here (cached); here they are timed."""
    paragraphs, count = text.split("\n"), 0
    for k, paragraph in enumerate(paragraphs):
        end = 0
        for sentence in paragraph_sentences(paragraph):
            count += 1
            if count > MAX_SENTENCES:
                warn(f"{name}: read only its first {MAX_SENTENCES:,} sentences (a news article has far fewer)")
                return "\n".join([*paragraphs[:k], paragraph[:end]]).rstrip()
            end = max(end, paragraph.find(sentence, end) + len(sentence))
            if count % 256 == 0:
                _check(deadline)
        _check(deadline)
    return text


def _decode(raw: bytes) -> str | None:
    """UTF-8 (with or without a BOM) or UTF-16 with a BOM; None for a binary or other file."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if _NUL in raw[:BINARY_SNIFF]:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _check(deadline: Deadline | None) -> None:
    if deadline is not None and deadline.passed():
        raise _OverBudget


def clean_text(text: str, deadline: Deadline | None = None) -> str:
    """Normalise line ends and spaces, drop invisible controls, boilerplate lines and repeated paragraphs."""
    seen: set[str] = set()
    kept = []
    for line in _lines(_INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")):
        _check(deadline)
        if line.startswith("#"):
            line = line.lstrip("#").strip()  # markdown heading
        if not line or _is_boilerplate(line) or _is_link_list(line):
            continue
        key = re.sub(r"\W+", " ", line).strip().lower()
        if key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return "\n".join(kept)


def _lines(text: str) -> Iterator[str]:
    """Lines with runs of spaces made one; a line longer than LONG_PARAGRAPH is a page that lost its line
    breaks, so it comes out as one line per sentence (bounded, and repeated copies drop out below)."""
    for line in text.split("\n"):
        if "  " in line or "\t" in line or "\u00a0" in line:  # else every run is one space already
            line = _SPACES.sub(" ", line)
        line = line.strip()
        if len(line) <= LONG_PARAGRAPH:
            yield line
        else:
            yield from paragraph_sentences(line)


def _is_boilerplate(line: str) -> bool:
    return bool(_BOILERPLATE.match(line)) or _is_byline(line) or _is_photo_caption(line)


def _is_byline(line: str) -> bool:
    """'By Jane Doe' or 'By Jane Doe and John Roe': up to four names on each side of one 'and'."""
    words = line.split()
    if not 2 <= len(words) <= 10 or words[0].lower() != "by":
        return False
    names = words[1:]
    if not all(_NAME.fullmatch(w) for w in names):
        return False
    if len(names) <= 4:
        return True
    return any(names[i].lower() == "and" and 1 <= len(names) - i - 1 <= 4 for i in range(1, 5))


def _is_photo_caption(line: str) -> bool:
    """A line ending in '(Photo: ...)' or '(Image: ...)' with no other ')' inside that bracket, or in a short
    'Photo: Agency/Name' credit."""
    if ":" in line and _TRAILING_CREDIT.search(line.strip("*_ ")):  # a credit has its colon
        return True
    if not line.endswith(")"):
        return False
    tail = line[line.rfind(")", 0, len(line) - 1) + 1:]
    return bool(_PHOTO_CAPTION.search(tail))


def _is_link_list(line: str) -> bool:
    if "](" not in line and "http" not in line:
        return False
    links = _LINK.findall(line)
    return bool(links) and len(_LINK_LIST_FILLER.sub("", _LINK.sub("", line))) < 20
