"""What a story folder is, cheaply: its profile, the files the index reads, and the signature the index compares.

Light on purpose (standard library, the profile loader and the core's model types): `brief` answers from a stored
briefing through these without loading the document reader, the analysis or the store's database library.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import summarizer
from bot.app.errors import ConfigError, UsageError
from config.profile import ProfileError, load_profile
from summarizer import Profile

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
PROFILE_FILE = "profile.toml"  # the folder's own profile, used unless another is named; never a document
AUTO = "auto"  # profile value: discover parties and topics from the documents
# Files whose content decides what the index stores: a change to any of them makes stored rows invalid.
_FORMAT_MODULES = ("index_codec.py", "index_work.py", "briefing_store.py")


class StoryFolder:
    """A folder of news files and its profile, without the reading of the files (bot/infra/documents.py)."""

    def __init__(self, folder: Path, profile: Path | None = None, auto: bool = False) -> None:
        self.folder = folder
        self.profile_path = None if auto else profile if profile is not None else _default_profile(folder)

    @classmethod
    def open(cls, folder: Path, profile: str | Path | None = None):
        """The folder with a profile file, 'auto', or None (its own profile.toml if any); UsageError if missing."""
        if not folder.is_dir():
            raise UsageError(f"{folder}: documents folder not found or not a folder")
        check_readable(folder)
        auto = profile is not None and str(profile) == AUTO
        return cls(folder, None if auto or profile is None else Path(profile), auto=auto)

    def signature(self) -> tuple:
        return folder_signature(self.folder, self.profile_path)

    def profile(self) -> Profile:
        """The profile file's parties and topics, or an empty profile (auto mode); ConfigError if unusable."""
        if self.profile_path is None:
            return Profile()
        try:
            return load_profile(self.profile_path)
        except ProfileError as exc:
            raise ConfigError(str(exc)) from None


def check_readable(folder: Path) -> None:
    """UsageError naming a folder that exists but cannot be listed (rglob would quietly find nothing in it)."""
    try:
        with os.scandir(folder):
            pass
    except OSError as exc:
        raise UsageError(f"{folder}: documents folder cannot be read ({exc.strerror or type(exc).__name__})") from None


def _default_profile(folder: Path) -> Path | None:
    candidate = folder / PROFILE_FILE
    return candidate if candidate.is_file() else None


def folder_signature(folder: Path, profile: Path | None) -> tuple:
    """Cheap change detector: names, sizes and modification times of every candidate file."""
    files = [profile] if profile else []
    if folder.is_dir():
        files += [Path(path) for _, path in _candidates(folder)]
    out = []
    for path in files:
        try:
            stat = path.stat()
            out.append((str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            out.append((str(path), -1, -1))
    return tuple(out)


def story_key(folder: Path) -> str:
    """The index's name of a story folder (when none is given)."""
    return str(folder.resolve())


@dataclass(frozen=True, slots=True)
class FileEntry:
    doc: str
    path: Path
    size: int
    mtime_ns: int


def scan(folder: Path) -> list[FileEntry]:
    """Candidate files below `folder`, in the order the core reads them (path order)."""
    out = []
    for parts, path in _candidates(folder):
        try:
            info = os.stat(path)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):  # what is_file() asks, without a second stat
            out.append(FileEntry(f"{folder.name}/{'/'.join(parts)}", Path(path), info.st_size, info.st_mtime_ns))
    return out


def _candidates(folder: Path) -> list[tuple[tuple[str, ...], str]]:
    """(parts below `folder`, path) of every entry with a document suffix, in path order: what
    sorted(folder.rglob('*')) gives (symlinked folders are not entered), with os.scandir (10,000 files are
    walked on every refresh and every stored `brief`, and pathlib costs ~4x more)."""
    found: list[tuple[tuple[str, ...], str]] = []
    pending: list[tuple[tuple[str, ...], str]] = [((), str(folder))]
    while pending:
        parts, directory = pending.pop()
        try:
            with os.scandir(directory) as entries:
                listed = list(entries)
        except OSError:
            continue
        for entry in listed:
            here = (*parts, entry.name)
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((here, entry.path))
            except OSError:
                pass
            if _suffix(entry.name).lower() in SUFFIXES:
                found.append((here, entry.path))
    found.sort()
    return found


def _suffix(name: str) -> str:
    """Path(name).suffix."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def signature(files: Sequence[FileEntry], profile: Path | None, profile_data: Profile) -> str:
    """Fingerprint of the folder (names, sizes, times) and the profile's content."""
    digest = hashlib.sha256(repr(profile_data).encode() + core_fingerprint().encode())
    digest.update(str(profile).encode())
    for f in files:
        digest.update(f"{f.doc}\0{f.size}\0{f.mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


@lru_cache(maxsize=1)
def core_fingerprint() -> str:
    """Hash of the core's code and word lists: stored extractions are only valid for the core that made them."""
    root = Path(summarizer.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".txt")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    for module in _FORMAT_MODULES:  # and the format the results are stored in
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:16]
