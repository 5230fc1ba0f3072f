"""RSS 2.0 and Atom feeds: fetch (conditionally), parse with feedparser, then read each new entry's article."""
from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from bot.infra.fetch import Fetcher, FetchError, Validators
from bot.infra.pages import Article, decode, extract_article, host_of, read_page

MAX_ENTRIES = 50  # per feed and refresh: a feed's backlog is read once, newest first
Warn = Callable[[str], None]
_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"


class FeedError(FetchError):
    """The feed answered but is no RSS or Atom we can read."""


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    title: str
    published: datetime | None
    content: str  # the entry's full text when the feed carries it (content:encoded, atom:content), else ""


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    outlet: str
    entries: tuple[Entry, ...]
    validators: Validators
    not_modified: bool = False


@dataclass
class Refresh:
    """What one refresh of the configured sources brought: new articles, validators to keep, and warnings."""

    articles: list[Article] = field(default_factory=list)
    validators: dict[str, Validators] = field(default_factory=dict)
    unchanged: int = 0
    failed: int = 0


def read_feed(fetcher: Fetcher, url: str, warn: Warn, validators: Validators | None = None) -> Feed:
    """The feed's entries (none when it answered 304); FetchError/FeedError when it cannot be read."""
    reply = fetcher.get(url, validators, accept=_ACCEPT)
    if reply.not_modified:
        return Feed(url, "", (), validators or reply.validators, not_modified=True)
    text = decode(reply.body, reply.charset, url, warn)
    if text is None:
        raise FeedError(f"{url}: undecodable feed")
    import feedparser  # on first use: keeps `brief` start-up free of it

    parsed = feedparser.parse(text, response_headers={"content-location": reply.url})
    version = parsed.get("version", "")
    if not version or (parsed.get("bozo") and not parsed.entries):
        reason = parsed.get("bozo_exception")
        raise FeedError(f"{url}: not an RSS or Atom feed" + (f" ({_first_line(reason)})" if reason else ""))
    outlet = (parsed.feed.get("title") or host_of(url)).strip()
    entries = tuple(e for e in (_entry(item) for item in parsed.entries[:MAX_ENTRIES]) if e is not None)
    return Feed(url, outlet, entries, reply.validators)


def _entry(item) -> Entry | None:
    link = item.get("link") or ""
    if not link.startswith(("http://", "https://")):
        return None
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    published = datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc) if stamp else None
    content = ""
    for block in item.get("content") or ():
        if len(block.get("value", "")) > len(content):
            content = block["value"]
    return Entry(link, (item.get("title") or "").strip(), published, content)


def refresh(fetcher: Fetcher, feeds: Iterable[str], pages: Iterable[str], known: dict[str, Validators],
            seen_articles: set[str], warn: Warn) -> Refresh:
    """Read every feed and page once; a bad source warns (naming it) and the others go on."""
    out = Refresh()
    for url in feeds:
        try:
            feed = read_feed(fetcher, url, warn, known.get(url))
        except FetchError as exc:
            warn(str(exc))
            out.failed += 1
            continue
        out.validators[url] = feed.validators
        out.unchanged += feed.not_modified
        for entry in feed.entries:
            if entry.url not in seen_articles:
                article = _entry_article(fetcher, feed, entry, warn)
                if article is not None:
                    out.articles.append(article)
                    seen_articles.add(entry.url)
    for url in pages:
        _refresh_page(fetcher, url, known.get(url), warn, out)
    return out


def _entry_article(fetcher: Fetcher, feed: Feed, entry: Entry, warn: Warn) -> Article | None:
    """The article of a feed entry: the feed's own full text when it has some, else the linked page."""
    if entry.content:
        article = extract_article(entry.content, entry.url, outlet=feed.outlet, published=entry.published)
        if article is not None:
            return Article(entry.url, entry.title or article.title, feed.outlet, entry.published, article.text)
    try:
        page = read_page(fetcher, entry.url, warn, outlet=feed.outlet, published=entry.published)
    except FetchError as exc:
        warn(str(exc))
        return None
    if page.article is None:
        return None
    return Article(entry.url, entry.title or page.article.title, feed.outlet, entry.published or
                   page.article.published, page.article.text)


def _refresh_page(fetcher: Fetcher, url: str, validators: Validators | None, warn: Warn, out: Refresh) -> None:
    try:
        page = read_page(fetcher, url, warn, validators)
    except FetchError as exc:
        warn(str(exc))
        out.failed += 1
        return
    out.validators[url] = page.validators
    out.unchanged += page.not_modified
    if page.article is not None:
        out.articles.append(page.article)


def _first_line(value: object) -> str:
    return str(value).splitlines()[0][:120] if str(value) else value.__class__.__name__
