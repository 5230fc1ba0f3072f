"""What a documents folder may hold that must not reach a briefing: NULs, direction overrides, outside links."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.infra.documents import clean_text, load_documents
from config.profile import load_profile

STATEMENT = "Kyiv said the talks would resume next week."


def _load(folder: Path, **kwargs):
    warnings: list[str] = []
    return load_documents(folder, warn=warnings.append, **kwargs), warnings


def test_nul_bytes_after_the_first_8_kb_are_removed(tmp_path):
    padding = "Moscow rejected the plan on Monday. " * 300
    (tmp_path / "a.txt").write_bytes(f"{padding}\n{STATEMENT}".replace("resume", "re\x00sume").encode())
    docs, warnings = _load(tmp_path)
    assert not warnings and "\x00" not in docs[0].text and STATEMENT in docs[0].text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read_as_text(tmp_path, encoding):
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    (tmp_path / "a.txt").write_bytes(bom + STATEMENT.encode(encoding))
    docs, warnings = _load(tmp_path)
    assert not warnings and docs[0].text == STATEMENT


def test_utf16_without_a_byte_order_mark_is_still_called_binary(tmp_path):
    (tmp_path / "a.txt").write_bytes(STATEMENT.encode("utf-16-le"))
    docs, warnings = _load(tmp_path)
    assert docs == [] and "binary" in warnings[0]


def test_direction_controls_are_removed_from_text_title_and_links(tmp_path):
    (tmp_path / "a.html").write_text(
        "<title>Talks \u202eresume\u202c</title><link rel=canonical href='https://example.com/\u202ea'>"
        f"<p>Kyiv \u2067said\u2069 the talks would resume next week.</p>", encoding="utf-8")
    docs, _ = _load(tmp_path)
    shown = docs[0].title + docs[0].text
    assert not any(ch in shown for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
    assert docs[0].title == "Talks resume" and STATEMENT in docs[0].text and docs[0].url is None
    assert clean_text("a\u202eb\u200fc") == "abc"


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_links_are_followed_only_to_files_inside_the_folder(tmp_path):
    docs_dir, outside = tmp_path / "docs", tmp_path / "outside.txt"
    docs_dir.mkdir()
    outside.write_text("A secret line that must never be shown.", encoding="utf-8")
    (docs_dir / "real.txt").write_text(STATEMENT, encoding="utf-8")
    (docs_dir / "passwd.txt").symlink_to("/etc/passwd")
    (docs_dir / "secret.txt").symlink_to(outside)
    (docs_dir / "alias.txt").symlink_to(docs_dir / "real.txt")
    docs, warnings = _load(docs_dir)
    assert sorted(d.id for d in docs) == ["docs/alias.txt", "docs/real.txt"]
    assert len(warnings) == 2 and all("outside the documents folder" in w for w in warnings)
    assert {"docs/passwd.txt", "docs/secret.txt"} == {w.split(":")[0].removeprefix("skipped ") for w in warnings}


def test_a_file_over_its_time_budget_is_skipped_by_name_and_the_rest_loads(tmp_path):
    (tmp_path / "a.txt").write_text(STATEMENT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(" ".join(f"Moscow said {n} times no." for n in range(20_000)), encoding="utf-8")
    docs, warnings = _load(tmp_path, budget=0.05)
    assert [d.id for d in docs] == [f"{tmp_path.name}/a.txt"]
    assert warnings == [f"skipped {tmp_path.name}/b.txt: not read within 0.05 s of CPU time (too long or too unusual a text)"]


def test_a_page_without_line_breaks_is_cut_into_sentences_and_repeats_drop_out(tmp_path):
    article = "Kyiv said the talks would resume. Moscow rejected the plan. " * 200
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    docs, _ = _load(tmp_path)
    assert docs[0].text.split("\n") == ["Kyiv said the talks would resume.", "Moscow rejected the plan."]


def test_direction_controls_never_reach_names_from_a_profile(tmp_path):
    profile = tmp_path / "profile.toml"
    profile.write_text('[parties."Rus\u202esia"]\naliases = ["Mos\u2066cow"]\n[topics.t]\ntitle = "T\u200fitle"\n'
                       'keywords = ["x"]\n', encoding="utf-8")
    loaded = load_profile(profile)
    assert loaded.parties[0].name == "Russia" and loaded.parties[0].aliases == ("Moscow",)
    assert loaded.topics[0].title == "Title"
