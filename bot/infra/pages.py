"""One web page in, one article out: decoding by the declared or detected charset, main text by trafilatura."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

from charset_normalizer import from_bytes

from bot.infra.articles import Article
from bot.infra.fetch import Fetcher, FetchError, Validators

MIN_WORDS = 40  # less than this is a teaser, a paywall or an index page, not an article
Warn = Callable[[str], None]

logging.getLogger("trafilatura").setLevel(logging.ERROR)  # it logs every page it finds thin


@dataclass(frozen=True, slots=True)
class PageResult:
    article: Article | None  # None: unchanged (304) or no article text
    validators: Validators
    not_modified: bool = False


def read_page(fetcher: Fetcher, url: str, warn: Warn, validators: Validators | None = None,
              outlet: str = "", published: datetime | None = None) -> PageResult:
    """Fetch and extract one page; FetchError passes through, thin or undecodable pages warn and give None."""
    reply = fetcher.get(url, validators, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
    if reply.not_modified:
        return PageResult(None, validators or reply.validators, not_modified=True)
    html = decode(reply.body, reply.charset, url, warn)
    article = extract_article(html, reply.url, outlet=outlet, published=published) if html else None
    if html and article is None:
        warn(f"{url}: no article text found")
    return PageResult(article, reply.validators)


def decode(body: bytes, charset: str | None, source: str, warn: Warn) -> str | None:
    """Text of a body in its declared charset; a wrong declaration falls back to detection with a warning."""
    if charset:
        try:
            return body.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    else:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    best = from_bytes(body).best()
    if best is None:
        warn(f"{source}: undecodable text (declared {charset or 'nothing'}); skipped")
        return None
    if charset:
        warn(f"{source}: not valid {charset}; read as {best.encoding}")
    return str(best)


def extract_article(html: str, url: str, outlet: str = "", published: datetime | None = None) -> Article | None:
    """The page's main text without navigation, ads and comments; None when it holds no article."""
    import trafilatura  # on first use: a third of a second that every `brief` would otherwise pay at start-up

    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    except Exception:  # noqa: BLE001 - the extractor can fail on any malformed markup; the page is then unusable
        return None
    if found is None or not found.text or len(found.text.split()) < MIN_WORDS:
        return None
    title = (found.title or "").strip()
    text = found.text.strip()
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return Article(url=found.url or url, title=title, outlet=outlet or found.sitename or host_of(url),
                   published=published or parse_date(found.date), text=text)


def host_of(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def parse_date(value: str | None) -> datetime | None:
    """An ISO date or datetime as an aware UTC datetime (trafilatura gives YYYY-MM-DD)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=parsed.tzinfo or timezone.utc).astimezone(timezone.utc)


__all__ = ["Article", "PageResult", "FetchError", "read_page", "decode", "extract_article", "host_of"]
