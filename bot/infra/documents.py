"""Load a folder of news files (.txt, .md, .html) into clean core Documents; skip bad files with a warning."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from bot.app.errors import ConfigError, UsageError
from bot.app.ports import Warn
from config.profile import ProfileError, load_profile
from summarizer import Document, Profile

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
MAX_BYTES = 5 * 1024 * 1024  # larger files are not news articles; skip rather than stall a briefing
MB = 1024 * 1024
BINARY_SNIFF = 8192  # leading bytes searched for a NUL: a text file has none
MAX_TITLE = 200  # characters of a first line taken as the title
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
               "blockquote", "figcaption", "header", "footer", "ul", "ol", "table", "title"}
_SKIP_TAGS = {"script", "style", "noscript", "nav", "aside", "footer", "form", "figure", "svg", "iframe",
              "template", "button", "select"}
_BOILERPLATE = re.compile(
    r"^(by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}(\s+and\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3})?\s*$"
    r"|(read|see) (more|also)\b.*|related( articles| stories| coverage)?:?.*|advertisement|share this( article)?"
    r"|sign up\b.*|subscribe\b.*|(photo|image|file photo|picture)( credit)?:.*|.*\((photo|image): [^)]*\)$"
    r"|(updated|published|posted)\s*:?\s*\w+.*\d{4}.*|click here\b.*|follow us\b.*|copyright\b.*|©.*"
    r"|all rights reserved.*|reporting by\b.*|editing by\b.*|\w+ minute read)$",
    re.IGNORECASE,
)
PROFILE_FILE = "profile.toml"  # the folder's own profile, used unless another is named; never a document
AUTO = "auto"  # profile value: discover parties and topics from the documents


class DocumentFolder:
    """A folder of news files and its profile: the Corpus of the briefing service (bot/app/ports.py)."""

    def __init__(self, folder: Path, profile: Path | None = None, auto: bool = False) -> None:
        self.folder = folder
        self.profile_path = None if auto else profile if profile is not None else _default_profile(folder)

    @classmethod
    def open(cls, folder: Path, profile: str | Path | None = None) -> "DocumentFolder":
        """The folder with a profile file, 'auto', or None (its own profile.toml if any); UsageError if missing."""
        if not folder.is_dir():
            raise UsageError(f"{folder}: documents folder not found or not a folder")
        auto = profile is not None and str(profile) == AUTO
        return cls(folder, None if auto or profile is None else Path(profile), auto=auto)

    def signature(self) -> tuple:
        return folder_signature(self.folder, self.profile_path)

    def documents(self, warn: Warn) -> list[Document]:
        return load_documents(self.folder, warn)

    def profile(self) -> Profile:
        """The profile file's parties and topics, or an empty profile (auto mode); ConfigError if unusable."""
        if self.profile_path is None:
            return Profile()
        try:
            return load_profile(self.profile_path)
        except ProfileError as exc:
            raise ConfigError(str(exc)) from None


def _default_profile(folder: Path) -> Path | None:
    candidate = folder / PROFILE_FILE
    return candidate if candidate.is_file() else None


def folder_signature(folder: Path, profile: Path | None) -> tuple:
    """Cheap change detector: names, sizes and modification times of every candidate file."""
    files = [profile] if profile else []
    if folder.is_dir():
        files += sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)
    out = []
    for path in files:
        try:
            stat = path.stat()
            out.append((str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            out.append((str(path), -1, -1))
    return tuple(out)


def load_documents(folder: Path, warn: Warn) -> list[Document]:
    """Every readable news file below `folder`, in path order; bad files are skipped with one warning each."""
    docs = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix.lower() not in SUFFIXES:
            continue
        doc = _load_one(path, folder, warn)
        if doc is not None:
            docs.append(doc)
    return docs


def _load_one(path: Path, folder: Path, warn: Warn) -> Document | None:
    name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            warn(f"skipped {name}: {size // MB} MB is over the {MAX_BYTES // MB} MB limit")
            return None
        raw = path.read_bytes()
    except OSError as exc:
        warn(f"skipped {name}: cannot read ({exc.strerror or exc.__class__.__name__})")
        return None
    if b"\x00" in raw[:BINARY_SNIFF]:
        warn(f"skipped {name}: binary file")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        warn(f"skipped {name}: not UTF-8 text")
        return None
    title, url = "", None
    if path.suffix.lower() in (".html", ".htm"):
        title, text, url = html_to_text(text)
    text = clean_text(text)
    if not text.strip():
        warn(f"skipped {name}: empty")
        return None
    if not title:
        title = text.split("\n", 1)[0][:MAX_TITLE]
    return Document(id=name, text=text, title=title, url=url)


def clean_text(text: str) -> str:
    """Normalise line ends, drop boilerplate lines and repeated paragraphs (keep the first copy)."""
    seen: set[str] = set()
    kept = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = re.sub(r"[ \t\u00a0]+", " ", line).strip()
        if line.startswith("#"):
            line = line.lstrip("#").strip()  # markdown heading
        key = re.sub(r"\W+", " ", line).strip().lower()
        if not line or _BOILERPLATE.match(line) or _is_link_list(line):
            continue
        if key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return "\n".join(kept)


def _is_link_list(line: str) -> bool:
    links = re.findall(r"\[[^\]]*\]\([^)]*\)|https?://\S+", line)
    return bool(links) and len(re.sub(r"\[[^\]]*\]\([^)]*\)|https?://\S+|[\s|•·,-]", "", line)) < 20


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.url: str | None = None
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "link" and attrs.get("rel") == "canonical" and attrs.get("href"):
            self.url = attrs["href"]
        elif tag == "meta" and attrs.get("property") == "og:url" and attrs.get("content") and not self.url:
            self.url = attrs["content"]
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str, str | None]:
    """(title, text, canonical url) of an HTML page; scripts, navigation and asides dropped."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    title = re.sub(r"\s+", " ", parser.title).strip()
    text = "\n".join(re.sub(r"\s+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n{text}"
    url = parser.url if parser.url and parser.url.startswith(("http://", "https://")) else None
    return title, text, url
