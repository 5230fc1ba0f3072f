"""Article text and addresses as Discord will show them: inert markdown, links that cannot break out."""
from __future__ import annotations

import re

import pytest

from bot.render.discord import escape, safe_url
from tests.render.discord_samples import unescaped


@pytest.mark.parametrize("text", ["[the full statement](https://evil.example/login)", "**bold** _it_ ~~x~~ `c`",
                                  "||spoiler|| > quote", "# heading", "- item", "<@123> <t:1:R> <#9>", "a\\b"])
def test_escaped_text_reads_the_same_and_has_no_markdown_left(text):
    shown = escape(text)
    assert unescaped(shown) == text
    assert not re.search(r"(?<!\\)[*_~`|<>\[\]#]", shown.replace("\\\\", ""))  # each one escaped


def test_hyphens_inside_words_and_direction_controls():
    assert escape("long-range talks") == "long-range talks"
    assert escape("Kyiv \u202eseid\u202c no\x00") == "Kyiv seid no"


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a_(b)", "https://example.org/a_(b)"),
    ("https://example.org/a story)/x", "https://example.org/a%20story%29/x"),
    ("https://example.org/)(", "https://example.org/%29%28"),
    ('https://example.org/"x"<y>', "https://example.org/%22x%22%3Cy%3E"),
    ("http://example.org/%20already", "http://example.org/%20already"),
    ("javascript:alert(1)", None), ("ftp://example.org/a", None), ("https:///nohost", None), (None, None),
])
def test_urls_are_http_with_nothing_that_ends_a_markdown_link(url, expected):
    assert safe_url(url) == expected
