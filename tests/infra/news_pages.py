"""Test pages and feeds written for these tests: an article site with navigation, ads and a footer."""
from __future__ import annotations

from html import escape

ARTICLE = [
    "Mediators from Qatar and Egypt met negotiators from both delegations in Doha on Tuesday for a third round "
    "of talks on a phased truce and the exchange of detainees held since the spring.",
    "Israel said it would not accept any arrangement that left armed units in the southern districts, and its "
    "delegation asked for written guarantees on the sequence of any withdrawal.",
    "Hamas rejected the demand for written guarantees, saying the movement had already agreed to the first phase "
    "and that any new condition would only delay the release of prisoners.",
    "Egyptian officials told reporters that the crossing at Rafah could reopen for aid lorries within days if the "
    "two sides agreed on the monitoring of the border road by a third party.",
    "The United States welcomed the progress and urged both sides to close the remaining gaps quickly, a State "
    "Department spokesman said in a written statement late on Tuesday evening.",
]

NAV = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in
              ("World", "Politics", "Business", "Markets", "Sport", "Culture", "Opinion", "Podcasts", "Video"))
RELATED = "".join(f'<li><a href="/story/{k}">{t}</a></li>' for k, t in enumerate((
    "Ten things to know before you travel this winter", "Markets rally as oil prices slip again",
    "Opinion: the quiet return of industrial policy", "Watch: highlights from the weekend's matches")))


def article_page(title: str = "Talks resume in Doha as mediators press for a phased truce",
                 paragraphs: list[str] | None = None, site: str = "The Daily Ledger",
                 date: str = "2026-03-03", charset: str = "utf-8") -> str:
    """A news page as sites serve them: header, menus, ad slots, share bar, related links, comments, footer."""
    body = "".join(f"<p>{escape(p)}</p>" for p in (ARTICLE if paragraphs is None else paragraphs))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="{charset}">
<title>{escape(title)} | {escape(site)}</title>
<meta property="og:site_name" content="{escape(site)}"><meta property="og:title" content="{escape(title)}">
<meta name="date" content="{date}"><script>window.dataLayer = [{{"section": "world"}}];</script>
<style>.ad {{ height: 250px }}</style></head><body>
<header><div class="logo">{escape(site)}</div><nav class="main-menu"><ul>{NAV}</ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies or manage settings.</div>
</header>
<div class="ad ad-leaderboard">Advertisement<a href="https://ads.example/click">Save 50% on premium
subscriptions today, limited offer for new readers only</a></div>
<main><article><h1>{escape(title)}</h1><div class="byline">By Staff Reporter · {date}</div>
<div class="share"><a href="#">Share on social</a><a href="#">Email</a><a href="#">Print</a></div>
{body}
<div class="ad ad-inline">Advertisement - story continues below</div>
</article>
<aside class="related"><h2>Most read</h2><ul>{RELATED}</ul></aside>
<section class="comments"><h2>Comments (12)</h2><p>Great article, thanks for sharing this with us all.</p></section>
</main>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/terms">Terms of use</a></li></ul><p>© 2026 {escape(site)}. All rights reserved.</p></footer>
</body></html>"""


def rss(items: list[tuple[str, str, str]], title: str = "The Daily Ledger - World") -> str:
    """RSS 2.0 with (link, title, pubDate) items."""
    body = "".join(f"<item><title>{escape(t)}</title><link>{escape(link)}</link><pubDate>{date}</pubDate>"
                   f"<description>A short teaser that is not the article.</description></item>"
                   for link, t, date in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>https://ledger.example/</link><description>World news</description>{body}</channel></rss>")


def atom(entries: list[tuple[str, str, str, str]], title: str = "Harbour Post") -> str:
    """Atom 1.0 with (link, title, updated, full html content or '') entries."""
    body = "".join(
        f'<entry><title>{escape(t)}</title><link rel="alternate" href="{escape(link)}"/><id>{escape(link)}</id>'
        f"<updated>{updated}</updated>"
        + (f'<content type="html">{escape(content)}</content>' if content else "") + "</entry>"
        for link, t, updated, content in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:harbour</id><updated>2026-03-03T10:00:00Z</updated>{body}</feed>")
