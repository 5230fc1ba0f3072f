"""Loading a folder of news: formats, boilerplate, and bad files skipped with a warning."""
from pathlib import Path

from bot.infra.documents import MAX_BYTES, MAX_SENTENCES, clean_text, html_to_text, load_documents


def _load(folder: Path):
    warnings: list[str] = []
    return load_documents(folder, warn=warnings.append), warnings


def test_bad_files_are_skipped_with_one_warning_each_and_the_rest_loads(tmp_path):
    (tmp_path / "good.txt").write_text("Kyiv said the talks would resume.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01garbage")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(MAX_BYTES + 1)
    (tmp_path / "profile.toml").write_text("[parties.A]\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    docs, warnings = _load(tmp_path)
    assert [d.id for d in docs] == [f"{tmp_path.name}/good.txt"]
    assert len(warnings) == 4
    joined = "\n".join(warnings)
    for name, reason in (("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                         ("huge.txt", "MB")):
        assert name in joined and reason in joined


def test_folders_are_read_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("# Heading\nMoscow rejected the plan.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kyiv welcomed the plan.", encoding="utf-8")
    docs, _ = _load(tmp_path)
    assert [d.id.split("/", 1)[1] for d in docs] == ["a.txt", "b/two.md"]
    assert docs[1].text.startswith("Heading\n")


def test_html_keeps_title_and_text_and_drops_scripts_navigation_and_link_lists():
    title, text, url = html_to_text(
        "<html><head><title>Talks stall</title><link rel='canonical' href='https://example.com/a'>"
        "<script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav>"
        "<p>Moscow rejected the plan.</p><aside>Related: <a href='/b'>More</a></aside></body></html>")
    assert title == "Talks stall" and url == "https://example.com/a"
    assert "Moscow rejected the plan." in text
    assert "var x" not in text and "Home" not in text and "More" not in text


def test_boilerplate_lines_and_repeated_paragraphs_are_dropped():
    raw = ("By Jane Doe\nKyiv said the talks would resume.\nRead more: the war in maps\n"
           "Advertisement\n(Photo: a tank near Kharkiv. Image: Wire)\nKyiv said the talks would resume.\n"
           "Reporting by Jane Doe; Editing by John Roe")
    assert clean_text(raw) == "Kyiv said the talks would resume."


def test_a_caption_ending_in_its_photo_credit_is_dropped():
    raw = ("Kyiv said the talks would resume.\n*Soldiers near the border. Photo: Wire/File*\n"
           "Moscow said it would attend.")
    assert clean_text(raw) == "Kyiv said the talks would resume.\nMoscow said it would attend."


def test_a_file_longer_than_any_article_is_read_up_to_its_sentence_cap_and_named(tmp_path):
    sentences = [f"Delegation {n} said on day {n} that the talks would go on." for n in range(MAX_SENTENCES + 50)]
    (tmp_path / "report.txt").write_text("Report\n" + " ".join(sentences[:10]) + "\n" + " ".join(sentences[10:]),
                                         encoding="utf-8")
    warnings: list[str] = []
    [doc] = load_documents(tmp_path, warnings.append)
    assert doc.text.startswith("Report\nDelegation 0 said")
    assert f"Delegation {MAX_SENTENCES - 2} said" in doc.text and f"Delegation {MAX_SENTENCES - 1} said" not in doc.text
    assert doc.text.endswith("would go on.")
    assert len(warnings) == 1 and warnings[0].endswith(
        f"/report.txt: read only its first {MAX_SENTENCES:,} sentences (a news article has far fewer)")
