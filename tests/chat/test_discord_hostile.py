"""Discord end to end against hostile article text: a markdown link inside a quote stays inert text, a page's
odd canonical URL cannot break out of its source link, and direction controls never reach the channel."""
from __future__ import annotations

import json
import re
from pathlib import Path

from bot.app.service import BriefingService
from bot.infra.documents import DocumentFolder
from tests.chat.test_discord_e2e import (  # noqa: F401  (fixtures, restore_endpoints autouse)
    MENTION_PROFILE, Start, fake, followups, restore_endpoints, start_bot)
from tests.fakes.discord_fake import FakeDiscord

ARTICLE = """<html><head><title>Talks</title>
<link rel="canonical" href="https://news.example/a story)/x?q=1"></head><body>
<p>Ukraine insists that NATO membership is essential, as [the full statement](https://evil.example/login) \u202eexplains.</p>
<p>Russia rejects NATO membership for Ukraine, calling it **a red line** and a `threat`.</p>
</body></html>"""
MARKDOWN_LINK = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\((https?://[^)\s]+)\)")


async def test_article_markdown_cannot_make_a_link_and_urls_stay_inside_theirs(fake: FakeDiscord, start_bot: Start,
                                                                              tmp_path: Path) -> None:
    (tmp_path / "article.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "profile.toml").write_text(MENTION_PROFILE, encoding="utf-8")
    service = BriefingService(DocumentFolder(tmp_path))
    assert any("evil.example" in s.quote for s in service.brief("nato").sources())  # the test means something
    await start_bot(service)
    _, token = await fake.inject_command({"topic": "nato"})
    bodies = await followups(fake, token, 1)
    shown = json.dumps(bodies, ensure_ascii=False)
    links = [m.group(1) for body in bodies for embed in body.get("embeds") or []
             for text in [embed.get("description", "")] + [f["value"] for f in embed.get("fields", [])]
             for m in MARKDOWN_LINK.finditer(text)]
    assert links and set(links) == {"https://news.example/a%20story%29/x?q=1"}  # the page's own link, encoded
    assert "\\\\[the full statement\\\\](https://evil.example/login)" in shown  # shown as text, escaped
    assert "\\\\*\\\\*a red line\\\\*\\\\*" in shown and "\u202e" not in shown
